//! No input takes the atlas down: every parser of feed and URL text, fed arbitrary
//! Unicode (property tests), and the seed feed mutated byte- and character-wise,
//! inside its strings too, must give a sensible answer and never panic.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use meetup_atlas::core::basemap;
use meetup_atlas::core::date::{Day, Moment};
use meetup_atlas::core::embed::{self, Panels};
use meetup_atlas::core::explore;
use meetup_atlas::core::i18n::{self, Lang};
use meetup_atlas::core::load;
use meetup_atlas::core::projection::Projection;
use meetup_atlas::core::query;
use meetup_atlas::core::url_state::{self, HostQuery, UrlState};
use meetup_atlas::core::validate::{is_safe_link, is_valid_id, Code};
use proptest::prelude::*;
use serde_json::{json, Value};

const SEED: &str = include_str!("../public/feed.json");

/// Text near the shape of a datetime, with any characters where the digits go.
fn datetime_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{4}-[0-9]{2}-[0-9]{2}T.{0,14}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}.{0,7}",
        "2019-05-28T18:00(:00)?[+\u{2212}\u{2013}-]?.{0,6}",
        ".{0,30}",
    ]
}

/// The schema's pattern for a code, as an editor's validator applies it (`\d` aside).
fn schema_pattern(code: Code) -> regex::Regex {
    let schema: Value = serde_json::from_str(include_str!("../public/feed.schema.json")).unwrap();
    let defs = &schema["$defs"];
    let pattern = match code {
        Code::Country => &defs["Place"]["properties"]["country"]["pattern"],
        Code::Region => &defs["Place"]["properties"]["region"]["pattern"],
        Code::Language => &defs["Source"]["properties"]["language"]["pattern"],
    };
    regex::Regex::new(pattern.as_str().expect("a pattern")).unwrap()
}

proptest! {
    /// The app judges codes as the schema does: one truth, whatever the text.
    #[test]
    fn codes_are_judged_as_the_schema_judges_them(
        text in prop_oneof!["[A-Za-z0-9É-]{0,8}", ".{0,6}", "[a-z]{2,3}(-[A-Za-z0-9]{1,4}){0,2}", "[A-Z0-9]{1,4}"]
    ) {
        for code in [Code::Country, Code::Region, Code::Language] {
            prop_assert_eq!(code.fits(&text), schema_pattern(code).is_match(&text), "{:?} {:?}", code, text);
        }
    }
}

