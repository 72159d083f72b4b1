//! Calendar export of the seed feed.
#![cfg(not(target_arch = "wasm32"))]

use meetup_atlas::core::load;
use meetup_atlas::core::{ics, Lang};

const SEED: &str = include_str!("../public/feed.json");

#[test]
fn uncertain_events_are_all_day_ranges_that_say_so() {
    let f = load::load(SEED).unwrap().feed;
    let events: Vec<_> = f.events.iter().collect();
    let text = ics::calendar(Lang::En, &f, &events, 1_764_000_000);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 6);
    let unfolded = text.replace("\r\n ", "");
    assert!(unfolded.contains("UID:toronto-spring-2019@meetup-atlas\r\n"));
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20190524\r\nDTEND;VALUE=DATE:20190615\r\n"));
    assert!(!unfolded.contains("DTSTART:2019"), "no made-up time");
    assert!(unfolded.contains("DESCRIPTION:Exact day not stated (late May – mid June 2019). "));
    assert!(unfolded.contains("LOCATION:Flybits\\, Toronto\\, ON\\, Canada\r\n"), "venue, city, region, country");
    let toronto = unfolded.split("BEGIN:VEVENT").find(|e| e.contains("UID:toronto")).unwrap();
    assert!(toronto.contains("STATUS:TENTATIVE\r\nTRANSP:TRANSPARENT\r\n"), "a day not known is not a busy day");
    assert!(toronto.contains(
        "SUMMARY:Kubernetes & Cloud Native Toronto — spring 2019 (exact day not stated: late May – mid June 2019)\r\n"
    ));
    assert!(unfolded.contains("URL:https://www.meetup.com/Kubernetes-Toronto\r\n"));
    assert!(text.lines().all(|l| l.len() <= 75), "folded at 75 octets");
    let french = ics::calendar(Lang::Fr, &f, &events[..1], 0).replace("\r\n ", "");
    assert!(french.contains("DESCRIPTION:Jour exact non précisé (fin mai – mi-juin 2019)"), "{french}");
}

#[test]
fn location_names_the_country_and_leaves_out_a_registry_number() {
    let mut f = load::load(SEED).unwrap().feed;
    let place = f.events[0].place.clone().unwrap();
    let p = f.places.iter_mut().find(|p| p.id == place).unwrap();
    (p.region, p.country) = (Some("12".into()), "PL".into());
    let name = p.name.en.clone();
    let text = ics::calendar(Lang::En, &f, &[&f.events[0]], 0).replace("\r\n ", "");
    let location = text.lines().find(|l| l.starts_with("LOCATION:")).unwrap();
    assert!(location.ends_with(&format!("{name}\\, Poland")), "{location}");
    let text = ics::calendar(Lang::Fr, &f, &[&f.events[0]], 0).replace("\r\n ", "");
    assert!(text.contains("\\, Pologne\r\n"));
}

#[test]
fn a_cancelled_event_is_cancelled_in_the_calendar_too() {
    let mut feed: serde_json::Value = serde_json::from_str(SEED).unwrap();
    feed["events"][3]["status"] = serde_json::json!("cancelled");
    let f = load::load(&feed.to_string()).unwrap().feed;
    let id = feed["events"][3]["id"].as_str().unwrap();
    let event = f.events.iter().find(|e| e.id == id).unwrap();
    let text = ics::calendar(Lang::En, &f, &[event], 0).replace("\r\n ", "");
    assert!(text.contains("STATUS:CANCELLED\r\n"), "{text}");
    assert!(!text.contains("STATUS:TENTATIVE"), "one status only");
}
