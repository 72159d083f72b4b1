// Network faults a community's host can throw at the atlas: a slow server, one that never
// answers, no network at all, another site's feed without CORS headers, a feed too big
// to read. Each gets a clear message in the visitor's language, and a retry where one helps.
import { test, expect } from "@playwright/test";
import { FIREFOX_DRIVER_CANNOT } from "./engines.mjs";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { EVENTS } from "./bundled.mjs";

const seed = readFileSync(new URL("../../public/feed.json", import.meta.url), "utf8");

async function ready(page) {
  await expect(page.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(EVENTS);
}

test("a slow feed server: the prerendered page shows the events at once; an atlas drawn in the browser says it is still loading after 5 s", async ({ page }) => {
  test.setTimeout(45_000);
  await page.route("**/feed.json", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 7000));
    await route.fulfill({ contentType: "application/json", headers: { "access-control-allow-origin": "*" }, body: seed });
  });
  await page.goto("./?lang=fr");
  // Readable before the feed comes; brought to life once it has.
  await expect(page.locator(".ma-event")).toHaveCount(EVENTS);
  await expect(page.locator("[data-meetup-atlas-live]")).toHaveCount(0);
  await expect(page.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(EVENTS, { timeout: 10_000 });

  const hosts = new URL("../../target/e2e-site/other-origin/hosts/", import.meta.url);
  mkdirSync(hosts, { recursive: true });
  writeFileSync(
    new URL("slow.html", hosts),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>slow</title></head><body>
<meetup-atlas lang="fr"></meetup-atlas>
<script type="module" src="http://127.0.0.1:4173/atlas/meetup-atlas.js"></script></body></html>`,
  );
  await page.goto("http://127.0.0.1:4174/hosts/slow.html");
  const atlas = page.locator("meetup-atlas");
  const status = atlas.getByRole("status");
  await expect(status).toContainText("Chargement des rencontres…");
  await expect(status).not.toContainText("tarde à répondre");
  await expect(status).toContainText("Chargement toujours en cours\u00a0: le serveur tarde à répondre.", { timeout: 6500 });
  await expect(atlas.locator(".ma-event")).toHaveCount(EVENTS);
  await expect(atlas.getByRole("status").filter({ hasText: "tarde" })).toHaveCount(0);
});

test("a feed server that never answers is given up after 20 s, with a retry that works", async ({ page }) => {
  test.setTimeout(60_000);
  let answer = false;
  await page.route("**/feed.json", (route) => (answer ? route.fulfill({ contentType: "application/json", body: seed }) : undefined));
  const started = Date.now();
  await page.goto("./");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("The server did not answer within 20 seconds.", { timeout: 25_000 });
  expect(Date.now() - started).toBeGreaterThan(19_000);
  answer = true;
  await alert.getByRole("button", { name: "Try again" }).click();
  await ready(page);
});

test("with no network, the visitor is told the device is offline", async ({ page, context, browserName }) => {
  test.skip(browserName === "firefox", FIREFOX_DRIVER_CANNOT.offline);
  // The app is loaded first (a 503 for the feed), then the network goes as Try again is pressed.
  let offline = false;
  await page.route("**/feed.json", async (route) => {
    if (!offline) return route.fulfill({ status: 503, body: "" });
    await context.setOffline(true);
    await route.abort("internetdisconnected");
  });
  await page.goto("./");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("The server answered with status 503.");
  offline = true;
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(alert).toContainText("This device is offline and has no saved copy of the events.");
  await context.setOffline(false);
});

test("another site's feed without CORS headers is named as the likely cause", async ({ page }) => {
  // The host page and its element live on 127.0.0.1:4174; the feed on localhost:4174,
  // a third origin for the browser, which sends no Access-Control-Allow-Origin.
  const hosts = new URL("../../target/e2e-site/other-origin/hosts/", import.meta.url);
  mkdirSync(hosts, { recursive: true });
  writeFileSync(new URL("cors-feed.json", hosts), seed);
  writeFileSync(
    new URL("cors.html", hosts),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cors</title></head><body>
<meetup-atlas feed="http://localhost:4174/hosts/cors-feed.json" lang="fr"></meetup-atlas>
<script type="module" src="http://127.0.0.1:4173/atlas/meetup-atlas.js"></script></body></html>`,
  );
  await page.goto("http://127.0.0.1:4174/hosts/cors.html");
  const alert = page.locator("meetup-atlas").getByRole("alert");
  await expect(alert).toContainText("Impossible de charger les rencontres.");
  await expect(alert).toContainText("en-têtes CORS");
  await expect(alert.getByRole("button", { name: "Réessayer" })).toBeVisible();
  const box = await page.locator("meetup-atlas").boundingBox();
  expect(box.height).toBeGreaterThan(50);
});

