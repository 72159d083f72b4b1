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
pub mod spreadsheet;
pub mod zones;

use chrono::{DateTime, Months, NaiveDate, NaiveDateTime, Utc};

/// A calendar day, as the import's options take it (for callers without chrono).
pub type Day = NaiveDate;
use serde::Serialize;

use super::feed::{Attendance, EventKind, Feed, Source, Status, Text, Written};
use super::load::SCHEMA_VERSION;

/// What an import is told.
#[derive(Clone, Debug)]
pub struct Options {
    /// The language of the texts (a BCP 47 tag): the feed's `source.language`.
    pub language: String,
    /// The feed's title; otherwise the calendars' names, or the first file's name.
    pub title: Option<String>,
    /// Repeating events are expanded from `from` to `until`, inclusive.
    pub from: NaiveDate,
    pub until: NaiveDate,
    /// The day of the import: the feed's `source.published`.
    pub today: NaiveDate,
}

impl Options {
    /// The default window: a year back, two ahead.
    pub fn new(today: NaiveDate) -> Options {
        let from = today.checked_sub_months(Months::new(12)).unwrap_or(today);
        let until = today.checked_add_months(Months::new(24)).unwrap_or(today);
        Options { language: "en".into(), title: None, from, until, today }
    }
}

/// Something an import could not read, or read with a guess it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// The file, and the entry in it ("meetup.ics: event 3 (UID …)").
    pub origin: String,
    pub message: String,
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// When an event is, as its source says it.
#[derive(Clone, Debug, PartialEq)]
pub enum Time {
    /// Whole days, both inclusive.
    Days { first: NaiveDate, last: NaiveDate },
    /// Exact instants; `zone` when the source names the event's zone.
    Exact { start: DateTime<Utc>, end: Option<DateTime<Utc>>, zone: Option<chrono_tz::Tz> },
    /// A wall-clock time in no named zone ("floating"): the place's zone is its zone.
    Floating { start: NaiveDateTime, end: Option<NaiveDateTime> },
}

impl Time {
    /// The first day, for ids and duplicates.
    pub fn first_day(&self) -> NaiveDate {
        match self {
            Time::Days { first, .. } => *first,
            Time::Exact { start, zone, .. } => match zone {
                Some(zone) => start.with_timezone(zone).date_naive(),
                None => start.date_naive(),
            },
            Time::Floating { start, .. } => start.date(),
        }
    }
}

/// Where an event is, as its source says it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Location {
    /// A free-text location or street address ("Venue (12 Main St, Montréal, QC, ca)").
    pub text: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    /// Latitude and longitude of the venue.
    pub geo: Option<(f64, f64)>,
}

/// One event as its source gives it.
#[derive(Clone, Debug)]
pub struct Record {
    /// Identity in its source (an iCalendar `UID` and occurrence, a CSV `id`): the event's id comes from it.
    pub key: String,
    /// Where it was read, for notes.
    pub origin: String,
    pub title: Text,
    pub summary: Option<Text>,
    pub kind: Option<EventKind>,
    pub time: Time,
    pub location: Location,
    pub url: Option<String>,
    pub registration: Option<String>,
    pub online_url: Option<String>,
    pub attendance: Option<Attendance>,
    pub status: Status,
    /// RFC 3339, UTC.
    pub updated: Option<String>,
    pub topics: Vec<String>,
    pub series: Option<String>,
    pub organizer: Option<String>,
    /// Its source's revision (iCalendar `SEQUENCE`): of two copies, the higher wins.
    pub revision: i64,
}

/// What one file gives.
#[derive(Default)]
pub struct Read {
    /// A calendar's name (`X-WR-CALNAME`), which becomes the events' series.
    pub name: Option<String>,
    /// The file's zone (`X-WR-TIMEZONE`), for UTC and floating times when the place has none.
    pub zone: Option<chrono_tz::Tz>,
    pub records: Vec<Record>,
}

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
            .map(|p| Note { message: super::i18n::problem_text(&p.kind, super::Lang::En), origin: p.path }),
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
            let message = super::i18n::load_error_text(&super::load::LoadError::Feed(error), super::Lang::En);
            notes.push(Note { origin: name.to_owned(), message });
            None
        }
    }
}
