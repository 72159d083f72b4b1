//! The build's prerender of the hosted page: the bundled feed drawn natively by the same
//! components as in the browser, complete enough to read without any script.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::Arc;

use meetup_atlas::core::basemap;
use meetup_atlas::core::date::Day;
use meetup_atlas::core::load;
use meetup_atlas::core::page::Page;
use meetup_atlas::core::projection::Projection;
use meetup_atlas::core::Lang;
use meetup_atlas::ui::prerender::page_atlas;

const SEED: &str = include_str!("../public/feed.json");
const BASEMAP: &str = include_str!("../public/basemap.json");

fn atlas(lang: Lang, feed: &str) -> String {
    drawn(feed, &Page::atlas(lang))
}

fn drawn(feed: &str, page: &Page) -> String {
    let loaded = Arc::new(load::load(feed).unwrap());
    let basemap = Arc::new(basemap::parse(BASEMAP, &Projection::eastern_canada()).unwrap());
    page_atlas(loaded, basemap, page, Day::parse("2026-12-01").unwrap())
}

#[test]
fn an_events_page_opens_on_its_details_and_markers_are_valid_comments() {
    let loaded = load::load(SEED).unwrap();
    for lang in Lang::ALL {
        for event in &loaded.feed.events {
            let html = drawn(SEED, &Page::event(lang, &event.id));
            assert_eq!(html.matches("class=\"ma-details\"").count(), 1, "{lang:?} {}", event.id);
            assert!(html.contains(&format!("aria-labelledby=\"ma-detail-{}\"", event.id)), "{lang:?} {}", event.id);
            assert_eq!(html.matches("ma-event ma-selected").count(), 1, "{lang:?} {}", event.id);
            // An HTML parser reads `<!>` only as an error ("bogus comment").
            assert!(!html.contains("<!>") && html.contains("<!---->"), "{lang:?} {}", event.id);
            // Its language control leads to the same event in the other language.
            let other = Page::event(lang.other(), &event.id);
            let link = Page::event(lang, &event.id).link_to(&other);
            assert!(html.contains(&format!("href=\"{link}\"")), "{lang:?} {}: {link}", event.id);
        }
        assert_eq!(atlas(lang, SEED).matches("class=\"ma-details\"").count(), 0);
    }
}

/// Text as it stands in HTML (the prerender escapes `&`, `<` and `>`).
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[test]
fn each_language_has_every_event_session_speaker_host_and_link() {
    let feed: serde_json::Value = serde_json::from_str(SEED).unwrap();
    for lang in Lang::ALL {
        let html = atlas(lang, SEED);
        assert!(html.starts_with(&format!("<div lang=\"{}\" class=\"meetup-atlas\">", lang.tag())), "{}", &html[..80]);
        let text = |value: &serde_json::Value| value[lang.tag()].as_str().unwrap().to_owned();
        for event in feed["events"].as_array().unwrap() {
            assert!(html.contains(&escaped(&text(&event["title"]))), "{lang:?}: {}", event["id"]);
            for session in event["sessions"].as_array().into_iter().flatten() {
                assert!(html.contains(&escaped(&text(&session["title"]))), "{lang:?}: {}", session["id"]);
                for link in session["links"].as_array().into_iter().flatten() {
                    assert!(html.contains(&format!("href=\"{}\"", link["url"].as_str().unwrap())), "{lang:?}: {link}");
                }
            }
            for link in event["links"].as_array().into_iter().flatten() {
                assert!(html.contains(&format!("href=\"{}\"", link["url"].as_str().unwrap())), "{lang:?}: {link}");
            }
            if let Some(host) = event["host"].as_str() {
                let name = feed["organizations"].as_array().unwrap().iter().find(|o| o["id"] == host).unwrap()["name"]
                    .as_str()
                    .unwrap();
                assert!(html.contains(&escaped(name)), "{lang:?}: host {name}");
            }
        }
        for person in feed["people"].as_array().unwrap() {
            assert!(html.contains(&escaped(person["name"].as_str().unwrap())), "{lang:?}: {}", person["name"]);
        }
        // Dates in words, as the browser's Intl writes them.
        let between = match lang {
            Lang::En => "Between May 24 and June 14, 2019",
            Lang::Fr => "Entre le 24 mai et le 14 juin 2019",
        };
        assert!(html.contains(between), "{lang:?}");
        // The map's markers and city names, and the basemap drawn in.
        assert_eq!(html.matches("class=\"ma-marker ").count(), 5, "{lang:?}");
        assert!(html.matches("class=\"ma-region ").count() > 20, "{lang:?}");
    }
}

