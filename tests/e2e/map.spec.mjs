import { test, expect } from "@playwright/test";
import { FIREFOX_DRIVER_CANNOT } from "./engines.mjs";
import { EVENTS } from "./bundled.mjs";

const surface = ".ma-map-surface";

async function viewBox(page) {
  const [x, y, w, h] = (await page.locator(".ma-map-svg").getAttribute("viewBox")).split(" ").map(Number);
  return { x, y, w, h };
}

async function ready(page) {
  await expect(page.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(EVENTS);
  await expect(page.locator(".ma-region").first()).toBeAttached();
}

test("one marker per city, named with its count; the basemap comes from our origin", async ({ page, baseURL }) => {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto("./");
  await ready(page);
  const names = await page.locator(".ma-marker").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
  expect(names.sort()).toEqual([
    "Kitchener-Waterloo — 1\u00a0meetup, past",
    "Montreal — 1\u00a0meetup, past",
    "Ottawa — 1\u00a0meetup, past",
    "Quebec City — 1\u00a0meetup, past",
    "Toronto — 1\u00a0meetup, past",
  ]);
  await expect(page.getByRole("group", { name: "Map of the meetups" })).toBeVisible();
  expect(requests.some((u) => u.endsWith("/atlas/basemap.json"))).toBe(true);
  const origin = new URL(baseURL).origin;
  expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
  // Every marker is inside the map: the feed's places are fitted on load.
  const box = await page.locator(surface).boundingBox();
  for (const marker of await page.locator(".ma-marker").all()) {
    const m = await marker.boundingBox();
    expect(m.x).toBeGreaterThanOrEqual(box.x);
    expect(m.x + m.width).toBeLessThanOrEqual(box.x + box.width);
    expect(m.y).toBeGreaterThanOrEqual(box.y);
    expect(m.y + m.height).toBeLessThanOrEqual(box.y + box.height);
  }
  await page.locator(surface).screenshot({ path: "artifacts/map-en.png" });
});

test("clicking a marker shows that city's events; Escape clears", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  const toronto = page.getByRole("button", { name: /^Toronto — / });
  await toronto.click();
  await expect(toronto).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("heading", { name: "Events in Toronto" })).toBeVisible();
  await expect(page.locator(".ma-event")).toHaveCount(1);
  await expect(page.locator(".ma-event .ma-place")).toHaveText("Toronto");
  await expect(page.locator(".ma-event")).toContainText("Observable Kubernetes");
  await page.keyboard.press("Escape");
  await expect(page.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(EVENTS);
  await expect(toronto).toHaveAttribute("aria-pressed", "false");
  // The button under the heading clears too.
  await page.getByRole("button", { name: /^Montreal — / }).click();
  await page.getByRole("button", { name: "Show all events" }).click();
  await expect(page.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(EVENTS);
});

test("keyboard only: tab to Toronto and select it with Enter", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  let name = "";
  for (let i = 0; i < 40 && !name.startsWith("Toronto"); i++) {
    await page.keyboard.press("Tab");
    name = (await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))) ?? "";
  }
  expect(name).toBe("Toronto — 1\u00a0meetup, past");
  await expect(page.locator(".ma-tooltip")).toHaveText("Toronto — 1\u00a0meetup, past");
  await page.keyboard.press("Enter");
  await expect(page.locator(".ma-event")).toHaveCount(1);
  await expect(page.locator(".ma-selected")).toHaveAttribute("data-place", "toronto");
});