proptest! {

    // Failures are kept as named cases below, not in a regressions file.
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn days_parse_or_refuse(text in prop_oneof!["[0-9]{4}-[0-9]{2}-[0-9]{2}", ".{0,12}", "[0-9é–-]{10}"]) {
        if let Some(day) = Day::parse(&text) {
            prop_assert_eq!(day.to_string(), text);
        }
    }

    #[test]
    fn moments_parse_or_refuse(text in datetime_like()) {
        if let Some(moment) = Moment::parse(&text) {
            prop_assert!(text.is_ascii());
            prop_assert!(text.starts_with(&moment.local_day.to_string()));
        }
    }

    #[test]
    fn what_a_page_says_it_was_drawn_from_names_one_text(
        said in ".{0,30}",
        // Short texts of two letters: many of the same length, not the same.
        text in prop_oneof!["[ab]{0,4}", ".{0,30}"],
        other in prop_oneof!["[ab]{0,4}", ".{0,30}"],
    ) {
        let drawn = load::drawn_from(&text);
        prop_assert!(load::is_drawn_from(&drawn, &text));
        // Another text, of the same length or not; and whatever a page's attribute says.
        prop_assert_eq!(load::is_drawn_from(&drawn, &other), other == text);
        prop_assert_eq!(load::is_drawn_from(&said, &text), said == drawn);
        // The bare fingerprint (the form before the length) is never taken for it.
        prop_assert!(!load::is_drawn_from(&load::fingerprint(&text), &text));
    }

    #[test]
    fn ids_and_links_are_judged_without_panic(text in ".{0,40}") {
        if is_valid_id(&text) {
            prop_assert!(text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        }
        if is_safe_link(&text) {
            let lower = text.to_ascii_lowercase();
            prop_assert!(lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"), "{}", text);
            prop_assert!(!(lower.starts_with("mailto:") && text.contains('?')));
        }
    }

    #[test]
    fn url_state_reads_anything_and_round_trips(query in ".{0,60}", words in ".{0,20}") {
        let state = UrlState::from_query(&query);
        // What was read is written so that it reads back the same.
        prop_assert_eq!(UrlState::from_query(&state.to_query()), state);
        prop_assert_eq!(url_state::decode(&url_state::encode(&words)), words);
    }

    #[test]
    fn embed_parsers_read_anything(text in ".{0,40}") {
        let _ = HostQuery::parse(&text);
        let _ = Panels::parse(&text);
        let attr = embed::attr(&text);
        prop_assert!(!attr.contains('"') && !attr.contains('<'));
        let origin = embed::origin(&text);
        prop_assert!(origin.len() <= text.len());
    }

    #[test]
    fn search_folds_and_highlights_any_text(text in ".{0,40}", query in ".{0,12}") {
        let words = explore::search_words(&query);
        let pieces = explore::highlight(&text, &words);
        prop_assert_eq!(pieces.iter().map(|(piece, _)| *piece).collect::<String>(), text);
        let _ = explore::fold(&query);
    }

    #[test]
    fn any_text_as_a_feed_or_basemap_is_an_answer(text in ".{0,80}") {
        let _ = load::load(&text);
        let _ = basemap::parse(&text, &Projection::eastern_canada());
    }

    /// Whole feeds made of arbitrary parts: loading never panics, every problem has a
    /// path, and whatever is kept refers only to what exists.
    #[test]
    fn generated_feeds_load_and_keep_only_what_holds(feed in generated_feed()) {
        let text = feed.to_string();
        read_alike(&text);
        let loaded = load::load(&text).expect("an object with schema_version 1 is a feed");
        prop_assert!(loaded.problems.iter().all(|p| !p.path.is_empty()));
        let f = &loaded.feed;
        for event in &f.events {
            if let Some(place) = &event.place {
                prop_assert!(f.place(place).is_some(), "{} kept with unknown place {}", event.id, place);
            }
            prop_assert!(event.span.first <= event.span.last);
            for session in &event.sessions {
                prop_assert!(session.speakers.iter().all(|s| f.person(s).is_some()));
            }
        }
    }
}

proptest! {
    /// The timeline lays its items out by their labels' lengths, counted without writing
    /// them: the same count, whether the title names the place or not.
    #[test]
    fn a_label_is_as_long_as_counted(feed in generated_feed(), named in any::<bool>()) {
        let mut feed = feed;
        if named {
            // Titles that name their place, in another case and without its accents.
            let places: Vec<Value> = feed["places"].as_array().cloned().unwrap_or_default();
            for (i, event) in feed["events"].as_array_mut().into_iter().flatten().enumerate() {
                if let Some(place) = places.get(i % places.len().max(1)) {
                    let name = place["name"]["en"].as_str().unwrap_or_default().to_uppercase().replace('É', "E");
                    event["place"] = place["id"].clone();
                    event["title"] = json!({"en": format!("{name} meetup"), "fr": format!("Rencontre {name}")});
                }
            }
        }
        let loaded = load::load(&feed.to_string()).expect("a feed");
        for lang in Lang::ALL {
            for event in &loaded.feed.events {
                let label = i18n::event_label(lang, &loaded.feed, event);
                prop_assert_eq!(i18n::event_label_chars(lang, &loaded.feed, event), label.chars().count(), "{}", label);
            }
        }
    }

    /// The order the feed keeps for the views is `chronological`'s, each edition's group
    /// in it too; whatever order the file gives the events in.
    #[test]
    fn the_kept_order_is_chronological(feed in generated_feed(), reversed in any::<bool>()) {
        let mut feed = feed;
        if reversed {
            if let Some(events) = feed["events"].as_array_mut() {
                events.reverse();
            }
        }
        let loaded = load::load(&feed.to_string()).expect("a feed");
        let events = &loaded.feed.events;
        let mut by_sort: Vec<usize> = (0..events.len()).collect();
        by_sort.sort_by(|&a, &b| query::chronological(&events[a], &events[b]));
        prop_assert_eq!(&loaded.feed.in_time_order()[..], &by_sort[..]);
        let groups = query::by_edition_indices(&loaded.feed);
        prop_assert_eq!(groups.iter().map(|(_, g)| g.len()).sum::<usize>(), events.len());
        for (_, group) in &groups {
            prop_assert!(group.windows(2).all(|w| query::chronological(&events[w[0]], &events[w[1]]).is_lt()));
        }
    }
}

/// Strings that stress parsers: multi-byte characters, dashes, the empty string.
fn tricky_text() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z0-9-]{1,8}", ".{0,10}", Just(String::new()), Just("é".to_owned()), Just("18:00–21:00".to_owned())]
}

