use std::sync::Arc;

use leptos::prelude::*;

use crate::core::basemap::Basemap;
use crate::core::date::Day;
use crate::core::embed::{Hidden, Mode, Panels};
use crate::core::explore::Filters;
use crate::core::i18n::{self, Lang, Msg};
use crate::core::load::{LoadError, Loaded};
use crate::core::merge;
use crate::core::page::Page;
use crate::core::query::Selection;
use crate::core::url_state::{MapCentre, UrlState};

use super::context::{use_atlas, AtlasCtx};
use super::embed::EmbedButton;
use super::fetch::{fetch_text_saved, load_in_steps, Abort, Saved};
use super::intl;
use super::lang_toggle::LangToggle;
use super::map::Map;
use super::panel::SidePanel;
use super::status::{FeedsFailed, LoadFailed, Loading, Problems, SavedCopy};
use super::timeline::Timeline;
use super::toolbar::Toolbar;
use super::url_sync::{sync_url, url_state, Addressing};
use crate::ui::ids::Ids;
use crate::ui::turns::{all_attached, in_turn, LaidOut};
use crate::ui::words::{t, ShownLang};

/// Everything an atlas is told when it is mounted.
#[derive(Clone, Debug)]
pub struct Setup {
    pub feed_url: String,
    pub basemap_url: String,
    pub lang: Lang,
    pub panels: Panels,
    pub hidden: Hidden,
    pub mode: Mode,
    /// The feed and basemap already in hand: then nothing is fetched and the atlas is
    /// drawn whole at once, as the build's prerender draws it.
    pub ready: Option<Ready>,
    /// On a prerendered page, which one: the language control links to the other
    /// language's page, so it works without JavaScript too; an event's page opens on it.
    pub page: Option<Page>,
    /// The page is the published feed's as the build drew it, so each of its events has a
    /// page (`events/<id>/`): selecting one moves the address there.
    pub event_pages: bool,
    /// The feed's first fetch, made before drawing (over a prerendered page), failed:
    /// that is shown at once, with a retry, rather than fetched again.
    pub failed: Option<LoadError>,
    /// Which atlas of the page it is: its elements' ids are its own.
    pub ids: Ids,
}

/// A feed and basemap in hand: the build's, or what the browser fetched before drawing
/// over the prerendered page.
#[derive(Clone, Debug)]
pub struct Ready {
    pub feed: Arc<Loaded>,
    pub saved: Option<Saved>,
    /// `None` if it could not be had: the map then fetches it itself.
    pub basemap: Option<Arc<Basemap>>,
    /// The day to draw first (the build's, on a prerendered page); the visitor's follows.
    pub today: Day,
    /// Drawn afresh over a prerendered page: the sizes its views were laid out at.
    pub laid_out: LaidOut,
}

impl Setup {
    /// An atlas in `lang` of `feed_url` (one address, or several separated by spaces), as
    /// `mode` shows it, with every panel and nothing in hand yet: the one place a `Setup`
    /// is made; each host then says what it asks for (`asking`), or has (`ready`).
    pub fn new(lang: Lang, mode: Mode, feed_url: impl Into<String>, basemap_url: impl Into<String>) -> Setup {
        Setup {
            feed_url: feed_url.into(),
            basemap_url: basemap_url.into(),
            lang,
            panels: Panels::ALL,
            hidden: Hidden::default(),
            mode,
            ready: None,
            page: None,
            event_pages: false,
            failed: None,
            ids: Ids::default(),
        }
    }

    /// The hosted page: the bundled basemap beside the feed, every panel.
    pub fn page(lang: Lang, feed_url: impl Into<String>) -> Setup {
        Setup::new(lang, Mode::Page, feed_url, "basemap.json")
    }

    /// The panels (`views`) and parts (`hide`) a host asks for, as its attributes or the
    /// query write them; what it does not say stays as it was.
    pub fn asking(self, views: Option<&str>, hide: Option<&str>) -> Setup {
        Setup {
            panels: views.map_or(self.panels, Panels::parse),
            hidden: hide.map_or(self.hidden, Hidden::parse),
            ..self
        }
    }
}

