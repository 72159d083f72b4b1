// The import page: the dropped files are read here and handed to the import wasm (the same
// Rust as feed-import, src/core/import); the feed it makes is offered for download and
// previewed in the atlas element. Nothing leaves the visitor's machine.
import init, { import_files, page_words } from "./wasm/import.js";

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const lang = (params.get("lang") ?? navigator.language ?? "en").toLowerCase().startsWith("fr") ? "fr" : "en";
let preview = null;

// The page's words, once the wasm is in. Files chosen before then are read once it is:
// the listeners below are there from the start, so no choice is lost while it loads.
const started = init({ module_or_path: new URL("wasm/import_bg.wasm", import.meta.url) }).then(() => {
  const words = JSON.parse(page_words(lang));
  document.documentElement.lang = lang;
  document.title = `${words.ImportTitle} — Meetup Atlas`;
  for (const element of document.querySelectorAll("[data-word]")) element.textContent = words[element.dataset.word];
  Object.assign($("other-lang"), { textContent: words.other, href: `?lang=${words.otherTag}`, lang: words.otherTag, hreflang: words.otherTag });
  $("other-lang").setAttribute("hreflang", words.otherTag);
  $("language").value = lang;
  return words;
}, (error) => {
  // Said in the visitor's language; nothing is offered that cannot be read.
  console.error("meetup-atlas import:", error);
  $(`failed-${lang}`).hidden = false;
  $("files").disabled = $("language").disabled = true;
  return null;
});

async function importFiles(files) {
  if (!files.length) return;
  const words = await started;
  if (!words) return;
  $("result").hidden = false;
  $("summary").textContent = words.ImportReading;
  const texts = await Promise.all([...files].map((file) => file.text()));
  const today = new Date().toISOString().slice(0, 10);
  const outcome = JSON.parse(import_files([...files].map((f) => f.name), texts, $("language").value, today, lang));
  $("summary").textContent = outcome.events ? outcome.summary : words.ImportNoEvent;
  $("note-list").replaceChildren(...outcome.notes.map((note) => Object.assign(document.createElement("li"), { textContent: note })));
  $("notes").hidden = outcome.notes.length === 0;
  const download = $("download");
  if (download.href) URL.revokeObjectURL(download.href);
  const url = URL.createObjectURL(new Blob([outcome.feed + "\n"], { type: "application/json" }));
  // The file name too: an <a download> with no address yet is not valid HTML.
  Object.assign(download, { href: url, download: "feed.json", hidden: outcome.events === 0 });
  // The atlas, drawn from the feed just made (a blob: address of this page).
  preview?.remove();
  $("preview-title").hidden = outcome.events === 0;
  if (outcome.events) {
    preview = document.createElement("meetup-atlas");
    preview.setAttribute("feed", url);
    preview.setAttribute("lang", lang);
    preview.setAttribute("height", "36rem");
    $("preview").append(preview);
  }
}

$("files").addEventListener("change", (event) => importFiles(event.target.files));
$("language").addEventListener("change", () => importFiles($("files").files));
const drop = $("drop");
drop.addEventListener("dragover", (event) => {
  event.preventDefault();
  drop.classList.add("is-over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("is-over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("is-over");
  importFiles(event.dataTransfer.files);
});