fn generated_when() -> impl Strategy<Value = Value> {
    prop_oneof![
        datetime_like().prop_map(|start| json!({"type": "datetime", "start": start, "time_zone": "UTC"})),
        (datetime_like(), tricky_text())
            .prop_map(|(start, zone)| json!({"type": "datetime", "start": start, "end": start, "time_zone": zone})),
        ("[0-9]{4}-[0-9]{2}-[0-9]{2}", ".{0,11}")
            .prop_map(|(a, b)| json!({"type": "between", "earliest": a, "latest": b, "note": {"en": "n", "fr": "n"}})),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}".prop_map(|day| json!({"type": "date", "date": day})),
        tricky_text().prop_map(|t| json!({"type": t})),
    ]
}

fn generated_feed() -> impl Strategy<Value = Value> {
    let place = (tricky_text(), tricky_text(), -100.0..100.0f64, -200.0..200.0f64)
        .prop_map(|(id, name, lat, lon)| json!({"id": id, "name": {"en": name, "fr": name}, "region": "QC", "country": "CA", "lat": lat, "lon": lon}));
    let person = (tricky_text(), tricky_text()).prop_map(|(id, name)| json!({"id": id, "name": name}));
    let event = (tricky_text(), tricky_text(), tricky_text(), generated_when(), tricky_text(), tricky_text()).prop_map(
        |(id, title, place, when, speaker, url)| {
            json!({
                "id": id, "kind": "meetup", "edition": "e", "title": {"en": title, "fr": title}, "place": place, "when": when,
                "sessions": [{"id": format!("{id}-s"), "format": "talk", "title": {"en": "t", "fr": "t"}, "speakers": [speaker], "topics": [], "summary": {"en": "s", "fr": "s"}}],
                "links": [{"kind": "website", "url": url, "title": {"en": "l", "fr": "l"}}]
            })
        },
    );
    (prop::collection::vec(place, 0..4), prop::collection::vec(person, 0..4), prop::collection::vec(event, 0..6))
        .prop_map(|(places, people, events)| {
            json!({
                "schema_version": 1, "title": {"en": "t", "fr": "t"}, "places": places, "people": people,
                "editions": [{"id": "e", "name": {"en": "e", "fr": "e"}}], "events": events
            })
        })
}

/// A small deterministic generator, so a failure can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Characters that break byte-offset code: multi-byte letters, dashes, an emoji, a BOM, quotes.
const NASTY: [&str; 12] = ["é", "–", "−", "😀", "\u{feff}", "\u{a0}", "\"", "\\", "T", ":", "0", "\u{10ffff}"];

/// One random change of the seed: a character replaced, inserted or deleted (inside strings
/// as often as anywhere), a stretch repeated or dropped, or the end cut.
fn mutate(text: &str, rng: &mut Rng) -> String {
    let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let at = boundaries[rng.below(boundaries.len())];
    let nasty = NASTY[rng.below(NASTY.len())];
    let next_char_end = |at: usize| text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
    match rng.below(6) {
        0 => format!("{}{nasty}{}", &text[..at], &text[next_char_end(at)..]),
        1 => format!("{}{nasty}{}", &text[..at], &text[at..]),
        2 => format!("{}{}", &text[..at], &text[next_char_end(at)..]),
        3 => {
            let end = boundaries[rng.below(boundaries.len())].max(at);
            format!("{}{}{}", &text[..end], &text[at..end], &text[end..])
        }
        4 => {
            let end = boundaries[rng.below(boundaries.len())].max(at);
            format!("{}{}", &text[..at], &text[end..])
        }
        _ => text[..at].to_owned(),
    }
}

