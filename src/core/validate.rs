//! Feed validation: finds *all* problems, each with its JSON path, and keeps
//! only what is sound. Entries with a problem are left out; so are entries that
//! refer to them, each with a problem of its own.

use rustc_hash::FxHashSet as HashSet;

use std::fmt;

use super::date::{Day, Moment};
use super::feed::{Feed, Indexed, Link, RawFeed, Session, Span, Text, When, Written};

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where, as a JSON path: `events[3].sessions[1].speakers[0]`.
    pub path: String,
    pub kind: ProblemKind,
}

/// What a reference points at, for "unknown …" problems.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Place,
    Organization,
    Person,
    Topic,
    Series,
    Edition,
    Session,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    Missing,
    /// The entry does not have the expected shape (serde's own words).
    Malformed(String),
    BadId(String),
    DuplicateId(String),
    Unknown(Target, String),
    EmptyText,
    LatitudeOutOfRange(f64),
    LongitudeOutOfRange(f64),
    UnsafeLink(String),
    BadDate(String),
    BadMoment(String),
    ReversedRange,
    BadTimeZone(String),
    /// A field the format does not have (reported by the schema check of `feed-check`);
    /// `suggestion` is the known field it is probably a misspelling of.
    UnknownField {
        field: String,
        suggestion: Option<String>,
    },
    /// A code not of the form the format gives it (the schema's pattern): read as it is.
    BadCode(Code, String),
    /// Of feeds merged into one, an event that another feed published too (its id
    /// there): shown once.
    CopyOf(String),
}

/// The coded fields of the format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    /// ISO 3166-1 alpha-2, `^[A-Z]{2}$`.
    Country,
    /// The end of an ISO 3166-2 code, `^[A-Z0-9]{1,3}$`.
    Region,
    /// A BCP 47 tag, `^[a-z]{2,3}(-[A-Za-z0-9]+)*$`.
    Language,
}

impl Code {
    /// Whether `value` has the form the schema's pattern gives this code.
    pub fn fits(self, value: &str) -> bool {
        let b = value.as_bytes();
        match self {
            Code::Country => b.len() == 2 && b.iter().all(u8::is_ascii_uppercase),
            Code::Region => {
                (1..=3).contains(&b.len()) && b.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            }
            Code::Language => {
                let mut parts = value.split('-');
                let first = parts.next().unwrap_or("");
                (2..=3).contains(&first.len())
                    && first.bytes().all(|c| c.is_ascii_lowercase())
                    && parts.all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_alphanumeric()))
            }
        }
    }
}

impl ProblemKind {
    /// A warning leaves nothing out: the rest of the entry is still read.
    pub fn is_warning(&self) -> bool {
        matches!(self, ProblemKind::UnknownField { .. } | ProblemKind::BadCode(..) | ProblemKind::CopyOf(_))
    }
}

impl Problem {
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem { path: path.into(), kind }
    }
}

/// Only web and mail links may reach a page: no `javascript:`, `data:` or relative tricks.
/// A `mailto:` link is an address alone: headers (`?cc=`, `bcc=`, `body=`…) could make a
/// visitor's mail client copy others in or send words the visitor did not write.
pub fn is_safe_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    let rest = ["https://", "http://"].iter().find_map(|scheme| lower.strip_prefix(scheme));
    let address = lower.strip_prefix("mailto:").filter(|address| !address.contains('?'));
    matches!(rest.or(address), Some(rest) if !rest.is_empty())
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

pub fn is_valid_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An IANA zone name such as `America/Toronto` (shape only; the browser knows the zones).
fn is_plausible_time_zone(zone: &str) -> bool {
    zone == "UTC"
        || (zone.contains('/')
            && zone
                .split('/')
                .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || "_-+".contains(c))))
}

/// Collects the problems of one entry.
struct Check<'a> {
    problems: &'a mut Vec<Problem>,
    found: usize,
}

impl<'a> Check<'a> {
    fn new(problems: &'a mut Vec<Problem>) -> Self {
        Check { problems, found: 0 }
    }

    /// `path` is made only when there is a problem: most checks find none, and making
    /// every path took longer than the rest of loading a large feed.
    fn report(&mut self, path: impl FnOnce() -> String, kind: ProblemKind) {
        self.found += 1;
        self.problems.push(Problem { path: path(), kind });
    }

