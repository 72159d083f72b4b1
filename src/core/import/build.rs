//! Records to a feed: one copy of each event, places from coordinates or the gazetteer,
//! each event's zone, ids from the records' keys, and what the source did not say left out.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::gazetteer::{fold, City, Gazetteer};
use super::ids::{self, hash, slug};
use super::model::{Location, Note, Options, Read, Record, Time};
use crate::core::feed::*;
use crate::core::merge::distance_km;

/// A city its address names is the venue's when this near its coordinates.
const NEAR_KM: f64 = 50.0;
/// Otherwise the biggest city this near names it.
const CITY_KM: f64 = 20.0;
/// Farther, but within this, it still says the venue's country and zone.
const REGION_KM: f64 = 250.0;

fn source_text(text: &str) -> Text {
    Text { en: text.to_owned(), fr: text.to_owned(), written: Written::Source }
}

/// What the events refer to, gathered by id as the records are read.
#[derive(Default)]
struct Entries {
    places: BTreeMap<String, Place>,
    topics: BTreeMap<String, Text>,
    organizations: BTreeMap<String, Organization>,
    series: BTreeMap<String, Series>,
    /// Event ids given so far, and how many times.
    events: HashMap<String, usize>,
}

impl Entries {
    fn place(&mut self, place: Place) -> String {
        let id = place.id.clone();
        self.places.entry(id.clone()).or_insert(place);
        id
    }

    fn series(&mut self, name: &str) -> String {
        let id = slug(name);
        self.series.entry(id.clone()).or_insert(Series {
            id: id.clone(),
            name: source_text(name),
            place: None,
            url: None,
        });
        id
    }

    fn organization(&mut self, name: &str) -> String {
        let id = slug(name);
        self.organizations.entry(id.clone()).or_insert(Organization {
            id: id.clone(),
            name: name.to_owned(),
            url: None,
        });
        id
    }

    fn topic(&mut self, name: &str) -> String {
        let id = slug(name);
        self.topics.entry(id.clone()).or_insert_with(|| source_text(name));
        id
    }

    /// The event's id from its key; two keys that fold to one id (they differ by case): the later gets a number.
    fn event_id(&mut self, key: &str) -> String {
        let id = ids::of_key(key);
        let seen = self.events.entry(id.clone()).or_insert(0);
        *seen += 1;
        if *seen > 1 {
            format!("{id}-{seen}")
        } else {
            id
        }
    }

    fn into_feed(self, mut feed: Feed) -> Feed {
        feed.places = self.places.into_values().collect();
        feed.organizations = self.organizations.into_values().collect();
        feed.series = self.series.into_values().collect();
        feed.topics = self.topics.into_iter().map(|(id, name)| Topic { id, name }).collect();
        feed.events.sort_by(|a, b| start_text(&a.when).cmp(start_text(&b.when)).then_with(|| a.id.cmp(&b.id)));
        feed.indexed()
    }
}

/// One file's records as a feed; `name` is the file's.
pub fn feed(read: Read, name: &str, options: &Options, gazetteer: &Gazetteer, notes: &mut Vec<Note>) -> Feed {
    let Read { name: calendar, zone, records } = read;
    let records = one_copy_each(records, notes);
    let title = options.title.clone().or(calendar.clone()).unwrap_or_else(|| {
        let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
        file.rsplit_once('.').map_or(file, |(stem, _)| stem).to_owned()
    });
    let mut feed = Feed {
        title: source_text(&title),
        source: Some(Source {
            publisher: None,
            title,
            language: options.language.clone(),
            published: options.today.format("%Y-%m-%d").to_string(),
            url: None,
        }),
        ..Feed::default()
    };
    let mut entries = Entries::default();
    for record in records {
        let event = event(record, (calendar.as_deref(), zone), gazetteer, &mut entries, notes);
        feed.events.push(event);
    }
    entries.into_feed(feed)
}

