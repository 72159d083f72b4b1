// Trunk post-build hook (see Trunk.toml): makes the built page run under a strict
// Content-Security-Policy and writes the two scripts that need the hashed file names.
//  - Trunk's inline start-up script becomes one external script, meetup-atlas.js, which
//    is also the script other sites load to get <meetup-atlas>.
//  - It runs the prerender, which makes the site's pages of this index.html (core::shell),
//    and feed-publish (calendars, feeds, cards, sitemap).
//  - sw.js gets the list of files to keep for offline use and a version that changes
//    with any of them.
//  - Every text file and the wasm get .br (brotli 11) and .gz (gzip 9) copies for
//    servers that send precompressed files (nginx brotli_static, gzip_static): smaller
//    than compressing on the fly, and no work per request.
// Usage: node src/js/finish-dist.mjs [dir]   (dir defaults to $TRUNK_STAGING_DIR)
// Environment: MEETUP_ATLAS_SITE (the site's address), MEETUP_ATLAS_FEED (another feed).
import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("no directory: pass one or run as a trunk hook");
const sources = dirname(fileURLToPath(import.meta.url));
// Any community's feed in place of the bundled one (docs/hosting.md): its pages, cards and
// calendars are made from it.
if (process.env.MEETUP_ATLAS_FEED) copyFileSync(process.env.MEETUP_ATLAS_FEED, join(dir, "feed.json"));
const files = readdirSync(dir);

function one(pattern) {
  const found = files.filter((name) => pattern.test(name));
  if (found.length !== 1) throw new Error(`expected one file like ${pattern} in ${dir}, found ${found.join(", ") || "none"}`);
  return found[0];
}
const glue = one(/^meetup-atlas-[0-9a-f]+\.js$/);
const wasm = one(/^meetup-atlas-[0-9a-f]+_bg\.wasm$/);
const widgetCss = one(/^atlas-[0-9a-f]+\.css$/);

// favicon.svg as a data: address, escaped as a URL component: whatever an address or an
// attribute does not take as it is (spaces, quotes, <, #, %, &) is escaped.
const iconData = `data:image/svg+xml,${encodeURIComponent(readFileSync(join(dir, "favicon.svg"), "utf8").trim().replace(/\s+/g, " "))}`;
const indexPath = join(dir, "index.html");
let index = readFileSync(indexPath, "utf8");
// Minified or not: <script type="module"> or <script type=module>.
const startup = /<script type="?module"?>\s*import init, \* as bindings from[\s\S]*?<\/script>/;
if (!startup.test(index)) throw new Error(`trunk's start-up script was not found in index.html: ${index.match(/<script[\s\S]{0,200}/g)}`);
index = index.replace(startup, '<script type="module" src="./meetup-atlas.js"></script>');
index = index.replace(/<link\b[^>]*>/g, (link) => {
  // Chromium ignores integrity on a fetch preload and warns about it in the console.
  if (/\srel="?preload\b/.test(link) && /\sas="?fetch\b/.test(link)) return link.replace(/\sintegrity=("[^"]*"|\S+?(?=[\s>]))/, "");
  // meetup-atlas.js imports the glue once the page is painted (the wasm with it).
  if (/\srel="?modulepreload\b/.test(link)) return "";
  // The icon in the page: a request of its own would end before the first paint, and
  // Lighthouse counts each such request in the largest paint's time (docs/decisions.md).
  if (/\srel="?icon\b/.test(link)) return link.replace(/\shref=("[^"]*"|\S+?(?=[\s>]))/, ` href="${iconData}"`);
  return link;
});
const inline = index.match(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/ld\+json")[^>]*>/g);
if (inline) throw new Error(`inline script left in index.html (a strict CSP would block it): ${inline.join(" ")}`);

// The shell every page of the site is made from, as trunk built it and as above; kept,
// so that the pages can be made again from another feed (tests/bench/hydrate.mjs).
writeFileSync(join(dir, "shell.html"), index);

// The site's pages (src/bin/prerender.rs, core::shell): the atlas of each language
// (English at the root, French in fr/) and a page per event and language (events/<id>/,
// fr/events/<id>/), each drawn by the same components natively, in this shell.
// Where the site is served from (e.g. https://events.example.org/atlas/), for the pages'
// canonical, hreflang and card links; without it they are left out.
const site = process.env.MEETUP_ATLAS_SITE ? ["--site", process.env.MEETUP_ATLAS_SITE] : [];
execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "prerender", "--", dir, ...site], {
  cwd: join(sources, "..", ".."),
  stdio: "inherit",
});
// Calendars to subscribe to, at stable addresses (src/bin/feed-publish.rs).
execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "feed-publish", "--", join(dir, "feed.json"), "-o", dir, "--pages", ...site], {
  cwd: join(sources, "..", ".."),
  stdio: "inherit",
});
// The pages' one style sheet: the widget's and the page's, and the rules that place the
// prerendered markers, labels and timeline items (the prerender names it by its content).
const siteCss = readdirSync(dir).find((name) => /^site-[0-9a-f]+\.css$/.test(name));
if (!siteCss) throw new Error("the prerender wrote no site-*.css");
writeFileSync(join(dir, "intl-warm.js"), readFileSync(join(sources, "intl-warm.js")));

