// The layout as a first-time visitor meets it, checked by geometry at a desktop, a small
// laptop and a phone, in both languages: what the first screen holds, that no two map
// labels overlap and none is cut, where the answer to a click appears, and where focus
// goes. Each view's screenshot goes to artifacts/ to be looked at.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { EVENTS } from "./bundled.mjs";

const sizes = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "laptop", width: 1024, height: 768 },
  { name: "phone", width: 390, height: 844 },
];
const words = {
  en: { back: "Back to the list", one: `1 of ${EVENTS}\u00a0events`, skip: "Skip to events", title: "Kubernetes & Cloud Native meetups in Eastern Canada" },
  fr: { back: "Retour à la liste", one: `1\u00a0événement sur ${EVENTS}`, skip: "Aller aux événements", title: "Meetups Kubernetes et Cloud Native de l’Est du Canada" },
};

async function ready(page) {
  await expect(page.locator("[data-meetup-atlas-live] .ma-panel .ma-event")).toHaveCount(EVENTS);
  await expect(page.locator(".ma-region").first()).toBeAttached();
  await expect(page.locator(".ma-tl-event, .ma-tl-vertical-event").first()).toBeVisible();
}

const box = (locator) => locator.evaluate((el) => el.getBoundingClientRect().toJSON());
const boxes = (locator) => locator.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()));
const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
const inside = (a, outer) => a.left >= outer.left - 0.5 && a.right <= outer.right + 0.5 && a.top >= outer.top - 0.5 && a.bottom <= outer.bottom + 0.5;

/// The visible labels of the map (city names and region names) and the markers.
async function mapLabels(page) {
  const cities = await boxes(page.locator(".ma-label:not(.ma-label-none)"));
  const regions = await boxes(page.locator("text.ma-region-label[visibility=visible]"));
  const markers = await boxes(page.locator(".ma-marker"));
  const controls = await boxes(page.locator(".ma-map-frame .ma-control-button"));
  return { cities, regions, markers, controls };
}

function expectNoCollisions({ cities, regions, markers, controls }, surface) {
  const labels = [...cities, ...regions];
  for (const [i, a] of labels.entries()) {
    expect(inside(a, surface), `label ${i} inside the map`).toBe(true);
    for (const b of labels.slice(i + 1)) expect(overlap(a, b), `labels ${JSON.stringify(a)} and ${JSON.stringify(b)}`).toBe(false);
    for (const m of markers) expect(overlap(a, m), `label ${JSON.stringify(a)} over a marker`).toBe(false);
    for (const c of controls) expect(overlap(a, c), `label ${JSON.stringify(a)} under a control`).toBe(false);
  }
}