/// One record as an event: its place, zone, attendance and references. `calendar`: the
/// file's name for its events' series, and its zone.
fn event(
    record: Record,
    calendar: (Option<&str>, Option<Tz>),
    gazetteer: &Gazetteer,
    entries: &mut Entries,
    notes: &mut Vec<Note>,
) -> Event {
    let mut note = |message: String| notes.push(Note { origin: record.origin.clone(), message });
    let placed = place(&record.location, gazetteer).unwrap_or_else(|message| {
        note(format!("{message}: kept without a place"));
        None
    });
    let zone = match &record.time {
        Time::Exact { zone: Some(zone), .. } => Some(*zone),
        _ => placed.as_ref().and_then(|(_, city)| city.time_zone.parse().ok()).or(calendar.1),
    };
    let when = when(&record.time, zone).unwrap_or_else(|day| {
        note("a time in no zone (floating), at no known place: its day kept, its time left out".into());
        day
    });
    let place_id = placed.map(|(place, _)| entries.place(place));
    let attendance = record.attendance.or(match (&place_id, &record.online_url) {
        (Some(_), Some(_)) => Some(Attendance::Mixed),
        (Some(_), None) => Some(Attendance::InPerson),
        (None, Some(_)) => Some(Attendance::Online),
        (None, None) => None,
    });
    if place_id.is_none() && attendance.is_none() && record.location == Location::default() {
        note("location not known: kept without a place".into());
    }
    let links = [(LinkKind::Website, &record.url), (LinkKind::Registration, &record.registration)]
        .into_iter()
        .filter_map(|(kind, url)| Some(Link { kind, url: url.clone()?, title: None }))
        .collect();
    Event {
        id: entries.event_id(&record.key),
        kind: record.kind.unwrap_or_else(|| kind(&record.title.en, &record.time)),
        edition: None,
        series: record.series.as_deref().or(calendar.0).map(|name| entries.series(name)),
        title: record.title,
        place: place_id,
        host: record.organizer.as_deref().map(|name| entries.organization(name)),
        when,
        sequence: None,
        summary: record.summary,
        sessions: Vec::new(),
        links,
        topics: record.topics.iter().map(|name| entries.topic(name)).collect(),
        updated: record.updated,
        status: record.status,
        previous_start: None,
        attendance,
        online_url: record.online_url,
        span: Span::default(),
        from_feed: None,
    }
}

fn start_text(when: &When) -> &str {
    match when {
        When::Datetime { start, .. } => start,
        When::Date { date, .. } => date,
        When::Between { earliest, .. } => earliest,
    }
}

/// One record per key (the highest revision, else the last), then one per link and start.
fn one_copy_each(records: Vec<Record>, notes: &mut Vec<Note>) -> Vec<Record> {
    let mut by_key: Vec<Record> = Vec::new();
    let mut positions: HashMap<String, usize> = HashMap::new();
    for record in records {
        match positions.get(&record.key) {
            Some(&at) => {
                let kept = &by_key[at];
                let newer = (record.revision, &record.updated) >= (kept.revision, &kept.updated);
                notes.push(Note {
                    origin: record.origin.clone(),
                    message: format!("the same event as {}: one copy kept", kept.origin),
                });
                if newer {
                    by_key[at] = record;
                }
            }
            None => {
                positions.insert(record.key.clone(), by_key.len());
                by_key.push(record);
            }
        }
    }
    let mut seen: HashMap<(String, String), String> = HashMap::new();
    by_key
        .into_iter()
        .filter(|record| {
            let Some(url) = &record.url else { return true };
            let key = (url.clone(), format!("{:?}", record.time));
            match seen.get(&key) {
                Some(first) => {
                    let message = format!("the same link and time as {first}: left out as a copy");
                    notes.push(Note { origin: record.origin.clone(), message });
                    false
                }
                None => {
                    seen.insert(key, record.origin.clone());
                    true
                }
            }
        })
        .collect()
}

/// The place a location names, with the city it is in (for its zone).
fn place<'g>(location: &Location, gazetteer: &'g Gazetteer) -> Result<Option<(Place, &'g City)>, String> {
    let country = location.country.as_deref().map(|c| gazetteer.country(c).unwrap_or(c));
    let region = location.region.as_deref();
    let address = location.text.clone().filter(|t| !t.trim().is_empty());
    let (city, at, approximate) = if let Some((lat, lon)) = location.geo {
        // The city its address names, if it is near; else the biggest near (a city, not one of
        // its boroughs); else the nearest within reach, which still says the country and zone.
        let near = |city: &&City| distance_km(lat, lon, city.lat, city.lon) <= NEAR_KM;
        let city = address
            .as_deref()
            .and_then(|a| gazetteer.locate(a, country, region))
            .filter(near)
            .or_else(|| gazetteer.biggest_near(lat, lon, CITY_KM))
            .or_else(|| gazetteer.nearest(lat, lon, REGION_KM))
            .ok_or(format!("no city within {REGION_KM} km of its coordinates {lat}, {lon}"))?;
        (city, (lat, lon), false)
    } else if let Some(name) = &location.city {
        let city = gazetteer.city(name, country, region).ok_or(format!("city `{name}` not found in the gazetteer"))?;
        (city, (city.lat, city.lon), true)
    } else if let Some(text) = &address {
        let city = gazetteer.locate(text, country, region).ok_or(format!("no city found in `{text}`"))?;
        (city, (city.lat, city.lon), true)
    } else {
        return Ok(None);
    };
    let base = format!("{}-{}", slug(city.name), city.country.to_ascii_lowercase());
    // A venue gets its own place; events known by their city alone share the city's.
    let venue = match (&address, location.geo) {
        (Some(address), _) => Some(fold(address)),
        (None, Some((lat, lon))) => Some(format!("{lat:.4},{lon:.4}")),
        (None, None) => None,
    };
    let id = match &venue {
        Some(venue) => format!("{base}-{}", &hash(venue)[..6]),
        None => base,
    };
    let place = Place {
        id,
        name: Text::both(city.name, city.name),
        region: city.region.map(str::to_owned),
        country: city.country.to_owned(),
        lat: (at.0 * 1e5).round() / 1e5,
        lon: (at.1 * 1e5).round() / 1e5,
        address,
        approximate,
    };
    Ok(Some((place, city)))
}

