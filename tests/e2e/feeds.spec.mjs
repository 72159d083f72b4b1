// Several feeds in one atlas (#21): the hosted page's `?feed=` (the iframe's) and the
// element's `feed=` take several addresses; the events of all are shown together, each
// saying which feed it comes from; a feed that fails is named while the others show; a
// cancelled and an online event read as such, in English and in French.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { bundled } from "./bundled.mjs";

// A second chapter's feed, as feed-import writes one from a group calendar: plain strings
// in English, exact times, a cancelled and an online event.
const chapter = {
  schema_version: 1,
  title: "Cloud Native Ottawa",
  source: { title: "Cloud Native Ottawa", language: "en", published: "2025-06-01" },
  places: [{ id: "ottawa-ca", name: { en: "Ottawa", fr: "Ottawa" }, region: "ON", country: "CA", lat: 45.41, lon: -75.7, approximate: true }],
  series: [{ id: "cloud-native-ottawa", name: "Cloud Native Ottawa" }],
  events: [
    { id: "june", kind: "meetup", series: "cloud-native-ottawa", title: "Observability night", place: "ottawa-ca", attendance: "in_person",
      when: { type: "datetime", start: "2019-06-04T18:00:00-04:00", end: "2019-06-04T20:00:00-04:00", time_zone: "America/Toronto" } },
    { id: "july", kind: "meetup", series: "cloud-native-ottawa", title: "Service mesh panel", place: "ottawa-ca", status: "cancelled",
      when: { type: "datetime", start: "2019-06-11T18:00:00-04:00", time_zone: "America/Toronto" } },
    { id: "webinar", kind: "workshop", title: "Gateway API webinar", attendance: "online", online_url: "https://meet.jit.si/gateway-api",
      when: { type: "datetime", start: "2019-06-12T12:00:00-04:00", time_zone: "America/Toronto" } },
  ],
};

const words = {
  en: { from: "From Cloud Native Ottawa", notShown: "Not shown", cancelled: "Cancelled", online: "Online", join: "Join online", status404: "404" },
  fr: { from: "Source\u00a0: Cloud Native Ottawa", notShown: "Non affichés", cancelled: "Annulé", online: "En ligne", join: "Rejoindre en ligne", status404: "404" },
};

async function serveChapter(page) {
  await page.route("**/chapter.json", (route) => route.fulfill({ json: chapter }));
  await page.route("**/gone.json", (route) => route.fulfill({ status: 404, body: "" }));
}

for (const lang of ["en", "fr"]) {
  test(`two feeds and a missing one in one atlas (${lang})`, async ({ page }) => {
    await serveChapter(page);
    await page.goto(`./?lang=${lang}&feed=${encodeURIComponent("feed.json chapter.json gone.json")}`);
    const atlas = page.locator(".meetup-atlas").first();
    const w = words[lang];
    // Every event of both feeds, and the missing one named with why.
    await expect(atlas.locator(".ma-event")).toHaveCount(bundled.events.length + chapter.events.length);
    const notice = atlas.locator(".ma-offline", { hasText: w.notShown });
    await expect(notice).toBeVisible();
    await expect(notice.locator("li")).toHaveCount(1);
    await expect(notice.locator("li code")).toHaveText(/\/atlas\/gone\.json$/);
    await expect(notice.locator("li")).toContainText(w.status404);
    // Each event of the chapter says it comes from it; the bundled feed's say theirs.
    const june = atlas.locator(".ma-event", { hasText: "Observability night" });
    await expect(june.locator(".ma-from")).toHaveText(w.from);
    // Plain English strings in a French page are marked as English, not passed off as French.
    if (lang === "fr") await expect(june.locator("h3")).toHaveAttribute("lang", "en");
    else await expect(june.locator("h3")).not.toHaveAttribute("lang", /./);
    const bundledTitle = bundled.title[lang];
    await expect(atlas.locator(".ma-event .ma-from", { hasText: bundledTitle }).first()).toBeVisible();
    // Cancelled: struck through, and said.
    const cancelled = atlas.locator(".ma-event", { hasText: "Service mesh panel" });
    await expect(cancelled.locator(".ma-status")).toHaveText(w.cancelled);
    expect(await cancelled.locator("h3").evaluate((h) => getComputedStyle(h).textDecorationLine)).toBe("line-through");
    // Online: said, no place claimed, and where to join.
    const online = atlas.locator(".ma-event", { hasText: "Gateway API webinar" });
    await expect(online.locator(".ma-attendance")).toHaveText(w.online);
    await expect(online.locator(".ma-place")).toHaveCount(0);
    await expect(online.getByRole("link", { name: w.join })).toHaveAttribute("href", "https://meet.jit.si/gateway-api");
    // The chapter's city is on the map with the bundled feed's.
    const places = new Set([...bundled.places.map((p) => p.id)]);
    expect(places.has("ottawa")).toBe(true);
    await expect(atlas.locator(".ma-marker").first()).toBeVisible();
    // Ids: each feed's short name and the event's own; selecting one puts it in the address.
    await june.getByRole("heading").first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get("event")).toBe("chapter-june");
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}

test("the element takes several feeds and leaves the host's address alone", async ({ page }) => {
  await serveChapter(page);
  await page.goto("./");
  await expect(page.locator(".meetup-atlas .ma-event").first()).toBeVisible();
  const before = page.url();
  await page.evaluate(() => {
    const element = document.createElement("meetup-atlas");
    element.setAttribute("feed", "feed.json  chapter.json");
    element.setAttribute("lang", "fr");
    element.setAttribute("views", "map,list");
    document.body.append(element);
  });
  const box = page.locator("meetup-atlas .ma-box");
  await expect(box.locator(".ma-event")).toHaveCount(bundled.events.length + chapter.events.length);
  await expect(box.locator(".ma-event", { hasText: "Observability night" }).locator(".ma-from")).toHaveText(words.fr.from);
  await box.locator(".ma-event", { hasText: "Gateway API webinar" }).getByRole("heading").first().click();
  expect(page.url()).toBe(before);
});

// An event's time is its own first; where the visitor's clock differs, theirs beside it.
test.describe("seen from Paris", () => {
  test.use({ timezoneId: "Europe/Paris" });
  for (const [lang, yours, own] of [
    ["en", /^\(your time: June 5(,| at) 12:00\s?a\.m\. [^)]+\)$/, /^June 4, 2019 at 6:00\s?p\.m\. EDT$/],
    ["fr", /^\(chez vous\u00a0: 5 juin(,| à) 0 h 00 [^)]+\)$/, /^4 juin 2019 à 18 h 00 HAE$/],
  ]) {
    test(`an evening in Ottawa says the hour in Paris too (${lang})`, async ({ page }) => {
      await serveChapter(page);
      await page.goto(`./?lang=${lang}&feed=${encodeURIComponent("chapter.json")}`);
      const card = page.locator(".ma-event", { hasText: "Observability night" });
      await expect(card.locator(".ma-your-time")).toHaveText(yours);
      await expect(card.locator(".ma-when-text")).toHaveText(own);
    });
  }
});

test.describe("seen from Ottawa", () => {
  test.use({ timezoneId: "America/Toronto" });
  test("an evening in Ottawa says its own hour alone", async ({ page }) => {
    await serveChapter(page);
    await page.goto(`./?lang=en&feed=${encodeURIComponent("chapter.json")}`);
    const card = page.locator(".ma-event", { hasText: "Observability night" });
    await expect(card.locator(".ma-when-text")).toHaveText(/^June 4, 2019 at 6:00\s?p\.m\. EDT$/);
    await expect(card.locator(".ma-your-time")).toHaveCount(0);
  });
});
