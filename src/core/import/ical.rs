//! iCalendar (RFC 5545) as Meetup, Luma, Google and Outlook export it, read with the
//! `icalendar` crate's parser (unfolding, parameters, TEXT escapes) and expanded with
//! `rrule`. What this file adds is the meaning: times and zones, all-day ends, recurrences
//! within the import's window minus `EXDATE` and replaced by `RECURRENCE-ID`, where an
//! event is and whether it is online.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::parser::{read_calendar, unfold, Component, ParseString, Property};

use super::model::{Location, Note, Options, Read, Record, Time};
use super::zones;
use crate::core::feed::{Attendance, Status, Text, Written};
use crate::core::validate::is_safe_link;

/// At most this many occurrences of one repeating event.
const MAX_OCCURRENCES: u16 = 1000;

/// A date or date-time value as written.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Stamp {
    Date(NaiveDate),
    Utc(NaiveDateTime),
    Zoned(NaiveDateTime, Tz),
    /// No zone (RFC 5545's floating time), or one not known: `bool` says it was named.
    Floating(NaiveDateTime, bool),
}

impl Stamp {
    fn naive(self) -> NaiveDateTime {
        match self {
            Stamp::Date(date) => date.and_time(NaiveTime::MIN),
            Stamp::Utc(t) | Stamp::Zoned(t, _) | Stamp::Floating(t, _) => t,
        }
    }

    fn utc(self) -> Option<DateTime<Utc>> {
        match self {
            Stamp::Utc(t) => Some(t.and_utc()),
            Stamp::Zoned(t, zone) => zone.from_local_datetime(&t).earliest().map(|t| t.with_timezone(&Utc)),
            Stamp::Date(_) | Stamp::Floating(..) => None,
        }
    }

    /// The same wall-clock moved by `by` (an occurrence of a repeating event).
    fn at(self, naive: NaiveDateTime) -> Stamp {
        match self {
            Stamp::Date(_) => Stamp::Date(naive.date()),
            Stamp::Utc(_) => Stamp::Utc(naive),
            Stamp::Zoned(_, zone) => Stamp::Zoned(naive, zone),
            Stamp::Floating(_, named) => Stamp::Floating(naive, named),
        }
    }

    /// How an occurrence is named in keys: its local start.
    fn key(self) -> String {
        match self {
            Stamp::Date(date) => date.format("%Y%m%d").to_string(),
            other => other.naive().format("%Y%m%dT%H%M").to_string(),
        }
    }
}

fn property<'a>(component: &'a Component, name: &str) -> Option<&'a Property<'a>> {
    component.properties.iter().find(|p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn value(component: &Component, name: &str) -> Option<String> {
    let text = property(component, name)?.val.as_str().trim().to_owned();
    (!text.is_empty()).then_some(text)
}

fn param<'a>(property: &'a Property, key: &str) -> Option<&'a str> {
    property.params.iter().find(|p| p.key.as_str().eq_ignore_ascii_case(key))?.val.as_ref().map(|v| v.as_str())
}

/// Reads one calendar file; what it cannot read goes to `notes`.
pub fn read(name: &str, text: &str, options: &Options, notes: &mut Vec<Note>) -> Read {
    let note = |notes: &mut Vec<Note>, origin: String, message: String| notes.push(Note { origin, message });
    // Some exporters end lines with LF alone, some with CRLF; a BOM may lead.
    let unfolded = unfold(text.trim_start_matches('\u{feff}'));
    let calendar = match read_calendar(&unfolded) {
        Ok(calendar) => calendar,
        Err(error) => {
            let first = error.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim().to_owned();
            note(notes, name.into(), format!("not an iCalendar file that can be read ({first})"));
            return Read::default();
        }
    };
    let root = Component { name: "VCALENDAR".into(), properties: calendar.properties, components: vec![] };
    let text_value =
        |c: &Component, key: &str| value(c, key).map(|v| ParseString::from(v).unescape_text().as_str().to_owned());
    let aliases: Vec<(String, String)> = calendar
        .components
        .iter()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VTIMEZONE"))
        .filter_map(|c| Some((value(c, "TZID")?, value(c, "X-LIC-LOCATION")?)))
        .collect();
    let mut read = Read {
        name: text_value(&root, "X-WR-CALNAME"),
        zone: value(&root, "X-WR-TIMEZONE").and_then(|z| zones::zone(&z, &aliases)),
        records: Vec::new(),
    };
    let events: Vec<&Component> =
        calendar.components.iter().filter(|c| c.name.as_str().eq_ignore_ascii_case("VEVENT")).collect();
    // Occurrences that a VEVENT with a RECURRENCE-ID replaces: (UID, occurrence key).
    let replaced: Vec<(String, String)> = events
        .iter()
        .filter_map(|e| {
            let recurrence = property(e, "RECURRENCE-ID")?;
            Some((value(e, "UID")?, stamp(recurrence, &aliases).ok()?.key()))
        })
        .collect();
    for (n, event) in events.iter().enumerate() {
        let uid = value(event, "UID");
        let origin = format!("{name}: event {} ({})", n + 1, uid.as_deref().unwrap_or("no UID"));
        match occurrences(event, &aliases, options, &replaced) {
            Ok((occurrences, warning)) => {
                if let Some(warning) = warning {
                    note(notes, origin.clone(), warning);
                }
                for (key, time) in occurrences {
                    match record(event, key, time, &origin) {
                        Ok(record) => read.records.push(record),
                        Err(message) => note(notes, origin.clone(), message),
                    }
                }
            }
            Err(message) => note(notes, origin, message),
        }
    }
    read
}