test("zoom and pan: buttons, keys, ctrl+wheel, drag; plain wheel scrolls the page", async ({ page, browserName }) => {
  await page.goto("./");
  await ready(page);
  const controls = page.getByRole("group", { name: "Map controls" });
  const start = await viewBox(page);
  await controls.getByRole("button", { name: "Zoom in on the map" }).click();
  const zoomedIn = await viewBox(page);
  expect(zoomedIn.w).toBeCloseTo(start.w / 1.5, 1);
  await controls.getByRole("button", { name: "Zoom out of the map" }).click();
  await controls.getByRole("button", { name: "Zoom out of the map" }).click();
  expect((await viewBox(page)).w).toBeGreaterThan(start.w);
  await controls.getByRole("button", { name: "Show all places" }).click();
  expect(await viewBox(page)).toEqual(start);

  await controls.getByRole("button", { name: "Move east" }).click();
  expect((await viewBox(page)).x).toBeGreaterThan(start.x);
  await controls.getByRole("button", { name: "Show all places" }).click();

  await page.locator(surface).focus();
  await page.keyboard.press("+");
  expect((await viewBox(page)).w).toBeLessThan(start.w);
  await page.keyboard.press("0");
  await page.keyboard.press("ArrowLeft");
  expect((await viewBox(page)).x).toBeLessThan(start.x);
  await page.keyboard.press("0");
  expect(await viewBox(page)).toEqual(start);

  // Drag pans (the content follows the pointer).
  const box = await page.locator(surface).boundingBox();
  await page.mouse.move(box.x + 100, box.y + 100);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + 150, { steps: 5 });
  await page.mouse.up();
  const dragged = await viewBox(page);
  expect(dragged.x).toBeLessThan(start.x);
  expect(dragged.w).toBeCloseTo(start.w, 6);

  // Plain wheel over an unfocused map leaves the zoom alone and shows the hint.
  await page.locator("h1").click();
  await page.locator(surface).scrollIntoViewIfNeeded();
  const wheelBox = await page.locator(surface).boundingBox();
  const before = await viewBox(page);
  await page.mouse.move(wheelBox.x + 300, wheelBox.y + 200);
  await page.mouse.wheel(0, -200);
  await expect(page.locator(".ma-hint")).toHaveText("Hold Ctrl while scrolling to zoom the map");
  expect((await viewBox(page)).w).toBeCloseTo(before.w, 6);
  // The page may have scrolled under the pointer: aim at the map again.
  const ctrlBox = await page.locator(surface).boundingBox();
  await page.mouse.move(ctrlBox.x + ctrlBox.width / 2, ctrlBox.y + ctrlBox.height / 2);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -200);
  await page.keyboard.up("Control");
  expect((await viewBox(page)).w).toBeLessThan(before.w);

  // Double-click zooms in.
  if (browserName === "firefox") {
    test.info().annotations.push({ type: "skipped part", description: FIREFOX_DRIVER_CANNOT.dblclick });
    return;
  }
  const beforeDbl = await viewBox(page);
  await page.mouse.dblclick(ctrlBox.x + 50, ctrlBox.y + 50);
  expect((await viewBox(page)).w).toBeCloseTo(beforeDbl.w / 2, 1);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });
  test("close markers cluster and split apart when zoomed in; no horizontal scroll", async ({ page }) => {
    await page.goto("./");
    await ready(page);
    const group = page.locator(".ma-marker-group").first();
    await expect(group).toHaveAttribute("aria-label", /Toronto, Kitchener-Waterloo — 2\u00a0meetups, past\. Zoom in to separate them/);
    await page.locator(surface).screenshot({ path: "artifacts/map-phone-clustered.png" });
    await group.click();
    await expect(page.getByRole("button", { name: /^Kitchener-Waterloo — 1/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Toronto — 1/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});

test("French: place and region names and marker names follow the language", async ({ page }) => {
  await page.goto("./?lang=fr");
  await ready(page);
  await expect(page.getByRole("button", { name: "Québec — 1\u00a0rencontre, passée" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Commandes de la carte" }).getByRole("button", { name: "Zoom avant" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Carte des rencontres" })).toBeVisible();
  await page.getByRole("button", { name: /^Montréal — / }).click();
  await expect(page.getByRole("heading", { name: "Événements à Montréal" })).toBeVisible();
  await page.locator(surface).screenshot({ path: "artifacts/map-fr.png" });
});

test("pinch zooms the map and the timeline", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  const pinch = (selector) =>
    page.evaluate((selector) => {
      const surface = document.querySelector(selector);
      const box = surface.getBoundingClientRect();
      const fire = (type, pointerId, x) =>
        surface.dispatchEvent(new PointerEvent(type, { pointerId, clientX: box.left + x, clientY: box.top + 60, button: 0, bubbles: true, pointerType: "touch" }));
      fire("pointerdown", 11, 100);
      fire("pointerdown", 12, 200);
      fire("pointermove", 12, 300); // 100 px apart → 200 px apart
      fire("pointerup", 11, 100);
      fire("pointerup", 12, 300);
    }, selector);
  const before = await viewBox(page);
  await pinch(surface);
  expect((await viewBox(page)).w).toBeCloseTo(before.w / 2, 1);
  const ticks = await page.locator(".ma-tick").count();
  await pinch(".ma-timeline-strip");
  expect(await page.locator(".ma-tick").count()).not.toBe(ticks);
});

test("places beyond the basemap get the world layer under them, fetched only then", async ({ page }) => {
  const { readFileSync } = await import("node:fs");
  const seed = JSON.parse(readFileSync(new URL("../../public/feed.json", import.meta.url)));
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.goto("./");
  await ready(page);
  expect(requested.some((p) => p.endsWith("/world.json"))).toBe(false);

  const far = structuredClone(seed);
  far.places.push(
    { id: "vancouver", name: { en: "Vancouver", fr: "Vancouver" }, region: "BC", country: "CA", lat: 49.2827, lon: -123.1207 },
    { id: "paris", name: { en: "Paris", fr: "Paris" }, region: "IDF", country: "FR", lat: 48.8566, lon: 2.3522 },
  );
  for (const place of ["vancouver", "paris"]) {
    far.events.push({ ...structuredClone(seed.events[0]), id: `${place}-2019`, place, sessions: [] });
  }
  await page.route("**/feed.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(far) }));
  await page.goto("./?far");
  await expect(page.locator(".ma-event")).toHaveCount(8);
  await expect(page.locator("path.ma-world").first()).toBeAttached();
  expect(requested.some((p) => p.endsWith("/world.json"))).toBe(true);
  for (const place of ["vancouver", "paris"]) {
    const marker = page.locator(`.ma-marker[data-place=${place}]`);
    await expect(marker).toBeVisible();
    // Under the marker's centre: land of the world layer, not the water behind it.
    const under = await marker.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return document.elementsFromPoint(r.x + r.width / 2, r.y + r.height / 2).map((e) => e.getAttribute("class") ?? "");
    });
    expect(under.some((c) => c.includes("ma-world")), `${place}: ${under}`).toBe(true);
  }
  await page.screenshot({ path: "artifacts/map-world.png" });
  // At world zoom the countries are named, not the basemap's provinces; the finer world
  // outlines wait for a closer zoom.
  await expect(page.locator('text.ma-region-label[visibility="visible"]', { hasText: /^(Canada|United States)$/ }).first()).toBeAttached();
  await expect(page.locator('text.ma-region-label[visibility="visible"]', { hasText: /^Ontario$/ })).toHaveCount(0);
  expect(requested.some((p) => p.endsWith("/world-50m.json"))).toBe(false);
  const coarse = await page.locator("path.ma-world").count();
  const detail = JSON.parse(readFileSync(new URL("../../public/world-50m.json", import.meta.url), "utf8"));
  for (let i = 0; i < 10 && !requested.some((p) => p.endsWith("/world-50m.json")); i++) {
    await page.locator(".ma-map .ma-zoom-in").click();
  }
  await expect(page.locator("path.ma-world")).toHaveCount(detail.regions.length);
  expect(detail.regions.length).not.toBe(coarse);
  expect(requested.filter((p) => p.endsWith("/world-50m.json"))).toHaveLength(1);
});
