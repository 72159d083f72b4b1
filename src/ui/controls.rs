//! The buttons of the map's and the timeline's controls: a symbol, named in the
//! current language.

use leptos::prelude::*;

use crate::core::{Lang, Msg};

/// A button that shows a symbol and is named, in the current language, by `msg`.
pub fn icon_button(
    lang: ReadSignal<Lang>,
    msg: Msg,
    symbol: &'static str,
    class: &'static str,
    on_click: impl Fn() + 'static,
) -> impl IntoView {
    limited_button(lang, msg, symbol, class, Signal::stored(false), on_click)
}

/// `icon_button`, disabled while `at_limit` holds (a zoom as far as it goes).
pub fn limited_button(
    lang: ReadSignal<Lang>,
    msg: Msg,
    symbol: &'static str,
    class: &'static str,
    at_limit: Signal<bool>,
    on_click: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class=format!("ma-control-button {class}")
            aria-label=move || msg.text(lang.get())
            title=move || msg.text(lang.get())
            disabled=move || at_limit.get()
            on:click=move |_| on_click()
        >
            <span aria-hidden="true">{symbol}</span>
        </button>
    }
}
