//! What the wasm and the page's scripts must agree on, held equal: the service worker's
//! headers and the largest feed it keeps, the key of the saved language, and the words
//! of the crash notice that the script draws for the traps the wasm cannot see, and of
//! its notice that the wasm could not start, and the browser's date formatting: the
//! events an atlas asks for it and is told with, and the formats the page's worker makes.
#![cfg(not(target_arch = "wasm32"))]

use meetup_atlas::core::head;
use meetup_atlas::core::i18n::{self, Lang, Msg};
use meetup_atlas::core::lang::SAVED_LANG_KEY;
use meetup_atlas::core::load::MAX_FEED_BYTES;
use meetup_atlas::core::offline::{SavedBecause, SAVED_AT_HEADER, SAVED_BECAUSE_HEADER};
use meetup_atlas::ui::crash::CRASH_EVENT;
use meetup_atlas::ui::intl::{DAY_OPTIONS, INTL_READY_EVENT, INTL_WANTED_EVENT, YEAR_OPTION};

fn script(name: &str) -> String {
    std::fs::read_to_string(format!("src/js/{name}")).unwrap()
}

/// The string a script assigns to `const NAME = "…";`.
fn constant<'a>(text: &'a str, name: &str) -> &'a str {
    let start = format!("const {name} = ");
    let at = text.find(&start).unwrap_or_else(|| panic!("no const {name}")) + start.len();
    text[at..].split(';').next().unwrap().trim()
}

#[test]
fn the_service_worker_and_the_wasm_name_the_same_headers() {
    let sw = script("sw.js");
    assert_eq!(constant(&sw, "SAVED_AT"), format!("\"{SAVED_AT_HEADER}\""));
    assert_eq!(constant(&sw, "SAVED_BECAUSE"), format!("\"{SAVED_BECAUSE_HEADER}\""));
}

#[test]
fn every_reason_the_service_worker_gives_is_read_as_itself() {
    let sw = script("sw.js");
    // Each `because: "…"` (or a `status N` template) the worker writes.
    let mut reasons: Vec<String> = sw
        .match_indices("because: ")
        .filter_map(|(at, found)| {
            let rest = &sw[at + found.len()..];
            let inner = rest.strip_prefix('"').and_then(|r| r.split('"').next());
            // `response.ok ? "not-a-feed" : \`status ${…}\``
            let ternary = rest.split('?').nth(1).and_then(|r| r.split('"').nth(1));
            inner.or(ternary).map(str::to_owned)
        })
        .collect();
    assert!(sw.contains("`status ${response.status}`"), "the worker says its status as `status N`");
    reasons.push("status 503".into());
    reasons.sort();
    reasons.dedup();
    assert_eq!(reasons, ["not-a-feed", "offline", "status 503", "timeout"]);
    let read: Vec<SavedBecause> = reasons.iter().map(|r| SavedBecause::parse(Some(r))).collect();
    assert_eq!(read, [SavedBecause::NotAFeed, SavedBecause::Offline, SavedBecause::Status(503), SavedBecause::Timeout]);
}

#[test]
fn the_service_worker_keeps_no_feed_the_atlas_would_refuse() {
    let sw = script("sw.js");
    let bytes: usize = constant(&sw, "MAX_BYTES").split('*').map(|n| n.trim().parse::<usize>().unwrap()).product();
    assert_eq!(bytes, MAX_FEED_BYTES);
}

#[test]
fn the_language_redirect_reads_the_choice_the_atlas_saves() {
    let redirect = script("lang-redirect.js");
    assert!(redirect.contains(&format!("localStorage.getItem(\"{SAVED_LANG_KEY}\")")), "{redirect}");
}

#[test]
fn the_documented_policy_allows_the_pages_inline_redirect_by_its_hash() {
    use base64::Engine;
    use sha2::Digest;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(head::lang_redirect()));
    let conf = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/nginx/meetup-atlas.conf")).unwrap();
    let policy = conf.lines().find(|l| l.contains("Content-Security-Policy")).unwrap();
    let scripts = policy.split(';').find(|d| d.trim_start().starts_with("script-src")).unwrap();
    assert!(scripts.split_whitespace().any(|s| s == format!("'sha256-{hash}'")), "{scripts} lacks 'sha256-{hash}'");
    // The whole script: its code, and not its opening comment.
    let redirect = head::lang_redirect();
    assert!(redirect.starts_with("(() => {") && redirect.ends_with("})();"), "{redirect}");
    assert!(!redirect.contains("</"), "{redirect}");
}

/// The strings a script's `const NAME = { en: …, fr: … };` gives `lang`.
fn words_of(text: &str, name: &str, lang: Lang) -> Vec<String> {
    let table = &text[text.find(&format!("const {name} = {{")).unwrap_or_else(|| panic!("no {name}"))..];
    let table = &table[..table.find("};").unwrap()];
    let line = table.lines().find(|l| l.trim_start().starts_with(&format!("{}: ", lang.tag()))).unwrap();
    line.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

#[test]
fn the_scripts_crash_notice_says_what_the_wasm_says() {
    let element = script("meetup-atlas.js");
    for lang in Lang::ALL {
        let expected = [Msg::Crashed, Msg::CrashedHint, Msg::Reload].map(|m| m.text(lang));
        assert_eq!(words_of(&element, "CRASHED", lang), expected, "{lang:?}");
    }
}

#[test]
fn the_scripts_notice_that_the_wasm_could_not_start_is_worded_in_i18n() {
    let element = script("meetup-atlas.js");
    for lang in Lang::ALL {
        assert_eq!(words_of(&element, "FAILED", lang), [i18n::could_not_start(lang)], "{lang:?}");
    }
}

#[test]
fn the_script_draws_the_notice_the_panic_hook_asks_for() {
    let element = script("meetup-atlas.js");
    assert!(element.contains(&format!("document.addEventListener(\"{CRASH_EVENT}\"")), "{element}");
}

/// `{ key: "value", … }`, as the scripts write an object of strings.
fn js_object(pairs: &[(&str, &str)]) -> String {
    let fields: Vec<String> = pairs.iter().map(|(key, value)| format!("{key}: \"{value}\"")).collect();
    format!("{{ {} }}", fields.join(", "))
}

#[test]
fn the_worker_makes_ahead_the_day_formats_the_atlas_makes() {
    let worker = script("intl-warm.js");
    let locales: Vec<String> = Lang::ALL.iter().map(|lang| format!("\"{}\"", lang.locale())).collect();
    assert_eq!(constant(&worker, "LOCALES"), format!("[{}]", locales.join(", ")));
    assert_eq!(constant(&worker, "DAY"), js_object(&DAY_OPTIONS));
    assert_eq!(constant(&worker, "YEAR"), js_object(&[YEAR_OPTION]));
    // Both shapes, with the year and without, in every locale.
    assert!(worker.contains("for (const options of [{ ...DAY, ...YEAR }, DAY])"), "{worker}");
    assert!(worker.contains("for (const locale of LOCALES)"), "{worker}");
}

#[test]
fn the_script_answers_an_atlas_asking_for_the_date_formatting() {
    let element = script("meetup-atlas.js");
    assert_eq!(constant(&element, "INTL_WANTED"), format!("\"{INTL_WANTED_EVENT}\""));
    assert_eq!(constant(&element, "INTL_READY"), format!("\"{INTL_READY_EVENT}\""));
    assert!(element.contains("document.addEventListener(INTL_WANTED,"), "{element}");
    assert!(element.contains("document.dispatchEvent(new Event(INTL_READY))"), "{element}");
}
