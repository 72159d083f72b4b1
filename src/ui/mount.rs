//! Starting atlases: in the page's `[data-meetup-atlas]` hosts, and in `<meetup-atlas>`
//! elements (called by `meetup-atlas.js`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use std::sync::Arc;

use crate::core::basemap;
use crate::core::embed::{Hidden, Mode, Panels};
use crate::core::load::{self, LoadError};
use crate::core::page::Prerendered;
use crate::core::query;
use crate::core::url_state::HostQuery;
use crate::core::Lang;

use super::app::{App, Ready, Setup};
use super::browser::{initial_lang, next_frame, next_task};
use super::fetch::{fetch_text, fetch_text_saved, load_in_steps, Abort};
use super::ids::Ids;
use super::turns::{LaidOut, Turns};

const DEFAULT_FEED: &str = "feed.json";
const DEFAULT_BASEMAP: &str = "basemap.json";
/// Marks a `[data-meetup-atlas]` host that has its atlas.
const MOUNTED: &str = "data-meetup-atlas-mounted";
/// On a host the build prerendered: what it was drawn from (`core::page::Prerendered`).
const PRERENDERED: &str = "data-prerendered";
const TAKE_OVER_START: &str = "meetup-atlas take-over start";
/// Set once the atlas answers input: on a prerendered page, once the wasm has taken it over.
const LIVE: &str = "data-meetup-atlas-live";

/// Mounts an atlas into every `[data-meetup-atlas]` element of the page.
/// `data-feed` gives the feed URL (default `feed.json`, relative to the page),
/// `data-basemap` the basemap URL (default `basemap.json`), `data-lang` a language
/// for when the visitor has not chosen one, and `data-views` the panels to show.
/// With `?embed=frame` the page is an iframe's content: compact and self-contained.
pub fn start() {
    super::crash::install();
    super::executor::init();
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let Ok(hosts) = document.query_selector_all("[data-meetup-atlas]") else { return };
    let asked = HostQuery::parse(&window.location().search().unwrap_or_default());
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
        let basemap = host.get_attribute("data-basemap").unwrap_or_else(|| DEFAULT_BASEMAP.to_owned());
        let lang = initial_lang(host.get_attribute("data-lang").as_deref());
        let setup = Setup::new(
            lang,
            asked.mode,
            page_feeds(asked.feed.as_deref(), host.get_attribute("data-feed")),
            super::browser::resolve_url(&basemap).unwrap_or(basemap),
        )
        .asking(
            host.get_attribute("data-views").or_else(|| asked.views.clone()).as_deref(),
            host.get_attribute("data-hide").or_else(|| asked.hide.clone()).as_deref(),
        );
        let setup = Setup { ids: Ids(i), ..setup };
        match host.get_attribute(PRERENDERED).as_deref().and_then(Prerendered::parse) {
            Some(prerendered) => wasm_bindgen_futures::spawn_local(take_over(host, setup, prerendered)),
            None => draw(host, setup),
        }
    }
}

/// The page's feed, or those `?feed=a.json+b.json` names (the iframe's): each address
/// relative to where the page's own feed is (the site's root, from `fr/` too), and on
/// the same site (the page's CSP allows no other).
fn page_feeds(asked: Option<&str>, own: Option<String>) -> String {
    // Absolute from the start: the address moves between the site's folders (an event's
    // page is `events/<id>/`) and a relative one would then lead elsewhere.
    let own = own.unwrap_or_else(|| DEFAULT_FEED.to_owned());
    let own = super::browser::resolve_url(&own).unwrap_or(own);
    let Some(asked) = asked else {
        return own;
    };
    let base = own;
    let resolved: Vec<String> = crate::core::merge::addresses(asked)
        .into_iter()
        .filter_map(|address| web_sys::Url::new_with_base(address, &base).ok().map(|url| url.href()))
        .collect();
    resolved.join(" ")
}

