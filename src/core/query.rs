//! Questions the views ask of a feed.

use super::basemap;
use super::countries;
use super::date::Day;
use super::feed::{Edition, Event, Feed, Link, Place, Span};
use super::lang::Lang;
use super::order;
use super::projection::Projection;

/// What the visitor picked, shared by every view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    Place(String),
    Event(String),
}

/// Where an event stands relative to today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timing {
    Past,
    Upcoming,
    /// Today falls inside the event's days (or its uncertain range).
    Now,
}

pub fn timing(span: Span, today: Day) -> Timing {
    if span.last < today {
        Timing::Past
    } else if span.first > today {
        Timing::Upcoming
    } else {
        Timing::Now
    }
}

pub use super::feed::chronological;

/// The events grouped by edition, editions by their first event, each in chronological
/// order; the events of no edition (or of one left out) make a group of their own (`None`).
pub fn by_edition(feed: &Feed) -> Vec<(Option<&Edition>, Vec<&Event>)> {
    by_edition_indices(feed)
        .into_iter()
        .map(|(edition, events)| {
            (edition.map(|e| &feed.editions[e]), events.into_iter().map(|i| &feed.events[i]).collect())
        })
        .collect()
}

/// `by_edition` as positions in `feed.editions` and `feed.events`, for views that keep it.
pub fn by_edition_indices(feed: &Feed) -> Vec<(Option<usize>, Vec<usize>)> {
    let position: rustc_hash::FxHashMap<&str, usize> =
        feed.editions.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); feed.editions.len() + 1];
    // Taken in time, so each group is in time too.
    for &i in feed.in_time_order().iter() {
        let edition = feed.events[i].edition.as_deref().and_then(|id| position.get(id).copied());
        groups[edition.unwrap_or(feed.editions.len())].push(i);
    }
    let groups: Vec<(Option<usize>, Vec<usize>)> = groups
        .into_iter()
        .enumerate()
        .filter(|(_, events)| !events.is_empty())
        .map(|(e, events)| ((e < feed.editions.len()).then_some(e), events))
        .collect();
    order::sorted(groups, &|(_, a), (_, b)| feed.events[a[0]].span.first.cmp(&feed.events[b[0]].span.first))
}

/// Whether the first day of a range must carry its year ("May 24 – June 14, 2019").
pub fn first_needs_year(span: Span) -> bool {
    span.first.year != span.last.year
}

/// The projection of the feed's map, chosen from its places with events (all of them,
/// whatever the filters: the map keeps one projection while it is used).
pub fn map_projection(feed: &Feed) -> Projection {
    projection_of(&places_with_events(feed, |_| true))
}

/// `map_projection` of the places with events, found already (`places_with_events`).
pub fn projection_of(places: &[(&Place, Vec<Span>)]) -> Projection {
    let places: Vec<(f64, f64)> = places.iter().map(|(p, _)| (p.lon, p.lat)).collect();
    basemap::projection_for(&places)
}

/// The places that have events (among those `keep` accepts, by index), in feed order,
/// each with its events' spans.
pub fn places_with_events(feed: &Feed, keep: impl Fn(usize) -> bool) -> Vec<(&Place, Vec<Span>)> {
    let mut spans: Vec<Vec<Span>> = vec![Vec::new(); feed.places.len()];
    let index: rustc_hash::FxHashMap<&str, usize> =
        feed.places.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    for (_, event) in feed.events.iter().enumerate().filter(|(i, _)| keep(*i)) {
        if let Some(&i) = event.place.as_deref().and_then(|id| index.get(id)) {
            spans[i].push(event.span);
        }
    }
    feed.places.iter().zip(spans).filter(|(_, spans)| !spans.is_empty()).collect()
}

