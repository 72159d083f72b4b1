//! Native tests of the feed: the real seed, and broken variants of it.
#![cfg(not(target_arch = "wasm32"))]

use meetup_atlas::core::date::Day;
use meetup_atlas::core::feed::{EventKind, Format, When};
use meetup_atlas::core::i18n::{self, problem_text, Lang};
use meetup_atlas::core::load::{self, FeedError};
use meetup_atlas::core::query::{self, Timing};
use serde_json::{json, Value};

const SEED: &str = include_str!("../public/feed.json");

fn seed() -> Value {
    serde_json::from_str(SEED).unwrap()
}

/// Loads a modified seed and returns its problems as `path: message` lines.
fn problems_after(edit: impl FnOnce(&mut Value)) -> (load::Loaded, Vec<String>) {
    let mut value = seed();
    edit(&mut value);
    let loaded = load::load(&value.to_string()).expect("still a feed");
    let lines = loaded.problems.iter().map(ToString::to_string).collect();
    (loaded, lines)
}

#[test]
fn seed_feed_is_clean_and_complete() {
    let loaded = load::load(SEED).unwrap();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let f = &loaded.feed;
    let cities: Vec<_> = f.places.iter().map(|p| p.name.fr.as_str()).collect();
    assert_eq!(cities, ["Montréal", "Québec", "Ottawa", "Toronto", "Kitchener-Waterloo"]);
    let meetups: Vec<_> = f.events.iter().filter(|e| e.kind == EventKind::Meetup).collect();
    assert_eq!(meetups.len(), 5);
    let hosts: Vec<_> =
        meetups.iter().map(|e| f.organization(e.host.as_deref().unwrap()).unwrap().name.as_str()).collect();
    assert_eq!(hosts, ["Ubisoft", "Jive", "NiiR Technology", "Flybits", "Square"]);

    let sessions: Vec<_> =
        f.events.iter().flat_map(|e| &e.sessions).chain(f.editions.iter().flat_map(|e| &e.sessions)).collect();
    assert_eq!(sessions.len(), 11);
    let mut speakers: Vec<_> = sessions.iter().flat_map(|s| &s.speakers).collect();
    speakers.sort();
    speakers.dedup();
    assert_eq!(speakers.len(), 11);
    for format in [Format::Talk, Format::Demo, Format::Workshop] {
        assert!(sessions.iter().any(|s| s.format == format), "{format:?}");
    }
    let topic_names: Vec<_> =
        sessions.iter().flat_map(|s| &s.topics).map(|t| f.topic(t).unwrap().name.en.as_str()).collect();
    for tool in [
        "Argo CD",
        "Jenkins",
        "Velero",
        "Helm",
        "Prometheus",
        "Grafana",
        "ELK stack",
        "Filebeat",
        "Journalbeat",
        "Kafka",
        "Elasticsearch",
        "Istio",
        "Calico",
        "Open Policy Agent",
        "Locust",
        "Azure DevOps",
    ] {
        assert!(topic_names.contains(&tool), "{tool} missing");
    }
    let repeat = sessions.iter().find(|s| s.repeat_of.is_some()).unwrap();
    assert_eq!(repeat.repeat_of.as_deref(), Some("observable-kubernetes-toronto"));
    assert_eq!(f.editions[0].sponsors.len(), 6);
    assert_eq!(f.series.len(), 5);
    assert!(f
        .series
        .iter()
        .all(|s| s.url.as_deref().is_some_and(|u| u.starts_with("https://www.meetup.com/Kubernetes-"))));
    assert!(sessions.iter().flat_map(|s| &s.links).any(|l| l.url == "http://aka.ms/DockerK8s"));
    // The recap's cities are unknown: it lives in the edition, with a note saying so.
    assert!(f.editions[0].sessions.iter().all(|s| s.location_note.is_some()));
    assert!(f.events.iter().any(|e| e.kind == EventKind::Conference && e.place.is_none()));
}

