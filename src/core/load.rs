//! Reading a feed: its JSON text into the model, tolerantly (one broken entry is
//! reported with its path and left out, the rest is kept), then validated. Also what
//! can stop a whole feed from being shown.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::feed::*;
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
    /// Of several feeds merged into one atlas, those that could not be shown: address and why.
    pub failed: Vec<(String, LoadError)>,
}

/// Names a text (FNV-1a, 64 bits, in hex): the build's prerender says which feed and
/// basemap it drew, and the browser draws over it only if it fetched the same ones.
pub fn fingerprint(text: &str) -> String {
    let hash = text
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3));
    format!("{hash:016x}")
}

/// What the build says of a text it drew from (`page::Prerendered`): its length in bytes
/// and its `fingerprint`, so that the browser tells another text of another length apart
/// without hashing it (a 10,000-event feed's 3.3 MB took 6–10 ms).
pub fn drawn_from(text: &str) -> String {
    format!("{:x}-{}", text.len(), fingerprint(text))
}

/// Whether `text` is the one the build said it drew from (`drawn_from`).
pub fn is_drawn_from(said: &str, text: &str) -> bool {
    let length = said.split_once('-').and_then(|(length, _)| usize::from_str_radix(length, 16).ok());
    length == Some(text.len()) && said == drawn_from(text)
}

/// Parses and validates feed text.
pub fn load(text: &str) -> Result<Loaded, FeedError> {
    read(text).map(Read::validate)
}

/// A feed's text read into the model, not yet validated: the two halves of `load`, for
/// a caller that lets the browser breathe between them.
pub struct Read {
    raw: RawFeed,
    problems: Vec<Problem>,
    events_in_file: usize,
}

impl Read {
    pub fn validate(self) -> Loaded {
        let Read { raw, mut problems, events_in_file } = self;
        let feed = validate::validate(raw, &mut problems);
        let left_out_events = events_in_file - feed.events.len();
        Loaded { feed, problems, left_out_events, failed: Vec::new() }
    }
}

/// The first half of `load`: the text read into the model, in one pass when all of it is
/// well-formed, entry by entry otherwise.
pub fn read(text: &str) -> Result<Read, FeedError> {
    let text = json_text(text)?;
    match serde_json::from_str::<Whole>(text) {
        Ok(whole) => whole.read(),
        Err(_) => read_entries(text),
    }
}

/// `read` entry by entry, without its one-pass shortcut, of a `json_text`: one pass over
/// the text for its shape, one per entry for its content.
pub fn read_entries(text: &str) -> Result<Read, FeedError> {
    reading(text).map(Reading::done)
}

/// `read_entries` in steps, for a caller that lets the browser breathe between them (a
/// page taking over: one pass over a feed of 1,000 rich events is a task of some 100 ms
/// on a slow phone). `reading` finds the text's shape and reads all but the events, which
/// `Reading::step` reads a slice of text at a time.
pub fn reading(text: &str) -> Result<Reading<'_>, FeedError> {
    let mut problems = Vec::new();
    let root: Root = match serde_json::from_str(text) {
        Ok(root) => root,
        Err(e) if e.is_data() && !text.trim_start().starts_with('{') => return Err(FeedError::NotAnObject),
        // A top-level member of the wrong shape: read again member by member, to say which.
        Err(e) if e.is_data() => serde_json::from_str::<Top<Option<&RawValue>>>(text)
            .map_err(|e| FeedError::NotJson(e.to_string()))?
            .lists(&mut problems),
        Err(e) => return Err(FeedError::NotJson(e.to_string())),
    };
    supported(root.schema_version.and_then(|v| serde_json::from_str(v.get()).ok()))?;

    let events_in_file = root.events.len();
    let raw = RawFeed {
        title: field(root.title, "title", &mut problems).unwrap_or_default(),
        description: root.description.and_then(|raw| value(raw, || "description".into(), &mut problems)),
        source: root.source.and_then(|raw| value(raw, || "source".into(), &mut problems)),
        places: entries(root.places, "places", &mut problems),
        organizations: entries(root.organizations, "organizations", &mut problems),
        people: entries(root.people, "people", &mut problems),
        topics: entries(root.topics, "topics", &mut problems),
        series: entries(root.series, "series", &mut problems),
        editions: entries(root.editions, "editions", &mut problems),
        events: Vec::with_capacity(events_in_file),
    };
    Ok(Reading { events: root.events.into_iter().enumerate(), read: Read { raw, problems, events_in_file } })
}

/// A feed being read in steps (`reading`): its events left as JSON text, in file order.
pub struct Reading<'a> {
    events: std::iter::Enumerate<std::vec::IntoIter<&'a RawValue>>,
    read: Read,
}

impl Reading<'_> {
    /// Reads events, each whole, until some `bytes` of their text are read; whether any
    /// are left.
    pub fn step(&mut self, bytes: usize) -> bool {
        let mut taken = 0;
        while taken < bytes {
            let Some((i, item)) = self.events.next() else { return false };
            taken += item.get().len();
            if let Some(event) = value(item, || format!("events[{i}]"), &mut self.read.problems) {
                self.read.raw.events.push((i, event));
            }
        }
        self.events.len() > 0
    }

    /// The feed read, the events left read first.
    pub fn done(mut self) -> Read {
        self.step(usize::MAX);
        self.read
    }
}

/// Whether this build reads a feed of that `schema_version`.
fn supported(version: Option<serde_json::Number>) -> Result<(), FeedError> {
    match version.map(|v| v.as_u64()) {
        Some(Some(SCHEMA_VERSION)) => Ok(()),
        Some(Some(other)) => Err(FeedError::UnsupportedVersion(other)),
        _ => Err(FeedError::MissingVersion),
    }
}

