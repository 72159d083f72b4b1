//! feed-import on files in the shapes Meetup, Luma, Google Calendar, Outlook and
//! spreadsheets export (`tests/fixtures/import/`): every import passes the app's
//! validation and the JSON Schema, keeps what its source says and invents nothing.
#![cfg(all(not(target_arch = "wasm32"), feature = "import"))]

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use meetup_atlas::core::feed::{Attendance, EventKind, Feed, Status, When};
use meetup_atlas::core::import::{self, Imported, Options};
use meetup_atlas::core::{ics, load, schema, Lang};
use proptest::prelude::*;

const SCHEMA: &str = include_str!("../public/feed.schema.json");

fn fixture(name: &str) -> (String, String) {
    let path = format!("tests/fixtures/import/{name}");
    let text = std::fs::read_to_string(&path).unwrap();
    (path, text)
}

fn options() -> Options {
    Options::new(NaiveDate::from_ymd_opt(2025, 6, 1).unwrap())
}

/// Imports, then reads the written feed back as the atlas and feed-check do.
fn import_all(files: &[(String, String)]) -> (Imported, Feed) {
    let imported = import::import(files, &options());
    let json = imported.to_json();
    let loaded = load::load(&json).expect("the written feed loads");
    assert_eq!(loaded.problems, [], "{json}");
    let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(schema::check(&schema, &value), [], "{json}");
    assert_eq!(loaded.feed.events.len(), imported.feed.events.len());
    let feed = loaded.feed;
    (imported, feed)
}

fn event<'f>(feed: &'f Feed, title: &str) -> &'f meetup_atlas::core::Event {
    feed.events.iter().find(|e| e.title.en.contains(title)).unwrap_or_else(|| panic!("no event titled {title}"))
}

fn start(event: &meetup_atlas::core::Event) -> (&str, Option<&str>, &str) {
    match &event.when {
        When::Datetime { start, end, time_zone } => (start, end.as_deref(), time_zone),
        other => panic!("{} is not timed: {other:?}", event.id),
    }
}

#[test]
fn meetup_group_calendar() {
    let (_, feed) = import_all(&[fixture("meetup.ics")]);
    assert_eq!(feed.events.len(), 3);
    assert_eq!(feed.series[0].name.en, "Cloud Native Montréal");
    let spring = event(&feed, "printemps");
    assert_eq!(start(spring), ("2025-05-27T18:00:00-04:00", Some("2025-05-27T21:00:00-04:00"), "America/Toronto"));
    assert!(spring.summary.as_ref().unwrap().en.contains("opérateurs, GitOps et une démo"), "escapes read");
    let venue = feed.place(spring.place.as_deref().unwrap()).unwrap();
    assert_eq!(
        (venue.name.en.as_str(), venue.country.as_str(), venue.region.as_deref()),
        ("Montréal", "CA", Some("QC"))
    );
    assert_eq!((venue.lat, venue.lon, venue.approximate), (45.50055, -73.56685, false), "GEO is the venue");
    assert!(venue.address.as_deref().unwrap().starts_with("Shopify (490 Rue de la Gauchetière O, Montréal"));
    assert_eq!(spring.updated.as_deref(), Some("2025-05-20T15:00:00Z"));
    assert_eq!(spring.links[0].url, "https://www.meetup.com/cloud-native-montreal/events/305123456/");
    let online = event(&feed, "Lunch & Learn");
    assert_eq!((online.place.as_deref(), online.attendance), (None, Some(Attendance::Online)));
    assert_eq!(event(&feed, "eBPF").status, Status::Cancelled);
    // Two venues in one city are two places of that city.
    assert_eq!(feed.places.len(), 2);
}