    fn ok(&self) -> bool {
        self.found == 0
    }

    /// A code of the wrong form is said, and the entry kept as it is.
    fn code(&mut self, path: impl FnOnce() -> String, code: Code, value: &str) {
        if !code.fits(value) {
            self.problems.push(Problem { path: path(), kind: ProblemKind::BadCode(code, value.to_owned()) });
        }
    }

    fn text(&mut self, path: impl Fn() -> String, text: &Text) {
        let empty = |words: &str| words.trim().is_empty();
        match text.written {
            Written::Both => {
                if empty(&text.en) {
                    self.report(|| format!("{}.en", path()), ProblemKind::EmptyText);
                }
                if empty(&text.fr) {
                    self.report(|| format!("{}.fr", path()), ProblemKind::EmptyText);
                }
            }
            Written::Only(lang) if empty(&text.en) => {
                self.report(|| format!("{}.{}", path(), lang.tag()), ProblemKind::EmptyText)
            }
            Written::Source if empty(&text.en) => self.report(path, ProblemKind::EmptyText),
            Written::Only(_) | Written::Source => {}
        }
    }

    fn name(&mut self, path: impl FnOnce() -> String, name: &str) {
        if name.trim().is_empty() {
            self.report(path, ProblemKind::EmptyText);
        }
    }

    fn id(&mut self, path: impl FnOnce() -> String, id: &str, seen: &mut HashSet<String>) {
        // Recorded as it is checked: one look-up in `seen`.
        self.new_id(path, id, |id| !seen.insert(id.to_owned()));
    }

    /// Whether `id` is a valid id not `taken` already: else a problem.
    fn new_id(&mut self, path: impl FnOnce() -> String, id: &str, taken: impl FnOnce(&str) -> bool) -> bool {
        if !is_valid_id(id) {
            self.report(path, ProblemKind::BadId(id.to_owned()));
            false
        } else if taken(id) {
            self.report(path, ProblemKind::DuplicateId(id.to_owned()));
            false
        } else {
            true
        }
    }

    fn reference(&mut self, path: impl FnOnce() -> String, target: Target, id: &str, known: &HashSet<String>) {
        if !known.contains(id) {
            self.report(path, ProblemKind::Unknown(target, id.to_owned()));
        }
    }

    fn day(&mut self, path: impl FnOnce() -> String, text: &str) -> Option<Day> {
        let day = Day::parse(text);
        if day.is_none() {
            self.report(path, ProblemKind::BadDate(text.to_owned()));
        }
        day
    }

    fn span(&mut self, path: &At, when: &When) -> Option<Span> {
        let (first, last, uncertain) = match when {
            When::Datetime { start, end, time_zone } => {
                if !is_plausible_time_zone(time_zone) {
                    self.report(|| format!("{path}.time_zone"), ProblemKind::BadTimeZone(time_zone.clone()));
                }
                let moment = |check: &mut Self, key: &str, text: &str| {
                    let moment = Moment::parse(text);
                    if moment.is_none() {
                        check.report(|| format!("{path}.{key}"), ProblemKind::BadMoment(text.to_owned()));
                    }
                    moment
                };
                let start = moment(self, "start", start);
                let end = end.as_deref().map(|end| moment(self, "end", end));
                let start = start?;
                let end = match end {
                    Some(end) => end?,
                    None => start,
                };
                if end.epoch_seconds < start.epoch_seconds {
                    self.report(|| path.to_string(), ProblemKind::ReversedRange);
                    return None;
                }
                (start.local_day, end.local_day, false)
            }
            When::Date { date, end_date } => {
                let first = self.day(|| format!("{path}.date"), date);
                let last = end_date.as_deref().map(|end| self.day(|| format!("{path}.end_date"), end));
                let first = first?;
                (first, last.unwrap_or(Some(first))?, false)
            }
            When::Between { earliest, latest, note } => {
                self.text(|| format!("{path}.note"), note);
                let first = self.day(|| format!("{path}.earliest"), earliest);
                let last = self.day(|| format!("{path}.latest"), latest);
                (first?, last?, true)
            }
        };
        if last < first {
            self.report(|| path.to_string(), ProblemKind::ReversedRange);
            return None;
        }
        Some(Span { first, last, uncertain })
    }
}