const fill = (template, values) =>
  Object.entries(values).reduce((text, [key, value]) => text.replaceAll(key, value), readFileSync(join(sources, template), "utf8"));

writeFileSync(join(dir, "meetup-atlas.js"), fill("meetup-atlas.js", { __GLUE__: glue, __WASM__: wasm, __CSS__: widgetCss }));
// Minified (npm terser, installed by .ci/setup.sh): every page loads it before its first
// paint, and other sites' pages load it for the widget; its comments were half its bytes
// (docs/decisions.md, "The page's script minified").
execFileSync("terser", [join(dir, "meetup-atlas.js"), "--module", "--compress", "passes=2", "--mangle", "-o", join(dir, "meetup-atlas.js")], { stdio: "inherit" });

const shell = ["./", "fr/", "meetup-atlas.js", "intl-warm.js", glue, wasm, widgetCss, siteCss, "favicon.svg", "manifest.webmanifest", "basemap.json", "feed.json"];
const version = createHash("sha256");
for (const path of shell) version.update(readFileSync(join(dir, path.endsWith("/") ? `${path}index.html` : path)));
writeFileSync(
  join(dir, "sw.js"),
  fill("sw.js", { __VERSION__: version.digest("hex").slice(0, 16), __SHELL__: JSON.stringify(shell) }),
);
// The import page's wasm (import-page/): feed-import in the browser, in a module of its
// own so that the atlas' wasm never carries it.
const root = join(sources, "..", "..");
const importWasm = join(dir, "import", "wasm");
execFileSync("cargo", ["build", "--quiet", "--locked", "--release", "-p", "meetup-atlas-import", "--target", "wasm32-unknown-unknown"], {
  cwd: root,
  stdio: "inherit",
});
const built = join(process.env.CARGO_TARGET_DIR ?? join(root, "target"), "wasm32-unknown-unknown", "release", "meetup_atlas_import.wasm");
execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", importWasm, "--out-name", "import", built], { stdio: "inherit" });
const wasmFeatures = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];
const importBg = join(importWasm, "import_bg.wasm");
execFileSync("wasm-opt", ["-Oz", ...wasmFeatures, importBg, "-o", importBg], { stdio: "inherit" });

const compressible = (name) => /\.(wasm|js|css|json|svg|html|webmanifest)$/.test(name);
const importFiles = ["index.html", "import-page.js", "import.css", "wasm/import.js", "wasm/import_bg.wasm"].map((f) => `import/${f}`);
// The pages in folders (fr/, events/<id>/, fr/events/<id>/).
const pages = (folder) =>
  readdirSync(join(dir, folder), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? pages(join(folder, entry.name)) : folder && entry.name === "index.html" ? [join(folder, entry.name)] : [],
  );
const sitePages = ["fr", "events"].filter((folder) => readdirSync(dir).includes(folder)).flatMap(pages);
for (const name of [...readdirSync(dir).filter(compressible), ...sitePages, ...importFiles]) {
  const body = readFileSync(join(dir, name));
  if (body.length < 1024) continue;
  writeFileSync(join(dir, `${name}.br`), brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }));
  writeFileSync(join(dir, `${name}.gz`), gzipSync(body, { level: 9 }));
}
console.log(`finish-dist: meetup-atlas.js and sw.js written for ${glue}, ${wasm}`);
