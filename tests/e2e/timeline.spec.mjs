import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { worldwideFeed } from "../bench/worldwide.mjs";
import { EVENTS, UNCERTAIN } from "./bundled.mjs";

const item = (page, id) => page.locator(`.ma-tl-event[data-tl-event="${id}"]`);

async function ready(page) {
  await expect(page.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(EVENTS);
  await expect(page.locator(".ma-tl-event")).toHaveCount(EVENTS);
}

test("opens on the event nearest today, words the uncertain range honestly, marks it as a band", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  // Today (after 2019) every event is past: the latest past one is in the tab order and in view.
  const tabbable = page.locator(".ma-tl-event[tabindex='0']");
  await expect(tabbable).toHaveCount(1);
  // Its name: the title, then the place and the date.
  await expect(tabbable).toHaveAccessibleName("Kubernetes & Cloud Native Montréal — spring 2019, late May – mid June 2019");
  await expect(page.locator(".ma-tl-event.ma-uncertain")).toHaveCount(UNCERTAIN);
  await expect(page.locator(".ma-axis")).toContainText("Jun");
  await page.locator(".ma-timeline").screenshot({ path: "artifacts/timeline-en.png" });

  await page.getByRole("link", { name: "Français" }).click();
  await expect(item(page, "quebec-spring-2019")).toHaveAccessibleName(/^.*Québec.* — printemps 2019, fin mai – mi-juin 2019$/);
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
  // The season fills the strip: weeks.
  const weeksFirst = await page.locator(".ma-tick").allTextContents();
  expect(weeksFirst.some((t) => /^Jun \d+$/.test(t))).toBe(true);
  for (let i = 0; i < 3; i++) await controls.getByRole("button", { name: "Zoom in on the timeline" }).click();
  const weeks = await page.locator(".ma-tick").allTextContents();
  expect(weeks.some((t) => /^(May|Jun) \d+$/.test(t))).toBe(true);
  for (let i = 0; i < 17; i++) await controls.getByRole("button", { name: "Zoom out of the timeline" }).click();
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
    await expect(page.locator(".ma-timeline-vertical .ma-tl-event")).toHaveCount(EVENTS);
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
    await expect(page.locator("[data-meetup-atlas-live] .ma-tl-event")).toHaveCount(EVENTS);
    const strip = await page.locator(".ma-timeline-strip").boundingBox();
    expect(strip.height).toBeLessThan(7 * 44 + 34 + 20);
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
  test("the vertical timeline draws a page of events, as the list does, and offers the rest", async ({ page }) => {
    const PAGE = 25; // ui::list::LIST_PAGE
    await overlapping(page, 3 * PAGE);
    await page.goto("./");
    const items = page.locator(".ma-timeline-vertical .ma-tl-event");
    await expect(items).toHaveCount(PAGE);
    const more = (left) => page.locator(".ma-timeline").getByRole("button", { name: `Show ${PAGE} more (${left} left)` });
    await more(2 * PAGE).click();
    await expect(items).toHaveCount(2 * PAGE);
    await more(PAGE).click();
    await expect(items).toHaveCount(3 * PAGE);
    await expect(page.locator(".ma-timeline .ma-more")).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

// A worldwide feed around today (two years back, two ahead): 1,500 conferences and
// meetups in 300 cities. What is asserted is derived from the feed and from today.
const thisYear = new Date().getFullYear();
const world = worldwideFeed({ events: 1500, places: 300, from: thisYear - 2, years: 4 });
const worldTitle = new Map(world.events.map((e) => [e.id, e.title]));
const firstDay = (e) => e.when.date;
const lastDay = (e) => e.when.end_date ?? e.when.date;

async function withWorld(page) {
  await page.route("**/feed.json", (route) => route.fulfill({ json: world }));
}

/** The reader's today, as the page has it (its time zone). */
const todayIn = (page) =>
  page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  });

/** The events the timeline should open on: those starting on the first day from today on. */
function nearestIds(feed, today) {
  const upcoming = feed.events.filter((e) => firstDay(e) >= today);
  if (upcoming.length === 0) {
    const last = feed.events.map(lastDay).sort().at(-1);
    return new Set(feed.events.filter((e) => lastDay(e) === last).map((e) => e.id));
  }
  const first = upcoming.map(firstDay).sort()[0];
  return new Set(upcoming.filter((e) => firstDay(e) === first).map((e) => e.id));
}

/** Every drawn label of the strip: its box, its text and its event. */
const drawnLabels = (page) =>
  page.locator("[data-meetup-atlas-live] .ma-timeline-strip .ma-tl-event").evaluateAll((items) =>
    items
      .map((item) => ({ item, text: item.querySelector(".ma-tl-text") }))
      .filter(({ text }) => text && text.getBoundingClientRect().width > 0)
      .map(({ item, text }) => {
        const r = text.getBoundingClientRect();
        return { id: item.dataset.tlEvent, text: text.textContent, x: r.x, y: r.y, width: r.width, height: r.height };
      }),
  );

function expectNoOverlap(labels) {
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++)
      expect(overlaps(labels[i], labels[j]), `${labels[i].text} / ${labels[j].text}`).toBe(false);
}

/** The events a density bar's name counts, from its period ("Week of October 5, 2026: 14 events"). */
function eventsInBar(name, lang) {
  const m = name.match(lang === "en" ? /^(Week of )?(.+?): ([\d,]+)\u00a0events?$/ : /^(Semaine du )?(.+?)\u00a0: ([\d\s\u202f]+)\u00a0événements?$/);
  expect(m, name).not.toBeNull();
  return { week: Boolean(m[1]), period: m[2], count: Number(m[3].replace(/\D/g, "")) };
}

const iso = (date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

for (const [width, height] of [[1280, 900], [1024, 768]]) {
  test(`1,500 worldwide events at ${width}×${height}: titled labels that never overlap, opening near today, density bars when zoomed out`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await withWorld(page);
    await page.goto("./");
    const strip = page.locator("[data-meetup-atlas-live] .ma-timeline-strip");
    await expect(strip.locator(".ma-tl-event").first()).toBeVisible({ timeout: 15_000 });
    const today = await todayIn(page);
    const nearest = nearestIds(world, today);

    // Opens on the nearest upcoming event (or today), drawn inside the strip.
    const box = await strip.boundingBox();
    const drawn = await strip.locator(".ma-tl-event").evaluateAll((items) => items.map((i) => i.dataset.tlEvent));
    expect(drawn.some((id) => nearest.has(id)) || (await strip.locator(".ma-today").isVisible()), `${[...nearest]} in ${drawn}`).toBe(true);
    expect(drawn.length, "a readable number of events").toBeGreaterThan(2);
    expect(drawn.length).toBeLessThan(60);
    await expect(strip.locator(".ma-tl-event[tabindex='0']")).toHaveCount(1);
    expect(nearest.has(await strip.locator(".ma-tl-event[tabindex='0']").getAttribute("data-tl-event"))).toBe(true);

    // Each label says its event's title first; none overlaps another or leaves the strip.
    const labels = await drawnLabels(page);
    expect(labels.length).toBeGreaterThan(2);
    for (const label of labels) {
      expect(label.text.startsWith(worldTitle.get(label.id).en), label.text).toBe(true);
      expect(label.x).toBeGreaterThanOrEqual(box.x - 1);
      expect(label.x + label.width).toBeLessThanOrEqual(box.x + box.width + 1);
    }
    expectNoOverlap(labels);
    // Every item, label drawn or not, is named by its title, place and date.
    const first = strip.locator(".ma-tl-event").first();
    expect(await first.getAttribute("aria-label")).toContain(worldTitle.get(await first.getAttribute("data-tl-event")).en);
    // No row of "+N" bubbles.
    expect(await strip.locator(".ma-tl-more").count()).toBeLessThanOrEqual(3);
    await page.locator(".ma-timeline").screenshot({ path: `artifacts/timeline-world-${width}.png` });

    // Zoomed out: bars of events per period, no bubbles; each bar's count is the feed's.
    const zoomOut = page.getByRole("button", { name: "Zoom out of the timeline" });
    for (let i = 0; i < 5; i++) await zoomOut.click();
    await expect(strip.locator(".ma-tl-bar").first()).toBeVisible();
    await expect(strip.locator(".ma-tl-more")).toHaveCount(0);
    await expect(strip.locator(".ma-tl-event")).toHaveCount(0);
    const bars = strip.locator(".ma-tl-bar");
    expect(await bars.count()).toBeGreaterThan(3);
    const names = await bars.evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label")));
    for (const name of names.slice(1, -1)) {
      const { week, period, count } = eventsInBar(name, "en");
      const start = new Date(week ? period : /^\d{4}$/.test(period) ? `January 1, ${period}` : period.replace(" ", " 1, "));
      const end = new Date(start);
      if (week) end.setDate(end.getDate() + 7);
      else if (/^\d{4}$/.test(period)) end.setFullYear(end.getFullYear() + 1);
      else if (/^\w+ \d+, \d{4}$/.test(period)) end.setDate(end.getDate() + 1);
      else end.setMonth(end.getMonth() + 1);
      const n = world.events.filter((e) => firstDay(e) >= iso(start) && firstDay(e) < iso(end)).length;
      expect(count, name).toBe(n);
    }
    await page.locator(".ma-timeline").screenshot({ path: `artifacts/timeline-world-bars-${width}.png` });
    await expect(page.locator(".ma-tl-bars-note")).toHaveText("Events per week: choose one to zoom in");
    const results = await new AxeBuilder({ page }).include("[data-meetup-atlas-live] .ma-timeline").analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);

    // A bar zooms into its period: its events are drawn, the first of them focused.
    const bar = bars.nth(Math.floor((await bars.count()) / 2));
    const { week, period } = eventsInBar(await bar.getAttribute("aria-label"), "en");
    await bar.click();
    await expect(strip.locator(".ma-tl-bars")).toHaveCount(0);
    await expect(strip.locator(".ma-tl-event:focus")).toHaveCount(1);
    const focused = await strip.locator(".ma-tl-event:focus").getAttribute("data-tl-event");
    const event = world.events.find((e) => e.id === focused);
    const start = new Date(week ? period : period.replace(" ", " 1, "));
    expect(firstDay(event) >= iso(start), `${firstDay(event)} in ${period}`).toBe(true);
    expectNoOverlap(await drawnLabels(page));
  });
}