/// A feed as loaded, with when and why it was saved if the network failed and a saved
/// copy was shown instead.
type FeedLoad = Result<(Arc<Loaded>, Option<Saved>), LoadError>;

/// The whole widget: fetches the feed, then shows it.
#[component]
pub fn App(setup: Setup) -> impl IntoView {
    let Setup { feed_url, basemap_url, lang, panels, hidden, mode, ready, page, event_pages, failed, ids } = setup;
    provide_context(ids);
    provide_context(ready.as_ref().map(|r| r.laid_out).unwrap_or_default());
    let lang = RwSignal::new(lang);
    provide_context(ShownLang(lang.read_only()));
    // Each press of Try again is a new attempt; what is shown is the current attempt's result.
    let attempt = RwSignal::new(0u32);
    // The request under way: aborted by a retry, or when the atlas is removed.
    let request = StoredValue::new(None::<Abort>);
    on_cleanup(move || {
        if let Some(abort) = request.try_get_value().flatten() {
            abort.abort();
        }
    });
    let in_hand = ready.as_ref().map(|r| (r.feed.clone(), r.saved));
    let feed = in_hand.is_none().then(|| {
        let feed_url = feed_url.clone();
        LocalResource::new(move || {
            let number = attempt.get();
            let abort = Abort::new();
            if let Some(previous) = request.try_get_value().flatten() {
                previous.abort();
            }
            request.try_set_value(Some(abort.clone()));
            let url = feed_url.clone();
            let failed = failed.clone().filter(|_| number == 0);
            async move {
                match failed {
                    Some(error) => (number, Err(error)),
                    None => (number, fetch_feed(&url, &abort).await),
                }
            }
        })
    });
    // The current attempt's result, or `None` while it loads.
    let outcome = Signal::derive(move || match (&in_hand, feed) {
        (Some(feed), _) => Some(Ok(feed.clone())),
        (None, Some(feed)) => feed.get().filter(|(number, _)| *number == attempt.get()).map(|(_, outcome)| outcome),
        (None, None) => None,
    });
    let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
    let slow = slow_notice(attempt, move || outcome.get().is_none());

    let title = move || match outcome.get() {
        Some(Ok((loaded, _))) => loaded.feed.title.get(lang.get()).to_owned(),
        _ => Msg::AppName.text(lang.get()).to_owned(),
    };
    // The page whose address is shown: the prerendered one, then (with a page per event)
    // the selected event's; the language links and the embed's root are relative to it.
    let shown_page = page.clone().map(RwSignal::new);
    let root_class = match mode {
        Mode::Frame => "meetup-atlas ma-compact",
        Mode::Page | Mode::Element => "meetup-atlas",
    };
    view! {
        <div class=root_class lang=move || lang.get().tag()>
            {move || matches!(outcome.get(), Some(Ok(_))).then(|| view! {
                <a class="ma-skip" href=format!("#{}", ids.of("events")) on:click=skip_to_events>{t(Msg::SkipToEvents)}</a>
            })}
            // Its content, like the footer's, attached in a turn of its own (`ui::turns`).
            {(!hidden.header).then(|| {
                let (slot, feed_url) = (NodeRef::new(), feed_url.clone());
                view! {
                    <header class="ma-header" node_ref=slot>
                        {in_turn(slot, "header", move || view! {
                            <h1 class="ma-title">{title}</h1>
                            {(mode == Mode::Page).then(|| {
                                let root = Signal::derive(move || {
                                    shown_page.map_or_else(|| "./".to_owned(), |page| page.with(|page| page.link_to(&Page::atlas(Lang::En))))
                                });
                                view! { <EmbedButton lang feed_url panels root /> }
                            })}
                            <LangToggle lang remember=mode.owns_page() page=shown_page.map(Signal::from) />
                        }.into_any())}
                    </header>
                }
            })}
            {move || match outcome.get() {
                None => view! { <Loading slow /> }.into_any(),
                Some(Err(error)) => view! { <LoadFailed lang error retry /> }.into_any(),
                Some(Ok((loaded, saved))) => view! {
                    {saved.map(|saved| view! { <SavedCopy lang saved /> })}
                    <FeedsFailed lang failed=loaded.failed.clone() />
                    <Atlas
                        loaded
                        lang
                        calendars=crate::core::publish::index_beside(&feed_url)
                        basemap_url=basemap_url.clone()
                        panels
                        mode
                        with_filters=!hidden.filters
                        basemap=ready.as_ref().and_then(|r| r.basemap.clone())
                        first_day=ready.as_ref().map(|r| r.today)
                        page=shown_page
                        event_pages
                    />
                }
                .into_any(),
            }}
        </div>
    }
}

