//! The names of things: kinds, statuses, links, facets, views, countries, and counts
//! of events with their plurals.

use super::messages::Msg;
use crate::core::feed::{Attendance, Event, EventKind, Feed, Format, LinkKind, Status};
use crate::core::lang::Lang;

/// The marks around a session's own title: “Observable Kubernetes” / « Kubernetes observable ».
/// A descriptive title (the source names only the subject) gets none: it is not a quotation.
pub fn title_quotes(lang: Lang, descriptive: bool) -> (&'static str, &'static str) {
    match (descriptive, lang) {
        (true, _) => ("", ""),
        (false, Lang::En) => ("\u{201c}", "\u{201d}"),
        (false, Lang::Fr) => ("«\u{a0}", "\u{a0}»"),
    }
}

/// A session's title as a reader sees it, quoted unless it is descriptive.
pub fn session_title(lang: Lang, session: &crate::core::feed::Session) -> String {
    let (open, close) = title_quotes(lang, session.descriptive_title);
    format!("{open}{}{close}", session.title.get(lang))
}

pub fn format_name(lang: Lang, format: Format) -> &'static str {
    let (en, fr) = match format {
        Format::Talk => ("Talk", "Présentation"),
        Format::Demo => ("Demo", "Démonstration"),
        Format::Workshop => ("Workshop", "Atelier"),
    };
    lang.pick(en, fr)
}

pub fn event_kind_name(lang: Lang, kind: EventKind) -> &'static str {
    let (en, fr) = match kind {
        EventKind::Meetup => ("Meetup", "Rencontre"),
        EventKind::Conference => ("Conference", "Conférence"),
        EventKind::Workshop => ("Workshop", "Atelier"),
        EventKind::Hackathon => ("Hackathon", "Hackathon"),
        EventKind::Other => ("Event", "Événement"),
    };
    lang.pick(en, fr)
}

/// What a badge says of an event not happening as announced; nothing for one that is.
pub fn status_name(lang: Lang, status: Status) -> Option<&'static str> {
    let (en, fr) = match status {
        Status::Scheduled => return None,
        Status::Cancelled => ("Cancelled", "Annulé"),
        Status::Postponed => ("Postponed", "Reporté"),
        Status::Rescheduled => ("Rescheduled", "Reprogrammé"),
        Status::MovedOnline => ("Moved online", "Passé en ligne"),
    };
    Some(lang.pick(en, fr))
}

pub fn attendance_name(lang: Lang, attendance: Attendance) -> &'static str {
    let (en, fr) = match attendance {
        Attendance::InPerson => ("In person", "Sur place"),
        Attendance::Online => ("Online", "En ligne"),
        Attendance::Mixed => ("In person and online", "Sur place et en ligne"),
    };
    lang.pick(en, fr)
}

pub fn link_kind_name(lang: Lang, kind: LinkKind) -> &'static str {
    let (en, fr) = match kind {
        LinkKind::Ebook => ("E-book", "Livre numérique"),
        LinkKind::Group => ("Group", "Groupe"),
        LinkKind::Website => ("Website", "Site Web"),
        LinkKind::Slides => ("Slides", "Diapositives"),
        LinkKind::Video => ("Video", "Vidéo"),
        LinkKind::Registration => ("Registration", "Inscription"),
    };
    lang.pick(en, fr)
}

/// French puts a no-break space before a colon; English none.
pub fn label(lang: Lang, label: &str) -> String {
    match lang {
        Lang::En => format!("{label}:"),
        Lang::Fr => format!("{label}\u{a0}:"),
    }
}

/// `n` things with the right plural: "1 meetup", "2 meetups"; « 0 rencontre », « 2 rencontres ».
/// French treats 0 and 1 as singular.
pub fn count(lang: Lang, n: usize, singular: (&str, &str), plural: (&str, &str)) -> String {
    let one = match lang {
        Lang::En => n == 1,
        Lang::Fr => n <= 1,
    };
    let (en, fr) = if one { singular } else { plural };
    format!("{}\u{a0}{}", number(lang, n), lang.pick(en, fr))
}

