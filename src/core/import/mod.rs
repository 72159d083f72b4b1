//! feed-import: the exports communities already have (iCalendar from Meetup, Luma, Google
//! and Outlook; CSV from a spreadsheet; our own feeds) turned into one feed that passes
//! feed-check. Each reader gives `Record`s, events as their source says them; `build`
//! decides places (the gazetteer), ids and duplicates; `merge` joins several feeds.
//! Nothing is invented: what a source does not say is left out, and what cannot be
//! read is reported (`Note`) with the rest kept. Native only for now (its crates stay
//! out of the atlas' wasm).

pub mod build;
pub mod gazetteer;
pub mod ical;
pub mod ids;
pub mod model;
pub mod spreadsheet;
pub mod zones;

use serde::Serialize;

use super::feed::{Feed, Source, Text, Written};
use super::load::SCHEMA_VERSION;
pub use model::{Day, Location, Note, Options, Read, Record, Time};

/// The format of an input, from its name and first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Ical,
    Csv,
    Feed,
}

impl Format {
    pub fn of(name: &str, text: &str) -> Format {
        let start = text.trim_start_matches('\u{feff}').trim_start();
        let lower = name.to_ascii_lowercase();
        if start.starts_with("BEGIN:VCALENDAR") || lower.ends_with(".ics") || lower.ends_with(".ical") {
            Format::Ical
        } else if start.starts_with('{') || lower.ends_with(".json") {
            Format::Feed
        } else {
            Format::Csv
        }
    }
}

/// The outcome: a feed, and what was reported on the way.
pub struct Imported {
    pub feed: Feed,
    pub notes: Vec<Note>,
}

impl Imported {
    /// The feed file's text (pretty JSON, `schema_version` first).
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct File<'a> {
            schema_version: u64,
            #[serde(flatten)]
            feed: &'a Feed,
        }
        serde_json::to_string_pretty(&File { schema_version: SCHEMA_VERSION, feed: &self.feed })
            .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"))
    }
}

/// Imports files (`(name, text)`): each becomes a feed, and several are merged.
pub fn import(files: &[(String, String)], options: &Options) -> Imported {
    // Read once per process (34,000 cities): the import page and tests import many times.
    static GAZETTEER: std::sync::OnceLock<gazetteer::Gazetteer> = std::sync::OnceLock::new();
    let gazetteer = GAZETTEER.get_or_init(gazetteer::Gazetteer::new);
    let mut notes = Vec::new();
    let mut feeds = Vec::new();
    for (name, text) in files {
        let feed = match Format::of(name, text) {
            Format::Ical => {
                let read = ical::read(name, text, options, &mut notes);
                build::feed(read, name, options, gazetteer, &mut notes)
            }
            Format::Csv => {
                let read = spreadsheet::read(name, text, &mut notes);
                build::feed(read, name, options, gazetteer, &mut notes)
            }
            Format::Feed => match load_feed(name, text, &mut notes) {
                Some(feed) => feed,
                None => continue,
            },
        };
        feeds.push((ids::file_name(name), feed));
    }
    if feeds.is_empty() {
        // Nothing could be read: an empty feed named after the first file, and the notes say why.
        let name = files.first().map_or("events", |(name, _)| name.as_str());
        feeds.push((ids::file_name(name), build::feed(Read::default(), name, options, gazetteer, &mut notes)));
    }
    let several = feeds.len() > 1;
    let title = options.title.clone().map(|t| Text { en: t.clone(), fr: t, written: Written::Source });
    let mut copies = Vec::new();
    let mut feed = super::merge::merge(feeds, title, &mut copies);
    notes.extend(
        copies
            .into_iter()
            .map(|p| Note { message: super::i18n::problem_text(super::Lang::En, &p.kind), origin: p.path }),
    );
    if several {
        feed.source = Some(Source {
            publisher: None,
            title: feed.title.en.clone(),
            language: options.language.clone(),
            published: options.today.format("%Y-%m-%d").to_string(),
            url: None,
        });
    }
    Imported { feed, notes }
}

/// A feed file, validated as the atlas reads it; its problems become notes.
fn load_feed(name: &str, text: &str, notes: &mut Vec<Note>) -> Option<Feed> {
    match super::load::load(text) {
        Ok(loaded) => {
            for problem in loaded.problems {
                notes.push(Note { origin: format!("{name}: {}", problem.path), message: problem.to_string() });
            }
            Some(loaded.feed)
        }
        Err(error) => {
            let message = super::i18n::load_error_text(super::Lang::En, &super::load::LoadError::Feed(error));
            notes.push(Note { origin: name.to_owned(), message });
            None
        }
    }
}