/// No text cut: every label's content fits its box.
async function expectNothingClipped(page, selector) {
  const clipped = await page.locator(selector).evaluateAll((els) =>
    els.filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
  expect(clipped, selector).toEqual([]);
}

for (const size of sizes) {
  for (const lang of ["en", "fr"]) {
    const w = words[lang];
    test.describe(`${size.name} ${size.width}×${size.height} (${lang})`, () => {
      test.use({ viewport: { width: size.width, height: size.height } });

      test("the first screen shows the map, named cities, the timeline and the list", async ({ page }) => {
        await page.goto(`./?lang=${lang}`);
        await ready(page);
        await expect(page.locator("h1")).toHaveText(w.title);
        const surface = await box(page.locator(".ma-map-surface"));
        expect(surface.top).toBeLessThan(size.height * 0.5);
        expect(surface.bottom).toBeLessThanOrEqual(size.height);
        expect(surface.height).toBeGreaterThan(280);
        // Every city is named on the map in the home view.
        const named = await page.locator(".ma-label:not(.ma-label-none)").allTextContents();
        expect(named.length).toBeGreaterThanOrEqual(4);
        expectNoCollisions(await mapLabels(page), surface);
        await expectNothingClipped(page, ".ma-label, .ma-tick, .ma-chip, .ma-button, .ma-lang-option, .ma-title");
        if (size.width >= 900) {
          // Map and list side by side, the timeline under them, all in the first screen.
          const panel = await box(page.locator(".ma-panel"));
          expect(panel.left).toBeGreaterThanOrEqual(surface.right);
          expect(Math.abs(panel.top - surface.top)).toBeLessThan(2);
          const firstCard = await box(page.locator(".ma-panel .ma-event h3").first());
          expect(firstCard.bottom).toBeLessThanOrEqual(size.height);
          const items = await boxes(page.locator(".ma-tl-event"));
          const seen = items.filter((b) => b.top >= 0 && b.bottom <= size.height);
          expect(seen.length).toBeGreaterThanOrEqual(size.height >= 900 ? 3 : 1);
          const strip = await box(page.locator(".ma-timeline-strip"));
          for (const tick of await boxes(page.locator(".ma-tick"))) expect(tick.left).toBeGreaterThanOrEqual(strip.left - 0.5);
          const axisLabels = await page.locator(".ma-tick").allTextContents();
          expect(axisLabels[0]).toMatch(/ 2019$/);
        } else {
          // The phone: search and Filters, then the map, all within the first screen.
          const search = await box(page.locator(".ma-search input"));
          expect(search.bottom).toBeLessThanOrEqual(surface.top);
          // On one row, with or without a classic scrollbar (Firefox draws one).
          const filters = await box(page.locator(".ma-toolbar-row .ma-button").first());
          expect(Math.abs(filters.top + filters.height / 2 - (search.top + search.height / 2))).toBeLessThan(2);
          expect(filters.left).toBeGreaterThan(search.right);
          const title = await box(page.locator(".ma-title"));
          expect(title.height).toBeLessThanOrEqual(2 * 1.3 * 17 + 2);
        }
        await page.screenshot({ path: `artifacts/layout-${size.name}-${lang}.png` });
      });

      test("a place narrows the list, the count and the chips; an event opens beside it with focus on its heading", async ({ page }) => {
        await page.goto(`./?lang=${lang}`);
        await ready(page);
        // Ottawa: a marker of its own at every size (Toronto and Kitchener-Waterloo share one on a phone).
        await page.locator(".ma-marker[data-place=ottawa]").click();
        await expect(page.locator(".ma-result-count")).toHaveText(w.one);
        await expect(page.locator(".ma-chip", { hasText: "Ottawa" })).toBeVisible();
        await expect(page.locator(".ma-panel .ma-event")).toHaveCount(1);
        const opener = page.locator(".ma-panel .ma-event .ma-event-open");
        await opener.click();
        const heading = page.locator(".ma-details h3");
        await expect(heading).toBeFocused();
        const details = await box(heading);
        expect(details.top).toBeGreaterThanOrEqual(0);
        expect(details.bottom).toBeLessThanOrEqual(size.height);
        if (size.width >= 900) {
          const surface = await box(page.locator(".ma-map-surface"));
          expect(details.left).toBeGreaterThanOrEqual(surface.right);
        }
        await page.screenshot({ path: `artifacts/layout-details-${size.name}-${lang}.png` });
        const axe = await new AxeBuilder({ page }).analyze();
        expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
        // Back returns to Toronto's list, focus to the title that opened the details.
        await page.getByRole("button", { name: w.back }).click();
        await expect(page.locator(".ma-details")).toHaveCount(0);
        await expect(opener).toBeFocused();
        await expect(page.locator(".ma-result-count")).toHaveText(w.one);
        // Escape closes as Close does (every event listed again), and focus comes back too.
        await opener.click();
        await expect(heading).toBeFocused();
        await page.keyboard.press("Escape");
        await expect(page.locator(".ma-details")).toHaveCount(0);
        await expect(page.locator(".ma-event[data-event=ottawa-spring-2019] .ma-event-open")).toBeFocused();
      });
    });
  }
}

test.describe("desktop behaviours", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("Skip to events is the first Tab stop and lands on the list", async ({ page }) => {
    await page.goto("./");
    await ready(page);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to events" });
    await expect(skip).toBeFocused();
    expect((await box(skip)).top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    await expect(page.locator(".ma-panel")).toBeFocused();
  });

  test("zoom stops at its limits, and the button at a limit is disabled", async ({ page }) => {
    await page.goto("./");
    await ready(page);
    const zoomIn = page.getByRole("button", { name: "Zoom in on the map" });
    const zoomOut = page.getByRole("button", { name: "Zoom out of the map" });
    for (let i = 0; i < 30 && (await zoomIn.isEnabled()); i++) await zoomIn.click();
    await expect(zoomIn).toBeDisabled();
    await expect(zoomOut).toBeEnabled();
    for (let i = 0; i < 40 && (await zoomOut.isEnabled()); i++) await zoomOut.click();
    await expect(zoomOut).toBeDisabled();
    // Zoomed all the way out, the region's names are thinned: none overlaps another or a marker.
    const surface = await box(page.locator(".ma-map-surface"));
    expectNoCollisions(await mapLabels(page), surface);
    await page.screenshot({ path: "artifacts/layout-zoomed-out.png" });
  });

  test("a selection from the timeline or a link is brought into view on the map", async ({ page }) => {
    // A link that opens on Quebec City, with the map far to the west.
    await page.goto("./?event=quebec-spring-2019&map=-88.0000,47.0000,1.5000");
    await expect(page.locator(".ma-details h3")).toBeVisible();
    const surface = await box(page.locator(".ma-map-surface"));
    // Once the map has glided there (450 ms; at once for a reader who prefers reduced motion).
    await expect.poll(async () => inside(await box(page.locator(".ma-marker[data-place=quebec]")), surface)).toBe(true);
  });

  test("the timeline pans by dragging and by a sideways wheel", async ({ page }) => {
    await page.goto("./");
    await ready(page);
    // The last tick: it stays in view as the strip is dragged left.
    const tick = page.locator(".ma-tick").last();
    const label = await tick.textContent();
    const before = (await box(tick)).left;
    const strip = await box(page.locator(".ma-timeline-strip"));
    // An empty stretch of the strip, under the axis and right of the events.
    const x = strip.right - 60;
    const y = strip.top + 50;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 100, y, { steps: 5 });
    await page.mouse.move(x - 200, y, { steps: 5 });
    await page.mouse.up();
    const moved = page.locator(".ma-tick", { hasText: new RegExp(`^${label}$`) });
    await expect.poll(async () => before - (await box(moved)).left).toBeGreaterThan(150);
    const dragged = (await box(moved)).left;
    await page.mouse.move(x - 300, y);
    await page.mouse.wheel(120, 0);
    await expect.poll(async () => dragged - (await box(moved)).left).toBeGreaterThan(60);

    // Moved later until the events stand at the right edge: their labels are cut there,
    // inside the strip.
    const earlier = page.getByRole("button", { name: "Earlier" });
    const strip2 = await box(page.locator(".ma-timeline-strip"));
    const bands = () => boxes(page.locator(".ma-tl-band"));
    for (let i = 0; i < 12 && !(await bands()).some((b) => b.right > strip2.right - 300); i++) await earlier.click();
    const items = await boxes(page.locator(".ma-tl-event"));
    const atEdge = items.filter((b) => b.right > strip2.right - 250);
    expect(atEdge.length, "some events near the right edge").toBeGreaterThan(0);
    for (const item of items.filter((b) => b.left < strip2.right)) expect(item.right).toBeLessThanOrEqual(strip2.right + 1);
    for (const text of await boxes(page.locator(".ma-tl-text"))) expect(text.right).toBeLessThanOrEqual(strip2.right + 1);
    await page.screenshot({ path: "artifacts/layout-timeline-edge.png" });
  });

  test("the page title and language follow the language and the selection", async ({ page }) => {
    await page.goto("./");
    await ready(page);
    await expect(page).toHaveTitle(words.en.title);
    await page.locator(".ma-marker[data-place=ottawa]").click();
    await expect(page).toHaveTitle(`Events in Ottawa — ${words.en.title}`);
    await page.getByRole("link", { name: "Français" }).click();
    await expect(page).toHaveTitle(`Événements à Ottawa — ${words.fr.title}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  });

  test("Filters is a disclosure; its values are in the reader's order with counts that add up", async ({ page }) => {
    await page.goto("./?lang=fr");
    await ready(page);
    const filters = page.getByRole("button", { name: "Filtres" });
    await expect(filters).toHaveAttribute("aria-expanded", "false");
    await filters.click();
    await expect(filters).toHaveAttribute("aria-expanded", "true");
    await page.locator(".ma-facet[data-facet=place] summary").click();
    const cities = await page.locator(".ma-facet[data-facet=place] .ma-choice-name").allTextContents();
    expect(cities).toEqual([...cities].sort((a, b) => a.localeCompare(b, "fr")));
    await page.getByLabel("Toronto (1)").check();
    // Choosing a city keeps the other cities' counts: adding one would add its event.
    await expect(page.getByLabel("Ottawa (1)")).toBeVisible();
    await expect(filters).toContainText("1");
    await expect(page.locator(".ma-chip", { hasText: "Toronto" })).toBeVisible();
    await expectNothingClipped(page, ".ma-choice");
    await page.screenshot({ path: "artifacts/layout-filters-fr.png" });
  });
});

test("at 1280×900 an event's details show its first talk and speaker without scrolling, its title clear of the bar", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("./");
  await ready(page);
  // The event with most to say: its first talk is furthest down.
  const opens = page.locator(".ma-panel .ma-event-open");
  // Their text, not their rendered text: a card out of sight is not rendered (`content-visibility`).
  const titles = (await opens.allTextContents()).map((title) => title.trim());
  for (const title of titles) {
    await page.locator(".ma-panel .ma-event-open", { hasText: title }).click();
    const details = page.locator(".ma-details-host");
    await expect(details.locator("h3")).toBeVisible();
    const panel = await box(page.locator(".ma-panel"));
    const bar = await box(page.locator(".ma-details-bar"));
    const heading = await box(details.locator("h3"));
    expect(heading.top, `${title}: title under the bar`).toBeGreaterThanOrEqual(bar.bottom - 1);
    const first = details.locator(".ma-session").first();
    if (await first.count()) {
      for (const part of [first.locator(".ma-session-title"), first.locator(".ma-speaker").first()]) {
        if (!(await part.count())) continue;
        const b = await box(part);
        expect(b.bottom, `${title}: first talk below the panel's fold`).toBeLessThanOrEqual(Math.min(panel.bottom, 900));
      }
    }
    await page.getByRole("button", { name: "Back to the list" }).click();
  }
});
