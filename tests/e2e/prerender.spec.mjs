// The hosted page is prerendered at build time, once per language (English at the root,
// French in fr/): readable without any script, then brought to life on the same nodes.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { EVENTS } from "./bundled.mjs";

const seed = JSON.parse(readFileSync(new URL("../../public/feed.json", import.meta.url)));
const live = "[data-meetup-atlas-live]";
const pages = [
  { lang: "en", path: "./", title: "Kubernetes & Cloud Native meetups in Eastern Canada", other: "Français", otherHref: "fr/", otherPath: "fr/" },
  { lang: "fr", path: "fr/", title: "Meetups Kubernetes et Cloud Native de l’Est du Canada", other: "English", otherHref: "../", otherPath: "" },
];

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  for (const { lang, path, title, other, otherHref, otherPath } of pages) {
    test(`the ${lang} page is a complete document: every event, speaker, host and link`, async ({ page, baseURL }) => {
      const response = await page.goto(path);
      expect(response.status()).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page).toHaveTitle(title);
      await expect(page.locator("h1")).toHaveText(title);
      await expect(page.locator(".ma-panel .ma-event")).toHaveCount(seed.events.length);
      for (const event of seed.events) {
        await expect(page.locator(`.ma-panel .ma-event[data-event="${event.id}"]`)).toContainText(event.title[lang]);
        if (event.host) {
          const host = seed.organizations.find((o) => o.id === event.host).name;
          await expect(page.locator(`.ma-panel .ma-event[data-event="${event.id}"] .ma-host`)).toContainText(host);
        }
        for (const link of [...(event.links ?? []), ...event.sessions.flatMap((s) => s.links ?? [])]) {
          await expect(page.locator(`.ma-panel a[href="${link.url}"]`).first()).toBeAttached();
        }
      }
      const speakers = new Set(await page.locator(".ma-panel .ma-speaker").allTextContents());
      expect(speakers).toEqual(new Set(seed.people.map((p) => p.name)));
      // The map and the timeline are drawn too, and the other language is a plain link.
      await expect(page.locator(".ma-marker")).toHaveCount(5);
      await expect(page.locator(".ma-region").first()).toBeAttached();
      await expect(page.locator(".ma-tl-event")).toHaveCount(seed.events.length);
      const otherLink = page.getByRole("link", { name: other });
      await expect(otherLink).toHaveAttribute("href", otherHref);
      // Search engines are told of both languages, by absolute address (the build's MEETUP_ATLAS_SITE).
      await expect(page.locator(`link[rel=alternate][hreflang=${lang === "en" ? "fr" : "en"}]`)).toHaveAttribute("href", `${baseURL}${otherPath}`);
      await expect(page.locator("link[rel=canonical]")).toHaveAttribute("href", `${baseURL}${path === "./" ? "" : path}`);
      await page.screenshot({ path: `artifacts/prerendered-no-script-${lang}.png`, fullPage: true });
      await otherLink.click();
      await expect(page.locator("html")).toHaveAttribute("lang", lang === "en" ? "fr" : "en");
    });
  }
});

test("the take-over attaches the app, then its parts in page order (the header, the toolbar, the map, its outlines, its markers, the panel, its list, the timeline, its events, the footer), each in a turn of its own", async ({ page }) => {
  await page.goto("./");
  await expect(page.locator("[data-meetup-atlas-live]")).toHaveCount(1);
  const turns = await page.evaluate(() =>
    performance.getEntriesByType("measure").filter((m) => m.name.startsWith("meetup-atlas turn: ")).map((m) => ({ name: m.name.replace("meetup-atlas turn: ", ""), start: m.startTime, end: m.startTime + m.duration })),
  );
  const parts = ["app", "header", "toolbar", "map", "outlines", "markers", "panel", "list", "timeline", "timeline events", "about"];
  expect(turns.slice(0, parts.length).map((t) => t.name)).toEqual(parts);
  // Then the views' first sizes; nothing else.
  expect(turns.slice(parts.length).every((t) => t.name === "size")).toBe(true);
  // One after the other, none inside another: separate turns.
  for (let i = 1; i < turns.length; i++) expect(turns[i].start).toBeGreaterThanOrEqual(turns[i - 1].end);
  // Within the take-over's own measure.
  const takeOver = await page.evaluate(() => performance.getEntriesByName("meetup-atlas take-over")[0].toJSON());
  expect(turns[0].start).toBeGreaterThanOrEqual(takeOver.startTime);
  expect(turns.at(-1).end).toBeLessThanOrEqual(takeOver.startTime + takeOver.duration + 0.001);
});

