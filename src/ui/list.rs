//! The event list of the side panel: the listed events by edition and date, each a card
//! with its sessions that opens the event's details. It is also the text alternative of
//! the map and the timeline.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::date::{Day, Moment};
use crate::core::explore::{self};
use crate::core::feed::{Attendance, Edition, Event, Feed, Link, Session, Status, When};
use crate::core::i18n::{self, Lang, Msg};
use crate::core::load::Loaded;
use crate::core::query::{self, Selection, Timing};
use crate::core::timeline::{self, ListPage};
use crate::core::validate::is_safe_link;

use super::browser;
use super::context::{use_atlas, AtlasCtx};
use super::ids::ids;
use super::intl;

/// The list draws this many events at a time (and the narrow timeline as many): a
/// screenful or three, and a page's take-over attaches them in one turn (#23: at 50, the
/// longest of a 1,000-event page's take-over).
pub const LIST_PAGE: usize = 25;
/// A list opens at the event nearest today with at least this many events after it.
const LIST_MIN: usize = 12;

/// What every card of the list reads as it changes: a keystroke marks the words anew in
/// the cards that stay, and draws only the cards that come.
#[derive(Clone, Copy)]
struct Listing {
    page: Memo<ListPage>,
    words: Memo<Vec<String>>,
    selected: Memo<Option<String>>,
    selection: RwSignal<Option<Selection>>,
}

#[component]
pub fn EventList() -> impl IntoView {
    let atlas = use_atlas();
    let loaded = atlas.loaded();
    let AtlasCtx { lang, today, selection, listed, filters, .. } = atlas;
    // A long feed is shown a page at a time: the DOM stays small and every view stays fast.
    let limit = RwSignal::new(LIST_PAGE);
    // How many events before the one nearest today the reader asked to see.
    let earlier = RwSignal::new(0);
    // The order is the feed's: sorted once, then only filtered on each change.
    let order = query::by_edition_indices(&loaded.feed);
    let feed = loaded.clone();
    let page = Memo::new(move |_| {
        let span = |i: usize| feed.feed.events[i].span;
        let wanted = (earlier.get(), limit.get(), LIST_MIN);
        listed.with(|shown| timeline::list_page(&order, &|i| shown.contains(i), &span, today.get(), wanted))
    });
    let words = Memo::new(move |_| filters.with(|f| explore::search_words(&f.search)));
    let selected = Memo::new(move |_| match selection.get() {
        Some(Selection::Event(id)) => Some(id),
        _ => None,
    });
    let listing = Listing { page, words, selected, selection };
    // A language or a day changes every card: the list is drawn again.
    move || {
        let (lang, today, loaded) = (lang.get(), today.get(), loaded.clone());
        let feed = loaded.clone();
        let top = live(move || {
            page.with(|p| {
                let nearest_id = p.nearest.map(|i| feed.feed.events[i].id.clone());
                (p.opening > 0).then(|| list_top(lang, p.start, nearest_id, earlier, limit)).into_any()
            })
        });
        let more = live(move || {
            let left = page.with(|p| p.left);
            (left > 0)
                .then(|| {
                    view! {
                        <button type="button" class="ma-button ma-more" on:click=move |_| limit.update(|l| *l += LIST_PAGE)>
                            {i18n::show_more(lang, left.min(LIST_PAGE), left)}
                        </button>
                    }
                })
                .into_any()
        });
        let empty = live(move || {
            page.with(|p| p.groups.is_empty())
                .then(|| view! { <p class="ma-empty">{Msg::NoEvents.text(lang)}</p> })
                .into_any()
        });
        // Drawn again only when the editions on the page change; their events are keyed.
        let editions = Memo::new(move |_| page.with(|p| p.groups.iter().map(|(e, _)| *e).collect::<Vec<_>>()));
        let sections = {
            let loaded = loaded.clone();
            live(move || {
                let sections = editions.get().into_iter();
                sections
                    .map(|edition| edition_section(lang, loaded.clone(), edition, today, listing))
                    .collect_view()
                    .into_any()
            })
        };
        view! {
            {place_filter(lang, loaded.clone(), selection)}
            {empty}
            {top}
            {sections}
            {more}
        }
    }
}

