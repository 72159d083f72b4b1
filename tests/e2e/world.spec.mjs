// Feeds of the whole world (tests/bench/worldwide.mjs: real cities, conferences and
// meetups), in the <meetup-atlas> element of a host page: the map is drawn in a world
// projection, north up and west left, and its first view holds every placed event.
import { test, expect } from "@playwright/test";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { worldwideFeed } from "../bench/worldwide.mjs";

const hostsDir = new URL("../../target/e2e-site/other-origin/hosts/", import.meta.url);
const seed = JSON.parse(readFileSync(new URL("../../public/feed.json", import.meta.url), "utf8"));

/** A host page showing `feed` in the element; returns its address. */
function hostWith(name, feed, lang = "en") {
  mkdirSync(hostsDir, { recursive: true });
  writeFileSync(new URL(`${name}.json`, hostsDir), JSON.stringify(feed));
  writeFileSync(
    new URL(`${name}.html`, hostsDir),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head><body>` +
      `<meetup-atlas lang="${lang}" feed="${name}.json"></meetup-atlas>` +
      `<script type="module" src="http://127.0.0.1:4173/atlas/meetup-atlas.js"></script></body></html>`,
  );
  return `http://127.0.0.1:4174/hosts/${name}.html`;
}

/** `feed` in a host page at 1280×900, once its markers are drawn; returns the element. */
async function openWide(page, name, feed) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(hostWith(name, feed));
  const atlas = page.locator("meetup-atlas");
  await expect(atlas.locator(".ma-marker").first()).toBeVisible({ timeout: 15_000 });
  return atlas;
}

/** Ten far-apart cities, one meetup each. */
const TEN = [
  ["vancouver", "Vancouver", "BC", "CA", -123.12, 49.28],
  ["montreal", "Montréal", "QC", "CA", -73.57, 45.5],
  ["sao-paulo", "São Paulo", "SP", "BR", -46.63, -23.55],
  ["london", "London", "ENG", "GB", -0.13, 51.51],
  ["nairobi", "Nairobi", "30", "KE", 36.82, -1.29],
  ["moscow", "Moscow", "MOW", "RU", 37.62, 55.76],
  ["bangalore", "Bangalore", "KA", "IN", 77.59, 12.97],
  ["beijing", "Beijing", "BJ", "CN", 116.4, 39.9],
  ["hong-kong", "Hong Kong", "HK", "HK", 114.17, 22.32],
  ["sydney", "Sydney", "NSW", "AU", 151.21, -33.87],
];

function tenCities() {
  const feed = structuredClone(seed);
  feed.places = TEN.map(([id, name, region, country, lon, lat]) => ({ id, name: { en: name, fr: name }, region, country, lat, lon }));
  feed.series = [];
  feed.events = TEN.map(([id, name], i) => ({
    ...structuredClone(seed.events[0]),
    id: `${id}-meetup`,
    series: undefined,
    title: { en: `${name} meetup`, fr: `Rencontre de ${name}` },
    place: id,
    when: { type: "date", date: `2026-0${1 + (i % 9)}-15` },
    sessions: [],
  }));
  return feed;
}

const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** No marker under a map control. */
function expectClearOfControls({ controls, markers: drawn }) {
  expect(controls.length).toBe(2);
  for (const m of drawn) for (const c of controls) expect(overlap(m.box, c), `a marker under a control: ${JSON.stringify(m)}`).toBe(false);
}

async function markers(page) {
  return page.locator("meetup-atlas").evaluate((host) => {
    const root = host.shadowRoot;
    const surface = root.querySelector(".ma-map-surface").getBoundingClientRect();
    const box = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    return {
      surface: box(surface),
      controls: [...root.querySelectorAll(".ma-zoom-controls, .ma-pan-controls")].map((c) => box(c.getBoundingClientRect())),
      markers: [...root.querySelectorAll(".ma-marker")].map((m) => {
        const r = m.getBoundingClientRect();
        return { place: m.dataset.place ?? null, events: Number(m.textContent), x: r.left + r.width / 2, y: r.top + r.height / 2, box: box(r) };
      }),
    };
  });
}

