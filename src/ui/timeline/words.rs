//! What the timeline calls an event: its title and place, its date said loosely.

use crate::core::feed::Event;
use crate::core::i18n;
use crate::core::lang::Lang;
use crate::core::load::Loaded;

/// The name of an event's place, if it has one.
pub fn place_name(loaded: &Loaded, event: &Event, lang: Lang) -> Option<String> {
    event.place.as_deref().and_then(|id| loaded.feed.place(id)).map(|place| place.name.get(lang).to_owned())
}

/// What the timeline calls an event: its title, then its place ("… meetup — Fukuoka").
pub fn short_label(loaded: &Loaded, event: &Event, lang: Lang) -> String {
    i18n::title_and_place(event.title.get(lang), place_name(loaded, event, lang).as_deref())
}
