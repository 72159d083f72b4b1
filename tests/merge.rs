//! Several feeds in one atlas (`core::merge`): ids from each feed's short name, places and
//! vocabularies merged, the same event shown once, a failing feed named while the others show.

use meetup_atlas::core::feed::{Text, Written};
use meetup_atlas::core::load::{self, LoadError};
use meetup_atlas::core::merge::{addresses, load_all, short_names};
use meetup_atlas::core::validate::ProblemKind;
use meetup_atlas::core::Lang;

fn bundled() -> String {
    std::fs::read_to_string("public/feed.json").unwrap()
}

/// A second chapter's feed, in English plain strings, sharing a topic id and a place id with the bundled one.
fn chapter() -> String {
    r#"{"schema_version": 1, "title": "Cloud Native Ottawa",
      "source": {"title": "Group calendar", "language": "en", "published": "2025-06-01"},
      "places": [{"id": "ottawa", "name": "Ottawa", "region": "ON", "country": "CA", "lat": 45.4215, "lon": -75.6972}],
      "topics": [{"id": "kubernetes", "name": {"en": "Kubernetes", "fr": "Kubernetes"}}],
      "events": [
        {"id": "june", "kind": "meetup", "title": "June meetup", "place": "ottawa", "topics": ["kubernetes"],
         "when": {"type": "datetime", "start": "2025-06-10T18:00:00-04:00", "time_zone": "America/Toronto"}},
        {"id": "july", "kind": "meetup", "title": "July meetup", "place": "ottawa",
         "when": {"type": "date", "date": "2025-07-08"}}]}"#
        .to_owned()
}

#[test]
fn addresses_and_short_names() {
    assert_eq!(addresses(" a.json\n b.json  c.json"), ["a.json", "b.json", "c.json"]);
    assert_eq!(short_names(&["chapters/montreal.json", "https://x.org/toronto.json?v=2"]), ["montreal", "toronto"]);
    assert_eq!(short_names(&["montreal/feed.json", "toronto/feed.json"]), ["montreal-feed", "toronto-feed"]);
    assert_eq!(short_names(&["feed.json", "feed.json"]), ["feed", "feed-2"]);
    assert_eq!(short_names(&["https://x.org/"]), ["x"]);
}

#[test]
fn two_feeds_are_shown_as_one() {
    let one = load::load(&bundled()).unwrap().feed;
    let two = load::load(&chapter()).unwrap().feed;
    let merged = load_all(vec![("feed.json".into(), Ok(bundled())), ("ottawa.json".into(), Ok(chapter()))]).unwrap();
    let feed = &merged.feed;
    assert_eq!(merged.failed, []);
    assert_eq!(feed.events.len(), one.events.len() + two.events.len());
    for (short, source, from) in [("feed", &one, 0), ("ottawa", &two, 1)] {
        for event in &source.events {
            let id = format!("{short}-{}", event.id);
            let kept = feed.events.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("{id}"));
            assert_eq!(kept.from_feed, Some(from));
            assert_eq!(kept.when, event.when);
        }
    }
    assert_eq!(
        feed.merged_from.iter().map(|t| t.en.as_str()).collect::<Vec<_>>(),
        [one.title.en.as_str(), "Cloud Native Ottawa"]
    );
    // The shared topic is one; the shared place id lies within 1 km: one place.
    assert_eq!(feed.topics.iter().filter(|t| t.id == "kubernetes").count(), 1);
    let ottawa = one.places.iter().any(|p| p.id == "ottawa");
    assert_eq!(feed.places.len(), one.places.len() + usize::from(!ottawa));
    // The chapter's plain strings are English, the first feed's source language is French.
    assert_eq!(one.source.as_ref().unwrap().language, "fr");
    let june = feed.events.iter().find(|e| e.id == "ottawa-june").unwrap();
    assert_eq!(
        june.title,
        Text { en: "June meetup".into(), fr: "June meetup".into(), written: Written::Only(Lang::En) }
    );
    assert_eq!(june.title.written_in(Lang::Fr, Some("fr")), Some("en"));
    // Every reference resolves in the merged feed.
    for event in &feed.events {
        assert!(event.place.as_deref().is_none_or(|p| feed.place(p).is_some()), "{}", event.id);
        assert!(event.topics.iter().all(|t| feed.topic(t).is_some()));
        assert!(event.edition.as_deref().is_none_or(|e| feed.edition(e).is_some()));
        for session in &event.sessions {
            assert!(session.speakers.iter().all(|s| feed.person(s).is_some()), "{}", session.id);
        }
    }
    // The order of feeds changes no id.
    let reversed = load_all(vec![("ottawa.json".into(), Ok(chapter())), ("feed.json".into(), Ok(bundled()))]).unwrap();
    let ids =
        |f: &meetup_atlas::core::Feed| f.events.iter().map(|e| e.id.clone()).collect::<std::collections::BTreeSet<_>>();
    assert_eq!(ids(&reversed.feed), ids(feed));
}

