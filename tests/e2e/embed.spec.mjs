// Embedding on someone else's site: the <meetup-atlas> element (in a Hugo site with
// hostile CSS, twice on one page, in a hidden tab), the iframe mode, and the "Embed"
// dialog whose snippets are pasted into host pages exactly as given.
// The host pages live on a second origin (127.0.0.1:4174), as they would in real life.
import { test, expect } from "@playwright/test";
import { FIREFOX_DRIVER_CANNOT } from "./engines.mjs";
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync, writeFileSync } from "node:fs";
import { EVENTS } from "./bundled.mjs";

const atlasOrigin = "http://127.0.0.1:4173";
const hostOrigin = "http://127.0.0.1:4174";
const hostsDir = new URL("../../target/e2e-site/other-origin/hosts/", import.meta.url);

/** Writes a page of the host site and returns its URL. */
function hostPage(name, body, head = "") {
  mkdirSync(hostsDir, { recursive: true });
  writeFileSync(
    new URL(name, hostsDir),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>${head}</head><body>${body}</body></html>`,
  );
  return `${hostOrigin}/hosts/${name}`;
}

/** Console errors and uncaught exceptions, to be empty at the end of a test. */
function recordErrors(page) {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  return errors;
}

const script = `<script type="module" src="${atlasOrigin}/atlas/meetup-atlas.js"></script>`;

test("the Hugo shortcode's element renders and works under the host page's hostile CSS, which stays its own", async ({ page }) => {
  const errors = recordErrors(page);
  await page.goto(`${hostOrigin}/blog/events/`);
  // Inside each element's shadow root: its light DOM holds the prerendered atlas, hidden once the element runs.
  const frenchElement = page.locator("meetup-atlas").nth(1);
  const [english, french] = [page.locator("meetup-atlas").nth(0).locator(".ma-box"), frenchElement.locator(".ma-box")];

  // views="map,list", lang from the page: the list and the map, no timeline.
  await expect(english.locator(".ma-event")).toHaveCount(EVENTS);
  await expect(english.locator(".meetup-atlas")).toHaveAttribute("lang", "en");
  await expect(english.locator(".ma-map svg").first()).toBeVisible();
  await expect(english.locator(".ma-marker").first()).toBeVisible();
  await expect(english.locator(".ma-timeline")).toHaveCount(0);
  // The host's `svg { display: none !important }`, `button { all: unset }` and friends stop at the shadow root.
  const inside = await english.locator(".ma-lang-option").first().evaluate((button) => {
    const style = getComputedStyle(button);
    const root = getComputedStyle(button.closest(".meetup-atlas"));
    return { buttonFont: style.fontSize, transform: root.textTransform, fontStyle: root.fontStyle, display: root.display, color: root.color };
  });
  expect(inside.buttonFont).not.toBe("40px");
  expect(inside).toMatchObject({ transform: "none", fontStyle: "normal", display: "block", color: "rgb(27, 31, 36)" });

  // It works: search narrows the list and the map, and the host's address is left alone.
  await english.getByRole("searchbox", { name: "Search" }).fill("ottawa");
  await expect(english.locator(".ma-event")).toHaveCount(1);
  await expect(english.locator(".ma-marker")).toHaveCount(1);
  await english.locator(".ma-marker").click();
  await expect(english.locator(".ma-marker[aria-pressed='true']")).toHaveCount(1);
  expect(page.url()).toBe(`${hostOrigin}/blog/events/`);

  // lang="fr" views="timeline" height="30rem" theme="dark": only the timeline, in French, dark, scrolling inside 30rem.
  await expect(french.locator(".meetup-atlas")).toHaveAttribute("lang", "fr");
  await expect(french.locator(".ma-tl-event").first()).toBeVisible();
  await expect(french.locator(".ma-map")).toHaveCount(0);
  await expect(french.locator(".ma-event")).toHaveCount(0);
  const box = await frenchElement.locator(".ma-box").evaluate((el) => ({
    height: el.getBoundingClientRect().height,
    rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
    background: getComputedStyle(el.querySelector(".meetup-atlas")).backgroundColor,
    scrolls: el.querySelector(".meetup-atlas").scrollHeight > el.querySelector(".meetup-atlas").clientHeight,
  }));
  expect(box.height).toBeCloseTo(30 * box.rem, 0);
  expect(box.background).toBe("rgb(20, 24, 29)");
  expect(box.scrolls).toBe(true);

  // Nothing of the atlas' CSS reached the host page.
  const host = await page.evaluate(() => ({
    sheets: [...document.styleSheets].map((s) => new URL(s.href).pathname),
    heading: getComputedStyle(document.querySelector("h1")).color,
    body: getComputedStyle(document.body).fontStyle,
  }));
  expect(host).toEqual({ sheets: ["/blog/hostile.css"], heading: "rgb(0, 255, 0)", body: "italic" });

  const axe = await new AxeBuilder({ page }).include("meetup-atlas").analyze();
  expect(axe.violations).toEqual([]);
  expect(errors).toEqual([]);
});

test("two elements on one page keep their own language, filters and selection", async ({ page, browserName }) => {
  const errors = recordErrors(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(hostPage("two.html", `${script}<meetup-atlas lang="en" views="list"></meetup-atlas><meetup-atlas lang="fr" views="list,map" theme="auto"></meetup-atlas>`));
  const [first, second] = [page.locator('meetup-atlas[lang="en"]'), page.locator('meetup-atlas[lang="fr"]')];
  await expect(first.locator(".ma-event")).toHaveCount(EVENTS);
  await expect(second.locator(".ma-event")).toHaveCount(EVENTS);
  await expect(first.locator("h1")).toHaveText("Kubernetes & Cloud Native meetups in Eastern Canada");
  await expect(second.locator("h1")).toHaveText("Meetups Kubernetes et Cloud Native de l’Est du Canada");
  // theme="auto" follows the visitor's dark system; no theme stays light.
  const background = (atlas) => atlas.locator(".meetup-atlas").evaluate((el) => getComputedStyle(el).backgroundColor);
  if (browserName === "firefox") {
    test.info().annotations.push({ type: "skipped part", description: FIREFOX_DRIVER_CANNOT.colorScheme });
  } else {
    expect(await background(second)).toBe("rgb(20, 24, 29)");
    expect(await background(first)).toBe("rgb(255, 255, 255)");
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(() => background(second)).toBe("rgb(255, 255, 255)");
  }

  await first.getByRole("searchbox", { name: "Search" }).fill("ottawa");
  await expect(first.locator(".ma-event")).toHaveCount(1);
  await expect(second.locator(".ma-event")).toHaveCount(EVENTS);

  await second.getByRole("button", { name: "English" }).click();
  await expect(second.locator(".meetup-atlas")).toHaveAttribute("lang", "en");
  await first.getByRole("button", { name: "Français" }).click();
  await expect(first.locator(".meetup-atlas")).toHaveAttribute("lang", "fr");
  await expect(second.locator(".meetup-atlas")).toHaveAttribute("lang", "en");
  await expect(first.locator(".ma-event")).toHaveCount(1);

  // Changing an attribute redraws that element only; removing one takes its atlas down.
  await page.evaluate(() => document.querySelectorAll("meetup-atlas")[1].setAttribute("views", "map"));
  await expect(second.locator(".ma-event")).toHaveCount(0);
  await expect(second.locator(".ma-marker").first()).toBeVisible();
  await page.evaluate(() => document.querySelectorAll("meetup-atlas")[0].remove());
  await expect(page.locator("meetup-atlas")).toHaveCount(1);
  await expect(second.locator(".ma-marker").first()).toBeVisible();
  expect(errors).toEqual([]);
});

test("an element created in a hidden tab lays itself out when the tab is shown", async ({ page }) => {
  const errors = recordErrors(page);
  await page.goto(hostPage("tabs.html", `${script}<div id="events" hidden><meetup-atlas lang="en" views="map,timeline"></meetup-atlas></div>`));
  const atlas = page.locator("meetup-atlas");
  await expect(atlas.locator(".ma-map")).toHaveCount(1);
  await page.waitForTimeout(300);
  await page.evaluate(() => (document.getElementById("events").hidden = false));
  await expect(atlas.locator(".ma-marker")).toHaveCount(5);
  await expect(atlas.locator(".ma-tl-event").first()).toBeVisible();
  // Laid out for the size it has now, not the zero size it had while hidden.
  const sizes = await atlas.locator(".ma-map").evaluate((map) => {
    const svg = map.querySelector("svg").getBoundingClientRect();
    const markers = [...map.querySelectorAll(".ma-marker")].map((m) => m.getBoundingClientRect());
    return { width: svg.width, height: svg.height, inside: markers.every((m) => m.left >= svg.left && m.right <= svg.right && m.top >= svg.top && m.bottom <= svg.bottom) };
  });
  expect(sizes.width).toBeGreaterThan(300);
  expect(sizes.height).toBeGreaterThan(200);
  expect(sizes.inside).toBe(true);
  expect(errors).toEqual([]);
});

test("the Embed dialog gives snippets for the current language and views, and the element snippet works as pasted", async ({ page }) => {
  await page.goto("./?lang=fr");
  await expect(page.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(EVENTS);
  await page.getByRole("button", { name: "Intégrer" }).click();
  const dialog = page.getByRole("dialog", { name: "Intégrer cet atlas à votre site" });
  await expect(dialog).toBeVisible();
  expect((await new AxeBuilder({ page }).include(".ma-embed").analyze()).violations).toEqual([]);

  await dialog.getByLabel("Carte").uncheck();
  await dialog.getByLabel("Frise chronologique").uncheck();
  // The last view cannot be unticked.
  await expect(dialog.getByLabel("Liste")).toBeDisabled();
  const element = await dialog.locator(".ma-snippet-element pre").textContent();
  expect(element).toBe(`<script type="module" src="${atlasOrigin}/atlas/meetup-atlas.js"></script>\n<meetup-atlas lang="fr" views="list"></meetup-atlas>`);
  await expect(dialog.locator(".ma-snippet-hugo pre")).toHaveText(`{{< meetup-atlas src="${atlasOrigin}/atlas/" lang="fr" views="list" >}}`);
  await dialog.getByRole("button", { name: "Fermer" }).click();
  await expect(dialog).toBeHidden();

  const errors = recordErrors(page);
  await page.goto(hostPage("element.html", `<h1>Our events</h1>\n${element}`));
  const atlas = page.locator("meetup-atlas");
  await expect(atlas.locator(".ma-event")).toHaveCount(EVENTS);
  await expect(atlas.locator(".meetup-atlas")).toHaveAttribute("lang", "fr");
  await expect(atlas.locator(".ma-map")).toHaveCount(0);
  await expect(atlas.locator(".ma-timeline")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("the iframe snippet sizes the frame to its content, and only messages from the atlas count", async ({ page }) => {
  await page.goto("./");
  await expect(page.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(EVENTS);
  await page.getByRole("button", { name: "Embed" }).click();
  await page.getByRole("dialog").getByLabel("Timeline").uncheck();
  const snippet = await page.locator(".ma-snippet-frame pre").textContent();
  expect(snippet).toContain(`src="${atlasOrigin}/atlas/?embed=frame&amp;lang=en&amp;views=map,list"`);

  const errors = recordErrors(page);
  await page.goto(hostPage("frame.html", `<h1>Our events</h1>\n${snippet}\n<p id="after">After the atlas</p>`));
  const frame = page.frameLocator("iframe.meetup-atlas-frame");
  await expect(frame.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(EVENTS);
  await expect(frame.locator(".meetup-atlas.ma-compact")).toBeVisible();
  await expect(frame.locator(".ma-timeline")).toHaveCount(0);
  await expect(frame.getByRole("button", { name: "Embed" })).toHaveCount(0);

  const frameHeight = () => page.locator("iframe").evaluate((f) => f.getBoundingClientRect().height);
  const contentHeight = () => frame.locator("body").evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
  await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(1);
  expect(await frameHeight()).toBeGreaterThan(600);

  // The content grows (a facet opens): the frame follows.
  const before = await frameHeight();
  await frame.getByRole("button", { name: "Filters" }).click();
  await expect.poll(frameHeight).toBeGreaterThan(before);

  // A message of the right shape from another origin (here, the host page itself) is ignored.
  const steady = async () => {
    const a = await frameHeight();
    await page.waitForTimeout(250);
    return a === (await frameHeight());
  };
  await expect.poll(steady).toBe(true);
  const settled = await frameHeight();
  await page.evaluate(() => window.postMessage({ type: "meetup-atlas:height", height: 50 }, "*"));
  await page.waitForTimeout(300);
  expect(await frameHeight()).toBe(settled);
  expect(errors).toEqual([]);
});

test("where the WebAssembly cannot run, the hosted page and an element say so in their language", async ({ page }) => {
  await page.route("**/*_bg.wasm", (route) => route.abort());
  await page.goto("./");
  await expect(page.getByRole("alert")).toHaveText("Meetup Atlas could not start on this page (it needs WebAssembly).");
  await page.goto(hostPage("no-wasm.html", `${script}<meetup-atlas lang="fr"></meetup-atlas>`));
  await expect(page.locator("meetup-atlas .ma-box")).toHaveText("L’Atlas des rencontres n’a pas pu démarrer dans cette page (il lui faut WebAssembly).");
});

test("an element with a height shares it between the map and the list; hide leaves out the header and the filters", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = recordErrors(page);
  await page.goto(hostPage("sized.html", `${script}<h1>Our meetups</h1><meetup-atlas lang="en" height="36rem" hide="header filters"></meetup-atlas><p id="after">After</p>`));
  const atlas = page.locator("meetup-atlas");
  await expect(atlas.locator(".ma-event")).toHaveCount(EVENTS);
  await expect(atlas.locator(".ma-header")).toHaveCount(0);
  await expect(atlas.getByRole("button", { name: "Filters" })).toHaveCount(0);
  await expect(atlas.getByRole("searchbox", { name: "Search" })).toBeVisible();
  const box = await atlas.locator(".ma-box").evaluate((el) => el.getBoundingClientRect().toJSON());
  expect(box.height).toBeCloseTo(36 * 16, 0);
  // Map and list side by side, both whole inside the box: no scrolling to reach either.
  const map = await atlas.locator(".ma-map-surface").evaluate((el) => el.getBoundingClientRect().toJSON());
  const panel = await atlas.locator(".ma-panel").evaluate((el) => el.getBoundingClientRect().toJSON());
  expect(map.bottom).toBeLessThanOrEqual(box.bottom);
  expect(panel.bottom).toBeLessThanOrEqual(box.bottom + 1);
  expect(panel.left).toBeGreaterThanOrEqual(map.right);
  expect(map.height).toBeGreaterThan(250);
  await page.screenshot({ path: "artifacts/embed-sized.png" });
  expect(errors).toEqual([]);
});

test("an element whose feed cannot be loaded says so inside itself, with a retry", async ({ page }) => {
  await page.goto(hostPage("missing.html", `${script}<meetup-atlas lang="fr" feed="${hostOrigin}/hosts/no-such-feed.json"></meetup-atlas>`));
  const atlas = page.locator("meetup-atlas");
  await expect(atlas.getByText("Impossible de charger les rencontres.")).toBeVisible();
  await expect(atlas.getByRole("button", { name: "Réessayer" })).toBeVisible();
  const box = await atlas.evaluate((el) => el.getBoundingClientRect().height);
  expect(box).toBeGreaterThan(80);
});