/// A property's date or date-time.
fn stamp(property: &Property, aliases: &[(String, String)]) -> Result<Stamp, String> {
    let text = property.val.as_str().trim();
    let date = |t: &str| NaiveDate::parse_from_str(t, "%Y%m%d").map_err(|_| format!("`{t}` is not a date"));
    if text.len() == 8 || param(property, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE")) {
        return date(text.get(..8).unwrap_or(text)).map(Stamp::Date);
    }
    let (local, utc) = match text.strip_suffix(['Z', 'z']) {
        Some(local) => (local, true),
        None => (text, false),
    };
    let naive = NaiveDateTime::parse_from_str(local, "%Y%m%dT%H%M%S")
        .or_else(|_| NaiveDateTime::parse_from_str(local, "%Y%m%dT%H%M"))
        .map_err(|_| format!("`{text}` is not a date-time"))?;
    if utc {
        return Ok(Stamp::Utc(naive));
    }
    Ok(match param(property, "TZID") {
        Some(tzid) => match zones::zone(tzid, aliases) {
            Some(zone) => Stamp::Zoned(naive, zone),
            None => Stamp::Floating(naive, true),
        },
        None => Stamp::Floating(naive, false),
    })
}

/// `DURATION` (`P1D`, `PT1H30M`, `P2W`).
fn duration(text: &str) -> Option<Duration> {
    let (sign, rest) = match text.trim().strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text.trim().trim_start_matches('+')),
    };
    let rest = rest.strip_prefix('P')?;
    let mut total = 0i64;
    let mut number = String::new();
    let mut in_time = false;
    for c in rest.chars() {
        match c {
            '0'..='9' => number.push(c),
            'T' => in_time = true,
            'W' | 'D' | 'H' | 'M' | 'S' => {
                let n: i64 = number.parse().ok()?;
                number.clear();
                total += n * match (c, in_time) {
                    ('W', false) => 604_800,
                    ('D', false) => 86_400,
                    ('H', true) => 3600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return None,
                };
            }
            _ => return None,
        }
    }
    number.is_empty().then(|| Duration::seconds(sign * total))
}

type Occurrences = (Vec<(String, Time)>, Option<String>);

/// The event's occurrences (one unless it repeats), each with its key, and a warning.
fn occurrences(
    event: &Component,
    aliases: &[(String, String)],
    options: &Options,
    replaced: &[(String, String)],
) -> Result<Occurrences, String> {
    let uid = value(event, "UID").ok_or("no UID: left out (it could not keep its id when imported again)")?;
    let start = stamp(property(event, "DTSTART").ok_or("no DTSTART: left out")?, aliases)?;
    let mut warning = match start {
        Stamp::Floating(_, true) => Some(format!(
            "time zone `{}` not known: its day is kept, its time left out",
            property(event, "DTSTART").and_then(|p| param(p, "TZID")).unwrap_or("")
        )),
        _ => None,
    };
    let end = match property(event, "DTEND") {
        Some(end) => Some(stamp(end, aliases)?),
        None => value(event, "DURATION").and_then(|d| duration(&d)).map(|d| start.at(start.naive() + d)),
    };
    // Outlook marks some all-day events so, with midnight times.
    let all_day = value(event, "X-MICROSOFT-CDO-ALLDAYEVENT").is_some_and(|v| v.eq_ignore_ascii_case("TRUE"))
        && start.naive().time() == NaiveTime::MIN;
    let (start, end) = if all_day {
        (Stamp::Date(start.naive().date()), end.map(|e| Stamp::Date(e.naive().date())))
    } else {
        (start, end)
    };
    let length = end.map(|end| end.naive() - start.naive());
    if let Some(recurrence) = property(event, "RECURRENCE-ID") {
        let key = format!("{uid}/{}", stamp(recurrence, aliases)?.key());
        return Ok((vec![(key, time(start, end))], warning));
    }
    let Some(rule) = value(event, "RRULE") else {
        return Ok((vec![(uid, time(start, end))], warning));
    };
    let (starts, limited) =
        expand(event, &rule, start, aliases, options).map_err(|e| format!("RRULE `{rule}`: {e}"))?;
    if limited {
        warning =
            Some(format!("repeats more than {MAX_OCCURRENCES} times in the window: the first {MAX_OCCURRENCES} kept"));
    }
    let list = starts
        .into_iter()
        .filter(|s| !replaced.iter().any(|(u, k)| *u == uid && *k == s.key()))
        .map(|s| {
            let end = length.map(|l| s.at(s.naive() + l));
            (format!("{uid}/{}", s.key()), time(s, end))
        })
        .collect();
    Ok((list, warning))
}

