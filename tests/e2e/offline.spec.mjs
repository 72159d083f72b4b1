// Offline use and production hosting: the service worker, the saved-data notice, new
// versions replacing old caches, and the strict Content-Security-Policy of
// docs/nginx/meetup-atlas.conf.
import { test, expect } from "@playwright/test";
import { cpSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";

test.use({ serviceWorkers: "allow" });

const atlasRoot = new URL("../../target/e2e-site/atlas-origin/", import.meta.url);

async function ready(page) {
  await expect(page.locator(".ma-event")).toHaveCount(6);
}

/** Waits until the service worker controls the page. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

test("offline, a reload shows the saved data with a notice in either language", async ({ page, context }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("./");
  await ready(page);
  await controlled(page);
  await expect(page.locator(".ma-offline")).toHaveCount(0);

  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await expect(page.locator(".ma-offline")).toHaveText(/^Offline — data saved on \w+ \d{1,2}, \d{4}/);
  await expect(page.locator(".ma-marker")).toHaveCount(5);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.locator(".ma-offline")).toHaveText(/^Hors ligne — données enregistrées le \d{1,2} \S+ \d{4}/);

  // Back online, the feed comes from the network again and the notice goes.
  await context.setOffline(false);
  await page.reload();
  await ready(page);
  await expect(page.locator(".ma-offline")).toHaveCount(0);
  expect(errors).toEqual([]);
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

  // Deploy "version 2": another page title and, as every build does, another sw.js.
  const index = new URL("index.html", copy);
  writeFileSync(index, readFileSync(index, "utf8").replace("<title>", "<title>Version 2 — "));
  const sw = new URL("sw.js", copy);
  writeFileSync(sw, readFileSync(sw, "utf8").replace(/const VERSION = "[0-9a-f]+";/, 'const VERSION = "version-2";'));
  // Their precompressed copies would be stale: gone, as a build would replace them.
  for (const file of ["index.html.br", "index.html.gz", "sw.js.br", "sw.js.gz"]) rmSync(new URL(file, copy));

  // This visit is still served from the cache, and finds the new worker.
  await page.goto(scope);
  await ready(page);
  await expect(page).not.toHaveTitle(/^Version 2/);
  await expect.poll(() => cacheNames(page)).toContain(`meetup-atlas ${scope} shell version-2`);
  await expect.poll(async () => (await cacheNames(page)).filter((name) => name.includes(scope) && name.includes(" shell "))).toEqual([
    `meetup-atlas ${scope} shell version-2`,
  ]);

  // The next visit runs the new version.
  await page.goto(scope);
  await ready(page);
  await expect(page).toHaveTitle(/^Version 2/);
  // The atlas at /atlas/ on the same origin kept its own caches apart.
  rmSync(copy, { recursive: true, force: true });
});

test("under the strict CSP: no inline script, zero console errors, nothing from another origin", async ({ page, baseURL }) => {
  const errors = [];
  const requests = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("request", (r) => requests.push(r.url()));
  const response = await page.goto("./");
  const csp = response.headers()["content-security-policy"];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain("unsafe-inline");
  const html = await response.text();
  expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="./meetup-atlas.js">']);
  expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/);
  await ready(page);
  await controlled(page);

  // Exercise what draws styles and dialogs: zoom the map, move the timeline, select, embed.
  await page.getByRole("group", { name: "Map controls" }).getByRole("button", { name: "Zoom in" }).click();
  await page.getByRole("button", { name: "Later" }).click();
  await page.locator(".ma-marker").first().click();
  await page.getByRole("button", { name: "Embed" }).click();
  await page.getByRole("button", { name: "Close" }).click();
  await page.getByRole("button", { name: "Français" }).click();
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