test("once the atlas is live, a worker loads the browser's date formatting, then the atlas is told; on another site's page it is told at once", async ({ page, browserName }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.addInitScript(() => {
    const Original = window.Worker;
    window.__workers = [];
    window.Worker = class extends Original {
      constructor(url, options) {
        super(url, options);
        window.__workers.push({ url: new URL(url, location.href).href, at: performance.now() });
      }
    };
    window.__told = [];
    document.addEventListener("meetup-atlas-intl-ready", () => window.__told.push(performance.now()));
  });
  // It runs to its end (`close()`), so every format it makes was made without an error.
  const closed = [];
  if (browserName === "chromium") page.on("worker", (worker) => closed.push(new Promise((resolve) => worker.on("close", resolve))));
  await page.goto("./");
  await expect(page.locator(live)).toHaveCount(1);
  await page.waitForFunction(() => window.__told.length > 0);
  const { workers, told, takeOver } = await page.evaluate(() => ({
    workers: window.__workers,
    told: window.__told,
    takeOver: performance.getEntriesByName("meetup-atlas take-over")[0].toJSON(),
  }));
  expect(workers.map((w) => w.url)).toEqual([new URL("intl-warm.js", page.url()).href]);
  // Not during the take-over: after it, and the atlas told once, after the worker started.
  expect(workers[0].at).toBeGreaterThanOrEqual(takeOver.startTime + takeOver.duration);
  expect(told).toHaveLength(1);
  expect(told[0]).toBeGreaterThan(workers[0].at);
  if (browserName === "chromium") {
    expect(closed).toHaveLength(1);
    await closed[0];
  }
  // On another site's page the atlas' script is from another origin: no worker, and
  // each atlas is told at once.
  await page.goto("http://127.0.0.1:4174/blog/events/");
  await expect(page.locator("meetup-atlas").first().locator(".ma-box .ma-event")).toHaveCount(EVENTS);
  await page.waitForFunction(() => window.__told.length >= 2);
  expect(await page.evaluate(() => window.__workers)).toEqual([]);
  expect(errors).toEqual([]);
});

test("the wasm, its glue, the feed and the basemap are fetched once the browser has shown the first view, not before", async ({ page }) => {
  await page.goto("./");
  await expect(page.locator("[data-meetup-atlas-live]")).toHaveCount(1);
  const { painted, fetched } = await page.evaluate(() => ({
    painted: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
    fetched: performance
      .getEntriesByType("resource")
      .map((r) => ({ file: new URL(r.name).pathname.split("/").pop(), start: r.startTime }))
      .filter((r) => /^meetup-atlas-[0-9a-f]+(_bg\.wasm|\.js)$|^feed\.json$|^basemap\.json$/.test(r.file)),
  }));
  expect(painted).toBeGreaterThan(0);
  const named = (file) => file.replace(/^.*_bg\.wasm$/, "wasm").replace(/^meetup-atlas-.*\.js$/, "glue");
  expect([...new Set(fetched.map((r) => named(r.file)))].sort()).toEqual(["basemap.json", "feed.json", "glue", "wasm"]);
  // A frame's callbacks run before its paint is shown: what the page waits for is the paint.
  for (const { file, start } of fetched) expect(start, file).toBeGreaterThanOrEqual(painted);
});