/// A whole number grouped by thousands as `Intl.NumberFormat` writes it for the
/// language's locale (`Lang::locale`), so the prerendered page and the browser agree:
/// "10,000"; « 10\u{a0}000 » (fr-CA groups with a no-break space).
pub fn number(lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let mark = lang.pick(",", "\u{a0}");
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * mark.len());
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(mark);
        }
        out.push(digit);
    }
    out
}

/// What a feed's events are, named from their kinds: a feed of meetups says "meetups", one
/// of conferences "conferences", and one of both "events".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Things {
    Meetups,
    Conferences,
    Workshops,
    Hackathons,
    Events,
}

impl Things {
    pub fn of(kinds: impl IntoIterator<Item = EventKind>) -> Things {
        let mut kinds = kinds.into_iter();
        match kinds.next() {
            None => Things::Events,
            Some(first) if kinds.all(|k| k == first) => match first {
                EventKind::Meetup => Things::Meetups,
                EventKind::Conference => Things::Conferences,
                EventKind::Workshop => Things::Workshops,
                EventKind::Hackathon => Things::Hackathons,
                EventKind::Other => Things::Events,
            },
            Some(_) => Things::Events,
        }
    }

    /// `n` of them: "1 meetup", "3 conferences", « 2 événements ».
    pub fn count(self, lang: Lang, n: usize) -> String {
        match self {
            Things::Meetups => count(lang, n, ("meetup", "rencontre"), ("meetups", "rencontres")),
            Things::Conferences => count(lang, n, ("conference", "conférence"), ("conferences", "conférences")),
            Things::Workshops => count(lang, n, ("workshop", "atelier"), ("workshops", "ateliers")),
            Things::Hackathons => count(lang, n, ("hackathon", "hackathon"), ("hackathons", "hackathons")),
            Things::Events => count(lang, n, ("event", "événement"), ("events", "événements")),
        }
    }

    /// The heading of what the feed is about: "About these meetups".
    pub fn about(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Things::Meetups, Lang::En) => "About these meetups",
            (Things::Meetups, Lang::Fr) => "À propos de ces rencontres",
            (Things::Conferences, Lang::En) => "About these conferences",
            (Things::Conferences, Lang::Fr) => "À propos de ces conférences",
            (Things::Workshops, Lang::En) => "About these workshops",
            (Things::Workshops, Lang::Fr) => "À propos de ces ateliers",
            (Things::Hackathons, Lang::En) => "About these hackathons",
            (Things::Hackathons, Lang::Fr) => "À propos de ces hackathons",
            (Things::Events, Lang::En) => "About these events",
            (Things::Events, Lang::Fr) => "À propos de ces événements",
        }
    }

    /// Whether the French word is feminine (rencontre, conférence), for its adjectives.
    fn feminine(self) -> bool {
        match self {
            Things::Meetups | Things::Conferences => true,
            Things::Workshops | Things::Hackathons | Things::Events => false,
        }
    }
}

pub fn meetups(lang: Lang, n: usize) -> String {
    Things::Meetups.count(lang, n)
}

/// The events of each kind there are: "5 meetups, 1 conference", "…, 2 other events".
pub fn kinds_count(lang: Lang, kinds: impl IntoIterator<Item = EventKind>) -> String {
    let kinds: Vec<EventKind> = kinds.into_iter().collect();
    let of = |kind: EventKind| kinds.iter().filter(|&&k| k == kind).count();
    let parts: Vec<String> = EventKind::ALL
        .into_iter()
        .filter(|&kind| of(kind) > 0)
        .map(|kind| match Things::of([kind]) {
            // "Other" beside named kinds: "2 other events".
            Things::Events if kinds.iter().any(|&k| k != kind) => {
                count(lang, of(kind), ("other event", "autre événement"), ("other events", "autres événements"))
            }
            things => things.count(lang, of(kind)),
        })
        .collect();
    if parts.is_empty() {
        Things::Events.count(lang, 0)
    } else {
        parts.join(", ")
    }
}

