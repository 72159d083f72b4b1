// Side by side: the atlas against TimelineJS 3.9.11 (Knight Lab) on the same generated feed,
// in the same browser run, alternating. Prints figures; asserts nothing.
// Usage: [RUNS=3] [CPU=1] node tests/bench/timelinejs.mjs [events=5000] [places=1000]
//        (run `trunk build --release` first, and `npm install` in tests/bench for TimelineJS)
// CPU=4 slows each page's CPU four times (Chromium's throttling), as a mid-range phone.
//
// Ready, for the atlas, is perf.mjs's: the live atlas's map markers, timeline items and list
// are in the DOM and a frame has been drawn. For TimelineJS it is its "ready" event
// (Timeline.js `_onDataLoaded`: `this.ready = true; this.fire("ready")`, fired after
// `_initLayout` has built the time navigator and story slider, fired "loaded" and laid them
// out) and then a frame drawn. Both are measured from navigation (performance.now()).
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spreadFeed } from "./spread.mjs";
import { until } from "./until.mjs";
import { launchChromium } from "./browser.mjs";
import { noteReady } from "./ready.mjs";


const events = Number(process.argv[2] ?? 5000);
const places = Number(process.argv[3] ?? 1000);
const runCount = Number(process.env.RUNS ?? 3);
const cpuSlowdown = Number(process.env.CPU ?? 1);
const seed = JSON.parse(readFileSync(new URL("../../public/feed.json", import.meta.url)));
const timelinejsDist = fileURLToPath(new URL("./node_modules/@knight-lab/timelinejs/dist/", import.meta.url));
const timelinejsVersion = JSON.parse(
  readFileSync(new URL("./node_modules/@knight-lab/timelinejs/package.json", import.meta.url)),
).version;

// The same feed in TimelineJS's JSON: one slide per event; a date is that day, a range
// (between earliest and latest) starts at its earliest day and ends at its latest.
function toTimelineJS(feed) {
  const placeName = new Map(feed.places.map((p) => [p.id, p.name.en]));
  const date = (iso) => {
    const [year, month, day] = iso.split("-").map(Number);
    return { year, month, day };
  };
  return {
    events: feed.events.map((e) => ({
      unique_id: e.id,
      start_date: date(e.when.type === "between" ? e.when.earliest : e.when.date),
      ...(e.when.type === "between" ? { end_date: date(e.when.latest) } : {}),
      text: { headline: e.title.en, text: placeName.get(e.place) ?? "" },
    })),
  };
}

const benchPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>TimelineJS ${timelinejsVersion} benchmark</title>
<link rel="stylesheet" href="css/timeline.css">
<style>html, body { margin: 0; height: 100%; } #timeline { width: 100%; height: 100%; }</style>
</head>
<body>
<div id="timeline"></div>
<script src="js/timeline.js"></script>
<script src="bench.js"></script>
</body>
</html>
`;
// font: null keeps TimelineJS from loading its default font sheet, whose faces come from
// fonts.gstatic.com (the bench is offline; the sheet loads after "ready" anyway).
const benchScript = `const frame = (name) => requestAnimationFrame(() => setTimeout(() => (window[name] = performance.now()), 0));
fetch("timeline.json")
  .then((response) => response.json())
  .then((data) => {
    const timeline = new TL.Timeline("timeline", data, { font: null });
    window.__timeline = timeline;
    timeline.on("loaded", () => { window.__loadedEvent = performance.now(); frame("__loaded"); });
    timeline.on("ready", () => { window.__readyEvent = performance.now(); frame("__ready"); });
  })
  .catch((error) => { window.__error = String(error); });
