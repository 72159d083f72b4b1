//! The sentences of the interface that carry a value: results, selections, filters,
//! stacks, imports and the offline notice.

use super::vocabulary::{count, number};
use crate::core::lang::Lang;
use crate::core::offline::SavedBecause;

/// What an import made: "12 events at 4 places, from 2 files".
pub fn import_summary(lang: Lang, events: usize, places: usize, files: usize) -> String {
    let events = count(lang, events, ("event", "événement"), ("events", "événements"));
    let places = count(lang, places, ("place", "lieu"), ("places", "lieux"));
    let files = count(lang, files, ("file", "fichier"), ("files", "fichiers"));
    match lang {
        Lang::En => format!("{events} at {places}, from {files}."),
        Lang::Fr => format!("{events} en {places}, de {files}."),
    }
}

/// "Offline — data saved on May 24, 2019, 10:00" / « Hors ligne — données enregistrées le … »,
/// or what else kept the fresh data away.
pub fn offline_notice(lang: Lang, saved: &str, because: SavedBecause) -> String {
    let why = match (because, lang) {
        (SavedBecause::Offline, Lang::En) => "Offline".to_owned(),
        (SavedBecause::Offline, Lang::Fr) => "Hors ligne".to_owned(),
        (SavedBecause::Timeout, Lang::En) => "The server is not answering".to_owned(),
        (SavedBecause::Timeout, Lang::Fr) => "Le serveur ne répond pas".to_owned(),
        (SavedBecause::Status(code), Lang::En) => format!("The server answered with status {code}"),
        (SavedBecause::Status(code), Lang::Fr) => format!("Le serveur a répondu avec le statut {code}"),
        (SavedBecause::NotAFeed, Lang::En) => "The server did not send the feed".to_owned(),
        (SavedBecause::NotAFeed, Lang::Fr) => "Le serveur n’a pas envoyé le flux".to_owned(),
    };
    match lang {
        Lang::En => format!("{why} — data saved on {saved}"),
        Lang::Fr => format!("{why} — données enregistrées le {saved}"),
    }
}

/// Why a card matched a search when what matched is not on it: "Matched: sponsor Microsoft".
pub fn matched_off_card(lang: Lang, why: &[crate::core::explore::OffCard]) -> String {
    use crate::core::explore::OffCard;
    let parts: Vec<String> = why
        .iter()
        .map(|w| match (w, lang) {
            (OffCard::Sponsor(name), Lang::En) => format!("sponsor {name}"),
            (OffCard::Sponsor(name), Lang::Fr) => format!("commanditaire {name}"),
            (OffCard::Topic(name), Lang::En) => format!("topic {name}"),
            (OffCard::Topic(name), Lang::Fr) => format!("sujet {name}"),
            (OffCard::Summary, _) => lang.pick("summary", "résumé").to_owned(),
            (OffCard::Translation, _) => lang.pick("French text", "texte anglais").to_owned(),
        })
        .collect();
    match lang {
        Lang::En => format!("Matched: {}", parts.join(", ")),
        Lang::Fr => format!("Correspond\u{a0}: {}", parts.join(", ")),
    }
}

/// The label of the box that narrows a facet's long list of values.
pub fn facet_search(lang: Lang, facet: crate::core::explore::Facet) -> &'static str {
    use crate::core::explore::Facet;
    let (en, fr) = match facet {
        Facet::Place => ("Find a city", "Chercher une ville"),
        Facet::Topic => ("Find a topic or tool", "Chercher un sujet ou un outil"),
        Facet::Speaker => ("Find a speaker", "Chercher un intervenant"),
        Facet::Organization => ("Find an organization", "Chercher une organisation"),
        Facet::Format => ("Find a format", "Chercher un format"),
        Facet::Attendance => ("Find a way to attend", "Chercher une façon de participer"),
    };
    lang.pick(en, fr)
}

