// meetup-atlas: the hosted page is prerendered in each language (English at the root,
// French in fr/). Loaded blocking in <head>, before anything is drawn: a visitor whose
// language is the other one goes to its page at once. The same choice as the app's
// (Lang::choose): ?lang= → the saved choice → the browser's languages → English.
(() => {
  const page = document.documentElement.lang;
  const ours = (tag) => {
    const primary = String(tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
    return primary === "en" || primary === "fr" ? primary : null;
  };
  let saved = null;
  try {
    saved = localStorage.getItem("meetup-atlas.lang");
  } catch {}
  const query = new URLSearchParams(location.search).get("lang");
  const wanted =
    ours(query) ?? ours(saved) ?? (navigator.languages ?? [navigator.language]).map(ours).find(Boolean) ?? "en";
  if (wanted === page) return;
  const there = page === "en" ? "fr/" : "../";
  location.replace(new URL(there, location.href).pathname + location.search + location.hash);
})();