/// The starts of a repeating event within the import's window, minus its `EXDATE`s.
fn expand(
    event: &Component,
    rule: &str,
    start: Stamp,
    aliases: &[(String, String)],
    options: &Options,
) -> Result<(Vec<Stamp>, bool), String> {
    let zone = match start {
        Stamp::Zoned(_, zone) => rrule::Tz::Tz(zone),
        // Dates and floating times repeat by the wall clock: UTC stands in for "no zone".
        _ => rrule::Tz::UTC,
    };
    let at = |naive: NaiveDateTime| zone.from_local_datetime(&naive).earliest();
    let first = match start {
        Stamp::Utc(t) => rrule::Tz::UTC.from_utc_datetime(&t),
        other => at(other.naive()).ok_or("its start does not exist in its zone")?,
    };
    let first = first.with_timezone(&zone);
    let parsed: rrule::RRule<rrule::Unvalidated> = rule.parse().map_err(|e: rrule::RRuleError| e.to_string())?;
    let mut set = parsed.build(first).map_err(|e| e.to_string())?;
    let window_from = at(options.from.and_time(NaiveTime::MIN)).ok_or("bad window")?;
    let window_until = at(options.until.and_hms_opt(23, 59, 59).unwrap_or_default()).ok_or("bad window")?;
    set = set.after(window_from).before(window_until);
    let result = set.all(MAX_OCCURRENCES);
    let excluded: Vec<Stamp> = event
        .properties
        .iter()
        .filter(|p| p.name.as_str().eq_ignore_ascii_case("EXDATE"))
        .flat_map(|p| {
            p.val
                .as_str()
                .split(',')
                .filter_map(|one| {
                    let single = Property { name: p.name.clone(), val: one.into(), params: p.params.clone() };
                    stamp(&single, aliases).ok()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let starts = result
        .dates
        .iter()
        .map(|t| match start {
            Stamp::Utc(_) => Stamp::Utc(t.with_timezone(&Utc).naive_utc()),
            other => other.at(t.naive_local()),
        })
        .filter(|s| !excluded.iter().any(|x| same_start(*x, *s)))
        .collect();
    Ok((starts, result.limited))
}

/// Whether an `EXDATE` names this start (by the instant, or by the day for dates).
fn same_start(excluded: Stamp, start: Stamp) -> bool {
    match (excluded.utc(), start.utc()) {
        (Some(a), Some(b)) => a == b,
        _ if matches!(start, Stamp::Date(_)) => excluded.naive().date() == start.naive().date(),
        _ => excluded.naive() == start.naive(),
    }
}

fn time(start: Stamp, end: Option<Stamp>) -> Time {
    match (start, start.utc()) {
        (Stamp::Date(first), _) => {
            // An all-day DTEND is the day after the last (exclusive).
            let last = match end {
                Some(Stamp::Date(end)) if end > first => end.pred_opt().unwrap_or(first),
                Some(end) if end.naive().date() > first => end.naive().date(),
                _ => first,
            };
            Time::Days { first, last }
        }
        (Stamp::Floating(t, true), _) => {
            Time::Days { first: t.date(), last: end.map_or(t.date(), |e| e.naive().date()).max(t.date()) }
        }
        (Stamp::Floating(t, false), _) => Time::Floating { start: t, end: end.map(|e| e.naive()).filter(|e| *e >= t) },
        (_, Some(utc)) => {
            let zone = match start {
                Stamp::Zoned(_, zone) => Some(zone),
                _ => None,
            };
            // An end in another form than the start is read as the same form.
            let end = end.and_then(|e| e.utc().or_else(|| start.at(e.naive()).utc())).filter(|e| *e >= utc);
            Time::Exact { start: utc, end, zone }
        }
        // A wall-clock time skipped by a change of offset: read as the day.
        (_, None) => Time::Days { first: start.naive().date(), last: start.naive().date() },
    }
}

/// Hosts of online meetings: a location at one of them is where to join, not a place.
const MEETING_HOSTS: [&str; 9] = [
    "zoom.us",
    "teams.microsoft.com",
    "teams.live.com",
    "meet.google.com",
    "meet.jit.si",
    "webex.com",
    "whereby.com",
    "youtube.com",
    "twitch.tv",
];

/// Words a location says when the event is online only.
const ONLINE_WORDS: [&str; 9] = [
    "online",
    "en ligne",
    "virtual",
    "virtuel",
    "zoom",
    "microsoft teams meeting",
    "google meet",
    "webinar",
    "livestream",
];

fn is_meeting(url: &str) -> bool {
    let host = url.split("://").nth(1).unwrap_or("").split(['/', '?', '#']).next().unwrap_or("").to_ascii_lowercase();
    MEETING_HOSTS.iter().any(|h| host == *h || host.ends_with(&format!(".{h}")))
}

fn record(event: &Component, key: String, time: Time, origin: &str) -> Result<Record, String> {
    let text = |name: &str| value(event, name);
    let source = |t: String| Text { en: t.clone(), fr: t, written: Written::Source };
    let title = text("SUMMARY").ok_or("no SUMMARY: left out")?;
    let link = |t: Option<String>| t.filter(|u| is_safe_link(u));
    let mut url = link(text("URL"));
    let mut online_url =
        ["CONFERENCE", "X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL", "X-MICROSOFT-ONLINEMEETINGCONFLINK"]
            .iter()
            .find_map(|name| link(text(name)));
    let mut location = Location::default();
    let mut said_online = false;
    if let Some(place) = text("LOCATION") {
        if is_safe_link(&place) {
            // Luma writes its event page where an address is hidden; a meeting host is where to join.
            if is_meeting(&place) {
                online_url = online_url.or(Some(place));
                said_online = true;
            } else {
                url = url.or(Some(place));
            }
        } else {
            let lower = place.to_lowercase();
            said_online = ONLINE_WORDS
                .iter()
                .any(|w| lower == *w || lower.starts_with(&format!("{w} ")) || lower.contains(&format!("{w} event")));
            if !said_online {
                location.text = Some(place);
            }
        }
    }
    location.geo = text("GEO").and_then(|g| {
        let (lat, lon) = g.split_once([';', ','])?;
        let (lat, lon): (f64, f64) = (lat.trim().parse().ok()?, lon.trim().parse().ok()?);
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) && (lat, lon) != (0.0, 0.0))
            .then_some((lat, lon))
    });
    let updated = property(event, "LAST-MODIFIED")
        .and_then(|p| stamp(p, &[]).ok())
        .and_then(|s| s.utc())
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string());
    let status = match text("STATUS").map(|s| s.to_ascii_uppercase()).as_deref() {
        Some("CANCELLED") => Status::Cancelled,
        _ => Status::Scheduled,
    };
    let topics = event
        .properties
        .iter()
        .filter(|p| p.name.as_str().eq_ignore_ascii_case("CATEGORIES"))
        .flat_map(|p| split_list(p.val.as_str()))
        .collect();
    let organizer = property(event, "ORGANIZER")
        .and_then(|p| param(p, "CN"))
        .map(|cn| cn.trim_matches('"').trim().to_owned())
        .filter(|cn| !cn.is_empty() && !cn.contains('@'));
    Ok(Record {
        key,
        origin: origin.to_owned(),
        title: source(title),
        summary: text("DESCRIPTION").map(source),
        kind: None,
        time,
        location,
        url,
        registration: None,
        attendance: said_online.then_some(Attendance::Online),
        online_url,
        status,
        updated,
        topics,
        series: None,
        organizer,
        revision: text("SEQUENCE").and_then(|s| s.parse().ok()).unwrap_or(0),
    })
}

/// A TEXT list (`CATEGORIES:Kubernetes,Cloud\, Native`): split on unescaped commas, unescaped.
fn split_list(text: &str) -> Vec<String> {
    let mut items = vec![String::new()];
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => items.last_mut().map(|s| s.push(' ')).unwrap_or(()),
                Some(other) => items.last_mut().map(|s| s.push(other)).unwrap_or(()),
                None => {}
            },
            ',' => items.push(String::new()),
            other => items.last_mut().map(|s| s.push(other)).unwrap_or(()),
        }
    }
    items.into_iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_lists() {
        assert_eq!(duration("PT1H30M"), Some(Duration::minutes(90)));
        assert_eq!(duration("P2D"), Some(Duration::days(2)));
        assert_eq!(duration("P1W"), Some(Duration::days(7)));
        assert_eq!(duration("P1H"), None);
        assert_eq!(duration("PT"), Some(Duration::zero()));
        assert_eq!(split_list("Kubernetes,Cloud\\, Native, ,DevOps"), ["Kubernetes", "Cloud, Native", "DevOps"]);
    }
}
