//! The side panel beside the map: the list of listed events, or the selected event's
//! details in its place (the list kept, hidden, so Back finds it as it was).

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::core::query::Selection;

use super::context::use_atlas;
use super::details::Details;
use super::list::EventList;
use crate::ui::ids::ids;
use crate::ui::turns::in_turn;
use crate::ui::words::t;

#[component]
pub fn SidePanel(
    /// Whether the list is one of the views shown.
    with_list: bool,
    /// Set once the list may be drawn (start-up draws the views one task apart).
    list_drawn: Memo<bool>,
) -> impl IntoView {
    let selection = use_atlas().selection;
    let event_open = Memo::new(move |_| selection.with(|s| matches!(s, Some(Selection::Event(_)))));
    let slot = NodeRef::new();
    view! {
        <aside id=ids().of("events") class="ma-panel" tabindex="-1" aria-label=t(Msg::Events) node_ref=slot>
            {in_turn(slot, "panel", move || view! {
                <Details with_list />
                {with_list.then(|| {
                    // The list's cards, in a turn of their own: on a long feed they are most of the panel.
                    let list = NodeRef::new();
                    view! {
                        <div class="ma-panel-list" hidden=event_open node_ref=list>
                            {in_turn(list, "list", move || view! {
                                {move || list_drawn.get().then(|| view! { <EventList /> })}
                            }.into_any())}
                        </div>
                    }
                })}
            }.into_any())}
        </aside>
    }
}
