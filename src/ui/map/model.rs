//! What the map draws, as data: the places with events and the markers they make.

use crate::core::feed::Text;
use crate::core::i18n;
use crate::core::map::{Cluster, Point};
use crate::core::query::Timing;

/// A place with events, as the map needs it.
#[derive(Clone, PartialEq)]
pub struct MapPlace {
    pub id: String,
    pub name: Text,
    pub at: Point,
    pub events: usize,
    /// Its events in the whole feed, whatever is shown: what orders the clustering.
    pub in_feed: usize,
    pub timing: Option<Timing>,
    /// Whether none of its events has an exact date.
    pub uncertain: bool,
}

/// One marker as drawn: a place, or a group of places that would overlap.
#[derive(Clone, PartialEq)]
pub struct Marker {
    /// The member places' ids: the marker's identity across zooms and filters.
    pub ids: Vec<String>,
    /// The first few members' names, most events in the feed first (clusters list their
    /// members so), for its label.
    pub names: Vec<Text>,
    pub points: Vec<Point>,
    pub at: Point,
    pub events: usize,
    pub timing: Option<Timing>,
    pub uncertain: bool,
}

impl Marker {
    pub fn of(cluster: &Cluster, places: &[MapPlace]) -> Marker {
        let members: Vec<&MapPlace> = cluster.members.iter().map(|&i| &places[i]).collect();
        let first_timing = members[0].timing;
        Marker {
            ids: members.iter().map(|p| p.id.clone()).collect(),
            names: members.iter().take(4).map(|p| p.name.clone()).collect(),
            points: members.iter().map(|p| p.at).collect(),
            at: cluster.at,
            events: members.iter().map(|p| p.events).sum(),
            timing: members.iter().all(|p| p.timing == first_timing).then_some(first_timing).flatten(),
            uncertain: members.iter().all(|p| p.uncertain),
        }
    }

    /// Its visible label: the place's name, or the area of its place with most events in
    /// the feed (shortened on the map where the whole would not fit: `labels::shorten`).
    pub fn short_label(&self, lang: crate::core::Lang) -> String {
        let first = self.names.first().map_or("", |n| n.get(lang));
        match self.ids.len() {
            1 => first.to_owned(),
            _ => i18n::area(lang, first),
        }
    }

    pub fn single(&self) -> Option<&str> {
        match self.ids.as_slice() {
            [only] => Some(only),
            _ => None,
        }
    }
}
