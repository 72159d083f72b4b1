//! What the UI reads from and writes to the browser, apart from the DOM it draws.

use leptos::html;
use leptos::prelude::{request_animation_frame, GetUntracked, NodeRef};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::core::lang::SAVED_LANG_KEY;
#[cfg(target_arch = "wasm32")]
use crate::core::url_state::HostQuery;
use crate::core::Lang;

#[cfg(target_arch = "wasm32")]
/// `?lang=` → the embedding page's `data-lang` → saved choice → browser languages → English.
pub fn initial_lang(preferred: Option<&str>) -> Lang {
    let window = web_sys::window();
    let search = window.as_ref().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let requested = HostQuery::parse(&search).lang.map(Lang::tag).or(preferred);
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

/// Whether the reader asked for less motion: views then change at once.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Milliseconds since the epoch, now: the clock of animations.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Seconds since the epoch, now.
pub fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
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

/// The focused element of `node`'s tree: inside a shadow root, not its host.
pub fn focused_in_tree_of(node: &web_sys::Node) -> Option<web_sys::Element> {
    match node.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.active_element(),
        Err(_) => leptos::prelude::document().active_element(),
    }
}

/// Once what an action changes is drawn (the next frame), focuses the first element that
/// one of `selectors` finds, in their order, in the atlas where `pressed` (the press on a
/// control) happened: when an action removes that control, focus stays where the reader is
/// instead of falling to the top of the page.
pub fn refocus(pressed: &web_sys::Event, selectors: Vec<String>) {
    refocus_after(pressed, selectors, 0.0);
}

/// `refocus`, once `ms` milliseconds have passed too: when the action moves the map.
/// Not if the reader has put focus somewhere else meanwhile (a click in the search box
/// right after Escape closed a menu): their focus stays.
pub fn refocus_after(pressed: &web_sys::Event, selectors: Vec<String>, ms: f64) {
    let Some(Ok(Some(atlas))) = target_of(pressed).map(|el| el.closest(".meetup-atlas")) else { return };
    let before = focused_deep();
    leptos::prelude::set_timeout(
        move || {
            leptos::prelude::request_animation_frame(move || {
                let now = focused_deep();
                let moved = now.as_ref().is_some_and(|el| el.is_connected() && now != before && !is_body(el));
                if !moved {
                    selectors.iter().any(|selector| focus_first(&atlas, selector));
                }
            })
        },
        std::time::Duration::from_millis(ms as u64),
    );
}

/// The focused element of the page, through the shadow roots it is in.
fn focused_deep() -> Option<web_sys::Element> {
    let mut el = leptos::prelude::document().active_element()?;
    while let Some(inner) = el.shadow_root().and_then(|root| root.active_element()) {
        el = inner;
    }
    Some(el)
}

/// Whether `el` is the page's body: where focus falls when its element goes away.
fn is_body(el: &web_sys::Element) -> bool {
    el.tag_name().eq_ignore_ascii_case("body")
}

/// The element an event was sent to.
pub fn target_of(event: &web_sys::Event) -> Option<web_sys::Element> {
    event.target()?.dyn_into().ok()
}

/// Focuses what `selector` finds first inside `within`, if anything.
pub fn focus_first(within: &web_sys::Element, selector: &str) -> bool {
    within
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| el.focus().is_ok())
}

/// Focuses the element in `container` that `selector` finds, once it is drawn.
pub fn focus_in(container: NodeRef<html::Section>, selector: &str) {
    let selector = selector.to_owned();
    request_animation_frame(move || {
        let Some(el) = container.get_untracked() else { return };
        if let Ok(Some(target)) = el.query_selector(&selector) {
            if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
                let _ = target.focus();
            }
        }
    });
}

/// The next frame (its callbacks run before the frame's layout and size observers), or
/// 100 ms, whichever comes first: a hidden tab draws no frame.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(&resolve);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Lets the browser paint and answer input before the next step: the feed's read in
/// slices, the basemap's and each part of a take-over are tasks of their own. A message
/// to itself, not `setTimeout(0)`: from the fifth nested timer on, a browser waits at
/// least 4 ms for each, and a take-over is some 15 of them (docs/decisions.md).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            // The port is kept while its listener waits for the message.
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&wasm_bindgen::JsValue::UNDEFINED);
        }
        Err(_) => {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(&resolve);
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
