//! The toolbar over the map: the search box, the Filters disclosure with the number of
//! active filters, the active filters as removable chips, the count of what is listed,
//! and the actions on it (download the calendar, copy the link).

use leptos::prelude::*;

use crate::core::explore::{Filters, Shown};
use crate::core::i18n::{self, Msg};
use crate::core::ics;
use crate::core::query::{Selection, Timing};

use super::browser::{self, copy_to_clipboard, download, now_seconds};
use super::context::{use_atlas, AtlasCtx};
use super::filters::{value_name, FilterPanel};
use super::subscribe::Subscribe;
use crate::ui::ids::ids;
use crate::ui::turns::in_turn;
use crate::ui::words::t;

/// Where focus goes when the filters it stood on are gone.
const SEARCH_BOX: &str = ".ma-search input";

#[component]
pub fn Toolbar(
    /// Where the address bar holds this atlas' view (the hosted page): writes a change
    /// still waiting to be written, so that copying the address makes the right link.
    #[prop(optional_no_strip)]
    flush_url: Option<Callback<()>>,
    /// Whether the filters are offered at all (an embed may leave them out).
    #[prop(default = true)]
    with_filters: bool,
    /// Where the feed's published calendars are listed, if it has a place for them.
    #[prop(default = None)]
    calendars: Option<String>,
) -> impl IntoView {
    let AtlasCtx { filters, .. } = use_atlas();
    let ids = ids();
    let open = RwSignal::new(false);
    let active = move || filters.with(|f| f.chosen.len() + usize::from(f.timing.is_some()));
    let opened = Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || open.get());
    let slot = NodeRef::new();
    view! {
        <section class="ma-toolbar" aria-label=t(Msg::FindEvents) node_ref=slot>
            {in_turn(slot, "toolbar", move || view! {
                <div class="ma-toolbar-row">
                    <div class="ma-search">
                        <label for=ids.of("search-input") class="ma-live">{t(Msg::Search)}</label>
                        <input
                            id=ids.of("search-input")
                            type="search"
                            autocomplete="off"
                            placeholder=t(Msg::SearchPlaceholder)
                            prop:value=move || filters.with(|f| f.search.clone())
                            on:input=move |e| filters.update(|f| f.search = event_target_value(&e))
                        />
                    </div>
                    {with_filters.then(|| view! {
                        <button
                            type="button"
                            class="ma-button ma-button-quiet ma-filters-toggle"
                            aria-expanded=move || if open.get() { "true" } else { "false" }
                            aria-controls=ids.of("filter-panel")
                            on:click=move |_| open.update(|o| *o = !*o)
                        >
                            <span class="ma-chevron" aria-hidden="true"></span>
                            {t(Msg::Filters)}
                            {move || (active() > 0).then(|| view! { " " <span class="ma-count-badge">{active()}</span> })}
                        </button>
                    })}
                </div>
                {with_filters.then(|| view! {
                    <div id=ids.of("filter-panel") class="ma-filter-panel" hidden=move || !open.get()>
                        // Drawn when first opened: a closed panel costs the start-up nothing.
                        {move || opened.get().then(|| view! { <FilterPanel /> <ShowResults open /> })}
                    </div>
                })}
                <div class="ma-toolbar-row ma-toolbar-status">
                    <Chips />
                    <Actions flush_url calendars />
                </div>
            }.into_any())}
        </section>
    }
}