/// "Events in <place>" with a way back to all, while a place on the map is picked.
fn place_filter(lang: Lang, loaded: Arc<Loaded>, selection: RwSignal<Option<Selection>>) -> AnyView {
    live(move || {
        let place = match selection.get() {
            Some(Selection::Place(id)) => loaded.feed.place(&id),
            _ => None,
        };
        place
            .map(|place| {
                view! {
                    <div class="ma-filter" role="status">
                        <h2 class="ma-filter-title">{i18n::events_in(lang, place.name.get(lang))}</h2>
                        <button type="button" class="ma-button ma-button-quiet" on:click=move |e| {
                            selection.set(None);
                            browser::refocus(&e, vec![".ma-panel .ma-event-open".into()]);
                        }>
                            {Msg::ShowAllEvents.text(lang)}
                        </button>
                    </div>
                }
            })
            .into_any()
    })
}

/// Above a list that opens at the event nearest today: Go to today (back there, focus on
/// it) and Show earlier events, when there are any (`start` of them).
fn list_top(
    lang: Lang,
    start: usize,
    nearest_id: Option<String>,
    earlier: RwSignal<usize>,
    limit: RwSignal<usize>,
) -> impl IntoView {
    let go_today = move |e: leptos::ev::MouseEvent| {
        earlier.set(0);
        limit.set(LIST_PAGE);
        if let Some(id) = &nearest_id {
            browser::refocus(&e, vec![format!(".ma-event[data-event='{id}'] .ma-event-open")]);
        }
    };
    let show_earlier = move |e: leptos::ev::MouseEvent| {
        let more = start.min(LIST_PAGE);
        earlier.update(|n| *n += more);
        limit.update(|l| *l += more);
        // The list is drawn again: focus comes back to this button, or to the first event.
        browser::refocus(&e, vec![".ma-list-top .ma-earlier".into(), ".ma-event .ma-event-open".into()]);
    };
    view! {
        <div class="ma-list-top">
            <button type="button" class="ma-button ma-button-quiet ma-go-today" on:click=go_today>
                {Msg::GoToday.text(lang)}
            </button>
            {(start > 0).then(|| view! {
                <button type="button" class="ma-button ma-button-quiet ma-earlier" on:click=show_earlier>
                    {Msg::ShowEarlier.text(lang)}
                </button>
            })}
        </div>
    }
}

/// An edition's events under its name, what it is about a click away; the events of no
/// edition under "Other events" (or "Events", in a feed without editions).
fn edition_section(
    lang: Lang,
    loaded: Arc<Loaded>,
    index: Option<usize>,
    today: Day,
    listing: Listing,
) -> impl IntoView {
    let feed = &loaded.feed;
    let edition = index.map(|i| &feed.editions[i]);
    let (heading_id, name) = match edition {
        Some(edition) => (ids().of(&format!("edition-{}", edition.id)), edition.name.get(lang)),
        None if feed.editions.is_empty() => (ids().of("edition-none"), Msg::Events.text(lang)),
        None => (ids().of("edition-none"), Msg::OtherEvents.text(lang)),
    };
    let labelled_by = heading_id.clone();
    let about = edition.map(|edition| {
        view! {
            // The events come first; what the edition is about is a click away.
            <details class="ma-edition-about">
                <summary><span class="ma-chevron" aria-hidden="true"></span>{Msg::AboutEdition.text(lang)}</summary>
                {edition.summary.as_ref().map(|s| view! { <p class="ma-edition-summary">{s.get(lang).to_owned()}</p> })}
                {sponsors_line(lang, feed, edition)}
            </details>
        }
    });
    let tour_sessions = edition.filter(|e| !e.sessions.is_empty()).map(|edition| {
        view! {
            <h3 class="ma-tour-title">{Msg::AlsoInEdition.text(lang)}</h3>
            <ul class="ma-sessions">
                {edition.sessions.iter().map(|s| session_item(lang, feed, s, Some(listing.words), true)).collect_view()}
            </ul>
        }
    });
    let name = name.to_owned();
    let cards = loaded.clone();
    view! {
        <section class="ma-edition" aria-labelledby=labelled_by>
            <h2 id=heading_id>{name}</h2>
            {about}
            <ol class="ma-events">
                <For each=move || listing.page.with(|p| p.of(index)) key=|i| *i let:event>
                    {list_card(lang, &cards, event, today, listing)}
                </For>
            </ol>
            {tour_sessions}
        </section>
    }
}

/// "Sponsors: …" of an edition, if it has any.
pub fn sponsors_line(lang: Lang, feed: &Feed, edition: &Edition) -> Option<impl IntoView> {
    let sponsors: Vec<&str> =
        edition.sponsors.iter().filter_map(|id| feed.organization(id)).map(|o| o.name.as_str()).collect();
    (!sponsors.is_empty()).then(|| {
        view! { <p class="ma-sponsors">{i18n::label(lang, Msg::Sponsors.text(lang))} " " {sponsors.join(", ")}</p> }
    })
}