/// The seed says only what its source post says (issue: feed wording).
#[test]
fn seed_wording_follows_the_post() {
    let f = load::load(SEED).unwrap().feed;
    let sessions: Vec<_> =
        f.events.iter().flat_map(|e| &e.sessions).chain(f.editions.iter().flat_map(|e| &e.sessions)).collect();
    let session = |id: &str| *sessions.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("{id}"));

    // Sessions the post names only by subject are flagged; the five it titles are not.
    let mut described: Vec<_> = sessions.iter().filter(|s| s.descriptive_title).map(|s| s.id.as_str()).collect();
    described.sort_unstable();
    assert_eq!(
        described,
        [
            "advanced-development-istio",
            "distributed-logging-jive",
            "gitops-argo-cd",
            "kubecon-barcelona-recap",
            "mediagrif-aws-modernization"
        ]
    );
    assert_eq!(
        i18n::session_title(Lang::En, session("observable-kubernetes-toronto")),
        "\u{201c}Observable Kubernetes\u{201d}"
    );
    assert_eq!(
        i18n::session_title(Lang::Fr, session("observable-kubernetes-toronto")),
        "«\u{a0}Kubernetes observable\u{a0}»"
    );
    assert_eq!(
        i18n::session_title(Lang::En, session("gitops-argo-cd")),
        "GitOps with Argo CD, from pull request to cluster"
    );

    // Every organization is someone's employer, a host, a sponsor, an organizer or the publisher.
    let mut used: Vec<&str> = f.people.iter().filter_map(|p| p.organization.as_deref()).collect();
    used.extend(f.events.iter().filter_map(|e| e.host.as_deref()));
    used.extend(f.editions.iter().flat_map(|e| e.sponsors.iter().map(String::as_str).chain(e.organizer.as_deref())));
    used.extend(f.source.iter().filter_map(|s| s.publisher.as_deref()));
    for org in &f.organizations {
        assert!(used.contains(&org.id.as_str()), "organization {} is referenced by nothing", org.id);
    }
    assert_eq!(f.organization("jive").unwrap().name, "Jive");
    assert!(session("distributed-logging-jive").topics.iter().any(|t| t == "logging"));

    // One French term for machine learning, the post's.
    let ml = session("ml-deployments-aks");
    assert_eq!(f.topic("machine-learning").unwrap().name.fr, "Apprentissage machine");
    assert!(ml.summary.as_ref().unwrap().fr.contains("apprentissage machine"));
    assert!(!SEED.contains("apprentissage automatique") && !SEED.contains("Apprentissage automatique"));
    // "Québec City" in English prose, always with its accent; the place's own English name may drop it.
    let prose = SEED.replace("\"en\": \"Quebec City\"", "");
    assert!(!prose.contains("Quebec City"));
    assert!(f.events.iter().any(|e| e.title.en == "Kubernetes & Cloud Native Québec City — spring 2019"));
    assert!(SEED.contains("5\u{a0}millions"));
}

/// The schema check of `feed-check`: silent on the seed, and it names misspelled fields.
#[test]
fn the_schema_accepts_the_seed_and_names_misspellings() {
    use meetup_atlas::core::{schema, validate::ProblemKind};
    let schema_json: Value = serde_json::from_str(include_str!("../public/feed.schema.json")).unwrap();
    assert_eq!(schema::check(&schema_json, &seed()), []);
    let mut broken = seed();
    broken["events"][0]["sumary"] = broken["events"][0]["summary"].take();
    let problems = schema::check(&schema_json, &broken);
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        lines.contains(&"events[0].sumary: unknown field `sumary`, did you mean `summary`?".to_owned()),
        "{lines:?}"
    );
    assert!(problems
        .iter()
        .any(|p| p.kind == ProblemKind::UnknownField { field: "sumary".into(), suggestion: Some("summary".into()) }
            && p.kind.is_warning()));
}

