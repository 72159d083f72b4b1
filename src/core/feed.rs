//! The feed model, as published in `public/feed.json` (documented in `docs/feed.md`).
//! Parsing is tolerant: one broken entry is reported and left out, the rest is kept.

use std::collections::HashMap;

use super::date::Day;
use super::i18n::Lang;
use super::json::{self, variant, FromJson, Json, Object};
use super::validate::{self, Problem, ProblemKind};

/// The one feed format version this build understands.
pub const SCHEMA_VERSION: u64 = 1;

/// A text in both languages; the feed has no monolingual prose.
#[derive(Clone, Debug, Default, PartialEq)]
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

#[derive(Clone, Debug)]
pub struct Source {
    pub publisher: String,
    pub title: String,
    pub language: String,
    pub published: String,
}

#[derive(Clone, Debug)]
pub struct Place {
    pub id: String,
    pub name: Text,
    pub region: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Clone, Debug)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub url: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub organization: Option<String>,
    pub role: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Topic {
    pub id: String,
    pub name: Text,
}

#[derive(Clone, Debug)]
pub struct Series {
    pub id: String,
    pub name: Text,
    pub place: String,
    pub url: String,
}

#[derive(Clone, Debug)]
pub struct Edition {
    pub id: String,
    pub name: Text,
    pub organizer: Option<String>,
    pub summary: Option<Text>,
    pub sponsors: Vec<String>,
    /// Sessions of the whole edition whose meetup the source does not name.
    pub sessions: Vec<Session>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventKind {
    Meetup,
    Conference,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Talk,
    Demo,
    Workshop,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Talk, Format::Demo, Format::Workshop];