test("a page asks for nothing before its first paint but its style sheet and script: its icon is in it, its manifest is named once it is painted", async ({ page, request, baseURL }) => {
  const icon = (await (await request.get("favicon.svg")).text()).trim().replace(/\s+/g, " ");
  for (const path of ["./", "fr/", `events/${seed.events[0].id}/`]) {
    const html = await (await request.get(path)).text();
    const links = html.match(/<link\b[^>]*>/g);
    const rel = (link) => link.match(/\srel="?([^"\s>]+)/)?.[1];
    expect(links.map(rel).filter((r) => !["alternate", "canonical", "stylesheet"].includes(r)), path).toEqual(["icon"]);
    const href = links.find((l) => rel(l) === "icon").match(/\shref="([^"]*)"/)[1];
    expect(href.startsWith("data:image/svg+xml,"), path).toBe(true);
    expect(decodeURIComponent(href.slice(href.indexOf(",") + 1)), path).toBe(icon);

    await page.goto(path);
    await expect(page.locator(live)).toHaveCount(1);
    // By its absolute address: the atlas moves the page's address between folders.
    const manifest = page.locator('link[rel="manifest"]');
    await expect(manifest).toHaveCount(1);
    const address = new URL("manifest.webmanifest", baseURL).href;
    expect(await manifest.evaluate((link) => link.getAttribute("href"))).toBe(address);
    const served = await request.get(address);
    expect(served.headers()["content-type"]).toContain("application/manifest+json");
    expect((await served.json()).icons.map((i) => i.src)).toEqual(["favicon.svg"]);
  }
});

test("the nodes of the first paint are the ones that come to life, with no error and no layout shift", async ({ page, context }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  // The wasm waits until the first paint's nodes are marked.
  let release;
  const marked = new Promise((resolve) => (release = resolve));
  await context.route("**/*_bg.wasm", async (route) => {
    await marked;
    await route.continue();
  });
  await page.goto("./");
  await expect(page.locator(".ma-panel .ma-event")).toHaveCount(EVENTS);
  await expect(page.locator(live)).toHaveCount(0);
  await page.evaluate(() => {
    window.__firstPaint = {
      title: document.querySelector(".ma-event[data-event=toronto-spring-2019] .ma-event-open"),
      marker: document.querySelector(".ma-marker[data-place=ottawa]"),
      strip: document.querySelector(".ma-timeline-strip"),
    };
    for (const node of Object.values(window.__firstPaint)) node.dataset.firstPaint = "";
  });
  release();
  await expect(page.locator(`${live} .ma-panel .ma-event`)).toHaveCount(EVENTS);
  const same = await page.evaluate(() => ({
    title: document.querySelector(".ma-event[data-event=toronto-spring-2019] .ma-event-open") === window.__firstPaint.title,
    marker: document.querySelector(".ma-marker[data-place=ottawa]") === window.__firstPaint.marker,
    strip: document.querySelector(".ma-timeline-strip") === window.__firstPaint.strip,
  }));
  expect(same).toEqual({ title: true, marker: true, strip: true });
  // The marked nodes answer: the title opens its details, the marker selects its place.
  await page.locator(".ma-event[data-event=toronto-spring-2019] .ma-event-open[data-first-paint]").click();
  await expect(page.getByRole("link", { name: "Join the Kubernetes Toronto group" })).toBeVisible();
  await page.getByRole("button", { name: "Back to the list" }).click();
  await page.locator(".ma-marker[data-place=ottawa][data-first-paint]").click();
  await expect(page.locator(".ma-panel .ma-event")).toHaveCount(1);
  await page.waitForTimeout(300);
  const shifts = await page.evaluate(() => window.__shifts.reduce((sum, value) => sum + value, 0));
  expect(shifts).toBeLessThanOrEqual(0.02);
  expect(errors).toEqual([]);
});

for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
  test(`at ${viewport.width}×${viewport.height} the page does not move as it comes to life (CLS ≤ 0.02), in both languages`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
      }).observe({ type: "layout-shift", buffered: true });
    });
    for (const { path } of pages) {
      await page.goto(path);
      await expect(page.locator(`${live} .ma-panel .ma-event`)).toHaveCount(EVENTS);
      await page.waitForTimeout(500);
      const cls = await page.evaluate(() => window.__shifts.reduce((sum, value) => sum + value, 0));
      expect(cls, path).toBeLessThanOrEqual(0.02);
    }
  });
}

