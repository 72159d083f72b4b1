//! The feed model, as published in `public/feed.json` (documented in `docs/feed.md`).
//! Reading it from JSON is `load`'s work; checking it, `validate`'s.

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use super::date::Day;
use super::lang::Lang;

/// A text of the feed: in both languages, or in one only as its source wrote it (never
/// passed off as a translation: the page marks it with its language, `Text::written_in`).
/// Written `{"en": …, "fr": …}`, `{"en": …}` or `{"fr": …}`, or as a plain string in the
/// feed's `source.language`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    pub en: String,
    pub fr: String,
    /// Which languages it is in.
    pub written: Written,
}

/// The languages a `Text` is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Written {
    #[default]
    Both,
    /// One of ours only (`en` and `fr` then hold the same words).
    Only(Lang),
    /// A plain string, in the feed's source language.
    Source,
}

impl Text {
    /// A text in both languages.
    pub fn both(en: impl Into<String>, fr: impl Into<String>) -> Text {
        Text { en: en.into(), fr: fr.into(), written: Written::Both }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }

    /// The language its words are in when read in `lang`, if not `lang` itself (a
    /// `lang` attribute for the page): `source` is the feed's source language.
    pub fn written_in<'a>(&self, lang: Lang, source: Option<&'a str>) -> Option<&'a str> {
        match self.written {
            Written::Both => None,
            Written::Only(only) => (only != lang).then_some(only.tag()),
            Written::Source => source.filter(|tag| Lang::from_tag(tag) != Some(lang)),
        }
    }
}

