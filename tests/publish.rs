//! Published calendars (`core::publish`, `feed-publish`): one per scope and language, the
//! same bytes on every build, stamped from the feed so an update replaces an event.
#![cfg(not(target_arch = "wasm32"))]

use meetup_atlas::core::load;
use meetup_atlas::core::page::Site;
use meetup_atlas::core::publish::{calendars, File};

const SEED: &str = include_str!("../public/feed.json");

fn file<'a>(files: &'a [File], path: &str) -> &'a str {
    &files.iter().find(|f| f.path == path).unwrap_or_else(|| panic!("no {path}")).text
}

/// The site built with the feed: each event has its page there.
fn built() -> Site {
    Site::new("https://events.example.org/atlas", true)
}

fn vevents(text: &str) -> usize {
    text.matches("BEGIN:VEVENT").count()
}

#[test]
fn a_calendar_per_scope_and_language_listed_in_the_index() {
    let feed = load::load(SEED).unwrap().feed;
    let files = calendars(&feed, Some(&built()));
    for lang in ["en", "fr"] {
        assert_eq!(vevents(file(&files, &format!("calendars/all.{lang}.ics"))), feed.events.len());
        for place in &feed.places {
            let here = feed.events.iter().filter(|e| e.place.as_deref() == Some(&place.id)).count();
            let path = format!("calendars/place/{}.{lang}.ics", place.id);
            match here {
                0 => assert!(files.iter().all(|f| f.path != path), "no empty calendar"),
                n => assert_eq!(vevents(file(&files, &path)), n, "{path}"),
            }
        }
    }
    let index: serde_json::Value = serde_json::from_str(file(&files, "calendars/index.json")).unwrap();
    let listed = index.as_array().unwrap();
    assert_eq!(listed.len(), files.len() - 1, "every calendar listed");
    for entry in listed {
        let text = file(&files, entry["path"].as_str().unwrap());
        assert_eq!(vevents(text), entry["events"].as_u64().unwrap() as usize);
        let name = entry["name"].as_str().unwrap();
        assert!(text.replace("\r\n ", "").contains(&format!("X-WR-CALNAME:{}", name.replace(',', "\\,"))), "{name}");
    }
    let all = file(&files, "calendars/all.en.ics").replace("\r\n ", "");
    let first = &feed.events[0];
    assert!(all.contains(&format!("URL:https://events.example.org/atlas/events/{}/\r\n", first.id)));
    let french = file(&files, "calendars/all.fr.ics").replace("\r\n ", "");
    assert!(french.contains(&format!("URL:https://events.example.org/atlas/fr/events/{}/\r\n", first.id)));
    // A feed shown on a site without its pages (an element): the atlas with `?event=`.
    let elsewhere = calendars(&feed, Some(&Site::new("https://example.org/", false)));
    let all = file(&elsewhere, "calendars/all.fr.ics").replace("\r\n ", "");
    assert!(all.contains(&format!("URL:https://example.org/fr/?event={}\r\n", first.id)));
    assert!(all.contains("REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n"));
}

#[test]
fn the_same_feed_gives_the_same_bytes_and_a_change_a_higher_sequence() {
    let feed = load::load(SEED).unwrap().feed;
    assert_eq!(calendars(&feed, None), calendars(&feed, None), "deterministic");
    let sequence = |text: &str, id: &str| -> u64 {
        let event = text.split("BEGIN:VEVENT").find(|e| e.contains(&format!("UID:{id}@"))).unwrap();
        event.lines().find_map(|l| l.strip_prefix("SEQUENCE:")).unwrap().parse().unwrap()
    };
    let id = feed.events[0].id.clone();
    let before = sequence(file(&calendars(&feed, None), "calendars/all.en.ics"), &id);
    let mut changed = feed.clone();
    changed.events[0].updated = Some("2026-12-01T10:00:00Z".into());
    let files = calendars(&changed, None);
    let text = file(&files, "calendars/all.en.ics");
    assert!(sequence(text, &id) > before);
    assert!(text.contains("LAST-MODIFIED:20261201T100000Z\r\n"));
    assert!(!text.contains("?event="), "no site, no address in the atlas");
}

