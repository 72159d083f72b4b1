//! What the UI reads from and writes to the browser, apart from the DOM it draws.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::core::embed::{Mode, Panels};
use crate::core::explore::Filters;
use crate::core::i18n::{LoadError, SavedBecause};
use crate::core::query::Selection;
use crate::core::url_state::{MapCentre, UrlState};
use crate::core::Lang;

use super::app::{App, Setup};

const SAVED_LANG_KEY: &str = "meetup-atlas.lang";
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
    let query_views = web_sys::UrlSearchParams::new_with_str(&query).ok().and_then(|params| params.get("views"));
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
) -> MountedAtlas {
    let lang = lang.as_deref().and_then(Lang::from_tag).unwrap_or_else(|| initial_lang(None));
    let setup = Setup {
        feed_url,
        basemap_url,
        lang,
        panels: views.as_deref().map(Panels::parse).unwrap_or_default(),
        mode: Mode::Element,
    };
    super::crash::watch(&target);
    let handle = leptos::mount::mount_to(target.clone(), move || view! { <App setup=setup.clone() /> });
    MountedAtlas(Some(Box::new(handle)), target)
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
    let browser: Vec<String> =
        window.map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect()).unwrap_or_default();
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

/// GETs `url` as text with the browser's `fetch`.
pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    fetch_text_saved(url, &Abort::new()).await.map(|(text, _)| text)
}

/// How long a request may go unanswered before it is given up, with a message and a retry.
pub const FETCH_TIMEOUT_SECONDS: u32 = 20;

/// Stops a request: when it times out, or when the atlas that made it is removed.
#[derive(Clone)]
pub struct Abort(send_wrapper::SendWrapper<Option<web_sys::AbortController>>);

impl Abort {
    pub fn new() -> Abort {
        Abort(send_wrapper::SendWrapper::new(web_sys::AbortController::new().ok()))
    }

    pub fn abort(&self) {
        // SendWrapper: only ever touched on the one browser thread.
        if let Some(controller) = self.0.as_ref() {
            controller.abort();
        }
    }

    /// Whether both stand for the same request.
    pub fn same(&self, other: &Abort) -> bool {
        match (self.0.as_ref(), other.0.as_ref()) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        }
    }

    fn signal(&self) -> Option<web_sys::AbortSignal> {
        self.0.as_ref().map(web_sys::AbortController::signal)
    }
}

/// Why `fetch` itself failed: offline, or a server down or refusing (which, for another
/// site's feed, includes CORS: the browser does not tell the two apart).
fn unreachable(url: &str) -> LoadError {
    let Some(window) = web_sys::window() else { return LoadError::Unreachable { other_origin: false } };
    if !window.navigator().on_line() {
        return LoadError::Offline;
    }
    let base = window.document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let origin = web_sys::Url::new_with_base(url, &base).map(|u| u.origin()).unwrap_or_default();
    LoadError::Unreachable { other_origin: origin != window.location().origin().unwrap_or_default() }
}

/// The header our service worker (`sw.js`) adds when the network failed and it answered
/// with its saved copy: when that copy was saved, in milliseconds since the epoch.
const SAVED_AT_HEADER: &str = "x-meetup-atlas-saved-at";
/// And why it did: `offline`, `timeout`, `status 500`, `not-a-feed`.
const SAVED_BECAUSE_HEADER: &str = "x-meetup-atlas-saved-because";

/// A saved copy: when it was saved (ms since the epoch) and why it was shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Saved {
    pub at: f64,
    pub because: SavedBecause,
}

/// GETs `url` as text, and tells when it was saved if it is a saved copy. Gives up after
/// `FETCH_TIMEOUT_SECONDS`, or when `abort` is called.
pub async fn fetch_text_saved(url: &str, abort: &Abort) -> Result<(String, Option<Saved>), LoadError> {
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let timer = {
        let (timed_out, abort) = (timed_out.clone(), abort.clone());
        let after = std::time::Duration::from_secs(FETCH_TIMEOUT_SECONDS.into());
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                abort.abort();
            },
            after,
        )
        .ok()
    };
    let result = fetch_bytes(url, abort).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    match result {
        Err(_) if timed_out.get() => Err(LoadError::Timeout(FETCH_TIMEOUT_SECONDS)),
        other => other,
    }
}