/// Written back as it was read: both parts, the one part, or the plain string.
impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let parts: &[(&str, &str)] = match self.written {
            Written::Source => return serializer.serialize_str(&self.en),
            Written::Both => &[("en", &self.en), ("fr", &self.fr)],
            Written::Only(Lang::En) => &[("en", &self.en)],
            Written::Only(Lang::Fr) => &[("fr", &self.fr)],
        };
        let mut map = serializer.serialize_map(Some(parts.len()))?;
        for (key, value) in parts {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Parts {
            en: Option<String>,
            fr: Option<String>,
        }
        /// A plain string, or the parts: read without buffering (serde's untagged enums
        /// cost wasm bytes).
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text: a string, or an object with `en` and/or `fr`")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Text, E> {
                Ok(Text { en: text.to_owned(), fr: text.to_owned(), written: Written::Source })
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(self, map: M) -> Result<Text, M::Error> {
                let parts = Parts::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                match (parts.en, parts.fr) {
                    (Some(en), Some(fr)) => Ok(Text { en, fr, written: Written::Both }),
                    (Some(en), None) => Ok(Text { fr: en.clone(), en, written: Written::Only(Lang::En) }),
                    (None, Some(fr)) => Ok(Text { en: fr.clone(), fr, written: Written::Only(Lang::Fr) }),
                    (None, None) => Err(serde::de::Error::custom("a text needs `en`, `fr` or both")),
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Source {
    /// Optional: an aggregated list has no one publisher.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    pub title: String,
    pub language: String,
    pub published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Place {
    pub id: String,
    pub name: Text,
    /// Optional: a place known by its city alone, or in a country without subdivisions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    /// The venue's street address, as written where it is (one language).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Placed by its city's centre, not the venue: the details say so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Organization {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Text>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub name: Text,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Series {
    pub id: String,
    pub name: Text,
    /// Optional: a series that moves from city to city.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Edition {
    pub id: String,
    pub name: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organizer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sponsors: Vec<String>,
    /// Sessions of the whole edition whose meetup the source does not name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<Session>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Meetup,
    Conference,
    Workshop,
    Hackathon,
    /// Anything else: a party, a talk night of several groups, a job fair.
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 5] =
        [EventKind::Meetup, EventKind::Conference, EventKind::Workshop, EventKind::Hackathon, EventKind::Other];
}

/// Whether an event still happens as announced (schema.org's `eventStatus`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Scheduled,
    Cancelled,
    /// Put off to a day not yet known.
    Postponed,
    /// Moved to a new day (`when`); `previous_start` says the old one.
    Rescheduled,
    MovedOnline,
}

impl Status {
    pub fn is_scheduled(&self) -> bool {
        *self == Status::Scheduled
    }
}

/// How one takes part (schema.org's `eventAttendanceMode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    InPerson,
    Online,
    /// In person and online.
    Mixed,
}

impl Attendance {
    pub const ALL: [Attendance; 3] = [Attendance::InPerson, Attendance::Online, Attendance::Mixed];

    /// Its spelling in the feed, which is also its id as a filter value.
    pub fn id(self) -> &'static str {
        match self {
            Attendance::InPerson => "in_person",
            Attendance::Online => "online",
            Attendance::Mixed => "mixed",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    Ebook,
    Group,
    Website,
    Slides,
    Video,
    /// Where to register or buy a ticket.
    Registration,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Link {
    pub kind: LinkKind,
    pub url: String,
    /// Optional: an exporter often has the address alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Session {
    pub id: String,
    pub format: Format,
    pub title: Text,
    /// The source names the session only by its subject: `title` describes it, it is not its title.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub descriptive_title: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat_of: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Where in the edition it was given, when the source does not name a meetup.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location_note: Option<Text>,
}

/// When an event happens, as precisely as the source allows, and no more.
/// Read through `FlatWhen`: serde's tagged enums buffer every value first, which cost
/// more wasm than the whole rest of the feed model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "FlatWhen", into = "FlatWhen")]
pub enum When {
    /// An exact start (RFC 3339 with offset) in a named IANA time zone.
    Datetime { start: String, end: Option<String>, time_zone: String },
    /// A known day (or days), time not given.
    Date { date: String, end_date: Option<String> },
    /// Some day in `earliest..=latest`; `note` says how the range is known.
    Between { earliest: String, latest: String, note: Text },
}

/// `When` as it is written: a `type` and the fields of every form.
#[derive(Serialize, Deserialize)]
struct FlatWhen {
    #[serde(rename = "type")]
    kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_zone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    earliest: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    latest: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<Text>,
}

impl From<When> for FlatWhen {
    fn from(when: When) -> FlatWhen {
        let none = FlatWhen {
            kind: String::new(),
            start: None,
            end: None,
            time_zone: None,
            date: None,
            end_date: None,
            earliest: None,
            latest: None,
            note: None,
        };
        match when {
            When::Datetime { start, end, time_zone } => {
                FlatWhen { kind: "datetime".into(), start: Some(start), end, time_zone: Some(time_zone), ..none }
            }
            When::Date { date, end_date } => FlatWhen { kind: "date".into(), date: Some(date), end_date, ..none },
            When::Between { earliest, latest, note } => FlatWhen {
                kind: "between".into(),
                earliest: Some(earliest),
                latest: Some(latest),
                note: Some(note),
                ..none
            },
        }
    }
}

impl TryFrom<FlatWhen> for When {
    type Error = String;

    fn try_from(w: FlatWhen) -> Result<When, String> {
        fn required<T>(value: Option<T>, name: &str) -> Result<T, String> {
            value.ok_or_else(|| format!("missing field `{name}`"))
        }
        match w.kind.as_str() {
            "datetime" => Ok(When::Datetime {
                start: required(w.start, "start")?,
                end: w.end,
                time_zone: required(w.time_zone, "time_zone")?,
            }),
            "date" => Ok(When::Date { date: required(w.date, "date")?, end_date: w.end_date }),
            "between" => Ok(When::Between {
                earliest: required(w.earliest, "earliest")?,
                latest: required(w.latest, "latest")?,
                note: required(w.note, "note")?,
            }),
            other => Err(format!("unknown variant `{other}`, expected one of `datetime`, `date`, `between`")),
        }
    }
}

/// The days an event may fall on, derived from `When` by validation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub first: Day,
    pub last: Day,
    /// True when the event is on *one* unknown day inside the span.
    pub uncertain: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub kind: EventKind,
    /// Optional: an event that belongs to no season or tour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    pub when: When,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sequence: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<Session>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Topic ids of the event itself (its sessions may have more).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// When the event's facts last changed (RFC 3339): calendars and feeds carry it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    #[serde(default, skip_serializing_if = "Status::is_scheduled")]
    pub status: Status,
    /// A rescheduled event's former start (a date, or a date-time with offset).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_start: Option<String>,
    /// Not said when the source does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attendance: Option<Attendance>,
    /// Where to join an online or mixed event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub online_url: Option<String>,
    /// Filled in by validation from `when`.
    #[serde(skip)]
    pub span: Span,
    /// In a merged feed, which of `Feed::merged_from` it came from.
    #[serde(skip)]
    pub from_feed: Option<usize>,
}

/// A feed that passed validation: every reference resolves, every kept event is sound.
/// Written out (`Serialize`) by feed-import, in the file's shape but for `schema_version`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Feed {
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    pub places: Vec<Place>,
    pub organizations: Vec<Organization>,
    pub people: Vec<Person>,
    pub topics: Vec<Topic>,
    pub series: Vec<Series>,
    pub editions: Vec<Edition>,
    pub events: Vec<Event>,
    /// The titles of the feeds this one was merged from (`core::merge`), by `Event::from_feed`.
    #[serde(skip)]
    pub merged_from: Vec<Text>,
    #[serde(skip)]
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
    events: HashMap<String, usize>,
    /// The events' positions in `chronological` order: the views that show them in time
    /// take it from here, not each from a sort of their own.
    in_time: Vec<usize>,
}

fn positions<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<String, usize> {
    items.iter().enumerate().map(|(i, item)| (id(item).to_owned(), i)).collect()
}

impl Feed {
    /// Calls `f` on every text of the feed.
    pub fn texts_mut(&mut self, f: &mut dyn FnMut(&mut Text)) {
        let session = |s: &mut Session, f: &mut dyn FnMut(&mut Text)| {
            f(&mut s.title);
            s.summary.iter_mut().chain(&mut s.location_note).for_each(&mut *f);
            s.links.iter_mut().filter_map(|l| l.title.as_mut()).for_each(&mut *f);
        };
        f(&mut self.title);
        self.description.iter_mut().for_each(&mut *f);
        self.places.iter_mut().for_each(|p| f(&mut p.name));
        self.people.iter_mut().filter_map(|p| p.role.as_mut()).for_each(&mut *f);
        self.topics.iter_mut().for_each(|t| f(&mut t.name));
        self.series.iter_mut().for_each(|s| f(&mut s.name));
        for edition in &mut self.editions {
            f(&mut edition.name);
            edition.summary.iter_mut().for_each(&mut *f);
            edition.sessions.iter_mut().for_each(|s| session(s, f));
        }
        for event in &mut self.events {
            f(&mut event.title);
            event.summary.iter_mut().for_each(&mut *f);
            if let When::Between { note, .. } = &mut event.when {
                f(note);
            }
            event.links.iter_mut().filter_map(|l| l.title.as_mut()).for_each(&mut *f);
            event.sessions.iter_mut().for_each(|s| session(s, f));
        }
    }

    /// Builds the id index; called once the entries are final.
    pub fn indexed(mut self) -> Feed {
        self.index = Index {
            places: positions(&self.places, |p| &p.id),
            organizations: positions(&self.organizations, |o| &o.id),
            people: positions(&self.people, |p| &p.id),
            topics: positions(&self.topics, |t| &t.id),
            series: positions(&self.series, |s| &s.id),
            editions: positions(&self.editions, |e| &e.id),
            events: positions(&self.events, |e| &e.id),
            in_time: chronological_positions(&self.events),
        };
        self
    }

    /// The events' positions in chronological order. Sorted once, when the feed was
    /// indexed; a feed put together without that (a test's) is sorted here.
    pub fn in_time_order(&self) -> std::borrow::Cow<'_, [usize]> {
        if self.index.in_time.len() == self.events.len() {
            std::borrow::Cow::Borrowed(&self.index.in_time)
        } else {
            std::borrow::Cow::Owned(chronological_positions(&self.events))
        }
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
    /// The position of the event `id` in `events`.
    pub fn event_position(&self, id: &str) -> Option<usize> {
        self.index.events.get(id).copied()
    }
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.get(self.event_position(id)?)
    }
}

/// Chronological order; the source's narration order breaks ties between
/// events whose uncertain ranges coincide.
pub fn chronological(a: &Event, b: &Event) -> std::cmp::Ordering {
    (a.span.first, a.span.last)
        .cmp(&(b.span.first, b.span.last))
        .then_with(|| a.sequence.unwrap_or(u32::MAX).cmp(&b.sequence.unwrap_or(u32::MAX)))
        .then_with(|| a.id.cmp(&b.id))
}

/// The positions of `events` in `chronological` order.
fn chronological_positions(events: &[Event]) -> Vec<usize> {
    super::order::sorted_positions(events.len(), &|a, b| chronological(&events[a], &events[b]))
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
