// Every HTML page the build wrote, read by the Nu Html Checker (vnu.jar, the W3C's): the
// atlas in each language, each event's page in each language, the import page, and the
// prerendered fragments the Hugo shortcode puts in a site's pages (each inside a minimal
// document). Prints each error and exits non-zero if there is any, or if a page the feed
// calls for is missing.
// Usage: node tests/e2e/validate-html.mjs [dist]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import vnu from "vnu-jar";

const dist = process.argv[2] ?? new URL("../../dist", import.meta.url).pathname;
const feed = JSON.parse(readFileSync(join(dist, "feed.json"), "utf8"));
const pages = readdirSync(dist, { recursive: true }).filter((p) => p.endsWith("index.html")).map((p) => join(dist, p));
// The atlas and a page per event, in each language (events' ids as core::page::is_page_id takes them).
const expected = ["index.html", "fr/index.html", ...feed.events.flatMap((e) => [`events/${e.id}/index.html`, `fr/events/${e.id}/index.html`])];
const missing = expected.filter((p) => !existsSync(join(dist, p)));
if (missing.length) {
  console.error(`validate-html: pages missing from ${dist}: ${missing.join(", ")}`);
  process.exit(1);
}
const wrapped = mkdtempSync(join(tmpdir(), "meetup-atlas-fragments-"));
const fragments = ["en", "fr"].map((lang) => {
  const path = join(wrapped, `fragment.${lang}.html`);
  const body = readFileSync(join(dist, `fragment.${lang}.html`), "utf8");
  writeFileSync(path, `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>fragment</title><main>${body}</main></html>`);
  return path;
});
const files = [...pages, ...fragments];
let out;
try {
  out = execFileSync("java", ["-jar", vnu, "--format", "json", "--errors-only", ...files], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
} catch (error) {
  // vnu exits 1 when it reports an error; its report is on stderr.
  out = error.stderr || error.stdout;
  if (!out) throw error;
}
const messages = JSON.parse(out.trim() || '{"messages":[]}').messages.filter((m) => m.type === "error" || m.subType === "fatal");
for (const m of messages) {
  const file = decodeURIComponent(m.url.replace(/^file:/, ""));
  console.error(`${relative(process.cwd(), file)}:${m.lastLine}:${m.firstColumn ?? ""}: ${m.message} ${m.extract ? `[${m.extract.trim()}]` : ""}`);
}
console.log(`validate-html: ${files.length} documents checked (${pages.length} pages of ${dist}, 2 fragments), ${messages.length} errors`);
// One line the CI summary counts: documents passed and failed.
const failedFiles = new Set(messages.map((m) => m.url)).size;
console.log(`${files.length - failedFiles} passed, ${failedFiles} failed`);
process.exit(messages.length ? 1 : 0);