/// An event as the list shows it: what, where, when and who, with its title opening the
/// details and a calendar download.
fn list_card(lang: Lang, loaded: &Arc<Loaded>, index: usize, today: Day, listing: Listing) -> impl IntoView {
    let feed = &loaded.feed;
    let event = &feed.events[index];
    let heading_id = ids().of(&format!("event-{}", event.id));
    let (labelled_by, described_by) = (heading_id.clone(), heading_id.clone());
    let pick = Selection::Event(event.id.clone());
    let id = event.id.clone();
    let is_selected = move || listing.selected.with(|s| s.as_deref() == Some(id.as_str()));
    let cancelled = event.status == Status::Cancelled;
    let words = Some(listing.words);
    let matched = {
        let loaded = loaded.clone();
        live(move || listing.words.with(|w| matched_line(lang, &loaded.feed, &loaded.feed.events[index], w).into_any()))
    };
    view! {
        <li class="ma-event" class:ma-selected=is_selected data-event=event.id.clone()>
            <article aria-labelledby=labelled_by class:ma-cancelled=cancelled>
                <h3 id=heading_id lang=written_in(lang, feed, &event.title)>
                    <button type="button" class="ma-event-open" on:click=move |_| listing.selection.set(Some(pick.clone()))>
                        {marked(event.title.get(lang), words)}
                    </button>
                </h3>
                {meta_line(lang, feed, event)}
                {when_line(lang, event, today)}
                {matched}
                {(!event.sessions.is_empty()).then(|| view! {
                    <ul class="ma-sessions ma-sessions-brief">
                        {event.sessions.iter().map(|s| session_item(lang, feed, s, words, false)).collect_view()}
                    </ul>
                })}
                {event_links(lang, event)}
                <p class="ma-card-actions">{calendar_button(lang, event, described_by)}</p>
            </article>
        </li>
    }
}

/// "Add to calendar" for one event; the event's heading (`heading_id`) describes it.
/// The file is made on the press, not with the card: a list redrawn on every keystroke
/// makes none.
pub fn calendar_button(lang: Lang, event: &Event, heading_id: String) -> impl IntoView {
    let atlas = use_atlas();
    let id = event.id.clone();
    let save = move |_| {
        let loaded = atlas.loaded();
        if let Some(event) = loaded.feed.event(&id) {
            let text = crate::core::ics::calendar(lang, &loaded.feed, &[event], super::browser::now_seconds());
            super::browser::download(&format!("{id}.ics"), "text/calendar", &text);
        }
    };
    view! {
        <button type="button" class="ma-button ma-button-quiet ma-ics" aria-describedby=heading_id on:click=save>
            {Msg::AddToCalendar.text(lang)}
        </button>
    }
}

/// What a search matched that the card does not show, if anything.
fn matched_line(lang: Lang, feed: &Feed, event: &Event, words: &[String]) -> Option<impl IntoView> {
    let why = explore::off_card(lang, feed, event, words);
    (!why.is_empty()).then(|| view! { <p class="ma-matched">{i18n::matched_off_card(lang, &why)}</p> })
}

/// Kind, place and host of an event.
fn meta_line(lang: Lang, feed: &Feed, event: &Event) -> impl IntoView {
    let place = event.place.as_deref().and_then(|id| feed.place(id));
    let attendance = event.attendance.map(|a| i18n::attendance_name(lang, a));
    // An online event needs no place; one said to be in person names it.
    let where_ = match (place, event.attendance) {
        (Some(place), _) => Some(query::place_name(lang, feed, place)),
        (None, Some(Attendance::Online)) => None,
        (None, _) => Some(Msg::PlaceNotStated.text(lang).to_owned()),
    };
    let host = event.host.as_deref().and_then(|id| feed.organization(id)).map(|o| i18n::hosted_by(lang, &o.name));
    // Of several feeds, the one it comes from.
    let from = event.from_feed.and_then(|i| feed.merged_from.get(i)).map(|title| {
        let written = written_in(lang, feed, title);
        view! { " · " <span class="ma-from">{Msg::FromFeed.text(lang)}" "<span lang=written>{title.get(lang).to_owned()}</span></span> }
    });
    view! {
        <p class="ma-meta">
            <span class="ma-kind">{i18n::event_kind_name(lang, event.kind)}</span>
            {attendance.map(|a| view! { " · " <span class="ma-attendance">{a}</span> })}
            {where_.map(|w| view! { " · " <span class="ma-place">{w}</span> })}
            {host.map(|h| view! { " · " <span class="ma-host">{h}</span> })}
            {from}
        </p>
    }
}

