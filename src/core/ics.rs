//! iCalendar (RFC 5545) export: built in the browser from the feed (one event or the
//! whole shown list), and published at build time as calendars to subscribe to
//! (`core::publish`), stamped from the feed so that each build writes the same bytes.
//! Uncertain dates are exported as what they are — an all-day range with the
//! uncertainty said in the description — never as a made-up time.

use super::date::{Day, Moment};
use super::feed::{Event, Feed, Status, When};
use super::i18n::{self, Lang, Msg};
use super::query;

/// How a calendar's events are stamped and linked.
#[derive(Clone, Copy, Debug)]
pub enum Stamps<'a> {
    /// A download: stamped now (seconds since the epoch, UTC).
    Now(i64),
    /// A published calendar: each event stamped when it last changed (`updated`, else the
    /// feed's publication day), its `SEQUENCE` growing with it, and its `URL` on `site`.
    Feed { site: Option<&'a super::page::Site> },
}

/// A calendar of `events`, stamped at `now` (seconds since the epoch, UTC).
pub fn calendar(lang: Lang, feed: &Feed, events: &[&Event], now: i64) -> String {
    calendar_named(lang, feed, events, feed.title.get(lang), Stamps::Now(now))
}

/// A calendar of `events` named `name` (`X-WR-CALNAME`), stamped as `stamps` says.
pub fn calendar_named(lang: Lang, feed: &Feed, events: &[&Event], name: &str, stamps: Stamps) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//meetup-atlas//meetup-atlas//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    push_line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    if let Stamps::Feed { .. } = stamps {
        // How often a subscribed calendar is fetched again (RFC 7986, and Outlook's own).
        push_line(&mut out, "REFRESH-INTERVAL;VALUE=DURATION:PT12H");
        push_line(&mut out, "X-PUBLISHED-TTL:PT12H");
    }
    for event in events {
        vevent(lang, &mut out, feed, event, stamps);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// When an event last changed, in seconds since the epoch: its `updated`, else the day
/// its feed was published, else never (0).
pub fn changed(feed: &Feed, event: &Event) -> i64 {
    let published =
        || feed.source.as_ref().and_then(|s| Day::parse(&s.published)).map(|d| d.days_since_epoch() * 86_400);
    event.updated.as_deref().and_then(Moment::parse).map(|m| m.epoch_seconds).or_else(published).unwrap_or(0)
}

fn vevent(lang: Lang, out: &mut String, feed: &Feed, event: &Event, stamps: Stamps) {
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{}@meetup-atlas", event.id));
    match stamps {
        Stamps::Now(now) => push_line(out, &format!("DTSTAMP:{}", utc(now))),
        Stamps::Feed { .. } => {
            let changed = changed(feed, event);
            push_line(out, &format!("DTSTAMP:{}", utc(changed)));
            push_line(out, &format!("LAST-MODIFIED:{}", utc(changed)));
            // Minutes since 2000: a later change is a higher sequence, so it replaces the older.
            push_line(out, &format!("SEQUENCE:{}", (changed - 946_684_800).max(0) / 60));
        }
    }
    let mut description = Vec::new();
    match &event.when {
        When::Datetime { start, end, .. } => {
            // Exact times are written in UTC, which every calendar converts to its own zone.
            if let Some(start) = Moment::parse(start) {
                push_line(out, &format!("DTSTART:{}", utc(start.epoch_seconds)));
            }
            if let Some(end) = end.as_deref().and_then(Moment::parse) {
                push_line(out, &format!("DTEND:{}", utc(end.epoch_seconds)));
            }
        }
        When::Date { .. } | When::Between { .. } => {
            push_line(out, &format!("DTSTART;VALUE=DATE:{}", date(event.span.first)));
            // DTEND of an all-day event is the day after the last one.
            let after = Day::from_days_since_epoch(event.span.last.days_since_epoch() + 1);
            push_line(out, &format!("DTEND;VALUE=DATE:{}", date(after)));
        }
    }
    let title = event.title.get(lang);
    if event.status == Status::Cancelled {
        push_line(out, "STATUS:CANCELLED");
    }
    if let When::Between { note, .. } = &event.when {
        let range = i18n::fuzzy_range(lang, event.span);
        description.push(format!(
            "{} ({range}). {}",
            i18n::capitalized(Msg::ExactDayUnknown.text(lang)),
            note.get(lang)
        ));
        // Not a booked day: tentative (unless cancelled), and it leaves the calendar free.
        if event.status != Status::Cancelled {
            push_line(out, "STATUS:TENTATIVE");
        }
        push_line(out, "TRANSP:TRANSPARENT");
        push_line(out, &format!("SUMMARY:{}", escape(&i18n::uncertain_title(lang, title, &range))));
    } else {
        push_line(out, &format!("SUMMARY:{}", escape(title)));
    }
    if let Some(summary) = &event.summary {
        description.push(summary.get(lang).to_owned());
    }
    for session in &event.sessions {
        let speakers: Vec<&str> =
            session.speakers.iter().filter_map(|id| feed.person(id)).map(|p| p.name.as_str()).collect();
        description.push(format!(
            "{} — {} ({})",
            i18n::format_name(lang, session.format),
            i18n::session_title(lang, session),
            speakers.join(", ")
        ));
    }
    if !description.is_empty() {
        push_line(out, &format!("DESCRIPTION:{}", escape(&description.join("\n"))));
    }
    // Venue, city, region, country: what a calendar's map search finds.
    let place = event.place.as_deref().and_then(|id| feed.place(id));
    let host = event.host.as_deref().and_then(|id| feed.organization(id)).map(|o| o.name.as_str());
    let location: Vec<&str> = host
        .into_iter()
        .chain(
            place
                .into_iter()
                .flat_map(|p| {
                    [Some(p.name.get(lang)), query::readable_region(p), Some(i18n::country_name(lang, &p.country))]
                })
                .flatten(),
        )
        .filter(|part| !part.is_empty())
        .collect();
    if !location.is_empty() {
        push_line(out, &format!("LOCATION:{}", escape(&location.join(", "))));
    }
    let page = match stamps {
        // The event's own page in the atlas.
        Stamps::Feed { site: Some(site) } => Some(site.event(lang, &event.id)),
        _ => None,
    };
    if let Some(url) =
        page.as_deref().or_else(|| event.series.as_deref().and_then(|id| feed.series(id)?.url.as_deref()))
    {
        push_line(out, &format!("URL:{url}"));
    }
    push_line(out, "END:VEVENT");
}

fn date(day: Day) -> String {
    format!("{:04}{:02}{:02}", day.year, day.month, day.day)
}

fn utc(seconds: i64) -> String {
    let day = Day::from_days_since_epoch(seconds.div_euclid(86_400));
    let s = seconds.rem_euclid(86_400);
    format!("{}T{:02}{:02}{:02}Z", date(day), s / 3600, s % 3600 / 60, s % 60)
}

/// TEXT escaping of RFC 5545 §3.3.11.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets (RFC 5545 §3.1), never inside a character.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_folds() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        push_line(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(60)));
    }

    #[test]
    fn timestamps_are_utc() {
        assert_eq!(utc(0), "19700101T000000Z");
        assert_eq!(utc(Moment::parse("2019-05-28T18:00:00-04:00").unwrap().epoch_seconds), "20190528T220000Z");
    }
}
