//! The "+N" stacks of events beyond the lanes drawn, and the list of one stack's events
//! that opens right under the strip.

use leptos::prelude::*;

use crate::core::i18n::{self, Msg};
use crate::core::query::Selection;

use super::state::{Stack, TimelineState, AXIS_HEIGHT_PX, LANE_HEIGHT_PX, MAX_LANES};
use crate::ui::browser::focus_in;
use crate::ui::ids::ids;
use crate::ui::intl::when_short;
use crate::ui::placed::{placed, Edge};

/// How many of a stack's events its list shows; the rest are reached by search and filters.
const STACK_LIST_LIMIT: usize = 50;

#[component]
pub fn StackButton(tl: TimelineState, stack: Stack) -> impl IntoView {
    let loaded = tl.atlas.loaded();
    let (lang, selection, open_stack, scale) = (tl.atlas.lang, tl.atlas.selection, tl.open_stack, tl.scale);
    let n = stack.positions.len();
    let start = stack.start;
    let left = move || scale.with(|s| start - s.start * s.px_per_day);
    let holds_selected = {
        let positions = stack.positions.clone();
        move || {
            selection.with(|s| {
                matches!(s, Some(Selection::Event(id))
                    if positions.iter().any(|&p| loaded.feed.events[tl.event_index(p)].id == *id))
            })
        }
    };
    let is_open = move || open_stack.with(|o| o.as_ref().is_some_and(|o| o.start == start));
    view! {
        <li>
            <button
                type="button"
                class="ma-tl-more"
                {..placed(Edge::Left, left)}
                {..placed(Edge::Top, || AXIS_HEIGHT_PX + MAX_LANES as f64 * LANE_HEIGHT_PX)}
                class:ma-selected=holds_selected
                data-stack=format!("{start:.0}")
                aria-label=move || i18n::more_here(lang.get(), n)
                aria-expanded=move || if is_open() { "true" } else { "false" }
                on:click=move |_| open_stack.set(if is_open() { None } else { Some(stack.clone()) })
            >
                {format!("+{n}")}
            </button>
        </li>
    }
}

/// The open stack's events, each of which selects its event; Close returns focus to the stack.
#[component]
pub fn StackList(tl: TimelineState) -> impl IntoView {
    let loaded = tl.atlas.loaded();
    let (lang, selection, open_stack) = (tl.atlas.lang, tl.atlas.selection, tl.open_stack);
    move || {
        open_stack.get().map(|stack| {
            let lang = lang.get();
            let n = stack.positions.len();
            let close = move |_| {
                open_stack.set(None);
                focus_in(tl.container, &format!(".ma-tl-more[data-stack='{:.0}']", stack.start));
            };
            let items = stack
                .positions
                .iter()
                .take(STACK_LIST_LIMIT)
                .map(|&p| {
                    let event = &loaded.feed.events[tl.event_index(p)];
                    let pick = Selection::Event(event.id.clone());
                    let chosen = {
                        let pick = pick.clone();
                        move || if selection.with(|s| s.as_ref() == Some(&pick)) { "true" } else { "false" }
                    };
                    let when = when_short(lang, event);
                    let place_and_date = match i18n::event_place(lang, &loaded.feed, event) {
                        Some(place) => format!("{place} · {when}"),
                        None => when,
                    };
                    view! {
                        <li>
                            <button type="button" class="ma-tl-stack-event" aria-pressed=chosen on:click=move |_| selection.set(Some(pick.clone()))>
                                <span class="ma-tl-stack-title">{event.title.get(lang).to_owned()}</span>
                                " "
                                <span class="ma-tl-when">{place_and_date}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            let more = (n > STACK_LIST_LIMIT)
                .then(|| view! { <p class="ma-note">{i18n::more_to_narrow(lang, n - STACK_LIST_LIMIT)}</p> });
            view! {
                <div class="ma-tl-stack" role="region" aria-labelledby=ids().of("tl-stack-title")>
                    <h3 id=ids().of("tl-stack-title") tabindex="-1">{i18n::more_here(lang, n)}</h3>
                    <ul>{items}</ul>
                    {more}
                    <button type="button" class="ma-button" on:click=close>{Msg::Close.text(lang)}</button>
                </div>
            }
        })
    }
}