pub fn sessions(lang: Lang, n: usize) -> String {
    count(lang, n, ("session", "présentation"), ("sessions", "présentations"))
}

/// A map marker's name: "Toronto — 1 meetup" / « Toronto — 1 rencontre »,
/// with "past" or "upcoming" when all its events are.
/// `names` are the first few of `place_count` places.
pub fn marker_label(
    lang: Lang,
    things: Things,
    names: &[&str],
    place_count: usize,
    events: usize,
    timing: Option<crate::core::query::Timing>,
) -> String {
    use crate::core::query::Timing;
    // A big cluster names a few places, not hundreds, after the first one's area.
    const NAMED: usize = 3;
    let shown = &names[..names.len().min(NAMED)];
    let listed = if place_count > NAMED + 1 {
        let others = place_count - NAMED;
        match lang {
            Lang::En => format!("{} and {others} other places", shown.join(", ")),
            Lang::Fr => format!("{} et {others} autres lieux", shown.join(", ")),
        }
    } else {
        names.join(", ")
    };
    let names = match names.first().filter(|_| place_count > 1) {
        Some(first) => format!("{}{} {listed}", area(lang, first), lang.pick(":", "\u{a0}:")),
        None => listed,
    };
    let when = match (timing, lang, events > 1, things.feminine()) {
        (Some(Timing::Past), Lang::En, ..) => ", past",
        (Some(Timing::Upcoming), Lang::En, ..) => ", upcoming",
        (Some(Timing::Past), Lang::Fr, false, true) => ", passée",
        (Some(Timing::Past), Lang::Fr, true, true) => ", passées",
        (Some(Timing::Past), Lang::Fr, false, false) => ", passé",
        (Some(Timing::Past), Lang::Fr, true, false) => ", passés",
        (Some(Timing::Upcoming), Lang::Fr, ..) => ", à venir",
        (Some(Timing::Now) | None, ..) => "",
    };
    let zoom = match (place_count > 1, lang) {
        (false, _) => "",
        (true, Lang::En) => ". Zoom in to separate them",
        (true, Lang::Fr) => ". Zoomez pour les séparer",
    };
    format!("{names} — {}{when}{zoom}", things.count(lang, events))
}

/// A group of places on the map, by its biggest: "London area".
pub fn area(lang: Lang, biggest: &str) -> String {
    match lang {
        Lang::En => format!("{biggest} area"),
        Lang::Fr => format!("{biggest} et environs"),
    }
}

/// A number as French writes it: « 91,5 ».
pub(super) fn decimal_fr(value: f64) -> String {
    value.to_string().replace('.', ",")
}

/// The name of a view an embedder can choose.
pub fn panel_name(lang: Lang, panel: crate::core::embed::Panel) -> &'static str {
    use crate::core::embed::Panel;
    match panel {
        Panel::Map => Msg::MapView.text(lang),
        Panel::Timeline => Msg::Timeline.text(lang),
        Panel::List => Msg::ListView.text(lang),
    }
}

pub fn facet_name(lang: Lang, facet: crate::core::explore::Facet) -> &'static str {
    use crate::core::explore::Facet;
    let (en, fr) = match facet {
        Facet::Place => ("City", "Ville"),
        Facet::Topic => ("Topic or tool", "Sujet ou outil"),
        Facet::Speaker => ("Speaker", "Intervenant"),
        Facet::Organization => ("Organization", "Organisation"),
        Facet::Format => ("Format", "Format"),
        Facet::Attendance => ("Attendance", "Participation"),
    };
    lang.pick(en, fr)
}

/// The name of an event's place, if it has one.
pub fn event_place(lang: Lang, feed: &Feed, event: &Event) -> Option<String> {
    event_place_name(lang, feed, event).map(str::to_owned)
}

