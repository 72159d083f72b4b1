//! Moving the map: drag, pinch, Ctrl/⌘ + wheel (a plain wheel scrolls the page and says
//! how to zoom), double-click, and the keyboard.

use leptos::ev;
use leptos::prelude::*;

use crate::core::gesture::Gesture;
use crate::core::map::ZOOM_STEP;

use super::state::MapState;
use crate::ui::pointer::{drag_and_pinch, on_button, surface_point, wheel_zoom};

/// How far an arrow key or button moves the map.
pub const PAN_STEP_PX: f64 = 80.0;

/// The surface's pointer, wheel and double-click handlers.
pub struct Handlers<D, M, U, W, C> {
    pub down: D,
    pub moved: M,
    pub up: U,
    pub wheel: W,
    pub double_click: C,
}

#[allow(clippy::type_complexity)]
pub fn handlers(
    map: MapState,
) -> Handlers<
    impl Fn(ev::PointerEvent) + Copy + 'static,
    impl Fn(ev::PointerEvent) + Copy + 'static,
    impl Fn(ev::PointerEvent) + Copy + 'static,
    impl Fn(ev::WheelEvent) + Copy + 'static,
    impl Fn(ev::MouseEvent) + Copy + 'static,
> {
    let (surface, hint) = (map.surface, map.hint);
    let element = move || surface.get_untracked().map(web_sys::Element::from);
    let local = move |x: i32, y: i32| surface_point(element(), x, y);
    let (down, moved, up) = drag_and_pinch(element, move |gesture| match gesture {
        Gesture::Pan { dx, dy } => map.update_view(|v| v.pan(dx, dy)),
        Gesture::Pinch { dx, dy, factor, x, y } => map.update_view(|v| v.pan(dx, dy).zoom_at(factor, x, y)),
        Gesture::None => {}
    });
    let wheel = move |e: ev::WheelEvent| {
        // `:focus-within` rather than `document.activeElement`, which is the host inside a shadow root.
        let focused = surface.get_untracked().is_some_and(|el| el.matches(":focus-within").unwrap_or(false));
        if !(e.ctrl_key() || e.meta_key() || focused) {
            // Leave the page scrolling; say how to zoom instead.
            hint.set(true);
            set_timeout(move || _ = hint.try_set(false), std::time::Duration::from_millis(1800));
            return;
        }
        e.prevent_default();
        let (x, y) = local(e.client_x(), e.client_y());
        map.update_view(|v| v.zoom_at(wheel_zoom(&e), x, y));
    };
    let double_click = move |e: ev::MouseEvent| {
        if on_button(&e) {
            return;
        }
        let (x, y) = local(e.client_x(), e.client_y());
        map.update_view(|v| v.zoom_at(2.0, x, y));
    };
    Handlers { down, moved, up, wheel, double_click }
}

/// Arrows pan, + and − zoom, 0 shows every place.
pub fn keydown(map: MapState, e: ev::KeyboardEvent) {
    match e.key().as_str() {
        "ArrowUp" => map.update_view(|v| v.pan(0.0, PAN_STEP_PX)),
        "ArrowDown" => map.update_view(|v| v.pan(0.0, -PAN_STEP_PX)),
        "ArrowLeft" => map.update_view(|v| v.pan(PAN_STEP_PX, 0.0)),
        "ArrowRight" => map.update_view(|v| v.pan(-PAN_STEP_PX, 0.0)),
        "+" | "=" => map.update_view(|v| v.zoom(ZOOM_STEP)),
        "-" | "_" => map.update_view(|v| v.zoom(1.0 / ZOOM_STEP)),
        "0" => map.reset(),
        _ => return,
    }
    e.prevent_default();
}