`;

const feed = spreadFeed(seed, events, places);
const body = JSON.stringify(feed);
const timelineBody = JSON.stringify(toTimelineJS(feed));

// Each side is a static copy served by its own server: dist/ with the generated feed.json,
// and TimelineJS's dist/ with the bench page and the converted feed beside it.
const root = mkdtempSync(join(tmpdir(), "atlas-vs-timelinejs-"));
const atlasSite = join(root, "atlas");
const timelineSite = join(root, "timelinejs");
const servers = [];
let browser;
try {
  cpSync("dist", atlasSite, { recursive: true });
  writeFileSync(join(atlasSite, "feed.json"), body);
  mkdirSync(timelineSite);
  cpSync(join(timelinejsDist, "css"), join(timelineSite, "css"), { recursive: true });
  cpSync(join(timelinejsDist, "js"), join(timelineSite, "js"), { recursive: true });
  writeFileSync(join(timelineSite, "index.html"), benchPage);
  writeFileSync(join(timelineSite, "bench.js"), benchScript);
  writeFileSync(join(timelineSite, "timeline.json"), timelineBody);

  const serve = (dir, port) => {
    servers.push(spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", dir], { stdio: "ignore" }));
    return `http://127.0.0.1:${port}/`;
  };
  const atlasUrl = serve(atlasSite, 4181);
  const timelineUrl = serve(timelineSite, 4182);
  await new Promise((r) => setTimeout(r, 800));
  browser = await launchChromium(["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]);

  const timeout = 600000; // TimelineJS at thousands of events takes tens of seconds
  const notes = { atlas: new Map(), timelinejs: new Map() };
  const note = (side, text) => notes[side].set(text, (notes[side].get(text) ?? 0) + 1);

  async function open(side) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(timeout);
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") note(side, `console.${m.type()}: ${m.text().slice(0, 200)}`);
    });
    page.on("pageerror", (e) => note(side, `page error: ${String(e.message).slice(0, 200)}`));
    // Nothing leaves the machine: the browser resolves no other host (--host-resolver-rules
    // below), and each request to one is counted. Not by intercepting requests
    // (page.route): that holds every request of either page for a round trip to this
    // script, some 45–65 ms of the atlas' ready at 5,000 events (measured 2026-12-06).
    page.on("requestfailed", (request) => {
      const url = new URL(request.url());
      if (url.hostname !== "127.0.0.1") note(side, `refused request to ${url.host}`);
    });
    if (cpuSlowdown > 1) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
    }
    return page;
  }

  async function atlasRun() {
    const page = await open("atlas");
    await noteReady(page);
    await page.goto(atlasUrl, { timeout });
    await until(page, () => window.__ready !== undefined, timeout);
    const figures = await page.evaluate(() => ({
      ready: window.__ready,
      drawn: `${document.querySelectorAll("[data-meetup-atlas-live] .ma-marker").length} map markers, `
        + `${document.querySelectorAll("[data-meetup-atlas-live] .ma-tl-event").length} timeline items, `
        + `${document.querySelectorAll("[data-meetup-atlas-live] .ma-event").length} list items`,
      domNodes: document.getElementsByTagName("*").length,
    }));
    await page.close();
    return figures;
  }

  async function timelinejsRun() {
    const page = await open("timelinejs");
    await page.goto(timelineUrl, { timeout });
    await until(page, () => window.__ready !== undefined || window.__error !== undefined, timeout);
    const figures = await page.evaluate(() => ({
      error: window.__error,
      ready: window.__ready,
      readyEvent: window.__readyEvent,
      loadedEvent: window.__loadedEvent,
      drawn: `${document.querySelectorAll(".tl-timemarker").length} time markers, ${document.querySelectorAll(".tl-slide").length} slides`,
      message: document.querySelector(".tl-message-full")?.textContent?.trim() ?? "",
      domNodes: document.getElementsByTagName("*").length,
    }));
    await page.close();
    if (figures.error) throw new Error(`TimelineJS page: ${figures.error}`);
    return figures;
  }

  const atlas = [];
  const timelinejs = [];
  for (let run = 0; run < runCount; run++) {
    atlas.push(await atlasRun());
    timelinejs.push(await timelinejsRun());
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ms = (x) => `${Math.round(x).toLocaleString("en-US")} ms`;
  const mb = (s) => `${(s.length / 1048576).toFixed(1)} MB`;
  const atlasMedian = median(atlas.map((x) => x.ready));
  const timelinejsMedian = median(timelinejs.map((x) => x.ready));
  const ratio = timelinejsMedian / atlasMedian;
  console.log(`feed: ${events} events at ${places} places (${mb(body)}; as TimelineJS JSON ${mb(timelineBody)}), 1280×900${cpuSlowdown > 1 ? `, CPU slowed ${cpuSlowdown}×` : ""}`);
  console.log(`atlas ready (navigation → drawn), ${runCount} runs: ${atlas.map((x) => ms(x.ready)).join(", ")}`);
  console.log(`TimelineJS ${timelinejsVersion} ready (navigation → "ready" event → drawn), ${runCount} runs: ${timelinejs.map((x) => ms(x.ready)).join(", ")}`);
  console.log(`  ("loaded" event at ${timelinejs.map((x) => ms(x.loadedEvent)).join(", ")}; "ready" event at ${timelinejs.map((x) => ms(x.readyEvent)).join(", ")})`);
  console.log(`drawn: atlas ${atlas.at(-1).drawn}, ${atlas.at(-1).domNodes} DOM elements; TimelineJS ${timelinejs.at(-1).drawn}, ${timelinejs.at(-1).domNodes} DOM elements`);
  console.log(`atlas ready median ${ms(atlasMedian)}; TimelineJS ready median ${ms(timelinejsMedian)}; `
    + (ratio >= 1 ? `the atlas is ${ratio.toFixed(1)}× faster to ready` : `TimelineJS is ${(1 / ratio).toFixed(1)}× faster to ready`));
  for (const [side, seen] of Object.entries(notes)) {
    for (const [text, count] of seen) console.log(`${side} page: ${text}${count > 1 ? ` (×${count})` : ""}`);
  }
} finally {
  await browser?.close();
  for (const server of servers) server.kill();
  rmSync(root, { recursive: true, force: true });
}
