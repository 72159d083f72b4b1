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

    // Organizations: host or a speaker's (not a sponsor).
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

#[test]
fn sponsoring_is_not_taking_part() {
    let f = load::load(SEED).unwrap().feed;
    let prepared = explore::prepare(&f);
    let all = explore::Shown::all(prepared.len());
    let orgs = explore::counts(&prepared, &all, Facet::Organization);
    assert!(!orgs.iter().any(|(id, _)| id == "rancher"), "Rancher only sponsors: {orgs:?}");
    let microsoft = orgs.iter().find(|(id, _)| id == "microsoft").map(|(_, n)| *n);
    assert_eq!(microsoft, Some(2), "Microsoft's people speak at two events");
    assert_eq!(search("rancher").len(), 6, "a sponsor is still found by search");
}

#[test]
fn a_facets_counts_say_what_adding_a_value_would_show() {
    let f = load::load(SEED).unwrap().feed;
    let prepared = explore::prepare(&f);
    let today = Day::parse("2026-11-25").unwrap();
    let mut filters = Filters::default();
    filters.toggle(Facet::Place, "toronto");
    let places = explore::facet_counts(&f, &prepared, &filters, today, Facet::Place);
    assert_eq!(places.get("ottawa"), Some(&1), "choosing Ottawa too would add one event, not 0");
    assert_eq!(places.get("toronto"), Some(&1));
    let speakers = explore::facet_counts(&f, &prepared, &filters, today, Facet::Speaker);
    assert_eq!(speakers.get("artem-pogossian"), Some(&1), "other facets count under the place chosen");
    assert_eq!(speakers.get("ian-crosby"), None, "Ian Crosby does not speak in Toronto");
}

#[test]
fn names_are_ordered_as_a_reader_looks_them_up() {
    let mut names = vec!["Québec", "ottawa", "Élise", "Montréal", "Kitchener-Waterloo", "emma", "Toronto"];
    names.sort_by(|a, b| explore::collate(a, b));
    assert_eq!(names, ["Élise", "emma", "Kitchener-Waterloo", "Montréal", "ottawa", "Québec", "Toronto"]);
}

/// A search changed keystroke by keystroke shows what the same search typed afresh does,
/// whichever way it changed (more words, fewer, others, with a facet or a timing kept or
/// changed), on the seed and on a feed of its events many times over.
#[test]
fn a_search_changed_a_little_shows_what_a_fresh_one_does() {
    let seed = load::load(SEED).unwrap().feed;
    let mut many = seed.clone();
    many.events = (0..40)
        .flat_map(|copy| seed.events.iter().map(move |e| (copy, e)))
        .map(|(copy, e)| {
            let mut e = e.clone();
            e.id = format!("{}-{copy}", e.id);
            e
        })
        .collect();
    let today = Day::parse("2019-06-01").unwrap();
    let searches =
        ["", "k", "ku", "kube", "kubernetes montreal", "montreal", "mont", "o", "ottawa", "gouffre", "a b", "é"];
    let facet = seed.events[0].place.clone().unwrap();
    for feed in [&seed, &many] {
        let prepared = explore::prepare(feed);
        let filters = |search: &str, chosen: bool, timing: Option<Timing>| {
            let mut f = Filters { search: search.into(), timing, ..Filters::default() };
            if chosen {
                f.toggle(Facet::Place, &facet);
            }
            f
        };
        let mut changes = 0;
        for (a, b) in searches.iter().flat_map(|a| searches.iter().map(move |b| (a, b))) {
            for (chosen_a, chosen_b, timing) in
                [(false, false, None), (true, true, None), (false, true, None), (false, false, Some(Timing::Past))]
            {
                let (before, after) = (filters(a, chosen_a, timing), filters(b, chosen_b, timing));
                let was = explore::shown(feed, &prepared, &before, today);
                let fresh = explore::shown(feed, &prepared, &after, today);
                let next = explore::shown_after(feed, &prepared, &after, today, (&before, &was));
                assert_eq!(next, fresh, "{before:?} → {after:?}");
                changes += usize::from(was != fresh);
            }
        }
        assert!(changes > 100, "the searches change what is shown ({changes})");
    }
}

/// The search index built a slice at a time (as the page does, a task per slice) finds
/// what the index built at once finds, whatever the slice and wherever it stops.
#[test]
fn an_index_built_in_slices_is_the_index_built_at_once() {
    let feed = load::load(SEED).unwrap().feed;
    let whole = explore::prepare(&feed);
    let today = Day::parse("2026-11-25").unwrap();
    let searches = ["kubernetes", "montreal", "argo", "ubisoft", "é", "o"];
    for slice in [1, 2, 4, feed.events.len()] {
        let mut prepared = Vec::new();
        let mut steps = 0;
        while !explore::prepare_more(&feed, &mut prepared, slice) {
            steps += 1;
            assert_eq!(prepared.len(), steps * slice, "a slice adds {slice} events");
        }
        assert_eq!(prepared.len(), feed.events.len());
        // Done: a further call adds nothing and still says so.
        assert!(explore::prepare_more(&feed, &mut prepared, slice));
        assert_eq!(prepared.len(), feed.events.len());
        for search in searches {
            let filters = Filters { search: search.into(), ..Filters::default() };
            let at_once = explore::shown(&feed, &whole, &filters, today);
            assert_eq!(explore::shown(&feed, &prepared, &filters, today), at_once, "{search:?}, slices of {slice}");
        }
    }
    // At least one search tells events apart, so that a wrong index would show.
    let some = explore::shown(&feed, &whole, &Filters { search: "montreal".into(), ..Filters::default() }, today);
    assert!(some.indices().count() > 0 && some.indices().count() < feed.events.len());
}
