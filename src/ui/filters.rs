//! Search and filters: narrow every view at once.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::core::explore::{self, Facet, Filters, Shown};
use crate::core::feed::{Feed, Format};
use crate::core::i18n::{self, Lang, Msg};
use crate::core::ics;
use crate::core::query::{self, Timing};

use super::browser::{copy_to_clipboard, download, now_seconds};
use super::context::{use_atlas, AtlasCtx};

/// The name of a facet value, in the current language.
fn value_name(feed: &Feed, facet: Facet, id: &str, lang: Lang) -> String {
    let name = match facet {
        Facet::Place => feed.place(id).map(|p| p.name.get(lang).to_owned()),
        Facet::Topic => feed.topic(id).map(|t| t.name.get(lang).to_owned()),
        Facet::Speaker => feed.person(id).map(|p| p.name.clone()),
        Facet::Organization => feed.organization(id).map(|o| o.name.clone()),
        Facet::Format => Format::ALL.into_iter().find(|f| f.id() == id).map(|f| i18n::format_name(f, lang).to_owned()),
    };
    name.unwrap_or_else(|| id.to_owned())
}

#[component]
pub fn FilterPanel(
    /// Where the address bar holds this atlas' view (the hosted page): writes a change
    /// still waiting to be written, so that copying the address makes the right link.
    #[prop(optional_no_strip)]
    flush_url: Option<Callback<()>>,
) -> impl IntoView {
    let atlas = use_atlas();
    let loaded = atlas.loaded();
    let AtlasCtx { lang, filters, shown, .. } = atlas;
    let total = loaded.feed.events.len();
    let shown_count = move || shown.with(Shown::count);

    let timing_choice = move |value: Option<Timing>, msg: fn(Lang) -> &'static str| {
        let name = "ma-when";
        view! {
            <label class="ma-choice">
                <input
                    type="radio"
                    name=name
                    prop:checked=move || filters.with(|f| f.timing == value)
                    on:change=move |_| filters.update(|f| f.timing = value)
                />
                {move || msg(lang.get())}
            </label>
        }
    };

    let download_shown = {
        let loaded = loaded.clone();
        move |_| {
            let lang = lang.get_untracked();
            let feed = &loaded.feed;
            let events: Vec<_> = shown.with_untracked(|s| s.indices().map(|i| &feed.events[i]).collect());
            let events = crate::core::order::sorted(events, &|a, b| query::chronological(a, b));
            download("meetups.ics", "text/calendar", &ics::calendar(feed, &events, lang, now_seconds()));
        }
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
        <section class="ma-explore" aria-labelledby="ma-explore-title">
            <h2 id="ma-explore-title" class="ma-section-title">{move || Msg::FindEvents.text(lang.get())}</h2>
            <div class="ma-search">
                <label for="ma-search-input">{move || Msg::Search.text(lang.get())}</label>
                <input
                    id="ma-search-input"
                    type="search"
                    autocomplete="off"
                    prop:value=move || filters.with(|f| f.search.clone())
                    on:input=move |e| filters.update(|f| f.search = event_target_value(&e))
                />
            </div>
            <fieldset class="ma-timing">
                <legend>{move || Msg::When.text(lang.get())}</legend>
                {timing_choice(None, |l| Msg::AnyTime.text(l))}
                {timing_choice(Some(Timing::Upcoming), |l| Msg::Upcoming.text(l))}
                {timing_choice(Some(Timing::Past), |l| Msg::Past.text(l))}
            </fieldset>
            <div class="ma-facets">{Facet::ALL.map(|facet| view! { <FacetGroup facet /> })}</div>
            <p class="ma-result-count" role="status">
                {move || i18n::shown_of(lang.get(), shown_count(), total)}
                " "
                <button
                    type="button"
                    class="ma-button ma-clear"
                    hidden=move || filters.with(Filters::is_empty)
                    on:click=move |_| filters.set(Filters::default())
                >
                    {move || Msg::ClearAll.text(lang.get())}
                </button>
                <button type="button" class="ma-button ma-ics-all" on:click=download_shown>
                    {move || Msg::DownloadCalendar.text(lang.get())}
                </button>
                {flush_url.is_some().then(|| view! {
                    <button type="button" class="ma-button ma-copy" on:click=copy_link>
                        {move || Msg::CopyLink.text(lang.get())}
                    </button>
                })}
            </p>
            <p class="ma-live ma-copied" aria-live="polite">{move || copied.get().then(|| Msg::LinkCopied.text(lang.get()))}</p>
        </section>
    }
}

/// One facet as a disclosure: its values with how many shown events each has, drawn
/// only while it is open (a feed may have thousands).
#[component]
fn FacetGroup(facet: Facet) -> impl IntoView {
    let atlas = use_atlas();
    let (loaded, prepared) = (atlas.loaded(), atlas.prepared());
    let AtlasCtx { lang, filters, shown, .. } = atlas;
    // Every value the feed has for this facet; counts follow what is shown.
    let values: Vec<String> =
        explore::counts(&prepared, &Shown::all(prepared.len()), facet).into_iter().map(|(v, _)| v).collect();
    // Lazy like every memo: a closed facet counts nothing.
    let count = Memo::new(move |_| {
        shown.with(|s| explore::counts(&prepared, s, facet)).into_iter().collect::<HashMap<String, usize>>()
    });
    let open = RwSignal::new(false);
    let items = move || {
        open.get().then(|| {
            values
                .iter()
                .map(|value| {
                    let loaded = loaded.clone();
                    let key = value.clone();
                    let checked = {
                        let value = value.clone();
                        move || filters.with(|f| f.chosen.contains(&(facet, value.clone())))
                    };
                    let label = move || {
                        let n = count.with(|c| c.get(&key).copied().unwrap_or(0));
                        format!("{} ({n})", value_name(&loaded.feed, facet, &key, lang.get()))
                    };
                    let value = value.clone();
                    view! {
                        <li>
                            <label class="ma-choice">
                                <input
                                    type="checkbox"
                                    prop:checked=checked
                                    on:change=move |_| filters.update(|f| f.toggle(facet, &value))
                                />
                                {label}
                            </label>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let chosen = move || filters.with(|f| f.chosen.iter().filter(|(g, _)| *g == facet).count());
    view! {
        <details
            class="ma-facet"
            data-facet=format!("{facet:?}").to_lowercase()
            on:toggle=move |e| open.set(event_target::<web_sys::HtmlDetailsElement>(&e).open())
        >
            <summary>
                {move || i18n::facet_name(facet, lang.get())}
                {move || (chosen() > 0).then(|| format!(" · {}", chosen()))}
            </summary>
            <ul>{items}</ul>
        </details>
    }
}
