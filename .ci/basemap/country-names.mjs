// Countries' short names in English and French, from npm i18n-iso-countries (MIT): the same
// names in the app's table (make-countries.mjs) and on the world layer (make-world.mjs).
import { createRequire } from "node:module";

export const countries = createRequire(import.meta.url)("i18n-iso-countries");

// The package's first name is at times the long official one ("Islamic Republic of Iran",
// "United States of America"): take then its shortest plain alias ("Iran").
const formal = (name) => / of |^The |,/.test(name);
const plain = (name) => !/^[A-Z.]+$/.test(name) && !name.includes(",");
// Where the French list has the long form only.
const FRENCH = { US: "États-Unis" };

/** The short name of the ISO 3166-1 alpha-2 `code` in `lang` ("en" or "fr"). */
export function shortName(code, lang) {
  if (lang === "fr" && FRENCH[code]) return FRENCH[code];
  const all = countries.getName(code, lang, { select: "all" }) ?? [];
  if (all.length === 0) throw new Error(`${code}: no ${lang} name`);
  if (!formal(all[0])) return all[0];
  return all.slice(1).filter(plain).sort((a, b) => a.length - b.length)[0] ?? all[0];
}
