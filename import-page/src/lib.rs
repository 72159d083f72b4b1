//! The import page's wasm (`dist/import/`): the same `core::import` as `feed-import`,
//! compiled on its own so that the atlas' wasm never carries it. The page (`public/import.html`)
//! hands it the dropped files' names and texts; it answers with the feed and the notes, and
//! gives the page its words from the one table of both languages (`core::i18n`).

use std::collections::BTreeMap;

use meetup_atlas::core::i18n::{self, Msg};
use meetup_atlas::core::import::{self, Options};
use meetup_atlas::core::{load, Lang};
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;

/// The page's words: each element with `data-word="ImportTitle"` shows `Msg::ImportTitle`.
const WORDS: [Msg; 10] = [
    Msg::ImportTitle,
    Msg::ImportIntro,
    Msg::ImportChoose,
    Msg::ImportTextsIn,
    Msg::ImportReading,
    Msg::ImportNoEvent,
    Msg::ImportNotes,
    Msg::ImportDownload,
    Msg::ImportPreview,
    Msg::ImportHowTo,
];

fn lang_of(tag: &str) -> Lang {
    Lang::from_tag(tag).unwrap_or(Lang::En)
}

/// The page's words in `lang` (a tag), as JSON: `{"ImportTitle": "…", …, "other": "Français"}`.
#[wasm_bindgen]
pub fn page_words(lang: String) -> String {
    let lang = lang_of(&lang);
    let mut words: BTreeMap<String, &str> = WORDS.iter().map(|m| (format!("{m:?}"), m.text(lang))).collect();
    let other = match lang {
        Lang::En => Lang::Fr,
        Lang::Fr => Lang::En,
    };
    words.insert("other".into(), other.endonym());
    words.insert("otherTag".into(), other.tag());
    serde_json::to_string(&words).unwrap_or_default()
}

/// What the page shows after an import.
#[derive(Serialize)]
struct Outcome {
    /// The feed's text, to download and to preview.
    feed: String,
    /// "12 events at 4 places, from 2 files."
    summary: String,
    events: usize,
    /// What could not be read, or was read with a guess ("file: entry: message"), in English.
    notes: Vec<String>,
    /// Problems the atlas finds in the feed written (none, unless the import has a bug).
    problems: usize,
}

/// Imports `names[i]`/`texts[i]`. `language`: the texts' language; `today` (YYYY-MM-DD):
/// repeating events are expanded from a year before to two after; `lang`: the page's.
#[wasm_bindgen]
pub fn import_files(names: Vec<String>, texts: Vec<String>, language: String, today: String, lang: String) -> String {
    let today = import::Day::parse_from_str(&today, "%Y-%m-%d").unwrap_or_default();
    let mut options = Options::new(today);
    if Lang::from_tag(&language).is_some() {
        options.language = language;
    }
    let files: Vec<(String, String)> = names.into_iter().zip(texts).collect();
    let imported = import::import(&files, &options);
    let feed = imported.to_json();
    let f = &imported.feed;
    let outcome = Outcome {
        problems: load::load(&feed).map(|l| l.problems.len()).unwrap_or(usize::MAX),
        summary: i18n::import_summary(lang_of(&lang), f.events.len(), f.places.len(), files.len()),
        events: f.events.len(),
        notes: imported.notes.iter().map(ToString::to_string).collect(),
        feed,
    };
    serde_json::to_string(&outcome).unwrap_or_default()
}