#[test]
fn seed_dates_are_the_honest_range() {
    let f = load::load(SEED).unwrap().feed;
    for event in &f.events {
        assert!(matches!(event.when, When::Between { .. }), "{} invents a day", event.id);
        assert_eq!(event.span.first, Day::parse("2019-05-24").unwrap());
        assert_eq!(event.span.last, Day::parse("2019-06-14").unwrap());
        assert!(event.span.uncertain);
        assert_eq!(query::timing(event.span, Day::parse("2026-11-25").unwrap()), Timing::Past);
    }
    assert_eq!(query::timing(f.events[0].span, Day::parse("2019-06-01").unwrap()), Timing::Now);
    assert_eq!(query::timing(f.events[0].span, Day::parse("2019-01-01").unwrap()), Timing::Upcoming);
    // Narration order breaks the tie: Montréal first, Kitchener-Waterloo last among meetups.
    let groups = query::by_edition(&f);
    let order: Vec<_> = groups[0].1.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(order[0], "montreal-spring-2019");
    assert_eq!(order[4], "kitchener-waterloo-spring-2019");
}

#[test]
fn seed_french_texts_use_french_typography() {
    fn walk(value: &Value, path: &str, bad: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    if key == "fr" {
                        if let Value::String(text) = child {
                            for (i, c) in text.char_indices() {
                                let before = text[..i].chars().last();
                                if matches!(c, ':' | ';' | '?' | '!' | '»') && before == Some(' ') {
                                    bad.push(format!("{path}.fr: plain space before {c}: {text}"));
                                }
                                if c == '«' && text[i + c.len_utf8()..].starts_with(' ') {
                                    bad.push(format!("{path}.fr: plain space after «: {text}"));
                                }
                            }
                            if text.contains('\'') {
                                bad.push(format!("{path}.fr: straight apostrophe: {text}"));
                            }
                        }
                    }
                    walk(child, &format!("{path}.{key}"), bad);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}[{i}]"), bad);
                }
            }
            _ => {}
        }
    }
    let mut bad = Vec::new();
    walk(&seed(), "", &mut bad);
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn dangling_reference_is_reported_with_its_path_and_the_event_left_out() {
    let (loaded, lines) = problems_after(|v| v["events"][3]["sessions"][1]["speakers"][0] = json!("x"));
    assert_eq!(lines, [r#"events[3].sessions[1].speakers[0]: unknown person "x""#]);
    assert_eq!(loaded.feed.events.len(), 5);
    assert!(loaded.feed.events.iter().all(|e| e.id != "toronto-spring-2019"));
}

#[test]
fn an_id_taken_by_an_entry_left_out_is_still_taken() {
    // events[0] is left out for its place; events[1] then takes its id, and is a duplicate.
    let (loaded, lines) = problems_after(|v| {
        let first = v["events"][0]["id"].clone();
        v["events"][0]["place"] = json!("nowhere");
        v["events"][1]["id"] = first;
    });
    let first_id = seed()["events"][0]["id"].as_str().expect("an id").to_owned();
    assert!(lines.iter().any(|l| l.starts_with("events[0].place: unknown place")), "{lines:#?}");
    assert!(lines.iter().any(|l| *l == format!("events[1].id: duplicate id \"{first_id}\"")), "{lines:#?}");
    assert!(loaded.feed.events.iter().all(|e| e.id != first_id));
    assert_eq!(loaded.left_out_events, 2);
}

#[test]
fn all_problems_are_reported_at_once() {
    let (loaded, lines) = problems_after(|v| {
        v["events"][0]["id"] = json!("quebec-spring-2019"); // duplicate of events[1]
        v["places"][2]["lat"] = json!(123.0);
        v["series"][0]["url"] = json!("javascript:alert(1)");
        v["events"][1]["title"]["fr"] = json!("  ");
        v["events"][4]["when"]["latest"] = json!("2019-02-30");
        v["events"][2]["links"] =
            json!([{"kind": "website", "url": "data:text/html,hi", "title": {"en": "a", "fr": "b"}}]);
        v["organizations"][3]["id"] = json!("Bad Id");
    });
    for expected in [
        r#"events[1].id: duplicate id "quebec-spring-2019""#,
        "places[2].lat: latitude 123 is outside −90…90",
        r#"series[0].url: link "javascript:alert(1)" is not http:, https: or a plain mailto: address"#,
        "events[1].title.fr: empty text",
        r#"events[4].when.latest: "2019-02-30" is not a date (YYYY-MM-DD)"#,
        r#"events[2].links[0].url: link "data:text/html,hi" is not http:, https: or a plain mailto: address"#,
        r#"organizations[3].id: invalid id "Bad Id" (lowercase letters, digits and hyphens)"#,
    ] {
        assert!(lines.iter().any(|l| l == expected), "missing {expected}\nin {lines:#?}");
    }
    // Ottawa's place is gone, so its event and series go with it, each said.
    assert!(lines.iter().any(|l| l.starts_with("events[2].place: unknown place")));
    assert!(loaded.feed.events.iter().all(|e| e.id != "ottawa-spring-2019"));
    // Montréal's series stays without its unsafe link, and so does its event (the first
    // of the two "quebec-spring-2019").
    assert!(loaded.feed.series.iter().any(|s| s.id == "kubernetes-montreal" && s.url.is_none()));
    let kept: Vec<_> = loaded.feed.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(kept, ["quebec-spring-2019", "toronto-spring-2019", "cloud-native-day-2019"]);
}

#[test]
fn a_malformed_entry_costs_only_itself() {
    let (loaded, lines) = problems_after(|v| {
        v["events"][1]["when"] = json!({"type": "someday"});
        v["events"][2]["sessions"][0]["format"] = json!("keynote");
    });
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(lines[0].starts_with("events[1]: unexpected structure"));
    assert!(lines[1].starts_with("events[2]: unexpected structure"));
    assert_eq!(loaded.feed.events.len(), 4);
}

#[test]
fn reversed_ranges_and_bad_moments_are_refused() {
    let (_, lines) = problems_after(|v| {
        v["events"][0]["when"] = json!({"type": "between", "earliest": "2019-06-14", "latest": "2019-05-24", "note": {"en": "n", "fr": "n"}});
        v["events"][1]["when"] =
            json!({"type": "datetime", "start": "2019-05-28T18:00:00", "time_zone": "America/Toronto"});
        v["events"][2]["when"] = json!({"type": "datetime", "start": "2019-05-28T18:00:00-04:00", "end": "2019-05-28T17:00:00-04:00", "time_zone": "Nowhere"});
        v["events"][3]["when"] = json!({"type": "date", "date": "2019-05-28", "end_date": "2019-05-27"});
    });
    assert_eq!(
        lines,
        [
            "events[0].when: ends before it starts",
            r#"events[1].when.start: "2019-05-28T18:00:00" is not a date-time with offset (RFC 3339)"#,
            r#"events[2].when.time_zone: "Nowhere" is not a time zone name such as America/Toronto"#,
            "events[2].when: ends before it starts",
            "events[3].when: ends before it starts",
        ]
    );
}

#[test]
fn exact_and_plain_dates_give_spans() {
    let mut value = seed();
    value["events"][0]["when"] = json!({"type": "datetime", "start": "2019-05-28T18:00:00-04:00", "end": "2019-05-28T21:00:00-04:00", "time_zone": "America/Toronto"});
    value["events"][1]["when"] = json!({"type": "date", "date": "2019-05-30", "end_date": "2019-05-31"});
    let f = load::load(&value.to_string()).unwrap();
    assert!(f.problems.is_empty(), "{:?}", f.problems);
    let span = |id: &str| f.feed.events.iter().find(|e| e.id == id).unwrap().span;
    assert_eq!(span("montreal-spring-2019").first, Day::parse("2019-05-28").unwrap());
    assert!(!span("montreal-spring-2019").uncertain);
    assert_eq!(span("quebec-spring-2019").last, Day::parse("2019-05-31").unwrap());
}

#[test]
fn unreadable_feeds_give_one_clear_error() {
    assert!(matches!(load::load("<html>"), Err(FeedError::NotJson(_))));
    assert_eq!(load::load("[1]").unwrap_err(), FeedError::NotAnObject);
    assert_eq!(load::load("{}").unwrap_err(), FeedError::MissingVersion);
    assert_eq!(load::load(r#"{"schema_version": 2}"#).unwrap_err(), FeedError::UnsupportedVersion(2));
    // A minimal valid feed: title only.
    let empty = load::load(r#"{"schema_version": 1, "title": {"en": "t", "fr": "t"}}"#).unwrap();
    assert!(empty.problems.is_empty() && empty.feed.events.is_empty());
}

#[test]
fn problems_read_in_french_too() {
    let (loaded, _) = problems_after(|v| v["events"][3]["sessions"][1]["speakers"][0] = json!("x"));
    assert_eq!(problem_text(Lang::Fr, &loaded.problems[0].kind), "personne inconnu(e) «\u{a0}x\u{a0}»");
}

#[test]
fn only_web_and_mail_links_are_safe() {
    use meetup_atlas::core::validate::is_safe_link;
    for good in [
        "https://www.meetup.com/Kubernetes-Montreal",
        "http://aka.ms/DockerK8s",
        "mailto:hi@example.org",
        "HTTPS://X.ORG",
    ] {
        assert!(is_safe_link(good), "{good}");
    }
    for bad in [
        "javascript:alert(1)",
        " javascript:x",
        "data:text/html,x",
        "//evil.example",
        "/relative",
        "https://",
        "https://a b",
        "https://a\nb",
        "vbscript:x",
        "ftp://x",
        "mailto:hi@example.org?bcc=all@example.org",
        "MAILTO:a@b.org?body=hello",
        "mailto:a@b.org?cc=x@y.org",
        "mailto:",
    ] {
        assert!(!is_safe_link(bad), "{bad}");
    }
}

/// A top-level list that is something else is one problem; the other lists are kept.
#[test]
fn a_list_that_is_not_a_list_costs_only_itself() {
    let (loaded, lines) = problems_after(|f| f["people"] = json!({"not": "a list"}));
    assert_eq!(lines[0], "people: unexpected structure (expected a list)", "{lines:?}");
    // What named a person is left out with a problem of its own; nothing else is.
    assert!(lines[1..].iter().all(|l| l.contains("unknown person") || l.contains("unknown edition")), "{lines:?}");
    assert_eq!(loaded.feed.places.len(), 5);
    assert!(loaded.feed.people.is_empty());
}

#[test]
fn a_bad_link_is_left_out_and_its_event_stays() {
    let (loaded, lines) = problems_after(|v| {
        v["events"][0]["links"] = json!([
            {"kind": "website", "url": "javascript:alert(1)", "title": {"en": "a", "fr": "b"}},
            {"kind": "website", "url": "  https://example.org/cfp\t"},
            {"kind": "slides", "url": "https://example.org/s", "title": {"en": " ", "fr": "diapos"}}
        ]);
        v["events"][0]["sessions"][0]["links"] = json!([{"kind": "video", "url": "data:text/html,x"}]);
        v["organizations"][0]["url"] = json!("file:///etc/passwd");
    });
    let seed_events = load::load(SEED).unwrap().feed.events.len();
    assert_eq!(loaded.feed.events.len(), seed_events, "{lines:#?}");
    assert_eq!(
        lines,
        [
            r#"events[0].links[0].url: link "javascript:alert(1)" is not http:, https: or a plain mailto: address"#,
            "events[0].links[2].title.en: empty text",
            r#"events[0].sessions[0].links[0].url: link "data:text/html,x" is not http:, https: or a plain mailto: address"#,
            r#"organizations[0].url: link "file:///etc/passwd" is not http:, https: or a plain mailto: address"#,
        ]
    );
    let event = &loaded.feed.events[0];
    let urls: Vec<&str> = event.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(urls, ["https://example.org/cfp", "https://example.org/s"], "trimmed, and the bad one left out");
    assert!(event.links.iter().all(|l| l.title.is_none()), "an empty title is no title");
    assert!(event.sessions[0].links.is_empty());
    assert!(loaded.feed.organizations[0].url.is_none());
}

/// Every object of `value` that the schema describes by a `$defs` entry, as
/// `(definition, JSON pointer)`: where in the seed each part of the format is found.
fn described(schema: &Value, node: &Value, value: &Value, pointer: String, found: &mut Vec<(String, String)>) {
    if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/");
        let def = &schema["$defs"][name];
        if def.get("properties").is_some() && value.is_object() {
            found.push((name.to_owned(), pointer.clone()));
        }
        return described(schema, def, value, pointer, found);
    }
    if let (Some(properties), Some(object)) = (node.get("properties").and_then(Value::as_object), value.as_object()) {
        for (key, child) in object {
            if let Some(property) = properties.get(key) {
                described(schema, property, child, format!("{pointer}/{key}"), found);
            }
        }
    }
    if let (Some(items), Some(array)) = (node.get("items"), value.as_array()) {
        for (i, child) in array.iter().enumerate() {
            described(schema, items, child, format!("{pointer}/{i}"), found);
        }
    }
}

/// The app reads exactly what the schema allows: taking away any field the schema
/// requires, wherever the seed has one, is a problem for the app too; taking away any
/// other leaves it with nothing to say. The format cannot drift from its schema again.
#[test]
fn the_app_requires_exactly_what_the_schema_requires() {
    let schema: Value = serde_json::from_str(include_str!("../public/feed.schema.json")).unwrap();
    let mut found = Vec::new();
    described(&schema, &schema, &seed(), String::new(), &mut found);
    // Each part of the format once, at its first place in the seed (`When` is read apart).
    let mut seen = std::collections::HashSet::new();
    found.retain(|(name, _)| !name.starts_with("When") && seen.insert(name.clone()));
    for name in ["Source", "Place", "Organization", "Person", "Topic", "Series", "Link", "Session", "Edition", "Event"]
    {
        assert!(seen.contains(name), "the seed has no {name} to test with");
    }
    for (name, pointer) in &found {
        let required: Vec<&str> =
            schema["$defs"][name]["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        let fields: Vec<String> = seed().pointer(pointer).unwrap().as_object().unwrap().keys().cloned().collect();
        for field in fields {
            let (_, lines) = problems_after(|v| {
                v.pointer_mut(pointer).unwrap().as_object_mut().unwrap().remove(&field);
            });
            let is_required = required.contains(&field.as_str());
            assert_eq!(
                !lines.is_empty(),
                is_required,
                "{name}.{field} at {pointer}: required {is_required}, app says {lines:?}"
            );
        }
    }
    // And the top: only the version and the title are needed.
    let top_required: Vec<&str> = schema["required"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    for field in seed().as_object().unwrap().keys().filter(|k| *k != "schema_version" && *k != "$schema") {
        let mut value = seed();
        value.as_object_mut().unwrap().remove(field);
        let loaded = load::load(&value.to_string()).expect("still a feed");
        // A list taken away takes the entries that refer to it along: only the list's own absence counts.
        let own = loaded.problems.iter().any(|p| p.path == *field);
        assert_eq!(own, top_required.contains(&field.as_str()), "{field}: {:?}", loaded.problems);
    }
}

/// The optional fields a seed of 2019 does not use: the schema and the app accept them.
#[test]
fn the_newer_optional_fields_are_read() {
    let schema: Value = serde_json::from_str(include_str!("../public/feed.schema.json")).unwrap();
    let mut value = seed();
    value["places"][0]["address"] = json!("2000 Rue Peel, Montréal");
    value["places"][0]["approximate"] = json!(true);
    value["events"][0]["kind"] = json!("workshop");
    value["events"][0]["topics"] = json!([value["topics"][0]["id"].clone()]);
    value["events"][0]["updated"] = json!("2019-05-30T09:00-04:00");
    value["events"][0]["links"] = json!([{"kind": "registration", "url": "https://example.org/register"}]);
    value["events"][1]["kind"] = json!("hackathon");
    value["events"][2]["kind"] = json!("other");
    value.as_object_mut().unwrap().remove("editions");
    for event in value["events"].as_array_mut().unwrap() {
        event.as_object_mut().unwrap().remove("edition");
    }
    assert_eq!(meetup_atlas::core::schema::check(&schema, &value), []);
    let loaded = load::load(&value.to_string()).unwrap();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let f = &loaded.feed;
    assert_eq!(f.events.len(), seed()["events"].as_array().unwrap().len());
    assert!(f.places[0].approximate && f.places[0].address.is_some());
    assert_eq!(f.events[0].topics.len(), 1);
    // A bad `updated` is said and left out; its event stays.
    let (loaded, lines) = problems_after(|v| v["events"][0]["updated"] = json!("yesterday"));
    assert_eq!(lines, [r#"events[0].updated: "yesterday" is not a date-time with offset (RFC 3339)"#]);
    assert!(loaded.feed.events.iter().any(|e| e.id == seed()["events"][0]["id"] && e.updated.is_none()));
    assert_eq!(query::by_edition(f).len(), 1, "the events of no edition are one group");
}

/// Status and attendance, as schema.org names them; bad values of the optional extras are
/// said and left out, their event kept.
#[test]
fn status_and_attendance_are_read_and_their_bad_extras_left_out() {
    use meetup_atlas::core::feed::{Attendance, Status};
    let schema: Value = serde_json::from_str(include_str!("../public/feed.schema.json")).unwrap();
    let mut value = seed();
    value["events"][0]["status"] = json!("rescheduled");
    value["events"][0]["previous_start"] = json!("2019-05-21");
    value["events"][1]["status"] = json!("moved_online");
    value["events"][1]["attendance"] = json!("online");
    value["events"][1]["online_url"] = json!("https://example.org/live");
    value["events"][2]["attendance"] = json!("mixed");
    assert_eq!(meetup_atlas::core::schema::check(&schema, &value), []);
    let loaded = load::load(&value.to_string()).unwrap();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let f = &loaded.feed;
    assert_eq!((f.events[0].status, f.events[0].previous_start.as_deref()), (Status::Rescheduled, Some("2019-05-21")));
    assert_eq!((f.events[1].status, f.events[1].attendance), (Status::MovedOnline, Some(Attendance::Online)));
    assert_eq!(f.events[3].status, Status::Scheduled, "scheduled unless said");
    let (loaded, lines) = problems_after(|v| {
        v["events"][1]["online_url"] = json!("javascript:alert(1)");
        v["events"][0]["previous_start"] = json!("last week");
    });
    assert_eq!(loaded.feed.events.len(), seed()["events"].as_array().unwrap().len(), "{lines:?}");
    assert_eq!(lines.len(), 2, "{lines:?}");
    value["events"][2]["status"] = json!("maybe");
    assert!(!meetup_atlas::core::schema::check(&schema, &value).is_empty());
}

/// docs/feed.md says which fields are required as the schema does, table by table.
#[test]
fn the_format_documentation_requires_what_the_schema_requires() {
    let schema: Value = serde_json::from_str(include_str!("../public/feed.schema.json")).unwrap();
    let docs = include_str!("../docs/feed.md");
    let tables = [
        ("Feed (top level)", &schema),
        ("Source", &schema["$defs"]["Source"]),
        ("Place", &schema["$defs"]["Place"]),
        ("Organization", &schema["$defs"]["Organization"]),
        ("Person", &schema["$defs"]["Person"]),
        ("Topic", &schema["$defs"]["Topic"]),
        ("Series", &schema["$defs"]["Series"]),
        ("Edition", &schema["$defs"]["Edition"]),
        ("Event", &schema["$defs"]["Event"]),
        ("Session", &schema["$defs"]["Session"]),
        ("Link", &schema["$defs"]["Link"]),
    ];
    for (heading, def) in tables {
        let start = docs.find(&format!("### {heading}\n")).unwrap_or_else(|| panic!("no section {heading}"));
        let section = &docs[start..];
        let rows: Vec<(String, bool)> = section
            .lines()
            .skip_while(|l| !l.starts_with("| Field"))
            .skip(2)
            .take_while(|l| l.starts_with("| `"))
            .map(|l| {
                let cells: Vec<&str> = l.split(" | ").collect();
                (cells[0].trim_start_matches("| ").trim_matches('`').to_owned(), cells[2] == "yes")
            })
            .collect();
        let required: Vec<&str> = def["required"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        let properties = def["properties"].as_object().unwrap();
        for (field, documented) in &rows {
            assert!(properties.contains_key(field), "{heading}.{field} is documented but not in the schema");
            assert_eq!(*documented, required.contains(&field.as_str()), "{heading}.{field}");
        }
        for field in properties.keys() {
            assert!(rows.iter().any(|(f, _)| f == field), "{heading}.{field} is in the schema but not documented");
        }
    }
}

/// A text in one language is read as written and says which language it is; it is
/// never made a translation. A plain string is in the source's language.
#[test]
fn texts_in_one_language_are_read_as_written_and_say_their_language() {
    use meetup_atlas::core::feed::Written;
    let schema: Value = serde_json::from_str(include_str!("../public/feed.schema.json")).unwrap();
    let mut value = seed();
    value["source"]["language"] = json!("de");
    value["events"][0]["title"] = json!("Kubernetes-Treffen Montréal");
    value["events"][1]["title"] = json!({"en": "Quebec City meetup"});
    value["events"][2]["summary"] = json!({"fr": "Une soirée à Ottawa."});
    assert_eq!(meetup_atlas::core::schema::check(&schema, &value), []);
    let loaded = load::load(&value.to_string()).unwrap();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let f = &loaded.feed;
    let source = f.source.as_ref().map(|s| s.language.as_str());
    let german = &f.events[0].title;
    assert_eq!(
        (german.get(Lang::En), german.get(Lang::Fr)),
        ("Kubernetes-Treffen Montréal", "Kubernetes-Treffen Montréal")
    );
    assert_eq!((german.written, german.written_in(Lang::Fr, source)), (Written::Source, Some("de")));
    let english = &f.events[1].title;
    assert_eq!(english.get(Lang::Fr), "Quebec City meetup");
    assert_eq!((english.written_in(Lang::Fr, source), english.written_in(Lang::En, source)), (Some("en"), None));
    assert_eq!(f.events[2].summary.as_ref().unwrap().written_in(Lang::En, source), Some("fr"));
    // Empty is empty in any form, said where it is; no object without a language.
    let (_, lines) = problems_after(|v| v["events"][0]["title"] = json!(" "));
    assert_eq!(lines, ["events[0].title: empty text"]);
    let (_, lines) = problems_after(|v| v["events"][0]["title"] = json!({"en": ""}));
    assert_eq!(lines, ["events[0].title.en: empty text"]);
    let (_, lines) = problems_after(|v| v["events"][0]["title"] = json!({}));
    assert!(lines[0].starts_with("events[0]: ") && lines[0].contains("a text needs `en`, `fr` or both"), "{lines:?}");
    value["events"][3]["title"] = json!({});
    assert!(!meetup_atlas::core::schema::check(&schema, &value).is_empty(), "the schema refuses it too");
}
