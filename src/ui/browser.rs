//! What the UI reads from and writes to the browser, apart from the DOM it draws.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::Lang;

use super::app::App;

const SAVED_LANG_KEY: &str = "meetup-atlas.lang";
const DEFAULT_FEED: &str = "feed.json";
const DEFAULT_BASEMAP: &str = "basemap.json";

/// Mounts an atlas into every `[data-meetup-atlas]` element of the page.
/// `data-feed` gives the feed URL (default `feed.json`, relative to the page),
/// `data-basemap` the basemap URL (default `basemap.json`), and `data-lang` a
/// language for when the visitor has not chosen one.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(hosts) = document.query_selector_all("[data-meetup-atlas]") else { return };
    for i in 0..hosts.length() {
        let Some(host) = hosts.item(i).and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok()) else {
            continue;
        };
        let feed_url = host.get_attribute("data-feed").unwrap_or_else(|| DEFAULT_FEED.to_owned());
        let basemap_url = host.get_attribute("data-basemap").unwrap_or_else(|| DEFAULT_BASEMAP.to_owned());
        let preferred = host.get_attribute("data-lang");
        // The host keeps only the app: drop the no-script fallback.
        host.set_text_content(None);
        leptos::mount::mount_to(host, move || {
            view! { <App feed_url=feed_url.clone() basemap_url=basemap_url.clone() lang=initial_lang(preferred.as_deref()) /> }
        })
            .forget();
    }
}

/// `?lang=` → the embedding page's `data-lang` → saved choice → browser languages → English.
pub fn initial_lang(preferred: Option<&str>) -> Lang {
    let window = web_sys::window();
    let query = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("lang"));
    let requested = query.as_deref().filter(|q| Lang::from_tag(q).is_some()).or(preferred);
    let saved = local_storage().and_then(|s| s.get_item(SAVED_LANG_KEY).ok().flatten());
    let browser: Vec<String> = window
        .map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    Lang::choose(requested, saved.as_deref(), &browser)
}

pub fn save_lang(lang: Lang) {
    if let Some(storage) = local_storage() {
        // Private modes may refuse storage; the choice then lasts for the visit.
        let _ = storage.set_item(SAVED_LANG_KEY, lang.tag());
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
