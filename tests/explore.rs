//! Search and filters on the seed feed.
#![cfg(not(target_arch = "wasm32"))]

use meetup_atlas::core::date::Day;
use meetup_atlas::core::explore::{self, Facet, Filters};
use meetup_atlas::core::load;
use meetup_atlas::core::query::Timing;

const SEED: &str = include_str!("../public/feed.json");

fn found(filters: &Filters) -> Vec<String> {
    let f = load::load(SEED).unwrap().feed;
    let prepared = explore::prepare(&f);
    let shown = explore::shown(&f, &prepared, filters, Day::parse("2026-11-25").unwrap());
    shown.indices().map(|i| f.events[i].id.clone()).collect()
}

fn search(query: &str) -> Vec<String> {
    found(&Filters { search: query.into(), ..Filters::default() })
}

#[test]
fn search_ignores_case_and_accents_in_both_languages() {
    assert_eq!(search("montreal"), ["montreal-spring-2019"]);
    assert_eq!(search("MONTRÉAL"), ["montreal-spring-2019"]);
    assert!(search("quebec").contains(&"quebec-spring-2019".to_owned()));
    assert_eq!(search("istio"), ["ottawa-spring-2019"]);
    assert_eq!(search("gouffre"), ["quebec-spring-2019"], "the French title");
    assert_eq!(search("pogossian"), ["toronto-spring-2019", "kitchener-waterloo-spring-2019"]);
    assert_eq!(search("flybits calico"), ["toronto-spring-2019"], "every word must match");
    assert!(search("no such thing").is_empty());
    assert_eq!(search("  ").len(), 6);
}

#[test]
fn filters_combine_within_and_across_facets() {
    let mut filters = Filters::default();
    filters.toggle(Facet::Place, "toronto");
    assert_eq!(found(&filters), ["toronto-spring-2019"]);
    filters.toggle(Facet::Place, "ottawa");
    assert_eq!(found(&filters), ["ottawa-spring-2019", "toronto-spring-2019"], "any of a facet's values");
    filters.toggle(Facet::Speaker, "artem-pogossian");
    assert_eq!(found(&filters), ["toronto-spring-2019"], "all facets at once");
    filters.toggle(Facet::Place, "toronto");
    assert!(found(&filters).is_empty());

    let mut formats = Filters::default();
    formats.toggle(Facet::Format, "workshop");
    assert_eq!(found(&formats), ["ottawa-spring-2019"]);

    // Organizations: host, sponsor or a speaker's.
    let mut orgs = Filters::default();
    orgs.toggle(Facet::Organization, "flybits");
    assert_eq!(found(&orgs), ["toronto-spring-2019"]);
    orgs.toggle(Facet::Organization, "flybits");
    orgs.toggle(Facet::Organization, "connected-io");
    assert_eq!(found(&orgs), ["toronto-spring-2019"]);

    let mut topics = Filters::default();
    topics.toggle(Facet::Topic, "kafka");
    assert_eq!(found(&topics), ["quebec-spring-2019"]);
}

#[test]
fn past_and_upcoming() {
    assert_eq!(found(&Filters { timing: Some(Timing::Past), ..Filters::default() }).len(), 6);
    assert!(found(&Filters { timing: Some(Timing::Upcoming), ..Filters::default() }).is_empty());
}

#[test]
fn counts_follow_what_is_shown() {
    let f = load::load(SEED).unwrap().feed;
    let prepared = explore::prepare(&f);
    let today = Day::parse("2026-11-25").unwrap();
    let all = explore::shown(&f, &prepared, &Filters::default(), today);
    let places = explore::counts(&prepared, &all, Facet::Place);
    assert_eq!(places.len(), 5);
    assert!(places.iter().all(|(_, n)| *n == 1));
    let speakers = explore::counts(&prepared, &all, Facet::Speaker);
    assert_eq!(speakers[0], ("artem-pogossian".to_owned(), 2));
    let formats = explore::counts(&prepared, &all, Facet::Format);
    assert_eq!(formats[0], ("talk".to_owned(), 4));

    let narrowed = explore::shown(&f, &prepared, &Filters { search: "istio".into(), ..Filters::default() }, today);
    assert_eq!(explore::counts(&prepared, &narrowed, Facet::Place), [("ottawa".to_owned(), 1)]);
}
