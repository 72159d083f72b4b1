// meetup-atlas service worker: the app works offline from static hosting.
// Source: src/js/sw.js; the build (src/js/finish-dist.mjs) fills in VERSION and SHELL.
//  - The app shell: cache-first, saved at install.
//  - The basemap: stale-while-revalidate: the saved copy at once, refreshed behind it.
//  - Feeds (every other .json here): network-first, for NETWORK_WAIT_MS. The saved copy
//    when the network fails, is too slow, answers an error status or something that is
//    not a feed; marked with when it was saved and why it was used, so the page can say so.
//  - Only what parses as a feed (or a basemap) is saved: a captive portal or a proxy's
//    error page answered with 200 must never replace a good copy.
//  - An event's page (events/<id>/, fr/events/<id>/): network-first, saved once shown; offline
//    and never shown, the atlas of its language opened on the event (?event=<id>).
//  - A new build is a new VERSION: it is installed in the background, takes over at
//    once, and removes the caches of older versions; the next visit runs it.
const VERSION = "__VERSION__";
const SHELL = __SHELL__;

const SCOPE = self.registration.scope;
// Caches belong to the whole origin: name them by scope so two atlases on one site keep apart.
const PREFIX = `meetup-atlas ${SCOPE} `;
const SHELL_CACHE = `${PREFIX}shell ${VERSION}`;
const DATA_CACHE = `${PREFIX}data`;
const SAVED_AT = "x-meetup-atlas-saved-at";
// Why the saved copy was used: "offline", "timeout", "status <code>" or "not-a-feed".
const SAVED_BECAUSE = "x-meetup-atlas-saved-because";
// Long enough for a big feed on a slow link, well before the page gives up (20 s).
const NETWORK_WAIT_MS = 8000;
const shellUrls = new Set(SHELL.map((path) => new URL(path, SCOPE).href));
// The hosted page in each language: English at the root, French in fr/.
const PAGES = [new URL("./", SCOPE).href, new URL("fr/", SCOPE).href];
const BASEMAP = new URL("basemap.json", SCOPE).href;
// The world layers, fetched only by a feed with places beyond the basemap (the finer one
// once zoomed in): not precached.
const WORLD = new URL("world.json", SCOPE).href;
const WORLD_DETAIL = new URL("world-50m.json", SCOPE).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      await shell.addAll([...shellUrls].filter((url) => !isData(new URL(url)) && url !== BASEMAP && url !== WORLD && url !== WORLD_DETAIL));
      if (shellUrls.has(BASEMAP)) {
        const response = await fetch(BASEMAP, { cache: "no-cache" });
        const body = await jsonBody(response, isBasemap);
        if (body) await shell.put(BASEMAP, copy(response, body));
      }
      // The feed of this build, so that even a first visit can be read offline later.
      const data = await caches.open(DATA_CACHE);
      for (const url of shellUrls) {
        if (isData(new URL(url)) && !(await data.match(url))) {
          const response = await fetch(url, { cache: "no-cache" });
          const body = await feedBody(response);
          if (body) await data.put(url, copy(response, body, { [SAVED_AT]: String(Date.now()) }));
        }
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== SHELL_CACHE && name !== DATA_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !url.href.startsWith(SCOPE)) return;
  if (request.mode === "navigate") {
    const path = url.origin + url.pathname;
    const page = PAGES.find((at) => path === at || path === `${at}index.html`);
    if (page) event.respondWith(savedPage(page, request));
    else if (eventPage(path)) event.respondWith(savedEventPage(request, eventPage(path)));
  } else if (isData(url)) event.respondWith(networkFirst(event));
  else if (url.href === BASEMAP || url.href === WORLD || url.href === WORLD_DETAIL) event.respondWith(staleWhileRevalidate(event));
  // The script's copies of the wasm glue (`?instance=2`, one per element) are the same file.
  else if (shellUrls.has(url.origin + url.pathname)) event.respondWith(cacheFirst(request));
});

function isData(url) {
  return url.pathname.endsWith(".json") && !/\/(basemap|world|world-50m)\.json$/.test(url.pathname);
}

async function savedPage(page, request) {
  const cached = await caches.match(page, { cacheName: SHELL_CACHE });
  return cached ?? fetch(request);
}

/** The atlas page and the event of an event page's address, else null. */
function eventPage(path) {
  for (const atlas of PAGES) {
    const id = path.startsWith(atlas) && /^events\/([A-Za-z0-9._-]+)\/(index\.html)?$/.exec(path.slice(atlas.length))?.[1];
    if (id) return { atlas, id };
  }
  return null;
}

