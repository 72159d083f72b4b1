//! Component tests in headless Chromium (wasm-bindgen-test, see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use meetup_atlas::core::load;
use meetup_atlas::core::Lang;
use meetup_atlas::ui::{mount_element, App, Atlas, LangToggle, Setup};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../public/feed.json");

fn fresh_host() -> HtmlElement {
    // Atlases keep their view in the query string: start each test from a plain address.
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window.history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path)).unwrap();
    let document = window.document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

/// Lets Leptos' scheduled effects and any pending fetch run.
async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn element(host: &HtmlElement, selector: &str) -> HtmlElement {
    host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).dyn_into().unwrap()
}

fn texts(host: &HtmlElement, selector: &str) -> Vec<String> {
    let nodes = host.query_selector_all(selector).unwrap();
    (0..nodes.length()).map(|i| nodes.item(i).unwrap().text_content().unwrap()).collect()
}

fn mount_atlas(host: &HtmlElement, text: &str, lang: RwSignal<Lang>) {
    let loaded = Arc::new(load::load(text).unwrap());
    leptos::mount::mount_to(
        host.clone(),
        move || view! { <LangToggle lang /> <Atlas loaded lang basemap_url="basemap.json" /> },
    )
    .forget();
}

#[wasm_bindgen_test]
async fn list_shows_the_feed_and_switches_language() {
    let host = fresh_host();
    let lang = RwSignal::new(Lang::En);
    mount_atlas(&host, SEED, lang);
    settle(0).await;

    let places = texts(&host, ".ma-place");
    for city in ["Montreal", "Quebec City", "Ottawa", "Toronto", "Kitchener-Waterloo"] {
        assert!(places.iter().any(|p| p == city), "{city} in {places:?}");
    }
    let mut speakers = texts(&host, ".ma-speaker");
    assert_eq!(speakers.len(), 12, "11 sessions, one given by two people");
    speakers.sort();
    speakers.dedup();
    assert_eq!(speakers.len(), 11, "Artem Pogossian gave his talk twice");
    let text = host.text_content().unwrap();
    assert!(text.contains("Hosted by Ubisoft"), "{text}");
    assert!(text.contains("Between May 24 and June 14, 2019"), "{text}");

    let french = element(&host, "button[lang=fr]");
    assert_eq!(french.get_attribute("aria-pressed").as_deref(), Some("false"));
    french.click();
    settle(0).await;

    assert_eq!(lang.get_untracked(), Lang::Fr);
    assert_eq!(french.get_attribute("aria-pressed").as_deref(), Some("true"));
    let text = host.text_content().unwrap();
    assert!(text.contains("Accueilli par Ubisoft"), "{text}");
    assert!(text.contains("Entre le 24 mai et le 14 juin 2019"), "{text}");
    assert!(texts(&host, ".ma-place").iter().any(|p| p == "Québec"));
    assert!(texts(&host, ".ma-format").iter().any(|f| f == "Atelier"));
    assert!(!text.contains("Hosted by"), "English left behind");
}