for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
  test(`at ${viewport.width}×${viewport.height} the map is at its real size once live: its markers stand where they stay, its outlines are the page's until it zooms out`, async ({ page }) => {
    await page.setViewportSize(viewport);
    // The markers' boxes and the outlines at the moment the page is marked live (a
    // microtask after it).
    await page.addInitScript(() => {
      const boxes = () => Object.fromEntries([...document.querySelectorAll(".ma-marker")].map((m) => {
        const { x, y, width, height } = m.getBoundingClientRect();
        return [m.dataset.place, [x, y, width, height]];
      }));
      window.__markerBoxes = boxes;
      window.__outlines = () => [...document.querySelectorAll(".ma-map-svg path")].map((p) => p.getAttribute("d"));
      new MutationObserver((_, observer) => {
        if (!document.querySelector("[data-meetup-atlas-live]")) return;
        window.__atLive = boxes();
        window.__outlinesAtLive = window.__outlines();
        observer.disconnect();
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-meetup-atlas-live"] });
    });
    const response = await page.goto("./");
    await expect(page.locator(`${live} .ma-panel .ma-event`)).toHaveCount(EVENTS);
    await page.waitForTimeout(600);
    const { atLive, after } = await page.evaluate(() => ({ atLive: window.__atLive, after: window.__markerBoxes() }));
    // The page as served draws only the part of the basemap its first view shows, on a
    // wide screen or a phone (a sketch: the whole basemap's outlines were most of the
    // page's bytes); the live map keeps it while it shows no more, and zoomed out, it
    // draws every outline.
    const svg = (await response.text()).match(/<svg[^>]*class="ma-map-svg"[\s\S]*?<\/svg>/)[0];
    const served = [...svg.matchAll(/<path[^>]* d="([^"]*)"/g)].map((m) => m[1]);
    expect(await page.evaluate(() => window.__outlinesAtLive)).toEqual(served);
    expect(await page.evaluate(() => window.__outlines())).toEqual(served);
    await page.getByRole("button", { name: "Zoom out of the map" }).click();
    const bytes = (ds) => ds.reduce((sum, d) => sum + d.length, 0);
    await expect.poll(async () => bytes(await page.evaluate(() => window.__outlines()))).toBeGreaterThan(bytes(served) * 3);
    expect(Object.keys(atLive).length).toBeGreaterThan(0);
    expect(Object.keys(atLive).sort()).toEqual(Object.keys(after).sort());
    for (const [place, box] of Object.entries(after)) {
      box.forEach((value, i) => expect(Math.abs(value - atLive[place][i]), `${place} [x, y, width, height][${i}]`).toBeLessThan(0.5));
    }
  });
}

test.describe("a French-preferring visitor", () => {
  test.use({ locale: "fr-CA" });
  test("opening the root lands on the French page; ?lang=en there returns to English", async ({ page, baseURL }) => {
    await page.goto("./");
    await expect(page).toHaveURL(`${baseURL}fr/`);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.locator(`${live} .ma-panel .ma-event`)).toHaveCount(EVENTS);
    await page.goto("fr/?lang=en");
    await expect(page).toHaveURL(new RegExp(`^${baseURL}(\\?lang=en)?$`));
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator(".meetup-atlas")).toHaveAttribute("lang", "en");
  });
});

test("the Hugo shortcode puts the prerendered atlas of its language in the site's own HTML", async ({ page }) => {
  // As built by tests/e2e/serve.sh, before any script runs.
  const built = readFileSync(new URL("../../target/e2e-site/other-origin/blog/events/index.html", import.meta.url), "utf8");
  const [english, french] = built.split("<meetup-atlas").slice(1);
  const escaped = (text) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  for (const event of seed.events) {
    expect(english).toContain(escaped(event.title.en));
    expect(french).toContain(escaped(event.title.fr));
  }
  for (const person of seed.people) expect(english).toContain(escaped(person.name));
  // No script runs in the page but the atlas' own; the events are there as JSON-LD data,
  // once per language, in full.
  expect(built).not.toMatch(/<script(?![^>]*\ssrc=)(?![^>]*type="?application\/ld\+json)[^>]*>/);
  const ld = [...built.matchAll(/<script type="?application\/ld\+json"?>([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
  expect(ld.map((data) => data["@graph"].map((e) => e.name))).toEqual([seed.events.map((e) => e.title.en), seed.events.map((e) => e.title.fr)]);
  // With the script, each element takes the place of its prerendered atlas.
  await page.goto("http://127.0.0.1:4174/blog/events/");
  const first = page.locator("meetup-atlas").first();
  await expect(first.locator(".ma-box .ma-event")).toHaveCount(EVENTS);
  await expect(first.locator(":scope > .meetup-atlas")).toBeHidden();
});