async function savedEventPage(request, { atlas, id }) {
  try {
    const response = await fetch(request);
    const type = response.headers.get("content-type") ?? "";
    // A page of this build refers to this build's files: saved with the shell.
    if (response.ok && type.startsWith("text/html")) {
      const saved = copy(response, await response.clone().arrayBuffer());
      await caches.open(SHELL_CACHE).then((shell) => shell.put(request.url, saved)).catch(() => {});
    }
    return response;
  } catch (error) {
    const saved = await caches.match(request.url, { cacheName: SHELL_CACHE, ignoreSearch: true });
    if (saved) return saved;
    if (await caches.match(atlas, { cacheName: SHELL_CACHE })) return Response.redirect(`${atlas}?event=${encodeURIComponent(id)}`, 302);
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: SHELL_CACHE, ignoreSearch: true });
  return cached ?? fetch(request);
}

async function staleWhileRevalidate(event) {
  const request = event.request;
  // Started at once: it refreshes the saved copy even when that copy answers.
  const network = (async () => {
    const response = await fetch(request);
    const body = await jsonBody(response, isBasemap).catch(() => null);
    if (body) await caches.open(SHELL_CACHE).then((shell) => shell.put(request, copy(response, body))).catch(() => {});
    return response;
  })();
  const cached = await caches.match(request, { cacheName: SHELL_CACHE, ignoreVary: true });
  if (!cached) return network;
  event.waitUntil(network.catch(() => {}));
  return cached;
}

async function networkFirst(event) {
  const request = event.request;
  // What the network said, once its body is known to be a feed (then saved) or not.
  // Kept running past the timeout, so that a slow answer still refreshes the saved copy.
  const network = (async () => {
    let response, body;
    try {
      response = await fetch(request);
      body = await feedBody(response);
    } catch (error) {
      return { error, because: "offline" };
    }
    if (!body) return { response, because: response.ok ? "not-a-feed" : `status ${response.status}` };
    const saved = copy(response, body, { [SAVED_AT]: String(Date.now()) });
    // A full disk must not cost the visitor the fresh answer.
    await caches.open(DATA_CACHE).then((data) => data.put(request, saved)).catch(() => {});
    return { response };
  })();
  event.waitUntil(network);
  const saved = await caches.match(request, { cacheName: DATA_CACHE, ignoreVary: true });
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, NETWORK_WAIT_MS, { because: "timeout" })));
  let outcome = await Promise.race([network, timeout]);
  clearTimeout(timer);
  if (outcome.because && saved) return savedBecause(saved, outcome.because);
  // No saved copy: wait for the network however long it takes (the page has its own
  // timeout), and pass on whatever it answered: an error status, a page that is not a feed.
  if (outcome.because === "timeout") outcome = await network;
  if (outcome.error) throw outcome.error;
  return outcome.response;
}

function isObject(json) {
  return typeof json === "object" && json !== null && !Array.isArray(json);
}

// `schema_version` and `events` as docs/feed.md has them; a feed without `events` is
// still saved, as the app reads it as one with none.
const MAX_BYTES = 50 * 1024 * 1024;

function isFeed(json) {
  return isObject(json) && typeof json.schema_version === "number" && (!("events" in json) || Array.isArray(json.events));
}

function isBasemap(json) {
  return isObject(json) && Array.isArray(json.regions);
}

/** The body of a feed: `response`'s when it is 2xx, JSON by its Content-Type and parses as a feed; else null. */
function feedBody(response) {
  const type = response.headers.get("content-type") ?? "";
  if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) return null;
  return jsonBody(response, isFeed);
}

/** `response`'s body when it is 2xx and its JSON passes `valid`, else null. Reads a clone. */
async function jsonBody(response, valid) {
  if (!response.ok) return null;
  const bytes = await response.clone().arrayBuffer();
  // The app refuses feeds over 50 MB (core::feed::MAX_FEED_BYTES): never keep one.
  if (bytes.byteLength > MAX_BYTES) return null;
  try {
    // Decoded as the page does: UTF-8, a BOM dropped.
    return valid(JSON.parse(new TextDecoder().decode(bytes))) ? bytes : null;
  } catch {
    return null;
  }
}

/** A copy of `response` with `body` (already read) and extra headers, to save. */
function copy(response, body, extra = {}) {
  const headers = new Headers(response.headers);
  // The body is stored decoded: the network's encoding and length no longer describe it.
  headers.delete("content-encoding");
  headers.delete("content-length");
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** The saved copy, saying why it answered instead of the network. */
function savedBecause(saved, because) {
  const headers = new Headers(saved.headers);
  headers.set(SAVED_BECAUSE, because);
  return new Response(saved.body, { status: saved.status, statusText: saved.statusText, headers });
}
