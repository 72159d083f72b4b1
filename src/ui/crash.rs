//! The crash boundary. Should the wasm ever panic, every atlas this instance drew says
//! so, with a Reload button, instead of freezing with a spinner. The panic hook only
//! sends each of its hosts an event (the Leptos runtime may be mid-update and is not
//! trusted any more); `meetup-atlas.js` draws the notice, the one drawing of it, for
//! traps too, and handles its button (the instance is dead): the hosted page reloads, a
//! `<meetup-atlas>` element restarts in a fresh instance.
//! Each element runs in its own instance, so one that crashes leaves the others working.

use std::cell::RefCell;

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

/// What each host of this instance is sent when it panics (bubbling, and out of a shadow
/// root): `meetup-atlas.js` draws the crash notice in it, as it does for a trap.
pub const CRASH_EVENT: &str = "meetup-atlas-crash";

/// Asks for the crash notice in every atlas of this instance.
pub fn show_notice() {
    let hosts = HOSTS.with(|hosts| hosts.try_borrow().map(|h| h.clone()).unwrap_or_default());
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    for host in &hosts {
        if let Ok(event) = web_sys::Event::new_with_event_init_dict(CRASH_EVENT, &init) {
            let _ = host.dispatch_event(&event);
        }
    }
}
