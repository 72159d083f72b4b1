// The JSON Schema editors validate with: the bundled feed passes it, and it refuses what
// the format forbids (a test of the schema itself; no browser needed).
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";

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
