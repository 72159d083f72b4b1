//! Pointer and wheel on a surface that pans and zooms, for the map and the timeline alike.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::gesture::{Gesture, Pointers};

/// Whether a press began on a button (a marker, an event): those are clicks, not drags.
pub fn on_button(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("button").ok().flatten())
        .is_some()
}

/// The zoom factor a wheel turn asks for; a line counts as 16 pixels.
pub fn wheel_zoom(event: &web_sys::WheelEvent) -> f64 {
    let lines = if event.delta_mode() == 1 { 16.0 } else { 1.0 };
    (-event.delta_y() * lines * 0.002).exp()
}

/// Where an event is on `surface`, in the surface's own pixels.
pub fn surface_point(surface: Option<web_sys::Element>, x: i32, y: i32) -> (f64, f64) {
    match surface {
        Some(el) => {
            let rect = el.get_bounding_client_rect();
            (f64::from(x) - rect.left(), f64::from(y) - rect.top())
        }
        None => (f64::from(x), f64::from(y)),
    }
}

/// Drag to pan and pinch to zoom, for the map and the timeline alike: the pointer down,
/// move and up handlers of `surface`, which hand each gesture (in the surface's pixels)
/// to `apply`. A press that begins on a button is left to be a click.
pub fn drag_and_pinch(
    surface: impl Fn() -> Option<web_sys::Element> + Copy + 'static,
    apply: impl Fn(Gesture) + Copy + 'static,
) -> (
    impl Fn(leptos::ev::PointerEvent) + Copy + 'static,
    impl Fn(leptos::ev::PointerEvent) + Copy + 'static,
    impl Fn(leptos::ev::PointerEvent) + Copy + 'static,
) {
    let pointers = StoredValue::new(Pointers::default());
    let down = move |e: leptos::ev::PointerEvent| {
        if on_button(&e) || e.button() != 0 {
            return;
        }
        if let Some(el) = surface() {
            let _ = el.set_pointer_capture(e.pointer_id());
        }
        let (x, y) = surface_point(surface(), e.client_x(), e.client_y());
        pointers.update_value(|ps| ps.down(e.pointer_id(), x, y));
    };
    let moved = move |e: leptos::ev::PointerEvent| {
        if pointers.with_value(Pointers::is_empty) {
            return;
        }
        let (x, y) = surface_point(surface(), e.client_x(), e.client_y());
        let mut gesture = Gesture::None;
        pointers.update_value(|ps| gesture = ps.moved(e.pointer_id(), x, y));
        if gesture != Gesture::None {
            apply(gesture);
        }
    };
    let up = move |e: leptos::ev::PointerEvent| pointers.update_value(|ps| ps.up(e.pointer_id()));
    (down, moved, up)
}
