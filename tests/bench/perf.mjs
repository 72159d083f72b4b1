// Draw-time benchmark: a generated feed (default 10,000 events at 1,000 places)
// served with the built dist/, measured in headless Chromium. Prints figures; asserts nothing.
// Usage: [RUNS=3] [SHAPE=spread|overlapping|worldwide] [CPU=4] node tests/bench/perf.mjs [events] [places]
//        (run `trunk build --release` first)
// SHAPE=worldwide is tests/bench/worldwide.mjs: real cities of every continent, 2024–2027.
// CPU=4 slows the page's CPU four times (Chromium's throttling), as a mid-range phone.
// SHAPE=overlapping is a season like our own: the seed's events cloned, so they share the
// same uncertain ranges, days and places, each with the seed's sessions.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spreadFeed } from "./spread.mjs";
import { until } from "./until.mjs";
import { launchChromium } from "./browser.mjs";
import { noteReady } from "./ready.mjs";


const events = Number(process.argv[2] ?? 10000);
const places = Number(process.argv[3] ?? 1000);
const runCount = Number(process.env.RUNS ?? 3);
const shape = process.env.SHAPE ?? "spread";
const cpuSlowdown = Number(process.env.CPU ?? 1);
const seed = JSON.parse(readFileSync(new URL("../../public/feed.json", import.meta.url)));

function overlapping() {
  const feed = structuredClone(seed);
  const originals = seed.events;
  feed.events = Array.from({ length: events }, (_, i) => {
    const original = originals[i % originals.length];
    const copy = Math.floor(i / originals.length);
    return {
      ...structuredClone(original),
      id: `${original.id}-${copy}`,
      sessions: original.sessions.map((s) => ({ ...structuredClone(s), id: `${s.id}-${copy}`, repeat_of: undefined })),
    };
  });
  return JSON.stringify(feed);
}

async function generate() {
  if (shape === "overlapping") return overlapping();
  if (shape === "worldwide") {
    const { worldwideFeed } = await import("./worldwide.mjs");
    return JSON.stringify(worldwideFeed({ events, places }));
  }
  return JSON.stringify(spreadFeed(seed, events, places));
}

