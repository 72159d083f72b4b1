//! The states around the data: loading, failure, and problems found in the feed.

use leptos::prelude::*;

use crate::core::i18n::{self, problem_text, Lang, Msg};

use super::context::use_atlas;
use crate::core::load::LoadError;
use crate::ui::words::t;

#[component]
pub fn Loading(slow: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="ma-status" role="status">
            <p>{t(Msg::Loading)}</p>
            <Show when=move || slow.get()>
                <p class="ma-note">{t(Msg::StillLoading)}</p>
            </Show>
        </div>
    }
}

#[component]
pub fn LoadFailed(lang: RwSignal<Lang>, error: LoadError, retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="ma-error" role="alert">
            <p><strong>{t(Msg::LoadFailed)}</strong></p>
            <p>{move || i18n::load_error_text(lang.get(), &error)}</p>
            <button type="button" class="ma-button" on:click=move |_| retry.run(())>
                {t(Msg::Retry)}
            </button>
        </div>
    }
}

/// Says that the network failed and the events shown are the copy saved for offline use.
#[component]
pub fn SavedCopy(lang: RwSignal<Lang>, saved: super::fetch::Saved) -> impl IntoView {
    view! {
        <p class="ma-offline" role="status">
            {move || i18n::offline_notice(lang.get(), &super::intl::format_instant(lang.get(), saved.at), saved.because)}
        </p>
    }
}

/// Of several feeds, those that could not be shown (the others are), each with why.
#[component]
pub fn FeedsFailed(lang: RwSignal<Lang>, failed: Vec<(String, LoadError)>) -> impl IntoView {
    (!failed.is_empty()).then(|| {
        view! {
            <div class="ma-offline" role="status">
                <p>{t(Msg::FeedsNotShown)}</p>
                <ul>
                    {failed
                        .into_iter()
                        .map(|(address, error)| {
                            view! { <li><code>{address}</code>" — "{move || i18n::load_error_text(lang.get(), &error)}</li> }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

/// How many problems are listed one by one.
const PROBLEMS_LISTED: usize = 50;

/// Tells what in the feed was wrong and left out; shown above the valid rest.
#[component]
pub fn Problems() -> impl IntoView {
    let atlas = use_atlas();
    let (loaded, lang) = (atlas.loaded(), atlas.lang);
    (!loaded.problems.is_empty()).then(|| {
        let left_out = loaded.left_out_events;
        move || {
            let lang = lang.get();
            // The first problems, and how many of each kind in all: a feed of 200,000
            // broken events must not become 200,000 list items.
            let items = loaded
                .problems
                .iter()
                .take(PROBLEMS_LISTED)
                .map(
                    |p| view! { <li><code>{p.path.clone()}</code>{format!(" — {}", problem_text(lang, &p.kind))}</li> },
                )
                .collect_view();
            let more = loaded.problems.len().saturating_sub(PROBLEMS_LISTED);
            view! {
                <details class="ma-problems">
                    <summary>
                        <span role="img" aria-hidden="true">"⚠ "</span>
                        {i18n::problems_summary(lang, loaded.problems.len(), left_out)}
                    </summary>
                    <h2 class="ma-problems-title">{Msg::FeedProblems.text(lang)}</h2>
                    <p class="ma-problem-kinds">{i18n::problems_by_kind(lang, &loaded.problems)}</p>
                    <ul>{items}</ul>
                    {(more > 0).then(|| view! { <p class="ma-note">{i18n::problems_not_listed(lang, more)}</p> })}
                </details>
            }
        }
    })
}