/// The skip link: focuses the events panel of its own atlas (a `#` link cannot reach
/// into the element's shadow root).
fn skip_to_events(e: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let atlas = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|a| a.closest(".meetup-atlas").ok().flatten());
    if let Some(atlas) = atlas {
        e.prevent_default();
        super::browser::focus_first(&atlas, ".ma-panel");
    }
}

/// When the loading message adds that the server is slow.
const SLOW_AFTER: std::time::Duration = std::time::Duration::from_secs(5);

/// Set once an attempt has gone unanswered for `SLOW_AFTER`.
fn slow_notice(attempt: RwSignal<u32>, loading: impl Fn() -> bool + Send + Sync + 'static) -> RwSignal<bool> {
    let slow = RwSignal::new(false);
    let loading = std::sync::Arc::new(loading);
    Effect::new(move |_| {
        let number = attempt.get();
        slow.set(false);
        let loading = loading.clone();
        set_timeout(
            move || {
                if attempt.try_get_untracked() == Some(number) && loading() {
                    slow.try_set(true);
                }
            },
            SLOW_AFTER,
        );
    });
    slow
}

/// Fetches and loads the feed, or the several feeds (addresses separated by spaces) merged.
async fn fetch_feed(url: &str, abort: &Abort) -> FeedLoad {
    let addresses = merge::addresses(url);
    if addresses.len() <= 1 {
        let (text, saved) = fetch_text_saved(url.trim(), abort).await?;
        let loaded = load_in_steps(&text).await.map_err(LoadError::Feed)?;
        return Ok((Arc::new(loaded), saved));
    }
    let mut fetched = Vec::new();
    let mut first_saved = None;
    for address in addresses {
        let text = fetch_text_saved(address, abort).await.map(|(text, saved)| {
            first_saved = first_saved.or(saved);
            text
        });
        fetched.push((address.to_owned(), text));
    }
    Ok((Arc::new(merge::load_all(fetched)?), first_saved))
}

/// The hosted page's title and `<html lang>` follow the language and the selection, so a
/// tab, a bookmark and a screen reader name what is shown.
fn follow_in_page_title(loaded: Arc<Loaded>, lang: RwSignal<Lang>, selection: RwSignal<Option<Selection>>) {
    Effect::new(move |_| {
        let lang = lang.get();
        let feed = &loaded.feed;
        let name = feed.title.get(lang);
        let title = match selection.get() {
            Some(Selection::Event(id)) => feed.event(&id).map(|e| e.title.get(lang).to_owned()),
            Some(Selection::Place(id)) => feed.place(&id).map(|p| i18n::events_in(lang, p.name.get(lang))),
            None => None,
        };
        let document = document();
        document.set_title(&title.map_or_else(|| name.to_owned(), |t| format!("{t} — {name}")));
        if let Some(html) = document.document_element() {
            let _ = html.set_attribute("lang", lang.tag());
        }
    });
}