#[test]
fn a_feed_that_fails_is_named_and_the_others_show() {
    let merged = load_all(vec![
        ("feed.json".into(), Ok(bundled())),
        ("gone.json".into(), Err(LoadError::Status(404))),
        ("broken.json".into(), Ok("{ not json".into())),
    ])
    .unwrap();
    assert_eq!(merged.feed.events.len(), load::load(&bundled()).unwrap().feed.events.len());
    let failed: Vec<&str> = merged.failed.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(failed, ["gone.json", "broken.json"]);
    assert!(matches!(merged.failed[1].1, LoadError::Feed(_)));
    // None could be had: the first one's error.
    let none =
        load_all(vec![("a.json".into(), Err(LoadError::Offline)), ("b.json".into(), Err(LoadError::Status(500)))]);
    assert_eq!(none.unwrap_err(), LoadError::Offline);
}

#[test]
fn the_same_event_in_two_feeds_is_shown_once() {
    let merged = load_all(vec![("a/feed.json".into(), Ok(chapter())), ("b/feed.json".into(), Ok(chapter()))]).unwrap();
    assert_eq!(merged.feed.events.len(), 2);
    let copies: Vec<_> = merged.problems.iter().filter(|p| matches!(p.kind, ProblemKind::CopyOf(_))).collect();
    assert_eq!(copies.len(), 2);
    assert!(copies.iter().all(|p| p.kind.is_warning() && p.path.starts_with("b-feed: ")));
    assert_eq!(copies[0].kind, ProblemKind::CopyOf("a-feed-june".into()));
}

#[test]
fn the_same_event_written_with_other_case_accents_or_spacing_is_shown_once() {
    // Two chapters list June's meetup, one of them typed without accents, in capitals,
    // spaced otherwise. July's is another event in the second ("July meetup 2").
    let one = chapter().replace("\"June meetup\"", "\"Rencontre de juin à Montréal\"");
    let two = chapter()
        .replace("\"June meetup\"", "\"RENCONTRE de Juin a  Montreal \"")
        .replace("\"July meetup\"", "\"July meetup 2\"");
    let merged = load_all(vec![("a/feed.json".into(), Ok(one)), ("b/feed.json".into(), Ok(two))]).unwrap();
    let copies: Vec<_> = merged.problems.iter().filter(|p| matches!(p.kind, ProblemKind::CopyOf(_))).collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(copies[0].kind, ProblemKind::CopyOf("a-feed-june".into()));
    assert_eq!(merged.feed.events.len(), 3);
}

#[test]
fn each_event_says_which_feed_it_comes_from() {
    let merged = load_all(vec![("feed.json".into(), Ok(bundled())), ("ottawa.json".into(), Ok(chapter()))]).unwrap();
    let feed = &merged.feed;
    assert_eq!(feed.merged_from.len(), 2);
    for event in &feed.events {
        let title = &feed.merged_from[event.from_feed.unwrap()];
        assert_eq!(event.id.starts_with("ottawa-"), title.en == "Cloud Native Ottawa", "{}", event.id);
    }
}
