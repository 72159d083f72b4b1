// meetup-atlas: the one script a page loads. It starts the atlas on the hosted page
// (elements marked data-meetup-atlas) and defines <meetup-atlas> for other sites.
// Source: src/js/meetup-atlas.js; the build (src/js/finish-dist.mjs) fills in the
// hashed file names, so this file itself is served with no-cache.
import init, { mountElement } from "./__GLUE__";

const here = (path) => new URL(path, import.meta.url).href;
const started = init({ module_or_path: here("__WASM__") });
const STYLESHEET = here("__CSS__");

// The hosted page works offline; an element on someone else's page leaves their site alone.
if (document.querySelector("[data-meetup-atlas][data-offline]") && "serviceWorker" in navigator) {
  started.then(() => navigator.serviceWorker.register(here("sw.js"))).catch(() => {});
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

// Where the wasm cannot run (an old browser, a page's CSP), say so instead of a blank space.
started.catch(() => {
  for (const host of document.querySelectorAll("[data-meetup-atlas]")) {
    const message = document.createElement("p");
    message.setAttribute("role", "alert");
    message.textContent = failedText(host.dataset.lang ?? document.documentElement.lang);
    host.replaceChildren(message);
  }
});

/** <meetup-atlas feed lang views height theme basemap>: an atlas in its own shadow root. */
class MeetupAtlasElement extends HTMLElement {
  static observedAttributes = ["feed", "basemap", "lang", "views", "height"];
  #mounted = null;
  #box = null;
  #generation = 0;

  connectedCallback() {
    this.#render();
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
    this.#mounted?.unmount();
    this.#mounted = null;
  }

  #size() {
    const height = this.getAttribute("height");
    if (!this.#box) return;
    if (height && CSS.supports("height", height)) this.#box.style.setProperty("height", height);
    else this.#box.style.removeProperty("height");
  }

  async #render() {
    const generation = ++this.#generation;
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    const stylesheet = document.createElement("link");
    stylesheet.rel = "stylesheet";
    stylesheet.href = STYLESHEET;
    const loaded = new Promise((resolve) => {
      stylesheet.onload = stylesheet.onerror = resolve;
    });
    const box = document.createElement("div");
    box.className = "ma-box";
    let failed = false;
    try {
      await started;
    } catch {
      failed = true;
    }
    if (generation !== this.#generation || !this.isConnected) return;
    this.#unmount();
    root.replaceChildren(stylesheet, box);
    this.#box = box;
    this.#size();
    const lang = this.getAttribute("lang") || undefined;
    if (failed) {
      box.textContent = failedText(lang);
      return;
    }
    // Drawn once the styles are in, so the page never sees the atlas unstyled.
    await loaded;
    if (generation !== this.#generation || !this.isConnected) return;
    const url = (name, fallback) => {
      const value = this.getAttribute(name);
      return value ? new URL(value, document.baseURI).href : here(fallback);
    };
    this.#mounted = mountElement(box, url("feed", "feed.json"), url("basemap", "basemap.json"), lang, this.getAttribute("views") || undefined);
  }
}

if (!customElements.get("meetup-atlas")) customElements.define("meetup-atlas", MeetupAtlasElement);
