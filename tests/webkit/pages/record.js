// Keeps what a page's console would show as a fault, in window.__recorded. Served only by
// the tests' recording server (tests/e2e/serve.sh, port 4175), first in the <head> of every
// page, for a driver that cannot read the console (WebKit's); the Playwright suite gives it
// to each page as an init script (tests/e2e/engines.spec.mjs).
(() => {
  const recorded = (window.__recorded = []);
  const keep = (kind, text) => recorded.push({ kind, text: String(text), at: location.pathname + location.search });
  addEventListener("error", (e) => keep("error", e.message || (e.target && e.target.outerHTML) || e), true);
  // WebKit's Error stack does not hold the message: both, then.
  const reason = (r) => (r && r.stack ? (String(r.stack).includes(r.message) ? r.stack : `${r}\n${r.stack}`) : r);
  addEventListener("unhandledrejection", (e) => keep("unhandledrejection", reason(e.reason)));
  addEventListener("securitypolicyviolation", (e) => keep("securitypolicyviolation", `${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    keep("console.error", args.map(String).join(" "));
    consoleError(...args);
  };
})();
