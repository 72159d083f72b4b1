//! Reading a feed: its JSON text into the model, tolerantly (one broken entry is
//! reported with its path and left out, the rest is kept), then validated. Also what
//! can stop a whole feed from being shown.

use super::feed::*;
use super::json::{self, variant, FromJson, Json, Object};
use super::validate::{self, Problem, ProblemKind};

/// The one feed format version this build understands.
pub const SCHEMA_VERSION: u64 = 1;

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

/// Why a whole feed could not be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The browser says it has no network.
    Offline,
    /// The request failed: a server down or refusing, or (for another site's feed) no CORS headers.
    Unreachable {
        other_origin: bool,
    },
    /// No answer within this many seconds.
    Timeout(u32),
    Status(u16),
    Feed(FeedError),
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
