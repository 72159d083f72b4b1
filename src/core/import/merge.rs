//! Several feeds as one (`feed-import a.json b.ics -o all.json`): an event's id is its
//! file's short name and its own id, so ids stay the same whatever the order of files;
//! places that share an id and lie within 1 km are one; people, organizations, topics,
//! series and editions that share an id and a name are one, otherwise the later file's
//! gets its short name too; the same event published twice (same link, or same title,
//! start and place) is kept once.

use std::collections::{HashMap, HashSet};

use super::gazetteer::{distance_km, fold};
use super::{Note, Options};
use crate::core::feed::*;
use crate::core::load;

/// Places that share an id are one when this close.
const SAME_PLACE_KM: f64 = 1.0;

/// A feed file, validated as the atlas reads it; its problems become notes.
pub fn load_feed(name: &str, text: &str, notes: &mut Vec<Note>) -> Option<Feed> {
    match load::load(text) {
        Ok(loaded) => {
            for problem in loaded.problems {
                notes.push(Note { origin: format!("{name}: {}", problem.path), message: problem.to_string() });
            }
            Some(loaded.feed)
        }
        Err(error) => {
            let message = crate::core::i18n::load_error_text(&load::LoadError::Feed(error), crate::core::Lang::En);
            notes.push(Note { origin: name.to_owned(), message });
            None
        }
    }
}

/// Ids of one kind: where each of a file's ids went.
#[derive(Default)]
struct Ids(HashMap<String, String>);

impl Ids {
    fn get(&self, id: &str) -> String {
        self.0.get(id).cloned().unwrap_or_else(|| id.to_owned())
    }
    fn all(&self, ids: &[String]) -> Vec<String> {
        ids.iter().map(|id| self.get(id)).collect()
    }
}

/// Adds `items` to `into`: one with an id already there is the same when `same` says so,
/// else it gets `short`'s prefix. Returns where each id went.
fn join<T: Clone>(
    into: &mut Vec<T>,
    items: &[T],
    short: &str,
    id: impl Fn(&mut T) -> &mut String,
    same: impl Fn(&T, &T) -> bool,
) -> Ids {
    let mut ids = Ids::default();
    for item in items {
        let mut item = item.clone();
        let old = id(&mut item).clone();
        let existing = into.iter_mut().position(|kept| *id(kept) == old);
        match existing {
            Some(at) if same(&into[at], &item) => {}
            Some(_) => {
                let new = format!("{short}-{old}");
                *id(&mut item) = new.clone();
                ids.0.insert(old, new);
                into.push(item);
            }
            None => into.push(item),
        }
    }
    ids
}

fn same_text(a: &Text, b: &Text) -> bool {
    fold(&a.en) == fold(&b.en)
}

pub fn merge(feeds: Vec<(String, Feed)>, options: &Options, notes: &mut Vec<Note>) -> Feed {
    if feeds.len() == 1 {
        return feeds.into_iter().next().map(|(_, feed)| feed).unwrap_or_default();
    }
    let title =
        options.title.clone().map(|t| Text { en: t.clone(), fr: t, written: Written::Source }).unwrap_or_else(|| {
            let all_both = feeds.iter().all(|(_, f)| f.title.written == Written::Both);
            let join = |lang| feeds.iter().map(|(_, f)| f.title.get(lang).to_owned()).collect::<Vec<_>>().join(" · ");
            let (en, fr) = (join(crate::core::Lang::En), join(crate::core::Lang::Fr));
            Text { en, fr, written: if all_both { Written::Both } else { Written::Source } }
        });
    let mut merged = Feed {
        source: Some(Source {
            publisher: None,
            title: title.en.clone(),
            language: options.language.clone(),
            published: options.today.format("%Y-%m-%d").to_string(),
            url: None,
        }),
        title,
        ..Feed::default()
    };
    // Copies of one event: (link or title, start, place).
    let mut seen: HashSet<String> = HashSet::new();
    for (short, feed) in feeds {
        let places = join(
            &mut merged.places,
            &feed.places,
            &short,
            |p| &mut p.id,
            |a, b| distance_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM,
        );
        let organizations = join(
            &mut merged.organizations,
            &feed.organizations,
            &short,
            |o| &mut o.id,
            |a, b| fold(&a.name) == fold(&b.name),
        );
        let mut people: Vec<Person> = feed.people.clone();
        for person in &mut people {
            person.organization = person.organization.as_deref().map(|o| organizations.get(o));
        }
        let people = join(&mut merged.people, &people, &short, |p| &mut p.id, |a, b| fold(&a.name) == fold(&b.name));
        let topics = join(&mut merged.topics, &feed.topics, &short, |t| &mut t.id, |a, b| same_text(&a.name, &b.name));
        let mut series: Vec<Series> = feed.series.clone();
        for one in &mut series {
            one.place = one.place.as_deref().map(|p| places.get(p));
        }
        let series = join(&mut merged.series, &series, &short, |s| &mut s.id, |a, b| same_text(&a.name, &b.name));
        let session = |s: &Session| Session {
            id: format!("{short}-{}", s.id),
            speakers: people.all(&s.speakers),
            topics: topics.all(&s.topics),
            repeat_of: s.repeat_of.as_ref().map(|r| format!("{short}-{r}")),
            ..s.clone()
        };
        let mut editions: Vec<Edition> = feed.editions.clone();
        for edition in &mut editions {
            edition.organizer = edition.organizer.as_deref().map(|o| organizations.get(o));
            edition.sponsors = organizations.all(&edition.sponsors);
            edition.sessions = edition.sessions.iter().map(session).collect();
        }
        let editions = join(&mut merged.editions, &editions, &short, |e| &mut e.id, |a, b| same_text(&a.name, &b.name));
        for event in &feed.events {
            let place = event.place.as_deref().map(|p| places.get(p));
            let at = place.as_deref().and_then(|p| merged.places.iter().find(|kept| kept.id == p));
            let start = format!("{:?}", event.when);
            let link = event.links.first().map(|l| l.url.clone()).or(event.online_url.clone());
            let mut keys =
                vec![format!("{}|{start}|{:?}", fold(&event.title.en), at.map(|p| (p.lat.round(), p.lon.round())))];
            keys.extend(link.map(|l| format!("{l}|{start}")));
            if keys.iter().any(|k| seen.contains(k)) {
                let message =
                    "the same event as one of an earlier file (same link or title, start and place): kept once";
                notes.push(Note { origin: format!("{short}: event {}", event.id), message: message.into() });
                continue;
            }
            seen.extend(keys);
            merged.events.push(Event {
                id: format!("{short}-{}", event.id),
                edition: event.edition.as_deref().map(|e| editions.get(e)),
                series: event.series.as_deref().map(|s| series.get(s)),
                place,
                host: event.host.as_deref().map(|h| organizations.get(h)),
                sessions: event.sessions.iter().map(session).collect(),
                topics: topics.all(&event.topics),
                ..event.clone()
            });
        }
    }
    merged.indexed()
}
