// The calendars the build publishes to subscribe to (#22; src/core/publish.rs): each one
// listed in calendars/index.json is served, parsed by ical.js, and holds the events the
// list says, stamped from the feed, each with its address: the event's own page.
import { test, expect } from "@playwright/test";
import ICAL from "ical.js";
import { parseFeed } from "@rowanmanning/feed-parser";
import AxeBuilder from "@axe-core/playwright";
import { bundled, EVENTS } from "./bundled.mjs";

const SITE = "http://127.0.0.1:4173/atlas/";
/** The event of an event page's address. */
const eventOf = (url) => /\/events\/([^/]+)\/$/.exec(new URL(url).pathname)?.[1];

test("every published calendar parses and holds what its list says", async ({ request }) => {
  const index = await (await request.get("calendars/index.json")).json();
  const all = index.filter((c) => c.scope === "all");
  expect(all.map((c) => c.lang).sort()).toEqual(["en", "fr"]);
  expect(all.every((c) => c.events === EVENTS)).toBe(true);
  // A calendar for every place that has events, in both languages.
  const placed = new Set(bundled.events.map((e) => e.place).filter(Boolean));
  expect(new Set(index.filter((c) => c.scope === "place").map((c) => c.id))).toEqual(placed);
  for (const listed of index) {
    const response = await request.get(listed.path);
    expect(response.ok(), listed.path).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(listed.name);
    const events = calendar.getAllSubcomponents("vevent");
    expect(events, listed.path).toHaveLength(listed.events);
    for (const vevent of events) {
      const event = new ICAL.Event(vevent);
      const id = event.uid.replace(/@meetup-atlas$/, "");
      expect(bundled.events.some((e) => e.id === id), id).toBe(true);
      const page = listed.lang === "fr" ? "fr/" : "";
      expect(vevent.getFirstPropertyValue("url")).toBe(`${SITE}${page}events/${id}/`);
      expect(vevent.getFirstPropertyValue("dtstamp").toString()).toBe(vevent.getFirstPropertyValue("last-modified").toString());
    }
  }
});

test("the Atom feeds are XML the browser parses, newest events first, each linking to its event", async ({ page, request }) => {
  await page.goto("./");
  // Each page names its language's feed; the sitemap names both pages.
  await expect(page.locator('link[rel=alternate][type="application/atom+xml"]')).toHaveAttribute("href", "feeds/events.en.atom");
  const sitemap = await (await request.get("sitemap.xml")).text();
  expect(sitemap).toContain(`<loc>${SITE}fr/</loc>`);
  // Every event's page in each language.
  for (const event of bundled.events) {
    expect(sitemap).toContain(`<loc>${SITE}events/${event.id}/</loc>`);
    expect(sitemap).toContain(`<loc>${SITE}fr/events/${event.id}/</loc>`);
  }
  expect(await (await request.get("robots.txt")).text()).toContain("Sitemap: http://127.0.0.1:4173/atlas/sitemap.xml");
  for (const lang of ["en", "fr"]) {
    const text = await (await request.get(`feeds/events.${lang}.atom`)).text();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      const ns = "http://www.w3.org/2005/Atom";
      const entries = [...doc.getElementsByTagNameNS(ns, "entry")];
      return {
        error: doc.getElementsByTagName("parsererror").length,
        root: doc.documentElement.localName,
        lang: doc.documentElement.getAttribute("xml:lang"),
        title: doc.documentElement.getElementsByTagNameNS(ns, "title")[0].textContent,
        entries: entries.map((e) => ({
          title: e.getElementsByTagNameNS(ns, "title")[0].textContent,
          link: e.getElementsByTagNameNS(ns, "link")[0]?.getAttribute("href"),
          updated: e.getElementsByTagNameNS(ns, "updated")[0].textContent,
        })),
      };
    }, text);
    expect(parsed).toMatchObject({ error: 0, root: "feed", lang, title: bundled.title[lang] });
    // And by a feed reader's parser (@rowanmanning/feed-parser): an Atom feed, the same entries.
    const read = parseFeed(text);
    expect(read.meta.type).toBe("atom");
    expect(read.title).toBe(bundled.title[lang]);
    expect(read.language).toBe(lang);
    expect(read.items.map((item) => [item.title, item.url])).toEqual(parsed.entries.map((e) => [e.title, e.link]));
    expect(read.items.every((item) => item.updated instanceof Date && !Number.isNaN(item.updated.getTime()))).toBe(true);
    expect(parsed.entries).toHaveLength(EVENTS);
    for (const entry of parsed.entries) {
      const id = eventOf(entry.link);
      const event = bundled.events.find((e) => e.id === id);
      expect(event.title[lang]).toBe(entry.title);
      expect(entry.link).toBe(`${SITE}${lang === "fr" ? "fr/" : ""}events/${id}/`);
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
    }
  }
});

