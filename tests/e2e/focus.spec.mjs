// Where focus goes when the control that had it goes away (a pressed chip, "Clear all",
// "Show all events", a group marker that splits), and that a tap leaves no tooltip behind.
// Counts come from the feed under test.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { FIREFOX_DRIVER_CANNOT } from "./engines.mjs";

const feed = JSON.parse(readFileSync(new URL("../../target/e2e-site/atlas-origin/atlas/feed.json", import.meta.url), "utf8"));

async function ready(page) {
  await expect(page.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(feed.events.length);
}

/** The focused element's class and text, in whatever tree it stands. */
const focused = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el.tagName.toLowerCase(), className: el.className, text: el.textContent.trim(), place: el.dataset?.place };
  });

test("removing a chip moves focus to the next one, then the previous, then the search box; so does Clear all", async ({ page }) => {
  const [place] = feed.places;
  const [speaker] = feed.people;
  await page.goto(`./?city=${place.id}&speaker=${speaker.id}&when=past`);
  await expect(page.locator(".ma-chips .ma-chip:not(.ma-clear)")).toHaveCount(3);
  await page.locator("[data-meetup-atlas-live]").waitFor();
  const chips = page.locator(".ma-chips .ma-chip:not(.ma-clear)");
  const names = await chips.allTextContents();
  // The first: the next takes its place and focus.
  await chips.first().focus();
  await page.keyboard.press("Enter");
  await expect(chips).toHaveCount(2);
  await expect.poll(async () => (await focused(page)).text).toBe(names[1]);
  // The last: focus goes to the one before.
  await chips.last().focus();
  await page.keyboard.press("Enter");
  await expect(chips).toHaveCount(1);
  await expect.poll(async () => (await focused(page)).text).toBe(names[1]);
  // None left: the search box.
  await page.keyboard.press("Enter");
  await expect(chips).toHaveCount(0);
  await expect.poll(async () => (await focused(page)).tag).toBe("input");

  await page.goto(`./?city=${place.id}&when=past`);
  await page.locator("[data-meetup-atlas-live]").waitFor();
  await page.locator(".ma-chips .ma-clear").focus();
  await page.keyboard.press("Enter");
  await expect(chips).toHaveCount(0);
  await expect.poll(async () => (await focused(page)).tag).toBe("input");
});

test("Show all events keeps focus in the list", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  await page.locator(".ma-marker[data-place]").first().click();
  const showAll = page.locator(".ma-filter").getByRole("button");
  await showAll.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".ma-panel .ma-event")).toHaveCount(feed.events.length);
  await expect.poll(async () => (await focused(page)).className).toBe("ma-event-open");
});

test("a reader who moves focus right after closing a menu keeps it there: the menu's own refocus gives way", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  const toggle = page.locator(".ma-subscribe-toggle");
  await toggle.click();
  await expect(page.locator("#ma-subscribe-panel")).toBeVisible();
  // Escape closes the menu and gives its button focus a frame later; the reader is
  // quicker, and is in the search box by then (both in one script, so nothing waits between).
  await toggle.evaluate((button) => {
    button.focus();
    button.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    document.querySelector("#ma-search-input").focus();
  });
  await expect(page.locator("#ma-subscribe-panel")).toBeHidden();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 200)))));
  expect((await focused(page)).tag).toBe("input");
  // What the reader types goes where they are.
  await page.keyboard.type("ottawa");
  await expect(page.locator("#ma-search-input")).toHaveValue("ottawa");
  // Alone, Escape still brings focus back to the menu's button.
  await toggle.click();
  await page.keyboard.press("Escape");
  await expect(toggle).toBeFocused();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("Enter on a group of places zooms in and focuses one of its places", async ({ page }) => {
    await page.goto("./");
    await ready(page);
    const group = page.locator(".ma-marker-group").first();
    await expect(group).toBeVisible();
    const places = await group.evaluate((el) => el.getAttribute("aria-label"));
    await group.focus();
    await page.keyboard.press("Enter");
    // The group came apart (or into smaller ones): focus is on a marker, not the page.
    await expect.poll(async () => (await focused(page)).className).toContain("ma-marker");
    const now = await focused(page);
    if (now.place) expect(places).toContain(feed.places.find((p) => p.id === now.place).name.en);
  });

  test("a tap on a marker leaves no tooltip; the keyboard's focus shows one", async ({ page, browserName }) => {
    test.skip(browserName === "firefox", FIREFOX_DRIVER_CANNOT.tap);
    await page.goto("./");
    await ready(page);
    const marker = page.locator(".ma-marker[data-place]").first();
    await marker.tap();
    await expect(marker).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator(".ma-tooltip")).toHaveCount(0);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await expect(page.locator(".ma-tooltip")).toHaveCount(1);
  });

  test("with every filter open, the count of results stays in sight; Show closes onto them", async ({ page }) => {
    await page.goto("./");
    await ready(page);
    await page.getByRole("button", { name: "Filters" }).click();
    for (const summary of await page.locator(".ma-facet summary").all()) await summary.click();
    const box = page.getByRole("checkbox").last();
    await box.scrollIntoViewIfNeeded();
    await box.check();
    const show = page.locator(".ma-show-results .ma-button");
    const listed = await page.locator(".ma-event").count();
    await expect(show).toHaveText(`Show ${listed} of ${feed.events.length}\u00a0events`);
    const b = await show.boundingBox();
    expect(b.y + b.height).toBeLessThanOrEqual(844);
    expect(b.y).toBeGreaterThanOrEqual(0);
    await show.click();
    await expect(page.locator("#ma-filter-panel")).toBeHidden();
    await expect.poll(async () => (await focused(page)).className).toContain("ma-filters-toggle");
    const count = await page.locator(".ma-result-count").boundingBox();
    expect(count.y + count.height).toBeLessThanOrEqual(844);
  });
});
