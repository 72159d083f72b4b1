// meetup-atlas: each page of the site is prerendered in each language (English at the
// root, French in fr/; an event's page in events/<id>/ and fr/events/<id>/), and says
// where its other language's page is (<html data-other-lang>). Inline in each page's
// <head> (core::head, without this comment), run before anything is drawn; the
// documented CSP allows it by its hash, which any change here changes (tests/contracts.rs
// says the new one). The English address is the default: a visitor is
// sent to the page of their language there, chosen as the app chooses (Lang::choose):
// ?lang= → the saved choice → the browser's languages → English. A French address is
// itself a choice (a shared link, a bookmark): only ?lang= leaves it.
(() => {
  const page = document.documentElement.lang;
  const ours = (tag) => {
    const primary = String(tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
    return primary === "en" || primary === "fr" ? primary : null;
  };
  const query = ours(new URLSearchParams(location.search).get("lang"));
  let wanted = query ?? page;
  if (page === "en" && !query) {
    let saved = null;
    try {
      saved = localStorage.getItem("meetup-atlas.lang");
    } catch {}
    wanted = ours(saved) ?? (navigator.languages ?? [navigator.language]).map(ours).find(Boolean) ?? "en";
  }
  if (wanted === page) return;
  const there = document.documentElement.dataset.otherLang;
  if (!there) return;
  location.replace(new URL(there, location.href).pathname + location.search + location.hash);
})();