/// `event_place`, borrowed from the feed.
fn event_place_name<'a>(lang: Lang, feed: &'a Feed, event: &Event) -> Option<&'a str> {
    event.place.as_deref().and_then(|id| feed.place(id)).map(|place| place.name.get(lang))
}

/// What the timeline calls an event: its title, then its place ("… meetup — Fukuoka").
pub fn event_label(lang: Lang, feed: &Feed, event: &Event) -> String {
    title_and_place(event.title.get(lang), event_place(lang, feed, event).as_deref())
}

/// `event_label(…).chars().count()`, without writing the label: the timeline measures
/// every event's to lay them out, thousands at a time.
pub fn event_label_chars(lang: Lang, feed: &Feed, event: &Event) -> usize {
    let title = event.title.get(lang);
    let place = event_place_name(lang, feed, event).filter(|place| adds_place(title, place));
    title.chars().count() + place.map_or(0, |place| PLACE_AFTER.chars().count() + place.chars().count())
}

/// What comes between a label's title and its place.
const PLACE_AFTER: &str = " — ";

/// A timeline item's label: the event's title, then its place ("Dev Days — Fukuoka"),
/// unless the title names it already ("Fukuoka meetup", "Montréal — spring 2019").
pub fn title_and_place(title: &str, place: Option<&str>) -> String {
    match place.filter(|place| adds_place(title, place)) {
        Some(place) => format!("{title}{PLACE_AFTER}{place}"),
        None => title.to_owned(),
    }
}

/// Whether a label says its place after its title: unless the title names it.
fn adds_place(title: &str, place: &str) -> bool {
    use crate::core::explore::fold;
    if title.is_ascii() && place.is_ascii() {
        // The timeline asks this of every event: ASCII folds to its lower case, compared
        // in place rather than written out twice.
        let (title, place) = (title.as_bytes(), place.as_bytes());
        if place.is_empty() || place.len() > title.len() {
            return !place.is_empty();
        }
        return !title.windows(place.len()).any(|window| window.eq_ignore_ascii_case(place));
    }
    !fold(title).contains(&fold(place))
}

/// A country's short name from its ISO 3166-1 code; an unknown code as it is.
pub fn country_name(lang: Lang, code: &str) -> &str {
    crate::core::countries::name(lang, code).unwrap_or(code)
}

#[cfg(test)]
mod tests {
    use super::adds_place;
    use crate::core::explore::fold;
    #[cfg(not(target_arch = "wasm32"))]
    use proptest::prelude::*;

    /// What `adds_place` means, written out through `fold` for any text.
    fn by_folding(title: &str, place: &str) -> bool {
        !fold(title).contains(&fold(place))
    }

    #[test]
    fn a_title_that_names_its_place_in_any_case_gets_no_place() {
        for (title, place) in [
            ("Montreal meetup", "MONTREAL"),
            ("Meetup 5", "Fukuoka"),
            ("Fukuoka", "Fukuoka"),
            ("Dev Days", ""),
            ("", ""),
            ("", "Lyon"),
            ("Lyon", "Lyon 2"),
            ("Montréal — spring 2019", "Montréal"),
            ("Montreal — spring 2019", "Montréal"),
            ("KubeCon + CloudNativeCon", "cloudnative"),
        ] {
            assert_eq!(adds_place(title, place), by_folding(title, place), "{title:?} {place:?}");
        }
        assert!(!adds_place("Montreal meetup", "montreal"));
        assert!(adds_place("Meetup 5", "Fukuoka"));
    }

    // proptest is a native dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    proptest! {
        #[test]
        fn ascii_is_compared_in_place_as_folding_would(
            title in "[ -~]{0,14}", place in "[ -~]{0,6}", from in 0usize..14, len in 0usize..8
        ) {
            prop_assert_eq!(adds_place(&title, &place), by_folding(&title, &place));
            // A piece of the title itself, its case changed: named in it.
            let piece: String = title.chars().skip(from).take(len).collect::<String>().to_ascii_uppercase();
            prop_assert_eq!(adds_place(&title, &piece), by_folding(&title, &piece));
        }
    }
}
