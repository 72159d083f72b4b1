// meetup-atlas service worker: the app works offline from static hosting.
// Source: src/js/sw.js; the build (src/js/finish-dist.mjs) fills in VERSION and SHELL.
//  - The app shell and the basemap: cache-first, saved at install.
//  - Feeds (every other .json here): network-first; the saved copy when the network
//    fails, marked with the time it was saved so the page can say so.
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
const shellUrls = new Set(SHELL.map((path) => new URL(path, SCOPE).href));
const PAGE = new URL("./", SCOPE).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      await shell.addAll([...shellUrls].filter((url) => !isData(new URL(url))));
      // The feed of this build, so that even a first visit can be read offline later.
      const data = await caches.open(DATA_CACHE);
      for (const url of shellUrls) {
        if (isData(new URL(url)) && !(await data.match(url))) {
          const response = await fetch(url, { cache: "no-cache" });
          if (response.ok) await data.put(url, await stamped(response));
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
    if (path === PAGE || path === `${PAGE}index.html`) event.respondWith(page(request));
  } else if (isData(url)) event.respondWith(networkFirst(request));
  else if (shellUrls.has(url.href)) event.respondWith(cacheFirst(request));
});

function isData(url) {
  return url.pathname.endsWith(".json") && !url.pathname.endsWith("/basemap.json");
}

async function page(request) {
  const cached = await caches.match(PAGE, { cacheName: SHELL_CACHE });
  return cached ?? fetch(request);
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: SHELL_CACHE });
  return cached ?? fetch(request);
}

async function networkFirst(request) {
  const data = await caches.open(DATA_CACHE);
  let response;
  try {
    response = await fetch(request);
  } catch (offline) {
    const saved = await data.match(request, { ignoreVary: true });
    if (saved) return saved;
    throw offline;
  }
  if (response.ok) await data.put(request, await stamped(response.clone()));
  return response;
}

/** A copy of `response` that says when it was saved. */
async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, String(Date.now()));
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}