#[test]
fn luma_calendar() {
    let (imported, feed) = import_all(&[fixture("luma.ics")]);
    let night = event(&feed, "Platform Engineering Night");
    // UTC in the file, shown in the zone of its place.
    assert_eq!(start(night), ("2025-06-11T18:00:00-04:00", Some("2025-06-11T21:00:00-04:00"), "America/Toronto"));
    assert_eq!(feed.place(night.place.as_deref().unwrap()).unwrap().name.en, "Toronto");
    assert!(feed.place(night.place.as_deref().unwrap()).unwrap().approximate, "placed by its city");
    assert_eq!(feed.organization(night.host.as_deref().unwrap()).unwrap().name, "Cloud Native Toronto");
    // An address Luma hides: its page is a link, not a place nor an online address; said.
    let hidden = event(&feed, "KubeCon recap");
    assert_eq!((hidden.place.as_deref(), hidden.attendance, hidden.online_url.as_deref()), (None, None, None));
    assert_eq!(hidden.links[0].url, "https://lu.ma/kubecon-recap");
    assert_eq!(hidden.kind, EventKind::Meetup);
    assert!(imported
        .notes
        .iter()
        .any(|n| n.origin.contains("h1ddenAddr3ss") && n.message.contains("location not known")));
    let webinar = event(&feed, "Gateway API");
    assert_eq!(webinar.attendance, Some(Attendance::Online));
    assert_eq!(webinar.online_url.as_deref(), Some("https://us02web.zoom.us/j/81234567890"));
    // No place, no zone named: UTC, as written.
    assert_eq!(start(webinar).2, "UTC");
}