/// The event's time on the visitor's clock, where it differs: added once the page runs
/// (the prerender cannot know the visitor's zone, and a hydrated page must match it).
fn your_time(lang: Lang, event: &Event) -> Option<impl IntoView> {
    let when = event.when.clone();
    matches!(when, When::Datetime { .. }).then(|| {
        let shown = RwSignal::new(false);
        Effect::new(move |_| shown.set(true));
        move || {
            let text = shown.get().then(|| intl::your_time(lang, &when)).flatten();
            text.map(|text| view! { " " <span class="ma-your-time">{format!("({text})")}</span> })
        }
    })
}

/// When an event is, with a badge saying whether it is past or upcoming.
fn when_line(lang: Lang, event: &Event, today: Day) -> impl IntoView {
    let timing = match query::timing(event.span, today) {
        Timing::Past => Some(Msg::Past.text(lang)),
        Timing::Upcoming => Some(Msg::Upcoming.text(lang)),
        Timing::Now => None,
    };
    let status = match (event.status, event.previous_start.as_deref()) {
        (Status::Rescheduled, Some(was)) => {
            let day = Day::parse(was).or_else(|| Moment::parse(was).map(|m| m.local_day));
            day.map(|day| i18n::rescheduled_from(lang, &intl::format_day(lang, day, true)))
        }
        (status, _) => i18n::status_name(lang, status).map(str::to_owned),
    };
    view! {
        <p class="ma-when">
            <span class="ma-when-text">{intl::when_in_words(lang, &event.when, event.span)}</span>
            {your_time(lang, event)}
            {status.map(|s| view! { " " <span class="ma-badge ma-status">{s}</span> })}
            {timing.map(|t| view! { " " <span class="ma-badge">{t}</span> })}
        </p>
    }
}

/// Everything about one event; `id_prefix` keeps heading ids unique where it is shown twice.
pub fn event_card(lang: Lang, feed: &Feed, event: &Event, today: Day, id_prefix: &str) -> impl IntoView {
    let note = match &event.when {
        crate::core::feed::When::Between { note, .. } => Some(note.get(lang).to_owned()),
        _ => None,
    };
    let group =
        event.series.as_deref().and_then(|id| feed.series(id)).filter(|s| s.url.as_deref().is_some_and(is_safe_link));
    let heading_id = ids().of(&format!("{id_prefix}{}", event.id));
    let labelled_by = heading_id.clone();
    let cancelled = event.status == Status::Cancelled;
    view! {
        <article aria-labelledby=labelled_by class:ma-cancelled=cancelled>
                <h3 id=heading_id tabindex="-1" lang=written_in(lang, feed, &event.title)>{event.title.get(lang).to_owned()}</h3>
                {meta_line(lang, feed, event)}
                {when_line(lang, event, today)}
                {note.map(|n| view! { <p class="ma-note">{n}</p> })}
                {event.summary.as_ref().map(|s| view! { <p lang=written_in(lang, feed, s)>{s.get(lang).to_owned()}</p> })}
                {(!event.sessions.is_empty()).then(|| view! {
                    <h4>{Msg::Sessions.text(lang)}</h4>
                    <ul class="ma-sessions">
                        {event.sessions.iter().map(|s| session_item(lang, feed, s, None, true)).collect_view()}
                    </ul>
                })}
                {event_links(lang, event)}
                {group.map(|g| view! {
                    <p><a class="ma-group" href=g.url.clone().unwrap_or_default()>{i18n::join_group(lang, g.name.get(lang))}</a></p>
                })}
        </article>
    }
}

