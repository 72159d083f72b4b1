// Each event has a page of its own in each language (events/<id>/, fr/events/<id>/):
// prerendered on its details, readable without a script, described to search engines
// (JSON-LD) and link previews (Open Graph, Twitter), and the address the atlas shows
// while the event is open.
import { test, expect } from "@playwright/test";
import { bundled } from "./bundled.mjs";

const events = bundled.events;
const other = { en: "fr", fr: "en" };
const pagePath = (lang, id) => `${lang === "fr" ? "fr/" : ""}events/${id}/`;

/** The page's JSON-LD, parsed. */
async function jsonLd(page) {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks[0]);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ["en", "fr"]) {
    test(`every event's ${lang} page opens on its details and describes it to search engines and previews`, async ({ page, baseURL }) => {
      for (const event of events) {
        const path = pagePath(lang, event.id);
        const response = await page.goto(path);
        expect(response.status(), path).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        const title = event.title[lang];
        expect(await page.title()).toContain(title);
        // The details are open, and the list behind them still holds every event.
        const details = page.locator(".ma-details");
        await expect(details).toHaveCount(1);
        await expect(details.locator("h3")).toContainText(title);
        await expect(page.locator(".ma-event.ma-selected")).toHaveAttribute("data-event", event.id);
        await expect(page.locator(".ma-tl-event")).toHaveCount(events.length);
        // The page's own address, and the same event in the other language.
        const canonical = `${baseURL}${path}`;
        await expect(page.locator("link[rel=canonical]")).toHaveAttribute("href", canonical);
        await expect(page.locator(`link[rel=alternate][hreflang=${other[lang]}]`)).toHaveAttribute("href", `${baseURL}${pagePath(other[lang], event.id)}`);
        // A link preview: the event's title and its card, at the size Open Graph shows uncropped.
        await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
        await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", canonical);
        await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
        const image = await page.locator('meta[property="og:image"]').getAttribute("content");
        expect(image).toBe(`${baseURL}cards/${event.id}.${lang}.png`);
        const card = await page.request.get(image);
        expect(card.status(), image).toBe(200);
        expect(card.headers()["content-type"]).toBe("image/png");
        // The event as schema.org has it, at this page's address.
        const ld = await jsonLd(page);
        expect(ld["@context"]).toBe("https://schema.org");
        expect(ld["@type"]).toBe("Event");
        expect(ld.name).toBe(title);
        expect(ld.url).toBe(canonical);
        expect(ld.image).toEqual([image]);
        // Google's required properties, as far as the feed knows them: never an invented day.
        if (event.when.type === "between") expect(ld.startDate).toBeUndefined();
        else expect(Number.isNaN(Date.parse(ld.startDate))).toBe(false);
        const place = bundled.places.find((p) => p.id === event.place);
        if (place) {
          expect(ld.location["@type"]).toBe("Place");
          expect(ld.location.address.addressCountry).toBe(place.country);
          expect(ld.location.geo).toMatchObject({ latitude: place.lat, longitude: place.lon });
        }
        // Its language control is a plain link to the same event in the other language.
        const href = await page.getByRole("link", { name: lang === "en" ? "Français" : "English" }).getAttribute("href");
        expect(new URL(href, page.url()).href).toBe(`${baseURL}${pagePath(other[lang], event.id)}`);
      }
    });
  }
});

test("each event's card is a picture of the size its pages say, in each language", async ({ page, baseURL }) => {
  await page.goto("./");
  for (const lang of ["en", "fr"]) {
    for (const event of events) {
      const src = `${baseURL}cards/${event.id}.${lang}.png`;
      // Decoded by the browser, a PNG reader of its own.
      const size = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        return [img.naturalWidth, img.naturalHeight];
      }, src);
      expect(size, src).toEqual([1200, 630]);
    }
  }
  await page.goto(pagePath("fr", events[0].id));
  const said = await Promise.all(["width", "height"].map((d) => page.locator(`meta[property="og:image:${d}"]`).getAttribute("content")));
  expect(said.map(Number)).toEqual([1200, 630]);
});