/// The second Tuesdays of 2025, as the fixture's RRULE says, computed here by hand.
fn second_tuesdays() -> Vec<NaiveDate> {
    (1..=12)
        .map(|month| {
            let first = NaiveDate::from_ymd_opt(2025, month, 1).unwrap();
            let to_tuesday = (7 + Weekday::Tue.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
            first + Duration::days(i64::from(to_tuesday) + 7)
        })
        .collect()
}

#[test]
fn google_calendar_with_a_repeating_event() {
    let (_, feed) = import_all(&[fixture("google.ics")]);
    let monthly: Vec<_> = feed.events.iter().filter(|e| e.title.en.starts_with("Cloud Native Ottawa")).collect();
    let expected: Vec<String> = second_tuesdays()
        .into_iter()
        .filter(|d| *d != NaiveDate::from_ymd_opt(2025, 8, 12).unwrap()) // EXDATE
        .map(|d| d.to_string())
        .collect();
    let days: Vec<String> = monthly.iter().map(|e| start(e).0[..10].to_owned()).collect();
    assert_eq!(days, expected);
    // The moved occurrence replaces its original, and keeps its id.
    let march = monthly.iter().find(|e| start(e).0.starts_with("2025-03-11")).unwrap();
    assert_eq!(start(march).0, "2025-03-11T19:00:00-04:00");
    assert!(march.title.en.contains("moved to 7 pm"));
    assert!(march.id.ends_with("-20250311t1800"), "{}", march.id);
    // Winter and summer offsets of one zone.
    assert!(start(monthly[0]).0.ends_with("-05:00") && start(monthly[5]).0.ends_with("-04:00"));
    let first = monthly[0];
    assert_eq!(
        first.summary.as_ref().unwrap().en,
        "Monthly meetup: lightning talks, then pizza.\nBring a laptop; Wi-Fi is provided."
    );
    let topics: Vec<&str> = first.topics.iter().map(|t| feed.topic(t).unwrap().name.en.as_str()).collect();
    assert_eq!(topics, ["Kubernetes", "Cloud, Native"]);
    // All day, DTEND exclusive: 4 to 6 November.
    let kcd = event(&feed, "Community Days");
    assert_eq!(kcd.when, When::Date { date: "2025-11-04".into(), end_date: Some("2025-11-06".into()) });
    assert_eq!(kcd.kind, EventKind::Conference);
    let observability = event(&feed, "Observability");
    assert_eq!(observability.attendance, Some(Attendance::Mixed));
    assert_eq!(observability.online_url.as_deref(), Some("https://meet.google.com/abc-defg-hij"));
    assert_eq!(start(observability).0, "2025-09-18T18:30:00-04:00");
    assert_eq!(event(&feed, "Service mesh").status, Status::Cancelled);
}

#[test]
fn outlook_calendar_with_windows_zones() {
    let (_, feed) = import_all(&[fixture("outlook.ics")]);
    let munich = event(&feed, "München");
    assert_eq!(start(munich), ("2025-06-26T18:30:00+02:00", Some("2025-06-26T21:00:00+02:00"), "Europe/Berlin"));
    assert_eq!(feed.place(munich.place.as_deref().unwrap()).unwrap().country, "DE");
    let teams = event(&feed, "Platform team sync");
    assert_eq!(teams.attendance, Some(Attendance::Online));
    assert!(teams.online_url.as_deref().unwrap().starts_with("https://teams.microsoft.com/"));
    // All day, written with midnights.
    let summit = event(&feed, "Summit");
    assert_eq!(summit.when, When::Date { date: "2025-09-16".into(), end_date: Some("2025-09-17".into()) });
    // A floating time takes its place's zone.
    assert_eq!(start(event(&feed, "Québec")).0, "2025-10-02T18:00:00-04:00");
}

#[test]
fn spreadsheets_in_both_languages_and_locales() {
    let (imported, feed) = import_all(&[fixture("sheet.csv")]);
    assert_eq!(feed.events.len(), 5, "every row but the one with a day-first date");
    assert!(imported.notes.iter().any(|n| n.origin.ends_with("line 7") && n.message.contains("14/08/2025")));
    let tokyo = feed.events.iter().find(|e| e.id == "kcd-tokyo-2025").unwrap();
    assert_eq!(tokyo.when, When::Date { date: "2025-06-16".into(), end_date: Some("2025-06-17".into()) });
    assert_eq!(tokyo.links.len(), 2);
    assert_eq!(event(&feed, "São Paulo").title.get(Lang::Fr), "Cloud Native São Paulo — juin");
    let hack = event(&feed, "Hack Day");
    assert_eq!((hack.kind, hack.attendance), (EventKind::Hackathon, Some(Attendance::Mixed)));
    assert_eq!(start(hack).2, "Europe/Berlin", "a Windows zone name in the sheet");
    assert_eq!(event(&feed, "Kraków").status, Status::Postponed);

    let (_, feed) = import_all(&[fixture("tableur.csv")]);
    assert_eq!(feed.events.len(), 2, "semicolons, a BOM, CRLF and an empty row");
    let lyon = event(&feed, "Lyon");
    assert_eq!(start(lyon), ("2025-09-11T18:30:00+02:00", Some("2025-09-11T21:00:00+02:00"), "Europe/Paris"));
    assert_eq!(
        feed.place(lyon.place.as_deref().unwrap()).unwrap().address.as_deref(),
        Some("12 rue de la République; 69002 Lyon")
    );
    // No zone column: the city's.
    assert_eq!(start(event(&feed, "Bordeaux")).2, "Europe/Paris");
}

#[test]
fn importing_again_gives_the_same_ids() {
    let ids = |files: &[(String, String)]| -> BTreeSet<String> {
        import::import(files, &options()).feed.events.iter().map(|e| e.id.clone()).collect()
    };
    for name in ["meetup.ics", "google.ics", "outlook.ics", "luma.ics", "sheet.csv"] {
        let (path, text) = fixture(name);
        let before = ids(&[(path.clone(), text.clone())]);
        // The same calendar exported again with its events in another order.
        let lines: Vec<&str> = text.lines().collect();
        let reordered = if name.ends_with(".ics") {
            // VEVENT blocks reversed; the calendar's head and tail kept.
            let first = lines.iter().position(|l| *l == "BEGIN:VEVENT").unwrap();
            let last = lines.iter().rposition(|l| *l == "END:VEVENT").unwrap();
            let mut blocks: Vec<Vec<&str>> = Vec::new();
            for line in &lines[first..=last] {
                if *line == "BEGIN:VEVENT" {
                    blocks.push(Vec::new());
                }
                blocks.last_mut().unwrap().push(line);
            }
            blocks.reverse();
            let mut all = lines[..first].to_vec();
            all.extend(blocks.concat());
            all.extend(&lines[last + 1..]);
            all.join("\r\n")
        } else {
            let mut rows = lines.clone();
            rows[1..].reverse();
            rows.join("\n")
        };
        assert_eq!(ids(&[(path, reordered)]), before, "{name}");
    }
}

#[test]
fn repeating_events_are_expanded_within_the_window_only() {
    let calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:weekly@example.org\r\n\
        DTSTART;TZID=Europe/Paris:20200107T190000\r\nDURATION:PT2H\r\nRRULE:FREQ=WEEKLY\r\n\
        SUMMARY:Weekly meetup\r\nLOCATION:Paris\\, France\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let options = options();
    let imported = import::import(&[("weekly.ics".into(), calendar.into())], &options);
    let days: Vec<NaiveDate> = imported
        .feed
        .events
        .iter()
        .map(|e| NaiveDate::parse_from_str(&start(e).0[..10], "%Y-%m-%d").unwrap())
        .collect();
    let tuesdays =
        options.from.iter_days().take_while(|d| *d <= options.until).filter(|d| d.weekday() == Weekday::Tue).count();
    assert_eq!(days.len(), tuesdays);
    assert!(days.iter().all(|d| *d >= options.from && *d <= options.until));
    assert_eq!(start(&imported.feed.events[0]).1.map(|e| &e[11..16]), Some("21:00"), "DURATION gives the end");
}

/// A feed with exact times in several zones, days, a cancelled event: out as our calendar
/// file, back in through feed-import, every event and time the same.
#[test]
fn our_calendar_files_import_back_unchanged() {
    let json = r#"{"schema_version": 1, "title": {"en": "Round trip", "fr": "Aller-retour"},
      "places": [
        {"id": "tokyo", "name": {"en": "Tokyo", "fr": "Tokyo"}, "country": "JP", "lat": 35.68, "lon": 139.69},
        {"id": "montreal", "name": {"en": "Montreal", "fr": "Montréal"}, "region": "QC", "country": "CA", "lat": 45.5, "lon": -73.57}],
      "events": [
        {"id": "a", "kind": "meetup", "title": {"en": "Evening", "fr": "Soirée"}, "place": "montreal",
         "when": {"type": "datetime", "start": "2025-05-27T18:00:00-04:00", "end": "2025-05-27T21:00:00-04:00", "time_zone": "America/Toronto"}},
        {"id": "b", "kind": "conference", "title": {"en": "Days", "fr": "Journées"}, "place": "tokyo",
         "when": {"type": "date", "date": "2025-06-16", "end_date": "2025-06-17"}},
        {"id": "c", "kind": "meetup", "title": {"en": "Cancelled", "fr": "Annulé"}, "place": "tokyo", "status": "cancelled",
         "when": {"type": "datetime", "start": "2025-07-01T19:00:00+09:00", "time_zone": "Asia/Tokyo"}}]}"#;
    let original = load::load(json).unwrap().feed;
    let events: Vec<_> = original.events.iter().collect();
    let calendar = ics::calendar(Lang::En, &original, &events, 1_750_000_000);
    let (_, back) = import_all(&[("atlas.ics".into(), calendar)]);
    assert_eq!(back.events.len(), original.events.len());
    for before in &original.events {
        let after = back.events.iter().find(|e| e.id == before.id).unwrap_or_else(|| panic!("{} lost", before.id));
        assert_eq!(after.when, before.when, "{}", before.id);
        assert_eq!(after.status, before.status);
        assert_eq!(after.title.en, before.title.en);
    }
}

