// The import page (dist/import/): an organizer drops calendar, spreadsheet or feed files
// and gets a feed, made on their machine by the same Rust as feed-import in a wasm of its
// own, checked here by ajv against the schema and previewed in the atlas element.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readdirSync, readFileSync } from "node:fs";
import { FIREFOX_DRIVER_CANNOT } from "./engines.mjs";
import Ajv2020 from "ajv/dist/2020.js";

const fixtures = new URL("../fixtures/import/", import.meta.url);
const fixture = (name) => ({ name, mimeType: "text/plain", buffer: readFileSync(new URL(name, fixtures)) });
const schema = JSON.parse(readFileSync(new URL("../../public/feed.schema.json", import.meta.url), "utf8"));
const validate = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(schema);

const words = {
  en: { title: "Import events", summary: /^(\d+)\u00a0events at (\d+)\u00a0places, from 2\u00a0files\.$/, download: "Download the feed (feed.json)" },
  fr: { title: "Importer des événements", summary: /^(\d+)\u00a0événements en (\d+)\u00a0lieux, de 2\u00a0fichiers\.$/, download: "Télécharger le flux (feed.json)" },
};

for (const lang of ["en", "fr"]) {
  test(`a Meetup calendar and a spreadsheet become one feed, previewed (${lang})`, async ({ page, browserName }) => {
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`./import/?lang=${lang}`);
    const w = words[lang];
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.title);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await page.locator("#files").setInputFiles([fixture("meetup.ics"), fixture("sheet.csv")]);
    const summary = page.locator("#summary");
    // The first import fetches and compiles the importer's own wasm (3.8 MB) and reads the
    // gazetteer: over 5 s once in a fresh-clone CI run in Firefox, 2.3 s here.
    await expect(summary).toHaveText(w.summary, { timeout: 20_000 });
    const [, events] = (await summary.textContent()).match(w.summary).map(Number);
    // The sheet's row with a day-first date is named, in English and marked so.
    const notes = page.locator("#note-list li");
    await expect(notes.filter({ hasText: "sheet.csv: line 7" })).toHaveCount(1);
    await expect(page.locator("#note-list")).toHaveAttribute("lang", "en");
    // The preview is the atlas itself, drawn from the feed just made, every event in its list.
    const preview = page.locator("#preview meetup-atlas .ma-box");
    await expect(preview.locator(".ma-event")).toHaveCount(events);
    await expect(preview.locator(".meetup-atlas")).toHaveAttribute("lang", lang);
    // The feed offered for download is what the schema allows.
    if (browserName !== "firefox") {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: w.download }).click()]);
      expect(download.suggestedFilename()).toBe("feed.json");
      const feed = JSON.parse(readFileSync(await download.path(), "utf8"));
      expect(validate(feed), JSON.stringify(validate.errors)).toBe(true);
      expect(feed.events).toHaveLength(events);
    } else {
      test.info().annotations.push({ type: "skip", description: FIREFOX_DRIVER_CANNOT.download });
    }
    expect((await new AxeBuilder({ page }).exclude("#preview").analyze()).violations).toEqual([]);
    expect(errors).toEqual([]);
  });
}

for (const [lang, other] of [["en", "fr"], ["fr", "en"]]) {
  test(`an importer that cannot start is said in the visitor's language; its file choice is disabled, and a file dropped is not read (${lang})`, async ({ page }) => {
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route("**/import/wasm/import_bg.wasm", (route) => route.abort());
    await page.goto(`./import/?lang=${lang}`);
    const failed = page.locator(`#failed-${lang}`);
    await expect(failed).toBeVisible();
    await expect(failed).toHaveAttribute("role", "alert");
    await expect(failed).toHaveAttribute("lang", lang);
    await expect(failed).toContainText(lang === "fr" ? "Rechargez la page" : "Reload the page");
    await expect(page.locator(`#failed-${other}`)).toBeHidden();
    // Nothing is offered that cannot be read; a file dropped all the same is not read
    // (no result box, no unhandled rejection).
    await expect(page.locator("#files")).toBeDisabled();
    await expect(page.locator("#language")).toBeDisabled();
    await page.evaluate(() => {
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File(["BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"], "a.ics", { type: "text/calendar" }));
      document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer, bubbles: true, cancelable: true }));
    });
    await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
    await expect(page.locator("#result")).toBeHidden();
    expect(errors).toEqual([]);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}

for (const [width, height] of [[390, 844], [1280, 900]]) {
  test(`at ${width}×${height} the import page fits the screen: no sideways scroll, the drop zone and the language inside it`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto("./import/?lang=fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.fr.title);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    for (const part of ["#drop", "#files", ".import-language", "#language"]) {
      const box = await page.locator(part).boundingBox();
      expect(box.x, part).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, part).toBeLessThanOrEqual(width);
    }
  });
}

test("the atlas' own wasm does not carry the importer; the import page's does", () => {
  const dist = new URL("../../dist/", import.meta.url);
  const atlas = readdirSync(dist).find((name) => /^meetup-atlas-[0-9a-f]+_bg\.wasm$/.test(name));
  const marker = Buffer.from("X-MICROSOFT-CDO-ALLDAYEVENT");
  expect(readFileSync(new URL(atlas, dist)).includes(marker)).toBe(false);
  expect(readFileSync(new URL("import/wasm/import_bg.wasm", dist)).includes(marker)).toBe(true);
});
