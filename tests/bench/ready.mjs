// Ready, as the benchmarks of a drawn atlas count it (perf.mjs, timelinejs.mjs, ab.mjs):
// the map's markers, the timeline's items and the list of the live atlas (not the page's
// prerendered one, of the bundled feed) are in the DOM and a frame has been drawn. Sets
// `window.__ready`, and `window.__firstMarker` for the first marker alone, in ms since
// navigation; call before `page.goto`, then wait with `until`.
export function noteReady(page) {
  return page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      const live = (selector) => document.querySelector(`[data-meetup-atlas-live] ${selector}`);
      if (window.__firstMarker === undefined && live(".ma-marker")) {
        requestAnimationFrame(() => setTimeout(() => (window.__firstMarker ??= performance.now()), 0));
      }
      if (live(".ma-marker") && live(".ma-tl-event") && live(".ma-event")) {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (window.__ready = performance.now()), 0));
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}
