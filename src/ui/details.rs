//! The selected event's details, in the side panel where the list was: Back to the list
//! and Close, focus on its heading when it opens and back on what opened it when it
//! closes; and a brief polite announcement of the selection for screen readers.

use leptos::prelude::*;

use crate::core::i18n::{self, Msg};
use crate::core::query::Selection;

use super::browser::{focus_first, focused_in_tree_of};
use super::context::{use_atlas, AtlasCtx};
use super::ids::ids;
use super::intl::when_short;

#[component]
pub fn Details(
    /// Whether there is a list to go back to.
    with_list: bool,
) -> impl IntoView {
    let atlas = use_atlas();
    let loaded = atlas.loaded();
    let AtlasCtx { lang, selection, today, .. } = atlas;
    // Found once per selection, for both the announcement and the panel.
    let selected_event = {
        let loaded = loaded.clone();
        Memo::new(move |_| match selection.get() {
            Some(Selection::Event(id)) => loaded.feed.event_position(&id),
            _ => None,
        })
    };
    let back_to = remember_list(selection);
    let panel_ref = NodeRef::<leptos::html::Div>::new();
    keep_focus(selected_event, panel_ref, atlas.last_focus);
    let announcement = {
        let loaded = loaded.clone();
        move || {
            selected_event.get().map(|i| {
                let lang = lang.get();
                let event = &loaded.feed.events[i];
                i18n::selected(lang, event.title.get(lang), &when_short(lang, event))
            })
        }
    };
    let panel = move || {
        selected_event.get().map(|i| {
            let lang = lang.get();
            let event = &loaded.feed.events[i];
            // The card's heading (`event_card`'s "detail-" id) names the region and its button.
            let heading_id = ids().of(&format!("detail-{}", event.id));
            let labelled_by = heading_id.clone();
            view! {
                <div class="ma-details" role="region" aria-labelledby=labelled_by>
                // Keeps the outline in order (h1, h2, then the event's h3) while the list's
                // headings are hidden.
                <h2 class="ma-live">{Msg::EventDetails.text(lang)}</h2>
                <div class="ma-details-bar">
                    {with_list.then(|| view! {
                        <button type="button" class="ma-button ma-button-quiet ma-back" on:click=move |_| selection.set(back_to.get_value())>
                            <span aria-hidden="true">"← "</span>{Msg::BackToList.text(lang)}
                        </button>
                    })}
                    <button type="button" class="ma-button ma-button-quiet ma-close" on:click=move |_| selection.set(None)>
                        {Msg::CloseDetails.text(lang)}
                    </button>
                </div>
                {super::list::event_card(lang, &loaded.feed, event, today.get(), "detail-")}
                {venue(lang, &loaded.feed, event)}
                {event.edition.as_deref().and_then(|id| loaded.feed.edition(id)).and_then(|edition| super::list::sponsors_line(lang, &loaded.feed, edition))}
                <p>{super::list::calendar_button(lang, event, heading_id)}</p>
                </div>
            }
        })
    };
    view! {
        <p class="ma-live ma-announce" aria-live="polite">{announcement}</p>
        <div class="ma-details-host" node_ref=panel_ref>{panel}</div>
    }
}

/// Where exactly: the venue's address, and whether the map shows only its city.
fn venue(
    lang: crate::core::Lang,
    feed: &crate::core::feed::Feed,
    event: &crate::core::feed::Event,
) -> Option<impl IntoView> {
    let place = feed.place(event.place.as_deref()?)?;
    (place.address.is_some() || place.approximate).then(|| {
        view! {
            {place.address.clone().map(|address| view! {
                <p class="ma-address">{i18n::label(lang, Msg::Address.text(lang))} " " {address}</p>
            })}
            {place.approximate.then(|| view! { <p class="ma-approximate">{Msg::Approximate.text(lang)}</p> })}
        }
    })
}

/// A selector for the control `el` is, by the event or place it stands for: a list
/// card's title, a timeline event, a map marker.
fn same_control(el: &web_sys::HtmlElement) -> Option<String> {
    let data = |name: &str| el.get_attribute(name);
    if let Some(id) = data("data-tl-event") {
        return Some(format!(".ma-tl-event[data-tl-event=\"{id}\"]"));
    }
    if let Some(id) = data("data-place") {
        return Some(format!(".ma-marker[data-place=\"{id}\"]"));
    }
    let card = el.closest("[data-event]").ok().flatten()?;
    Some(format!("[data-event=\"{}\"] .ma-event-open", card.get_attribute("data-event")?))
}

/// What Back returns to: the place whose list the event was opened from, or every event.
fn remember_list(selection: RwSignal<Option<Selection>>) -> StoredValue<Option<Selection>> {
    let back_to = StoredValue::new(None);
    Effect::new(move |previous: Option<Option<Selection>>| {
        let now = selection.get();
        if matches!(now, Some(Selection::Event(_))) {
            match previous.flatten() {
                Some(Selection::Event(_)) => {}
                place => back_to.set_value(place),
            }
        }
        now
    });
    back_to
}

/// Opening moves focus to the details' heading (which also brings them into view);
/// closing, by any means, gives it back to what had it when they opened.
fn keep_focus(
    selected_event: Memo<Option<usize>>,
    panel: NodeRef<leptos::html::Div>,
    last_focus: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
) {
    // What opened them, and how to find its like again if the list was redrawn meanwhile.
    let opener = StoredValue::new_local(None::<(web_sys::HtmlElement, Option<String>)>);
    Effect::new(move |was_open: Option<bool>| {
        let open = selected_event.get().is_some();
        let was_open = was_open.unwrap_or(false);
        let Some(panel) = panel.get_untracked() else { return open };
        if open && !was_open {
            // Noted as focus arrived: by now the list that held it may be hidden.
            opener.set_value(last_focus.get_value().map(|el| {
                let again = same_control(&el);
                (el, again)
            }));
        }
        if open {
            request_animation_frame(move || {
                focus_first(&panel, "h3");
            });
        } else if was_open {
            // Only if focus was in the details (their buttons, Escape) or lost with them:
            // a press on a marker keeps focus on the marker.
            let focused = focused_in_tree_of(&panel);
            let lost = focused.as_ref().is_none_or(|el| el.tag_name() == "BODY" || panel.contains(Some(el)));
            if let (true, Some((el, again))) = (lost, opener.get_value()) {
                // By what it stood for first: a redrawn list may have reused the very
                // element for another event.
                request_animation_frame(move || {
                    let found = match (again, panel.closest(".meetup-atlas")) {
                        (Some(again), Ok(Some(atlas))) => focus_first(&atlas, &again),
                        _ => false,
                    };
                    if !found && el.is_connected() {
                        let _ = el.focus();
                    }
                });
            }
        }
        open
    });
}
