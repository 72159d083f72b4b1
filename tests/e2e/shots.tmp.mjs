// temporary screenshot helper (not committed)
import { chromium } from "@playwright/test";
import { mkdirSync, writeFileSync } from "node:fs";
import { worldwideFeed } from "../bench/worldwide.mjs";
const port = Number(process.env.E2E_PORT ?? 5173);
const hosts = new URL(`../../target/e2e-site-${port}/other-origin/hosts/`, import.meta.url);
mkdirSync(hosts, { recursive: true });
const n = Number(process.env.N ?? 1500);
writeFileSync(new URL("w.json", hosts), JSON.stringify(worldwideFeed({ events: n, places: 300, from: 2024, years: 4 })));
for (const lang of ["en", "fr"]) writeFileSync(new URL(`w-${lang}.html`, hosts), `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>w</title></head><body><meetup-atlas lang="${lang}" feed="w.json"></meetup-atlas><script type="module" src="http://127.0.0.1:${port}/atlas/meetup-atlas.js"></script></body></html>`);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const which = (process.env.WHICH ?? "world,bundled").split(",");
const sizes = (process.env.SIZES ?? "1280x900,1024x768,390x844").split(",").map((s) => s.split("x").map(Number));
const langs = (process.env.LANGS ?? "en,fr").split(",");
for (const w of which) for (const [width, height] of sizes) for (const lang of langs) {
  const p = await b.newPage({ viewport: { width, height } });
  const url = w === "world" ? `http://127.0.0.1:${port + 1}/hosts/w-${lang}.html` : `http://127.0.0.1:${port}/atlas/${lang === "fr" ? "fr/" : ""}${process.env.Q ?? ""}`;
  await p.goto(url);
  await p.waitForTimeout(2500);
  if (process.env.ACT) await eval(process.env.ACT);
  await p.screenshot({ path: `/tmp/shots/${w}-${width}-${lang}${process.env.TAG ?? ""}.png`, fullPage: process.env.FULL === "1" });
  await p.close();
}
await b.close();