    /// Its spelling in the feed, which is also its id as a filter value.
    pub fn id(self) -> &'static str {
        match self {
            Format::Talk => "talk",
            Format::Demo => "demo",
            Format::Workshop => "workshop",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkKind {
    Ebook,
    Group,
    Website,
    Slides,
    Video,
}

#[derive(Clone, Debug)]
pub struct Link {
    pub kind: LinkKind,
    pub url: String,
    pub title: Text,
}

#[derive(Clone, Debug)]
pub struct Session {
    pub id: String,
    pub format: Format,
    pub title: Text,
    /// The source names the session only by its subject: `title` describes it, it is not its title.
    pub descriptive_title: bool,
    pub speakers: Vec<String>,
    pub topics: Vec<String>,
    pub summary: Option<Text>,
    pub repeat_of: Option<String>,
    pub links: Vec<Link>,
    /// Where in the edition it was given, when the source does not name a meetup.
    pub location_note: Option<Text>,
}

/// When an event happens, as precisely as the source allows, and no more.
#[derive(Clone, Debug, PartialEq)]
pub enum When {
    /// An exact start (RFC 3339 with offset) in a named IANA time zone.
    Datetime { start: String, end: Option<String>, time_zone: String },
    /// A known day (or days), time not given.
    Date { date: String, end_date: Option<String> },
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

#[derive(Clone, Debug)]
pub struct Event {
    pub id: String,
    pub kind: EventKind,
    pub edition: String,
    pub series: Option<String>,
    pub title: Text,
    pub place: Option<String>,
    pub host: Option<String>,
    pub when: When,
    pub sequence: Option<u32>,
    pub summary: Option<Text>,
    pub sessions: Vec<Session>,
    pub links: Vec<Link>,
    /// Filled in by validation from `when`.
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
    /// Bigger than `MAX_FEED_BYTES` (the size in bytes).
    TooLarge(usize),
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
    load_json(&parse(text)?)
}

/// The feed's JSON: refused past `MAX_FEED_BYTES`; a leading byte order mark is skipped,
/// as browsers do, in the app and the checker alike.
pub fn parse(text: &str) -> Result<Json, FeedError> {
    if text.len() > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge(text.len()));
    }
    json::parse(text.strip_prefix('\u{feff}').unwrap_or(text)).map_err(FeedError::NotJson)
}

/// The largest feed read: 50 MB, some 20,000 events with several sessions each. Past that, a browser (and a host
/// page embedding the atlas) would stall for long seconds or run out of memory.
pub const MAX_FEED_BYTES: usize = 50 * 1024 * 1024;

/// Validates a parsed feed.
pub fn load_json(value: &Json) -> Result<Loaded, FeedError> {
    let Json::Object(members) = value else { return Err(FeedError::NotAnObject) };
    let root = Object(members);
    match root.get("schema_version") {
        Some(Json::Number(v)) if *v == SCHEMA_VERSION as f64 => {}
        Some(Json::Number(v)) if v.fract() == 0.0 && *v >= 0.0 && *v < u64::MAX as f64 => {
            return Err(FeedError::UnsupportedVersion(*v as u64))
        }
        _ => return Err(FeedError::MissingVersion),
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
    let events_in_file = match root.get("events") {
        Some(Json::Array(items)) => items.len(),
        _ => 0,
    };
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

fn field<T: FromJson>(root: Object, key: &str, problems: &mut Vec<Problem>) -> Option<T> {
    match root.get(key) {
        None => {
            problems.push(Problem::new(key, ProblemKind::Missing));
            None
        }
        Some(value) => parse_value(value, key, problems),
    }
}

fn optional_field<T: FromJson>(root: Object, key: &str, problems: &mut Vec<Problem>) -> Option<T> {
    root.get(key).and_then(|value| parse_value(value, key, problems))
}

fn parse_value<T: FromJson>(value: &Json, path: &str, problems: &mut Vec<Problem>) -> Option<T> {
    T::from_json(value).map_err(|e| problems.push(Problem::new(path, ProblemKind::Malformed(e)))).ok()
}

/// Reads a list entry by entry so that one malformed entry costs only itself.
fn entries<T: FromJson>(root: Object, key: &str, problems: &mut Vec<Problem>) -> Indexed<T> {
    match root.get(key) {
        None => Vec::new(),
        Some(Json::Array(items)) => items
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

// Reading each type from JSON, field by field, as the feed format (docs/feed.md) says.

impl FromJson for Text {
    fn from_json(json: &Json) -> json::Result<Self> {
        let o = json.object("Text")?;
        o.only(&["en", "fr"])?;
        Ok(Text { en: o.req("en")?, fr: o.req("fr")? })
    }
}

impl FromJson for Source {
    fn from_json(json: &Json) -> json::Result<Self> {
        let o = json.object("Source")?;
        Ok(Source {
            publisher: o.req("publisher")?,
            title: o.req("title")?,
            language: o.req("language")?,
            published: o.req("published")?,
        })
    }
}

impl FromJson for Place {
    fn from_json(json: &Json) -> json::Result<Self> {
        let o = json.object("Place")?;
        Ok(Place {
            id: o.req("id")?,
            name: o.req("name")?,
            region: o.req("region")?,
            country: o.req("country")?,
            lat: o.req("lat")?,
            lon: o.req("lon")?,
        })
    }
}

impl FromJson for Organization {
    fn from_json(json: &Json) -> json::Result<Self> {
        let o = json.object("Organization")?;
        Ok(Organization { id: o.req("id")?, name: o.req("name")?, url: o.opt("url")? })
    }
}

impl FromJson for Person {
    fn from_json(json: &Json) -> json::Result<Self> {
        let o = json.object("Person")?;
        Ok(Person {
            id: o.req("id")?,
            name: o.req("name")?,
            organization: o.opt("organization")?,
            role: o.opt("role")?,
        })
    }
}

impl FromJson for Topic {
    fn from_json(json: &Json) -> json::Result<Self> {
        let o = json.object("Topic")?;
        Ok(Topic { id: o.req("id")?, name: o.req("name")? })
    }
}

impl FromJson for Series {
    fn from_json(json: &Json) -> json::Result<Self> {
        let o = json.object("Series")?;
        Ok(Series { id: o.req("id")?, name: o.req("name")?, place: o.req("place")?, url: o.req("url")? })
    }
}

impl FromJson for Edition {
    fn from_json(json: &Json) -> json::Result<Self> {
        let o = json.object("Edition")?;
        Ok(Edition {
            id: o.req("id")?,
            name: o.req("name")?,
            organizer: o.opt("organizer")?,
            summary: o.opt("summary")?,
            sponsors: o.list("sponsors")?,
            sessions: o.list("sessions")?,
        })
    }
}

impl FromJson for EventKind {
    fn from_json(json: &Json) -> json::Result<Self> {
        variant(json, "EventKind", &[("meetup", EventKind::Meetup), ("conference", EventKind::Conference)])
    }
}

impl FromJson for Format {
    fn from_json(json: &Json) -> json::Result<Self> {
        variant(json, "Format", &Format::ALL.map(|format| (format.id(), format)))
    }
}

impl FromJson for LinkKind {
    fn from_json(json: &Json) -> json::Result<Self> {
        use LinkKind as K;
        variant(
            json,
            "LinkKind",
            &[
                ("ebook", K::Ebook),
                ("group", K::Group),
                ("website", K::Website),
                ("slides", K::Slides),
                ("video", K::Video),
            ],
        )
    }
}

impl FromJson for Link {
    fn from_json(json: &Json) -> json::Result<Self> {
        let o = json.object("Link")?;
        Ok(Link { kind: o.req("kind")?, url: o.req("url")?, title: o.req("title")? })
    }
}

impl FromJson for Session {
    fn from_json(json: &Json) -> json::Result<Self> {
        let o = json.object("Session")?;
        Ok(Session {
            id: o.req("id")?,
            format: o.req("format")?,
            title: o.req("title")?,
            descriptive_title: o.opt("descriptive_title")?.unwrap_or(false),
            speakers: o.list("speakers")?,
            topics: o.list("topics")?,
            summary: o.opt("summary")?,
            repeat_of: o.opt("repeat_of")?,
            links: o.list("links")?,
            location_note: o.opt("location_note")?,
        })
    }
}

impl FromJson for When {
    /// Tagged by its `type` member.
    fn from_json(json: &Json) -> json::Result<Self> {
        let o = json.object("When")?;
        let tag: String = o.req("type")?;
        match tag.as_str() {
            "datetime" => {
                Ok(When::Datetime { start: o.req("start")?, end: o.opt("end")?, time_zone: o.req("time_zone")? })
            }
            "date" => Ok(When::Date { date: o.req("date")?, end_date: o.opt("end_date")? }),
            "between" => {
                Ok(When::Between { earliest: o.req("earliest")?, latest: o.req("latest")?, note: o.req("note")? })
            }
            other => Err(json::unknown_variant(other, ["datetime", "date", "between"].into_iter())),
        }
    }
}

impl FromJson for Event {
    fn from_json(json: &Json) -> json::Result<Self> {
        let o = json.object("Event")?;
        Ok(Event {
            id: o.req("id")?,
            kind: o.req("kind")?,
            edition: o.req("edition")?,
            series: o.opt("series")?,
            title: o.req("title")?,
            place: o.opt("place")?,
            host: o.opt("host")?,
            when: o.req("when")?,
            sequence: o.opt("sequence")?,
            summary: o.opt("summary")?,
            sessions: o.list("sessions")?,
            links: o.list("links")?,
            span: Span::default(),
        })
    }
}