/// A place in the feed as a problem's path says it (`events[3]`, `events[3].sessions[1]`,
/// `events[3].when`), written out only when a problem is reported: most entries have
/// none, and writing every entry's path ahead was much of a large feed's validation.
#[derive(Clone, Copy)]
enum At<'a> {
    Entry(&'a str, usize),
    In(&'a At<'a>, &'a str, Option<usize>),
}

impl<'a> At<'a> {
    fn entry(&'a self, list: &'a str, index: usize) -> At<'a> {
        At::In(self, list, Some(index))
    }

    fn key(&'a self, key: &'a str) -> At<'a> {
        At::In(self, key, None)
    }
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            At::Entry(list, index) => write!(f, "{list}[{index}]"),
            At::In(within, key, Some(index)) => write!(f, "{within}.{key}[{index}]"),
            At::In(within, key, None) => write!(f, "{within}.{key}"),
        }
    }
}

/// Ids known to be valid, per kind, as validation proceeds.
#[derive(Default)]
struct Known {
    places: HashSet<String>,
    organizations: HashSet<String>,
    people: HashSet<String>,
    topics: HashSet<String>,
    series: HashSet<String>,
    editions: HashSet<String>,
    /// Every session id in the file, valid or not, so `repeat_of` is judged on its own.
    sessions: HashSet<String>,
}

/// Keeps the entries of `list` for which `check` found nothing, recording their ids in `known`.
fn keep<T>(
    list: &str,
    entries: Indexed<T>,
    problems: &mut Vec<Problem>,
    known: &mut HashSet<String>,
    id_of: impl Fn(&T) -> &str,
    mut check: impl FnMut(&mut Check, &At, &T),
) -> Vec<T> {
    debug_assert!(known.is_empty(), "`known` holds this list's ids alone");
    // The ids of entries left out: a later entry may not take one either. With `known`,
    // every id seen, each written once (thousands of events).
    let mut left_out = HashSet::default();
    // Entries are large (an event is hundreds of bytes): moved once, never regrown.
    let mut kept = Vec::with_capacity(entries.len());
    for (index, entry) in entries {
        let path = At::Entry(list, index);
        let mut c = Check::new(problems);
        let id = id_of(&entry);
        let new = c.new_id(|| format!("{path}.id"), id, |id| known.contains(id) || left_out.contains(id));
        check(&mut c, &path, &entry);
        match (c.ok(), new) {
            (true, _) => {
                known.insert(id.to_owned());
                kept.push(entry);
            }
            (false, true) => {
                left_out.insert(id.to_owned());
            }
            (false, false) => {}
        }
    }
    kept
}

fn check_session(c: &mut Check, path: &At, session: &Session, known: &Known, seen_sessions: &mut HashSet<String>) {
    c.id(|| format!("{path}.id"), &session.id, seen_sessions);
    c.text(|| format!("{path}.title"), &session.title);
    if let Some(summary) = &session.summary {
        c.text(|| format!("{path}.summary"), summary);
    }
    if let Some(note) = &session.location_note {
        c.text(|| format!("{path}.location_note"), note);
    }
    for (i, speaker) in session.speakers.iter().enumerate() {
        c.reference(|| format!("{path}.speakers[{i}]"), Target::Person, speaker, &known.people);
    }
    for (i, topic) in session.topics.iter().enumerate() {
        c.reference(|| format!("{path}.topics[{i}]"), Target::Topic, topic, &known.topics);
    }
    if let Some(original) = &session.repeat_of {
        c.reference(|| format!("{path}.repeat_of"), Target::Session, original, &known.sessions);
    }
}

/// Leaves out the links that may not reach a page, and the link titles that are empty,
/// each said as a problem: a bad link is no reason to lose its event or session. Spaces
/// around an address (as a copy from a spreadsheet brings) are trimmed first.
fn clean_links(problems: &mut Vec<Problem>, path: &At, links: &mut Vec<Link>) {
    let mut index = 0;
    links.retain_mut(|link| {
        let i = index;
        index += 1;
        link.url = link.url.trim().to_owned();
        if let Some(title) = &link.title {
            let mut c = Check::new(problems);
            c.text(|| format!("{path}.links[{i}].title"), title);
            if !c.ok() {
                link.title = None;
            }
        }
        let safe = is_safe_link(&link.url);
        if !safe {
            problems.push(Problem::new(format!("{path}.links[{i}].url"), ProblemKind::UnsafeLink(link.url.clone())));
        }
        safe
    });
}

