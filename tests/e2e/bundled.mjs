// The bundled feed, and the counts the tests expect from it: taken from the feed itself, so
// that an edit of the feed does not break tests that do not test its content.
import { readFileSync } from "node:fs";

export const bundled = JSON.parse(readFileSync(new URL("../../public/feed.json", import.meta.url), "utf8"));
/** Events in the bundled feed. */
export const EVENTS = bundled.events.length;
/** Of them, those whose exact day is not known (`between`). */
export const UNCERTAIN = bundled.events.filter((e) => e.when.type === "between").length;
