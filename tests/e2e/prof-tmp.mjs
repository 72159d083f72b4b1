import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
const [dir, feedFile] = process.argv.slice(2);
const site = mkdtempSync(join(tmpdir(), "prof-"));
cpSync(dir, site, { recursive: true });
if (feedFile) cpSync(feedFile, join(site, "feed.json"));
const server = spawn("python3", ["-m", "http.server", "4181", "--bind", "127.0.0.1", "--directory", site], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on("console", (m) => console.log("console:", m.text())); page.on("pageerror", (e) => console.log("pageerror:", e.message));
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await cdp.send("Profiler.start");
const t0 = Date.now();
await page.goto("http://127.0.0.1:4181/");
await page.waitForSelector(".ma-event");
await page.waitForSelector(".ma-land, .ma-basemap path, path", { timeout: 10000 }).catch(() => {});
await page.waitForTimeout(500);
const { profile } = await cdp.send("Profiler.stop");
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]);
  const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
}
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const seen = new Set();
  for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
    const name = byId.get(id).callFrame.functionName;
    if (!seen.has(name)) { seen.add(name); inclusive.set(name, (inclusive.get(name) ?? 0) + (dt[i] ?? 0) / 1000); }
  }
}
if (process.env.INCLUSIVE) {
  for (const [k, v] of [...inclusive].filter(([k]) => k.includes(process.env.INCLUSIVE)).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(8), k.slice(0, 140));
}
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40));
for (const [k, v] of rows) console.log(v.toFixed(1).padStart(8), k.slice(0, 150));
await browser.close();
server.kill();