async fn fetch_bytes(url: &str, abort: &Abort) -> Result<(String, Option<Saved>), LoadError> {
    use crate::core::feed::{FeedError, MAX_FEED_BYTES};
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or(LoadError::Unreachable { other_origin: false })?;
    let init = web_sys::RequestInit::new();
    init.set_signal(abort.signal().as_ref());
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| unreachable(url))?
        .unchecked_into();
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let header = |name: &str| response.headers().get(name).ok().flatten();
    let saved = header(SAVED_AT_HEADER)
        .and_then(|value| value.parse::<f64>().ok())
        .map(|at| Saved { at, because: SavedBecause::parse(header(SAVED_BECAUSE_HEADER).as_deref()) });
    // Refused before reading when the server says it is too big; checked again after.
    let too_large = |bytes: usize| LoadError::Feed(FeedError::TooLarge(bytes));
    if let Some(length) =
        header("content-length").and_then(|value| value.parse::<usize>().ok()).filter(|&n| n > MAX_FEED_BYTES)
    {
        abort.abort();
        return Err(too_large(length));
    }
    // The bytes, copied into the wasm at once: much faster than a JavaScript string
    // for a feed of megabytes. Decoded as `text()` would: UTF-8.
    let buffer = response.array_buffer().map_err(|_| unreachable(url))?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| unreachable(url))?;
    let buffer = js_sys::Uint8Array::new(&buffer);
    if buffer.length() as usize > MAX_FEED_BYTES {
        return Err(too_large(buffer.length() as usize));
    }
    let bytes = buffer.to_vec();
    // A byte order mark is skipped by `feed::parse`, as the checker does too.
    let text =
        String::from_utf8(bytes).unwrap_or_else(|invalid| String::from_utf8_lossy(invalid.as_bytes()).into_owned());
    Ok((text, saved))
}

/// Calls `on_size(width, height)` when `element` is first laid out and whenever its size
/// changes (a window resize, a tab that becomes visible), without forcing a layout.
/// Stops when the calling owner is cleaned up.
pub fn observe_size(element: &web_sys::Element, on_size: impl Fn(f64, f64) + 'static) {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
            let rect = entry.content_rect();
            if rect.width() > 0.0 && rect.height() > 0.0 {
                on_size(rect.width(), rect.height());
            }
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else { return };
    observer.observe(element);
    let kept = send_wrapper::SendWrapper::new((observer, callback));
    leptos::prelude::on_cleanup(move || kept.take().0.disconnect());
}

/// Offers `text` as a file download, built in the browser.
pub fn download(filename: &str, mime: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(anchor) = document.create_element("a").map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        anchor.set_href(&url);
        anchor.set_download(filename);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Seconds since the epoch, now.
pub fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// The state a link carries, from the page's query string.
pub fn url_state() -> UrlState {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    UrlState::from_query(&search)
}

/// Keeps the query string in step with the view: discrete changes (language, selection,
/// filters) add a history entry at once; typing and map moves replace the current one
/// when they pause (writing the address on every keystroke cost more than the search);
/// back and forward bring the view back. Returns what writes a waiting change at once
/// (before the address is copied).
pub fn sync_url(
    lang: RwSignal<Lang>,
    selection: RwSignal<Option<Selection>>,
    filters: RwSignal<Filters>,
    centre: RwSignal<Option<MapCentre>>,
    known: impl Fn(Option<Selection>) -> Option<Selection> + Send + Sync + 'static,
) -> Callback<()> {
    // The waiting replacement: its timer and the query it will write.
    let pending = StoredValue::new(None::<(TimeoutHandle, String)>);
    let cancel = move || {
        pending.try_update_value(Option::take).flatten().map(|(handle, query)| {
            handle.clear();
            query
        })
    };
    Effect::new(move |previous: Option<String>| {
        let state =
            UrlState { lang: Some(lang.get()), selection: selection.get(), filters: filters.get(), map: centre.get() };
        let discrete =
            UrlState { filters: Filters { query: String::new(), ..state.filters.clone() }, map: None, ..state.clone() }
                .to_query();
        let query = state.to_query();
        cancel();
        match previous.as_deref() {
            // A new entry only for a new view, not for the first write or each keystroke.
            Some(before) if before != discrete => write_url(&query, true),
            None => write_url(&query, false),
            Some(_) => {
                let written = query.clone();
                let later = set_timeout_with_handle(
                    move || {
                        pending.try_set_value(None);
                        write_url(&written, false);
                    },
                    std::time::Duration::from_millis(400),
                );
                pending.set_value(later.ok().map(|handle| (handle, query)));
            }
        }
        discrete
    });
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        cancel();
        let state = url_state();
        if let Some(l) = state.lang {
            lang.set(l);
        }
        selection.set(known(state.selection));
        filters.set(state.filters);
        centre.set(state.map);
    });
    on_cleanup(move || {
        cancel();
        popstate.remove();
    });
    Callback::new(move |()| {
        if let Some(query) = cancel() {
            write_url(&query, false);
        }
    })
}

/// Puts `query` in the address bar, as a new history entry or in place of the current one.
fn write_url(query: &str, new_entry: bool) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    if location.search().unwrap_or_default() == query {
        return;
    }
    let url = format!("{}{query}{}", location.pathname().unwrap_or_default(), location.hash().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = if new_entry {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// Copies `text` to the clipboard; false if the browser refused.
pub async fn copy_to_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// `url` made absolute against the page's address.
pub fn resolve_url(url: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base(url, &base).ok().map(|url| url.href())
}

/// The absolute URL of the folder the page is served from, ending in `/`.
pub fn page_folder() -> String {
    resolve_url(".").unwrap_or_default()
}
