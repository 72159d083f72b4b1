// Offline use and production hosting: the service worker, the saved-data notice, a
// faulty server not spoiling the saved copies, new versions replacing old caches, and
// the strict Content-Security-Policy of docs/nginx/meetup-atlas.conf.
// page.route cannot see what the service worker fetches; context.route can (Chromium).
import { test, expect } from "@playwright/test";
import { FIREFOX_DRIVER_CANNOT } from "./engines.mjs";
import { cpSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { bundled, EVENTS } from "./bundled.mjs";

test.use({ serviceWorkers: "allow" });

const atlasRoot = new URL("../../target/e2e-site/atlas-origin/", import.meta.url);

async function ready(page) {
  await expect(page.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(EVENTS);
}

/** Waits until the service worker controls the page. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

const FEED = "**/atlas/feed.json";
const BASEMAP = "**/atlas/basemap.json";
const SAVED_BECAUSE = "x-meetup-atlas-saved-because";
const basemap = JSON.parse(readFileSync(new URL("../../public/basemap.json", import.meta.url), "utf8"));
const seed = readFileSync(new URL("../../public/feed.json", import.meta.url), "utf8");

/** The page's next answer for the feed (from the service worker once it controls the page). */
const feedAnswer = (page) => page.waitForResponse((response) => response.url().endsWith("/atlas/feed.json"));

/** A first visit, after which the service worker controls the page and has the feed saved. */
async function visited(page) {
  await page.goto("./");
  await ready(page);
  await controlled(page);
}

/** The events of the saved copy, with the notice (its wording says why, when not offline). */
async function savedCopyShown(page, { offline = false } = {}) {
  await ready(page);
  await expect(page.locator(".ma-offline")).toBeVisible();
  if (offline) await expect(page.locator(".ma-offline")).toHaveText(/^Offline — data saved on /);
}

test("offline, a reload shows the saved data with a notice in either language", async ({ page, context, browserName }) => {
  test.skip(browserName === "firefox", FIREFOX_DRIVER_CANNOT.offline);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("./");
  await ready(page);
  await controlled(page);
  await expect(page.locator(".ma-offline")).toHaveCount(0);

  await context.setOffline(true);
  const answer = feedAnswer(page);
  await page.reload();
  await ready(page);
  await expect(page.locator(".ma-offline")).toHaveText(/^Offline — data saved on \w+ \d{1,2}, \d{4}/);
  expect((await answer).headers()[SAVED_BECAUSE]).toBe("offline");
  await expect(page.locator(".ma-marker")).toHaveCount(5);
  await page.getByRole("link", { name: "Français" }).click();
  await expect(page.locator(".ma-offline")).toHaveText(/^Hors ligne — données enregistrées le \d{1,2}(er)? \S+ \d{4}/);
  // The French page is kept too: it opens offline.
  await page.goto("fr/");
  await ready(page);
  await expect(page.locator(".meetup-atlas")).toHaveAttribute("lang", "fr");
  await expect(page.locator(".ma-offline")).toHaveText(/^Hors ligne/);

  // Back online, the feed comes from the network again and the notice goes.
  await context.setOffline(false);
  await page.reload();
  await ready(page);
  await expect(page.locator(".ma-offline")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("offline, an event's page once shown opens again; one never shown opens as the atlas on that event", async ({ page, context, browserName }) => {
  test.skip(browserName === "firefox", FIREFOX_DRIVER_CANNOT.offline);
  const [shown, never] = [bundled.events[0], bundled.events.at(-1)];
  await page.goto(`events/${shown.id}/`);
  await ready(page);
  await controlled(page);
  // Shown while the worker controls the page: it keeps it.
  await page.reload();
  await ready(page);
  await context.setOffline(true);
  await page.goto(`events/${shown.id}/`);
  await ready(page);
  await expect(page.locator(".ma-details h3")).toContainText(shown.title.en);
  await page.goto(`events/${never.id}/`);
  await ready(page);
  await expect(page.locator(".ma-details h3")).toContainText(never.title.en);
  // The atlas' own page, addressed as a link to the event (drawn from the saved copy, it
  // is not the build's page and keeps the event in its query).
  await expect(page).toHaveURL(new RegExp(`/atlas/\\?event=${never.id}$`));
  await context.setOffline(false);
});

test("the service worker is installed once the atlas is live, not during its take-over", async ({ page }) => {
  // Installing it fetches and saves the shell and the feed: not while the page comes to life.
  await page.addInitScript(() => {
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...args) => {
      window.__liveWhenRegistered = document.querySelector("[data-meetup-atlas]").hasAttribute("data-meetup-atlas-live");
      return register(...args);
    };
  });
  await visited(page);
  expect(await page.evaluate(() => window.__liveWhenRegistered)).toBe(true);
});

test("a new version is picked up on the next visit and the old caches are removed", async ({ page }) => {
  // A copy of the site under its own sub-path (its own scope), to change between visits.
  const copy = new URL("versioned/", atlasRoot);
  rmSync(copy, { recursive: true, force: true });
  cpSync(new URL("atlas/", atlasRoot), copy, { recursive: true });
  const scope = "http://127.0.0.1:4173/versioned/";

  await page.goto(scope);
  await ready(page);
  await controlled(page);
  const first = (await cacheNames(page)).filter((name) => name.includes(scope) && name.includes(" shell "));
  expect(first).toHaveLength(1);

  // Deploy "version 2": a marked page (the atlas sets the title itself) and, as every
  // build does, another sw.js.
  const index = new URL("index.html", copy);
  writeFileSync(index, readFileSync(index, "utf8").replace("<title>", '<meta name="deployed" content="version 2"><title>'));
  const sw = new URL("sw.js", copy);
  writeFileSync(sw, readFileSync(sw, "utf8").replace(/const VERSION = "[0-9a-f]+";/, 'const VERSION = "version-2";'));
  // Their precompressed copies would be stale: gone, as a build would replace them.
  for (const file of ["index.html.br", "index.html.gz", "sw.js.br", "sw.js.gz"]) rmSync(new URL(file, copy));

  // This visit is still served from the cache, and finds the new worker.
  await page.goto(scope);
  await ready(page);
  await expect(page.locator('meta[name="deployed"]')).toHaveCount(0);
  await expect.poll(() => cacheNames(page)).toContain(`meetup-atlas ${scope} shell version-2`);
  await expect.poll(async () => (await cacheNames(page)).filter((name) => name.includes(scope) && name.includes(" shell "))).toEqual([
    `meetup-atlas ${scope} shell version-2`,
  ]);

  // The next visit runs the new version.
  await page.goto(scope);
  await ready(page);
  await expect(page.locator('meta[name="deployed"]')).toHaveCount(1);
  // The atlas at /atlas/ on the same origin kept its own caches apart.
  rmSync(copy, { recursive: true, force: true });
});

test("under the strict CSP: one inline script, allowed by its hash, zero console errors, nothing from another origin", async ({ page, baseURL }) => {
  const errors = [];
  const requests = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("request", (r) => requests.push(r.url()));
  const response = await page.goto("./");
  const csp = response.headers()["content-security-policy"];
  // No inline style sheet or style attribute: the prerendered page is placed by classes
  // of its own style sheet.
  expect(csp).toContain("style-src 'self';");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toContain("style-src-attr");
  const html = await response.text();
  // Two scripts: the language redirect, inline, and the page's script; and the events'
  // JSON-LD, a data block that is never run. The redirect is the one inline script the
  // policy allows, by its hash; nothing else inline would run.
  const scripts = html.match(/<script\b[^>]*>/g);
  const data = (tag) => tag === '<script type="application/ld+json">';
  expect(scripts.filter((tag) => !data(tag))).toEqual(["<script>", '<script type="module" src="./meetup-atlas.js">']);
  expect(scripts.filter(data)).toHaveLength(1);
  const redirect = html.match(/<script>([\s\S]*?)<\/script>/)[1];
  const hash = createHash("sha256").update(redirect).digest("base64");
  expect(csp).toContain(`script-src 'self' 'sha256-${hash}' 'wasm-unsafe-eval';`);
  expect(html).not.toMatch(/<style\b|\son[a-z]+=|\sstyle=/);
  // One style sheet, named by its content: the first paint waits for one request.
  expect(html.match(/<link\b[^>]*stylesheet[^>]*>/g)).toEqual([expect.stringMatching(/^<link rel="stylesheet" href="\.\/site-[0-9a-f]{16}\.css">$/)]);
  await ready(page);
  await controlled(page);

  // Exercise what draws styles and dialogs: zoom the map, move the timeline, select, embed.
  await page.getByRole("group", { name: "Map controls" }).getByRole("button", { name: "Zoom in on the map" }).click();
  await page.getByRole("button", { name: "Later" }).click();
  await page.locator(".ma-marker").first().click();
  await page.getByRole("button", { name: "Embed" }).click();
  await page.getByRole("button", { name: "Close" }).click();
  await page.getByRole("link", { name: "Français" }).click();
  await expect(page.locator(".meetup-atlas")).toHaveAttribute("lang", "fr");

  for (const [file, type, cache] of [
    ["meetup-atlas.js", "application/javascript", "no-cache"],
    ["sw.js", "application/javascript", "no-cache"],
    ["feed.json", "application/json", "no-cache"],
    ["manifest.webmanifest", "application/manifest+json", "no-cache"],
  ]) {
    const headers = (await page.request.get(file)).headers();
    expect(headers["content-type"], file).toContain(type);
    expect(headers["cache-control"], file).toBe(cache);
  }
  const wasm = requests.find((url) => url.endsWith("_bg.wasm"));
  const wasmHeaders = (await page.request.get(wasm, { headers: { "accept-encoding": "br" } })).headers();
  expect(wasmHeaders).toMatchObject({ "content-type": "application/wasm", "cache-control": "public, max-age=31536000, immutable", "content-encoding": "br" });
  // The build's brotli-11 copy, sent as it is.
  const precompressed = statSync(new URL(`atlas/${wasm.split("/").pop()}.br`, atlasRoot)).size;
  expect(Number(wasmHeaders["content-length"])).toBe(precompressed);

  const origin = new URL(baseURL).origin;
  expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
  expect(errors).toEqual([]);
});

test("with a saved feed, a server error (500) or a missing feed (404) shows the saved copy and the notice", async ({ page, context, browserName }) => {
  test.skip(browserName === "firefox", FIREFOX_DRIVER_CANNOT.workerRoutes);
  await visited(page);
  await context.route(FEED, (route) => route.fulfill({ status: 500, contentType: "text/html", body: "<h1>500 Internal Server Error</h1>" }));
  let answer = feedAnswer(page);
  await page.reload();
  await savedCopyShown(page);
  expect((await answer).headers()[SAVED_BECAUSE]).toBe("status 500");
  await context.unroute(FEED);

  // nginx's own 404: the feed (and its precompressed copies) gone from the server.
  const served = ["feed.json", "feed.json.br", "feed.json.gz"].map((name) => [new URL(`atlas/${name}`, atlasRoot), new URL(`atlas/${name}.away`, atlasRoot)]);
  for (const [file, away] of served) renameSync(file, away);
  try {
    answer = feedAnswer(page);
    await page.reload();
    await savedCopyShown(page);
    expect((await answer).headers()[SAVED_BECAUSE]).toBe("status 404");
  } finally {
    for (const [file, away] of served) renameSync(away, file);
  }

  // The server fixed: the network's feed again, and no notice.
  await page.reload();
  await ready(page);
  await expect(page.locator(".ma-offline")).toHaveCount(0);
});

test("with a saved feed, a server that never answers gives way to the saved copy after 8 s", async ({ page, context, browserName }) => {
  test.skip(browserName === "firefox", FIREFOX_DRIVER_CANNOT.workerRoutes);
  await visited(page);
  const stalled = [];
  await context.route(FEED, (route) => void stalled.push(route));
  const answer = feedAnswer(page);
  const started = Date.now();
  await page.reload();
  await expect(page.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(EVENTS, { timeout: 15_000 });
  expect(Date.now() - started).toBeGreaterThan(7_900);
  await savedCopyShown(page);
  expect((await answer).headers()[SAVED_BECAUSE]).toBe("timeout");
  expect(stalled.length).toBeGreaterThan(0);
  for (const route of stalled) await route.abort().catch(() => {});
});

test("a 200 that is not a feed (a captive portal's page) is answered with the saved copy and never saved", async ({ page, context, browserName }) => {
  test.skip(browserName === "firefox", FIREFOX_DRIVER_CANNOT.workerRoutes);
  await visited(page);
  const notFeeds = [
    { contentType: "text/html", body: "<!doctype html><title>Wi-Fi</title><form action=/login>Sign in to continue</form>" },
    { contentType: "application/json", body: '{"error": "down for maintenance"}' },
    { contentType: "application/json", body: seed.slice(0, 2000) },
  ];
  for (const notFeed of notFeeds) {
    await context.route(FEED, (route) => route.fulfill({ status: 200, ...notFeed }));
    const answer = feedAnswer(page);
    await page.reload();
    await savedCopyShown(page);
    expect((await answer).headers()[SAVED_BECAUSE], notFeed.body).toBe("not-a-feed");
    await context.unroute(FEED);
    // Had it been saved over the good copy, this would show it.
    await context.setOffline(true);
    await page.reload();
    await savedCopyShown(page, { offline: true });
    await context.setOffline(false);
  }
});

test("with no saved feed, the server's own answers are shown as they are, and a bad one is not saved", async ({ page, context, browserName }) => {
  test.skip(browserName === "firefox", FIREFOX_DRIVER_CANNOT.workerRoutes);
  const alert = page.getByRole("alert");
  // From the first visit on, so that the worker's install cannot save the feed either.
  await context.route(FEED, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Sign in</title>" }));
  await page.goto("./");
  await expect(alert).toContainText("The feed is not valid JSON");
  await controlled(page);
  let answer = feedAnswer(page);
  await page.reload();
  await expect(alert).toContainText("The feed is not valid JSON");
  expect((await answer).headers()[SAVED_BECAUSE]).toBeUndefined();
  await context.unroute(FEED);
  await context.route(FEED, (route) => route.fulfill({ status: 500, body: "" }));
  await page.reload();
  await expect(alert).toContainText("The server answered with status 500.");
  // (A route answers even offline.)
  await context.unroute(FEED);
  await context.setOffline(true);
  await page.reload();
  await expect(alert).toContainText("This device is offline and has no saved copy of the events.");
  await context.setOffline(false);

  // A good answer at last is saved.
  await page.reload();
  await ready(page);
  await expect(page.locator(".ma-offline")).toHaveCount(0);
  await context.setOffline(true);
  await page.reload();
  await savedCopyShown(page, { offline: true });
  await context.setOffline(false);
});

test("a basemap answered once as HTML does not stick: the next good one is drawn and saved", async ({ page, context }) => {
  const regions = page.locator(".ma-region");
  // A proxy's error page from the first visit on, when the worker installs.
  await context.route(BASEMAP, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><h1>502 Bad Gateway</h1>" }));
  await visited(page);
  await expect(page.getByText("The background map could not be loaded")).toBeVisible();
  await expect(regions).toHaveCount(0);

  await context.unroute(BASEMAP);
  await page.reload();
  await ready(page);
  await expect(regions).toHaveCount(basemap.regions.length);
  await expect(page.getByText("The background map could not be loaded")).toHaveCount(0);
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await expect(regions).toHaveCount(basemap.regions.length);
  await context.setOffline(false);
});

test("the basemap is drawn from the saved copy at once and refreshed behind it, never with a bad answer", async ({ page, context, browserName }) => {
  test.skip(browserName === "firefox", FIREFOX_DRIVER_CANNOT.workerRoutes);
  const regions = page.locator(".ma-region");
  const savedRegions = () => page.evaluate(async () => (await (await caches.match("basemap.json")).json()).regions.length);
  const all = basemap.regions.length;
  await visited(page);
  await expect(regions).toHaveCount(all);

  // A bad answer: the saved basemap is drawn, and stays the saved one.
  await context.route(BASEMAP, (route) => route.fulfill({ contentType: "text/html", body: "<h1>502 Bad Gateway</h1>" }));
  for (let i = 0; i < 2; i++) {
    await page.reload();
    await ready(page);
    await expect(regions).toHaveCount(all);
  }
  expect(await savedRegions()).toBe(all);
  await context.unroute(BASEMAP);

  // A new basemap on the server: drawn from the visit after the one that fetched it.
  const fewer = JSON.stringify({ ...basemap, regions: basemap.regions.slice(1) });
  await context.route(BASEMAP, (route) => route.fulfill({ contentType: "application/json", body: fewer }));
  await page.reload();
  await ready(page);
  await expect(regions).toHaveCount(all);
  await expect.poll(savedRegions).toBe(all - 1);
  await page.reload();
  await ready(page);
  await expect(regions).toHaveCount(all - 1);
});