/// A session: its format, title, speakers and links, and with `full` its notes, summary
/// and topics too. (Links are in the list too: a page read without JavaScript, which
/// cannot open the details, still has every one.)
fn session_item(
    lang: Lang,
    feed: &Feed,
    session: &Session,
    words: Option<Memo<Vec<String>>>,
    full: bool,
) -> impl IntoView {
    let speakers = session
        .speakers
        .iter()
        .filter_map(|id| feed.person(id))
        .map(|person| {
            let mut about: Vec<String> = person
                .organization
                .as_deref()
                .and_then(|id| feed.organization(id))
                .map(|o| o.name.clone())
                .into_iter()
                .collect();
            about.extend(person.role.as_ref().map(|r| r.get(lang).to_owned()));
            let about = (!about.is_empty()).then(|| format!(" ({})", about.join(", ")));
            view! { <li><span class="ma-speaker">{marked(&person.name, words)}</span>{about}</li> }
        })
        .collect_view();
    let topics: Vec<&str> = session.topics.iter().filter_map(|id| feed.topic(id)).map(|t| t.name.get(lang)).collect();
    let repeat = session
        .repeat_of
        .as_deref()
        .and_then(|id| original_place(lang, feed, id))
        .map(|place| i18n::repeat_of(lang, &place));
    view! {
        <li class="ma-session">
            <p class="ma-session-title">
                <span class="ma-format">{i18n::format_name(lang, session.format)}</span>
                " "
                {if session.descriptive_title {
                    view! { <span class="ma-session-subject" lang=written_in(lang, feed, &session.title)>{marked(session.title.get(lang), words)}</span> }.into_any()
                } else {
                    let (open, close) = i18n::title_quotes(lang, false);
                    let title = marked(session.title.get(lang), words);
                    view! { <strong>{open}<span lang=written_in(lang, feed, &session.title)>{title}</span>{close}</strong> }.into_any()
                }}
            </p>
            <ul class="ma-speakers">{speakers}</ul>
            {full.then(|| view! {
                {repeat.map(|r| view! { <p class="ma-note">{r}</p> })}
                {session.location_note.as_ref().map(|n| view! { <p class="ma-note">{n.get(lang).to_owned()}</p> })}
                {session.summary.as_ref().map(|s| view! { <p lang=written_in(lang, feed, s)>{s.get(lang).to_owned()}</p> })}
                {(!topics.is_empty()).then(|| view! {
                    <p class="ma-topics">{i18n::label(lang, Msg::Topics.text(lang))} " " {topics.join(", ")}</p>
                })}
            })}
            {links(lang, &session.links)}
        </li>
    }
}

/// `text` with the search words marked — as text nodes inside `<mark>`, never as HTML —
/// again as they change; with no words (the details), as it is.
fn marked(text: &str, words: Option<Memo<Vec<String>>>) -> AnyView {
    let Some(words) = words else { return text.to_owned().into_any() };
    let text = text.to_owned();
    live(move || {
        words.with(|words| {
            explore::highlight(&text, words)
                .into_iter()
                .map(|(piece, hit)| {
                    let piece = piece.to_owned();
                    if hit {
                        view! { <mark>{piece}</mark> }.into_any()
                    } else {
                        piece.into_any()
                    }
                })
                .collect_view()
                .into_any()
        })
    })
}

/// A part drawn again as what it reads changes. Every such part of the list is this one
/// type (a shared closure), so the wasm holds the reactive drawing code once rather than
/// once per part.
fn live(draw: impl FnMut() -> AnyView + Send + 'static) -> AnyView {
    let draw: Arc<std::sync::Mutex<dyn FnMut() -> AnyView + Send>> = Arc::new(std::sync::Mutex::new(draw));
    draw.into_any()
}

/// The place name of the event where a session was first given.
fn original_place(lang: Lang, feed: &Feed, session_id: &str) -> Option<String> {
    let event = feed.events.iter().find(|e| e.sessions.iter().any(|s| s.id == session_id))?;
    Some(feed.place(event.place.as_deref()?)?.name.get(lang).to_owned())
}

/// The language `text` is written in when it is not `lang` (a text the source gave in one
/// language), for its element's `lang`: shown as written, never as a translation.
pub fn written_in(lang: Lang, feed: &Feed, text: &crate::core::feed::Text) -> Option<String> {
    text.written_in(lang, feed.source.as_ref().map(|s| s.language.as_str())).map(str::to_owned)
}

/// The event's links, the address to join it online first.
fn event_links(lang: Lang, event: &Event) -> impl IntoView {
    let online =
        event.online_url.iter().filter(|url| is_safe_link(url)).map(|url| {
            view! { <li><a class="ma-join" href=url.clone()>{Msg::JoinOnline.text(lang)}</a></li> }.into_any()
        });
    link_list(online.chain(safe(&event.links).map(|link| link_item(lang, link))).collect())
}

fn links(lang: Lang, links: &[Link]) -> impl IntoView {
    link_list(safe(links).map(|link| link_item(lang, link)).collect())
}

/// The links that may be followed (the feed's loading left out the others; a saved copy may not have).
fn safe(links: &[Link]) -> impl Iterator<Item = &Link> {
    links.iter().filter(|link| is_safe_link(&link.url))
}

fn link_list(items: Vec<AnyView>) -> Option<impl IntoView> {
    (!items.is_empty()).then(|| view! { <ul class="ma-links">{items}</ul> })
}

/// A link as "Slides: speakerdeck.com".
fn link_item(lang: Lang, link: &Link) -> AnyView {
    view! {
        <li>
            {i18n::label(lang, i18n::link_kind_name(lang, link.kind))} " "
            <a href=link.url.clone()>{query::link_text(lang, link)}</a>
        </li>
    }
    .into_any()
}