#[test]
fn several_feeds_merge_into_one() {
    let bundled = ("public/feed.json".to_owned(), std::fs::read_to_string("public/feed.json").unwrap());
    let google = fixture("google.ics");
    let (imported_once, feed) = import_all(&[bundled.clone(), google.clone()]);
    let alone = |file: &(String, String)| import::import(std::slice::from_ref(file), &options()).feed;
    let (a, b) = (alone(&bundled), alone(&google));
    assert_eq!(feed.events.len(), a.events.len() + b.events.len());
    // Ids: the file's short name and the event's own.
    assert!(a.events.iter().all(|e| feed.events.iter().any(|m| m.id == format!("feed-{}", e.id))));
    assert!(b.events.iter().all(|e| feed.events.iter().any(|m| m.id == format!("google-{}", e.id))));
    assert!(imported_once.notes.is_empty(), "{:?}", imported_once.notes);
    // The same calendar twice (a chapter listed in two feeds): each event once.
    let copy = ("copy/google.ics".to_owned(), google.1.clone());
    let (twice, merged) = import_all(&[google.clone(), copy]);
    assert_eq!(merged.events.len(), b.events.len());
    assert_eq!(twice.notes.len(), b.events.len());
    // And the order of files does not change an id.
    let (_, reversed) = import_all(&[google, bundled]);
    let ids = |f: &Feed| f.events.iter().map(|e| e.id.clone()).collect::<BTreeSet<_>>();
    assert_eq!(ids(&reversed), ids(&feed));
}

