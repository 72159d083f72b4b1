import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { EVENTS } from "./bundled.mjs";

const seed = JSON.parse(readFileSync(new URL("../../public/feed.json", import.meta.url)));
const speakers = seed.people.map((p) => p.name);
const root = ".meetup-atlas";

/** Every request the page makes, to check none leaves the origin. */
function recordRequests(page) {
  const urls = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

async function ready(page) {
  await expect(page.locator("[data-meetup-atlas-live] .ma-event")).toHaveCount(EVENTS);
}

test("shows the five cities and all eleven speakers, with no request leaving the origin", async ({ page, baseURL }) => {
  const requests = recordRequests(page);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto("./");
  await ready(page);
  await expect(page.locator(root)).toHaveAttribute("lang", "en");
  await expect(page.locator("h1")).toHaveText("Kubernetes & Cloud Native meetups in Eastern Canada");
  for (const city of ["Montreal", "Quebec City", "Ottawa", "Toronto", "Kitchener-Waterloo"]) {
    await expect(page.locator(".ma-place", { hasText: city }).first()).toBeVisible();
  }
  const shown = await page.locator(".ma-speaker").allTextContents();
  expect(new Set(shown)).toEqual(new Set(speakers));
  expect(speakers).toHaveLength(11);
  await expect(page.getByText("Between May 24 and June 14, 2019 (exact day not stated)").first()).toBeVisible();
  // Links are in an event's details, which its title in the list opens.
  await page.locator(".ma-event[data-event=toronto-spring-2019] .ma-event-open").click();
  await expect(page.getByRole("link", { name: "Join the Kubernetes Toronto group" })).toHaveAttribute("href", "https://www.meetup.com/Kubernetes-Toronto");
  await page.getByRole("button", { name: "Back to the list" }).click();
  // The source's own titles are quoted; a title written for the feed (descriptive_title) is not.
  await expect(page.locator(".ma-session-title strong", { hasText: "Observable Kubernetes" }).first()).toHaveText("\u201cObservable Kubernetes\u201d");
  await expect(page.locator(".ma-session-subject", { hasText: "GitOps with Argo CD" })).toHaveText("GitOps with Argo CD, from pull request to cluster");
  await expect(page.locator(".ma-session-subject")).toHaveCount(5);
  const origin = new URL(baseURL).origin;
  expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
  expect(requests.some((url) => url.endsWith("/atlas/feed.json"))).toBe(true);
  expect(errors).toEqual([]);
  await page.screenshot({ path: "artifacts/list-en.png", fullPage: true });
});

test("the toggle switches the interface and the content, and the choice is kept", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  await page.getByRole("link", { name: "Français" }).click();
  await expect(page.locator(root)).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("link", { name: "Français" })).toHaveAttribute("aria-current", "true");
  await expect(page.locator("h1")).toHaveText("Meetups Kubernetes et Cloud Native de l’Est du Canada");
  await expect(page.getByRole("group", { name: "Langue" })).toBeVisible();
  await expect(page.locator(".ma-place", { hasText: "Québec" }).first()).toBeVisible();
  await expect(page.getByText("Entre le 24 mai et le 14 juin 2019 (jour exact non précisé)").first()).toBeVisible();
  await expect(page.locator(".ma-format", { hasText: "Atelier" })).toBeVisible();
  await expect(page.locator(".ma-session-title strong", { hasText: "Kubernetes observable" }).first()).toHaveText("«\u00a0Kubernetes observable\u00a0»");
  await expect(page.getByText("Accueilli par Ubisoft")).toBeVisible();
  await expect(page.locator(root)).not.toContainText("Hosted by");
  await page.screenshot({ path: "artifacts/list-fr.png", fullPage: true });

  await page.reload();
  await ready(page);
  await expect(page.locator(root)).toHaveAttribute("lang", "fr");
  await page.goto("./?lang=en");
  await ready(page);
  await expect(page.locator(root)).toHaveAttribute("lang", "en");
});

test.describe("a French browser", () => {
  test.use({ locale: "fr-CA" });
  test("opens in French", async ({ page }) => {
    await page.goto("./");
    await ready(page);
    await expect(page.locator(root)).toHaveAttribute("lang", "fr");
    // Each kind counted from the feed, in French.
    const kinds = (kind) => seed.events.filter((e) => e.kind === kind).length;
    const plural = (n, one, many) => `${n}\u00a0${n <= 1 ? one : many}`;
    const sessions = seed.events.reduce((n, e) => n + (e.sessions?.length ?? 0), 0) + seed.editions.reduce((n, e) => n + (e.sessions?.length ?? 0), 0);
    const counts = [plural(kinds("meetup"), "rencontre", "rencontres"), plural(kinds("conference"), "conférence", "conférences")];
    await expect(page.locator(".ma-counts")).toHaveText(`${counts.join(", ")} · ${plural(sessions, "présentation", "présentations")}`);
    await expect(page.getByRole("heading", { name: "À propos de ces événements" })).toBeVisible();
  });
});

