//! Starting atlases: in the page's `[data-meetup-atlas]` hosts, and in `<meetup-atlas>`
//! elements (called by `meetup-atlas.js`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::embed::{Hidden, Mode, Panels};
use crate::core::Lang;

use super::app::{App, Setup};
use super::browser::initial_lang;

const DEFAULT_FEED: &str = "feed.json";
const DEFAULT_BASEMAP: &str = "basemap.json";
/// Marks a `[data-meetup-atlas]` host that has its atlas.
const MOUNTED: &str = "data-meetup-atlas-mounted";

/// Mounts an atlas into every `[data-meetup-atlas]` element of the page.
/// `data-feed` gives the feed URL (default `feed.json`, relative to the page),
/// `data-basemap` the basemap URL (default `basemap.json`), `data-lang` a language
/// for when the visitor has not chosen one, and `data-views` the panels to show.
/// With `?embed=frame` the page is an iframe's content: compact and self-contained.
pub fn start() {
    super::crash::install();
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let Ok(hosts) = document.query_selector_all("[data-meetup-atlas]") else { return };
    let query = window.location().search().unwrap_or_default();
    let mode = Mode::from_query(&query);
    let params = web_sys::UrlSearchParams::new_with_str(&query).ok();
    let query_views = params.as_ref().and_then(|params| params.get("views"));
    let query_hide = params.as_ref().and_then(|params| params.get("hide"));
    for i in 0..hosts.length() {
        let Some(host) = hosts.item(i).and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok()) else {
            continue;
        };
        // Each `<meetup-atlas>` element starts an instance of its own: the page's hosts
        // are the first instance's alone.
        if host.has_attribute(MOUNTED) {
            continue;
        }
        let _ = host.set_attribute(MOUNTED, "");
        super::crash::watch(&host);
        let views = host.get_attribute("data-views").or_else(|| query_views.clone());
        let setup = Setup {
            feed_url: host.get_attribute("data-feed").unwrap_or_else(|| DEFAULT_FEED.to_owned()),
            basemap_url: host.get_attribute("data-basemap").unwrap_or_else(|| DEFAULT_BASEMAP.to_owned()),
            lang: initial_lang(host.get_attribute("data-lang").as_deref()),
            panels: views.as_deref().map(Panels::parse).unwrap_or_default(),
            hidden: host
                .get_attribute("data-hide")
                .or_else(|| query_hide.clone())
                .as_deref()
                .map(Hidden::parse)
                .unwrap_or_default(),
            mode,
        };
        // The host keeps only the app: drop the no-script fallback.
        host.set_text_content(None);
        leptos::mount::mount_to(host, move || view! { <App setup=setup.clone() /> }).forget();
    }
}

/// A mounted `<meetup-atlas>` element's atlas, for the element to take down again.
#[wasm_bindgen::prelude::wasm_bindgen]
pub struct MountedAtlas(Option<Box<dyn std::any::Any>>, web_sys::HtmlElement);

#[wasm_bindgen::prelude::wasm_bindgen]
impl MountedAtlas {
    /// Removes the atlas and stops all its work (observers, listeners, effects).
    pub fn unmount(&mut self) {
        self.0.take();
        super::crash::forget(&self.1);
    }
}

/// Mounts an atlas into `target`, an element inside a `<meetup-atlas>`'s shadow root.
/// Called by the element script (`meetup-atlas.js`) with URLs it has already made absolute.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = mountElement)]
pub fn mount_element(
    target: web_sys::HtmlElement,
    feed_url: String,
    basemap_url: String,
    lang: Option<String>,
    views: Option<String>,
    hide: Option<String>,
) -> MountedAtlas {
    let lang = lang.as_deref().and_then(Lang::from_tag).unwrap_or_else(|| initial_lang(None));
    let setup = Setup {
        feed_url,
        basemap_url,
        lang,
        panels: views.as_deref().map(Panels::parse).unwrap_or_default(),
        hidden: hide.as_deref().map(Hidden::parse).unwrap_or_default(),
        mode: Mode::Element,
    };
    super::crash::watch(&target);
    let handle = leptos::mount::mount_to(target.clone(), move || view! { <App setup=setup.clone() /> });
    MountedAtlas(Some(Box::new(handle)), target)
}