#[test]
fn the_language_control_links_to_the_other_page() {
    let english = atlas(Lang::En, SEED);
    assert!(english.contains(r#"hreflang="fr" href="fr/""#), "English page → fr/");
    let french = atlas(Lang::Fr, SEED);
    assert!(french.contains(r#"hreflang="en" href="../""#), "French page → ../");
}

#[test]
fn feed_text_stays_text_and_no_script_is_written() {
    let hostile = SEED.replacen(
        "Kubernetes & Cloud Native Montréal — spring 2019",
        "<img src=x onerror=alert(1)><script>alert(2)</script>",
        1,
    );
    let html = atlas(Lang::En, &hostile);
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
    assert!(!html.contains("<script") && !html.contains("<img"), "no markup from the feed");
}

/// The classes of every element of `html` that has one.
fn class_lists(html: &str) -> Vec<Vec<&str>> {
    html.split(" class=\"").skip(1).map(|rest| rest[..rest.find('"').unwrap()].split_whitespace().collect()).collect()
}

/// `ma-l1234` → ("left", "123.4px"): a class of `ui::placed`, if it is one.
fn placement(class: &str) -> Option<(&'static str, String)> {
    let rest = class.strip_prefix("ma-")?;
    let property = match rest.chars().next()? {
        'l' => "left",
        't' => "top",
        'w' => "width",
        'h' => "height",
        _ => return None,
    };
    let tenths: i64 = rest[1..].parse().ok()?;
    Some((property, format!("{:.1}px", tenths as f64 / 10.0)))
}

#[test]
fn nodes_are_placed_by_classes_of_the_builds_style_sheet_not_style_attributes() {
    for lang in Lang::ALL {
        let html = atlas(lang, SEED);
        let sheet = meetup_atlas::ui::placed::stylesheet();
        // A strict CSP (no `unsafe-inline`) blocks style attributes.
        assert!(!html.contains(" style="), "{lang:?}: a style attribute");
        let lists = class_lists(&html);
        let placed_with = |kind: &str, properties: &[&str]| {
            let nodes: Vec<_> = lists.iter().filter(|l| l.contains(&kind)).collect();
            assert!(!nodes.is_empty(), "{lang:?}: no {kind}");
            for node in nodes {
                for property in properties {
                    assert!(node.iter().any(|c| placement(c).is_some_and(|(p, _)| p == *property)), "{kind} {node:?}");
                }
            }
        };
        placed_with("ma-marker", &["left", "top"]);
        placed_with("ma-label", &["left", "top"]);
        placed_with("ma-tl-event", &["left", "top"]);
        placed_with("ma-tl-band", &["width"]);
        placed_with("ma-tick", &["left"]);
        placed_with("ma-timeline-strip", &["height"]);
        // Every such class has its rule, with its length; the sheet has no other.
        let mut used: Vec<&str> = lists.iter().flatten().copied().filter(|c| placement(c).is_some()).collect();
        used.sort_unstable();
        used.dedup();
        for class in &used {
            let (property, length) = placement(class).unwrap();
            assert!(sheet.contains(&format!(".meetup-atlas .{class}{{{property}:{length}}}\n")), "{lang:?}: {class}");
        }
        assert_eq!(sheet.lines().count(), used.len(), "{lang:?}: {sheet}");
        // Markers of different places stand apart.
        let markers: Vec<_> = lists.iter().filter(|l| l.contains(&"ma-marker")).collect();
        let mut spots: Vec<_> =
            markers.iter().map(|l| l.iter().filter(|c| placement(c).is_some()).collect::<Vec<_>>()).collect();
        spots.sort();
        spots.dedup();
        assert_eq!(spots.len(), markers.len(), "{lang:?}: {spots:?}");
    }
}