/// Draws an atlas in `host`, in place of what it held (the no-script fallback, or a
/// prerendered atlas that cannot be taken over as it is).
fn draw(host: web_sys::HtmlElement, setup: Setup) {
    host.set_text_content(None);
    let lang = setup.lang;
    leptos::mount::mount_to(host.clone(), move || view! { <App setup=setup.clone() /> }).forget();
    let _ = host.set_attribute(LIVE, "");
    super::intl::use_intl_when_idle(lang);
}

/// A prerendered atlas comes to life on the nodes it was drawn with (hydration): the
/// feed and basemap are fetched first (the page preloads them), and if they, the
/// language and the options are what the build had, the same components draw the same
/// DOM and only attach to it. Otherwise (another feed since, a saved copy, another
/// language or set of views) the atlas is drawn afresh in its place, still at once.
async fn take_over(host: web_sys::HtmlElement, mut setup: Setup, prerendered: Prerendered) {
    // A task after the wasm's instantiation, which is a long one already (V8 compiles
    // each function on its first call).
    next_task().await;
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(performance) = &performance {
        let _ = performance.mark(TAKE_OVER_START);
    }
    // Several feeds were not what the build drew (it draws one).
    if crate::core::merge::addresses(&setup.feed_url).len() != 1 {
        return draw(host, setup);
    }
    let (text, saved) = match fetch_text_saved(&setup.feed_url, &Abort::new()).await {
        Ok(fetched) => fetched,
        Err(error) => {
            // Said in the atlas' place, with a retry.
            setup.failed = Some(error);
            return draw(host, setup);
        }
    };
    next_task().await;
    Timed::Phase.starts(performance.as_ref());
    let loaded = load_in_steps(&text).await;
    Timed::Phase.done(performance.as_ref(), "read");
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(error) => {
            setup.failed = Some(LoadError::Feed(error));
            return draw(host, setup);
        }
    };
    // The service worker may hold a newer basemap than the build's.
    Timed::Phase.starts(performance.as_ref());
    let basemap_text = fetch_text(&setup.basemap_url).await.ok();
    next_task().await;
    let same_basemap = basemap_text.as_deref().is_some_and(|text| load::is_drawn_from(&prerendered.basemap, text));
    let unprojected = basemap_text.and_then(|text| basemap::Unprojected::read(&text).ok());
    next_task().await;
    let basemap = unprojected.map(|raw| Arc::new(raw.project(&query::map_projection(&loaded.feed))));
    Timed::Phase.done(performance.as_ref(), "basemap");
    let as_built = load::is_drawn_from(&prerendered.feed, &text)
        && saved.is_none()
        && same_basemap
        && basemap.is_some()
        && setup.mode == Mode::Page
        && setup.lang == prerendered.page.lang
        && setup.panels == Panels::default()
        && setup.hidden == Hidden::default();
    let today = if as_built { prerendered.day } else { super::intl::today() };
    setup.ready = Some(Ready { feed: Arc::new(loaded), saved, basemap, today, laid_out: LaidOut::default() });
    setup.page = Some(prerendered.page);
    // Its events have pages of their own only as the build drew them.
    setup.event_pages = as_built;
    next_task().await;
    if as_built {
        let turns = Turns::new();
        Timed::Turn.starts(performance.as_ref());
        let lang = setup.lang;
        // Its effects' first runs come at the start of the next turn (`ui::executor`).
        let (atlas, held) = super::executor::holding(|| {
            leptos::mount::hydrate_from(host.clone(), move || {
                provide_context(turns);
                view! { <App setup /> }
            })
        });
        atlas.forget();
        Timed::Turn.done(performance.as_ref(), "app");
        // The big parts, each in a task of its own (`ui::turns`). Then the views' first
        // sizes, which their observers report with a frame, each in a turn of its own too
        // (`observe_size_in_turn`): the page is live once the map's markers stand where
        // they stay. A view not laid out (in a hidden box) never reports one: at most
        // some 3 s.
        let mut frames = 0;
        next_task().await;
        held.release();
        loop {
            Timed::Turn.starts(performance.as_ref());
            if let Some(name) = turns.attach_next() {
                Timed::Turn.done(performance.as_ref(), name);
            } else if !turns.waiting_for_sizes() || frames == 30 {
                break;
            } else {
                next_frame().await;
                frames += 1;
            }
            next_task().await;
        }
        turns.end();
        // From the feed's fetch to the last part attached (tasks apart), for DevTools and
        // tests/bench/hydrate.mjs (which finds the longest task in between).
        if let Some(performance) = performance {
            let _ = performance.measure_with_start_mark("meetup-atlas take-over", TAKE_OVER_START);
        }
        let _ = host.set_attribute(LIVE, "");
        super::intl::use_intl_when_idle(lang);
    } else {
        Timed::Phase.starts(performance.as_ref());
        if let Some(ready) = &mut setup.ready {
            ready.laid_out = LaidOut::read(&host);
        }
        draw(host, setup);
        Timed::Phase.done(performance.as_ref(), "draw");
    }
}

