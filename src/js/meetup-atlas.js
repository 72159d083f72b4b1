// meetup-atlas: the one script a page loads. It starts the atlas on the hosted page
// (elements marked data-meetup-atlas) and defines <meetup-atlas> for other sites.
// Source: src/js/meetup-atlas.js; the build (src/js/finish-dist.mjs) fills in the
// hashed file names, so this file itself is served with no-cache.

// Leptos' hydration reads what a server streamed along with a page; a prerendered page
// has none of it (and no inline script to carry it under a strict CSP).
for (const name of ["__RESOLVED_RESOURCES", "__SERIALIZED_ERRORS", "__INCOMPLETE_CHUNKS"]) globalThis[name] ??= [];

const here = (path) => new URL(path, import.meta.url).href;
const GLUE = here("__GLUE__");
// On a prerendered page the atlas is drawn already: the wasm, the feed and the basemap
// that bring it to life are fetched once that first view is painted, not before it. The
// browser says when it was (first-contentful-paint): a frame's callbacks run some 30 ms
// before its paint is shown, and the wasm's 400 KB then shared the link with it.
const prerendered = document.querySelector("[data-meetup-atlas][data-prerendered]");
const painted = prerendered
  ? new Promise((resolve) => {
      if (PerformanceObserver.supportedEntryTypes?.includes("paint")) {
        new PerformanceObserver((list, observer) => {
          if (!list.getEntriesByName("first-contentful-paint").length) return;
          observer.disconnect();
          resolve();
        }).observe({ type: "paint", buffered: true });
      } else {
        requestAnimationFrame(() => setTimeout(resolve, 0));
      }
      setTimeout(resolve, 1000); // a hidden tab paints nothing
    })
  : Promise.resolve();
if (prerendered) {
  painted.then(() => {
    // The manifest (installing the atlas, which its service worker keeps offline), named
    // here and not in the page: Chromium fetches a linked one while the page loads, and
    // Lighthouse counts each request that ends before the first paint in the largest
    // paint's time (docs/decisions.md, "The largest paint is the first"). By its
    // absolute address: the atlas moves the page's address between the site's folders (an
    // event's page is events/<id>/). (The icon is in the page, as a data: address.)
    document.head.append(Object.assign(document.createElement("link"), { rel: "manifest", href: here("manifest.webmanifest") }));
    for (const [attribute, fallback] of [["data-feed", "feed.json"], ["data-basemap", "basemap.json"]]) {
      const link = Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", crossOrigin: "anonymous" });
      link.href = prerendered.getAttribute(attribute) ?? fallback;
      document.head.append(link);
    }
  });
}
// Compiled once; the page's hosts share the first instance, each element gets its own
// (see instance() below), so an element that crashes leaves the others working.
const compiled = painted.then(() => compile(here("__WASM__")));
// The browser's date formatting: an atlas asks for it once live, and writes days as the
// build does until it is loaded (src/ui/intl/browser.rs). Loading it costs a slow phone's
// main thread some 100 ms the first time a page uses it, most of it locale data that all
// the page's threads share: a worker loads it on another core (intl-warm.js). A worker
// comes from the page's own origin only: on another site's page the answer is at once.
const INTL_WANTED = "meetup-atlas-intl-wanted";
const INTL_READY = "meetup-atlas-intl-ready";
let intl;
document.addEventListener(INTL_WANTED, () => {
  intl ??= new Promise((resolve) => {
    if (new URL(import.meta.url).origin !== location.origin) return resolve();
    try {
      const worker = new Worker(here("intl-warm.js"));
      worker.onmessage = worker.onerror = () => resolve();
    } catch {
      resolve();
    }
  });
  intl.then(() => document.dispatchEvent(new Event(INTL_READY)));
});
// The wasm-bindgen glue too: imported once the page is painted, for the same reason.
const started = painted.then(() => import(GLUE)).then((glue) => glue.default({ module_or_path: compiled }));
const STYLESHEET = here("__CSS__");

async function compile(url) {
  let module;
  try {
    module = await WebAssembly.compileStreaming(fetch(url));
  } catch {
    // A server that does not say application/wasm: compile from the bytes instead.
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    module = await WebAssembly.compile(await response.arrayBuffer());
  }
  // Instantiated in a task of its own: the compile's last step and the start of the wasm
  // together made the longest task of a prerendered page's take-over.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return module;
}

let instances = 0;
/** A fresh instance of the wasm, with its own memory and its own Leptos runtime. */
async function instance() {
  const glue = await import(`${GLUE}?instance=${++instances}`);
  await glue.default({ module_or_path: await compiled });
  return glue;
}

