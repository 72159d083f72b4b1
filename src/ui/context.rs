//! The one atlas context: what every view of an atlas shares, provided by `Atlas` and
//! read with `use_atlas()`. Several atlases on a page each provide their own.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::date::Day;
use crate::core::explore::{Filters, Prepared, Shown};
use crate::core::load::Loaded;
use crate::core::query::Selection;
use crate::core::Lang;

/// Each event's searchable text and facets: gathered once the atlas is drawn, a slice of
/// events per task, or, with what is left, at once by the first search or filter that
/// needs them. The first view does not wait for them, and no task is long: in one go,
/// 1,000 events were a task of some 80 ms with the CPU slowed 4× (#23).
#[derive(Default)]
struct Index {
    done: std::sync::OnceLock<Arc<Vec<Prepared>>>,
    /// The first events', while the rest are still to come.
    partial: std::sync::Mutex<Vec<Prepared>>,
}

type LazyPrepared = Arc<Index>;

/// The events a task of the index's gathering takes: some 20 ms with the CPU slowed 4×.
const INDEX_SLICE: usize = 250;

#[derive(Clone, Copy)]
pub struct AtlasCtx {
    loaded: StoredValue<Arc<Loaded>>,
    prepared: StoredValue<LazyPrepared>,
    /// The language shown; the header's toggle is what changes it.
    pub lang: ReadSignal<Lang>,
    /// The place or event selected, shared by the map, the timeline, the list and the details.
    pub selection: RwSignal<Option<Selection>>,
    pub filters: RwSignal<Filters>,
    /// Which events the filters let through: what the map and the timeline show (a
    /// frame after the list answers: `painted`).
    pub shown: Memo<Shown>,
    /// Notifies once a change of `shown` has been painted, for the views that follow it a
    /// frame behind the list: the map and the timeline (`after_paint`).
    pub painted: Trigger,
    /// Those of them at the selected place, if a place is selected: what the list, the
    /// count and the calendar download are of.
    pub listed: Memo<Shown>,
    /// The visitor's today; a prerendered page is drawn first with the build's day, then
    /// this is set to the visitor's (see `Atlas`).
    pub today: RwSignal<Day>,
    /// What last had focus outside the details: what their closing gives focus back to.
    pub last_focus: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

/// A trigger notified in the task after the frame that follows a change of `shown`: a
/// keystroke's frame shows the list that answers it without waiting for the map and the
/// timeline to redraw (at 10,000 events, a map of a thousand places clusters and draws
/// some hundred markers anew), and a burst of changes between two frames redraws them
/// once, for the last. Natively (the prerender) effects do not run: nothing waits.
fn after_paint(shown: Memo<Shown>) -> Trigger {
    use std::sync::atomic::{AtomicBool, Ordering};
    let painted = Trigger::new();
    let waiting = Arc::new(AtomicBool::new(false));
    Effect::new(move |before: Option<()>| {
        shown.track();
        if before.is_none() || waiting.swap(true, Ordering::Relaxed) {
            return;
        }
        let waiting = waiting.clone();
        leptos::task::spawn_local(async move {
            super::browser::next_frame().await;
            super::browser::next_task().await;
            waiting.store(false, Ordering::Relaxed);
            // A no-op once the atlas is gone.
            painted.notify();
        });
    });
    painted
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
                leptos::task::spawn_local(async move {
                    // Stops early if the atlas is gone (it held the other references).
                    while Arc::strong_count(&prepared) > 1 {
                        super::browser::next_task().await;
                        if gather(&prepared, &loaded, INDEX_SLICE) {
                            break;
                        }
                    }
                });
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
            painted: after_paint(shown),
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

/// The whole index, its rest gathered now if need be.
fn prepared_of(index: &Index, loaded: &Loaded) -> Arc<Vec<Prepared>> {
    gather(index, loaded, usize::MAX);
    index.done.get().cloned().unwrap_or_default()
}

/// Gathers `count` more events of the index (at most); whether it is whole.
fn gather(index: &Index, loaded: &Loaded, count: usize) -> bool {
    if index.done.get().is_some() {
        return true;
    }
    let mut partial = index.partial.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if !crate::core::explore::prepare_more(&loaded.feed, &mut partial, count) {
        return false;
    }
    let all = std::mem::take(&mut *partial);
    drop(partial);
    index.done.get_or_init(|| Arc::new(all));
    true
}

/// The context of the atlas this component is in.
pub fn use_atlas() -> AtlasCtx {
    use_context::<AtlasCtx>().expect("a view of the atlas is drawn inside an Atlas")
}
