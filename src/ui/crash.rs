//! The crash boundary. Should the wasm ever panic, every atlas this instance drew says
//! so, with a Reload button, instead of freezing with a spinner. The panic hook draws
//! the notice with plain DOM calls: the Leptos runtime may be mid-update and is not
//! trusted any more. The button is handled by `meetup-atlas.js` (the instance is dead):
//! the hosted page reloads, a `<meetup-atlas>` element restarts in a fresh instance.
//! Each element runs in its own instance, so one that crashes leaves the others working.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

use crate::core::i18n::{Lang, Msg};

thread_local! {
    /// The elements this instance has mounted an atlas into.
    static HOSTS: RefCell<Vec<web_sys::HtmlElement>> = const { RefCell::new(Vec::new()) };
}

pub fn watch(host: &web_sys::HtmlElement) {
    HOSTS.with(|hosts| hosts.borrow_mut().push(host.clone()));
}

pub fn forget(host: &web_sys::HtmlElement) {
    HOSTS.with(|hosts| hosts.borrow_mut().retain(|h| h != host));
}

/// Replaces the default hook (which prints to nowhere in a release build).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("meetup-atlas stopped: {info}").into());
        show_notice();
    }));
}

/// Puts the crash notice in every atlas of this instance.
pub fn show_notice() {
    let hosts = HOSTS.with(|hosts| hosts.try_borrow().map(|h| h.clone()).unwrap_or_default());
    for host in &hosts {
        let _ = notice(host);
    }
}

fn notice(host: &web_sys::HtmlElement) -> Option<()> {
    let document = host.owner_document()?;
    // The language the atlas was showing, as its root says.
    let lang = host
        .query_selector(".meetup-atlas")
        .ok()
        .flatten()
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    let element = |tag: &str, class: &str, text: Option<&str>| -> Option<web_sys::Element> {
        let el = document.create_element(tag).ok()?;
        if !class.is_empty() {
            el.set_class_name(class);
        }
        el.set_text_content(text);
        Some(el)
    };
    let root = element("div", "meetup-atlas", None)?;
    root.set_attribute("lang", lang.tag()).ok()?;
    let alert = element("div", "ma-error ma-crashed", None)?;
    alert.set_attribute("role", "alert").ok()?;
    let title = element("p", "", None)?;
    let strong = element("strong", "", Some(Msg::Crashed.text(lang)))?;
    title.append_child(&strong).ok()?;
    let hint = element("p", "", Some(Msg::CrashedHint.text(lang)))?;
    let button = element("button", "ma-button", Some(Msg::Reload.text(lang)))?;
    button.set_attribute("type", "button").ok()?;
    button.set_attribute("data-ma-reload", "").ok()?;
    for child in [&title, &hint, &button] {
        alert.append_child(child).ok()?;
    }
    root.append_child(&alert).ok()?;
    host.replace_children_with_node_1(&root);
    button.dyn_into::<web_sys::HtmlElement>().ok()?.focus().ok()
}