#[test]
fn the_calendar_offered_is_the_one_that_holds_what_is_shown() {
    use meetup_atlas::core::explore::{Facet, Filters};
    use meetup_atlas::core::publish::{matching, subscribe, Listed, Matching};
    use meetup_atlas::core::Lang;
    let feed = load::load(SEED).unwrap().feed;
    let files = calendars(&feed, Some(&built()));
    let listed: Vec<Listed> = serde_json::from_str(file(&files, "calendars/index.json")).unwrap();
    let path = |m: Matching| match m {
        Matching::Exact(c) => format!("exact {}", c.path),
        Matching::AllInstead(c) => format!("instead {}", c.path),
        Matching::Nothing => "nothing".into(),
    };
    let none = Filters::default();
    let place = feed.events[0].place.clone().unwrap();
    assert_eq!(path(matching(Lang::Fr, &listed, None, &none)), "exact calendars/all.fr.ics");
    assert_eq!(path(matching(Lang::En, &listed, Some(&place), &none)), format!("exact calendars/place/{place}.en.ics"));
    let mut by_place = Filters::default();
    by_place.toggle(Facet::Place, &place);
    assert_eq!(path(matching(Lang::En, &listed, None, &by_place)), format!("exact calendars/place/{place}.en.ics"));
    let topic = listed.iter().find(|c| c.id.is_some() && c.path.contains("/topic/")).unwrap().id.clone().unwrap();
    let mut by_topic = Filters::default();
    by_topic.toggle(Facet::Topic, &topic);
    assert_eq!(path(matching(Lang::En, &listed, None, &by_topic)), format!("exact calendars/topic/{topic}.en.ics"));
    let searched = Filters { search: "ottawa".into(), ..Filters::default() };
    assert_eq!(path(matching(Lang::En, &listed, None, &searched)), "instead calendars/all.en.ics");
    assert_eq!(path(matching(Lang::En, &[], None, &none)), "nothing");
    use meetup_atlas::core::publish::index_beside;
    assert_eq!(index_beside("feed.json").as_deref(), Some("calendars/index.json"));
    assert_eq!(index_beside("../feed.json?v=2").as_deref(), Some("../calendars/index.json"));
    assert_eq!(index_beside("https://x.org/a/feed.json").as_deref(), Some("https://x.org/a/calendars/index.json"));
    assert_eq!(index_beside("a.json b.json"), None);
    let links = subscribe("https://events.example.org/atlas/calendars/all.en.ics", "Cloud & Native");
    assert_eq!(links.webcal, "webcal://events.example.org/atlas/calendars/all.en.ics");
    assert_eq!(
        links.google,
        "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Fevents.example.org%2Fatlas%2Fcalendars%2Fall.en.ics"
    );
    assert!(links
        .outlook
        .starts_with("https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fevents.example.org%2F"));
    assert!(links.outlook.ends_with("&name=Cloud%20%26%20Native"));
}

#[test]
fn atom_feeds_list_the_newest_events_first() {
    use meetup_atlas::core::publish::atom_feeds;
    let mut feed = load::load(SEED).unwrap().feed;
    feed.events[0].title.en = "Q&A <night> \"live\"".into();
    let files = atom_feeds(&feed, Some(&built()));
    let en = file(&files, "feeds/events.en.atom");
    assert!(en.starts_with(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"
    ));
    assert_eq!(en.matches("<entry>").count(), feed.events.len());
    assert!(en.contains("<title>Q&amp;A &lt;night&gt; &quot;live&quot;</title>"), "escaped");
    let fr = file(&files, "feeds/events.fr.atom");
    assert!(fr.contains(&format!("href=\"https://events.example.org/atlas/fr/events/{}/\"", feed.events[1].id)));
    // Newest first: the days of the entries, in order, never go forward.
    let firsts: Vec<_> = {
        let mut events: Vec<_> = feed.events.iter().collect();
        events.sort_by(|a, b| b.span.first.cmp(&a.span.first).then_with(|| a.id.cmp(&b.id)));
        events.iter().map(|e| e.id.clone()).collect()
    };
    let order: Vec<usize> = firsts.iter().map(|id| en.find(&format!("/events/{id}/\"")).unwrap()).collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]));
    let bare = atom_feeds(&feed, None);
    assert!(file(&bare, "feeds/events.en.atom").contains("<id>urn:meetup-atlas:event:"), "no site: urn ids, no links");
}

