//! The feed model, as published in `public/feed.json` (documented in `docs/feed.md`).
//! Reading it from JSON is `load`'s work; checking it, `validate`'s.

use std::collections::HashMap;

use serde::Deserialize;

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

#[derive(Clone, Debug, Deserialize)]
pub struct Source {
    /// Optional: an aggregated list has no one publisher.
    pub publisher: Option<String>,
    pub title: String,
    pub language: String,
    pub published: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Place {
    pub id: String,
    pub name: Text,
    /// Optional: a place known by its city alone, or in a country without subdivisions.
    pub region: Option<String>,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    /// The venue's street address, as written where it is (one language).
    pub address: Option<String>,
    /// Placed by its city's centre, not the venue: the details say so.
    #[serde(default)]
    pub approximate: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub url: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub organization: Option<String>,
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
    /// Optional: a series that moves from city to city.
    pub place: Option<String>,
    pub url: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Edition {
    pub id: String,
    pub name: Text,
    pub organizer: Option<String>,
    pub summary: Option<Text>,
    #[serde(default)]
    pub sponsors: Vec<String>,
    /// Sessions of the whole edition whose meetup the source does not name.
    #[serde(default)]
    pub sessions: Vec<Session>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
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

/// How one takes part (schema.org's `eventAttendanceMode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
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

#[derive(Clone, Debug, Deserialize)]
pub struct Link {
    pub kind: LinkKind,
    pub url: String,
    /// Optional: an exporter often has the address alone.
    pub title: Option<Text>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Session {
    pub id: String,
    pub format: Format,
    pub title: Text,
    /// The source names the session only by its subject: `title` describes it, it is not its title.
    #[serde(default)]
    pub descriptive_title: bool,
    #[serde(default)]
    pub speakers: Vec<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    pub summary: Option<Text>,
    pub repeat_of: Option<String>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// Where in the edition it was given, when the source does not name a meetup.
    pub location_note: Option<Text>,
}

/// When an event happens, as precisely as the source allows, and no more.
/// Read through `FlatWhen`: serde's tagged enums buffer every value first, which cost
/// more wasm than the whole rest of the feed model.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(try_from = "FlatWhen")]
pub enum When {
    /// An exact start (RFC 3339 with offset) in a named IANA time zone.
    Datetime { start: String, end: Option<String>, time_zone: String },
    /// A known day (or days), time not given.
    Date { date: String, end_date: Option<String> },
    /// Some day in `earliest..=latest`; `note` says how the range is known.
    Between { earliest: String, latest: String, note: Text },
}

/// `When` as it is written: a `type` and the fields of every form.
#[derive(Deserialize)]
struct FlatWhen {
    #[serde(rename = "type")]
    kind: String,
    start: Option<String>,
    end: Option<String>,
    time_zone: Option<String>,
    date: Option<String>,
    end_date: Option<String>,
    earliest: Option<String>,
    latest: Option<String>,
    note: Option<Text>,
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

#[derive(Clone, Debug, Deserialize)]
pub struct Event {
    pub id: String,
    pub kind: EventKind,
    /// Optional: an event that belongs to no season or tour.
    pub edition: Option<String>,
    pub series: Option<String>,
    pub title: Text,
    pub place: Option<String>,
    pub host: Option<String>,
    pub when: When,
    pub sequence: Option<u32>,
    pub summary: Option<Text>,
    #[serde(default)]
    pub sessions: Vec<Session>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// Topic ids of the event itself (its sessions may have more).
    #[serde(default)]
    pub topics: Vec<String>,
    /// When the event's facts last changed (RFC 3339): calendars and feeds carry it.
    pub updated: Option<String>,
    #[serde(default)]
    pub status: Status,
    /// A rescheduled event's former start (a date, or a date-time with offset).
    pub previous_start: Option<String>,
    /// Not said when the source does not say.
    pub attendance: Option<Attendance>,
    /// Where to join an online or mixed event.
    pub online_url: Option<String>,
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
