// What must hold in every engine (this suite runs in Chromium and Firefox; the WebKit
// smoke suite, tests/webkit/smoke.mjs, checks the same in WebKit): every declaration of
// the built style sheets takes effect, no error of any kind at a desktop and a phone
// width in both languages (ResizeObserver loops and CSP violations included, which
// Chromium's console does not show), and an offline reload through the service worker.
import { test, expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { styleRules, declarationsOf, supportPairs, unsupportedDeclarations, describeDeclaration } from "../webkit/css-declarations.mjs";

const dist = new URL("../../target/e2e-site/atlas-origin/atlas/", import.meta.url);
const feed = JSON.parse(readFileSync(new URL("feed.json", dist), "utf8"));
const hostsDir = new URL("../../target/e2e-site/other-origin/hosts/", import.meta.url);
const atlasOrigin = "http://127.0.0.1:4173";

// Everything a page's console would show as a fault, kept in each document as it loads:
// the WebKit suite's recorder, given to Playwright as an init script.
const recorder = { path: fileURLToPath(new URL("../webkit/pages/record.js", import.meta.url)) };

async function faults(page) {
  const frames = await Promise.all(page.frames().map((f) => f.evaluate(() => window.__recorded ?? []).catch(() => [])));
  return frames.flat().map(({ kind, text, at }) => `${kind} at ${at}: ${text}`);
}

test("no declaration of the built style sheets loses its effect", async ({ page }) => {
  await page.goto("./");
  // The pages' one style sheet holds the widget's (atlas-*.css) and the page's, then the
  // placing rules.
  const built = (prefix) => readdirSync(dist).filter((name) => new RegExp(`^${prefix}-[0-9a-f]+\\.css$`).test(name));
  const sheets = built("site");
  expect(sheets).toHaveLength(1);
  const site = readFileSync(new URL(sheets[0], dist), "utf8");
  for (const part of [...built("atlas"), ...built("page")]) expect(site, part).toContain(readFileSync(new URL(part, dist), "utf8"));
  const failing = [];
  for (const file of sheets) {
    const declarations = declarationsOf(styleRules(readFileSync(new URL(file, dist), "utf8")));
    expect(declarations.length, file).toBeGreaterThan(0);
    const pairs = supportPairs(declarations);
    const results = await page.evaluate((pairs) => pairs.map(([property, value]) => CSS.supports(property, value)), pairs);
    failing.push(...unsupportedDeclarations(declarations, pairs, results).map((d) => describeDeclaration(d, file)));
  }
  expect(failing).toEqual([]);
});

for (const [width, height] of [
  [1280, 900],
  [390, 844],
]) {
  test.describe(`at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    for (const [name, path] of [
      ["the English page", "./"],
      ["the French page", "./fr/"],
    ]) {
      test(`${name}: no error of any kind as it comes to life and is used`, async ({ page }) => {
        await page.addInitScript(recorder);
        const thrown = [];
        page.on("pageerror", (e) => thrown.push(e.message));
        await page.goto(path);
        await expect(page.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(feed.events.length);
        await page.locator(".ma-controls").getByRole("button").first().click();
        await page.locator(".ma-marker").first().click();
        await page.locator(".ma-event-open").first().click();
        await expect(page.locator(".ma-details")).toBeVisible();
        await page.setViewportSize({ width: width === 390 ? 1024 : 390, height });
        await page.setViewportSize({ width, height });
        // Two frames: a ResizeObserver loop is reported at the end of the frame after.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        expect([...(await faults(page)), ...thrown]).toEqual([]);
      });
    }

    test("the <meetup-atlas> element on another site: no error of any kind", async ({ page }) => {
      mkdirSync(hostsDir, { recursive: true });
      writeFileSync(
        new URL("engines.html", hostsDir),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Events</title></head><body><h1>Our events</h1>` +
          `<meetup-atlas lang="fr"></meetup-atlas><script type="module" src="${atlasOrigin}/atlas/meetup-atlas.js"></script></body></html>`,
      );
      await page.addInitScript(recorder);
      const thrown = [];
      page.on("pageerror", (e) => thrown.push(e.message));
      await page.goto("http://127.0.0.1:4174/hosts/engines.html");
      const atlas = page.locator("meetup-atlas");
      await expect(atlas.locator(".ma-event")).toHaveCount(feed.events.length);
      await atlas.locator(".ma-marker").first().click();
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      expect([...(await faults(page)), ...thrown]).toEqual([]);
    });
  });
}

test.describe("with the server gone", () => {
  test.use({ serviceWorkers: "allow" });

  test("a reload is answered by the service worker: every event, and a notice that says so", async ({ page }) => {
    // A server of its own (tests/e2e/serve.sh on other ports), stopped halfway.
    const port = 4273;
    const server = spawn("bash", ["serve.sh"], { env: { ...process.env, E2E_PORT: String(port) }, stdio: "ignore", detached: true });
    try {
      const url = `http://127.0.0.1:${port}/atlas/`;
      await expect.poll(() => fetch(url).then((r) => r.status, () => 0), { timeout: 20_000 }).toBe(200);
      await page.goto(url);
      await expect(page.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(feed.events.length);
      await page.evaluate(() => navigator.serviceWorker.ready);
      // The first visit installs the worker; the next one is its own.
      await page.reload();
      await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
      await expect(page.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(feed.events.length);
      process.kill(-server.pid);
      await expect.poll(() => fetch(url).then((r) => r.status, () => 0)).toBe(0);
      await page.reload();
      await expect(page.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(feed.events.length);
      await expect(page.locator(".ma-offline")).toHaveText(/^Offline — data saved on /);
      const titles = await page.locator(".ma-event-open").allTextContents();
      expect(titles.sort()).toEqual(feed.events.map((event) => event.title.en).sort());
    } finally {
      try {
        process.kill(-server.pid);
      } catch {}
    }
  });
});