/// Values inside the seed's strings: every string value replaced, one at a time, by a
/// mutated copy, so the date, id and URL parsers see bad text in well-formed JSON.
fn mutate_a_string(value: &mut Value, rng: &mut Rng) {
    let mut strings = Vec::new();
    collect_strings(value, &mut strings);
    let target = rng.below(strings.len());
    let mut seen = 0;
    replace_string(value, target, &mut seen, rng);
}

fn collect_strings<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        Value::Object(members) => members.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

fn replace_string(value: &mut Value, target: usize, seen: &mut usize, rng: &mut Rng) {
    match value {
        Value::String(s) => {
            if *seen == target {
                let times = 1 + rng.below(3);
                for _ in 0..times {
                    *s = mutate(s, rng);
                }
            }
            *seen += 1;
        }
        Value::Array(items) => items.iter_mut().for_each(|v| replace_string(v, target, seen, rng)),
        Value::Object(members) => members.values_mut().for_each(|v| replace_string(v, target, seen, rng)),
        _ => {}
    }
}

/// Bounded: stops after `FUZZ_SECONDS` (default 60) or `FUZZ_CASES` (default 200,000) mutations.
#[test]
fn mutated_seed_feeds_never_panic() {
    let seconds = std::env::var("FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let cases: usize = std::env::var("FUZZ_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(200_000);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let seed_value: Value = serde_json::from_str(SEED).unwrap();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut done = 0;
    let mut kept_problems = 0;
    while done < cases && Instant::now() < deadline {
        let case_seed = rng.0;
        let text = if done % 2 == 0 {
            let mut value = seed_value.clone();
            mutate_a_string(&mut value, &mut rng);
            value.to_string()
        } else {
            mutate(SEED, &mut rng)
        };
        let outcome = std::panic::catch_unwind(|| load::load(&text).map(|loaded| loaded.problems.len()));
        match outcome {
            Ok(Ok(problems)) => kept_problems += usize::from(problems > 0),
            Ok(Err(_)) => {}
            Err(_) => panic!("load::load panicked on case {done} (rng state {case_seed:#x}): {text}"),
        }
        read_alike(&text);
        // Not-JSON is refused as such, never read as a feed.
        if serde_json::from_str::<Value>(load::json_text(&text).unwrap_or(&text)).is_err() {
            assert!(matches!(load::load(&text), Err(load::FeedError::NotJson(_))), "case {done}: {text}");
        }
        done += 1;
    }
    println!("{done} mutated feeds loaded without a panic; {kept_problems} reported problems");
    assert!(done >= 100, "only {done} cases ran");
    assert!(kept_problems > 0, "the mutations never reached validation");
}

#[test]
fn one_pass_reads_what_entry_by_entry_reads() {
    let seed: Value = serde_json::from_str(SEED).unwrap();
    let changed = |change: &dyn Fn(&mut serde_json::Map<String, Value>)| {
        let mut feed = seed.clone();
        change(feed.as_object_mut().unwrap());
        feed.to_string()
    };
    let texts = [
        SEED.to_owned(),
        format!("\u{feff}{SEED}"),
        changed(&|f| drop(f.remove("title"))),
        changed(&|f| drop(f.insert("title".into(), Value::Null))),
        changed(&|f| drop(f.insert("description".into(), Value::Null))),
        changed(&|f| drop(f.insert("events".into(), Value::Null))),
        changed(&|f| drop(f.insert("people".into(), json!({})))),
        changed(&|f| drop(f.remove("places"))),
        changed(&|f| drop(f.insert("unknown".into(), json!([1, 2])))),
        changed(&|f| drop(f.insert("schema_version".into(), json!(2)))),
        changed(&|f| drop(f.insert("schema_version".into(), json!("1")))),
        changed(&|f| drop(f.remove("schema_version"))),
        changed(&|f| f["events"][0]["when"] = json!({"type": "date", "date": "never"})),
        changed(&|f| f["places"][0]["lat"] = json!("north")),
    ];
    for text in texts {
        read_alike(&text);
    }
}

/// `load::read` reads a well-formed feed in one pass: what it gives must be what reading
/// entry by entry gives, for any text.
fn read_alike(text: &str) {
    // Everything but the index, a hash map whose order varies from run to run.
    let outcome = |read: Result<load::Read, load::FeedError>| {
        format!(
            "{:?}",
            read.map(load::Read::validate).map(|l| {
                let f = l.feed;
                let lists = (f.places, f.organizations, f.people, f.topics, f.series, f.editions, f.events);
                (f.title, f.description, f.source, lists, f.merged_from, l.problems, l.left_out_events)
            })
        )
    };
    assert_eq!(outcome(load::read(text)), outcome(load::json_text(text).and_then(load::read_entries)), "{text}");
    // And in steps (the page's take-over), whatever their size.
    for bytes in [1, 300, usize::MAX] {
        let stepwise = load::json_text(text).and_then(load::reading).map(|mut reading| {
            while reading.step(bytes) {}
            reading.done()
        });
        assert_eq!(outcome(load::read(text)), outcome(stepwise), "in steps of {bytes} bytes: {text}");
    }
}

/// A step reads whole events, at least one, until its bytes are read; it says whether
/// any are left, so a step of one byte per event reads the feed in as many steps.
#[test]
fn a_feed_is_read_in_steps_of_whole_events() {
    let events = load::read(SEED).unwrap().validate().feed.events.len();
    assert!(events > 1);
    let mut reading = load::reading(SEED).unwrap();
    let mut steps = 1;
    while reading.step(1) {
        steps += 1;
    }
    assert_eq!(steps, events);
    assert!(!reading.step(1), "nothing left after the last");
    assert_eq!(reading.done().validate().feed.events.len(), events);
    // A step as long as the whole text reads it all at once.
    assert!(!load::reading(SEED).unwrap().step(SEED.len()));
}

/// The two inputs the field reports named, exactly as they came.
#[test]
fn the_reported_crashes_are_problems_now() {
    let text = r#"{"schema_version":1,"events":[{"when":{"type":"datetime","start":"2019-05-28Té12345","time_zone":"UTC"},"id":"a","kind":"meetup","edition":"e","title":{"en":"a","fr":"a"}}]}"#;
    let loaded = load::load(text).unwrap();
    assert!(loaded.feed.events.is_empty());
    assert!(loaded.problems.iter().any(|p| p.path == "events[0].when.start"), "{:?}", loaded.problems);
    let mut dash: Value = serde_json::from_str(SEED).unwrap();
    dash["events"][0]["when"] =
        json!({"type": "datetime", "start": "2019-05-28T18:00–21:00", "time_zone": "America/Toronto"});
    let loaded = load::load(&dash.to_string()).unwrap();
    assert_eq!(loaded.feed.events.len(), 5, "the valid rest is kept");
    // Found by the properties above: an empty text to highlight (an empty title) used to panic.
    assert!(explore::highlight("", &explore::search_words("x")).is_empty());
    // Found by the properties above: a search of white space only ("q=\u{b}", a vertical tab)
    // was read as a search and written as none.
    for query in ["q=\u{b}", "q=%20a%20", "q=%0B"] {
        let state = UrlState::from_query(query);
        assert_eq!(UrlState::from_query(&state.to_query()), state, "{query}");
    }
}

/// Bounded work: a huge object parses in linear time, and a feed past the size limit is
/// refused with its size rather than read.
#[test]
fn pathological_sizes_are_bounded() {
    let keys: Vec<String> = (0..200_000).map(|i| format!("\"k{i}\":{i}")).collect();
    let text = format!("{{\"schema_version\":1,{}}}", keys.join(","));
    let started = Instant::now();
    let loaded = load::load(&text).expect("a feed with unknown keys");
    assert!(loaded.feed.events.is_empty());
    // Quadratic key checks took about 90 s here; linear ones take milliseconds.
    assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());

    let over = format!("{{\"schema_version\":1,\"pad\":\"{}\"}}", " ".repeat(load::MAX_FEED_BYTES));
    assert_eq!(load::load(&over).unwrap_err(), load::FeedError::TooLarge(over.len()));
    let message = meetup_atlas::core::i18n::load_error_text(
        meetup_atlas::core::Lang::Fr,
        &meetup_atlas::core::load::LoadError::Feed(load::FeedError::TooLarge(over.len())),
    );
    assert_eq!(
        message,
        "Le flux pèse 50,0\u{a0}Mo\u{a0}; au-delà de 50\u{a0}Mo, il n’est pas lu, pour que la page reste utilisable."
    );
}
