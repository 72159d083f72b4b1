//! Subscribe: the published calendar that holds what is shown (all events, the selected
//! or filtered place, the filtered topic), to add to a calendar app by address so that it
//! updates itself. The list of calendars (`calendars/index.json` beside the feed) is
//! fetched when the menu is first opened.

use leptos::prelude::*;

use crate::core::explore::Filters;
use crate::core::i18n::{Lang, Msg};
use crate::core::publish::{self, Listed, Matching};
use crate::core::query::Selection;

use super::context::{use_atlas, AtlasCtx};
use crate::ui::ids::ids;
use crate::ui::words::t;

/// The calendars' list as fetched: `None` until it has answered; `Err` if there is none.
type Fetched = Option<Result<Vec<Listed>, ()>>;

#[component]
pub fn Subscribe(
    /// Where the list of calendars is (`calendars/index.json` beside the feed).
    index: String,
) -> impl IntoView {
    let ids = ids();
    let AtlasCtx { lang, filters, selection, .. } = use_atlas();
    let open = RwSignal::new(false);
    let fetched: RwSignal<Fetched> = RwSignal::new(None);
    let index = StoredValue::new(index);
    let toggle = move |_| {
        open.update(|o| *o = !*o);
        if fetched.get_untracked().is_none() {
            let index = index.get_value();
            leptos::task::spawn_local(async move {
                let text = super::fetch::fetch_text(&index).await.map_err(|_| ());
                fetched.try_set(Some(text.and_then(|t| serde_json::from_str(&t).map_err(|_| ()))));
            });
        }
    };
    let panel = move || {
        let lang = lang.get();
        let place = selection.with(|s| match s {
            Some(Selection::Place(id)) => Some(id.clone()),
            _ => None,
        });
        fetched.with(|fetched| match fetched {
            None => view! { <p>{Msg::Loading.text(lang)}</p> }.into_any(),
            Some(Err(())) => view! { <p>{Msg::SubscribeNone.text(lang)}</p> }.into_any(),
            Some(Ok(listed)) => {
                let matching = filters.with(|f: &Filters| publish::matching(lang, listed, place.as_deref(), f));
                offer(lang, matching, &index.get_value()).into_any()
            }
        })
    };
    // Escape closes the menu (and only the menu), its focus back on its button.
    let escape = move |e: leptos::ev::KeyboardEvent| {
        if e.key() == "Escape" && open.get_untracked() {
            e.stop_propagation();
            open.set(false);
            super::browser::refocus(&e, vec![".ma-subscribe-toggle".into()]);
        }
    };
    view! {
        <div class="ma-subscribe" on:keydown=escape>
            <button
                type="button"
                class="ma-button ma-button-quiet ma-subscribe-toggle"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=ids.of("subscribe-panel")
                on:click=toggle
            >
                {t(Msg::Subscribe)}
            </button>
            <div id=ids.of("subscribe-panel") class="ma-subscribe-panel" hidden=move || !open.get()>
                {move || open.get().then(panel)}
            </div>
        </div>
    }
}

/// The calendar's name and where to subscribe to it.
fn offer(lang: Lang, matching: Matching, index: &str) -> impl IntoView {
    let (calendar, instead) = match matching {
        Matching::Exact(calendar) => (calendar, false),
        Matching::AllInstead(calendar) => (calendar, true),
        Matching::Nothing => return view! { <p>{Msg::SubscribeNone.text(lang)}</p> }.into_any(),
    };
    // The calendars' paths are from the site's folder, where the list's `calendars/` is.
    let site = super::browser::resolve_url(index).unwrap_or_default();
    let site = site.strip_suffix(publish::INDEX).unwrap_or(&site);
    let address = format!("{site}{}", calendar.path);
    let links = publish::subscribe(&address, &calendar.name);
    view! {
        {instead.then(|| view! { <p class="ma-note">{Msg::SubscribeAllInstead.text(lang)}</p> })}
        <p class="ma-subscribe-name"><strong>{calendar.name.clone()}</strong></p>
        <ul class="ma-subscribe-links">
            <li><a href=links.webcal>{Msg::SubscribeApp.text(lang)}</a></li>
            <li><a href=links.google target="_blank" rel="noopener">{Msg::SubscribeGoogle.text(lang)}</a></li>
            <li><a href=links.outlook target="_blank" rel="noopener">{Msg::SubscribeOutlook.text(lang)}</a></li>
        </ul>
        <p class="ma-note">{Msg::SubscribeUpdates.text(lang)}</p>
    }
    .into_any()
}
