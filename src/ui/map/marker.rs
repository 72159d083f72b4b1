//! One marker on the map: a place, or a group of places that would overlap on screen.

use leptos::prelude::*;

use crate::core::i18n;
use crate::core::labels::Side;
use crate::core::query::Timing;

use super::model::Marker;
use super::state::{MapState, GLIDE_MS};
use crate::ui::browser;
use crate::ui::placed::{placed, Edge};

/// Whether a marker of `ids` is the selected place (pressed), and whether it is a group
/// holding it: ringed too, more lightly, so that the selection is always somewhere in
/// view, even before a zoom separates it.
fn selection_rings(
    map: MapState,
    ids: &[String],
) -> (impl Fn() -> bool + Clone + Send + Sync + 'static, impl Fn() -> bool + Send + Sync + 'static) {
    let single = ids.first().filter(|_| ids.len() == 1).cloned();
    let members = ids.to_vec();
    let pressed = move || single.is_some() && map.selected_place.with(|p| p.as_deref() == single.as_deref());
    let holds =
        move || members.len() > 1 && map.selected_place.with(|p| p.as_ref().is_some_and(|p| members.contains(p)));
    (pressed, holds)
}

/// A single place toggles its selection; a group zooms in until it comes apart. Kept
/// across filter changes (keyed by its places): what it shows follows `current`, so a
/// keystroke that changes counts updates markers rather than redrawing them.
#[component]
pub fn MarkerButton(map: MapState, marker: Marker) -> impl IntoView {
    let (lang, hovered, view) = (map.atlas.lang, map.hovered, map.view);
    let ids = marker.ids.clone();
    let current = {
        let ids = ids.clone();
        Memo::new(move |previous: Option<&Marker>| {
            map.on_screen
                .with(|all| all.iter().find(|m| m.ids == ids).cloned())
                .unwrap_or_else(|| previous.cloned().unwrap_or_else(|| marker.clone()))
        })
    };
    let single = ids.first().filter(|_| ids.len() == 1).cloned();
    let is_group = single.is_none();
    let label = move || {
        let lang = lang.get();
        current.with(|m| {
            let names: Vec<&str> = m.names.iter().map(|n| n.get(lang)).collect();
            i18n::marker_label(lang, map.things, &names, m.ids.len(), m.events, m.timing)
        })
    };
    let (pressed, holds_selected) = selection_rings(map, &ids);
    let aria_pressed = {
        let (pressed, single) = (pressed.clone(), single.is_some());
        move || single.then(|| if pressed() { "true" } else { "false" })
    };
    let hover_on = {
        let ids = ids.clone();
        move || hovered.set(Some(ids.clone()))
    };
    let hover_on_focus = hover_on.clone();
    let is_hovered = {
        let ids = ids.clone();
        move || hovered.with(|h| h.as_ref() == Some(&ids))
    };
    let at = move || current.with(|m| view.with(|v| v.to_screen(m.at)));
    let (x, y) = (move || at().0, move || at().1);
    let timing = move || current.with(|m| m.timing);
    let first = ids[0].clone();
    let spot = Memo::new(move |_| map.labels.with(|l| l.cities.get(&first).copied()));
    let side = move || spot.get().map(|s| s.side);
    let short = move || {
        let text = current.with(|m| m.short_label(lang.get()));
        match spot.get() {
            Some(s) if s.short => crate::core::labels::shorten(&text).unwrap_or(text),
            _ => text,
        }
    };
    let select = {
        let ids = ids.clone();
        move |e: leptos::ev::MouseEvent| {
            map.select(&current.get_untracked());
            // A group zooms in and is gone: focus goes to a marker of its places.
            if ids.len() > 1 {
                let places = ids.iter().map(|id| format!(".ma-marker[data-place=\"{id}\"]"));
                browser::refocus_after(&e, places.chain([".ma-marker".to_owned()]).collect(), GLIDE_MS);
            }
        }
    };
    view! {
        <button
            type="button"
            class="ma-marker"
            {..placed(Edge::Left, x)}
            {..placed(Edge::Top, y)}
            class:ma-marker-group=is_group
            class:ma-marker-past=move || timing() == Some(Timing::Past)
            class:ma-marker-upcoming=move || timing() == Some(Timing::Upcoming)
            class:ma-marker-uncertain=move || current.with(|m| m.uncertain)
            class:ma-selected=pressed.clone()
            class:ma-holds-selected=holds_selected
            data-place=single
            aria-label=label
            aria-pressed=aria_pressed
            on:click=select.clone()
            // A mouse's hover or the keyboard's focus; not a tap, whose focus would keep it up.
            on:pointerenter=move |e| {
                if e.pointer_type() == "mouse" {
                    hover_on()
                }
            }
            on:focus=move |e| {
                if browser::target_of(&e).is_some_and(|el| el.matches(":focus-visible").unwrap_or(true)) {
                    hover_on_focus()
                }
            }
            on:mouseleave=move |_| hovered.set(None)
            on:blur=move |_| hovered.set(None)
        >
            <span aria-hidden="true">{move || current.with(|m| m.events)}</span>
        </button>
        // Beside the button, not in it, so the button's name stays its full label; a
        // press on the name does what a press on the marker does.
        <span
            // Toggled one by one, never rewritten whole: that would drop the prerendered
            // page's position classes (see `placed`).
            class="ma-label"
            {..placed(Edge::Left, x)}
            {..placed(Edge::Top, y)}
            class:ma-label-right=move || side() == Some(Side::Right)
            class:ma-label-left=move || side() == Some(Side::Left)
            class:ma-label-above=move || side() == Some(Side::Above)
            class:ma-label-below=move || side() == Some(Side::Below)
            class:ma-label-centre=move || side() == Some(Side::Centre)
            class:ma-label-none=move || side().is_none()
            class:ma-label-group=is_group
            class:ma-label-selected=pressed
            aria-hidden="true"
            on:click=select
        >
            {short}
        </span>
        <Show when=is_hovered>
            <span class="ma-tooltip" aria-hidden="true" {..placed(Edge::Left, x)} {..placed(Edge::Top, y)}>
                {label}
            </span>
        </Show>
    }
}
