// The declarations of a style sheet, for asking a browser whether each one takes effect
// (CSS.supports). Plain ESM, no dependencies: the WebKit smoke suite (tests/webkit/smoke.mjs)
// and the Playwright suite (Chromium, Firefox) share it.
//
//   import { readFileSync } from "node:fs";
//   import { styleRules, declarationsOf, supportPairs, unsupportedDeclarations, describeDeclaration } from "../webkit/css-declarations.mjs";
//   const rules = styleRules(readFileSync(file, "utf8"));
//   const declarations = declarationsOf(rules);
//   const pairs = supportPairs(declarations);
//   const results = await page.evaluate((pairs) => pairs.map(([p, v]) => CSS.supports(p, v)), pairs);
//   const failing = unsupportedDeclarations(declarations, pairs, results).map((d) => describeDeclaration(d, file));
//
// A declaration that the browser does not support passes when the same rule holds a
// vendor-prefixed twin of it that the browser does support: the same declaration with a
// vendor prefix on the property or in the value (`-webkit-user-select: none` beside
// `user-select: none`, `position: -webkit-sticky` beside `position: sticky`). Twins count
// both ways, so `-moz-…` beside a supported unprefixed declaration passes too.
// Custom properties (`--x: …`) are left out: any value is valid for them.

/** `css` without its comments (strings are kept as they are). */
export function stripComments(css) {
  let out = "";
  for (let i = 0; i < css.length; ) {
    const c = css[i];
    if (c === '"' || c === "'") {
      const end = stringEnd(css, i);
      out += css.slice(i, end);
      i = end;
    } else if (c === "\\") {
      out += css.slice(i, i + 2);
      i += 2;
    } else if (c === "/" && css[i + 1] === "*") {
      const end = css.indexOf("*/", i + 2);
      i = end < 0 ? css.length : end + 2;
      // A comment separates tokens: `a/**/b` is `a b`.
      out += " ";
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The index just past the string that starts at `i` (a quote). */
function stringEnd(css, i) {
  const quote = css[i];
  for (let j = i + 1; j < css.length; j++) {
    if (css[j] === "\\") j++;
    else if (css[j] === quote || css[j] === "\n") return j + 1;
  }
  return css.length;
}

/** The index of the `}` that closes the block whose `{` is at `open`. */
function blockEnd(css, open) {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") i = stringEnd(css, i) - 1;
    else if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return css.length;
}

/**
 * The items of a block's content (or of the whole sheet): statements ending in `;` (or at
 * the block's end) and blocks (`prelude { … }`). `;` and `{` count only outside strings,
 * parentheses and brackets. A custom property's value may hold braces.
 */
function items(css, start, end) {
  const found = [];
  let from = start;
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = css[i];
    if (c === '"' || c === "'") i = stringEnd(css, i) - 1;
    else if (c === "\\") i++;
    else if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    else if (depth === 0 && c === ";") {
      const text = css.slice(from, i).trim();
      if (text) found.push({ text });
      from = i + 1;
    } else if (depth === 0 && c === "{") {
      const close = blockEnd(css, i);
      const prelude = css.slice(from, i).trim();
      if (/^--[^:]*:/.test(prelude)) {
        // `--x: { … }`: part of the declaration's value.
        i = close;
        continue;
      }
      found.push({ prelude, start: i + 1, end: close });
      i = close;
      from = close + 1;
    }
  }
  const text = css.slice(from, end).trim();
  if (text) found.push({ text });
  return found;
}

/** `{ property, value, important }` of a declaration's text, or null if it is none. */
export function parseDeclaration(text) {
  let depth = 0;
  let colon = -1;
  for (let i = 0; i < text.length && colon < 0; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = stringEnd(text, i) - 1;
    else if (c === "\\") i++;
    else if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === ":" && depth === 0) colon = i;
  }
  if (colon <= 0) return null;
  const name = text.slice(0, colon).trim();
  if (!/^-?-?[A-Za-z_][\w-]*$/.test(name) && !/^--[\w-]*$/.test(name)) return null;
  const custom = name.startsWith("--");
  let value = text.slice(colon + 1).trim();
  const important = /!\s*important\s*$/i.test(value);
  if (important) value = value.replace(/!\s*important\s*$/i, "").trim();
  return { property: custom ? name : name.toLowerCase(), value, important, custom };
}

// At-rules whose block holds rules, as the sheet's top level does.
const GROUPING = new Set(["media", "supports", "container", "layer", "scope", "document", "-moz-document", "starting-style"]);
// At-rules whose block holds descriptors (not properties), or keyframe blocks.
const KEYFRAMES = /^(-[a-z]+-)?keyframes$/;

/**
 * The style rules of a style sheet, in order: `{ selector, context, declarations, at }`,
 * `context` being the preludes of the at-rules around it (`["@media (min-width:40rem)"]`)
 * and `declarations` `{ property, value, important, custom, descriptor, text }`.
 * Nested style rules (CSS nesting) come out as rules of their own, with the selector they
 * stand for (`&` replaced by the parent's, `:is(…)` around a parent list). Keyframe blocks come out as rules whose
 * selector is the keyframe (`50%`) and context ends with `@keyframes name`; their
 * declarations are properties. The declarations of @font-face, @property, @page,
 * @counter-style and other descriptor at-rules are marked `descriptor: true` (they are
 * not properties: CSS.supports does not know them). Statements (`@import …;`) are skipped.
 */
export function styleRules(text) {
  const css = stripComments(text);
  const rules = [];
  const walkRules = (start, end, context) => {
    for (const item of items(css, start, end)) {
      if (item.prelude === undefined) continue; // a statement: @import, @charset, @layer a, b;
      if (item.prelude.startsWith("@")) {
        const name = /^@([\w-]+)/.exec(item.prelude)?.[1]?.toLowerCase() ?? "";
        const inner = [...context, item.prelude.replace(/\s+/g, " ")];
        if (KEYFRAMES.test(name)) {
          for (const frame of items(css, item.start, item.end)) {
            if (frame.prelude !== undefined) rules.push(rule(frame.prelude, inner, frame, false));
          }
        } else if (GROUPING.has(name) || hasBlock(item)) {
          walkRules(item.start, item.end, inner);
        } else {
          rules.push(rule("", inner, item, true));
        }
      } else {
        walkStyle(item.prelude, item, context, false);
      }
    }
  };
  // A style rule's block: declarations, and perhaps nested rules; an at-rule nested in
  // it (`@media … { color: red }`) applies its declarations to the same selector.
  const walkStyle = (selector, block, context, atInside) => {
    const own = rule(selector.replace(/\s+/g, " ").trim(), context, { start: block.start, end: block.start }, false);
    for (const item of items(css, block.start, block.end)) {
      if (item.prelude === undefined) {
        const declaration = parseDeclaration(item.text);
        if (declaration) own.declarations.push({ ...declaration, descriptor: false, text: item.text });
      } else if (item.prelude.startsWith("@")) {
        walkStyle(selector, item, [...context, item.prelude.replace(/\s+/g, " ")], true);
      } else {
        walkStyle(nested(selector, item.prelude), item, context, false);
      }
    }
    if (own.declarations.length || !atInside) rules.splice(insertAt(own), 0, own);
  };
  // Rules keep the order of their first declaration in the sheet.
  const insertAt = (own) => {
    let at = rules.length;
    while (at > 0 && rules[at - 1].at > own.at) at--;
    return at;
  };
  const rule = (selector, context, block, descriptor) => {
    const declarations = [];
    if (block.end > block.start) {
      for (const item of items(css, block.start, block.end)) {
        const declaration = item.prelude === undefined && parseDeclaration(item.text);
        if (declaration) declarations.push({ ...declaration, descriptor, text: item.text });
      }
    }
    return { selector: selector.replace(/\s+/g, " ").trim(), context, declarations, at: block.start };
  };
  const hasBlock = (item) => items(css, item.start, item.end).some((inner) => inner.prelude !== undefined);
  walkRules(0, css.length, []);
  return rules;
}

/**
 * Every declaration to check, each with its rule (`{ …declaration, rule, index }`):
 * custom properties and descriptors are left out unless asked for.
 */
export function declarationsOf(rules, { custom = false, descriptors = false } = {}) {
  const out = [];
  rules.forEach((rule, index) => {
    for (const declaration of rule.declarations) {
      if (declaration.custom && !custom) continue;
      if (declaration.descriptor && !descriptors) continue;
      out.push({ ...declaration, rule, index });
    }
  });
  return out;
}

/** The distinct `[property, value]` pairs of `declarations`, for one CSS.supports call each. */
export function supportPairs(declarations) {
  const seen = new Map();
  for (const { property, value } of declarations) {
    const key = `${property}\u0000${value}`;
    if (!seen.has(key)) seen.set(key, [property, value]);
  }
  return [...seen.values()];
}

const VENDOR = /-(webkit|moz|ms|o|khtml|apple|epub)-/gi;
const VENDOR_PROPERTY = /^-(webkit|moz|ms|o|khtml|apple|epub)-/i;

/** What a declaration is without its vendor prefixes: twins have the same. */
export function twinKey({ property, value }) {
  return `${property.replace(VENDOR_PROPERTY, "")}:${value.replace(VENDOR, "").replace(/\s+/g, " ")}`;
}

/**
 * The declarations the browser does not support and that have no supported
 * vendor-prefixed twin in their rule. `pairs` and `results` are `supportPairs(declarations)`
 * and the browser's `CSS.supports(property, value)` for each of them.
 */
export function unsupportedDeclarations(declarations, pairs, results) {
  const supported = new Map(pairs.map(([property, value], i) => [`${property}\u0000${value}`, results[i] === true]));
  const supports = (d) => supported.get(`${d.property}\u0000${d.value}`) === true;
  return declarations.filter((d) => {
    if (d.custom || supports(d)) return false;
    const key = twinKey(d);
    const twins = d.rule.declarations.filter((other) => other !== d && !other.custom && twinKey(other) === key);
    return !twins.some((twin) => (twin.property !== d.property || twin.value !== d.value) && supports(twin));
  });
}

/** A line for a failure message: where the declaration is and what it says. */
export function describeDeclaration(declaration, file = "") {
  const where = [...declaration.rule.context, declaration.rule.selector].filter(Boolean).join(" ");
  return `${file ? `${file}: ` : ""}${where} { ${declaration.property}: ${declaration.value}${declaration.important ? " !important" : ""} }`;
}

/** The selector a nested rule stands for: `&` is the parent, or the parent is implied in front. */
function nested(parent, child) {
  const outer = splitTopLevel(parent, ",");
  const of = outer.length > 1 ? `:is(${outer.join(",")})` : outer[0];
  return splitTopLevel(child, ",")
    .map((part) => (part.includes("&") ? part.replaceAll("&", of) : `${of} ${part}`))
    .join(",");
}

/** `text` split at `separator` outside strings, parentheses and brackets. */
function splitTopLevel(text, separator) {
  const parts = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = stringEnd(text, i) - 1;
    else if (c === "\\") i++;
    else if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  parts.push(text.slice(from).trim());
  return parts.filter(Boolean);
}
