//! One event of the timeline, in either layout: a band at its dates on the strip, or a
//! dot in the vertical list on narrow screens. It says its title, then its place and
//! date; on the strip, under its band, as much of that as fits before the next item of
//! its lane.

use leptos::prelude::*;

use crate::core::i18n;
use crate::core::query::Selection;
use crate::core::timeline::{self as tl, band_px, day_number, LabelForm, LabelWidths};

use super::state::{text_px, TimelineState, AXIS_HEIGHT_PX, LANE_HEIGHT_PX};
use crate::ui::intl::when_short;
use crate::ui::placed::{placed, Edge};

#[component]
pub fn TimelineItem(tl: TimelineState, position: usize, vertical: bool) -> impl IntoView {
    let loaded = tl.atlas.loaded();
    let (lang, selection, current) = (tl.atlas.lang, tl.atlas.selection, tl.current);
    let index = tl.event_index(position);
    let event = &loaded.feed.events[index];
    let (id, span, place) = (event.id.clone(), event.span, event.place.clone());
    // A cancelled or moved event says so first; a cancelled one's label is struck through.
    let (status, cancelled) = (event.status, event.status == crate::core::feed::Status::Cancelled);
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
    let (label, title) = {
        let loaded = loaded.clone();
        let title_of = loaded.clone();
        (
            Memo::new(move |_| i18n::event_label(lang.get(), &loaded.feed, &loaded.feed.events[index])),
            Memo::new(move |_| title_of.feed.events[index].title.get(lang.get()).to_owned()),
        )
    };
    // A title the source gave in one language is marked with it.
    let title_lang = {
        let loaded = loaded.clone();
        Memo::new(move |_| crate::ui::list::written_in(lang.get(), &loaded.feed, &loaded.feed.events[index].title))
    };
    let when = Memo::new(move |_| when_short(lang.get(), &loaded.feed.events[index]));
    let name = Memo::new(move |_| with_status(lang.get(), status, format!("{}, {}", label.get(), when.get())));
    let scale = tl.scale;
    // The longest form of the label that has room, and the width it is drawn at.
    let fitted = Memo::new(move |_| {
        if vertical {
            return (LabelForm::Full, None, 0.0);
        }
        let chars = |m: Memo<String>| m.with(|t| t.chars().count());
        let widths = LabelWidths {
            full: text_px(chars(label) + 2 + chars(when)),
            no_date: text_px(chars(label)),
            title: text_px(chars(title)),
        };
        let end = tl.layout.with(|l| l.label_ends.get(position).copied().unwrap_or(0.0));
        let (x, room) =
            scale.with(|s| tl::label_on_screen(s.x(day_number(span.first)), end - s.start * s.px_per_day, s.width));
        let (form, width) = tl::fit_label(widths, room);
        (form, Some(width), x)
    });
    let form = move || fitted.get().0;
    // The item stands where its label starts (at the strip's left edge for a band that began
    // before it), its band from its start, and as wide as the wider of the two.
    let start_x = move || scale.with(|s| s.x(day_number(span.first)));
    let left = move || (!vertical).then(|| fitted.get().2);
    let width = move || {
        (!vertical).then(|| {
            let (band_end, strip) = scale.with(|s| (start_x() + band_px(span, s.px_per_day), s.width));
            let x = fitted.get().2;
            // Never past the strip's right edge, where the band is cut anyway.
            fitted.get().1.unwrap_or(0.0).max(band_end - x).min(strip - x)
        })
    };
    let top =
        move || (!vertical).then(|| AXIS_HEIGHT_PX + tl.layout.with(|l| l.lanes[position]) as f64 * LANE_HEIGHT_PX);
    let mark = if vertical {
        view! { <span class="ma-tl-dot" aria-hidden="true"></span> }.into_any()
    } else {
        let band = move || scale.with(|s| band_px(span, s.px_per_day));
        let band_left = move || start_x() - fitted.get().2;
        view! { <span class="ma-tl-band" aria-hidden="true" {..placed(Edge::Left, band_left)} {..placed(Edge::Width, band)}></span> }
            .into_any()
    };
    let selected_too = selected.clone();
    let text = move || match form() {
        LabelForm::Full | LabelForm::NoDate => label.get(),
        LabelForm::Title | LabelForm::Hidden => title.get(),
    };
    view! {
        <li>
            <button
                type="button"
                class="ma-tl-event"
                {..placed(Edge::Left, left)}
                {..placed(Edge::Top, top)}
                {..placed(Edge::Width, width)}
                class:ma-tl-vertical-event=vertical
                class:ma-uncertain=span.uncertain
                class:ma-cancelled=cancelled
                class:ma-selected=selected
                class:ma-highlight=at_selected_place
                data-tl-event=id
                // Its whole name, whatever part of it is drawn.
                aria-label=name
                title=name
                // Roving focus: only the current item is in the tab order.
                tabindex=move || if current.get() == position { "0" } else { "-1" }
                aria-pressed=move || if selected_too() { "true" } else { "false" }
                on:click=choose
            >
                {mark}
                <Show when=move || form() != LabelForm::Hidden>
                    <span class="ma-tl-text" {..placed(Edge::Width, move || fitted.get().1)}>
                        <span class="ma-tl-label" lang=title_lang>{text}</span>
                        <Show when=move || form() == LabelForm::Full>
                            ", " <span class="ma-tl-when">{move || when.get()}</span>
                        </Show>
                    </span>
                </Show>
            </button>
        </li>
    }
}

/// An item's whole name, led by what became of it ("Cancelled: …") if not as announced.
fn with_status(lang: crate::core::Lang, status: crate::core::feed::Status, name: String) -> String {
    match crate::core::i18n::status_name(lang, status) {
        Some(said) => format!("{} {name}", crate::core::i18n::label(lang, said)),
        None => name,
    }
}
