import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

const item = (page, id) => page.locator(`.ma-tl-event[data-tl-event="${id}"]`);

async function ready(page) {
  await expect(page.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(6);
  await expect(page.locator(".ma-tl-event")).toHaveCount(6);
}

test("opens on the event nearest today, words the uncertain range honestly, marks it as a band", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  // Today (after 2019) every event is past: the latest past one is in the tab order and in view.
  const tabbable = page.locator(".ma-tl-event[tabindex='0']");
  await expect(tabbable).toHaveCount(1);
  await expect(tabbable).toHaveAccessibleName("Montreal, late May – mid June 2019");
  await expect(page.locator(".ma-tl-event.ma-uncertain")).toHaveCount(6);
  await expect(page.locator(".ma-axis")).toContainText("Jun");
  await page.locator(".ma-timeline").screenshot({ path: "artifacts/timeline-en.png" });

  await page.getByRole("link", { name: "Français" }).click();
  await expect(item(page, "quebec-spring-2019")).toHaveAccessibleName("Québec, fin mai – mi-juin 2019");
  await expect(page.locator(".ma-axis")).toContainText("juin");
  await page.locator(".ma-timeline").screenshot({ path: "artifacts/timeline-fr.png" });
});

test("keyboard walk through events; Enter opens details, announced politely; Escape closes", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  await page.locator(".ma-tl-event[tabindex='0']").focus();
  await page.keyboard.press("ArrowRight");
  await expect(item(page, "quebec-spring-2019")).toBeFocused();
  await page.keyboard.press("End");
  await expect(item(page, "cloud-native-day-2019")).toBeFocused();
  await page.keyboard.press("Home");
  await expect(item(page, "montreal-spring-2019")).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(item(page, "toronto-spring-2019")).toBeFocused();
  await page.keyboard.press("Enter");

  const details = page.locator(".ma-details");
  await expect(details).toBeVisible();
  await expect(details.getByRole("heading", { level: 3 })).toHaveText("Kubernetes & Cloud Native Toronto — spring 2019");
  await expect(details).toContainText("Observable Kubernetes");
  await expect(details).toContainText("Hosted by Flybits");
  await expect(details).toContainText("Sponsors: Microsoft, Rancher, Elastic, Red Hat, Tigera, Container Solutions");
  await expect(details.getByRole("link", { name: "Join the Kubernetes Toronto group" })).toBeVisible();
  await expect(page.locator(".ma-announce")).toHaveText("Selected: Kubernetes & Cloud Native Toronto — spring 2019, late May – mid June 2019");
  // Linked: the map marker and the list row light up.
  await expect(page.locator(".ma-marker[data-place=toronto]")).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(".ma-event.ma-selected")).toHaveAttribute("data-event", "toronto-spring-2019");
  await expect(item(page, "toronto-spring-2019")).toHaveAttribute("aria-pressed", "true");

  await page.keyboard.press("Escape");
  await expect(details).toHaveCount(0);
  await expect(page.locator(".ma-announce")).toHaveText("");
  await expect(page.locator(".ma-marker[data-place=toronto]")).toHaveAttribute("aria-pressed", "false");
});

test("the e-book link and the repeat are in the details", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  await item(page, "kitchener-waterloo-spring-2019").click();
  const details = page.locator(".ma-details");
  await expect(details.getByRole("link", { name: "Containerize your Apps with Docker and Kubernetes" })).toHaveAttribute("href", "http://aka.ms/DockerK8s");
  await expect(details).toContainText("Repeat of the session given in Toronto");
  await details.getByRole("button", { name: "Close details" }).click();
  await expect(details).toHaveCount(0);
});

test("selecting a place on the map highlights its events on the timeline", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  await page.getByRole("button", { name: /^Ottawa — / }).click();
  await expect(item(page, "ottawa-spring-2019")).toHaveClass(/ma-highlight/);
  await expect(page.locator(".ma-tl-event.ma-highlight")).toHaveCount(1);
});

test("zoom changes the axis unit; panning moves it; only events in view are drawn", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  const controls = page.getByRole("group", { name: "Timeline controls" });
  const months = await page.locator(".ma-tick").allTextContents();
  expect(months).toContain("Jun");
  for (let i = 0; i < 3; i++) await controls.getByRole("button", { name: "Zoom in on the timeline" }).click();
  const weeks = await page.locator(".ma-tick").allTextContents();
  expect(weeks.some((t) => /^(May|Jun) \d+$/.test(t))).toBe(true);
  for (let i = 0; i < 12; i++) await controls.getByRole("button", { name: "Zoom out of the timeline" }).click();
  const years = await page.locator(".ma-tick").allTextContents();
  expect(years.every((t) => /^\d{4}$/.test(t))).toBe(true);
  await controls.getByRole("button", { name: "Go to today" }).click();
  await expect(page.locator(".ma-today")).toBeVisible();
  // Zoomed in far from 2019, nothing is drawn; the button says so and goes to the latest event.
  for (let i = 0; i < 14; i++) await controls.getByRole("button", { name: "Zoom in on the timeline" }).click();
  await expect(page.locator(".ma-tl-event")).toHaveCount(0);
  await expect(page.locator(".ma-today-note")).toHaveText("No events near today");
  await controls.getByRole("button", { name: "Latest event" }).click();
  await expect(page.locator(".ma-tl-event")).not.toHaveCount(0);
  await expect(page.locator(".ma-tl-event:focus")).toBeVisible();
  await expect(controls.getByRole("button", { name: "Go to today" })).toHaveCount(0);
});

