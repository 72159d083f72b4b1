//! The feed model, as published in `public/feed.json` (documented in `docs/feed.md`).
//! Parsing is tolerant: one broken entry is reported and left out, the rest is kept.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;

use super::date::Day;
use super::i18n::Lang;
use super::validate::{self, Problem, ProblemKind};

/// The one feed format version this build understands.
pub const SCHEMA_VERSION: u64 = 1;

/// A text in both languages; the feed has no monolingual prose.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub en: String,
    pub fr: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct Source {
    pub publisher: String,
    pub title: String,
    pub language: String,
    pub published: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Place {
    pub id: String,
    pub name: Text,
    pub region: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Organization {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub organization: Option<String>,
    #[serde(default)]
    pub role: Option<Text>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Topic {
    pub id: String,
    pub name: Text,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Series {
    pub id: String,
    pub name: Text,
    pub place: String,
    pub url: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Edition {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub organizer: Option<String>,
    #[serde(default)]
    pub summary: Option<Text>,
    #[serde(default)]
    pub sponsors: Vec<String>,
    /// Sessions of the whole edition whose meetup the source does not name.
    #[serde(default)]
    pub sessions: Vec<Session>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Meetup,
    Conference,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Talk,
    Demo,
    Workshop,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    Ebook,
    Group,
    Website,
    Slides,
    Video,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Link {
    pub kind: LinkKind,
    pub url: String,
    pub title: Text,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Session {
    pub id: String,
    pub format: Format,
    pub title: Text,
    #[serde(default)]
    pub speakers: Vec<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub summary: Option<Text>,
    #[serde(default)]
    pub repeat_of: Option<String>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// Where in the edition it was given, when the source does not name a meetup.
    #[serde(default)]
    pub location_note: Option<Text>,
}

/// When an event happens, as precisely as the source allows, and no more.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum When {
    /// An exact start (RFC 3339 with offset) in a named IANA time zone.
    Datetime { start: String, #[serde(default)] end: Option<String>, time_zone: String },
    /// A known day (or days), time not given.
    Date { date: String, #[serde(default)] end_date: Option<String> },
    /// Some day in `earliest..=latest`; `note` says how the range is known.
    Between { earliest: String, latest: String, note: Text },
}

/// The days an event may fall on, derived from `When` by validation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub first: Day,
    pub last: Day,
    /// True when the event is on *one* unknown day inside the span.
    pub uncertain: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Event {
    pub id: String,
    pub kind: EventKind,
    pub edition: String,
    #[serde(default)]
    pub series: Option<String>,
    pub title: Text,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub host: Option<String>,
    pub when: When,
    #[serde(default)]
    pub sequence: Option<u32>,
    #[serde(default)]
    pub summary: Option<Text>,
    #[serde(default)]
    pub sessions: Vec<Session>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// Filled in by validation from `when`.
    #[serde(skip)]
    pub span: Span,
}

/// A feed that passed validation: every reference resolves, every kept event is sound.
#[derive(Clone, Debug, Default)]
pub struct Feed {
    pub title: Text,
    pub description: Option<Text>,
    pub source: Option<Source>,
    pub places: Vec<Place>,
    pub organizations: Vec<Organization>,
    pub people: Vec<Person>,
    pub topics: Vec<Topic>,
    pub series: Vec<Series>,
    pub editions: Vec<Edition>,
    pub events: Vec<Event>,
    pub index: Index,
}

/// Positions by id, so look-ups stay constant-time with thousands of entries.
#[derive(Clone, Debug, Default)]
pub struct Index {
    places: HashMap<String, usize>,
    organizations: HashMap<String, usize>,
    people: HashMap<String, usize>,
    topics: HashMap<String, usize>,
    series: HashMap<String, usize>,
    editions: HashMap<String, usize>,
}

fn positions<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<String, usize> {
    items.iter().enumerate().map(|(i, item)| (id(item).to_owned(), i)).collect()
}

impl Feed {
    /// Builds the id index; called once the entries are final.
    pub fn indexed(mut self) -> Feed {
        self.index = Index {
            places: positions(&self.places, |p| &p.id),
            organizations: positions(&self.organizations, |o| &o.id),
            people: positions(&self.people, |p| &p.id),
            topics: positions(&self.topics, |t| &t.id),
            series: positions(&self.series, |s| &s.id),
            editions: positions(&self.editions, |e| &e.id),
        };
        self
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.get(*self.index.places.get(id)?)
    }
    pub fn organization(&self, id: &str) -> Option<&Organization> {
        self.organizations.get(*self.index.organizations.get(id)?)
    }
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.get(*self.index.people.get(id)?)
    }
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.get(*self.index.topics.get(id)?)
    }
    pub fn series(&self, id: &str) -> Option<&Series> {
        self.series.get(*self.index.series.get(id)?)
    }
    pub fn edition(&self, id: &str) -> Option<&Edition> {
        self.editions.get(*self.index.editions.get(id)?)
    }
}

/// Why a feed could not be read at all (as opposed to entries left out).
#[derive(Clone, Debug, PartialEq)]
pub enum FeedError {
    NotJson(String),
    NotAnObject,
    MissingVersion,
    UnsupportedVersion(u64),
}

/// The outcome of loading a feed: what can be shown, and everything wrong with the rest.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub feed: Feed,
    pub problems: Vec<Problem>,
    /// Events in the file that are not in `feed` because of their problems.
    pub left_out_events: usize,
}

/// Parses and validates feed text.
pub fn load(text: &str) -> Result<Loaded, FeedError> {
    let value: Value = serde_json::from_str(text).map_err(|e| FeedError::NotJson(e.to_string()))?;
    let root = value.as_object().ok_or(FeedError::NotAnObject)?;
    match root.get("schema_version").map(Value::as_u64) {
        None | Some(None) => return Err(FeedError::MissingVersion),
        Some(Some(SCHEMA_VERSION)) => {}
        Some(Some(other)) => return Err(FeedError::UnsupportedVersion(other)),
    }

    let mut problems = Vec::new();
    let raw = RawFeed {
        title: field(root, "title", &mut problems).unwrap_or_default(),
        description: optional_field(root, "description", &mut problems),
        source: optional_field(root, "source", &mut problems),
        places: entries(root, "places", &mut problems),
        organizations: entries(root, "organizations", &mut problems),
        people: entries(root, "people", &mut problems),
        topics: entries(root, "topics", &mut problems),
        series: entries(root, "series", &mut problems),
        editions: entries(root, "editions", &mut problems),
        events: entries(root, "events", &mut problems),
    };
    let events_in_file = root.get("events").and_then(Value::as_array).map_or(0, Vec::len);
    let feed = validate::validate(raw, &mut problems);
    let left_out_events = events_in_file - feed.events.len();
    Ok(Loaded { feed, problems, left_out_events })
}

/// Entries as parsed, each with its index in the file so problems name the right one.
pub type Indexed<T> = Vec<(usize, T)>;

/// A feed that parsed but is not yet validated.
pub struct RawFeed {
    pub title: Text,
    pub description: Option<Text>,
    pub source: Option<Source>,
    pub places: Indexed<Place>,
    pub organizations: Indexed<Organization>,
    pub people: Indexed<Person>,
    pub topics: Indexed<Topic>,
    pub series: Indexed<Series>,
    pub editions: Indexed<Edition>,
    pub events: Indexed<Event>,
}

fn field<T: serde::de::DeserializeOwned>(
    root: &serde_json::Map<String, Value>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match root.get(key) {
        None => {
            problems.push(Problem::new(key, ProblemKind::Missing));
            None
        }
        Some(value) => parse_value(value, key, problems),
    }
}

fn optional_field<T: serde::de::DeserializeOwned>(
    root: &serde_json::Map<String, Value>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    root.get(key).and_then(|value| parse_value(value, key, problems))
}

fn parse_value<T: serde::de::DeserializeOwned>(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<T> {
    T::deserialize(value)
        .map_err(|e| problems.push(Problem::new(path, ProblemKind::Malformed(e.to_string()))))
        .ok()
}

/// Reads a list entry by entry so that one malformed entry costs only itself.
fn entries<T: serde::de::DeserializeOwned>(
    root: &serde_json::Map<String, Value>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Indexed<T> {
    match root.get(key) {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| parse_value(item, &format!("{key}[{i}]"), problems).map(|entry| (i, entry)))
            .collect(),
        Some(_) => {
            problems.push(Problem::new(key, ProblemKind::Malformed("expected a list".into())));
            Vec::new()
        }
    }
}