test("a failed feed request shows the error, and retry loads the feed", async ({ page }) => {
  let fail = true;
  await page.route("**/feed.json", (route) => (fail ? route.abort("connectionrefused") : route.continue()));
  await page.goto("./");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("The meetups could not be loaded.");
  await expect(alert).toContainText("The feed’s server could not be reached.");
  fail = false;
  await alert.getByRole("button", { name: "Try again" }).click();
  await ready(page);
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a feed that is not JSON or of an unknown version gets one clear message", async ({ page }) => {
  await page.route("**/feed.json", (route) => route.fulfill({ contentType: "application/json", body: "<html>oops" }));
  await page.goto("./");
  await expect(page.getByRole("alert")).toContainText("The feed is not valid JSON");
  await page.unroute("**/feed.json");
  await page.route("**/feed.json", (route) => route.fulfill({ status: 404, body: "" }));
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("alert")).toContainText("status 404");
  await page.unroute("**/feed.json");
  await page.route("**/feed.json", (route) => route.fulfill({ json: { ...seed, schema_version: 2 } }));
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("alert")).toContainText("schema version 2; this app reads version 1");
});

test("hostile and invalid entries: the rest is shown, nothing is executed", async ({ page }) => {
  const feed = structuredClone(seed);
  feed.events[0].title.en = '<img src=x onerror="window.pwned=1">Montréal';
  feed.events[1].sessions[0].speakers = ["nobody"];
  // A bad link is left out, not its event; a link without a title says where it leads, and
  // the spaces a spreadsheet leaves around an address are trimmed.
  feed.events[2].links = [
    { kind: "website", url: "javascript:window.pwned=2", title: { en: "click", fr: "clic" } },
    { kind: "website", url: " https://www.example.org/call-for-papers " },
  ];
  await page.route("**/feed.json", (route) => route.fulfill({ json: feed }));
  await page.goto("./");
  await expect(page.locator(".ma-event")).toHaveCount(feed.events.length - 1);
  await expect(page.locator(".ma-problems summary")).toHaveText(/2\u00a0problems found in the feed; 1\u00a0event left out/);
  await page.locator(".ma-problems summary").click();
  await expect(page.locator(".ma-problems")).toContainText('events[1].sessions[0].speakers[0] — unknown person "nobody"');
  await expect(page.locator(".ma-problems")).toContainText("events[2].links[0].url");
  const kept = page.locator(`.ma-event[data-event="${feed.events[2].id}"]`);
  await expect(kept.locator('a[href="https://www.example.org/call-for-papers"]')).toHaveText("example.org");
  // As text in the list and on the timeline, which names events by their titles.
  await expect(page.locator(".ma-panel").getByText('<img src=x onerror="window.pwned=1">Montréal')).toBeVisible();
  await expect(page.locator(".ma-timeline").getByText('<img src=x onerror="window.pwned=1">Montréal')).toBeVisible();
  await expect(page.locator(`${root} img`)).toHaveCount(0);
  await expect(page.locator('a[href^="javascript"]')).toHaveCount(0);
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
});

for (const lang of ["en", "fr"]) {
  test(`axe finds no accessibility violations (${lang})`, async ({ page }) => {
    await page.goto(`./?lang=${lang}`);
    await ready(page);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`)).toEqual([]);
  });
}

test("axe finds no violations in the error and problem states", async ({ page }) => {
  const feed = structuredClone(seed);
  feed.events[1].sessions[0].speakers = ["nobody"];
  await page.route("**/feed.json", (route) => route.fulfill({ json: feed }));
  await page.goto("./?lang=fr");
  await expect(page.locator(".ma-problems")).toBeVisible();
  await page.locator(".ma-problems summary").click();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.unroute("**/feed.json");
  await page.route("**/feed.json", (route) => route.abort());
  await page.goto("./?lang=fr");
  await expect(page.getByRole("alert")).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("a long feed is listed a page at a time", async ({ page }) => {
  const PAGE = 25; // ui::list::LIST_PAGE
  const total = 2 * PAGE + 20;
  const feed = structuredClone(seed);
  const template = feed.events[0];
  feed.events = Array.from({ length: total }, (_, i) => ({ ...structuredClone(template), id: `event-${i}`, sessions: [] }));
  await page.route("**/feed.json", (route) => route.fulfill({ json: feed }));
  await page.goto("./");
  await expect(page.locator(".ma-event")).toHaveCount(PAGE);
  await page.getByRole("button", { name: `Show ${PAGE} more (${total - PAGE} left)` }).click();
  await expect(page.locator(".ma-event")).toHaveCount(2 * PAGE);
  await page.getByRole("button", { name: "Show 20 more (20 left)" }).click();
  await expect(page.locator(".ma-event")).toHaveCount(total);
  await expect(page.locator(".ma-more")).toHaveCount(0);
});