fn ics_text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("BEGIN:VCALENDAR".to_owned()),
        Just("END:VCALENDAR".to_owned()),
        Just("BEGIN:VEVENT".to_owned()),
        Just("END:VEVENT".to_owned()),
        Just("UID:x@y".to_owned()),
        Just("RRULE:FREQ=DAILY;COUNT=3".to_owned()),
        Just("RRULE:FREQ=SECONDLY".to_owned()),
        "(DTSTART|DTEND|EXDATE|RECURRENCE-ID|LAST-MODIFIED)(;TZID=[A-Za-z/ ]{0,20}|;VALUE=DATE)?:[0-9TZ]{0,16}",
        "(SUMMARY|LOCATION|DESCRIPTION|GEO|URL|STATUS|CATEGORIES|DURATION|X-WR-CALNAME|X-WR-TIMEZONE):\\PC{0,30}",
        "\\PC{0,40}",
        Just(" folded".to_owned()),
    ];
    prop::collection::vec(line, 0..40).prop_map(|lines| lines.join("\r\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever the file, an import ends, and what it writes is a feed the atlas reads whole.
    #[test]
    fn any_input_imports_without_panic(ics in ics_text(), csv in "\\PC{0,200}", header in "(title|start_date|city|lat|lon|time_zone|start_time)(,(title|start_date|city|lat|lon|time_zone|start_time)){0,6}") {
        for (name, text) in [("a.ics", ics.clone()), ("b.csv", csv), ("c.csv", format!("{header}\n{}", ics.replace("\r\n", "\n")))] {
            let imported = import::import(&[(name.into(), text)], &options());
            let loaded = load::load(&imported.to_json()).unwrap();
            prop_assert_eq!(loaded.problems, vec![]);
        }
    }
}

/// The shipped example imports cleanly, and every column the reader knows is documented.
#[test]
fn the_example_sheet_and_the_documented_columns() {
    let example = ("docs/examples/events.csv".to_owned(), std::fs::read_to_string("docs/examples/events.csv").unwrap());
    let (imported, feed) = import_all(std::slice::from_ref(&example));
    assert_eq!(imported.notes, [], "the example needs no note");
    assert_eq!(feed.events.len(), example.1.lines().count() - 1);
    let docs = std::fs::read_to_string("docs/feed.md").unwrap();
    let table = docs.split("### From a spreadsheet").nth(1).unwrap().split("###").next().unwrap();
    for column in import::spreadsheet::COLUMNS {
        assert!(table.contains(&format!("`{column}`")), "docs/feed.md does not document the column {column}");
    }
}
