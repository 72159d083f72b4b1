//! CSV as a spreadsheet exports it (LibreOffice, Excel, Google Sheets): one row per
//! event under a header of the columns in docs/feed.md ("Bring your data"), read with
//! the `csv` crate. Commas, semicolons (a French locale's export) or tabs; a BOM; CRLF.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

use super::model::{Location, Note, Read, Record, Time};
use super::zones;
use crate::core::feed::{Attendance, EventKind, Status, Text, Written};
use crate::core::lang::Lang;
use crate::core::validate::is_safe_link;

/// Every column it reads (other names a sheet may use are mapped in `column`).
pub const COLUMNS: [&str; 27] = [
    "id",
    "title",
    "title_en",
    "title_fr",
    "kind",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "time_zone",
    "city",
    "region",
    "country",
    "lat",
    "lon",
    "address",
    "attendance",
    "online_url",
    "status",
    "url",
    "registration_url",
    "summary",
    "summary_en",
    "summary_fr",
    "topics",
    "series",
    "organizer",
];

/// A header as written ("Start date", "Latitude") → our column, if one.
fn column(header: &str) -> Option<&'static str> {
    let name = header.trim().trim_start_matches('\u{feff}').to_lowercase().replace([' ', '-'], "_");
    let known = match name.as_str() {
        "date" | "start" => "start_date",
        "end" => "end_date",
        "timezone" | "tz" | "zone" => "time_zone",
        "latitude" => "lat",
        "lng" | "long" | "longitude" => "lon",
        "venue" | "location" => "address",
        "link" | "website" => "url",
        "registration" | "tickets" | "ticket_url" => "registration_url",
        "description" => "summary",
        "tags" => "topics",
        "group" => "series",
        "host" => "organizer",
        other => return COLUMNS.iter().find(|c| **c == other).copied(),
    };
    Some(known)
}

pub fn read(name: &str, text: &str, notes: &mut Vec<Note>) -> Read {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("");
    let delimiter =
        [b',', b';', b'\t'].into_iter().max_by_key(|d| first.bytes().filter(|b| b == d).count()).unwrap_or(b',');
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers: Vec<Option<&'static str>> = match reader.headers() {
        Ok(headers) => headers.iter().map(column).collect(),
        Err(error) => {
            notes.push(Note { origin: name.into(), message: format!("not a CSV file that can be read ({error})") });
            return Read::default();
        }
    };
    if let Ok(all) = reader.headers() {
        let unknown: Vec<&str> =
            all.iter().zip(&headers).filter(|(h, c)| c.is_none() && !h.is_empty()).map(|(h, _)| h).collect();
        if !unknown.is_empty() {
            notes.push(Note { origin: name.into(), message: format!("columns not read: {}", unknown.join(", ")) });
        }
    }
    let mut read = Read::default();
    for (n, row) in reader.records().enumerate() {
        // The header is line 1.
        let origin = format!("{name}: line {}", n + 2);
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                notes.push(Note { origin, message: format!("cannot be read ({error})") });
                continue;
            }
        };
        let cells: HashMap<&str, &str> = headers
            .iter()
            .zip(row.iter())
            .filter_map(|(c, v)| Some((((*c)?), v)))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        if cells.is_empty() {
            continue;
        }
        match record(&cells, origin.clone()) {
            Ok(record) => read.records.push(record),
            Err(message) => notes.push(Note { origin, message }),
        }
    }
    read
}

fn texts(cells: &HashMap<&str, &str>, plain: &str, en: &str, fr: &str) -> Option<Text> {
    let get = |c: &str| cells.get(c).map(|v| v.to_string());
    match (get(en), get(fr), get(plain)) {
        (Some(en), Some(fr), _) => Some(Text::both(en, fr)),
        (Some(en), None, _) => Some(Text { fr: en.clone(), en, written: Written::Only(Lang::En) }),
        (None, Some(fr), _) => Some(Text { en: fr.clone(), fr, written: Written::Only(Lang::Fr) }),
        (None, None, Some(text)) => Some(Text { en: text.clone(), fr: text, written: Written::Source }),
        (None, None, None) => None,
    }
}

fn date(text: &str, column: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("{column} `{text}` is not a date as YYYY-MM-DD: left out"))
}

fn clock(text: &str, column: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
        .map_err(|_| format!("{column} `{text}` is not a time as HH:MM: left out"))
}

/// A date cell that may carry its time ("2019-05-28 18:00", "2019-05-28T18:00").
fn date_time(
    cells: &HashMap<&str, &str>,
    date_col: &str,
    time_col: &str,
) -> Result<Option<(NaiveDate, Option<NaiveTime>)>, String> {
    let Some(cell) = cells.get(date_col) else { return Ok(None) };
    let (day, inline) = match cell.split_once(['T', ' ']) {
        Some((day, time)) => (day, Some(time)),
        None => (*cell, None),
    };
    let time = match (inline, cells.get(time_col).copied()) {
        (_, Some(time)) | (Some(time), None) => Some(clock(time, time_col)?),
        (None, None) => None,
    };
    Ok(Some((date(day, date_col)?, time)))
}

