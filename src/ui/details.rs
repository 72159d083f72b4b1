//! The selected event's details, next to where it was chosen, and a brief polite
//! announcement of the selection for screen readers.

use leptos::prelude::*;

use crate::core::i18n::{self, Msg};
use crate::core::ics;
use crate::core::query::Selection;

use super::browser::{download, now_seconds};
use super::context::{use_atlas, AtlasCtx};
use super::timeline::when_short;

/// The selected event's details, and a brief polite announcement of the selection.
#[component]
pub fn Details() -> impl IntoView {
    let atlas = use_atlas();
    let loaded = atlas.loaded();
    let AtlasCtx { lang, selection, today, .. } = atlas;
    // Found once per selection, for both the announcement and the panel.
    let selected_event = {
        let loaded = loaded.clone();
        Memo::new(move |_| match selection.get() {
            Some(Selection::Event(id)) => loaded.feed.events.iter().position(|e| e.id == id),
            _ => None,
        })
    };
    let announcement = {
        let loaded = loaded.clone();
        move || {
            selected_event.get().map(|i| {
                let lang = lang.get();
                let event = &loaded.feed.events[i];
                i18n::selected(lang, event.title.get(lang), &when_short(event, lang))
            })
        }
    };
    let panel = move || {
        selected_event.get().map(|i| {
            let lang = lang.get();
            let event = &loaded.feed.events[i];
            view! {
                <div class="ma-details" role="region" aria-labelledby=format!("ma-detail-{}", event.id)>
                    <button type="button" class="ma-button ma-close" on:click=move |_| selection.set(None)>
                        {Msg::CloseDetails.text(lang)}
                    </button>
                    {super::list::event_card(&loaded.feed, event, lang, today, "ma-detail-", &[])}
                    {loaded.feed.edition(&event.edition).and_then(|edition| super::list::sponsors_line(&loaded.feed, edition, lang))}
                    <p>
                        <button type="button" class="ma-button ma-ics" on:click={
                            let loaded = loaded.clone();
                            move |_| {
                                let event = &loaded.feed.events[i];
                                let text = ics::calendar(&loaded.feed, &[event], lang, now_seconds());
                                download(&format!("{}.ics", event.id), "text/calendar", &text);
                            }
                        }>
                            {Msg::AddToCalendar.text(lang)}
                        </button>
                    </p>
                </div>
            }
        })
    };
    view! {
        <p class="ma-live ma-announce" aria-live="polite">{announcement}</p>
        {panel}
    }
}
