use leptos::prelude::*;

use crate::core::{Lang, Msg};

use super::browser::save_lang;

/// Two buttons, each labelled in its own language; the pressed one is current.
/// With `remember`, the choice is kept for the next visit.
#[component]
pub fn LangToggle(lang: RwSignal<Lang>, #[prop(optional)] remember: bool) -> impl IntoView {
    let button = move |option: Lang| {
        let choose = move |_| {
            lang.set(option);
            if remember {
                save_lang(option);
            }
        };
        view! {
            <button
                type="button"
                class="ma-lang-option"
                lang=option.tag()
                aria-pressed=move || if lang.get() == option { "true" } else { "false" }
                on:click=choose
            >
                {option.endonym()}
            </button>
        }
    };
    view! {
        <div class="ma-lang" role="group" aria-label=move || Msg::Language.text(lang.get())>
            {Lang::ALL.map(button)}
        </div>
    }
}
