//! The one atlas context: what every view of an atlas shares, provided by `Atlas` and
//! read with `use_atlas()`. Several atlases on a page each provide their own.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::date::Day;
use crate::core::explore::{Filters, Prepared, Shown};
use crate::core::load::Loaded;
use crate::core::query::Selection;
use crate::core::Lang;

/// Each event's searchable text and facets, gathered the first time a search or a filter
/// needs them (or once the atlas is drawn, in a task of its own): the first view does not
/// wait for them.
type LazyPrepared = Arc<std::sync::OnceLock<Arc<Vec<Prepared>>>>;

#[derive(Clone, Copy)]
pub struct AtlasCtx {
    loaded: StoredValue<Arc<Loaded>>,
    prepared: StoredValue<LazyPrepared>,
    /// The language shown; the header's toggle is what changes it.
    pub lang: ReadSignal<Lang>,
    /// The place or event selected, shared by the map, the timeline, the list and the details.
    pub selection: RwSignal<Option<Selection>>,
    pub filters: RwSignal<Filters>,
    /// Which events the filters let through: what the map and the timeline show.
    pub shown: Memo<Shown>,
    /// Those of them at the selected place, if a place is selected: what the list, the
    /// count and the calendar download are of.
    pub listed: Memo<Shown>,
    /// The visitor's today; a prerendered page is drawn first with the build's day, then
    /// this is set to the visitor's (see `Atlas`).
    pub today: RwSignal<Day>,
    /// What last had focus outside the details: what their closing gives focus back to.
    pub last_focus: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl AtlasCtx {
    pub fn new(
        loaded: Arc<Loaded>,
        lang: ReadSignal<Lang>,
        selection: RwSignal<Option<Selection>>,
        filters: RwSignal<Filters>,
        today: RwSignal<Day>,
    ) -> AtlasCtx {
        let prepared: LazyPrepared = Arc::default();
        let shown = {
            let (loaded, prepared) = (loaded.clone(), prepared.clone());
            // The filters of the last result: a keystroke tests again only what it can change.
            let last = StoredValue::new(None::<(Filters, Day)>);
            Memo::new(move |was: Option<&Shown>| {
                filters.with(|f| {
                    let today = today.get();
                    let before = last.try_update_value(|last| last.replace((f.clone(), today))).flatten();
                    if f.is_empty() {
                        return Shown::all(loaded.feed.events.len());
                    }
                    let prepared = prepared_of(&prepared, &loaded);
                    match (before, was) {
                        (Some((before, day)), Some(was)) if day == today => {
                            crate::core::explore::shown_after(&loaded.feed, &prepared, f, today, (&before, was))
                        }
                        _ => crate::core::explore::shown(&loaded.feed, &prepared, f, today),
                    }
                })
            })
        };
        {
            // Ready before the first keystroke, without holding up the first view.
            let (loaded, prepared) = (loaded.clone(), prepared.clone());
            Effect::new(move |_| {
                let (loaded, prepared) = (loaded.clone(), prepared.clone());
                set_timeout(move || drop(prepared_of(&prepared, &loaded)), std::time::Duration::ZERO);
            });
        }
        let listed = {
            let loaded = loaded.clone();
            Memo::new(move |_| {
                let place = selection.with(|s| match s {
                    Some(Selection::Place(id)) => Some(id.clone()),
                    _ => None,
                });
                match place {
                    Some(id) => shown.with(|s| s.only(|i| loaded.feed.events[i].place.as_deref() == Some(id.as_str()))),
                    None => shown.get(),
                }
            })
        };
        AtlasCtx {
            listed,
            loaded: StoredValue::new(loaded),
            prepared: StoredValue::new(prepared),
            lang,
            selection,
            filters,
            shown,
            today,
            last_focus: StoredValue::new_local(None),
        }
    }

    /// Notes where focus went (an atlas' `focusin`), unless into the details.
    pub fn note_focus(&self, e: &web_sys::FocusEvent) {
        use wasm_bindgen::JsCast;
        let target = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = target.filter(|el| el.closest(".ma-details").ok().flatten().is_none()) {
            self.last_focus.set_value(Some(el));
        }
    }

    /// The feed as loaded, with its problems.
    pub fn loaded(&self) -> Arc<Loaded> {
        self.loaded.get_value()
    }

    /// Each event's searchable text and facets, gathered once.
    pub fn prepared(&self) -> Arc<Vec<Prepared>> {
        prepared_of(&self.prepared.get_value(), &self.loaded())
    }
}

fn prepared_of(lazy: &LazyPrepared, loaded: &Loaded) -> Arc<Vec<Prepared>> {
    lazy.get_or_init(|| Arc::new(crate::core::explore::prepare(&loaded.feed))).clone()
}

/// The context of the atlas this component is in.
pub fn use_atlas() -> AtlasCtx {
    use_context::<AtlasCtx>().expect("a view of the atlas is drawn inside an Atlas")
}
