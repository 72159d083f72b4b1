//! What the readers give and the builder takes: events as their sources say them, and
//! what an import is told and reports.

use chrono::{DateTime, Months, NaiveDate, NaiveDateTime, Utc};

use crate::core::feed::{Attendance, EventKind, Status, Text};

/// A calendar day, as the import's options take it (for callers without chrono).
pub type Day = NaiveDate;

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
