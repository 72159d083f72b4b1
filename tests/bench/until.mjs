// Waits until `predicate` (a function without arguments, run in the page) is true,
// polled by the page's own timers. Playwright's waitForFunction and waitForSelector
// put its selector engine in the page first: a script of 10–25 ms to compile (4× that
// with the CPU slowed), evaluated mid-load, in the very take-over a benchmark measures.
export function until(page, predicate, timeout = 120000) {
  return page.evaluate(`new Promise((resolve, reject) => {
    const predicate = ${predicate};
    const started = performance.now();
    const check = () => {
      if (predicate()) resolve();
      else if (performance.now() - started > ${timeout}) reject(new Error("not true after ${timeout} ms: " + predicate));
      else setTimeout(check, 20);
    };
    check();
  })`);
}