// The hosted page works offline; an element on someone else's page leaves their site alone.
// Its service worker is installed once the atlas is live and the page idle: installing
// fetches and saves the shell and the feed again, and during the take-over that slowed
// it (a 10,000-event feed ready some 100 ms later in tests/bench/perf.mjs; Lighthouse's
// blocking time about doubled; docs/decisions.md).
const offline = document.querySelector("[data-meetup-atlas][data-offline]");
if (offline && "serviceWorker" in navigator) {
  // An atlas that never comes to life (a crash) still gets it, later.
  const later = started.then(() => new Promise((resolve) => setTimeout(resolve, 10000)));
  Promise.race([live(offline), later])
    .then(idle)
    .then(() => navigator.serviceWorker.register(here("sw.js")))
    .catch(() => {});
}

/** Resolves once the atlas in `host` is live (`data-meetup-atlas-live`, set by the wasm). */
function live(host) {
  const isLive = () => host.hasAttribute("data-meetup-atlas-live");
  return new Promise((resolve) => {
    if (isLive()) return resolve();
    const observer = new MutationObserver(() => {
      if (!isLive()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(host, { attributes: true, attributeFilter: ["data-meetup-atlas-live"] });
  });
}

/** Resolves when the browser has nothing else to do (at most a second on). */
function idle() {
  return new Promise((resolve) => {
    if ("requestIdleCallback" in window) requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 200);
  });
}

// In an iframe (?embed=frame): tell the parent page how tall the content is, so its
// few lines of script (see the "Embed" dialog) can size the frame. Only the parent's
// origin may read it when the browser says which one that is.
if (new URLSearchParams(location.search).get("embed") === "frame" && window.parent !== window) {
  let parentOrigin = "*";
  try {
    parentOrigin = new URL(document.referrer).origin;
  } catch {}
  let sent = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== sent) {
      sent = height;
      window.parent.postMessage({ type: "meetup-atlas:height", height }, parentOrigin);
    }
  }).observe(document.body);
}

const FAILED = {
  en: "Meetup Atlas could not start on this page (it needs WebAssembly).",
  fr: "L’Atlas des rencontres n’a pas pu démarrer dans cette page (il lui faut WebAssembly).",
};
const failedText = (lang) => (lang?.toLowerCase().startsWith("fr") ? FAILED.fr : FAILED.en);

const CRASHED = {
  en: ["Something went wrong and the atlas stopped.", "Reload it to start it again.", "Reload"],
  fr: ["Un problème est survenu et l’atlas s’est arrêté.", "Rechargez-le pour le relancer.", "Recharger"],
};

/** The crash notice, in `host` (a page's host, or an element's box): for a trap, which no
 * hook sees, and for a panic, whose hook (src/ui/crash.rs) asks for it with an event. */
function crashNotice(host, focus = false) {
  if (host.querySelector(".ma-crashed")) return;
  const lang = host.querySelector(".meetup-atlas")?.getAttribute("lang") === "fr" ? "fr" : "en";
  const [title, hint, action] = CRASHED[lang];
  const root = document.createElement("div");
  root.className = "meetup-atlas";
  root.lang = lang;
  const alert = root.appendChild(document.createElement("div"));
  alert.className = "ma-error ma-crashed";
  alert.setAttribute("role", "alert");
  alert.appendChild(document.createElement("p")).appendChild(document.createElement("strong")).textContent = title;
  alert.appendChild(document.createElement("p")).textContent = hint;
  const button = alert.appendChild(document.createElement("button"));
  button.type = "button";
  button.className = "ma-button";
  button.dataset.maReload = "";
  button.textContent = action;
  host.replaceChildren(root);
  if (focus) button.focus();
}

// A trap that is not a panic (out of memory, a stack overflow) runs no hook: which
// instance it was cannot be told, so every atlas of the page says so.
const onTrap = (error) => {
  if (!(error instanceof WebAssembly.RuntimeError)) return;
  for (const host of document.querySelectorAll("[data-meetup-atlas-mounted]")) crashNotice(host);
  for (const element of document.querySelectorAll("meetup-atlas")) element.crashed();
};
addEventListener("error", (event) => onTrap(event.error));
// A panic: its instance names each of its atlases (CRASH_EVENT; from inside an element's
// shadow root, the first of the event's path).
document.addEventListener("meetup-atlas-crash", (event) => crashNotice(event.composedPath()[0], true));
addEventListener("unhandledrejection", (event) => onTrap(event.reason));

// The crash notice's button: the hosted page starts again by reloading.
document.addEventListener("click", (event) => {
  const button = event.target.closest?.("[data-meetup-atlas] [data-ma-reload]");
  if (button) location.reload();
});