for (const lang of ["en", "fr"]) {
  test(`axe finds no violations with the details open (${lang})`, async ({ page }) => {
    await page.goto(`./?lang=${lang}`);
    await ready(page);
    await item(page, "quebec-spring-2019").click();
    await expect(page.locator(".ma-details")).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });
  test("the timeline runs vertically, walks with the arrows, and nothing scrolls sideways", async ({ page }) => {
    await page.goto("./");
    await expect(page.locator(".ma-timeline-vertical .ma-tl-event")).toHaveCount(6);
    await expect(page.locator(".ma-timeline-strip")).toHaveCount(0);
    await expect(page.getByRole("group", { name: "Timeline controls" })).toBeHidden();
    await page.locator(".ma-timeline-vertical .ma-tl-event[tabindex='0']").focus();
    await page.keyboard.press("ArrowDown");
    await expect(item(page, "quebec-spring-2019")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator(".ma-details")).toContainText("Kubernetes: Crossing the Chasm");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.locator(".ma-timeline").screenshot({ path: "artifacts/timeline-phone.png" });
  });
});

/** The seed's events cloned `n` times over: a season whose events share one range. */
async function overlapping(page, n) {
  const { readFileSync } = await import("node:fs");
  const seed = JSON.parse(readFileSync(new URL("../../public/feed.json", import.meta.url)));
  seed.events = Array.from({ length: n }, (_, i) => ({ ...structuredClone(seed.events[i % 6]), id: `e${i}`, sessions: [] }));
  await page.route("**/feed.json", (route) => route.fulfill({ json: seed }));
}

const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const [lang, more, heading] of [["en", "40\u00a0more events here", "40\u00a0more events here"], ["fr", "40\u00a0événements de plus ici", "40\u00a0événements de plus ici"]]) {
  test(`events beyond six lanes are stacked as +N in the strip, listed right under it (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await overlapping(page, 46);
    await page.goto(`./?lang=${lang}`);
    // The atlas of this feed, drawn in place of the page's prerendered one.
    await expect(page.locator("[data-meetup-atlas-live] .ma-tl-event")).toHaveCount(6);
    const strip = await page.locator(".ma-timeline-strip").boundingBox();
    expect(strip.height).toBeLessThan(7 * 40 + 34 + 20);
    const chip = page.getByRole("button", { name: more });
    const box = await chip.boundingBox();
    expect(box.y + box.height).toBeLessThanOrEqual(strip.y + strip.height);
    expect(box.x).toBeGreaterThanOrEqual(strip.x);
    for (const event of await page.locator(".ma-tl-event").all()) expect(overlaps(box, await event.boundingBox())).toBe(false);

    await chip.click();
    await expect(chip).toHaveAttribute("aria-expanded", "true");
    const list = page.getByRole("region", { name: heading });
    await expect(list.getByRole("heading")).toBeFocused();
    await expect(list.locator(".ma-tl-stack-event")).toHaveCount(40);
    // The answer to the click is in view (focus scrolled it there), right under the strip.
    const [region, below] = [await list.boundingBox(), await page.locator(".ma-timeline-strip").boundingBox()];
    expect(region.y).toBeGreaterThanOrEqual(below.y + below.height - 1);
    expect(region.y - (below.y + below.height)).toBeLessThan(40);
    expect(region.y).toBeGreaterThanOrEqual(0);
    expect(region.y + 80).toBeLessThanOrEqual(900);
    await list.getByRole("heading").evaluate((h) => h.scrollIntoView({ block: "nearest" }));
    await page.screenshot({ path: `artifacts/timeline-stack-${lang}.png` });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);

    await list.locator(".ma-tl-stack-event").first().click();
    await expect(page.locator(".ma-details")).toBeVisible();
    await expect(chip).toHaveClass(/ma-selected/);
    await list.getByRole("button", { name: lang === "en" ? "Close" : "Fermer" }).click();
    await expect(list).toHaveCount(0);
    await expect(chip).toBeFocused();
  });
}

test.describe("on a phone, a long season", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });
  test("the vertical timeline draws a page of 100 events and offers the rest", async ({ page }) => {
    await overlapping(page, 150);
    await page.goto("./");
    await expect(page.locator(".ma-timeline-vertical .ma-tl-event")).toHaveCount(100);
    await page.getByRole("button", { name: "Show 50 more (50 left)" }).click();
    await expect(page.locator(".ma-timeline-vertical .ma-tl-event")).toHaveCount(150);
    await expect(page.locator(".ma-timeline .ma-more")).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
