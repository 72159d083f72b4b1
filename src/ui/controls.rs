//! Small pieces shared by the views.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::{Lang, Msg};

/// A button that shows a symbol and is named, in the current language, by `msg`.
pub fn icon_button(
    lang: ReadSignal<Lang>,
    msg: Msg,
    symbol: &'static str,
    class: &'static str,
    on_click: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class=format!("ma-map-button {class}")
            aria-label=move || msg.text(lang.get())
            title=move || msg.text(lang.get())
            on:click=move |_| on_click()
        >
            <span aria-hidden="true">{symbol}</span>
        </button>
    }
}

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