/// Under a facet's values: how many it leaves out because they would show nothing.
pub fn values_without_events(lang: Lang, hidden: usize) -> String {
    match lang {
        Lang::En if hidden == 1 => "1 more with no event under these filters".to_owned(),
        Lang::En => format!("{} more with no event under these filters", number(lang, hidden)),
        Lang::Fr if hidden == 1 => "1 autre sans événement avec ces filtres".to_owned(),
        Lang::Fr => format!("{} autres sans événement avec ces filtres", number(lang, hidden)),
    }
}

/// The button that closes the filters onto their results: "Show 3 of 6 events".
pub fn show_results(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("Show {}", shown_of(lang, shown, total)),
        Lang::Fr => format!("Afficher {}", shown_of(lang, shown, total)),
    }
}

/// "3 of 6 events" / « 3 événements sur 6 ».
pub fn shown_of(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("{} of {}", number(lang, shown), count(lang, total, ("event", ""), ("events", ""))),
        Lang::Fr => {
            format!("{} sur {}", count(lang, shown, ("", "événement"), ("", "événements")), number(lang, total))
        }
    }
}

/// What the polite live region says when an event is selected: brief, not the whole panel.
pub fn selected(lang: Lang, title: &str, when: &str) -> String {
    match lang {
        Lang::En => format!("Selected: {title}, {when}"),
        Lang::Fr => format!("Sélection\u{a0}: {title}, {when}"),
    }
}

/// The timeline's stack of events that do not fit its lanes: "12 more events here".
pub fn more_here(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("{} here", count(lang, n, ("more event", ""), ("more events", ""))),
        Lang::Fr => format!("{} de plus ici", count(lang, n, ("", "événement"), ("", "événements"))),
    }
}

/// Under a stack's first events: how many it holds beyond them, and how to reach them.
pub fn more_to_narrow(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("And {} more: narrow them down with the search or the filters.", number(lang, n)),
        Lang::Fr => format!("Et {} de plus\u{a0}: affinez avec la recherche ou les filtres.", number(lang, n)),
    }
}

/// The list's "more" button: how many come next and how many are left.
pub fn show_more(lang: Lang, next: usize, left: usize) -> String {
    match lang {
        Lang::En => format!("Show {} more ({} left)", number(lang, next), number(lang, left)),
        Lang::Fr => format!("Afficher {} de plus ({} restants)", number(lang, next), number(lang, left)),
    }
}

/// The accessible name of a chip that removes a filter.
pub fn remove_filter(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("Remove filter: {name}"),
        Lang::Fr => format!("Retirer le filtre\u{a0}: {name}"),
    }
}

pub fn events_in(lang: Lang, place: &str) -> String {
    match lang {
        Lang::En => format!("Events in {place}"),
        Lang::Fr => format!("Événements à {place}"),
    }
}

pub fn hosted_by(lang: Lang, host: &str) -> String {
    match lang {
        Lang::En => format!("Hosted by {host}"),
        Lang::Fr => format!("Accueilli par {host}"),
    }
}

pub fn join_group(lang: Lang, group: &str) -> String {
    match lang {
        Lang::En => format!("Join the {group} group"),
        Lang::Fr => format!("Rejoindre le groupe {group}"),
    }
}

pub fn repeat_of(lang: Lang, place: &str) -> String {
    match lang {
        Lang::En => format!("Repeat of the session given in {place}"),
        Lang::Fr => format!("Reprise de la présentation donnée à {place}"),
    }
}

/// Under a prerendered page's atlas where scripts do not run. Only the build says it: a
/// function, not a message, so that it stays out of the wasm.
pub fn no_script(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Searching, filtering, zooming and the calendar files need JavaScript and WebAssembly; every meetup is listed here all the same.",
        Lang::Fr => "La recherche, les filtres, le zoom et les fichiers d’agenda ont besoin de JavaScript et de WebAssembly\u{a0}; toutes les rencontres sont tout de même listées ici.",
    }
}

/// Where the wasm cannot run (an old browser, a page's CSP): said by `meetup-atlas.js`,
/// which holds a copy (a test keeps it equal), since nothing of the wasm runs then.
pub fn could_not_start(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Meetup Atlas could not start on this page (it needs WebAssembly).",
        Lang::Fr => "L’Atlas des rencontres n’a pas pu démarrer dans cette page (il lui faut WebAssembly).",
    }
}