fn when(cells: &HashMap<&str, &str>) -> Result<Time, String> {
    let (first, start) = date_time(cells, "start_date", "start_time")?.ok_or("no start_date: left out")?;
    let end = date_time(cells, "end_date", "end_time")?;
    let Some(start) = start else {
        let last = end.map_or(first, |(d, _)| d).max(first);
        return Ok(Time::Days { first, last });
    };
    // An end time alone is on the start's day.
    let end = match (end, cells.get("end_time")) {
        (Some((day, Some(time))), _) => Some(day.and_time(time)),
        (Some((day, None)), _) => Some(day.and_time(start)),
        (None, Some(time)) => Some(first.and_time(clock(time, "end_time")?)),
        (None, None) => None,
    };
    let start = first.and_time(start);
    let end = end.filter(|e| *e >= start);
    let Some(zone_name) = cells.get("time_zone") else {
        return Ok(Time::Floating { start, end });
    };
    let zone = zones::zone(zone_name, &[]).ok_or(format!("time_zone `{zone_name}` is not a known zone: left out"))?;
    let utc = |t: NaiveDateTime| zone.from_local_datetime(&t).earliest().map(|t| t.with_timezone(&Utc));
    let start = utc(start).ok_or("its start does not exist in its zone: left out")?;
    Ok(Time::Exact { start, end: end.and_then(utc), zone: Some(zone) })
}

fn record(cells: &HashMap<&str, &str>, origin: String) -> Result<Record, String> {
    let get = |c: &str| cells.get(c).map(|v| v.to_string());
    let title = texts(cells, "title", "title_en", "title_fr").ok_or("no title: left out")?;
    let time = when(cells)?;
    let key = get("id").unwrap_or_else(|| format!("{}-{}", title.en, time.first_day()));
    let number = |c: &str| -> Result<Option<f64>, String> {
        cells
            .get(c)
            .map(|v| v.replace(',', ".").parse::<f64>().map_err(|_| format!("{c} `{v}` is not a number")))
            .transpose()
    };
    let geo = match (number("lat")?, number("lon")?) {
        (Some(lat), Some(lon)) if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) => Some((lat, lon)),
        (None, None) => None,
        _ => return Err("lat and lon must both be given, in degrees: left out".into()),
    };
    let link = |c: &str| -> Result<Option<String>, String> {
        match get(c) {
            Some(url) if !is_safe_link(&url) => Err(format!("{c} `{url}` is not an http(s) or mailto link: left out")),
            other => Ok(other),
        }
    };
    let word = |c: &str| get(c).map(|v| v.to_lowercase().replace([' ', '-'], "_"));
    let kind = match word("kind").as_deref() {
        None => None,
        Some("meetup") => Some(EventKind::Meetup),
        Some("conference") => Some(EventKind::Conference),
        Some("workshop") => Some(EventKind::Workshop),
        Some("hackathon") => Some(EventKind::Hackathon),
        Some("other") => Some(EventKind::Other),
        Some(other) => return Err(format!("kind `{other}` is not meetup, conference, workshop, hackathon or other")),
    };
    let status = match word("status").as_deref() {
        None | Some("scheduled") | Some("confirmed") => Status::Scheduled,
        Some("cancelled") | Some("canceled") => Status::Cancelled,
        Some("postponed") => Status::Postponed,
        Some("rescheduled") => Status::Rescheduled,
        Some("moved_online") => Status::MovedOnline,
        Some(other) => {
            return Err(format!("status `{other}` is not scheduled, cancelled, postponed, rescheduled or moved_online"))
        }
    };
    let attendance = match word("attendance").as_deref() {
        None => None,
        Some("in_person") => Some(Attendance::InPerson),
        Some("online") => Some(Attendance::Online),
        Some("mixed") | Some("hybrid") => Some(Attendance::Mixed),
        Some(other) => return Err(format!("attendance `{other}` is not in_person, online or mixed")),
    };
    Ok(Record {
        key,
        origin,
        title,
        summary: texts(cells, "summary", "summary_en", "summary_fr"),
        kind,
        time,
        location: Location {
            text: get("address"),
            city: get("city"),
            region: get("region"),
            country: get("country"),
            geo,
        },
        url: link("url")?,
        registration: link("registration_url")?,
        online_url: link("online_url")?,
        attendance,
        status,
        updated: None,
        topics: get("topics").map_or_else(Vec::new, |t| {
            t.split([';', ',', '|']).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
        }),
        series: get("series"),
        organizer: get("organizer"),
        revision: 0,
    })
}