/// A place's name as a reader tells it apart: with its country when another place of the
/// feed has the same name ("Portland, United States"), and its region too when that one
/// shares the country ("Portland, OR, United States").
pub fn place_name(lang: Lang, feed: &Feed, place: &Place) -> String {
    let name = place.name.get(lang);
    let namesakes: Vec<&Place> = feed.places.iter().filter(|p| p.id != place.id && p.name.get(lang) == name).collect();
    if namesakes.is_empty() {
        return name.to_owned();
    }
    let country = countries::name(lang, &place.country).unwrap_or(&place.country);
    let same_country = namesakes.iter().any(|p| p.country.eq_ignore_ascii_case(&place.country));
    match readable_region(place).filter(|_| same_country) {
        Some(region) => format!("{name}, {region}, {country}"),
        None => format!("{name}, {country}"),
    }
}

/// What a link says: its title, or, when the feed gives none, where it leads: the site's
/// name ("speakerdeck.com") or the mail address.
pub fn link_text(lang: Lang, link: &Link) -> String {
    if let Some(title) = &link.title {
        return title.get(lang).to_owned();
    }
    let url = link.url.as_str();
    let rest = ["https://", "http://", "mailto:"]
        .iter()
        .find_map(|scheme| {
            url.get(..scheme.len()).filter(|s| s.eq_ignore_ascii_case(scheme)).map(|_| &url[scheme.len()..])
        })
        .unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host).to_owned()
}

/// A place's region as written, when a reader can read it: "QC", "ENG" or a name, not a
/// registry's number ("12") or a placeholder.
pub fn readable_region(place: &Place) -> Option<&str> {
    let region = place.region.as_deref()?.trim();
    region.chars().any(char::is_alphabetic).then_some(region)
}

/// The one timing all `spans` share, if they agree.
pub fn common_timing(spans: impl IntoIterator<Item = Span>, today: Day) -> Option<Timing> {
    let mut timings = spans.into_iter().map(|span| timing(span, today));
    let first = timings.next()?;
    timings.all(|t| t == first).then_some(first)
}

/// The place a selection points at: the place itself, or the selected event's place.
pub fn selected_place<'a>(feed: &'a Feed, selection: Option<&Selection>) -> Option<&'a str> {
    match selection? {
        Selection::Place(id) => feed.place(id).map(|p| p.id.as_str()),
        Selection::Event(id) => feed.event(id)?.place.as_deref(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_without_a_title_says_where_it_leads() {
        use super::super::feed::LinkKind;
        let link = |url: &str| Link { kind: LinkKind::Slides, url: url.into(), title: None };
        assert_eq!(link_text(Lang::En, &link("https://www.speakerdeck.com/x/y?z=1")), "speakerdeck.com");
        assert_eq!(link_text(Lang::Fr, &link("HTTP://example.org")), "example.org");
        assert_eq!(link_text(Lang::En, &link("mailto:team@example.org")), "team@example.org");
        let titled = Link { title: Some(super::super::feed::Text::both("Slides", "Diapos")), ..link("https://a.b") };
        assert_eq!(link_text(Lang::Fr, &titled), "Diapos");
    }

    #[test]
    fn namesakes_carry_their_country_and_region_where_it_helps() {
        let mut feed = super::super::load::load(include_str!("../../public/feed.json")).expect("bundled feed").feed;
        let first = feed.places[0].clone();
        let name = first.name.en.clone();
        assert_eq!(place_name(Lang::En, &feed, &first), name, "a name no other place has is enough");
        let abroad = Place { id: "abroad".into(), country: "US".into(), region: Some("OR".into()), ..first.clone() };
        let next_door = Place { id: "next-door".into(), region: Some("12".into()), ..first.clone() };
        feed.places.extend([abroad.clone(), next_door.clone()]);
        let country = countries::name(Lang::Fr, &first.country).unwrap();
        assert_eq!(place_name(Lang::En, &feed, &abroad), format!("{name}, United States"));
        assert_eq!(place_name(Lang::Fr, &feed, &abroad), format!("{}, États-Unis", first.name.fr));
        // Two of one country: the region tells them apart, when it is readable.
        assert_eq!(
            place_name(Lang::Fr, &feed, &first),
            format!("{}, {}, {country}", first.name.fr, first.region.as_deref().unwrap_or_default())
        );
        assert_eq!(
            place_name(Lang::En, &feed, &next_door),
            format!("{name}, {}", countries::name(Lang::En, &first.country).unwrap())
        );
    }
}
