// Two builds side by side: loads of the same generated feed (default 10,000 events at
// 1,000 places), alternating between them in one browser, so that this machine's drift
// between sittings falls on both. Prints each build's ready times and the medians of the
// take-over's phases ("meetup-atlas phase: read", ": basemap", ": draw"). Asserts nothing.
// Usage: node tests/bench/ab.mjs DIST_A DIST_B [loads of each] [events] [places]
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spreadFeed } from "./spread.mjs";
import { until } from "./until.mjs";
import { launchChromium } from "./browser.mjs";
import { noteReady } from "./ready.mjs";


const [distA, distB] = process.argv.slice(2, 4);
if (!distA || !distB) throw new Error("usage: node tests/bench/ab.mjs DIST_A DIST_B [loads] [events] [places]");
const loads = Number(process.argv[4] ?? 10);
const events = Number(process.argv[5] ?? 10000);
const places = Number(process.argv[6] ?? 1000);
const seed = JSON.parse(readFileSync(new URL("../../public/feed.json", import.meta.url)));
const body = JSON.stringify(spreadFeed(seed, events, places));

const builds = [distA, distB].map((dist, i) => {
  const site = mkdtempSync(join(tmpdir(), "atlas-ab-"));
  cpSync(dist, site, { recursive: true });
  writeFileSync(join(site, "feed.json"), body);
  const port = 4190 + i;
  const server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", site], { stdio: "ignore" });
  return { dist, site, server, url: `http://127.0.0.1:${port}/`, runs: [] };
});
await new Promise((r) => setTimeout(r, 800));
const browser = await launchChromium();
try {
  for (let i = 0; i < loads; i++) {
    // A first, then B first: neither always follows the other.
    for (const build of i % 2 ? [...builds].reverse() : builds) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await noteReady(page);
      await page.goto(build.url);
      await until(page, () => window.__ready !== undefined);
      build.runs.push(await page.evaluate(() => ({
        ready: window.__ready,
        phases: Object.fromEntries(performance.getEntriesByType("measure").filter((m) => m.name.startsWith("meetup-atlas phase: ")).map((m) => [m.name.replace("meetup-atlas phase: ", ""), m.duration])),
      })));
      await page.close();
    }
  }
} finally {
  await browser.close();
  for (const build of builds) {
    build.server.kill();
    rmSync(build.site, { recursive: true, force: true });
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`feed: ${events} events at ${places} places (${(body.length / 1048576).toFixed(1)} MB), ${loads} loads of each build, alternating`);
for (const { dist, runs } of builds) {
  const phases = ["read", "basemap", "draw"].map((name) => {
    const times = runs.map((r) => r.phases[name]).filter((t) => t !== undefined);
    return times.length ? `${name} ${median(times).toFixed(0)} ms` : `${name} not measured by this build`;
  });
  console.log(`${dist}: ready median ${median(runs.map((r) => r.ready)).toFixed(0)} ms (${runs.map((r) => r.ready.toFixed(0)).join(", ")}); phase medians: ${phases.join(", ")}`);
}
