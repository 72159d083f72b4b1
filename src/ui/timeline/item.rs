//! One event of the timeline, in either layout: a band at its dates on the strip, or a
//! dot in the vertical list on narrow screens.

use leptos::prelude::*;

use crate::core::query::Selection;

use super::state::{TimelineState, AXIS_HEIGHT_PX, CHAR_WIDTH_PX, LANE_HEIGHT_PX};
use super::{band_px, day_number, short_label, when_short};
use crate::ui::placed::{placed, Edge};

#[component]
pub fn TimelineItem(tl: TimelineState, position: usize, vertical: bool) -> impl IntoView {
    let loaded = tl.atlas.loaded();
    let (lang, selection, current) = (tl.atlas.lang, tl.atlas.selection, tl.current);
    let index = tl.event_index(position);
    let event = &loaded.feed.events[index];
    let (id, span, place) = (event.id.clone(), event.span, event.place.clone());
    let selected = {
        let id = id.clone();
        move || selection.with(|s| matches!(s, Some(Selection::Event(e)) if *e == id))
    };
    let at_selected_place =
        move || selection.with(|s| matches!((s, &place), (Some(Selection::Place(sel)), Some(p)) if sel == p));
    // Selects the event, or clears the selection if it was already selected.
    let choose = {
        let pick = Selection::Event(id.clone());
        move |_| {
            current.set(position);
            selection.update(|s| *s = if s.as_ref() == Some(&pick) { None } else { Some(pick.clone()) });
        }
    };
    // Each once per language: the date's words are an `Intl` call.
    let label = {
        let loaded = loaded.clone();
        Memo::new(move |_| short_label(&loaded, &loaded.feed.events[index], lang.get()))
    };
    let when = Memo::new(move |_| when_short(&loaded.feed.events[index], lang.get()));
    let scale = tl.scale;
    // Near the strip's right edge the label goes to the left of its band, so it is not cut.
    let label_px = Memo::new(move |_| {
        (label.with(|l| l.chars().count()) + when.with(|w| w.chars().count())) as f64 * CHAR_WIDTH_PX + 24.0
    });
    let flipped = Memo::new(move |_| {
        !vertical
            && scale.with(|s| {
                let start = s.x(day_number(span.first));
                start + band_px(span, s.px_per_day) + label_px.get() > s.width && start - label_px.get() >= 0.0
            })
    });
    let left = move || {
        (!vertical).then(|| {
            scale.with(|s| {
                let start = s.x(day_number(span.first));
                if flipped.get() {
                    start + band_px(span, s.px_per_day)
                } else {
                    start
                }
            })
        })
    };
    let top =
        move || (!vertical).then(|| AXIS_HEIGHT_PX + tl.layout.with(|l| l.lanes[position]) as f64 * LANE_HEIGHT_PX);
    let mark = if vertical {
        view! { <span class="ma-tl-dot" aria-hidden="true"></span> }.into_any()
    } else {
        let band = move || scale.with(|s| band_px(span, s.px_per_day));
        view! { <span class="ma-tl-band" aria-hidden="true" {..placed(Edge::Width, band)}></span> }.into_any()
    };
    let selected_too = selected.clone();
    view! {
        <li>
            <button
                type="button"
                class="ma-tl-event"
                {..placed(Edge::Left, left)}
                {..placed(Edge::Top, top)}
                class:ma-tl-vertical-event=vertical
                class:ma-uncertain=span.uncertain
                class:ma-selected=selected
                class:ma-highlight=at_selected_place
                class:ma-tl-flip=flipped
                data-tl-event=id
                // Roving focus: only the current item is in the tab order.
                tabindex=move || if current.get() == position { "0" } else { "-1" }
                aria-pressed=move || if selected_too() { "true" } else { "false" }
                on:click=choose
            >
                {mark}
                // One piece, so that a label moved to the left of its band still reads in order.
                <span class="ma-tl-text">
                    <span class="ma-tl-label">{move || label.get()} ","</span>
                    " "
                    <span class="ma-tl-when">{move || when.get()}</span>
                </span>
            </button>
        </li>
    }
}