test("a feed over 50 MB is refused with its size, not read", async ({ page }) => {
  const body = " ".repeat(51 * 1024 * 1024);
  await page.route("**/feed.json", (route) => route.fulfill({ contentType: "application/json", body }));
  await page.goto("./");
  await expect(page.getByRole("alert")).toContainText("The feed is 51.0 MB; feeds over 50 MB are not read, so that the page stays usable.");
});

/** Throws in the page what a wasm trap throws, from outside the wasm (no panic hook runs). */
const trap = (page) =>
  page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError("unreachable"); }, 0));

test("a wasm trap leaves a clear notice and a Reload that brings the atlas back", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("./?lang=fr");
  await ready(page);
  await trap(page);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Un problème est survenu et l’atlas s’est arrêté.");
  await expect(page.locator(".ma-event")).toHaveCount(0);
  await alert.getByRole("button", { name: "Recharger" }).click();
  await ready(page);
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(errors).toEqual(["unreachable"]);
});

/** What the wasm's panic hook sends each atlas of its instance (src/ui/crash.rs, CRASH_EVENT). */
const panicIn = (host) =>
  host.evaluate((box) => box.dispatchEvent(new Event("meetup-atlas-crash", { bubbles: true, composed: true })));

test("a panic leaves the notice in the atlas' language, its Reload focused, and Reload brings the atlas back", async ({ page }) => {
  await page.goto("./?lang=fr");
  await ready(page);
  await panicIn(page.locator("[data-meetup-atlas]"));
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Un problème est survenu et l’atlas s’est arrêté.Rechargez-le pour le relancer.");
  await expect(page.locator(".ma-event")).toHaveCount(0);
  await expect(alert.getByRole("button", { name: "Recharger" })).toBeFocused();
  await alert.getByRole("button", { name: "Recharger" }).click();
  await ready(page);
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("each element runs in its own instance, and one that stopped restarts alone", async ({ page }) => {
  const hosts = new URL("../../target/e2e-site/other-origin/hosts/", import.meta.url);
  mkdirSync(hosts, { recursive: true });
  writeFileSync(
    new URL("two-instances.html", hosts),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>two</title></head><body>
<meetup-atlas id="a" lang="en" views="list"></meetup-atlas>
<meetup-atlas id="b" lang="fr" views="list"></meetup-atlas>
<script type="module" src="http://127.0.0.1:4173/atlas/meetup-atlas.js"></script></body></html>`,
  );
  await page.goto("http://127.0.0.1:4174/hosts/two-instances.html");
  const [a, b] = [page.locator("#a"), page.locator("#b")];
  await expect(a.locator(".ma-event")).toHaveCount(EVENTS);
  await expect(b.locator(".ma-event")).toHaveCount(EVENTS);
  const glue = await page.evaluate(() => performance.getEntriesByType("resource").map((r) => r.name).filter((n) => /instance=\d+$/.test(n)));
  expect(new Set(glue.map((n) => n.match(/instance=(\d+)$/)[1]))).toEqual(new Set(["1", "2"]));

  // A stopped element (its panic, from inside its shadow root) shows its notice; the other
  // keeps working; Reload restarts it alone.
  await panicIn(page.locator("#a .ma-box"));
  await expect(a.getByRole("alert")).toContainText("Something went wrong and the atlas stopped.");
  await b.getByRole("searchbox").fill("ottawa");
  await expect(b.locator(".ma-event")).toHaveCount(1);
  await a.getByRole("button", { name: "Reload" }).click();
  await expect(a.locator(".ma-event")).toHaveCount(EVENTS);
  await expect(b.locator(".ma-event")).toHaveCount(1, { timeout: 1000 });
  expect(page.url()).toBe("http://127.0.0.1:4174/hosts/two-instances.html");
});