test("1,500 worldwide events in French: titled labels that never overlap, bars named in French", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await withWorld(page);
  await page.goto("./?lang=fr");
  const strip = page.locator("[data-meetup-atlas-live] .ma-timeline-strip");
  await expect(strip.locator(".ma-tl-event").first()).toBeVisible({ timeout: 15_000 });
  const labels = await drawnLabels(page);
  for (const label of labels) expect(label.text.startsWith(worldTitle.get(label.id).fr), label.text).toBe(true);
  expectNoOverlap(labels);
  for (let i = 0; i < 5; i++) await page.getByRole("button", { name: "Zoom arrière sur la frise" }).click();
  const names = await strip.locator(".ma-tl-bar").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label")));
  expect(names.length).toBeGreaterThan(3);
  for (const name of names) eventsInBar(name, "fr");
  await expect(strip.locator(".ma-tl-bars")).toHaveAttribute("aria-label", /^Événements par (jour|semaine|mois|année)/);
});

test.describe("1,500 worldwide events on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });
  test("the vertical timeline and the list open at the nearest upcoming event; Go to today comes back to it", async ({ page }) => {
    await withWorld(page);
    await page.goto("./");
    const vertical = page.locator("[data-meetup-atlas-live] .ma-timeline-vertical");
    await expect(vertical.locator(".ma-tl-event").first()).toBeVisible({ timeout: 15_000 });
    const nearest = nearestIds(world, await todayIn(page));
    const firstId = await vertical.locator(".ma-tl-event").first().getAttribute("data-tl-event");
    expect(nearest.has(firstId), `${firstId} is not one of ${[...nearest]}`).toBe(true);
    // Each item says its title, then its place and date.
    const item = vertical.locator(".ma-tl-event").first();
    await expect(item.locator(".ma-tl-label")).toContainText(worldTitle.get(firstId).en);
    // Its title (which names its city: the place is not said twice), then its day.
    await expect(item).toHaveAccessibleName(new RegExp(`^${worldTitle.get(firstId).en.replace(/[#]/g, "\\$&")}(, | — ).+`));

    // Earlier events come above it on request.
    const timeline = page.locator("[data-meetup-atlas-live] .ma-timeline");
    const before = await vertical.locator(".ma-tl-event").count();
    await timeline.getByRole("button", { name: "Show earlier events" }).click();
    await expect.poll(() => vertical.locator(".ma-tl-event").count()).toBeGreaterThan(before);
    expect(nearest.has(await vertical.locator(".ma-tl-event").first().getAttribute("data-tl-event"))).toBe(false);

    // Go to today: the nearest event is focused and on screen.
    await page.evaluate(() => window.scrollTo(0, 0));
    await timeline.getByRole("button", { name: "Go to today" }).click();
    const focused = vertical.locator(".ma-tl-event:focus");
    await expect(focused).toHaveCount(1);
    expect(nearest.has(await focused.getAttribute("data-tl-event"))).toBe(true);
    await expect(focused).toBeInViewport();
    await page.screenshot({ path: "artifacts/timeline-world-phone.png" });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The list opens there too, with the same way back.
    const list = page.locator("[data-meetup-atlas-live] .ma-panel");
    expect(nearest.has(await list.locator(".ma-event").first().getAttribute("data-event"))).toBe(true);
    await list.getByRole("button", { name: "Show earlier events" }).click();
    await expect.poll(async () => nearest.has(await list.locator(".ma-event").first().getAttribute("data-event"))).toBe(false);
    await list.getByRole("button", { name: "Go to today" }).click();
    const open = list.locator(".ma-event-open:focus");
    await expect(open).toHaveCount(1);
    const card = await open.evaluate((b) => b.closest(".ma-event").dataset.event);
    expect(nearest.has(card)).toBe(true);
    await expect(open).toBeInViewport();
  });
});

test("the bundled season (all past) fills the strip: every event drawn, titled, none overlapping", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("./");
  await ready(page);
  const { readFileSync } = await import("node:fs");
  const seed = JSON.parse(readFileSync(new URL("../../public/feed.json", import.meta.url)));
  const labels = await drawnLabels(page);
  expect(labels.length).toBe(seed.events.length);
  for (const label of labels) expect(label.text.startsWith(seed.events.find((e) => e.id === label.id).title.en)).toBe(true);
  expectNoOverlap(labels);
  // Not decades of nothing around three weeks: the axis counts weeks or days.
  const ticks = await page.locator(".ma-tick").allTextContents();
  expect(ticks.every((t) => /^\d{4}$/.test(t))).toBe(false);
  // The bands span most of the strip.
  const strip = await page.locator(".ma-timeline-strip").boundingBox();
  const band = await page.locator(".ma-tl-band").first().boundingBox();
  expect(band.width).toBeGreaterThan(strip.width / 2);
});
