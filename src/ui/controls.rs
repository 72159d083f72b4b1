//! Small pieces shared by the views.

use leptos::prelude::*;

use crate::core::{Lang, Msg};

/// A button that shows a symbol and is named, in the current language, by `msg`.
pub fn icon_button(lang: RwSignal<Lang>, msg: Msg, symbol: &'static str, class: &'static str, on_click: impl Fn() + 'static) -> impl IntoView {
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
