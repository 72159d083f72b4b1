//! The view in the address: read from the query string at start, written back as it
//! changes, and followed through back and forward.

use leptos::prelude::*;

use crate::core::explore::Filters;
use crate::core::query::Selection;
use crate::core::url_state::{MapCentre, UrlState};
use crate::core::Lang;

/// The state a link carries, from the page's query string.
pub fn url_state() -> UrlState {
    if cfg!(not(target_arch = "wasm32")) {
        // The build's prerender: no address, no link.
        return UrlState::default();
    }
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
    // A prerendered page's language is its address (`fr/`): `?lang=` only says another one.
    page_lang: Option<Lang>,
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
        let lang = Some(lang.get()).filter(|l| Some(*l) != page_lang);
        let state = UrlState { lang, selection: selection.get(), filters: filters.get(), map: centre.get() };
        let discrete = UrlState {
            filters: Filters { search: String::new(), ..state.filters.clone() },
            map: None,
            ..state.clone()
        }
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
    let known = std::sync::Arc::new(known);
    // In an effect: the build's prerender has no window to listen to.
    Effect::new(move |_| {
        let known = known.clone();
        let popstate = window_event_listener(leptos::ev::popstate, move |_| {
            cancel();
            let state = url_state();
            if let Some(l) = state.lang.or(page_lang) {
                lang.set(l);
            }
            selection.set(known(state.selection));
            filters.set(state.filters);
            centre.set(state.map);
        });
        on_cleanup(move || popstate.remove());
    });
    on_cleanup(move || {
        cancel();
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
