use leptos::prelude::*;

use crate::core::page::Page;
use crate::core::{Lang, Msg};

use super::browser::save_lang;

/// Two buttons, each labelled in its own language; the pressed one is current.
/// With `remember`, the choice is kept for the next visit. On a prerendered page
/// (`page`: the one whose address is shown, which follows the selection) they are links to
/// the same page in each language, which work without JavaScript too; with it, the
/// language changes in place.
#[component]
pub fn LangToggle(
    lang: RwSignal<Lang>,
    #[prop(optional)] remember: bool,
    #[prop(default = None)] page: Option<Signal<Page>>,
) -> impl IntoView {
    let option_view = move |option: Lang| {
        let choose = move |e: leptos::ev::MouseEvent| {
            e.prevent_default();
            lang.set(option);
            if remember {
                save_lang(option);
            }
        };
        let current = move || if lang.get() == option { "true" } else { "false" };
        match page {
            Some(page) => view! {
                <a
                    class="ma-lang-option"
                    lang=option.tag()
                    hreflang=option.tag()
                    href=move || page.with(|page| page.link_to(&page.in_lang(option)))
                    aria-current=move || (lang.get() == option).then_some("true")
                    on:click=choose
                >
                    {option.endonym()}
                </a>
            }
            .into_any(),
            None => view! {
                <button type="button" class="ma-lang-option" lang=option.tag() aria-pressed=current on:click=choose>
                    {option.endonym()}
                </button>
            }
            .into_any(),
        }
    };
    view! {
        <div class="ma-lang" role="group" aria-label=move || Msg::Language.text(lang.get())>
            {Lang::ALL.map(option_view)}
        </div>
    }
}