/// The active filters and the selected place, each a button that removes it.
#[component]
fn Chips() -> impl IntoView {
    let atlas = use_atlas();
    let loaded = atlas.loaded();
    let AtlasCtx { lang, filters, selection, .. } = atlas;
    // The chip at `index`: once removed, focus goes to the one that takes its place, else the
    // one before, else the search box.
    let chip = move |index: usize, name: String, remove: Callback<()>| {
        let label = i18n::remove_filter(lang.get_untracked(), &name);
        let removed = move |e: leptos::ev::MouseEvent| {
            remove.run(());
            let nth = |n: usize| format!(".ma-chips > li:nth-child({n}) > .ma-chip:not(.ma-clear)");
            browser::refocus(&e, vec![nth(index + 1), nth(index.max(1)), SEARCH_BOX.into()]);
        };
        view! {
            <li>
                <button type="button" class="ma-chip" aria-label=label on:click=removed>
                    {name} <span class="ma-chip-x" aria-hidden="true">"×"</span>
                </button>
            </li>
        }
    };
    let chips = move || {
        let lang = lang.get();
        let feed = &loaded.feed;
        let place = selection.with(|s| match s {
            Some(Selection::Place(id)) => feed.place(id).map(|p| p.name.get(lang).to_owned()),
            _ => None,
        });
        let mut views = Vec::new();
        if let Some(name) = place {
            views.push(chip(views.len(), name, Callback::new(move |()| selection.set(None))));
        }
        let (chosen, timing) = filters.with(|f| (f.chosen.clone(), f.timing));
        if let Some(timing) = timing {
            let name = match timing {
                Timing::Past => Msg::PastEvents.text(lang),
                _ => Msg::Upcoming.text(lang),
            };
            views.push(chip(
                views.len(),
                name.to_owned(),
                Callback::new(move |()| filters.update(|f| f.timing = None)),
            ));
        }
        for (facet, value) in chosen {
            let name = value_name(lang, feed, facet, &value);
            views.push(chip(views.len(), name, Callback::new(move |()| filters.update(|f| f.toggle(facet, &value)))));
        }
        views
    };
    let clear = move || !filters.with(Filters::is_empty) || selection.with(|s| matches!(s, Some(Selection::Place(_))));
    view! {
        <ul class="ma-chips" aria-label=t(Msg::Filters)>
            {chips}
            <Show when=clear>
                <li>
                    <button type="button" class="ma-chip ma-clear" on:click=move |e| {
                        filters.set(Filters::default());
                        if selection.with_untracked(|s| matches!(s, Some(Selection::Place(_)))) {
                            selection.set(None);
                        }
                        browser::refocus(&e, vec![SEARCH_BOX.into()]);
                    }>
                        {t(Msg::ClearAll)}
                    </button>
                </li>
            </Show>
        </ul>
    }
}

/// At the foot of the open filters, always in sight on a phone (where the results are a
/// screen away): how many events the filters leave, and a button that closes the panel
/// onto them, its focus back on the Filters button.
#[component]
fn ShowResults(open: RwSignal<bool>) -> impl IntoView {
    let atlas = use_atlas();
    let total = atlas.loaded().feed.events.len();
    let AtlasCtx { lang, listed, .. } = atlas;
    let close = move |e: leptos::ev::MouseEvent| {
        open.set(false);
        browser::refocus(&e, vec![".ma-filters-toggle".into()]);
    };
    view! {
        <div class="ma-show-results">
            <button type="button" class="ma-button" on:click=close>
                {move || i18n::show_results(lang.get(), listed.with(Shown::count), total)}
            </button>
        </div>
    }
}

/// The count of what is listed, and what can be done with it.
#[component]
fn Actions(flush_url: Option<Callback<()>>, calendars: Option<String>) -> impl IntoView {
    let atlas = use_atlas();
    let loaded = atlas.loaded();
    let AtlasCtx { lang, listed, .. } = atlas;
    let total = loaded.feed.events.len();
    let download_listed = move |_| {
        let lang = lang.get_untracked();
        let feed = &loaded.feed;
        let events: Vec<_> = listed.with_untracked(|s| {
            feed.in_time_order().iter().filter(|&&i| s.contains(i)).map(|&i| &feed.events[i]).collect()
        });
        download("meetups.ics", "text/calendar", &ics::calendar(lang, feed, &events, now_seconds()));
    };
    let copied = RwSignal::new(false);
    let copy_link = move |_| {
        if let Some(flush) = flush_url {
            flush.run(());
        }
        leptos::task::spawn_local(async move {
            let href = window().location().href().unwrap_or_default();
            if copy_to_clipboard(&href).await {
                copied.set(true);
                set_timeout(move || copied.set(false), std::time::Duration::from_secs(3));
            }
        });
    };
    view! {
        <p class="ma-result-count" role="status">{move || i18n::shown_of(lang.get(), listed.with(Shown::count), total)}</p>
        <div class="ma-actions">
            <button type="button" class="ma-button ma-button-quiet ma-ics-all" on:click=download_listed>
                {t(Msg::DownloadCalendar)}
            </button>
            {calendars.map(|index| view! { <Subscribe index /> })}
            {flush_url.is_some().then(|| view! {
                <button type="button" class="ma-button ma-button-quiet ma-copy" on:click=copy_link>
                    {move || if copied.get() { Msg::LinkCopied } else { Msg::CopyLink }.text(lang.get())}
                </button>
            })}
        </div>
        <p class="ma-live ma-copied" aria-live="polite">{move || copied.get().then(|| Msg::LinkCopied.text(lang.get()))}</p>
    }
}
