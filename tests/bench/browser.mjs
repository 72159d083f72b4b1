// The benchmarks' browser: Debian's Chromium with the end-to-end tests' switches
// (tests/e2e/chromium.mjs), driven by their Playwright. `extraArgs` add to those switches.
import { createRequire } from "node:module";
import { chromiumPath, chromiumSwitches } from "../e2e/chromium.mjs";

const require = createRequire(new URL("../e2e/package.json", import.meta.url));
const { chromium } = require("playwright-core");

export function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumSwitches, ...extraArgs] });
}