/// A whole feed read in one pass, when every part of it is well-formed, as most feeds
/// are: reading each entry on its own takes a first pass over the text to find them.
/// Anything malformed, and `read` goes entry by entry instead, to say where and keep the rest.
#[derive(Deserialize)]
struct Whole {
    schema_version: Option<serde_json::Number>,
    title: Option<Text>,
    description: Option<Text>,
    source: Option<Source>,
    #[serde(default)]
    places: Vec<Place>,
    #[serde(default)]
    organizations: Vec<Organization>,
    #[serde(default)]
    people: Vec<Person>,
    #[serde(default)]
    topics: Vec<Topic>,
    #[serde(default)]
    series: Vec<Series>,
    #[serde(default)]
    editions: Vec<Edition>,
    #[serde(default)]
    events: Vec<Event>,
}

impl Whole {
    fn read(self) -> Result<Read, FeedError> {
        supported(self.schema_version)?;
        let mut problems = Vec::new();
        if self.title.is_none() {
            problems.push(Problem::new("title", ProblemKind::Missing));
        }
        fn indexed<T>(list: Vec<T>) -> Indexed<T> {
            list.into_iter().enumerate().collect()
        }
        let events_in_file = self.events.len();
        let raw = RawFeed {
            title: self.title.unwrap_or_default(),
            description: self.description,
            source: self.source,
            places: indexed(self.places),
            organizations: indexed(self.organizations),
            people: indexed(self.people),
            topics: indexed(self.topics),
            series: indexed(self.series),
            editions: indexed(self.editions),
            events: indexed(self.events),
        };
        Ok(Read { raw, problems, events_in_file })
    }
}

/// The feed's JSON text: refused past `MAX_FEED_BYTES`; a leading byte order mark is
/// skipped, as browsers do, in the app and the checker alike.
pub fn json_text(text: &str) -> Result<&str, FeedError> {
    if text.len() > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge(text.len()));
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// The largest feed read: 50 MB, some 20,000 events with several sessions each. Past
/// that, a browser (and a host page embedding the atlas) would stall for long seconds
/// or run out of memory.
pub const MAX_FEED_BYTES: usize = 50 * 1024 * 1024;

/// The top of a feed, each part left as JSON text to be read on its own: one broken
/// entry costs only itself. Members the format does not have are ignored (`feed-check`
/// warns of them). `L` is how a list is held: `Vec<&RawValue>` for the one-pass reading,
/// `Option<&RawValue>` for the slower one, when a list turned out to be something else.
#[derive(Deserialize)]
#[serde(bound(deserialize = "L: Deserialize<'de> + Default"))]
struct Top<'a, L> {
    #[serde(borrow)]
    schema_version: Option<&'a RawValue>,
    #[serde(borrow)]
    title: Option<&'a RawValue>,
    #[serde(borrow)]
    description: Option<&'a RawValue>,
    #[serde(borrow)]
    source: Option<&'a RawValue>,
    #[serde(default)]
    places: L,
    #[serde(default)]
    organizations: L,
    #[serde(default)]
    people: L,
    #[serde(default)]
    topics: L,
    #[serde(default)]
    series: L,
    #[serde(default)]
    editions: L,
    #[serde(default)]
    events: L,
}

type Root<'a> = Top<'a, Vec<&'a RawValue>>;

impl<'a> Top<'a, Option<&'a RawValue>> {
    /// Each list as its entries; a member that is not a list is a problem.
    fn lists(self, problems: &mut Vec<Problem>) -> Root<'a> {
        let mut list = |raw, key| list(raw, key, problems);
        Top {
            schema_version: self.schema_version,
            title: self.title,
            description: self.description,
            source: self.source,
            places: list(self.places, "places"),
            organizations: list(self.organizations, "organizations"),
            people: list(self.people, "people"),
            topics: list(self.topics, "topics"),
            series: list(self.series, "series"),
            editions: list(self.editions, "editions"),
            events: list(self.events, "events"),
        }
    }
}

/// serde's words without its position: the problem's path says where.
fn message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// One entry read; `path` (written only if it has a problem) says where it is.
fn value<T: DeserializeOwned>(raw: &RawValue, path: impl FnOnce() -> String, problems: &mut Vec<Problem>) -> Option<T> {
    serde_json::from_str(raw.get())
        .map_err(|e| problems.push(Problem::new(path(), ProblemKind::Malformed(message(&e)))))
        .ok()
}

fn field<T: DeserializeOwned>(raw: Option<&RawValue>, key: &str, problems: &mut Vec<Problem>) -> Option<T> {
    match raw {
        None => {
            problems.push(Problem::new(key, ProblemKind::Missing));
            None
        }
        Some(raw) => value(raw, || key.into(), problems),
    }
}

/// A list's entries, still as text; a member that is not a list is a problem.
fn list<'a>(raw: Option<&'a RawValue>, key: &str, problems: &mut Vec<Problem>) -> Vec<&'a RawValue> {
    match raw.map(|raw| serde_json::from_str::<Vec<&RawValue>>(raw.get())) {
        None => Vec::new(),
        Some(Ok(items)) => items,
        Some(Err(_)) => {
            problems.push(Problem::new(key, ProblemKind::Malformed("expected a list".into())));
            Vec::new()
        }
    }
}

/// Reads a list entry by entry so that one malformed entry costs only itself.
fn entries<T: DeserializeOwned>(items: Vec<&RawValue>, key: &str, problems: &mut Vec<Problem>) -> Indexed<T> {
    items
        .into_iter()
        .enumerate()
        .filter_map(|(i, item)| value(item, || format!("{key}[{i}]"), problems).map(|entry| (i, entry)))
        .collect()
}
