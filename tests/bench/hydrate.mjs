// Take-over benchmark: how long the wasm takes to bring the prerendered page to life (the
// "meetup-atlas take-over" User Timing measure, from the feed's fetch to the last part
// attached, tasks apart) and the longest task in that time, beside the longest of the
// whole load (the first layout included), and the time of each of its turns (the app's
// first tree, then each part and size: "meetup-atlas turn: …"), then a first search a
// second later; on the bundled feed and on generated feeds prerendered the same way.
// Prints figures; asserts nothing.
// Usage: [RUNS=5] [CPU=1] [DIST=dist] [JS_FLAGS=…] node tests/bench/hydrate.mjs [events…]
//        (run `trunk build --release` first; the default is the bundled feed and 1,000 events;
//        CPU=4 slows the CPU as Lighthouse does; DIST names another build to compare;
//        JS_FLAGS=--no-wasm-lazy-compilation shows what V8's compiling on first call costs)
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { until } from "./until.mjs";
import { launchChromium } from "./browser.mjs";

const runCount = Number(process.env.RUNS ?? 5);
const cpu = Number(process.env.CPU ?? 1);
const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [0, 1000];
const seed = JSON.parse(readFileSync(new URL("../../public/feed.json", import.meta.url)));

/** The seed's events cloned `count` times over (0: the bundled feed as it is). */
function feed(count) {
  if (count === 0) return readFileSync("public/feed.json", "utf8");
  const copy = structuredClone(seed);
  copy.events = Array.from({ length: count }, (_, i) => {
    const original = seed.events[i % seed.events.length];
    const n = Math.floor(i / seed.events.length);
    return { ...structuredClone(original), id: `${original.id}-${n}`, sessions: original.sessions.map((s) => ({ ...structuredClone(s), id: `${s.id}-${n}`, repeat_of: undefined })) };
  });
  return JSON.stringify(copy);
}

/** A copy of dist/ whose pages are prerendered from `text`, as the build would. */
function site(text) {
  const dir = mkdtempSync(join(tmpdir(), "atlas-hydrate-"));
  cpSync(process.env.DIST ?? "dist", dir, { recursive: true });
  writeFileSync(join(dir, "feed.json"), text);
  for (const name of ["feed.json.br", "feed.json.gz"]) rmSync(join(dir, name), { force: true });
  // The pages, index.html among them, made again from dist/shell.html.
  execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "prerender", "--", dir], { stdio: "inherit" });
  rmSync(join(dir, "index.html.br"), { force: true });
  rmSync(join(dir, "index.html.gz"), { force: true });
  return dir;
}

const browser = await launchChromium(process.env.JS_FLAGS ? [`--js-flags=${process.env.JS_FLAGS}`] : []);
const port = 4181;
try {
  for (const count of sizes) {
    const dir = site(feed(count));
    const server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", dir], { stdio: "ignore" });
    await new Promise((r) => setTimeout(r, 800));
    // Stopped whatever happens: a server left running would answer the next run on this port.
    try {
      const results = [];
      for (const viewport of [{ width: 412, height: 823 }, { width: 1280, height: 900 }]) {
        const takeOver = [];
        const longest = [];
        const longestPage = [];
        const searches = [];
        // Each turn's time (src/ui/mount.rs: "meetup-atlas turn: app", ": toolbar", ": map", …), by name.
        const turns = new Map();
        for (let run = 0; run < runCount; run++) {
          const page = await browser.newPage({ viewport });
          const cdp = await page.context().newCDPSession(page);
          if (cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
          await page.addInitScript(() => {
            window.__tasks = [];
            new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: "longtask", buffered: true });
          });
          await page.goto(`http://127.0.0.1:${port}/`);
          await until(page, () => document.querySelector("[data-meetup-atlas-live]") !== null);
          await page.waitForTimeout(300);
          const figures = await page.evaluate(() => {
            const measure = performance.getEntriesByName("meetup-atlas take-over")[0];
            // Tasks that overlap the take-over (the feed's fetch to the last part attached).
            const during = window.__tasks.filter((t) => measure && t.start < measure.startTime + measure.duration && t.start + t.duration > measure.startTime);
            return {
              takeOver: measure?.duration ?? null,
              longest: Math.max(0, ...during.map((t) => t.duration)),
              longestPage: Math.max(0, ...window.__tasks.map((t) => t.duration)),
              turns: performance.getEntriesByType("measure").filter((m) => m.name.startsWith("meetup-atlas turn: ")).map((m) => [m.name.replace("meetup-atlas turn: ", ""), m.duration]),
            };
          });
          if (figures.takeOver === null) throw new Error(`${count} events: the page was drawn afresh, not taken over`);
          // The first search a second after: one that finds nothing, then cleared, which
          // draws the list again (input → next frame, each).
          await page.waitForTimeout(1000);
          searches.push(await page.evaluate(async () => {
            const input = document.querySelector("[data-meetup-atlas-live] input[type=search]");
            const times = [];
            for (const text of ["zz", ""]) {
              const start = performance.now();
              input.value = text;
              input.dispatchEvent(new Event("input", { bubbles: true }));
              await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
              times.push(performance.now() - start);
              await new Promise((resolve) => setTimeout(resolve, 300));
            }
            return times;
          }));
          takeOver.push(figures.takeOver);
          longest.push(figures.longest);
          longestPage.push(figures.longestPage);
          // The longest of each name in a run (a view's size turn may come twice).
          const ofRun = new Map();
          for (const [name, duration] of figures.turns) ofRun.set(name, Math.max(ofRun.get(name) ?? 0, duration));
          for (const [name, duration] of ofRun) turns.set(name, [...(turns.get(name) ?? []), duration]);
          await page.close();
        }
        const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
        results.push(`${viewport.width}×${viewport.height}: take-over median ${median(takeOver).toFixed(0)} ms (runs ${takeOver.map((t) => t.toFixed(0)).join(", ")}), longest task in it median ${median(longest).toFixed(0)} ms (runs ${longest.map((t) => t.toFixed(0)).join(", ")}); longest of the whole load ${median(longestPage).toFixed(0)} ms;\n    a second later, a search that finds nothing ${searches.map((t) => t[0].toFixed(0)).join(", ")} ms, then cleared ${searches.map((t) => t[1].toFixed(0)).join(", ")} ms (input → next frame, runs);\n    its turns, medians: ${[...turns].map(([name, ms]) => `${name} ${median(ms).toFixed(0)} ms`).join(", ")}`);
      }
      console.log(`${count === 0 ? `bundled feed (${seed.events.length} events)` : `${count} events`}, CPU ×${cpu}:\n  ${results.join("\n  ")}`);
    } finally {
      server.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}