// Where the wasm cannot run (an old browser, a page's CSP), say so instead of a blank space.
// A prerendered atlas stays, to be read as it is; the notice goes above it.
started.catch(() => {
  for (const host of document.querySelectorAll("[data-meetup-atlas]")) {
    const message = document.createElement("p");
    message.setAttribute("role", "alert");
    message.textContent = failedText(host.dataset.lang ?? document.documentElement.lang);
    if (host.hasAttribute("data-prerendered")) host.prepend(message);
    else host.replaceChildren(message);
  }
});

/** <meetup-atlas feed lang views hide height theme basemap>: an atlas in its own shadow root. */
class MeetupAtlasElement extends HTMLElement {
  static observedAttributes = ["feed", "basemap", "lang", "views", "hide", "height"];
  #mounted = null;
  #glue = null;
  #box = null;
  #generation = 0;

  connectedCallback() {
    this.#render();
  }

  /** Shows the crash notice (for a trap that ran no panic hook). */
  crashed() {
    if (this.#box) crashNotice(this.#box);
  }

  disconnectedCallback() {
    this.#generation++;
    this.#unmount();
  }

  attributeChangedCallback(name) {
    if (name === "height") this.#size();
    else if (this.#mounted) this.#render();
  }

  #unmount() {
    try {
      this.#mounted?.unmount();
    } catch {
      // A crashed instance: nothing of it to take down.
    }
    this.#mounted = null;
  }

  #size() {
    const height = this.getAttribute("height");
    if (!this.#box) return;
    // With a height, the map and the list share the box (the stylesheet sizes the map by
    // --ma-box-height) rather than the page scrolling inside it.
    const sized = Boolean(height && CSS.supports("height", height));
    if (sized) {
      this.#box.style.setProperty("height", height);
      this.#box.style.setProperty("--ma-box-height", height);
    } else {
      this.#box.style.removeProperty("height");
      this.#box.style.removeProperty("--ma-box-height");
    }
    this.#box.classList.toggle("ma-sized", sized);
  }

  async #render() {
    const generation = ++this.#generation;
    const root = this.shadowRoot ?? this.#attach();
    const stylesheet = document.createElement("link");
    stylesheet.rel = "stylesheet";
    stylesheet.href = STYLESHEET;
    const loaded = new Promise((resolve) => {
      stylesheet.onload = stylesheet.onerror = resolve;
    });
    const box = document.createElement("div");
    box.className = "ma-box";
    let failed = false;
    let glue;
    try {
      await started;
      // One instance per element, kept across redraws; a crash alone asks for a new one.
      this.#glue ??= instance();
      glue = await this.#glue;
    } catch {
      failed = true;
    }
    if (generation !== this.#generation || !this.isConnected) return;
    this.#unmount();
    // A prerendered atlas in the page's own HTML stays in view until this one is drawn.
    const prerendered = this.querySelector(":scope > .meetup-atlas") ? [document.createElement("slot")] : [];
    root.replaceChildren(stylesheet, ...prerendered, box);
    this.#box = box;
    this.#size();
    const lang = this.getAttribute("lang") || undefined;
    if (failed) {
      // Said above the prerendered atlas, if any, which can still be read.
      box.textContent = failedText(lang);
      root.prepend(box);
      return;
    }
    // Drawn once the styles are in, so the page never sees the atlas unstyled.
    await loaded;
    if (generation !== this.#generation || !this.isConnected) return;
    // Each address absolute: `feed` may name several, separated by spaces.
    const url = (name, fallback) => {
      const value = this.getAttribute(name)?.trim();
      return value ? value.split(/\s+/).map((one) => new URL(one, document.baseURI).href).join(" ") : here(fallback);
    };
    const attribute = (name) => this.getAttribute(name) || undefined;
    // The options the wasm reads (ElementOptions in src/ui/mount.rs).
    const options = { feed: url("feed", "feed.json"), basemap: url("basemap", "basemap.json"), lang, views: attribute("views"), hide: attribute("hide") };
    this.#mounted = glue.mountElement(box, options);
    for (const slot of prerendered) slot.remove();
  }

  #attach() {
    const root = this.attachShadow({ mode: "open" });
    // A prerendered atlas in the page's own HTML (the Hugo shortcode's prerendered=)
    // stays in view while the wasm loads.
    if (this.querySelector(":scope > .meetup-atlas")) root.append(document.createElement("slot"));
    // The crash notice's button: this element starts again in a fresh instance (the
    // crashed one is left alone; its memory goes with it).
    root.addEventListener("click", (event) => {
      if (event.target.closest?.("[data-ma-reload]")) {
        this.#mounted = null;
        this.#glue = null;
        this.#render();
      }
    });
    return root;
  }
}

if (!customElements.get("meetup-atlas")) customElements.define("meetup-atlas", MeetupAtlasElement);