/// Leaves out, before the entries are read, what is wrong but no reason to lose its entry
/// (each said as a problem): every bad link (`clean_links`, `clean_url`), a bad `updated`
/// or `previous_start`.
fn clean_extras(raw: &mut RawFeed, problems: &mut Vec<Problem>) {
    for (index, edition) in &mut raw.editions {
        let at = At::Entry("editions", *index);
        for (j, session) in edition.sessions.iter_mut().enumerate() {
            clean_links(problems, &at.entry("sessions", j), &mut session.links);
        }
    }
    for (index, event) in &mut raw.events {
        if let Some(updated) = event.updated.take() {
            match Moment::parse(&updated) {
                Some(_) => event.updated = Some(updated),
                None => {
                    problems.push(Problem::new(format!("events[{index}].updated"), ProblemKind::BadMoment(updated)))
                }
            }
        }
        if let Some(previous) = event.previous_start.take() {
            if Day::parse(&previous).is_some() || Moment::parse(&previous).is_some() {
                event.previous_start = Some(previous);
            } else {
                problems.push(Problem::new(format!("events[{index}].previous_start"), ProblemKind::BadDate(previous)));
            }
        }
        clean_url(problems, || format!("events[{index}].online_url"), &mut event.online_url);
        let at = At::Entry("events", *index);
        clean_links(problems, &at, &mut event.links);
        for (j, session) in event.sessions.iter_mut().enumerate() {
            clean_links(problems, &at.entry("sessions", j), &mut session.links);
        }
    }
    for (index, org) in &mut raw.organizations {
        clean_url(problems, || format!("organizations[{index}].url"), &mut org.url);
    }
    for (index, series) in &mut raw.series {
        clean_url(problems, || format!("series[{index}].url"), &mut series.url);
    }
}

/// An optional address trimmed, or left out with a problem if it may not reach a page.
fn clean_url(problems: &mut Vec<Problem>, path: impl FnOnce() -> String, url: &mut Option<String>) {
    if let Some(address) = url.as_mut() {
        *address = address.trim().to_owned();
        if !is_safe_link(address) {
            problems.push(Problem::new(path(), ProblemKind::UnsafeLink(address.clone())));
            *url = None;
        }
    }
}

