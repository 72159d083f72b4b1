// Screenshots of the atlas as a reader sees it, to look at after changing a view: the
// bundled feed's page and a worldwide feed in another site's page (tests/bench/worldwide.mjs),
// at each size and in each language. Served by tests/e2e/serve.sh on E2E_PORT (5173 here,
// so that it runs beside the end-to-end tests):
//   (E2E_PORT=5173 setsid nohup bash tests/e2e/serve.sh &)
//   cd tests/e2e && E2E_PORT=5173 node shots.mjs        → $OUT (/tmp/shots)/<feed>-<width>-<lang>.png
// WHICH=bundled,world  SIZES=1280x900,1024x768,390x844  LANGS=en,fr  N=1500 (worldwide events)
// Q=<query of the bundled page>  ACT=<script run on `p` before the shot>  TAG=<file name suffix>  FULL=1 (whole page)
import { mkdirSync, writeFileSync } from "node:fs";
import { launchChromium } from "../bench/browser.mjs";
import { worldwideFeed } from "../bench/worldwide.mjs";

const port = Number(process.env.E2E_PORT ?? 5173);
const out = process.env.OUT ?? "/tmp/shots";
mkdirSync(out, { recursive: true });
const hosts = new URL(`../../target/e2e-site-${port}/other-origin/hosts/`, import.meta.url);
mkdirSync(hosts, { recursive: true });
const n = Number(process.env.N ?? 1500);
writeFileSync(new URL("w.json", hosts), JSON.stringify(worldwideFeed({ events: n, places: 300, from: 2024, years: 4 })));
for (const lang of ["en", "fr"]) {
  writeFileSync(
    new URL(`w-${lang}.html`, hosts),
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>w</title></head><body>` +
      `<meetup-atlas lang="${lang}" feed="w.json"></meetup-atlas>` +
      `<script type="module" src="http://127.0.0.1:${port}/atlas/meetup-atlas.js"></script></body></html>`,
  );
}
const browser = await launchChromium();
const which = (process.env.WHICH ?? "world,bundled").split(",");
const sizes = (process.env.SIZES ?? "1280x900,1024x768,390x844").split(",").map((s) => s.split("x").map(Number));
const langs = (process.env.LANGS ?? "en,fr").split(",");
for (const feed of which) for (const [width, height] of sizes) for (const lang of langs) {
  const p = await browser.newPage({ viewport: { width, height } });
  const url = feed === "world"
    ? `http://127.0.0.1:${port + 1}/hosts/w-${lang}.html`
    : `http://127.0.0.1:${port}/atlas/${lang === "fr" ? "fr/" : ""}${process.env.Q ?? ""}`;
  await p.goto(url);
  // Live (the markers of a feed drawn in the browser are there), then settled.
  await p.locator(".ma-marker").first().waitFor({ timeout: 15_000 });
  await p.waitForTimeout(1500);
  if (process.env.ACT) await eval(process.env.ACT);
  await p.screenshot({ path: `${out}/${feed}-${width}-${lang}${process.env.TAG ?? ""}.png`, fullPage: process.env.FULL === "1" });
  await p.close();
}
await browser.close();