// Subscribe offers the published calendar that holds what is shown.
for (const lang of ["en", "fr"]) {
  test(`Subscribe offers the calendar of what is shown (${lang})`, async ({ page, request, baseURL }) => {
    const index = await (await request.get("calendars/index.json")).json();
    const calendar = (scope, id) => index.find((c) => c.scope === scope && (c.id ?? null) === (id ?? null) && c.lang === lang);
    const words = lang === "en"
      ? { subscribe: "Subscribe", app: "In the calendar app of this device", google: "In Google Calendar", outlook: "In Outlook", instead: "What is shown has no calendar of its own" }
      : { subscribe: "S’abonner", app: "Dans l’agenda de cet appareil", google: "Dans Google Agenda", outlook: "Dans Outlook", instead: "Ce qui est affiché n’a pas d’agenda à lui" };
    const place = bundled.events[0].place;
    // Pressed once the page runs (the prerendered button does nothing before).
    const live = () => expect(page.locator("[data-meetup-atlas-live] .ma-event").first()).toBeVisible();
    // French on a phone: the menu stays on screen whatever the button's place in its row.
    if (lang === "fr") await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`./?lang=${lang}`);
    await live();
    const toggle = page.getByRole("button", { name: words.subscribe });
    const panel = page.locator("#ma-subscribe-panel");
    const check = async (listed) => {
      const address = new URL(listed.path, baseURL).href;
      await expect(panel.locator(".ma-subscribe-name")).toHaveText(listed.name);
      await expect(panel.getByRole("link", { name: words.app })).toHaveAttribute("href", address.replace(/^https?:/, "webcal:"));
      await expect(panel.getByRole("link", { name: words.google })).toHaveAttribute("href", `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(address.replace(/^https?:/, "webcal:"))}`);
      const outlook = new URL(await panel.getByRole("link", { name: words.outlook }).getAttribute("href"));
      expect(outlook.searchParams.get("url")).toBe(address);
      expect(outlook.searchParams.get("name")).toBe(listed.name);
      // The address is a calendar of that many events.
      const text = await (await request.get(address)).text();
      expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(listed.events);
    };
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await check(calendar("all"));
    const box = await panel.boundingBox();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize().width);
    expect(box.y).toBeGreaterThan((await toggle.boundingBox()).y);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    // Escape closes it, focus back on its button.
    await page.keyboard.press("Escape");
    await expect(panel).toBeHidden();
    await expect(toggle).toBeFocused();
    // A search has no calendar of its own: all events, and said so.
    await page.getByRole("searchbox").fill("ottawa");
    await toggle.click();
    await expect(panel.locator(".ma-note").first()).toContainText(words.instead);
    await check(calendar("all"));
    await page.keyboard.press("Escape");
    // A place selected: that place's calendar.
    await page.goto(`./?lang=${lang}&place=${place}`);
    await live();
    await toggle.click();
    await check(calendar("place", place));
  });
}

// Each page carries its events as schema.org data, saying no more than the feed knows.
for (const lang of ["en", "fr"]) {
  test(`the page's JSON-LD describes every event honestly (${lang})`, async ({ page }) => {
    await page.goto(lang === "fr" ? "./fr/" : "./?lang=en");
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks).toHaveLength(1);
    const data = JSON.parse(blocks[0]);
    expect(data["@context"]).toBe("https://schema.org");
    const events = data["@graph"];
    expect(events).toHaveLength(EVENTS);
    for (const ld of events) {
      expect(ld["@type"]).toBe("Event");
      const id = eventOf(ld.url);
      const event = bundled.events.find((e) => e.id === id);
      expect(ld.name).toBe(event.title[lang]);
      // A day the feed does not know is not invented.
      if (event.when.type === "between") expect(ld.startDate).toBeUndefined();
      expect(ld.eventStatus).toBe(`https://schema.org/Event${event.status === "cancelled" ? "Cancelled" : "Scheduled"}`);
      const place = bundled.places.find((p) => p.id === event.place);
      if (place) expect(ld.location.address.addressCountry).toBe(place.country);
    }
  });
}