pub fn validate(mut raw: RawFeed, problems: &mut Vec<Problem>) -> Feed {
    clean_extras(&mut raw, problems);
    let mut known = Known::default();
    {
        let mut c = Check::new(problems);
        c.text(|| "title".into(), &raw.title);
        if let Some(description) = &raw.description {
            c.text(|| "description".into(), description);
        }
    }

    let places = keep(
        "places",
        raw.places,
        problems,
        &mut known.places,
        |e| &e.id,
        |c, path, place| {
            c.text(|| format!("{path}.name"), &place.name);
            if !(-90.0..=90.0).contains(&place.lat) {
                c.report(|| format!("{path}.lat"), ProblemKind::LatitudeOutOfRange(place.lat));
            }
            if !(-180.0..=180.0).contains(&place.lon) {
                c.report(|| format!("{path}.lon"), ProblemKind::LongitudeOutOfRange(place.lon));
            }
            c.code(|| format!("{path}.country"), Code::Country, &place.country);
            if let Some(region) = &place.region {
                c.code(|| format!("{path}.region"), Code::Region, region);
            }
        },
    );
    let organizations = keep(
        "organizations",
        raw.organizations,
        problems,
        &mut known.organizations,
        |e| &e.id,
        |c, path, org| {
            c.name(|| format!("{path}.name"), &org.name);
        },
    );
    if let Some(source) = &raw.source {
        let mut c = Check::new(problems);
        c.day(|| "source.published".into(), &source.published);
        c.code(|| "source.language".into(), Code::Language, &source.language);
        if let Some(publisher) = &source.publisher {
            c.reference(|| "source.publisher".into(), Target::Organization, publisher, &known.organizations);
        }
    }
    let topics = keep(
        "topics",
        raw.topics,
        problems,
        &mut known.topics,
        |e| &e.id,
        |c, path, topic| {
            c.text(|| format!("{path}.name"), &topic.name);
        },
    );
    let people = keep(
        "people",
        raw.people,
        problems,
        &mut known.people,
        |e| &e.id,
        |c, path, person| {
            c.name(|| format!("{path}.name"), &person.name);
            if let Some(org) = &person.organization {
                c.reference(|| format!("{path}.organization"), Target::Organization, org, &known.organizations);
            }
            if let Some(role) = &person.role {
                c.text(|| format!("{path}.role"), role);
            }
        },
    );
    let series = keep(
        "series",
        raw.series,
        problems,
        &mut known.series,
        |e| &e.id,
        |c, path, series| {
            c.text(|| format!("{path}.name"), &series.name);
            if let Some(place) = &series.place {
                c.reference(|| format!("{path}.place"), Target::Place, place, &known.places);
            }
        },
    );

    // Every session id in the file, so `repeat_of` is judged apart from the original's own problems.
    known.sessions = raw
        .editions
        .iter()
        .flat_map(|(_, e)| &e.sessions)
        .chain(raw.events.iter().flat_map(|(_, e)| &e.sessions))
        .map(|s| s.id.clone())
        .collect();
    let mut seen_sessions = HashSet::default();

    let mut edition_ids = HashSet::default();
    let editions = keep(
        "editions",
        raw.editions,
        problems,
        &mut edition_ids,
        |e| &e.id,
        |c, path, edition| {
            c.text(|| format!("{path}.name"), &edition.name);
            if let Some(summary) = &edition.summary {
                c.text(|| format!("{path}.summary"), summary);
            }
            if let Some(org) = &edition.organizer {
                c.reference(|| format!("{path}.organizer"), Target::Organization, org, &known.organizations);
            }
            for (j, sponsor) in edition.sponsors.iter().enumerate() {
                c.reference(|| format!("{path}.sponsors[{j}]"), Target::Organization, sponsor, &known.organizations);
            }
            for (j, session) in edition.sessions.iter().enumerate() {
                check_session(c, &path.entry("sessions", j), session, &known, &mut seen_sessions);
            }
        },
    );

    known.editions = edition_ids;

    let mut spans = Vec::with_capacity(raw.events.len());
    let mut event_ids = HashSet::default();
    let mut events = keep(
        "events",
        raw.events,
        problems,
        &mut event_ids,
        |e| &e.id,
        |c, path, event| {
            c.text(|| format!("{path}.title"), &event.title);
            if let Some(summary) = &event.summary {
                c.text(|| format!("{path}.summary"), summary);
            }
            if let Some(edition) = &event.edition {
                c.reference(|| format!("{path}.edition"), Target::Edition, edition, &known.editions);
            }
            for (j, topic) in event.topics.iter().enumerate() {
                c.reference(|| format!("{path}.topics[{j}]"), Target::Topic, topic, &known.topics);
            }

            if let Some(series) = &event.series {
                c.reference(|| format!("{path}.series"), Target::Series, series, &known.series);
            }
            if let Some(place) = &event.place {
                c.reference(|| format!("{path}.place"), Target::Place, place, &known.places);
            }
            if let Some(host) = &event.host {
                c.reference(|| format!("{path}.host"), Target::Organization, host, &known.organizations);
            }
            for (j, session) in event.sessions.iter().enumerate() {
                check_session(c, &path.entry("sessions", j), session, &known, &mut seen_sessions);
            }
            let span = c.span(&path.key("when"), &event.when);
            // Same condition as `keep`'s, so `spans` lines up with the kept events.
            if let (true, Some(span)) = (c.ok(), span) {
                spans.push(span);
            }
        },
    );
    for (event, span) in events.iter_mut().zip(spans) {
        event.span = span;
    }

    Feed {
        title: raw.title,
        description: raw.description,
        source: raw.source,
        places,
        organizations,
        people,
        topics,
        series,
        editions,
        events,
        ..Feed::default()
    }
    .indexed()
}
