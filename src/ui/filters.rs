//! The filter panel the toolbar's Filters button opens: past or upcoming, and one
//! disclosure per facet, its values in the reader's alphabetical order with how many
//! events each would show.

use leptos::prelude::*;

use crate::core::explore::{self, Facet, Shown};
use crate::core::feed::{Attendance, Feed, Format};
use crate::core::i18n::{self, Lang, Msg};
use crate::core::order;
use crate::core::query::{self, Timing};

use super::context::{use_atlas, AtlasCtx};
use crate::ui::ids::ids;
use crate::ui::words::t;

/// The name of a facet value, in the current language.
pub fn value_name(lang: Lang, feed: &Feed, facet: Facet, id: &str) -> String {
    let name = match facet {
        Facet::Place => feed.place(id).map(|p| query::place_name(lang, feed, p)),
        Facet::Topic => feed.topic(id).map(|t| t.name.get(lang).to_owned()),
        Facet::Speaker => feed.person(id).map(|p| p.name.clone()),
        Facet::Organization => feed.organization(id).map(|o| o.name.clone()),
        Facet::Format => Format::ALL.into_iter().find(|f| f.id() == id).map(|f| i18n::format_name(lang, f).to_owned()),
        Facet::Attendance => {
            Attendance::ALL.into_iter().find(|a| a.id() == id).map(|a| i18n::attendance_name(lang, a).to_owned())
        }
    };
    name.unwrap_or_else(|| id.to_owned())
}

#[component]
pub fn FilterPanel() -> impl IntoView {
    let AtlasCtx { lang, filters, .. } = use_atlas();
    let ids = ids();
    let timing_choice = move |value: Option<Timing>, msg: Msg| {
        view! {
            <label class="ma-choice">
                <input
                    type="radio"
                    name=ids.of("when")
                    prop:checked=move || filters.with(|f| f.timing == value)
                    on:change=move |_| filters.update(|f| f.timing = value)
                />
                {move || msg.text(lang.get())}
            </label>
        }
    };
    view! {
        <fieldset class="ma-timing">
            <legend>{t(Msg::When)}</legend>
            {timing_choice(None, Msg::AnyTime)}
            {timing_choice(Some(Timing::Upcoming), Msg::Upcoming)}
            {timing_choice(Some(Timing::Past), Msg::PastEvents)}
        </fieldset>
        <div class="ma-facets">{Facet::ALL.map(|facet| view! { <FacetGroup facet /> })}</div>
    }
}

/// Past this many values, a facet gets a box to find one.
const SEARCHABLE_FROM: usize = 12;

/// One facet as a disclosure: its values with their counts, drawn only while it is open
/// (a feed may have thousands); none for a facet without values. Values that would show nothing are left out (but for
/// chosen ones, to be unchosen), and said so in a count.
#[component]
fn FacetGroup(facet: Facet) -> impl IntoView {
    let atlas = use_atlas();
    let (loaded, prepared) = (atlas.loaded(), atlas.prepared());
    let AtlasCtx { lang, filters, today, .. } = atlas;
    // Every value the feed has for this facet, whatever is shown.
    let values: Vec<String> =
        explore::counts(&prepared, &Shown::all(prepared.len()), facet).into_iter().map(|(v, _)| v).collect();
    let searchable = values.len() > SEARCHABLE_FROM;
    // A facet the feed has no value of (no event says how to attend) is not offered.
    let offered = !values.is_empty();
    // Lazy like every memo: a closed facet counts nothing.
    let count = {
        let loaded = loaded.clone();
        Memo::new(move |_| filters.with(|f| explore::facet_counts(&loaded.feed, &prepared, f, today.get(), facet)))
    };
    let open = RwSignal::new(false);
    let find = RwSignal::new(String::new());
    // (name, value) of the values listed, in the reader's order; and how many would show nothing.
    let listed = Memo::new(move |_| {
        if !open.get() {
            return (Vec::new(), 0);
        }
        let lang = lang.get();
        let words = explore::search_words(&find.get());
        let mut hidden = 0;
        let mut named: Vec<(String, String)> = count.with(|counts| {
            filters.with(|f| {
                values
                    .iter()
                    .filter(|v| {
                        let keep = counts.get(*v).is_some_and(|n| *n > 0) || f.chosen.contains(&(facet, (*v).clone()));
                        hidden += usize::from(!keep);
                        keep
                    })
                    .map(|v| (value_name(lang, &loaded.feed, facet, v), v.clone()))
                    .filter(|(name, _)| words.iter().all(|w| explore::fold(name).contains(w.as_str())))
                    .collect()
            })
        });
        order::sort(&mut named, &|a, b| explore::collate(&a.0, &b.0));
        (named, hidden)
    });
    let chosen = move || filters.with(|f| f.chosen.iter().filter(|(g, _)| *g == facet).count());
    offered.then(|| view! {
        <details
            class="ma-facet"
            data-facet=facet.name()
            on:toggle=move |e| open.set(event_target::<web_sys::HtmlDetailsElement>(&e).open())
        >
            <summary>
                <span class="ma-chevron" aria-hidden="true"></span>
                {move || i18n::facet_name(lang.get(), facet)}
                {move || (chosen() > 0).then(|| view! { " " <span class="ma-count-badge">{chosen()}</span> })}
            </summary>
            {searchable.then(|| view! {
                <input
                    type="search"
                    class="ma-facet-find"
                    aria-label=move || i18n::facet_search(lang.get(), facet)
                    placeholder=move || i18n::facet_search(lang.get(), facet)
                    prop:value=move || find.get()
                    on:input=move |e| find.set(event_target_value(&e))
                />
            })}
            <ul>
                <For each=move || listed.get().0 key=|(name, value)| (name.clone(), value.clone()) let:((name, value))>
                    <FacetValue facet name value count />
                </For>
            </ul>
            {move || {
                let hidden = listed.with(|l| l.1);
                (hidden > 0).then(|| view! { <p class="ma-facet-hidden">{move || i18n::values_without_events(lang.get(), hidden)}</p> })
            }}
        </details>
    })
}

/// One value of a facet: a checkbox, its name, how many events it would show.
#[component]
fn FacetValue(
    facet: Facet,
    name: String,
    value: String,
    count: Memo<rustc_hash::FxHashMap<String, usize>>,
) -> impl IntoView {
    let AtlasCtx { filters, lang, .. } = use_atlas();
    let checked = {
        let value = value.clone();
        move || filters.with(|f| f.chosen.contains(&(facet, value.clone())))
    };
    let n = {
        let value = value.clone();
        move || count.with(|c| c.get(&value).copied().unwrap_or(0))
    };
    view! {
        <li>
            <label class="ma-choice">
                <input type="checkbox" prop:checked=checked on:change=move |_| filters.update(|f| f.toggle(facet, &value)) />
                <span class="ma-choice-name">{name}</span>
                " "
                <span class="ma-choice-count">{move || format!("({})", i18n::number(lang.get(), n()))}</span>
            </label>
        </li>
    }
}
