//! The filter panel the toolbar's Filters button opens: past or upcoming, and one
//! disclosure per facet, its values in the reader's alphabetical order with how many
//! events each would show.

use leptos::prelude::*;

use crate::core::explore::{self, Facet, Shown};
use crate::core::feed::{Feed, Format};
use crate::core::i18n::{self, Lang, Msg};
use crate::core::query::Timing;

use super::context::{use_atlas, AtlasCtx};

/// The name of a facet value, in the current language.
pub fn value_name(feed: &Feed, facet: Facet, id: &str, lang: Lang) -> String {
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
pub fn FilterPanel() -> impl IntoView {
    let AtlasCtx { lang, filters, .. } = use_atlas();
    let timing_choice = move |value: Option<Timing>, msg: Msg| {
        view! {
            <label class="ma-choice">
                <input
                    type="radio"
                    name="ma-when"
                    prop:checked=move || filters.with(|f| f.timing == value)
                    on:change=move |_| filters.update(|f| f.timing = value)
                />
                {move || msg.text(lang.get())}
            </label>
        }
    };
    view! {
        <fieldset class="ma-timing">
            <legend>{move || Msg::When.text(lang.get())}</legend>
            {timing_choice(None, Msg::AnyTime)}
            {timing_choice(Some(Timing::Upcoming), Msg::Upcoming)}
            {timing_choice(Some(Timing::Past), Msg::PastEvents)}
        </fieldset>
        <div class="ma-facets">{Facet::ALL.map(|facet| view! { <FacetGroup facet /> })}</div>
    }
}

/// One facet as a disclosure: its values with their counts, drawn only while it is open
/// (a feed may have thousands).
#[component]
fn FacetGroup(facet: Facet) -> impl IntoView {
    let atlas = use_atlas();
    let (loaded, prepared) = (atlas.loaded(), atlas.prepared());
    let AtlasCtx { lang, filters, today, .. } = atlas;
    // Every value the feed has for this facet, whatever is shown.
    let values: Vec<String> =
        explore::counts(&prepared, &Shown::all(prepared.len()), facet).into_iter().map(|(v, _)| v).collect();
    // Lazy like every memo: a closed facet counts nothing.
    let count = {
        let loaded = loaded.clone();
        Memo::new(move |_| filters.with(|f| explore::facet_counts(&loaded.feed, &prepared, f, today.get(), facet)))
    };
    let open = RwSignal::new(false);
    let items = move || {
        open.get().then(|| {
            let lang = lang.get();
            let mut named: Vec<(String, String)> =
                values.iter().map(|v| (value_name(&loaded.feed, facet, v, lang), v.clone())).collect();
            named.sort_by(|a, b| explore::collate(&a.0, &b.0));
            named
                .into_iter()
                .map(|(name, value)| {
                    let key = value.clone();
                    let checked = {
                        let value = value.clone();
                        move || filters.with(|f| f.chosen.contains(&(facet, value.clone())))
                    };
                    let n = move || count.with(|c| c.get(&key).copied().unwrap_or(0));
                    view! {
                        <li>
                            <label class="ma-choice">
                                <input
                                    type="checkbox"
                                    prop:checked=checked
                                    on:change=move |_| filters.update(|f| f.toggle(facet, &value))
                                />
                                <span class="ma-choice-name">{name}</span>
                                " "
                                <span class="ma-choice-count">{move || format!("({})", n())}</span>
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
                <span class="ma-chevron" aria-hidden="true"></span>
                {move || i18n::facet_name(facet, lang.get())}
                {move || (chosen() > 0).then(|| view! { " " <span class="ma-count-badge">{chosen()}</span> })}
            </summary>
            <ul>{items}</ul>
        </details>
    }
}