/// A loaded feed: its summary, its problems if any, and its events.
#[component]
pub fn Atlas(
    loaded: Arc<Loaded>,
    lang: RwSignal<Lang>,
    #[prop(into)] basemap_url: String,
    #[prop(optional)] panels: Panels,
    #[prop(default = Mode::Page)] mode: Mode,
    /// Whether the Filters button is offered (an embed may leave it out).
    #[prop(default = true)]
    with_filters: bool,
    /// The basemap, if already in hand.
    #[prop(default = None)]
    basemap: Option<Arc<Basemap>>,
    /// Set when the atlas is drawn as the build's prerender draws it: whole at once, on
    /// that day, with the link's view applied once drawn (the build had no link).
    #[prop(default = None)]
    first_day: Option<Day>,
    /// The prerendered page it is drawn in, if any (see `Setup`); with a page per event, it
    /// then follows the selection, as the address does.
    #[prop(default = None)]
    page: Option<RwSignal<Page>>,
    /// Whether each event has a page to move the address to (see `Setup`).
    #[prop(default = false)]
    event_pages: bool,
    /// Where the list of the feed's published calendars is, for Subscribe (`core::publish`).
    #[prop(default = None)]
    calendars: Option<String>,
) -> impl IntoView {
    let as_prerendered = first_day.is_some();
    let today = visitor_day(first_day);
    let shown_page = page;
    let page = shown_page.map(|page| page.get_untracked());
    // Where the view is written in the address: only on the page the atlas owns.
    let addressing = if mode.owns_page() { Addressing::of(page.as_ref(), event_pages) } else { Addressing::default() };
    // What a link asked for; ids the feed does not have are ignored. An element on
    // someone else's page leaves that page's address alone. An event's page opens on it.
    let linked = if mode == Mode::Element || as_prerendered { UrlState::default() } else { url_state(&addressing) };
    let known = {
        let loaded = loaded.clone();
        move |selection: Option<Selection>| match &selection {
            Some(Selection::Place(id)) if loaded.feed.place(id).is_some() => selection,
            Some(Selection::Event(id)) if loaded.feed.event(id).is_some() => selection,
            _ => None,
        }
    };
    let page_event = page.as_ref().and_then(|p| p.event.clone()).map(Selection::Event);
    let selection = RwSignal::new(known(linked.selection.or(page_event)));
    let filters = RwSignal::new(linked.filters);
    let centre = RwSignal::new(linked.map);
    if as_prerendered && mode != Mode::Element {
        // Read now, before anything writes the address.
        apply_when_attached(url_state(&addressing), known.clone(), selection, filters, centre);
    }
    if let (Some(shown), Some(_)) = (shown_page, &addressing.root) {
        let addressing = addressing.clone();
        Effect::new(move |_| {
            if let Some(page) = selection.with(|s| addressing.page_of(lang.get(), s.as_ref())) {
                shown.set(page);
            }
        });
    }
    let flush_url = mode.owns_page().then(|| sync_url(lang, selection, filters, centre, known, addressing));
    if mode.owns_page() {
        follow_in_page_title(loaded.clone(), lang, selection);
    }
    let atlas = AtlasCtx::new(loaded.clone(), lang.read_only(), selection, filters, today);
    provide_context(atlas);
    // The atlas' language for `t`, also where an atlas is drawn without an `App` around it.
    provide_context(ShownLang(lang.read_only()));
    // The toolbar, the map, the timeline and the list are drawn a task later each, in
    // page order: one long task at start-up becomes five shorter ones, and a phone
    // answers input in between.
    let stage = RwSignal::new(if as_prerendered { 4 } else { 0 });
    for next in (stage.get_untracked() + 1)..=4 {
        // try_set: the atlas may be gone (an element removed at once) when the timer fires.
        set_timeout(
            move || {
                stage.try_set(next);
            },
            std::time::Duration::ZERO,
        );
    }
    let drawn_from = move |at: u8| Memo::new(move |_| stage.get() >= at);
    let (toolbar_drawn, map_drawn, timeline_drawn, list_drawn) =
        (drawn_from(1), drawn_from(2), drawn_from(3), drawn_from(4));
    let main_class = match (panels.map, panels.list) {
        (true, true) => "ma-main ma-main-split",
        _ => "ma-main",
    };
    let escape = move |e: leptos::ev::KeyboardEvent| {
        if e.key() == "Escape" && selection.get_untracked().is_some() {
            selection.set(None);
        }
    };
    view! {
        <div class="ma-atlas" on:keydown=escape on:focusin=move |e| atlas.note_focus(&e)>
            <Problems />
            {move || toolbar_drawn.get().then(|| view! { <Toolbar flush_url with_filters calendars=calendars.clone() /> })}
            <div class=main_class>
                {panels.map.then_some({
                    move || map_drawn.get().then(|| view! { <Map basemap_url=basemap_url.clone() centre basemap=basemap.clone() /> })
                })}
                // Made as the map is, when the tree is attached, not when it is built: the
                // take-over then attaches its parts in page order (`ui::turns`).
                {move || view! { <SidePanel with_list=panels.list list_drawn /> }}
            </div>
            {panels.timeline.then_some({
                move || timeline_drawn.get().then(|| view! { <Timeline /> })
            })}
            // Last, so that nothing drawn before it moves down as the rest comes in.
            {move || list_drawn.get().then(|| view! { <About /> })}
        </div>
    }
}