// The generated feed is served as a file beside a copy of dist/, as a static host would.
const site = mkdtempSync(join(tmpdir(), "atlas-perf-"));
cpSync(process.env.DIST ?? "dist", site, { recursive: true });
const body = await generate();
writeFileSync(join(site, "feed.json"), body);
const port = 4180;
const server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", site], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 800));
const browser = await launchChromium();
try {
  const runs = [];
  for (let run = 0; run < runCount; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    if (cpuSlowdown > 1) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
    }
    await noteReady(page);
    await page.goto(`http://127.0.0.1:${port}/`);
    await until(page, () => window.__ready !== undefined);
    const figures = await page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      async function timeClicks(selector, n) {
        const button = document.querySelector(selector);
        const times = [];
        for (let i = 0; i < n; i++) {
          const t = performance.now();
          button.click();
          await frame();
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        return { median: times[Math.floor(n / 2)], max: times[n - 1] };
      }
      async function typeQueries(gapMs) {
        // Back to back, the next keystroke comes right after the frame (as in the figures
        // before 2026-12-05); apart, the frame after it is waited for too: the views follow.
        const input = document.querySelector("#ma-search-input");
        const times = [];
        const follow = [];
        for (const text of ["t", "ta", "tal", "talk", "talk 1", "talk 12", "talk 1", "talk", "tal", "ta", "t", ""]) {
          if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
          const t = performance.now();
          input.value = text;
          input.dispatchEvent(new Event("input", { bubbles: true }));
          await frame();
          times.push(performance.now() - t);
          if (!gapMs) continue;
          await frame();
          follow.push(performance.now() - t);
        }
        const middle = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
        return { median: middle([...times]), max: Math.max(...times), followMedian: middle([...follow]) ?? NaN, followMax: Math.max(...follow) };
      }
      return {
        ready: window.__ready,
        // The take-over's phases (src/ui/mount.rs: "meetup-atlas phase: read", ": basemap", ": draw").
        phases: performance.getEntriesByType("measure").filter((m) => m.name.startsWith("meetup-atlas phase: ")).map((m) => [m.name.replace("meetup-atlas phase: ", ""), m.duration]),
        firstMarker: window.__firstMarker,
        markers: document.querySelectorAll(".ma-marker").length,
        timelineItems: document.querySelectorAll(".ma-tl-event").length,
        listItems: document.querySelectorAll(".ma-event").length,
        domNodes: document.getElementsByTagName("*").length,
        jsHeapMB: performance.memory ? performance.memory.usedJSHeapSize / 1048576 : null,
        // One keystroke at a time into the search box: input event → next frame (the list
        // answers in it; the map and the timeline follow in the next: "views follow").
        // Back to back, as a stress; then at a typing pace, 150 ms apart.
        search: await typeQueries(0),
        typing: await typeQueries(150),
        timelinePan: await timeClicks(".ma-timeline .ma-controls button:nth-child(4)", 20),
        mapZoom: await timeClicks(".ma-map .ma-zoom-in", 6),
      };
    });
    runs.push(figures);
    await page.close();
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const r = runs[runs.length - 1];
  const where = shape === "overlapping" ? `the seed's ${seed.places.length} places, its ranges and sessions (overlapping)` : `${places} places`;
  const where2 = shape === "worldwide" ? `${places} cities of the world` : where;
  console.log(`feed: ${events} events at ${where2} (${(body.length / 1048576).toFixed(1)} MB)${cpuSlowdown > 1 ? `, CPU slowed ${cpuSlowdown}×` : ""}`);
  console.log(`first marker (navigation → drawn), ${runCount} runs: ${runs.map((x) => x.firstMarker.toFixed(0)).join(", ")} ms; median ${median(runs.map((x) => x.firstMarker)).toFixed(0)} ms`);
  console.log(`ready (navigation → drawn), ${runCount} runs: ${runs.map((x) => x.ready.toFixed(0)).join(", ")} ms; median ${median(runs.map((x) => x.ready)).toFixed(0)} ms`);
  for (const name of [...new Set(runs.flatMap((x) => x.phases.map(([n]) => n)))]) {
    const times = runs.map((x) => x.phases.find(([n]) => n === name)?.[1]).filter((t) => t !== undefined);
    console.log(`  ${name} (in the take-over), ${times.length} runs: ${times.map((t) => t.toFixed(0)).join(", ")} ms; median ${median(times).toFixed(0)} ms`);
  }
  console.log(`drawn: ${r.markers} map markers, ${r.timelineItems} timeline items in view, ${r.listItems} list items, ${r.domNodes} DOM elements`);
  for (const [name, key] of [["back to back", "search"], ["150 ms apart", "typing"]]) {
    console.log(`search keystroke, ${name} (input → next frame), median per run: ${runs.map((x) => x[key].median.toFixed(1)).join(", ")} ms; max ${r[key].max.toFixed(1)} ms`);
    if (key === "typing") console.log(`  views follow (input → the frame after), median per run: ${runs.map((x) => x[key].followMedian.toFixed(1)).join(", ")} ms; max ${r[key].followMax.toFixed(1)} ms`);
  }
  console.log(`timeline pan (click → next frame): median ${r.timelinePan.median.toFixed(1)} ms, max ${r.timelinePan.max.toFixed(1)} ms`);
  console.log(`map zoom (click → next frame): median ${r.mapZoom.median.toFixed(1)} ms, max ${r.mapZoom.max.toFixed(1)} ms`);
  if (r.jsHeapMB !== null) console.log(`JS heap: ${r.jsHeapMB.toFixed(1)} MB`);
} finally {
  await browser.close();
  server.kill();
  rmSync(site, { recursive: true, force: true });
}
