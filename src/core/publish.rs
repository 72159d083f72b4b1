//! What a feed publishes beside the atlas, as static files: calendars to subscribe to at
//! stable addresses (all events; each place, series and topic), in both languages, with a
//! list of them (`calendars/index.json`) that the atlas reads to offer Subscribe. Made at
//! build time for the bundled feed (`feed-publish`, run by the post-build hook) and by
//! the same command for any feed.

use serde::{Deserialize, Serialize};

use super::explore::{Facet, Filters};
use super::feed::{Event, Feed};
use super::i18n::Lang;
use super::ics::{self, Stamps};
use super::url_state::encode;

/// A file to write: its path under the output folder, and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub path: String,
    pub text: String,
}

/// What a calendar holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    All,
    Place,
    Series,
    Topic,
}

/// One published calendar, as `calendars/index.json` lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Listed {
    pub scope: Scope,
    /// The place, series or topic id (none for all events).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub lang: String,
    /// Relative to the site: `calendars/place/toronto.en.ics`.
    pub path: String,
    pub name: String,
    pub events: usize,
}

/// The events a calendar of `scope` and `id` holds.
fn events_of<'f>(feed: &'f Feed, scope: Scope, id: &str) -> Vec<&'f Event> {
    let topics = |e: &Event| e.topics.iter().chain(e.sessions.iter().flat_map(|s| &s.topics)).any(|t| t == id);
    feed.events
        .iter()
        .filter(|e| match scope {
            Scope::All => true,
            Scope::Place => e.place.as_deref() == Some(id),
            Scope::Series => e.series.as_deref() == Some(id),
            Scope::Topic => topics(e),
        })
        .collect()
}

/// The calendars of a feed, and their list. `site`: where the atlas is served
/// (`https://events.example.org/atlas/`), for each event's `URL`; without it there is none.
pub fn calendars(feed: &Feed, site: Option<&str>) -> Vec<File> {
    let mut scopes: Vec<(Scope, Option<&str>)> = vec![(Scope::All, None)];
    scopes.extend(feed.places.iter().map(|p| (Scope::Place, Some(p.id.as_str()))));
    scopes.extend(feed.series.iter().map(|s| (Scope::Series, Some(s.id.as_str()))));
    scopes.extend(feed.topics.iter().map(|t| (Scope::Topic, Some(t.id.as_str()))));
    let mut files = Vec::new();
    let mut listed = Vec::new();
    for (scope, id) in scopes {
        let events = events_of(feed, scope, id.unwrap_or(""));
        if events.is_empty() {
            continue;
        }
        for lang in [Lang::En, Lang::Fr] {
            let title = feed.title.get(lang);
            let name = match (scope, id) {
                (Scope::Place, Some(id)) => feed.place(id).map(|p| format!("{title} — {}", p.name.get(lang))),
                (Scope::Series, Some(id)) => feed.series(id).map(|s| s.name.get(lang).to_owned()),
                (Scope::Topic, Some(id)) => feed.topic(id).map(|t| format!("{title} — {}", t.name.get(lang))),
                _ => None,
            }
            .unwrap_or_else(|| title.to_owned());
            let folder = match scope {
                Scope::All => String::new(),
                Scope::Place => "place/".into(),
                Scope::Series => "series/".into(),
                Scope::Topic => "topic/".into(),
            };
            let path = format!("calendars/{folder}{}.{}.ics", id.unwrap_or("all"), lang.tag());
            let text = ics::calendar_named(feed, &events, lang, &name, Stamps::Feed { site });
            listed.push(Listed {
                scope,
                id: id.map(str::to_owned),
                lang: lang.tag().into(),
                path: path.clone(),
                name,
                events: events.len(),
            });
            files.push(File { path, text });
        }
    }
    let index = serde_json::to_string_pretty(&listed).unwrap_or_default();
    files.push(File { path: INDEX.into(), text: index + "\n" });
    files
}

/// The published calendar for what is shown, in `lang`.
#[derive(Clone, Debug, PartialEq)]
pub enum Matching<'a> {
    /// One holds exactly it: all events, the selected or filtered place, the filtered topic.
    Exact(&'a Listed),
    /// What is shown (a search, several filters) has none of its own: all events instead.
    AllInstead(&'a Listed),
    /// None is published.
    Nothing,
}

/// Which calendar to offer for `place` (the selected one) and `filters`. Whether past or
/// upcoming events are shown makes no difference: a subscription follows both.
pub fn matching<'a>(listed: &'a [Listed], lang: Lang, place: Option<&str>, filters: &Filters) -> Matching<'a> {
    let find = |scope: Scope, id: Option<&str>| {
        listed.iter().find(|c| c.scope == scope && c.id.as_deref() == id && c.lang == lang.tag())
    };
    let Some(all) = find(Scope::All, None) else { return Matching::Nothing };
    let searched = !filters.search.trim().is_empty();
    let one: Option<(Scope, &str)> = match (place, filters.chosen.len(), searched) {
        (Some(place), 0, false) => Some((Scope::Place, place)),
        (None, 0, false) => return Matching::Exact(all),
        (None, 1, false) => filters.chosen.iter().next().and_then(|(facet, id)| match facet {
            Facet::Place => Some((Scope::Place, id.as_str())),
            Facet::Topic => Some((Scope::Topic, id.as_str())),
            _ => None,
        }),
        _ => None,
    };
    match one.and_then(|(scope, id)| find(scope, Some(id))) {
        Some(calendar) => Matching::Exact(calendar),
        None => Matching::AllInstead(all),
    }
}

/// Where to subscribe to a calendar at `address` (absolute, http or https) named `name`.
#[derive(Clone, Debug, PartialEq)]
pub struct Subscribe {
    /// For the calendar app of the device (`webcal:`).
    pub webcal: String,
    pub google: String,
    pub outlook: String,
}

pub fn subscribe(address: &str, name: &str) -> Subscribe {
    let rest = address.strip_prefix("https://").or_else(|| address.strip_prefix("http://")).unwrap_or(address);
    let webcal = format!("webcal://{rest}");
    Subscribe {
        google: format!("https://calendar.google.com/calendar/r?cid={}", encode(&webcal)),
        outlook: format!(
            "https://outlook.live.com/calendar/0/addfromweb?url={}&name={}",
            encode(address),
            encode(name)
        ),
        webcal,
    }
}

/// Where the calendars of a feed at `feed` are listed: `calendars/index.json` beside it
/// (`../feed.json` → `../calendars/index.json`); none for several feeds.
pub fn index_beside(feed: &str) -> Option<String> {
    let [one] = super::merge::addresses(feed)[..] else { return None };
    let path = one.split(['?', '#']).next().unwrap_or(one);
    let folder = path.rfind('/').map_or("", |slash| &path[..=slash]);
    Some(format!("{folder}{INDEX}"))
}

/// The list of a feed's calendars, beside it.
pub const INDEX: &str = "calendars/index.json";