#[wasm_bindgen_test]
async fn feed_text_is_never_markup() {
    let mut value: serde_json::Value = serde_json::from_str(SEED).unwrap();
    value["events"][0]["title"]["en"] =
        serde_json::json!("<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>");
    let host = fresh_host();
    mount_atlas(&host, &value.to_string(), RwSignal::new(Lang::En));
    settle(50).await;
    assert!(host.query_selector("img, script").unwrap().is_none());
    assert!(host.text_content().unwrap().contains("<script>window.pwned=2</script>"));
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn problems_are_told_and_the_rest_shown() {
    let mut value: serde_json::Value = serde_json::from_str(SEED).unwrap();
    value["events"][3]["sessions"][1]["speakers"][0] = serde_json::json!("nobody");
    let host = fresh_host();
    mount_atlas(&host, &value.to_string(), RwSignal::new(Lang::En));
    settle(0).await;
    let summary = element(&host, ".ma-problems summary").text_content().unwrap();
    assert!(summary.contains("1\u{a0}problem found in the feed; 1\u{a0}event left out"), "{summary}");
    assert!(host.text_content().unwrap().contains(r#"events[3].sessions[1].speakers[0] — unknown person "nobody""#));
    assert_eq!(texts(&host, ".ma-event").len(), 5);
}

/// Thousands of broken events: the first 50 problems are listed, the rest counted by kind.
#[wasm_bindgen_test]
async fn many_problems_are_listed_fifty_at_most_and_counted_by_kind() {
    let mut value: serde_json::Value = serde_json::from_str(SEED).unwrap();
    let broken: Vec<serde_json::Value> = (0..3000)
        .map(|i| {
            let mut event = value["events"][0].clone();
            event["id"] = format!("broken-{i}").into();
            event["sessions"] = serde_json::json!([]);
            event["place"] = if i % 3 == 0 { "atlantis".into() } else { "montreal".into() };
            if i % 3 != 0 {
                event["when"] = serde_json::json!({"type": "date", "date": "2019-02-30"});
            }
            event
        })
        .collect();
    value["events"].as_array_mut().unwrap().extend(broken);
    let host = fresh_host();
    mount_atlas(&host, &value.to_string(), RwSignal::new(Lang::En));
    settle(0).await;
    assert_eq!(host.query_selector_all(".ma-problems li").unwrap().length(), 50);
    let kinds = element(&host, ".ma-problem-kinds").text_content().unwrap();
    assert_eq!(kinds, "By kind: invalid date (2,000), unknown reference (1,000).");
    assert!(host.text_content().unwrap().contains("And 2,950\u{a0}more problems, not listed here."));
    assert_eq!(texts(&host, ".ma-event").len(), 6, "the valid events are all shown");
}

#[wasm_bindgen_test]
async fn a_feed_that_cannot_be_fetched_offers_a_retry() {
    let host = fresh_host();
    let url = "/no-such-feed.json".to_owned();
    leptos::mount::mount_to(host.clone(), move || view! { <App setup=Setup::page(Lang::Fr, url.clone()) /> }).forget();
    assert!(host.text_content().unwrap().contains("Chargement des rencontres"));
    for _ in 0..50 {
        settle(20).await;
        if host.query_selector("[role=alert]").unwrap().is_some() {
            break;
        }
    }
    let alert = element(&host, "[role=alert]").text_content().unwrap();
    assert!(alert.contains("Impossible de charger les rencontres."), "{alert}");
    assert!(alert.contains("statut 404"), "{alert}");
    assert_eq!(element(&host, "[role=alert] button").text_content().unwrap(), "Réessayer");
    assert_eq!(element(&host, ".meetup-atlas").get_attribute("lang").as_deref(), Some("fr"));
}

/// Component tests load no stylesheet: give the map the size the CSS would.
fn map_size_style() {
    let document = web_sys::window().unwrap().document().unwrap();
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(
        ".ma-map-surface { position: relative; width: 800px; height: 420px; } .ma-marker { position: absolute; }",
    ));
    document.head().unwrap().append_child(&style).unwrap();
}

#[wasm_bindgen_test]
async fn map_markers_show_counts_and_selecting_one_filters_the_list() {
    map_size_style();
    let host = fresh_host();
    let lang = RwSignal::new(Lang::En);
    mount_atlas(&host, SEED, lang);
    settle(50).await;

    let labels: Vec<String> = {
        let nodes = host.query_selector_all(".ma-marker").unwrap();
        (0..nodes.length())
            .map(|i| {
                nodes.item(i).unwrap().dyn_into::<web_sys::Element>().unwrap().get_attribute("aria-label").unwrap()
            })
            .collect()
    };
    assert_eq!(labels.len(), 5, "{labels:?}");
    assert!(labels.contains(&"Toronto — 1\u{a0}meetup, past".to_owned()), "{labels:?}");
    assert!(texts(&host, ".ma-marker").iter().all(|t| t == "1"));

    let toronto = element(&host, ".ma-marker[data-place=toronto]");
    toronto.click();
    settle(0).await;
    assert_eq!(toronto.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(texts(&host, ".ma-event").len(), 1);
    assert_eq!(texts(&host, ".ma-filter-title"), ["Events in Toronto"]);

    let escape = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Escape");
        init.set_bubbles(true);
        init
    })
    .unwrap();
    toronto.dispatch_event(&escape).unwrap();
    settle(0).await;
    assert_eq!(toronto.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(texts(&host, ".ma-event").len(), 6);

    // French names follow the toggle.
    lang.set(Lang::Fr);
    settle(0).await;
    assert_eq!(toronto.get_attribute("aria-label").as_deref(), Some("Toronto — 1\u{a0}rencontre, passée"));
    let montreal = element(&host, ".ma-marker[data-place=montreal]");
    assert!(montreal.get_attribute("aria-label").unwrap().starts_with("Montréal — "));
}

#[wasm_bindgen_test]
async fn map_without_its_basemap_still_shows_markers_and_says_so() {
    map_size_style();
    let host = fresh_host();
    let loaded = Arc::new(load::load(SEED).unwrap());
    let lang = RwSignal::new(Lang::En);
    leptos::mount::mount_to(host.clone(), move || view! { <Atlas loaded lang basemap_url="/missing-basemap.json" /> })
        .forget();
    for _ in 0..50 {
        settle(20).await;
        if host.text_content().unwrap().contains("background map could not be loaded") {
            break;
        }
    }
    assert!(host
        .text_content()
        .unwrap()
        .contains("The background map could not be loaded; the markers are still in place."));
    assert_eq!(texts(&host, ".ma-marker").len(), 5);
}

fn key_down(target: &HtmlElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn active_event(host: &HtmlElement) -> Option<String> {
    let active = web_sys::window().unwrap().document().unwrap().active_element()?;
    host.contains(Some(&active)).then(|| active.get_attribute("data-tl-event")).flatten()
}

#[wasm_bindgen_test]
async fn timeline_keyboard_walk_and_selection_reach_the_map_and_the_details() {
    map_size_style();
    let host = fresh_host();
    host.style().set_property("width", "900px").unwrap();
    let lang = RwSignal::new(Lang::En);
    mount_atlas(&host, SEED, lang);
    settle(50).await;

    let first = element(&host, ".ma-tl-event[tabindex='0']");
    assert_eq!(first.get_attribute("data-tl-event").as_deref(), Some("montreal-spring-2019"));
    first.focus().unwrap();
    key_down(&first, "ArrowRight");
    settle(50).await;
    assert_eq!(active_event(&host).as_deref(), Some("quebec-spring-2019"));
    key_down(&element(&host, ".ma-tl-event[tabindex='0']"), "End");
    settle(50).await;
    assert_eq!(active_event(&host).as_deref(), Some("cloud-native-day-2019"));
    key_down(&element(&host, ".ma-tl-event[tabindex='0']"), "Home");
    settle(50).await;
    assert_eq!(active_event(&host).as_deref(), Some("montreal-spring-2019"));

    element(&host, ".ma-tl-event[data-tl-event=ottawa-spring-2019]").click();
    settle(0).await;
    assert_eq!(element(&host, ".ma-marker[data-place=ottawa]").get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(element(&host, ".ma-details").text_content().unwrap().contains("Jonathan Gold"));
    assert_eq!(
        element(&host, ".ma-announce").text_content().unwrap(),
        "Selected: Kubernetes & Cloud Native Ottawa — spring 2019, late May – mid June 2019"
    );

    // A place picked on the map lights up its events on the timeline.
    element(&host, ".ma-marker[data-place=toronto]").click();
    settle(0).await;
    assert_eq!(
        texts(&host, ".ma-tl-event.ma-highlight .ma-tl-label"),
        ["Kubernetes & Cloud Native Toronto — spring 2019"]
    );
    assert!(host.query_selector(".ma-details").unwrap().is_none());
}

/// A season of events sharing one range: six lanes are drawn, the rest stacked as "+N",
/// and the stack lists its events, each of which opens its details.
#[wasm_bindgen_test]
async fn overlapping_events_beyond_six_lanes_are_stacked_and_listed() {
    map_size_style();
    let host = fresh_host();
    host.style().set_property("width", "900px").unwrap();
    let mut feed: serde_json::Value = serde_json::from_str(SEED).unwrap();
    let toronto = feed["events"][3].clone();
    feed["events"] = (0..40)
        .map(|i| {
            let mut event = toronto.clone();
            event["id"] = format!("toronto-{i}").into();
            event["sessions"] = serde_json::json!([]);
            event
        })
        .collect();
    let lang = RwSignal::new(Lang::En);
    mount_atlas(&host, &feed.to_string(), lang);
    settle(50).await;

    assert_eq!(texts(&host, ".ma-tl-event").len(), 6, "one lane each, six lanes drawn");
    let more = element(&host, ".ma-tl-more");
    assert_eq!(more.text_content().unwrap(), "+34");
    assert_eq!(more.get_attribute("aria-label").as_deref(), Some("34\u{a0}more events here"));
    let strip = element(&host, ".ma-timeline-strip");
    assert!(strip.offset_height() < 400, "the strip stays short: {}px", strip.offset_height());

    more.click();
    settle(50).await;
    assert_eq!(more.get_attribute("aria-expanded").as_deref(), Some("true"));
    let listed = host.query_selector_all(".ma-tl-stack-event").unwrap();
    assert_eq!(listed.length(), 34);
    let active = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert_eq!(active.id(), "ma-tl-stack-title", "focus goes to the list it opened");
    let first: HtmlElement = listed.item(0).unwrap().dyn_into().unwrap();
    first.click();
    // Time for the timeline to follow the selection (and any new width of its strip).
    settle(20).await;
    assert_eq!(first.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(element(&host, ".ma-details").text_content().unwrap().contains("Flybits"));
    // The stack as the timeline shows it now: a new layout may have drawn a new element.
    let more = element(&host, ".ma-tl-more");
    assert!(more.class_name().contains("ma-selected"), "the stack holding the selection says so");

    lang.set(Lang::Fr);
    settle(0).await;
    assert_eq!(element(&host, "#ma-tl-stack-title").text_content().unwrap(), "34\u{a0}événements de plus ici");
}

/// A URL the browser can fetch `text` from, with no server.
fn blob_url(text: &str) -> String {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence(&parts).unwrap();
    web_sys::Url::create_object_url_with_blob(&blob).unwrap()
}

#[wasm_bindgen_test]
async fn an_element_atlas_stays_in_its_shadow_root_and_leaves_the_page_alone() {
    // The hosted-page atlases of earlier tests are still alive in this page: a glide of
    // theirs (450 ms) and its address write (after 400 ms) must be over before this test
    // can say that nothing here writes the address.
    settle(1500).await;
    let host = fresh_host();
    web_sys::window().unwrap().local_storage().unwrap().unwrap().remove_item("meetup-atlas.lang").unwrap();
    let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let target: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    shadow.append_child(&target).unwrap();
    let mut mounted = mount_element(target.clone(), element_options(&blob_url(SEED), "fr", "list"));
    for _ in 0..50 {
        settle(20).await;
        if target.query_selector(".ma-event").unwrap().is_some() {
            break;
        }
    }
    assert_eq!(texts(&target, ".ma-event").len(), 6);
    assert_eq!(element(&target, ".meetup-atlas").get_attribute("lang").as_deref(), Some("fr"));
    // Only the list; nothing that belongs to the hosted page (its address, "Embed").
    for absent in [".ma-map", ".ma-timeline", ".ma-copy", ".ma-embed-open"] {
        assert!(target.query_selector(absent).unwrap().is_none(), "{absent}");
    }
    assert!(document.query_selector(".meetup-atlas").unwrap().is_none(), "nothing drawn outside the shadow root");

    let search: web_sys::HtmlInputElement = element(&target, "input[type=search]").dyn_into().unwrap();
    search.set_value("ottawa");
    search.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    settle(0).await;
    assert_eq!(texts(&target, ".ma-event").len(), 1);
    element(&target, ".ma-lang-option[lang=en]").click();
    settle(0).await;
    assert_eq!(element(&target, ".meetup-atlas").get_attribute("lang").as_deref(), Some("en"));
    let window = web_sys::window().unwrap();
    assert_eq!(window.location().search().unwrap(), "", "the page's address is left alone");
    assert_eq!(
        window.local_storage().unwrap().unwrap().get_item("meetup-atlas.lang").unwrap(),
        None,
        "no language saved for the page"
    );

    mounted.unmount();
    settle(0).await;
    assert!(target.query_selector(".meetup-atlas").unwrap().is_none(), "unmounted");
}

/// The crash boundary: the panic hook asks each atlas of its instance for the notice (the
/// page's script draws it: tests/e2e/faults.spec.mjs), with an event that leaves a shadow
/// root; an atlas taken down before is not asked.
#[wasm_bindgen_test]
async fn a_panic_asks_each_atlas_of_the_instance_for_its_notice() {
    let (shown, removed) = (fresh_host(), fresh_host());
    let mut gone = mount_element(removed.clone(), element_options(&blob_url(SEED), "en", "list"));
    let _kept = mount_element(shown.clone(), element_options(&blob_url(SEED), "fr", "list"));
    for _ in 0..50 {
        settle(20).await;
        if shown.query_selector(".ma-event").unwrap().is_some() {
            break;
        }
    }
    gone.unmount();
    removed.set_inner_html("<p>host content</p>");

    use meetup_atlas::ui::crash::{show_notice, CRASH_EVENT};
    let asked = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let listener = {
        let asked = asked.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let host: HtmlElement = event.target().unwrap().dyn_into().unwrap();
            asked.borrow_mut().push((host, event.bubbles(), event.composed()));
        })
    };
    let document = web_sys::window().unwrap().document().unwrap();
    document.add_event_listener_with_callback(CRASH_EVENT, listener.as_ref().unchecked_ref()).unwrap();
    show_notice();
    document.remove_event_listener_with_callback(CRASH_EVENT, listener.as_ref().unchecked_ref()).unwrap();
    let asked = asked.borrow();
    assert!(
        asked.iter().any(|(host, bubbles, composed)| *host == shown && *bubbles && *composed),
        "the atlas is asked"
    );
    assert!(!asked.iter().any(|(host, ..)| *host == removed), "an unmounted atlas is not asked");
    assert_eq!(removed.text_content().unwrap(), "host content", "an unmounted atlas' host is not touched");
}

/// The build's prerender writes days without `Intl` (`i18n::plain_day`), and so does the
/// browser until it is idle (`ui::intl::use_intl_when_idle`); the browser takes the page
/// over without redrawing its text, so the two must agree to the letter.
#[wasm_bindgen_test]
fn prerendered_days_read_as_the_browser_writes_them() {
    use meetup_atlas::core::date::Day;
    use meetup_atlas::core::i18n::plain_day;
    use meetup_atlas::ui::intl::intl_day;
    let first = Day::parse("2018-12-25").unwrap().days_since_epoch();
    let mut compared = 0;
    for days in (first..first + 800).step_by(7).chain([Day::parse("2019-06-01").unwrap().days_since_epoch()]) {
        let day = Day::from_days_since_epoch(days);
        for lang in Lang::ALL {
            for with_year in [true, false] {
                assert_eq!(plain_day(lang, day, with_year), intl_day(lang, day, with_year), "{day} {lang:?}");
                compared += 1;
            }
        }
    }
    assert!(compared > 400 && plain_day(Lang::Fr, Day::parse("2019-06-01").unwrap(), true) == "1er juin 2019");
}

/// Days are written by `Intl` once the page's script (src/js/meetup-atlas.js) answers an
/// atlas that asks for the browser's date formatting, and the browser is idle (at most a
/// second after).
#[wasm_bindgen_test]
async fn days_go_through_intl_once_the_page_says_the_formatting_is_loaded() {
    use meetup_atlas::ui::intl::{intl_in_use, use_intl_when_idle, INTL_READY_EVENT, INTL_WANTED_EVENT};
    use wasm_bindgen::closure::Closure;
    let document = web_sys::window().unwrap().document().unwrap();
    let asked = std::rc::Rc::new(std::cell::Cell::new(false));
    // As the page's script answers (its worker done).
    let answer = {
        let (asked, document) = (asked.clone(), document.clone());
        Closure::<dyn FnMut()>::new(move || {
            asked.set(true);
            let _ = document.dispatch_event(&web_sys::Event::new(INTL_READY_EVENT).unwrap());
        })
    };
    document.add_event_listener_with_callback(INTL_WANTED_EVENT, answer.as_ref().unchecked_ref()).unwrap();
    use_intl_when_idle(Lang::Fr);
    assert!(asked.get(), "the atlas did not ask the page for the date formatting");
    let mut waited = 0;
    while !intl_in_use() && waited < 30 {
        settle(50).await;
        waited += 1;
    }
    document.remove_event_listener_with_callback(INTL_WANTED_EVENT, answer.as_ref().unchecked_ref()).unwrap();
    assert!(intl_in_use(), "days still written without Intl 1.5 s after the page answered");
}

/// Counts are written in the core (the prerender has no `Intl`), grouped as the browser's
/// `Intl.NumberFormat` groups them, so a page taken over reads the same.
#[wasm_bindgen_test]
fn counts_are_grouped_as_the_browser_groups_them() {
    use meetup_atlas::core::i18n::number;
    for lang in Lang::ALL {
        let intl = js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&lang.locale().into()), &js_sys::Object::new());
        for n in [0, 7, 42, 999, 1_000, 1_500, 10_000, 123_456, 1_000_000, 98_765_432] {
            let browser = intl.format().call1(&wasm_bindgen::JsValue::NULL, &(n as f64).into()).unwrap();
            assert_eq!(Some(number(lang, n)), browser.as_string(), "{n} {lang:?}");
        }
    }
}

/// The options `meetup-atlas.js` passes to `mountElement`, as the script writes them.
fn element_options(feed: &str, lang: &str, views: &str) -> wasm_bindgen::JsValue {
    let options = js_sys::Object::new();
    for (key, value) in [("feed", feed), ("basemap", "basemap.json"), ("lang", lang), ("views", views)] {
        js_sys::Reflect::set(&options, &key.into(), &value.into()).unwrap();
    }
    options.into()
}

/// Two atlases on one page (two `[data-meetup-atlas]` hosts): no id is used twice, and
/// what each atlas' labels and controls point to is in that atlas; their radio groups
/// are their own.
#[wasm_bindgen_test]
async fn two_atlases_on_one_page_keep_their_ids_apart() {
    let hosts = [fresh_host(), fresh_host()];
    let feed = blob_url(SEED);
    for host in &hosts {
        host.set_attribute("data-meetup-atlas", "").unwrap();
        host.set_attribute("data-feed", &feed).unwrap();
        host.set_attribute("data-lang", "en").unwrap();
    }
    meetup_atlas::ui::start();
    for _ in 0..100 {
        settle(20).await;
        if hosts.iter().all(|h| h.query_selector(".ma-event").unwrap().is_some()) {
            break;
        }
    }
    for host in &hosts {
        // The filter panel (and its radio group) and the Embed dialog are drawn when
        // first opened.
        element(host, "button[aria-controls$='filter-panel']").click();
        element(host, ".ma-embed-open").click();
    }
    settle(50).await;
    let mut all = Vec::new();
    for host in &hosts {
        let nodes = host.query_selector_all("[id]").unwrap();
        let ids: Vec<String> =
            (0..nodes.length()).map(|i| nodes.item(i).unwrap().dyn_into::<web_sys::Element>().unwrap().id()).collect();
        assert!(ids.len() >= 8, "{ids:?}");
        let pointers =
            host.query_selector_all("[aria-labelledby], [aria-describedby], [aria-controls], label[for]").unwrap();
        assert!(pointers.length() >= 6);
        for i in 0..pointers.length() {
            let pointer = pointers.item(i).unwrap().dyn_into::<web_sys::Element>().unwrap();
            for attribute in ["aria-labelledby", "aria-describedby", "aria-controls", "for"] {
                for id in pointer.get_attribute(attribute).unwrap_or_default().split_whitespace() {
                    assert!(ids.iter().any(|own| own == id), "{attribute}={id} points outside its atlas");
                }
            }
        }
        all.extend(ids);
    }
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "an id is used twice: {all:?}");
    let radio_name = |host: &HtmlElement| element(host, "input[type=radio]").get_attribute("name").unwrap();
    assert_ne!(radio_name(&hosts[0]), radio_name(&hosts[1]));
    // The first atlas keeps the ids a page with one atlas has.
    assert!(hosts[0].query_selector("#ma-events").unwrap().is_some());
    for host in &hosts {
        element(host, ".ma-embed-close").click();
        host.remove();
    }
}