#[test]
fn a_sitemap_of_every_page_in_both_languages_only_with_a_site() {
    use meetup_atlas::core::publish::sitemap;
    let feed = load::load(SEED).unwrap().feed;
    assert_eq!(sitemap(&feed, None), []);
    let files = sitemap(&feed, Some(&built()));
    let map = file(&files, "sitemap.xml");
    assert_eq!(map.matches("<url>").count(), 2 * (1 + feed.events.len()));
    assert!(map.contains("<loc>https://events.example.org/atlas/fr/</loc>"));
    assert!(map.contains("hreflang=\"fr\" href=\"https://events.example.org/atlas/fr/\""));
    for event in &feed.events {
        let en = format!("https://events.example.org/atlas/events/{}/", event.id);
        let fr = format!("https://events.example.org/atlas/fr/events/{}/", event.id);
        assert!(map.contains(&format!("<loc>{en}</loc>")) && map.contains(&format!("<loc>{fr}</loc>")));
        assert_eq!(map.matches(&format!("hreflang=\"fr\" href=\"{fr}\"")).count(), 2, "each names the other");
    }
    let without_pages = sitemap(&feed, Some(&Site::new("https://events.example.org/atlas/", false)));
    assert_eq!(file(&without_pages, "sitemap.xml").matches("<url>").count(), 2);
    assert!(file(&files, "robots.txt").contains("Sitemap: https://events.example.org/atlas/sitemap.xml\n"));
}

#[test]
fn json_ld_says_what_the_feed_knows() {
    use meetup_atlas::core::publish::json_ld;
    let feed = load::load(SEED).unwrap().feed;
    let files = json_ld(&feed, Some(&built()));
    let ld: serde_json::Value = serde_json::from_str(file(&files, "ld/events.fr.json")).unwrap();
    let graph = ld["@graph"].as_array().unwrap();
    assert_eq!(graph.len(), feed.events.len());
    assert!(graph.iter().all(|e| e.get("startDate").is_none()), "no day invented for uncertain events");
    let json = r#"{"schema_version": 1, "title": "T", "source": {"title": "T", "language": "en", "published": "2025-06-01"},
      "places": [{"id": "ottawa", "name": "Ottawa", "country": "CA", "region": "ON", "lat": 45.4, "lon": -75.7, "approximate": true}],
      "events": [{"id": "a", "kind": "meetup", "title": "A", "place": "ottawa", "attendance": "mixed",
        "online_url": "https://meet.example/a", "status": "cancelled",
        "links": [{"kind": "registration", "url": "https://tickets.example/a"}],
        "when": {"type": "datetime", "start": "2025-06-10T18:00:00-04:00", "time_zone": "America/Toronto"}}]}"#;
    let feed = load::load(json).unwrap().feed;
    let files = json_ld(&feed, None);
    let ld: serde_json::Value = serde_json::from_str(file(&files, "ld/events.en.json")).unwrap();
    let event = &ld["@graph"][0];
    assert_eq!(event["startDate"], "2025-06-10T18:00:00-04:00");
    assert_eq!(event["eventStatus"], "https://schema.org/EventCancelled");
    assert_eq!(event["eventAttendanceMode"], "https://schema.org/MixedEventAttendanceMode");
    assert_eq!(event["location"][0]["address"]["addressRegion"], "ON");
    assert!(event["location"][0].get("geo").is_none(), "a city centre is not the venue's position");
    assert_eq!(event["location"][1]["@type"], "VirtualLocation");
    assert_eq!(event["offers"]["url"], "https://tickets.example/a");
    assert!(event.get("url").is_none(), "no site, no address");
}