test("an event's page comes to life on its details, and the address follows the selection", async ({ page, baseURL }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const [first, second] = events;
  await page.goto(pagePath("en", first.id));
  await expect(page.locator("[data-meetup-atlas-live]")).toHaveCount(1);
  await expect(page.locator(".ma-details h3")).toContainText(first.title.en);
  // Another event, from the timeline: its page's address, a new history entry.
  await page.locator(`.ma-tl-event[data-tl-event="${second.id}"]`).click();
  await expect(page.locator(".ma-details h3")).toContainText(second.title.en);
  await expect(page).toHaveURL(`${baseURL}${pagePath("en", second.id)}`);
  // The other language's link follows: the same event, from where the address now is.
  const french = page.getByRole("link", { name: "Français" });
  const frenchHref = async () => new URL(await french.getAttribute("href"), page.url()).href;
  await expect.poll(frenchHref).toBe(`${baseURL}${pagePath("fr", second.id)}`);
  await page.goBack();
  await expect(page.locator(".ma-details h3")).toContainText(first.title.en);
  await expect(page).toHaveURL(`${baseURL}${pagePath("en", first.id)}`);
  // Closed: the atlas' own address.
  await page.locator(".ma-close").click();
  await expect(page.locator(".ma-details")).toHaveCount(0);
  await expect(page).toHaveURL(baseURL);
  await expect.poll(frenchHref).toBe(`${baseURL}fr/`);
  // The page works from its own folder: the feed, the basemap and the scripts were found.
  await expect(page.locator(".ma-region").first()).toBeAttached();
  expect(errors).toEqual([]);
});

for (const [width, height] of [[1280, 900], [390, 844]]) {
  test(`at ${width}×${height} each event's page shows its place on the map, alone or in the group that holds it`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    for (const event of events.filter((e) => e.place)) {
      await page.goto(pagePath("en", event.id));
      await expect(page.locator("[data-meetup-atlas-live]")).toHaveCount(1);
      const ringed = page.locator(".ma-marker.ma-selected, .ma-marker.ma-holds-selected");
      await expect(ringed, event.id).toHaveCount(1);
      const marker = await ringed.boundingBox();
      const map = await page.locator(".ma-map-svg").boundingBox();
      expect(marker.x >= map.x && marker.x + marker.width <= map.x + map.width, event.id).toBe(true);
      expect(marker.y >= map.y && marker.y + marker.height <= map.y + map.height, event.id).toBe(true);
      const single = page.locator(`.ma-marker.ma-selected[data-place="${event.place}"]`);
      if ((await single.count()) === 0) await expect(ringed).toHaveClass(/ma-marker-group/);
    }
  });
}

test("the language toggle on an event's page goes to the same event's page in the other language", async ({ page, baseURL }) => {
  const event = events.at(-1);
  await page.goto(pagePath("en", event.id));
  await expect(page.locator("[data-meetup-atlas-live]")).toHaveCount(1);
  await page.getByRole("link", { name: "Français" }).click();
  await expect(page.locator(".ma-details h3")).toContainText(event.title.fr);
  // The page's address says the language: no ?lang= beside it.
  await expect(page).toHaveURL(`${baseURL}${pagePath("fr", event.id)}`);
  const english = page.getByRole("link", { name: "English" });
  await expect.poll(async () => new URL(await english.getAttribute("href"), page.url()).href).toBe(`${baseURL}${pagePath("en", event.id)}`);
  await page.goBack();
  await expect(page).toHaveURL(`${baseURL}${pagePath("en", event.id)}`);
  await expect(page.locator(".ma-details h3")).toContainText(event.title.en);
  await page.goForward();
  await expect(page.locator(".ma-details h3")).toContainText(event.title.fr);
  // Reloaded, the address is the French page itself.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.locator(".ma-details h3")).toContainText(event.title.fr);
});

test("a link of the query's kind (?event=) opens the event at its page's address", async ({ page, baseURL }) => {
  const event = events.at(-1);
  await page.goto(`fr/?event=${event.id}`);
  await expect(page.locator(".ma-details h3")).toContainText(event.title.fr);
  await expect(page).toHaveURL(`${baseURL}${pagePath("fr", event.id)}`);
  // Reloaded, the page at that address is the event's own.
  await page.reload();
  await expect(page.locator(".ma-details h3")).toContainText(event.title.fr);
  expect(await page.title()).toContain(event.title.fr);
});

test.describe("a French reader", () => {
  test.use({ locale: "fr-CA" });
  test("sent an English event page reads the same event in French", async ({ page, baseURL }) => {
    const event = events[1];
    await page.goto(pagePath("en", event.id));
    await expect(page).toHaveURL(`${baseURL}${pagePath("fr", event.id)}`);
    await expect(page.locator(".ma-details h3")).toContainText(event.title.fr);
  });
});