for (const [width, height] of [
  [1280, 900],
  [1024, 768],
  [390, 844],
]) {
  test.describe(`at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test("ten far-apart cities: each on its own marker, north up and west left, all in the first view", async ({ page }) => {
      await page.goto(hostWith("ten-cities", tenCities()));
      await expect(page.locator("meetup-atlas .ma-marker").first()).toBeVisible();
      const seen = await markers(page);
      const { surface, markers: drawn } = seen;
      expectClearOfControls(seen);
      const at = Object.fromEntries(drawn.filter((m) => m.place).map((m) => [m.place, m]));
      // Close cities may share a marker on a phone; every event is on one, inside the map.
      expect(drawn.reduce((n, m) => n + m.events, 0)).toBe(TEN.length);
      for (const m of drawn) {
        expect(m.x).toBeGreaterThan(surface.left);
        expect(m.x).toBeLessThan(surface.right);
        expect(m.y).toBeGreaterThan(surface.top);
        expect(m.y).toBeLessThan(surface.bottom);
      }
      // At world zoom, cities 2,000 km apart share a marker on a smaller map.
      expect(Object.keys(at).length).toBeGreaterThanOrEqual({ 1280: 10, 1024: 8, 390: 2 }[width]);
      for (const [a, , , , alon, alat] of TEN) {
        for (const [b, , , , blon, blat] of TEN) {
          if (!at[a] || !at[b]) continue;
          if (alat > blat + 5) expect(at[a].y, `${a} north of ${b}`).toBeLessThan(at[b].y);
          if (alon < blon - 20) expect(at[a].x, `${a} west of ${b}`).toBeLessThan(at[b].x);
        }
      }
      // Not rotated: Hong Kong below Beijing, Sydney east of Bangalore and below it.
      if (at["hong-kong"] && at.beijing) expect(at["hong-kong"].y).toBeGreaterThan(at.beijing.y);
      await page.screenshot({ path: `artifacts/world-ten-${width}.png` });
    });

    test("1,500 events in 300 cities of every continent: every placed event is on a marker of the first view", async ({ page }) => {
      const feed = worldwideFeed({ events: 1500, places: 300 });
      await page.goto(hostWith("worldwide", feed));
      await expect(page.locator("meetup-atlas .ma-marker").first()).toBeVisible({ timeout: 15_000 });
      const seen = await markers(page);
      const { surface, markers: drawn } = seen;
      expectClearOfControls(seen);
      expect(drawn.reduce((n, m) => n + m.events, 0)).toBe(feed.events.length);
      for (const m of drawn) {
        expect(m.x).toBeGreaterThan(surface.left);
        expect(m.x).toBeLessThan(surface.right);
        expect(m.y).toBeGreaterThan(surface.top);
        expect(m.y).toBeLessThan(surface.bottom);
      }
      // Search and Filters share a row, whatever the engine's idea of an input's width.
      const middle = async (selector) => {
        const b = await page.locator(`meetup-atlas ${selector}`).first().boundingBox();
        return b.y + b.height / 2;
      };
      expect(Math.abs((await middle(".ma-search input")) - (await middle(".ma-toolbar-row .ma-button")))).toBeLessThan(2);
      // Conferences and meetups together are "events", on the markers and in the footer.
      await expect(page.locator("meetup-atlas .ma-marker").first()).toHaveAttribute("aria-label", /— [\d,\s]+\u00a0events?\b/);
      await expect(page.locator("meetup-atlas").getByRole("heading", { name: "About these events" })).toBeAttached();
      await page.screenshot({ path: `artifacts/world-1500-${width}.png` });
    });
  });
}

test("a map drawn afresh places its markers once, at its own size: none is drawn and removed again", async ({ page }) => {
  // The hosted page prerendered with the bundled feed, and a worldwide feed since: the
  // atlas is drawn afresh in its place, its map sized only once it is laid out.
  const feed = worldwideFeed({ events: 1500, places: 300 });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.route("**/atlas/feed.json", (route) => route.fulfill({ json: feed }));
  await page.addInitScript(() => {
    window.__markersRemoved = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        // The prerendered atlas, taken away whole from its host, is not counted.
        if (record.target.hasAttribute?.("data-meetup-atlas")) continue;
        for (const node of record.removedNodes) {
          if (node.nodeType === 1) window.__markersRemoved += Number(node.matches(".ma-marker")) + node.querySelectorAll(".ma-marker").length;
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto("./");
  const markers = page.locator("[data-meetup-atlas-live] .ma-map .ma-marker");
  await expect(markers.first()).toBeVisible({ timeout: 15_000 });
  // Settled: two frames and a moment on, the same markers.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300)))));
  expect(await markers.count()).toBeGreaterThan(1);
  expect(await page.evaluate(() => window.__markersRemoved)).toBe(0);
});

for (const [width, height] of [[1280, 900], [390, 844]]) {
  test(`a map and a timeline drawn afresh over the prerendered page start at the sizes that page was laid out at, ${width} px`, async ({ page }) => {
    // As above: the bundled feed's page, a worldwide feed since. The markers are placed in
    // the draw itself, where they stay; the timeline's items (a strip, or on a phone a
    // list down the page) are drawn once.
    const feed = worldwideFeed({ events: 1500, places: 300 });
    await page.setViewportSize({ width, height });
    await page.route("**/atlas/feed.json", (route) => route.fulfill({ json: feed }));
    await page.addInitScript(() => {
      // Each marker and item within its view: what is above the views may still grow.
      window.__placed = (atlas) => {
        const boxes = (view, selector) => [...atlas.querySelectorAll(`${view} ${selector}`)].map((m) => {
          const [b, v] = [m.getBoundingClientRect(), m.closest(view).getBoundingClientRect()];
          return [m.textContent, Math.round(b.x - v.x), Math.round(b.y - v.y)].join(" ");
        });
        return { markers: boxes(".ma-map-surface", ".ma-marker"), items: boxes(".ma-timeline", ".ma-tl-event") };
      };
      window.__itemsRemoved = 0;
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === "attributes" && record.attributeName === "data-meetup-atlas-live" && !window.__atLive) {
            // The moment the atlas is drawn: its markers and items, where they are then.
            window.__atLive = window.__placed(record.target);
          }
          if (record.type !== "childList" || record.target.hasAttribute?.("data-meetup-atlas")) continue;
          for (const node of record.removedNodes) {
            if (node.nodeType === 1) window.__itemsRemoved += Number(node.matches(".ma-tl-event")) + node.querySelectorAll(".ma-tl-event").length;
          }
        }
      }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-meetup-atlas-live"] });
    });
    await page.goto("./");
    await expect(page.locator("[data-meetup-atlas-live] .ma-map .ma-marker").first()).toBeVisible({ timeout: 15_000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300)))));
    const atLive = await page.evaluate(() => window.__atLive);
    const now = await page.evaluate(() => window.__placed(document.querySelector("[data-meetup-atlas-live]")));
    expect(atLive.markers.length).toBeGreaterThan(1);
    expect(atLive.markers).toEqual(now.markers);
    expect(atLive.items.length).toBeGreaterThan(1);
    expect(atLive.items).toEqual(now.items);
    expect(await page.evaluate(() => window.__itemsRemoved)).toBe(0);
  });
}

test("a search for a city far from the view brings its markers into view", async ({ page }) => {
  const feed = worldwideFeed({ events: 1500, places: 300 });
  const atlas = await openWide(page, "worldwide-search", feed);
  // Zoomed in on one side of the world first.
  const zoomIn = atlas.locator(".ma-controls").getByRole("button").first();
  for (let i = 0; i < 4; i++) await zoomIn.click();
  for (const country of ["AU", "BR", "JP"]) {
    const place = feed.places.find((p) => p.country === country);
    await atlas.getByRole("searchbox").fill(place.name.en);
    // What the search shows, as the count says it ("12 of 1,500 events").
    const shown = async () => Number((await atlas.locator(".ma-toolbar-status").innerText()).match(/^([\d,\s]+) of/m)[1].replace(/\D/g, ""));
    await expect.poll(shown).toBeLessThan(feed.events.length);
    const events = await shown();
    expect(events).toBeGreaterThan(0);
    await expect
      .poll(async () => {
        const { surface, markers: drawn } = await markers(page);
        const inside = drawn.filter((m) => m.x > surface.left && m.x < surface.right && m.y > surface.top && m.y < surface.bottom);
        return inside.reduce((n, m) => n + m.events, 0);
      }, { message: place.name.en })
      .toBe(events);
  }
});

test("a facet of hundreds of cities has a box to find one, offers only cities with events, names groups by their biggest", async ({ page }) => {
  const feed = worldwideFeed({ events: 1500, places: 300 });
  const atlas = await openWide(page, "worldwide-facets", feed);
  // A group's label is its biggest place's area; its accessible name lists the places.
  const group = atlas.locator(".ma-marker-group").first();
  const name = await group.getAttribute("aria-label");
  const biggest = name.match(/^(.+?) area: /)[1];
  expect(name.startsWith(`${biggest} area: ${biggest}, `), name).toBe(true);
  await atlas.getByRole("button", { name: "Filters" }).click();
  await atlas.locator(".ma-facet[data-facet=place] summary").click();
  const find = atlas.getByRole("searchbox", { name: "Find a city" });
  await expect(find).toBeVisible();
  const withEvents = new Set(feed.events.map((e) => e.place));
  await expect(atlas.locator(".ma-facet[data-facet=place] li")).toHaveCount(withEvents.size);
  // Narrowed to the cities whose name has what is typed.
  const target = feed.places.find((p) => withEvents.has(p.id) && p.name.en.length > 5);
  const typed = target.name.en.slice(0, 4);
  await find.fill(typed);
  const names = await atlas.locator(".ma-facet[data-facet=place] li .ma-choice-name").allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  for (const n of names) expect(fold(n)).toContain(fold(typed));
  expect(names.some((n) => n.startsWith(target.name.en))).toBe(true);
  // Chosen, it narrows the facet's neighbours to cities that still have events.
  await atlas.locator(".ma-facet[data-facet=place] li").filter({ hasText: target.name.en }).first().getByRole("checkbox").check();
  await atlas.locator(".ma-facet[data-facet=speaker] summary").click();
  const speakers = new Set(feed.events.filter((e) => e.place === target.id).flatMap((e) => e.sessions.flatMap((s) => s.speakers)));
  await expect(atlas.locator(".ma-facet[data-facet=speaker] li")).toHaveCount(speakers.size);
});

test("a search that leaves every place an event changes the markers' counts, not the markers", async ({ page }) => {
  // One event of each place gets a word no other text has: searching for it keeps every
  // place on the map, with one event each.
  const feed = worldwideFeed({ events: 1500, places: 300 });
  const word = "Zephyrine";
  const firstOf = new Map();
  for (const e of feed.events) if (e.place && !firstOf.has(e.place)) firstOf.set(e.place, e);
  for (const e of firstOf.values()) e.title = { en: `${e.title.en} ${word}`, fr: `${e.title.fr} ${word}` };
  expect(JSON.stringify(feed).split(word).length - 1).toBe(2 * firstOf.size);
  const placed = feed.events.filter((e) => e.place).length;
  const number = (n) => new Intl.NumberFormat("en-CA").format(n);
  const atlas = await openWide(page, "worldwide-steady", feed);
  const markers = atlas.locator(".ma-marker");
  // The first view holds every place: the markers' counts add up to the placed events.
  const counts = () => markers.evaluateAll((all) => all.reduce((sum, m) => sum + Number(m.textContent.replace(/\D/g, "")), 0));
  expect(await counts()).toBe(placed);
  const groups = await atlas.locator(".ma-marker-group").count();
  expect(groups, "the first view groups places").toBeGreaterThan(0);
  await markers.evaluateAll((all) => (window.__markersBefore = all));
  const same = () => markers.evaluateAll((all) => all.length === window.__markersBefore.length && all.every((m) => window.__markersBefore.includes(m)));
  for (const [typed, shown, sum] of [[word, firstOf.size, firstOf.size], ["", feed.events.length, placed]]) {
    await atlas.getByRole("searchbox").fill(typed);
    await expect(atlas.locator(".ma-result-count")).toHaveText(`${number(shown)} of ${number(feed.events.length)}\u00a0events`);
    await expect.poll(counts).toBe(sum);
    expect(await same(), `"${typed}": the same marker elements`).toBe(true);
    await expect(atlas.locator(".ma-marker-group")).toHaveCount(groups);
  }
});

test("a group's glide draws markers as it starts and as it ends, not at each of its frames", async ({ page }) => {
  const feed = worldwideFeed({ events: 1500, places: 300 });
  const atlas = await openWide(page, "worldwide-glide", feed);
  const seen = await atlas.evaluate(async (host) => {
    const layer = host.shadowRoot.querySelector(".ma-markers");
    const markers = () => new Set(layer.querySelectorAll(".ma-marker"));
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    // The group nearest the map's centre: the glide into it stays within the first view,
    // so no marker comes into view on the way.
    const box = layer.getBoundingClientRect();
    const off = (m) => {
      const r = m.getBoundingClientRect();
      return Math.hypot(r.x + r.width / 2 - (box.x + box.width / 2), r.y + r.height / 2 - (box.y + box.height / 2));
    };
    const groups = [...layer.querySelectorAll(".ma-marker-group")].sort((a, b) => off(a) - off(b));
    if (!groups.length) return { groups: 0 };
    const before = markers();
    let added = 0;
    const observer = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) added += n.classList?.contains("ma-marker") ? 1 : 0;
    });
    observer.observe(layer, { childList: true });
    groups[0].click();
    await frame();
    const starting = markers();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    observer.disconnect();
    const ended = markers();
    const newIn = (set, than) => [...set].filter((m) => !than.has(m)).length;
    return { groups: groups.length, added, atStart: newIn(starting, before), atEnd: newIn(ended, starting) };
  });
  expect(seen.groups, "the first view groups places").toBeGreaterThan(0);
  expect(seen.atEnd, "the group came apart once the glide ended").toBeGreaterThan(0);
  expect(seen.added, "every marker added was added as the glide started or ended").toBe(seen.atStart + seen.atEnd);
});

test("an event opened from the list has its place centred on the map, after a glide", async ({ page }) => {
  const feed = worldwideFeed({ events: 1500, places: 300 });
  const atlas = await openWide(page, "worldwide-centre", feed);
  for (let i = 0; i < 3; i++) await atlas.locator(".ma-map .ma-zoom-in").click();
  const fromCentre = async (place) => {
    const { surface, markers: drawn } = await markers(page);
    const m = drawn.find((d) => d.place === place);
    if (!m) return "not drawn";
    return Math.round(Math.hypot(m.x - (surface.left + surface.right) / 2, m.y - (surface.top + surface.bottom) / 2));
  };
  // A city of its own on screen, well away from the centre, with a name no other city has.
  const names = new Map(feed.places.map((p) => [p.id, p.name.en]));
  // Well inside the map too, so that nothing brings it "into view".
  const { surface, markers: drawn } = await markers(page);
  const inside = (m) => m.x - surface.left > 90 && surface.right - m.x > 130 && m.y - surface.top > 90 && surface.bottom - m.y > 90;
  const seen = drawn.filter((m) => m.place && inside(m));
  let place;
  for (const m of seen) {
    const name = names.get(m.place);
    if (feed.places.filter((p) => p.name.en.includes(name) || name.includes(p.name.en)).length !== 1) continue;
    if ((await fromCentre(m.place)) > 150) (place = m.place);
    if (place) break;
  }
  expect(place, "a lone city off the centre").toBeTruthy();
  await atlas.getByRole("searchbox").fill(names.get(place));
  // Already in view: searching does not move the map.
  await expect(atlas.locator(".ma-panel .ma-event-open").first()).toBeVisible();
  expect(await fromCentre(place)).toBeGreaterThan(150);
  await atlas.locator(".ma-panel .ma-event-open").first().click();
  await expect.poll(() => fromCentre(place), { message: place }).toBeLessThan(3);
});

test("an event opened from a search's results as soon as they show keeps the map on its place: the map's wait to fit the search gives way", async ({ page }) => {
  const feed = worldwideFeed({ events: 1500, places: 300 });
  const atlas = await openWide(page, "worldwide-open-at-once", feed);
  for (let i = 0; i < 3; i++) await atlas.locator(".ma-map .ma-zoom-in").click();
  const svg = atlas.locator(".ma-map-svg");
  const width = async () => Number((await svg.getAttribute("viewBox")).split(" ")[2]);
  const zoomed = await width();
  // A search whose events are in cities all over the world: most of them off this map.
  const query = "Dev Days 2025";
  expect(new Set(feed.events.filter((e) => e.title.en.includes(query)).map((e) => e.place)).size).toBeGreaterThan(20);
  // Typed, and its first result opened a frame later: well within the typing pause the
  // map waits for before it fits what a search shows.
  const opened = await atlas.evaluate(async (host, text) => {
    const root = host.shadowRoot;
    const input = root.querySelector("#ma-search-input");
    input.value = text;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const first = root.querySelector(".ma-panel .ma-event-open");
    first.click();
    return first.closest(".ma-event").dataset.event;
  }, query);
  expect(feed.events.find((e) => e.id === opened).title.en).toContain(query);
  await expect(atlas.locator(".ma-details")).toBeVisible();
  // The map glides to the event's place at the same zoom, and stays there.
  await page.waitForTimeout(1200);
  expect(await width()).toBeCloseTo(zoomed, 0);
  const box = await svg.getAttribute("viewBox");
  await page.waitForTimeout(600);
  await expect(svg).toHaveAttribute("viewBox", box);
});

test("a search that leaves one region of a world feed redraws the map in that region's conic, and clearing it brings the world back", async ({ page }) => {
  const feed = worldwideFeed({ events: 1500, places: 300 });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(hostWith("worldwide-hand-over", feed));
  const atlas = page.locator("meetup-atlas");
  await expect(atlas.locator(".ma-marker").first()).toBeVisible({ timeout: 15_000 });
  const svg = atlas.locator(".ma-map-svg");
  await expect(svg).toHaveAttribute("data-projection", "world");
  const onScreen = async () => {
    const { surface, markers: drawn } = await markers(page);
    return drawn.filter((m) => m.x > surface.left && m.x < surface.right && m.y > surface.top && m.y < surface.bottom).reduce((n, m) => n + m.events, 0);
  };
  const everyPlaced = await onScreen();
  // A city of Australia whose name no place elsewhere shares: the search leaves one region.
  const place = feed.places.find((p) => p.country === "AU" && feed.places.filter((q) => q.name.en.includes(p.name.en)).length === 1 && feed.events.some((e) => e.place === p.id));
  expect(place, "a lone Australian city with events").toBeTruthy();
  // On the world map, a search whose places are all in view does not move it.
  await atlas.getByRole("searchbox").fill(place.name.en);
  const events = feed.events.filter((e) => e.place === place.id).length;
  await expect.poll(onScreen).toBe(events);
  await page.waitForTimeout(600);
  await expect(svg).toHaveAttribute("data-projection", "world");
  // Zoomed in at once after the search is cleared, the map stays where the reader took it
  // (the map follows what is shown once the typing pauses; the reader's own move wins).
  await atlas.getByRole("searchbox").fill("");
  // Well within the pause the map waits for (the clicks' own checks could outlast it).
  await atlas.locator(".ma-map .ma-zoom-in").evaluate((button) => [1, 2, 3, 4].forEach(() => button.click()));
  await expect.poll(onScreen).toBeLessThan(everyPlaced);
  const zoomed = await svg.getAttribute("viewBox");
  await page.waitForTimeout(800);
  await expect(svg).toHaveAttribute("viewBox", zoomed);
  // Zoomed in elsewhere, the same search takes the map there, then into Australia's conic.
  await atlas.getByRole("searchbox").fill(place.name.en);
  await expect(svg).toHaveAttribute("data-projection", "conic");
  await expect.poll(onScreen).toBe(events);
  await atlas.getByRole("searchbox").fill("");
  await expect(svg).toHaveAttribute("data-projection", "world");
  await expect.poll(onScreen).toBe(everyPlaced);
  // Show all returns to the world map at once, the search still on.
  for (let i = 0; i < 4; i++) await atlas.locator(".ma-map .ma-zoom-in").click();
  await atlas.getByRole("searchbox").fill(place.name.en);
  await expect(svg).toHaveAttribute("data-projection", "conic");
  await atlas.locator(".ma-map .ma-reset").click();
  await expect(svg).toHaveAttribute("data-projection", "world");
  await expect.poll(onScreen).toBe(events);
});

test("a cancelled event says so and is struck through in the list, the details and the timeline; attendance is a filter with the feed's counts", async ({ page }) => {
  const feed = worldwideFeed({ events: 1500, places: 300 });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(hostWith("worldwide-status", feed));
  const atlas = page.locator("meetup-atlas");
  await expect(atlas.locator(".ma-marker").first()).toBeVisible({ timeout: 15_000 });
  // A cancelled event whose title no other event has.
  const cancelled = feed.events.find((e) => e.status === "cancelled" && feed.events.filter((o) => o.title.en === e.title.en).length === 1);
  expect(cancelled, "the feed has a cancelled event").toBeTruthy();
  await atlas.getByRole("searchbox").fill(cancelled.title.en);
  const card = atlas.locator(`.ma-panel .ma-event[data-event="${cancelled.id}"]`);
  await expect(card.locator(".ma-status")).toHaveText("Cancelled");
  const struck = (locator) => locator.evaluate((el) => getComputedStyle(el).textDecorationLine);
  expect(await struck(card.locator(".ma-event-open"))).toContain("line-through");
  await card.locator(".ma-event-open").click();
  const details = atlas.locator(".ma-details");
  await expect(details.locator(".ma-status")).toHaveText("Cancelled");
  expect(await struck(details.locator("h3"))).toContain("line-through");
  // The timeline brings the selected event into view: struck through there too, and said.
  const item = atlas.locator(`.ma-tl-event[data-tl-event="${cancelled.id}"]`);
  await expect(item).toHaveAttribute("aria-label", /^Cancelled: /);
  expect(await struck(item.locator(".ma-tl-label"))).toContain("line-through");
  await details.locator(".ma-close").click();
  // Focus goes back to the card a frame later; a fill before it would lose its keystroke.
  await expect(card.locator(".ma-event-open")).toBeFocused();
  // Attendance: the values the feed has, with its counts; choosing one shows those events.
  await atlas.getByRole("searchbox").fill("");
  await atlas.getByRole("button", { name: "Filters" }).click();
  await atlas.locator(".ma-facet[data-facet=attendance] summary").click();
  const online = feed.events.filter((e) => e.attendance === "online");
  const values = new Set(feed.events.map((e) => e.attendance).filter(Boolean));
  await expect(atlas.locator(".ma-facet[data-facet=attendance] li")).toHaveCount(values.size);
  await atlas.locator(".ma-facet[data-facet=attendance] li").filter({ hasText: /^Online/ }).getByRole("checkbox").check();
  await expect(atlas.locator(".ma-toolbar-status")).toContainText(`${online.length} of`);
  const first = atlas.locator(".ma-panel .ma-event").first();
  const firstId = await first.getAttribute("data-event");
  const event = feed.events.find((e) => e.id === firstId);
  await expect(first.locator(".ma-attendance")).toHaveText("Online");
  await expect(first.getByRole("link", { name: "Join online" })).toHaveAttribute("href", event.online_url);
});