/// Applies a link's view to a prerendered atlas once every part is attached to what the
/// build drew (`ui::turns`): sooner, a part would meet nodes it does not draw.
fn apply_when_attached(
    asked: UrlState,
    known: impl Fn(Option<Selection>) -> Option<Selection> + 'static,
    selection: RwSignal<Option<Selection>>,
    filters: RwSignal<Filters>,
    centre: RwSignal<Option<MapCentre>>,
) {
    if asked == UrlState::default() {
        return;
    }
    let attached = all_attached();
    Effect::new(move |applied: Option<bool>| {
        if applied == Some(true) || !attached.get() {
            return applied.unwrap_or(false);
        }
        selection.set(known(asked.selection.clone()));
        filters.set(asked.filters.clone());
        centre.set(asked.map);
        true
    });
}

/// The day the atlas is drawn on: the visitor's, or first the build's (`first_day`) and
/// then the visitor's, once drawn.
fn visitor_day(first_day: Option<Day>) -> RwSignal<Day> {
    let today = RwSignal::new(first_day.unwrap_or_else(intl::today));
    if first_day.is_some() {
        let attached = all_attached();
        Effect::new(move |_| {
            if !attached.get() {
                return;
            }
            let visitor = intl::today();
            if today.get_untracked() != visitor {
                today.set(visitor);
            }
        });
    }
    today
}

/// The footer: what the feed is, its counts, and where it comes from.
#[component]
fn About() -> impl IntoView {
    let atlas = use_atlas();
    let (loaded, lang) = (atlas.loaded(), atlas.lang);
    let summary = {
        let loaded = loaded.clone();
        move || {
            let lang = lang.get();
            let feed = &loaded.feed;
            let things = i18n::Things::of(feed.events.iter().map(|e| e.kind));
            let sessions = feed.events.iter().map(|e| e.sessions.len()).sum::<usize>()
                + feed.editions.iter().map(|e| e.sessions.len()).sum::<usize>();
            let description = feed.description.as_ref().map(|d| d.get(lang).to_owned());
            view! {
                <h2 class="ma-section-title">{things.about(lang)}</h2>
                {description.map(|d| view! { <p class="ma-description">{d}</p> })}
                <p class="ma-counts">{format!("{} · {}", i18n::kinds_count(lang, feed.events.iter().map(|e| e.kind)), i18n::sessions(lang, sessions))}</p>
            }
        }
    };
    let source = move || {
        let lang = lang.get();
        let feed = &loaded.feed;
        feed.source.as_ref().map(|source| {
            let publisher =
                source.publisher.as_deref().and_then(|id| feed.organization(id)).map(|o| format!(", {}", o.name));
            let published =
                Day::parse(&source.published).map(|day| intl::format_day(lang, day, true)).unwrap_or_default();
            view! {
                <p class="ma-source">
                    {i18n::label(lang, Msg::Source.text(lang))} " "
                    <cite lang=source.language.clone()>{source.title.clone()}</cite>
                    {format!("{}, {published}.", publisher.unwrap_or_default())}
                </p>
            }
        })
    };
    let slot = NodeRef::new();
    view! { <footer class="ma-about" node_ref=slot>{in_turn(slot, "about", move || view! { {summary} {source} }.into_any())}</footer> }
}
