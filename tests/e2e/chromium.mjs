// Debian's Chromium as the tests and the benchmarks launch it: headless, with nothing of
// its own running beside the page (no background networking, component updates or sync).
export const chromiumPath = "/usr/bin/chromium";
export const chromiumSwitches = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