/// What the take-over measures, each as User Timing measures "meetup-atlas `kind`: `name`"
/// from the last mark "meetup-atlas `kind` start", for DevTools and the benchmarks:
/// - `turn`: each part of a hydration, a task apiece (tests/bench/hydrate.mjs);
/// - `phase`: reading the feed (tasks apart), the basemap, drawing afresh (tests/bench/perf.mjs).
#[derive(Clone, Copy)]
enum Timed {
    Turn,
    Phase,
}

impl Timed {
    fn kind(self) -> &'static str {
        match self {
            Timed::Turn => "turn",
            Timed::Phase => "phase",
        }
    }

    fn starts(self, performance: Option<&web_sys::Performance>) {
        if let Some(performance) = performance {
            let _ = performance.mark(&format!("meetup-atlas {} start", self.kind()));
        }
    }

    fn done(self, performance: Option<&web_sys::Performance>, name: &str) {
        if let Some(performance) = performance {
            let kind = self.kind();
            let _ = performance.measure_with_start_mark(
                &format!("meetup-atlas {kind}: {name}"),
                &format!("meetup-atlas {kind} start"),
            );
        }
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

/// What a `<meetup-atlas>` element asks for, as `meetup-atlas.js` passes its attributes:
/// `{ feed, basemap, lang, views, hide }`, the addresses already absolute. The one
/// contract between the element script and the wasm, read here alone.
struct ElementOptions {
    feed: String,
    basemap: String,
    lang: Option<String>,
    views: Option<String>,
    hide: Option<String>,
}

impl ElementOptions {
    /// Reads the script's options object; a missing or non-string field is not given.
    fn read(options: &wasm_bindgen::JsValue) -> ElementOptions {
        let get = |key: &str| js_sys::Reflect::get(options, &key.into()).ok().and_then(|v| v.as_string());
        ElementOptions {
            feed: get("feed").unwrap_or_else(|| DEFAULT_FEED.to_owned()),
            basemap: get("basemap").unwrap_or_else(|| DEFAULT_BASEMAP.to_owned()),
            lang: get("lang"),
            views: get("views"),
            hide: get("hide"),
        }
    }

    fn setup(self) -> Setup {
        // The element's own `lang` wins; otherwise the visitor's choice, as on the page.
        let lang = self.lang.as_deref().and_then(Lang::from_tag).unwrap_or_else(|| initial_lang(None));
        Setup::new(lang, Mode::Element, self.feed, self.basemap).asking(self.views.as_deref(), self.hide.as_deref())
    }
}

/// Mounts an atlas into `target`, an element inside a `<meetup-atlas>`'s shadow root,
/// as `options` say (`ElementOptions`).
#[wasm_bindgen::prelude::wasm_bindgen(js_name = mountElement)]
pub fn mount_element(target: web_sys::HtmlElement, options: wasm_bindgen::JsValue) -> MountedAtlas {
    let setup = ElementOptions::read(&options).setup();
    super::executor::init();
    super::crash::watch(&target);
    super::intl::use_intl_when_idle(setup.lang);
    let handle = leptos::mount::mount_to(target.clone(), move || view! { <App setup=setup.clone() /> });
    MountedAtlas(Some(Box::new(handle)), target)
}
