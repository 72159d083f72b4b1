use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::feed::{self, Loaded};
use crate::core::i18n::{self, Lang, LoadError, Msg};
use crate::core::explore;
use crate::core::query::Selection;

use super::browser::{fetch_text, parse_json, sync_url, url_state};
use super::filters::FilterPanel;
use super::intl;
use super::lang_toggle::LangToggle;
use super::list::EventList;
use super::map::Map;
use super::timeline::{Details, Timeline};
use super::status::{LoadFailed, Loading, Problems};

#[derive(Clone)]
enum LoadState {
    Loading,
    Failed(LoadError),
    Ready(Arc<Loaded>),
}

/// The whole widget: fetches the feed, then shows it.
#[component]
pub fn App(feed_url: String, #[prop(into)] basemap_url: String, lang: Lang) -> impl IntoView {
    let lang = RwSignal::new(lang);
    let state = RwSignal::new(LoadState::Loading);
    let load = Callback::new(move |()| {
        state.set(LoadState::Loading);
        let url = feed_url.clone();
        spawn_local(async move { state.set(fetch_feed(&url).await) });
    });
    load.run(());

    let title = move || match state.get() {
        LoadState::Ready(loaded) => loaded.feed.title.get(lang.get()).to_owned(),
        _ => Msg::AppName.text(lang.get()).to_owned(),
    };
    view! {
        <div class="meetup-atlas" lang=move || lang.get().tag()>
            <header class="ma-header">
                <h1 class="ma-title">{title}</h1>
                <LangToggle lang />
            </header>
            {move || match state.get() {
                LoadState::Loading => view! { <Loading lang /> }.into_any(),
                LoadState::Failed(error) => view! { <LoadFailed lang error retry=load /> }.into_any(),
                LoadState::Ready(loaded) => view! { <Atlas loaded lang basemap_url=basemap_url.clone() /> }.into_any(),
            }}
        </div>
    }
}

async fn fetch_feed(url: &str) -> LoadState {
    let loaded = fetch_text(url)
        .await
        .and_then(|text| parse_json(&text).map_err(|detail| LoadError::Feed(feed::FeedError::NotJson(detail))))
        .and_then(|value| feed::load_json(&value).map_err(LoadError::Feed));
    match loaded {
        Ok(loaded) => LoadState::Ready(Arc::new(loaded)),
        Err(error) => LoadState::Failed(error),
    }
}

/// A loaded feed: its summary, its problems if any, and its events.
#[component]
pub fn Atlas(loaded: Arc<Loaded>, lang: RwSignal<Lang>, #[prop(into)] basemap_url: String) -> impl IntoView {
    let today = intl::today();
    // What a link asked for; ids the feed does not have are ignored.
    let linked = url_state();
    let known = {
        let loaded = loaded.clone();
        move |selection: Option<Selection>| match &selection {
            Some(Selection::Place(id)) if loaded.feed.place(id).is_some() => selection,
            Some(Selection::Event(id)) if loaded.feed.events.iter().any(|e| &e.id == id) => selection,
            _ => None,
        }
    };
    let selection = RwSignal::new(known(linked.selection));
    let filters = RwSignal::new(linked.filters);
    let centre = RwSignal::new(linked.map);
    sync_url(lang, selection, filters, centre, known);
    let prepared = Arc::new(explore::prepare(&loaded.feed));
    let shown = {
        let loaded = loaded.clone();
        let prepared = prepared.clone();
        Memo::new(move |_| filters.with(|f| explore::shown(&loaded.feed, &prepared, f, today)))
    };
    let summary = {
        let loaded = loaded.clone();
        move || {
            let lang = lang.get();
            let feed = &loaded.feed;
            let meetups = feed.events.iter().filter(|e| e.kind == feed::EventKind::Meetup).count();
            let sessions = feed.events.iter().map(|e| e.sessions.len()).sum::<usize>()
                + feed.editions.iter().map(|e| e.sessions.len()).sum::<usize>();
            let description = feed.description.as_ref().map(|d| d.get(lang).to_owned());
            view! {
                {description.map(|d| view! { <p class="ma-description">{d}</p> })}
                <p class="ma-counts">{format!("{} · {}", i18n::meetups(lang, meetups), i18n::sessions(lang, sessions))}</p>
            }
        }
    };
    let source = {
        let loaded = loaded.clone();
        move || {
            let lang = lang.get();
            let feed = &loaded.feed;
            feed.source.as_ref().map(|source| {
                let publisher = feed.organization(&source.publisher).map(|o| o.name.clone()).unwrap_or_default();
                let published = crate::core::date::Day::parse(&source.published)
                    .map(|day| intl::format_day(day, lang, true))
                    .unwrap_or_default();
                view! {
                    <footer class="ma-source">
                        {i18n::label(lang, Msg::Source.text(lang))} " "
                        <cite lang=source.language.clone()>{source.title.clone()}</cite>
                        {format!(", {publisher}, {published}.")}
                    </footer>
                }
            })
        }
    };
    let escape = move |e: leptos::ev::KeyboardEvent| {
        if e.key() == "Escape" && selection.get_untracked().is_some() {
            selection.set(None);
        }
    };
    view! {
        <div class="ma-atlas" on:keydown=escape>
            <div class="ma-summary">{summary}</div>
            <Problems loaded=loaded.clone() lang />
            <FilterPanel loaded=loaded.clone() prepared lang filters shown />
            <Map loaded=loaded.clone() lang selection today basemap_url shown centre />
            <Timeline loaded=loaded.clone() lang selection today shown />
            <Details loaded=loaded.clone() lang selection today />
            <EventList loaded=loaded.clone() lang today selection shown filters />
            {source}
        </div>
    }
}
