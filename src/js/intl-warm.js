// meetup-atlas: a worker that meetup-atlas.js starts once an atlas is live. A page's
// first Intl.DateTimeFormat costs some 100 ms with the CPU slowed 4×, most of it the
// browser loading its locale data, which every thread of the page then shares: here it
// is paid on another core, and the atlas' own formats (src/ui/intl/browser.rs), made
// once this says it is done, cost a few ms.
// The locales and the options are the atlas' (tests/contracts.rs holds them equal).
const LOCALES = ["en-CA", "fr-CA"];
const DAY = { timeZone: "UTC", day: "numeric", month: "long" };
const YEAR = { year: "numeric" };
for (const locale of LOCALES) {
  for (const options of [{ ...DAY, ...YEAR }, DAY]) new Intl.DateTimeFormat([locale], options).format(0);
}
postMessage("done");
close();