fn rfc3339(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone).format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// The feed's `when`; `Err` with the day alone when a floating time has no zone.
fn when(time: &Time, zone: Option<Tz>) -> Result<When, When> {
    let days = |first: chrono::NaiveDate, last: chrono::NaiveDate| When::Date {
        date: first.format("%Y-%m-%d").to_string(),
        end_date: (last > first).then(|| last.format("%Y-%m-%d").to_string()),
    };
    let exact = |start: DateTime<Utc>, end: Option<DateTime<Utc>>, zone: Tz| When::Datetime {
        start: rfc3339(start, zone),
        end: end.map(|e| rfc3339(e, zone)),
        time_zone: zone.name().to_owned(),
    };
    match (time, zone) {
        (Time::Days { first, last }, _) => Ok(days(*first, *last)),
        (Time::Exact { start, end, zone: own }, zone) => Ok(exact(*start, *end, own.or(zone).unwrap_or(Tz::UTC))),
        (Time::Floating { start, end }, Some(zone)) => {
            let utc = |t: &NaiveDateTime| zone.from_local_datetime(t).earliest().map(|t| t.with_timezone(&Utc));
            match utc(start) {
                Some(start) => Ok(exact(start, end.as_ref().and_then(utc), zone)),
                None => Err(days(start.date(), start.date())),
            }
        }
        (Time::Floating { start, end }, None) => {
            Err(days(start.date(), end.map_or(start.date(), |e| e.date()).max(start.date())))
        }
    }
}

/// What kind of event a title and a length suggest, when the source does not say.
fn kind(title: &str, time: &Time) -> EventKind {
    let folded = fold(title);
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let days = match time {
        Time::Days { first, last } => (*last - *first).num_days() + 1,
        Time::Exact { start, end: Some(end), .. } => (*end - *start).num_hours() / 20 + 1,
        Time::Floating { start, end: Some(end) } => (*end - *start).num_hours() / 20 + 1,
        _ => 1,
    };
    if has(&["hackathon", "hackday", "hackfest", "hack"]) {
        EventKind::Hackathon
    } else if has(&["workshop", "atelier", "bootcamp", "training", "formation"]) {
        EventKind::Workshop
    } else if days > 1 || has(&["conference", "conf", "summit", "sommet", "congres", "forum", "symposium", "days"]) {
        EventKind::Conference
    } else {
        EventKind::Meetup
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn kinds_from_titles_and_lengths() {
        let day = NaiveDate::from_ymd_opt(2019, 5, 28).unwrap();
        let one = Time::Days { first: day, last: day };
        let three = Time::Days { first: day, last: day.succ_opt().unwrap().succ_opt().unwrap() };
        assert_eq!(kind("Kubernetes Montréal — May meetup", &one), EventKind::Meetup);
        assert_eq!(kind("KubeCon Europe", &three), EventKind::Conference);
        assert_eq!(kind("Kubernetes Community Days Ottawa", &one), EventKind::Conference);
        assert_eq!(kind("Members-only: KubeCon recap", &one), EventKind::Meetup);
        assert_eq!(kind("Platform Hack Day", &one), EventKind::Hackathon);
        assert_eq!(kind("Cloud Native Day", &three), EventKind::Conference);
        assert_eq!(kind("Atelier Kubernetes", &one), EventKind::Workshop);
        assert_eq!(kind("Hackathon de printemps", &three), EventKind::Hackathon);
        // "con" inside a word is not a conference.
        assert_eq!(kind("Second meetup", &one), EventKind::Meetup);
    }
}
