// meetup-atlas: the hosted page is prerendered in each language (English at the root,
// French in fr/). Loaded blocking in <head>, before anything is drawn. The root is the
// default address: a visitor is sent to the page of their language there, chosen as the
// app chooses (Lang::choose): ?lang= → the saved choice → the browser's languages →
// English. fr/ is itself a choice (a shared link, a bookmark): only ?lang= leaves it.
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
  const there = page === "en" ? "fr/" : "../";
  location.replace(new URL(there, location.href).pathname + location.search + location.hash);
})();
