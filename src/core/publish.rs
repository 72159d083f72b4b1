//! What a feed publishes beside the atlas, as static files: calendars to subscribe to at
//! stable addresses (all events; each place, series and topic), in both languages, with a
//! list of them (`calendars/index.json`) that the atlas reads to offer Subscribe. Made at
//! build time for the bundled feed (`feed-publish`, run by the post-build hook) and by
//! the same command for any feed.

use serde::Serialize;

use super::feed::{Event, Feed};
use super::i18n::Lang;
use super::ics::{self, Stamps};

/// A file to write: its path under the output folder, and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub path: String,
    pub text: String,
}

/// What a calendar holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    All,
    Place,
    Series,
    Topic,
}

/// One published calendar, as `calendars/index.json` lists it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Listed {
    pub scope: Scope,
    /// The place, series or topic id (none for all events).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub lang: &'static str,
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
                lang: lang.tag(),
                path: path.clone(),
                name,
                events: events.len(),
            });
            files.push(File { path, text });
        }
    }
    let index = serde_json::to_string_pretty(&listed).unwrap_or_default();
    files.push(File { path: "calendars/index.json".into(), text: index + "\n" });
    files
}
