//! The view in the address: read from the query string at start, written back as it
//! changes, and followed through back and forward. On the published feed's hosted page,
//! a selected event is the event's own page (`events/<id>/`) rather than `?event=`.

use leptos::prelude::*;

use crate::core::explore::Filters;
use crate::core::page::{is_page_id, Page};
use crate::core::query::Selection;
use crate::core::url_state::{MapCentre, UrlState};
use crate::core::Lang;

/// Where the view is written: the query string alone, or also the path of the site's
/// pages, whose root is known.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Addressing {
    /// The site's root (an absolute path) when each event has a page there.
    pub root: Option<String>,
    /// The prerendered page's language: its address (`fr/`) says it, `?lang=` only another.
    pub page_lang: Option<Lang>,
}

impl Addressing {
    /// For an atlas drawn in `page`: with its events' pages if `event_pages` and the
    /// address is that page's.
    pub fn of(page: Option<&Page>, event_pages: bool) -> Addressing {
        // The build's prerender has no address (and no window to ask).
        let in_browser = cfg!(target_arch = "wasm32");
        let root = page.filter(|_| event_pages && in_browser).and_then(|page| {
            let pathname = web_sys::window().and_then(|w| w.location().pathname().ok())?;
            page.root_of(&pathname)
        });
        Addressing { root, page_lang: page.map(|p| p.lang) }
    }

    /// With a page per event, the page whose address shows `selection` in `lang`: the
    /// selected event's, else the atlas'.
    pub fn page_of(&self, lang: Lang, selection: Option<&Selection>) -> Option<Page> {
        self.root.as_ref()?;
        Some(match selection {
            Some(Selection::Event(id)) if is_page_id(id) => Page::event(lang, id),
            _ => Page::atlas(lang),
        })
    }

    /// The path and query of `state`: a selected event as its page's folder when there is
    /// one, in the language shown (`fr/events/<id>/`).
    fn address(&self, state: UrlState) -> String {
        let lang = state.lang.or(self.page_lang).unwrap_or_default();
        let (Some(root), Some(page)) = (&self.root, self.page_of(lang, state.selection.as_ref())) else {
            return state.to_query();
        };
        // The page says the event and the language: the query need not.
        let selection = if page.event.is_some() { None } else { state.selection.clone() };
        format!("{root}{}{}", page.path(), UrlState { selection, lang: None, ..state }.to_query())
    }
}

/// The state a link carries: the page's query string, and the event whose page it is.
pub fn url_state(addressing: &Addressing) -> UrlState {
    if cfg!(not(target_arch = "wasm32")) {
        // The build's prerender: no address, no link.
        return UrlState::default();
    }
    let location = web_sys::window().map(|w| w.location());
    let search = location.as_ref().and_then(|l| l.search().ok()).unwrap_or_default();
    let mut state = UrlState::from_query(&search);
    let pathname = location.and_then(|l| l.pathname().ok()).unwrap_or_default();
    let page = addressing
        .root
        .as_deref()
        .and_then(|root| pathname.strip_prefix(root))
        .and_then(|path| Page::from_path(path.strip_suffix("index.html").unwrap_or(path)));
    if let Some(page) = page {
        // A page of the other language than the one drawn (the reader switched, then came back).
        if Some(page.lang) != addressing.page_lang {
            state.lang = state.lang.or(Some(page.lang));
        }
        if let Some(id) = page.event {
            state.selection = state.selection.or(Some(Selection::Event(id)));
        }
    }
    state
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
    addressing: Addressing,
) -> Callback<()> {
    let page_lang = addressing.page_lang;
    let addressing = std::sync::Arc::new(addressing);
    let writes_to = addressing.clone();
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
        let query = writes_to.address(state);
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
        let (known, addressing) = (known.clone(), addressing.clone());
        let popstate = window_event_listener(leptos::ev::popstate, move |_| {
            cancel();
            let state = url_state(&addressing);
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

/// Puts `address` in the address bar (a query string, or a path and a query string), as a
/// new history entry or in place of the current one.
fn write_url(address: &str, new_entry: bool) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let (pathname, search) = (location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    let url = if address.starts_with('/') {
        if format!("{pathname}{search}") == address {
            return;
        }
        format!("{address}{}", location.hash().unwrap_or_default())
    } else {
        if search == address {
            return;
        }
        format!("{pathname}{address}{}", location.hash().unwrap_or_default())
    };
    if let Ok(history) = window.history() {
        let _ = if new_entry {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}
