//! Several feeds as one: an atlas given several addresses (`feed="a.json b.json"`) and
//! `feed-import a.json b.ics -o all.json`. An event's id is its feed's short name and its
//! own id, so ids stay the same whatever the order of feeds;
//! places that share an id and lie within 1 km are one; people, organizations, topics,
//! series and editions that share an id and a name are one, otherwise the later file's
//! gets its short name too; the same event published twice (same link, or same title,
//! start and place) is kept once. Each event keeps which feed it came from.

use std::collections::HashMap;

use super::explore;
use super::feed::*;
use super::lang::Lang;
use super::load::{self, LoadError, Loaded};
use super::validate::{Problem, ProblemKind};

/// Places that share an id are one when this close.
const SAME_PLACE_KM: f64 = 1.0;

/// Case, accents and spacing aside, for comparing names.
fn fold(text: &str) -> String {
    explore::fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Great-circle distance (haversine), in km.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
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
fn join<T>(
    into: &mut Vec<T>,
    items: Vec<T>,
    short: &str,
    id: fn(&mut T) -> &mut String,
    same: fn(&T, &T) -> bool,
) -> Ids {
    let mut ids = Ids::default();
    let mut at: HashMap<String, usize> = into.iter_mut().enumerate().map(|(i, kept)| (id(kept).clone(), i)).collect();
    for mut item in items {
        let old = id(&mut item).clone();
        match at.get(&old) {
            Some(&kept) if same(&into[kept], &item) => {}
            Some(_) => {
                let new = format!("{short}-{old}");
                *id(&mut item) = new.clone();
                ids.0.insert(old, new.clone());
                at.insert(new, into.len());
                into.push(item);
            }
            None => {
                at.insert(old, into.len());
                into.push(item);
            }
        }
    }
    ids
}

/// When an event is, as one key (copies of an event have the same).
fn when_key(when: &When) -> String {
    match when {
        When::Datetime { start, end, .. } => format!("{start}/{}", end.as_deref().unwrap_or("")),
        When::Date { date, end_date } => format!("{date}/{}", end_date.as_deref().unwrap_or("")),
        When::Between { earliest, latest, .. } => format!("{earliest}~{latest}"),
    }
}

fn same_text(a: &Text, b: &Text) -> bool {
    fold(&a.en) == fold(&b.en)
}

/// Feeds `(short name, feed)` as one. `title`: the merged feed's, else theirs joined.
pub fn merge(feeds: Vec<(String, Feed)>, title: Option<Text>, problems: &mut Vec<Problem>) -> Feed {
    if feeds.len() == 1 {
        return feeds.into_iter().next().map(|(_, feed)| feed).unwrap_or_default();
    }
    let title = title.unwrap_or_else(|| {
        let all_both = feeds.iter().all(|(_, f)| f.title.written == Written::Both);
        let join = |lang| feeds.iter().map(|(_, f)| f.title.get(lang).to_owned()).collect::<Vec<_>>().join(" · ");
        let (en, fr) = (join(Lang::En), join(Lang::Fr));
        Text { en, fr, written: if all_both { Written::Both } else { Written::Source } }
    });
    let source = feeds.iter().find_map(|(_, f)| f.source.clone());
    let language = source.as_ref().map(|s| s.language.clone());
    let mut merged = Feed { source, title, ..Feed::default() };
    // Copies of one event: (link or title, start, place) → the id kept.
    let mut seen: HashMap<String, String> = HashMap::new();
    for (from, (short, mut feed)) in feeds.into_iter().enumerate() {
        // A plain string of a feed in another language than the first's: said in its own.
        let own = feed.source.as_ref().map(|s| s.language.clone());
        if own != language {
            if let Some(lang) = own.as_deref().and_then(Lang::from_tag) {
                feed.texts_mut(&mut |text| {
                    if text.written == Written::Source {
                        text.written = Written::Only(lang);
                    }
                });
            }
        }
        merged.merged_from.push(feed.title.clone());
        // Each entry moved over, not copied: a feed can have tens of thousands.
        let places = join(
            &mut merged.places,
            feed.places,
            &short,
            |p| &mut p.id,
            |a, b| distance_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM,
        );
        let organizations = join(
            &mut merged.organizations,
            feed.organizations,
            &short,
            |o| &mut o.id,
            |a, b| fold(&a.name) == fold(&b.name),
        );
        for person in &mut feed.people {
            person.organization = person.organization.as_deref().map(|o| organizations.get(o));
        }
        let people =
            join(&mut merged.people, feed.people, &short, |p| &mut p.id, |a, b| fold(&a.name) == fold(&b.name));
        let topics = join(&mut merged.topics, feed.topics, &short, |t| &mut t.id, |a, b| same_text(&a.name, &b.name));
        for one in &mut feed.series {
            one.place = one.place.as_deref().map(|p| places.get(p));
        }
        let series = join(&mut merged.series, feed.series, &short, |s| &mut s.id, |a, b| same_text(&a.name, &b.name));
        let sessions = |list: &mut Vec<Session>| {
            for s in list {
                s.id = format!("{short}-{}", s.id);
                s.speakers = people.all(&s.speakers);
                s.topics = topics.all(&s.topics);
                s.repeat_of = s.repeat_of.as_ref().map(|r| format!("{short}-{r}"));
            }
        };
        for edition in &mut feed.editions {
            edition.organizer = edition.organizer.as_deref().map(|o| organizations.get(o));
            edition.sponsors = organizations.all(&edition.sponsors);
            sessions(&mut edition.sessions);
        }
        let editions =
            join(&mut merged.editions, feed.editions, &short, |e| &mut e.id, |a, b| same_text(&a.name, &b.name));
        let coordinates: HashMap<&str, (i32, i32)> =
            merged.places.iter().map(|p| (p.id.as_str(), (p.lat.round() as i32, p.lon.round() as i32))).collect();
        for mut event in feed.events {
            event.place = event.place.as_deref().map(|p| places.get(p));
            let at = event.place.as_deref().and_then(|p| coordinates.get(p));
            let start = when_key(&event.when);
            let link = event.links.first().map(|l| &l.url).or(event.online_url.as_ref());
            let mut keys = vec![format!("{}|{start}|{at:?}", fold(&event.title.en))];
            keys.extend(link.map(|l| format!("{l}|{start}")));
            let id = format!("{short}-{}", event.id);
            if let Some(first) = keys.iter().find_map(|k| seen.get(k)) {
                problems.push(Problem::new(format!("{short}: {}", event.id), ProblemKind::CopyOf(first.clone())));
                continue;
            }
            seen.extend(keys.into_iter().map(|k| (k, id.clone())));
            event.id = id;
            event.edition = event.edition.as_deref().map(|e| editions.get(e));
            event.series = event.series.as_deref().map(|s| series.get(s));
            event.host = event.host.as_deref().map(|h| organizations.get(h));
            event.topics = topics.all(&event.topics);
            event.from_feed = Some(from);
            sessions(&mut event.sessions);
            merged.events.push(event);
        }
    }
    merged.indexed()
}

/// The addresses an atlas is given: one, or several separated by spaces.
pub fn addresses(feed: &str) -> Vec<&str> {
    feed.split_whitespace().collect()
}

/// A short name for each address, for its events' ids: the file's name without its
/// extension (`chapters/montreal.json` → `montreal`), with its folder when two files
/// share a name (`montreal/feed.json` → `montreal-feed`), and a number if still the same.
pub fn short_names(addresses: &[&str]) -> Vec<String> {
    let clean = |text: &str| -> String {
        let mut id = String::new();
        for c in text.chars().flat_map(char::to_lowercase) {
            if c.is_ascii_alphanumeric() {
                id.push(c);
            } else if !id.is_empty() && !id.ends_with('-') {
                id.push('-');
            }
        }
        let id = id.trim_end_matches('-');
        if id.is_empty() {
            "feed".to_owned()
        } else {
            id.to_owned()
        }
    };
    let parts = |address: &str| -> (String, String) {
        let path = address.split(['?', '#']).next().unwrap_or(address);
        let mut segments = path.rsplit('/').filter(|s| !s.is_empty());
        let file = segments.next().unwrap_or("feed");
        let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
        (clean(stem), segments.next().map(clean).unwrap_or_default())
    };
    let named: Vec<(String, String)> = addresses.iter().map(|a| parts(a)).collect();
    let mut names: Vec<String> = named
        .iter()
        .map(|(stem, folder)| {
            let shared = named.iter().filter(|(other, _)| other == stem).count() > 1;
            if shared && !folder.is_empty() {
                format!("{folder}-{stem}")
            } else {
                stem.clone()
            }
        })
        .collect();
    for i in 0..names.len() {
        let earlier = names[..i].iter().filter(|n| **n == names[i]).count();
        if earlier > 0 {
            names[i] = format!("{}-{}", names[i], earlier + 1);
        }
    }
    names
}

/// Several feeds fetched for one atlas, `(address, text or why not)`, loaded and merged:
/// one that could not be had is in `failed` and the others are shown; if none could,
/// the first one's error.
pub fn load_all(fetched: Vec<(String, Result<String, LoadError>)>) -> Result<Loaded, LoadError> {
    let addresses: Vec<&str> = fetched.iter().map(|(a, _)| a.as_str()).collect();
    let names = short_names(&addresses);
    let mut feeds = Vec::new();
    let mut merged = Loaded::default();
    let mut first_error = None;
    for ((address, text), short) in fetched.into_iter().zip(names) {
        match text.and_then(|text| load::load(&text).map_err(LoadError::Feed)) {
            Ok(loaded) => {
                merged.left_out_events += loaded.left_out_events;
                let prefixed = |p: Problem| Problem { path: format!("{short}: {}", p.path), ..p };
                merged.problems.extend(loaded.problems.into_iter().map(prefixed));
                feeds.push((short, loaded.feed));
            }
            Err(error) => {
                first_error.get_or_insert(error.clone());
                merged.failed.push((address, error));
            }
        }
    }
    if feeds.is_empty() {
        return Err(first_error.unwrap_or(LoadError::Feed(load::FeedError::NotAnObject)));
    }
    merged.feed = merge(feeds, None, &mut merged.problems);
    Ok(merged)
}
