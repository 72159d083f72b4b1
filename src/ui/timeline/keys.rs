//! The timeline's keyboard: arrows walk between events or pan, + and − zoom.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::map::ZOOM_STEP;

use super::state::TimelineState;

/// How far an arrow key or button moves the timeline.
pub const PAN_STEP_PX: f64 = 200.0;

/// Arrows walk between events (on an event) or pan (elsewhere); + and − zoom; Home and
/// End go to the first and the last event.
pub fn keydown(tl: TimelineState, e: ev::KeyboardEvent) {
    let on_event = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.class_list().contains("ma-tl-event"));
    let p = tl.current.get_untracked();
    let positions = tl.walkable();
    let next = positions.iter().copied().find(|&q| q > p).or(positions.last().copied());
    let previous = positions.iter().copied().rev().find(|&q| q < p).or(positions.first().copied());
    let scale = tl.scale;
    match (e.key().as_str(), next, previous) {
        ("ArrowRight" | "ArrowDown", Some(q), _) if on_event => tl.go_to(q),
        ("ArrowLeft" | "ArrowUp", _, Some(q)) if on_event => tl.go_to(q),
        ("Home", _, _) if !positions.is_empty() => tl.go_to(positions[0]),
        ("End", _, _) if !positions.is_empty() => tl.go_to(positions[positions.len() - 1]),
        ("ArrowRight", _, _) => scale.update(|s| *s = s.pan(-PAN_STEP_PX)),
        ("ArrowLeft", _, _) => scale.update(|s| *s = s.pan(PAN_STEP_PX)),
        ("+" | "=", _, _) => scale.update(|s| *s = s.zoom(ZOOM_STEP)),
        ("-" | "_", _, _) => scale.update(|s| *s = s.zoom(1.0 / ZOOM_STEP)),
        _ => return,
    }
    e.prevent_default();
}
