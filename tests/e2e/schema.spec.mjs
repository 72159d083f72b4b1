// The JSON Schema editors validate with: the bundled feed passes it, and it refuses what
// the format forbids (a test of the schema itself; no browser needed).
import { test, expect } from "@playwright/test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const schema = read("../../public/feed.schema.json");
const seed = read("../../public/feed.json");
const validate = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(schema);

test("the bundled feed is valid by its schema", () => {
  const ok = validate(seed);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
});

test("the schema refuses a misspelled field and a descriptive_title that is not a boolean", () => {
  const misspelled = structuredClone(seed);
  misspelled.events[0].sumary = misspelled.events[0].summary;
  expect(validate(misspelled)).toBe(false);
  expect(validate.errors.map((e) => e.params.additionalProperty)).toContain("sumary");

  const notBoolean = structuredClone(seed);
  notBoolean.events[0].sessions[0].descriptive_title = "yes";
  expect(validate(notBoolean)).toBe(false);
  expect(validate.errors.some((e) => e.instancePath.endsWith("/descriptive_title"))).toBe(true);
});

// One truth for the format: over a set of broken feeds, `feed-check` fails exactly when
// the schema does, and names every path the schema names (or an entry above it).
const broken = {
  "misspelled field": (f) => { f.events[0].sumary = f.events[0].summary; delete f.events[0].summary; },
  "unknown top-level field": (f) => { f.foo = 1; },
  "missing kind": (f) => { delete f.events[1].kind; },
  "missing session title": (f) => { delete f.events[3].sessions[0].title; },
  "event of no edition, without summary (valid)": (f) => { delete f.events[3].edition; delete f.events[3].summary; },
  "a workshop with topics, updated, registration (valid)": (f) => {
    Object.assign(f.events[1], { kind: "workshop", topics: [f.topics[0].id], updated: "2019-05-30T09:00-04:00" });
    f.events[1].links = [{ kind: "registration", url: "https://example.org/register" }];
  },
  "bad kind": (f) => { f.events[1].kind = "party"; },
  "texts in one language (valid)": (f) => { f.events[0].title = "Kubernetes-Treffen"; f.events[1].summary = { en: "An evening." }; },
  "a text of no language": (f) => { f.events[0].title = {}; },
  "a text in another key": (f) => { f.events[0].title = { de: "Treffen" }; },
  "place with address, approximate, no region (valid)": (f) => { Object.assign(f.places[0], { address: "1 Main St", approximate: true }); delete f.places[0].region; },
  "missing country": (f) => { delete f.places[0].country; },
  "unknown when type": (f) => { f.events[0].when.type = "someday"; },
  "datetime without time zone": (f) => { f.events[0].when = { type: "datetime", start: "2019-05-28T18:00:00-04:00" }; },
  "repeated speaker": (f) => { f.events[3].sessions[0].speakers.push("ray-kao"); },
  "latitude as a string": (f) => { f.places[1].lat = "46.8"; },
  "unknown format": (f) => { f.events[0].sessions[0].format = "keynote"; },
  "descriptive_title not a boolean": (f) => { f.events[0].sessions[0].descriptive_title = "yes"; },
  "empty English text": (f) => { f.events[2].title.en = ""; },
  "no title": (f) => { delete f.title; },
  "misspelled place field": (f) => { f.places[2].lattitude = f.places[2].lat; },
  "country as a name": (f) => { f.places[0].country = "Austria"; },
  "country in lower case": (f) => { f.places[0].country = "at"; },
  "region as a name": (f) => { f.places[1].region = "Île-de-France"; },
  "language as a word": (f) => { f.source.language = "English"; },
  "javascript link": (f) => { f.events[2].links = [{ kind: "website", url: "javascript:alert(1)" }]; },
  "link with spaces around": (f) => { f.events[2].links = [{ kind: "website", url: " https://example.org/cfp " }]; },
  "link without a title": (f) => { f.events[2].links = [{ kind: "slides", url: "https://example.org/slides" }]; },
};

/** feed-check's verdict and the paths it names, per file. */
function feedCheck(files) {
  const run = spawnSync("cargo", ["run", "--quiet", "--locked", "--bin", "feed-check", "--", ...files], { cwd: repo, encoding: "utf8" });
  expect(run.error).toBeUndefined();
  const paths = new Map(files.map((file) => [file, []]));
  for (const line of run.stderr.split("\n")) {
    const file = files.find((f) => line.startsWith(`${f}: `));
    if (!file) continue;
    const rest = line.slice(file.length + 2).replace(/^warning: /, "");
    paths.get(file).push(rest.slice(0, rest.indexOf(": ")));
  }
  const ok = new Map(files.map((file) => [file, run.stdout.includes(`${file}: 0 problem(s), 0 warning(s);`)]));
  return { paths, ok };
}

/** An ajv error as a feed-check path: `/events/0/sumary` → `events[0].sumary`. */
function pathOf(error) {
  const parts = error.instancePath.split("/").slice(1);
  if (error.keyword === "required") parts.push(error.params.missingProperty);
  if (error.keyword === "additionalProperties") parts.push(error.params.additionalProperty);
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), "");
}

test("feed-check and the schema agree on broken feeds", () => {
  const dir = mkdtempSync(join(tmpdir(), "atlas-broken-"));
  const files = [];
  const cases = { ...broken, "valid seed": () => {} };
  for (const [name, edit] of Object.entries(cases)) {
    const feed = structuredClone(seed);
    edit(feed);
    const file = join(dir, `${name.replaceAll(" ", "-")}.json`);
    writeFileSync(file, JSON.stringify(feed));
    files.push({ name, file, feed });
  }
  // A byte order mark: the app and the checker both skip it; it is no schema matter.
  const bom = join(dir, "bom.json");
  writeFileSync(bom, "\ufeff" + JSON.stringify(seed));
  const { paths, ok } = feedCheck([...files.map((f) => f.file), bom]);
  expect(ok.get(bom)).toBe(true);
  for (const { name, file, feed } of files) {
    const valid = validate(feed);
    expect.soft(ok.get(file), `${name}: checker ok = schema valid`).toBe(valid);
    // Of a failed anyOf (Text: an object or a string), ajv names every branch; the
    // branch of the value's own JSON type says what is wrong, as feed-check does.
    const ownBranch = (error) => !(error.keyword === "anyOf" || (error.keyword === "type" && error.schemaPath.includes("/anyOf/")));
    for (const error of (validate.errors ?? []).filter(ownBranch)) {
      const path = pathOf(error);
      const named = paths.get(file).some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
      expect.soft(named, `${name}: the schema's ${path} (${error.message}) among ${JSON.stringify(paths.get(file))}`).toBe(true);
    }
  }
  rmSync(dir, { recursive: true, force: true });
});
