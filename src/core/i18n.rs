//! Every word of the interface, in English and French: fixed messages, counts and
//! plurals, month names and uncertain ranges, problem and error texts. The model
//! never produces words; this module depends on it, never the reverse.
//!
//! Fixed messages are one table of `(en, fr)` pairs (`messages!`); everything else is
//! an exhaustive `match` on `Lang`: a text without both translations does not compile.

use super::date::{Day, Period};
use super::feed::{Attendance, EventKind, Format, LinkKind, Span, Status};
pub use super::lang::Lang;
use super::load::{FeedError, LoadError, MAX_FEED_BYTES, SCHEMA_VERSION};
use super::validate::{Problem, ProblemKind, Target};

/// Every fixed interface string, as `Name => (English, French)`: the one table from which
/// the enum, `Msg::ALL` and `Msg::text` are made, so a message cannot lack a translation
/// (it would not compile) nor be missing from `ALL`.
macro_rules! messages {
    ($($name:ident => ($en:expr, $fr:expr $(,)?)),* $(,)?) => {
        /// Fixed interface strings.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg {
            $($name),*
        }

        impl Msg {
            /// Every message, in the order of the table.
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            pub fn text(self, lang: Lang) -> &'static str {
                let (en, fr) = match self {
                    $(Msg::$name => ($en, $fr)),*
                };
                lang.pick(en, fr)
            }
        }
    };
}

messages! {
    AppName => ("Meetup Atlas", "Atlas des rencontres"),
    Loading => ("Loading the meetups…", "Chargement des rencontres…"),
    StillLoading => ("Still loading: the server is slow to answer.", "Chargement toujours en cours\u{a0}: le serveur tarde à répondre."),
    LoadFailed => ("The meetups could not be loaded.", "Impossible de charger les rencontres."),
    Crashed => ("Something went wrong and the atlas stopped.", "Un problème est survenu et l’atlas s’est arrêté."),
    CrashedHint => ("Reload it to start it again.", "Rechargez-le pour le relancer."),
    Reload => ("Reload", "Recharger"),
    Retry => ("Try again", "Réessayer"),
    ImportTitle => ("Import events", "Importer des événements"),
    ImportIntro => (
        "Turn calendars (.ics from Meetup, Luma, Google or Outlook), spreadsheets (.csv) or feeds of the atlas into one feed. The files are read on this device: nothing is sent anywhere.",
        "Transformez des agendas (.ics de Meetup, Luma, Google ou Outlook), des tableurs (.csv) ou des flux de l’atlas en un seul flux. Les fichiers sont lus sur cet appareil\u{a0}: rien n’est envoyé nulle part.",
    ),
    ImportChoose => ("Choose files, or drop them here", "Choisissez des fichiers, ou déposez-les ici"),
    ImportTextsIn => ("Language of the texts", "Langue des textes"),
    ImportReading => ("Reading the files…", "Lecture des fichiers…"),
    ImportNoEvent => ("No event could be read from these files.", "Aucun événement n’a pu être lu dans ces fichiers."),
    ImportNotes => (
        "What could not be read, or was read with a guess (in English):",
        "Ce qui n’a pas pu être lu, ou l’a été par déduction (en anglais)\u{a0}:",
    ),
    ImportDownload => ("Download the feed (feed.json)", "Télécharger le flux (feed.json)"),
    ImportPreview => ("Preview", "Aperçu"),
    ImportHowTo => ("Where to find these files: “Bring your data”", "Où trouver ces fichiers\u{a0}: «\u{a0}Bring your data\u{a0}»"),
    Subscribe => ("Subscribe", "S’abonner"),
    SubscribeApp => ("In the calendar app of this device", "Dans l’agenda de cet appareil"),
    SubscribeGoogle => ("In Google Calendar", "Dans Google Agenda"),
    SubscribeOutlook => ("In Outlook", "Dans Outlook"),
    SubscribeUpdates => ("It updates itself as events change.", "Il se met à jour quand les événements changent."),
    SubscribeAllInstead => (
        "What is shown has no calendar of its own: subscribe to all events.",
        "Ce qui est affiché n’a pas d’agenda à lui\u{a0}: abonnez-vous à tous les événements.",
    ),
    SubscribeNone => ("No calendar is published with these events.", "Aucun agenda n’est publié avec ces événements."),
    FeedsNotShown => ("Not shown, the others are:", "Non affichés, les autres le sont\u{a0}:"),
    FromFeed => ("From", "Source\u{a0}:"),
    Language => ("Language", "Langue"),
    Events => ("Events", "Événements"),
    Sessions => ("Sessions", "Présentations"),
    Sponsors => ("Sponsors", "Commanditaires"),
    Topics => ("Topics", "Sujets"),
    PlaceNotStated => ("Place not stated in the source", "Lieu non précisé par la source"),
    AlsoInEdition => ("Also during this tour", "Aussi pendant cette tournée"),
    ExactDayUnknown => ("exact day not stated", "jour exact non précisé"),
    FeedProblems => ("Problems in the feed", "Problèmes dans le flux"),
    Past => ("Past", "Passé"),
    Upcoming => ("Upcoming", "À venir"),
    Source => ("Source", "Source"),
    NoEvents => ("No events to show.", "Aucun événement à afficher."),
    MapLabel => ("Map of the meetups", "Carte des rencontres"),
    MapRole => ("map", "carte"),
    MapControls => ("Map controls", "Commandes de la carte"),
    ZoomIn => ("Zoom in on the map", "Zoom avant sur la carte"),
    ZoomOut => ("Zoom out of the map", "Zoom arrière sur la carte"),
    TimelineZoomIn => ("Zoom in on the timeline", "Zoom avant sur la frise"),
    TimelineZoomOut => ("Zoom out of the timeline", "Zoom arrière sur la frise"),
    ShowAllPlaces => ("Show all places", "Afficher tous les lieux"),
    PanNorth => ("Move north", "Aller vers le nord"),
    PanSouth => ("Move south", "Aller vers le sud"),
    PanWest => ("Move west", "Aller vers l’ouest"),
    PanEast => ("Move east", "Aller vers l’est"),
    WheelHint => ("Hold Ctrl while scrolling to zoom the map", "Maintenez Ctrl en faisant défiler pour zoomer"),
    MapKeys => (
        "Arrow keys move the map, + and − zoom, 0 shows all places, Escape clears the selection.",
        "Les flèches déplacent la carte, + et − zooment, 0 affiche tous les lieux, Échap annule la sélection.",
    ),
    BasemapUnavailable => (
        "The background map could not be loaded; the markers are still in place.",
        "Le fond de carte n’a pas pu être chargé\u{a0}; les marqueurs restent en place.",
    ),
    ShowAllEvents => ("Show all events", "Afficher tous les événements"),
    Timeline => ("Timeline", "Frise chronologique"),
    TimelineControls => ("Timeline controls", "Commandes de la frise"),
    Earlier => ("Earlier", "Plus tôt"),
    Later => ("Later", "Plus tard"),
    GoToday => ("Go to today", "Aller à aujourd’hui"),
    NextEvent => ("Next event", "Prochain événement"),
    LatestEvent => ("Latest event", "Dernier événement"),
    NothingNearToday => ("No events near today", "Aucun événement près d’aujourd’hui"),
    ShowEarlier => ("Show earlier events", "Afficher les événements précédents"),
    MapTouch => ("Drag to move the map, pinch to zoom.", "Glissez pour déplacer la carte, pincez pour zoomer."),
    TimelineTouch => ("Drag to move along the timeline, pinch to zoom.", "Glissez pour parcourir la frise, pincez pour zoomer."),
    Today => ("Today", "Aujourd’hui"),
    TimelineKeys => (
        "← and → move between events, + and − zoom, Home and End go to the first and last event, Enter opens one.",
        "← et → passent d’un événement à l’autre, + et − zooment, Début et Fin vont au premier et au dernier, Entrée en ouvre un.",
    ),
    CloseDetails => ("Close details", "Fermer les détails"),
    FindEvents => ("Find events", "Trouver des événements"),
    Search => ("Search", "Rechercher"),
    When => ("When", "Quand"),
    AnyTime => ("Any time", "Toutes les dates"),
    ClearAll => ("Clear all", "Tout effacer"),
    AddToCalendar => ("Add to calendar (.ics)", "Ajouter au calendrier (.ics)"),
    DownloadCalendar => ("Download (.ics)", "Télécharger (.ics)"),
    CopyLink => ("Copy link", "Copier le lien"),
    LinkCopied => ("Link copied", "Lien copié"),
    Embed => ("Embed", "Intégrer"),
    EmbedTitle => ("Embed this atlas in your site", "Intégrer cet atlas à votre site"),
    EmbedIntro => ("Copy one of these snippets into your page. It shows the views you choose, in the current language.", "Copiez l’un de ces extraits dans votre page. Il affiche les vues choisies, dans la langue actuelle."),
    EmbedElement => ("Web component (one script tag)", "Composant Web (une seule balise script)"),
    EmbedFrame => ("Iframe that sizes itself to its content", "Cadre (iframe) qui s’ajuste à son contenu"),
    EmbedHugo => ("Hugo shortcode", "Code court Hugo"),
    Views => ("Views", "Vues"),
    EmbedParts => ("Also show", "Afficher aussi"),
    EmbedHeader => ("Title and language", "Titre et langue"),
    MapView => ("Map", "Carte"),
    ListView => ("List", "Liste"),
    Copy => ("Copy", "Copier"),
    Copied => ("Copied", "Copié"),
    Close => ("Close", "Fermer"),
    PastEvents => ("Past", "Passés"),
    Filters => ("Filters", "Filtres"),
    SkipToEvents => ("Skip to events", "Aller aux événements"),
    BackToList => ("Back to the list", "Retour à la liste"),
    EventDetails => ("Event details", "Détails de l’événement"),
    AboutEdition => ("About this edition and its sponsors", "À propos de cette édition et de ses commanditaires"),
    OtherEvents => ("Other events", "Autres événements"),
    JoinOnline => ("Join online", "Rejoindre en ligne"),
    Approximate => ("Placed at the city centre: the venue's exact location is not known.", "Placé au centre de la ville\u{a0}: l’emplacement exact du lieu n’est pas connu."),
    Address => ("Address", "Adresse"),
    SearchPlaceholder => ("Talk, speaker, place…", "Sujet, personne, lieu…"),
    Legend => ("Legend", "Légende"),
    LegendUpcoming => ("Upcoming", "À venir"),
    LegendPast => ("Past", "Passé"),
    LegendGroup => ("Several places: zoom in", "Plusieurs lieux\u{a0}: zoomez"),
    LegendUncertain => ("Date not known exactly", "Date approximative"),
}

// Dates in words: month names, ticks' day labels, and uncertain ranges said loosely.

pub fn month_name(month: u8, lang: Lang) -> &'static str {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    month_from(&EN, &FR, month, lang)
}

pub fn month_short(month: u8, lang: Lang) -> &'static str {
    const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const FR: [&str; 12] =
        ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
    month_from(&EN, &FR, month, lang)
}

/// Month `month` (1–12, clamped) of the table of `lang`.
fn month_from(en: &[&'static str; 12], fr: &[&'static str; 12], month: u8, lang: Lang) -> &'static str {
    let index = usize::from(month.clamp(1, 12) - 1);
    match lang {
        Lang::En => en[index],
        Lang::Fr => fr[index],
    }
}

/// A day as `Intl` writes it for the language's Canadian locale ("May 24, 2019",
/// « 24 mai 2019 »; the year left out when the context gives it), for where there is no
/// `Intl`: the build's prerender, which the browser then takes over without redrawing.
/// A component test holds it to what the browser writes.
pub fn plain_day(day: Day, lang: Lang, with_year: bool) -> String {
    let month = month_name(day.month, lang);
    let text = match (lang, with_year) {
        (Lang::En, true) => format!("{month} {}, {}", day.day, day.year),
        (Lang::En, false) => format!("{month} {}", day.day),
        (Lang::Fr, true) => format!("{} {month} {}", day.day, day.year),
        (Lang::Fr, false) => format!("{} {month}", day.day),
    };
    typeset_date(&text, lang)
}

/// French typography on a date the browser wrote: the first of the month is « 1er »
/// (« 1er décembre »), and hours have no leading zero (« 8 h 24 », not « 08 h 24 »).
/// Other languages' text is returned as it is.
pub fn typeset_date(text: &str, lang: Lang) -> String {
    if lang != Lang::Fr {
        return text.to_owned();
    }
    let words: Vec<&str> = text.split(' ').collect();
    let month_names: Vec<&str> = (1..=12).map(|m| month_name(m, Lang::Fr)).collect();
    words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let next = words.get(i + 1).copied().unwrap_or("");
            if *word == "1" && month_names.contains(&next) {
                "1er".to_owned()
            } else if word.len() == 2 && word.starts_with('0') && word.as_bytes()[1].is_ascii_digit() && next == "h" {
                word[1..].to_owned()
            } else {
                (*word).to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn day_month(day: Day, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {}", month_short(day.month, lang), day.day),
        Lang::Fr if day.day == 1 => format!("1er {}", month_short(day.month, lang)),
        Lang::Fr => format!("{} {}", day.day, month_short(day.month, lang)),
    }
}

/// Which third of its month a day falls in, in words.
fn part_of_month(day: Day, lang: Lang) -> String {
    let third = match day.day {
        1..=10 => 0,
        11..=20 => 1,
        _ => 2,
    };
    let month = month_name(day.month, lang);
    match (lang, third) {
        (Lang::En, 0) => format!("early {month}"),
        (Lang::En, 1) => format!("mid {month}"),
        (Lang::En, _) => format!("late {month}"),
        (Lang::Fr, 0) => format!("début {month}"),
        (Lang::Fr, 1) => format!("mi-{month}"),
        (Lang::Fr, _) => format!("fin {month}"),
    }
}

/// An uncertain range said as loosely as it is known:
/// "late May – mid June 2019" / « fin mai – mi-juin 2019 ».
pub fn fuzzy_range(span: Span, lang: Lang) -> String {
    let (first, last) = (part_of_month(span.first, lang), part_of_month(span.last, lang));
    if span.first.year != span.last.year {
        format!("{first} {} – {last} {}", span.first.year, span.last.year)
    } else if first == last {
        format!("{first} {}", span.first.year)
    } else {
        format!("{first} – {last} {}", span.last.year)
    }
}

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
pub fn session_title(session: &super::feed::Session, lang: Lang) -> String {
    let (open, close) = title_quotes(lang, session.descriptive_title);
    format!("{open}{}{close}", session.title.get(lang))
}

pub fn format_name(format: Format, lang: Lang) -> &'static str {
    let (en, fr) = match format {
        Format::Talk => ("Talk", "Présentation"),
        Format::Demo => ("Demo", "Démonstration"),
        Format::Workshop => ("Workshop", "Atelier"),
    };
    lang.pick(en, fr)
}

pub fn event_kind_name(kind: EventKind, lang: Lang) -> &'static str {
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
pub fn status_name(status: Status, lang: Lang) -> Option<&'static str> {
    let (en, fr) = match status {
        Status::Scheduled => return None,
        Status::Cancelled => ("Cancelled", "Annulé"),
        Status::Postponed => ("Postponed", "Reporté"),
        Status::Rescheduled => ("Rescheduled", "Reprogrammé"),
        Status::MovedOnline => ("Moved online", "Passé en ligne"),
    };
    Some(lang.pick(en, fr))
}

/// "Rescheduled (was May 3, 2026)", the former day in the reader's words.
pub fn rescheduled_from(lang: Lang, was: &str) -> String {
    match lang {
        Lang::En => format!("Rescheduled (was {was})"),
        Lang::Fr => format!("Reprogrammé (prévu le {was})"),
    }
}

pub fn attendance_name(attendance: Attendance, lang: Lang) -> &'static str {
    let (en, fr) = match attendance {
        Attendance::InPerson => ("In person", "Sur place"),
        Attendance::Online => ("Online", "En ligne"),
        Attendance::Mixed => ("In person and online", "Sur place et en ligne"),
    };
    lang.pick(en, fr)
}

pub fn link_kind_name(kind: LinkKind, lang: Lang) -> &'static str {
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

/// An event's time where the visitor is, beside its own: "your time: June 5, 12:00 a.m. CEST".
pub fn your_time(lang: Lang, time: &str) -> String {
    match lang {
        Lang::En => format!("your time: {time}"),
        Lang::Fr => format!("chez vous\u{a0}: {time}"),
    }
}

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

/// `n` things with the right plural: "1 meetup", "2 meetups"; « 0 rencontre », « 2 rencontres ».
/// French treats 0 and 1 as singular.
pub fn count(lang: Lang, n: usize, singular: (&str, &str), plural: (&str, &str)) -> String {
    let one = match lang {
        Lang::En => n == 1,
        Lang::Fr => n <= 1,
    };
    let (en, fr) = if one { singular } else { plural };
    format!("{n}\u{a0}{}", lang.pick(en, fr))
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
    timing: Option<super::query::Timing>,
) -> String {
    use super::query::Timing;
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
fn decimal_fr(value: f64) -> String {
    value.to_string().replace('.', ",")
}

/// The name of a view an embedder can choose.
pub fn panel_name(panel: super::embed::Panel, lang: Lang) -> &'static str {
    use super::embed::Panel;
    match panel {
        Panel::Map => Msg::MapView.text(lang),
        Panel::Timeline => Msg::Timeline.text(lang),
        Panel::List => Msg::ListView.text(lang),
    }
}

/// Why the service worker answered with its saved copy of the feed (its header
/// `x-meetup-atlas-saved-because`: `offline`, `timeout`, `status 500`, `not-a-feed`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavedBecause {
    Offline,
    Timeout,
    Status(u16),
    NotAFeed,
}

impl SavedBecause {
    /// An unknown or missing reason reads as offline, what the saved copy is for.
    pub fn parse(header: Option<&str>) -> SavedBecause {
        match header.map(str::trim) {
            Some("timeout") => SavedBecause::Timeout,
            Some("not-a-feed") => SavedBecause::NotAFeed,
            Some(other) => other
                .strip_prefix("status ")
                .and_then(|code| code.parse().ok())
                .map_or(SavedBecause::Offline, SavedBecause::Status),
            None => SavedBecause::Offline,
        }
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

pub fn facet_name(facet: super::explore::Facet, lang: Lang) -> &'static str {
    use super::explore::Facet;
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

/// Why a card matched a search when what matched is not on it: "Matched: sponsor Microsoft".
pub fn matched_off_card(lang: Lang, why: &[super::explore::OffCard]) -> String {
    use super::explore::OffCard;
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
pub fn facet_search(lang: Lang, facet: super::explore::Facet) -> &'static str {
    use super::explore::Facet;
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
        Lang::En => format!("{hidden} more with no event under these filters"),
        Lang::Fr if hidden == 1 => "1 autre sans événement avec ces filtres".to_owned(),
        Lang::Fr => format!("{hidden} autres sans événement avec ces filtres"),
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
        Lang::En => format!("{shown} of {}", count(lang, total, ("event", ""), ("events", ""))),
        Lang::Fr => format!("{} sur {total}", count(lang, shown, ("", "événement"), ("", "événements"))),
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
        Lang::En => format!("And {n} more: narrow them down with the search or the filters."),
        Lang::Fr => format!("Et {n} de plus\u{a0}: affinez avec la recherche ou les filtres."),
    }
}

/// The list's "more" button: how many come next and how many are left.
pub fn show_more(lang: Lang, next: usize, left: usize) -> String {
    match lang {
        Lang::En => format!("Show {next} more ({left} left)"),
        Lang::Fr => format!("Afficher {next} de plus ({left} restants)"),
    }
}

/// A timeline item's label: the event's title, then its place ("Dev Days — Fukuoka"),
/// unless the title names it already ("Fukuoka meetup", "Montréal — spring 2019").
pub fn title_and_place(title: &str, place: Option<&str>) -> String {
    use super::explore::fold;
    match place.filter(|place| !fold(title).contains(&fold(place))) {
        Some(place) => format!("{title} — {place}"),
        None => title.to_owned(),
    }
}

/// A density bar's period in words: a day or a week given as `day` (written by `Intl`),
/// a month or a year from `start`.
pub fn bar_period(lang: Lang, unit: Period, start: Day, day: &str) -> String {
    match (unit, lang) {
        (Period::Day, _) => day.to_owned(),
        (Period::Week, Lang::En) => format!("Week of {day}"),
        (Period::Week, Lang::Fr) => format!("Semaine du {day}"),
        (Period::Month, Lang::En) => format!("{} {}", month_name(start.month, lang), start.year),
        (Period::Month, Lang::Fr) => format!("{} {}", capitalized(month_name(start.month, lang)), start.year),
        (Period::Year, _) => start.year.to_string(),
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A density bar's name: "Week of Oct 6, 2026: 14 events".
pub fn bar_title(lang: Lang, period: &str, n: usize) -> String {
    let events = count(lang, n, ("event", "événement"), ("events", "événements"));
    match lang {
        Lang::En => format!("{period}: {events}"),
        Lang::Fr => format!("{period}\u{a0}: {events}"),
    }
}

/// The density strip's name: what its bars count.
pub fn bars_of(lang: Lang, unit: Period) -> &'static str {
    match (unit, lang) {
        (Period::Day, Lang::En) => "Events per day: choose one to zoom in",
        (Period::Day, Lang::Fr) => "Événements par jour\u{a0}: choisissez-en un pour zoomer",
        (Period::Week, Lang::En) => "Events per week: choose one to zoom in",
        (Period::Week, Lang::Fr) => "Événements par semaine\u{a0}: choisissez-en une pour zoomer",
        (Period::Month, Lang::En) => "Events per month: choose one to zoom in",
        (Period::Month, Lang::Fr) => "Événements par mois\u{a0}: choisissez-en un pour zoomer",
        (Period::Year, Lang::En) => "Events per year: choose one to zoom in",
        (Period::Year, Lang::Fr) => "Événements par année\u{a0}: choisissez-en une pour zoomer",
    }
}

/// A calendar entry's title for an event whose day is not known.
pub fn uncertain_title(lang: Lang, title: &str, range: &str) -> String {
    match lang {
        Lang::En => format!("{title} (exact day not stated: {range})"),
        Lang::Fr => format!("{title} (jour exact non précisé\u{a0}: {range})"),
    }
}

/// A country's short name from its ISO 3166-1 code; an unknown code as it is.
pub fn country_name(code: &str, lang: Lang) -> &str {
    super::countries::name(code, lang).unwrap_or(code)
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

/// An uncertain range in words; `first` and `last` come formatted from `Intl`.
pub fn between(lang: Lang, first: &str, last: &str) -> String {
    match lang {
        Lang::En => format!("Between {first} and {last}"),
        Lang::Fr => format!("Entre le {first} et le {last}"),
    }
}

/// "From … to …" for an event over several known days.
pub fn from_to(lang: Lang, first: &str, last: &str) -> String {
    match lang {
        Lang::En => format!("{first} to {last}"),
        Lang::Fr => format!("Du {first} au {last}"),
    }
}

pub fn problems_summary(lang: Lang, problems: usize, left_out: usize) -> String {
    let found = count(lang, problems, ("problem found", "problème trouvé"), ("problems found", "problèmes trouvés"));
    let left = count(lang, left_out, ("event left out", "événement écarté"), ("events left out", "événements écartés"));
    match lang {
        Lang::En => format!("{found} in the feed; {left}. Everything else is shown."),
        Lang::Fr => format!("{found} dans le flux\u{a0}; {left}. Tout le reste est affiché."),
    }
}

/// "\"Austria\" is not a country code (two capital letters, such as AT)".
fn bad_code(lang: Lang, code: super::validate::Code, value: &str) -> String {
    use super::validate::Code;
    match (code, lang) {
        (Code::Country, Lang::En) => format!("{value} is not a country code (two capital letters, such as AT)"),
        (Code::Country, Lang::Fr) => format!("{value} n’est pas un code de pays (deux majuscules, comme AT)"),
        (Code::Region, Lang::En) => {
            format!("{value} is not a region code (one to three capital letters or digits, such as QC)")
        }
        (Code::Region, Lang::Fr) => {
            format!("{value} n’est pas un code de région (une à trois majuscules ou chiffres, comme QC)")
        }
        (Code::Language, Lang::En) => format!("{value} is not a language tag (such as en or fr-CA)"),
        (Code::Language, Lang::Fr) => format!("{value} n’est pas une étiquette de langue (comme en ou fr-CA)"),
    }
}

/// What a kind of problem is called in a count: "unknown reference".
fn problem_kind_name(kind: &ProblemKind, lang: Lang) -> &'static str {
    use ProblemKind as P;
    let (en, fr) = match kind {
        P::Missing => ("missing field", "champ absent"),
        P::Malformed(_) => ("unexpected structure", "structure inattendue"),
        P::BadId(_) => ("invalid id", "identifiant invalide"),
        P::DuplicateId(_) => ("duplicate id", "identifiant en double"),
        P::Unknown(..) => ("unknown reference", "référence inconnue"),
        P::EmptyText => ("empty text", "texte vide"),
        P::LatitudeOutOfRange(_) | P::LongitudeOutOfRange(_) => {
            ("coordinates out of range", "coordonnées hors limites")
        }
        P::UnsafeLink(_) => ("refused link", "lien refusé"),
        P::BadDate(_) => ("invalid date", "date invalide"),
        P::BadMoment(_) => ("invalid date-time", "date et heure invalides"),
        P::ReversedRange => ("reversed range", "période inversée"),
        P::BadTimeZone(_) => ("invalid time zone", "fuseau horaire invalide"),
        P::UnknownField { .. } => ("unknown field", "champ inconnu"),
        P::BadCode(..) => ("code of the wrong form", "code de forme inattendue"),
        P::CopyOf(_) => ("event in two feeds", "événement de deux flux"),
    };
    lang.pick(en, fr)
}

/// "By kind: unknown reference (12), invalid date (3)." — most frequent first.
pub fn problems_by_kind(lang: Lang, problems: &[super::validate::Problem]) -> String {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for problem in problems {
        let name = problem_kind_name(&problem.kind, lang);
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, count)) => *count += 1,
            None => counts.push((name, 1)),
        }
    }
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let parts: Vec<String> = counts.iter().map(|(name, n)| format!("{name} ({n})")).collect();
    format!("{} {}.", label(lang, lang.pick("By kind", "Par type")), parts.join(", "))
}

/// Under the first problems listed: how many more there are.
pub fn problems_not_listed(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("And {}, not listed here.", count(lang, n, ("more problem", ""), ("more problems", ""))),
        Lang::Fr => format!("Et {}, non listés ici.", count(lang, n, ("", "autre problème"), ("", "autres problèmes"))),
    }
}

pub fn load_error_text(error: &LoadError, lang: Lang) -> String {
    use FeedError as F;
    match (error, lang) {
        (LoadError::Offline, Lang::En) => "This device is offline and has no saved copy of the events. Check the connection.".into(),
        (LoadError::Offline, Lang::Fr) => "Cet appareil est hors ligne et n’a pas de copie enregistrée des événements. Vérifiez la connexion.".into(),
        (LoadError::Unreachable { other_origin: false }, Lang::En) => "The feed’s server could not be reached.".into(),
        (LoadError::Unreachable { other_origin: false }, Lang::Fr) => "Le serveur du flux est injoignable.".into(),
        (LoadError::Unreachable { other_origin: true }, Lang::En) => {
            "The feed’s server could not be reached, or it does not let this page read the feed (a feed on another site must allow it with CORS headers).".into()
        }
        (LoadError::Unreachable { other_origin: true }, Lang::Fr) => {
            "Le serveur du flux est injoignable, ou il ne permet pas à cette page de lire le flux (un flux hébergé sur un autre site doit l’autoriser par des en-têtes CORS).".into()
        }
        (LoadError::Timeout(seconds), Lang::En) => format!("The server did not answer within {seconds} seconds."),
        (LoadError::Timeout(seconds), Lang::Fr) => format!("Le serveur n’a pas répondu en {seconds}\u{a0}secondes."),
        (LoadError::Feed(F::TooLarge(bytes)), Lang::En) => {
            format!("The feed is {} MB; feeds over {} MB are not read, so that the page stays usable.", megabytes(*bytes, lang), MAX_FEED_BYTES >> 20)
        }
        (LoadError::Feed(F::TooLarge(bytes)), Lang::Fr) => {
            format!("Le flux pèse {}\u{a0}Mo\u{a0}; au-delà de {}\u{a0}Mo, il n’est pas lu, pour que la page reste utilisable.", megabytes(*bytes, lang), MAX_FEED_BYTES >> 20)
        }
        (LoadError::Status(code), Lang::En) => format!("The server answered with status {code}."),
        (LoadError::Status(code), Lang::Fr) => format!("Le serveur a répondu avec le statut {code}."),
        (LoadError::Feed(F::NotJson(detail)), Lang::En) => format!("The feed is not valid JSON ({detail})."),
        (LoadError::Feed(F::NotJson(detail)), Lang::Fr) => format!("Le flux n’est pas du JSON valide ({detail})."),
        (LoadError::Feed(F::NotAnObject), Lang::En) => "The feed is not a JSON object.".into(),
        (LoadError::Feed(F::NotAnObject), Lang::Fr) => "Le flux n’est pas un objet JSON.".into(),
        (LoadError::Feed(F::MissingVersion), Lang::En) => "The feed does not say which schema_version it follows.".into(),
        (LoadError::Feed(F::MissingVersion), Lang::Fr) => "Le flux n’indique pas sa version de schéma (schema_version).".into(),
        (LoadError::Feed(F::UnsupportedVersion(v)), Lang::En) => {
            format!("The feed uses schema version {v}; this app reads version {SCHEMA_VERSION}.")
        }
        (LoadError::Feed(F::UnsupportedVersion(v)), Lang::Fr) => {
            format!("Le flux suit la version {v} du schéma\u{a0}; cette application lit la version {SCHEMA_VERSION}.")
        }
    }
}

/// Bytes as megabytes with one decimal, in the language's way of writing decimals.
fn megabytes(bytes: usize, lang: Lang) -> String {
    let value = format!("{:.1}", bytes as f64 / 1_048_576.0);
    match lang {
        Lang::En => value,
        Lang::Fr => value.replace('.', ","),
    }
}

fn target_name(target: Target, lang: Lang) -> &'static str {
    let (en, fr) = match target {
        Target::Place => ("place", "lieu"),
        Target::Organization => ("organization", "organisation"),
        Target::Person => ("person", "personne"),
        Target::Topic => ("topic", "sujet"),
        Target::Series => ("series", "série"),
        Target::Edition => ("edition", "édition"),
        Target::Session => ("session", "présentation"),
    };
    lang.pick(en, fr)
}

impl std::fmt::Display for Problem {
    /// The English form, for the command-line checker and logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, problem_text(&self.kind, Lang::En))
    }
}

pub fn problem_text(kind: &ProblemKind, lang: Lang) -> String {
    use ProblemKind as P;
    let (open, close) = match lang {
        Lang::En => ("\"", "\""),
        Lang::Fr => ("«\u{a0}", "\u{a0}»"),
    };
    let quoted = |s: &str| format!("{open}{s}{close}");
    match (kind, lang) {
        (P::Missing, Lang::En) => "required field missing".into(),
        (P::Missing, Lang::Fr) => "champ obligatoire absent".into(),
        (P::Malformed(detail), Lang::En) => format!("unexpected structure ({detail})"),
        (P::Malformed(detail), Lang::Fr) => format!("structure inattendue ({detail})"),
        (P::BadId(id), Lang::En) => format!("invalid id {} (lowercase letters, digits and hyphens)", quoted(id)),
        (P::BadId(id), Lang::Fr) => {
            format!("identifiant invalide {} (minuscules, chiffres et traits d’union)", quoted(id))
        }
        (P::DuplicateId(id), Lang::En) => format!("duplicate id {}", quoted(id)),
        (P::DuplicateId(id), Lang::Fr) => format!("identifiant en double {}", quoted(id)),
        (P::Unknown(target, id), Lang::En) => format!("unknown {} {}", target_name(*target, lang), quoted(id)),
        (P::Unknown(target, id), Lang::Fr) => format!("{} inconnu(e) {}", target_name(*target, lang), quoted(id)),
        (P::EmptyText, Lang::En) => "empty text".into(),
        (P::EmptyText, Lang::Fr) => "texte vide".into(),
        (P::LatitudeOutOfRange(v), Lang::En) => format!("latitude {v} is outside −90…90"),
        (P::LatitudeOutOfRange(v), Lang::Fr) => format!("latitude {} hors de −90…90", decimal_fr(*v)),
        (P::LongitudeOutOfRange(v), Lang::En) => format!("longitude {v} is outside −180…180"),
        (P::LongitudeOutOfRange(v), Lang::Fr) => format!("longitude {} hors de −180…180", decimal_fr(*v)),
        (P::UnsafeLink(url), Lang::En) => {
            format!("link {} is not http:, https: or a plain mailto: address", quoted(url))
        }
        (P::UnsafeLink(url), Lang::Fr) => {
            format!("le lien {} n’est ni http:, ni https:, ni une simple adresse mailto:", quoted(url))
        }
        (P::BadDate(text), Lang::En) => format!("{} is not a date (YYYY-MM-DD)", quoted(text)),
        (P::BadDate(text), Lang::Fr) => format!("{} n’est pas une date (AAAA-MM-JJ)", quoted(text)),
        (P::BadMoment(text), Lang::En) => format!("{} is not a date-time with offset (RFC 3339)", quoted(text)),
        (P::BadMoment(text), Lang::Fr) => {
            format!("{} n’est pas une date et heure avec décalage (RFC 3339)", quoted(text))
        }
        (P::ReversedRange, Lang::En) => "ends before it starts".into(),
        (P::ReversedRange, Lang::Fr) => "se termine avant de commencer".into(),
        (P::BadTimeZone(zone), Lang::En) => format!("{} is not a time zone name such as America/Toronto", quoted(zone)),
        (P::BadTimeZone(zone), Lang::Fr) => {
            format!("{} n’est pas un nom de fuseau horaire comme America/Toronto", quoted(zone))
        }
        (P::UnknownField { field, suggestion: None }, Lang::En) => format!("unknown field `{field}`"),
        (P::UnknownField { field, suggestion: None }, Lang::Fr) => format!("champ inconnu `{field}`"),
        (P::UnknownField { field, suggestion: Some(known) }, Lang::En) => {
            format!("unknown field `{field}`, did you mean `{known}`?")
        }
        (P::UnknownField { field, suggestion: Some(known) }, Lang::Fr) => {
            format!("champ inconnu `{field}`, vouliez-vous dire `{known}`\u{a0}?")
        }
        (P::BadCode(code, value), _) => bad_code(lang, *code, &quoted(value)),
        (P::CopyOf(id), Lang::En) => format!("the same event as {} of another feed: shown once", quoted(id)),
        (P::CopyOf(id), Lang::Fr) => format!("le même événement que {} d’un autre flux : affiché une fois", quoted(id)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_dates_say_1er_and_8_h_24() {
        assert_eq!(typeset_date("1 décembre 2019 à 08 h 24 HNE", Lang::Fr), "1er décembre 2019 à 8 h 24 HNE");
        assert_eq!(typeset_date("Entre le 1 mai et le 14 juin 2019", Lang::Fr), "Entre le 1er mai et le 14 juin 2019");
        assert_eq!(
            typeset_date("11 mai 2019 à 10 h 00", Lang::Fr),
            "11 mai 2019 à 10 h 00",
            "only a lone 1, only 0X h"
        );
        assert_eq!(typeset_date("December 1, 2019 at 08:24", Lang::En), "December 1, 2019 at 08:24");
    }

    #[test]
    fn saved_copy_notices_say_why() {
        assert_eq!(SavedBecause::parse(Some("status 503")), SavedBecause::Status(503));
        assert_eq!(SavedBecause::parse(Some("timeout")), SavedBecause::Timeout);
        assert_eq!(SavedBecause::parse(Some("status x")), SavedBecause::Offline);
        assert_eq!(SavedBecause::parse(None), SavedBecause::Offline);
        assert_eq!(offline_notice(Lang::En, "June 1", SavedBecause::Offline), "Offline — data saved on June 1");
        assert_eq!(
            offline_notice(Lang::Fr, "1er juin", SavedBecause::Status(500)),
            "Le serveur a répondu avec le statut 500 — données enregistrées le 1er juin"
        );
        assert_eq!(
            offline_notice(Lang::En, "June 1", SavedBecause::NotAFeed),
            "The server did not send the feed — data saved on June 1"
        );
    }

    #[test]
    fn every_message_exists_in_both_languages_and_differs_where_it_should() {
        for msg in Msg::ALL {
            for lang in Lang::ALL {
                assert!(!msg.text(lang).trim().is_empty(), "{msg:?} {lang:?}");
            }
        }
        let same: Vec<_> = Msg::ALL.iter().filter(|m| m.text(Lang::En) == m.text(Lang::Fr)).collect();
        assert_eq!(same, [&Msg::Source], "identical in both languages");
        assert_eq!(shown_of(Lang::En, 3, 6), "3 of 6\u{a0}events");
        assert_eq!(shown_of(Lang::Fr, 1, 6), "1\u{a0}événement sur 6");
    }

    #[test]
    fn numbers_in_messages_use_each_language_decimal_mark() {
        use crate::core::validate::ProblemKind;
        assert_eq!(problem_text(&ProblemKind::LatitudeOutOfRange(91.5), Lang::En), "latitude 91.5 is outside −90…90");
        assert_eq!(
            problem_text(&ProblemKind::LongitudeOutOfRange(-181.25), Lang::Fr),
            "longitude -181,25 hors de −180…180"
        );
    }

    #[test]
    fn french_strings_use_french_punctuation_spacing() {
        let mut texts: Vec<String> = Msg::ALL.iter().map(|m| m.text(Lang::Fr).to_owned()).collect();
        texts.push(problems_summary(Lang::Fr, 2, 1));
        texts.push(label(Lang::Fr, "Sujets"));
        texts.push(load_error_text(&LoadError::Feed(FeedError::UnsupportedVersion(9)), Lang::Fr));
        for text in texts {
            for mark in [':', ';', '?', '!', '»'] {
                for (i, _) in text.match_indices(mark) {
                    assert!(text[..i].ends_with('\u{a0}') || text[..i].ends_with('\u{202f}'), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        assert_eq!(meetups(Lang::En, 1), "1\u{a0}meetup");
        assert_eq!(meetups(Lang::En, 0), "0\u{a0}meetups");
        assert_eq!(meetups(Lang::Fr, 0), "0\u{a0}rencontre");
        assert_eq!(meetups(Lang::Fr, 1), "1\u{a0}rencontre");
        assert_eq!(meetups(Lang::Fr, 5), "5\u{a0}rencontres");
    }

    #[test]
    fn marker_names_agree_in_number_and_gender() {
        use crate::core::query::Timing;
        assert_eq!(marker_label(Lang::En, Things::Meetups, &["Toronto"], 1, 1, None), "Toronto — 1\u{a0}meetup");
        assert_eq!(marker_label(Lang::Fr, Things::Meetups, &["Toronto"], 1, 1, None), "Toronto — 1\u{a0}rencontre");
        assert_eq!(
            marker_label(Lang::Fr, Things::Meetups, &["Québec"], 1, 1, Some(Timing::Past)),
            "Québec — 1\u{a0}rencontre, passée"
        );
        assert_eq!(
            marker_label(Lang::Fr, Things::Meetups, &["Québec"], 1, 3, Some(Timing::Past)),
            "Québec — 3\u{a0}rencontres, passées"
        );
        assert_eq!(
            marker_label(Lang::En, Things::Meetups, &["Toronto", "Kitchener-Waterloo"], 2, 2, Some(Timing::Upcoming)),
            "Toronto area: Toronto, Kitchener-Waterloo — 2\u{a0}meetups, upcoming. Zoom in to separate them"
        );
    }

    #[test]
    fn a_feed_is_named_by_the_kinds_of_its_events() {
        use crate::core::feed::EventKind::{Conference, Meetup};
        use crate::core::query::Timing;
        assert_eq!(Things::of([Meetup, Meetup]), Things::Meetups);
        assert_eq!(Things::of([Conference]), Things::Conferences);
        assert_eq!(Things::of([Meetup, Conference]), Things::Events);
        assert_eq!(Things::of([]), Things::Events);
        assert_eq!(Things::Conferences.count(Lang::En, 1), "1\u{a0}conference");
        assert_eq!(Things::Events.count(Lang::Fr, 3), "3\u{a0}événements");
        assert_eq!(Things::Events.about(Lang::En), "About these events");
        assert_eq!(kinds_count(Lang::En, [Meetup, Conference, Meetup]), "2\u{a0}meetups, 1\u{a0}conference");
        assert_eq!(kinds_count(Lang::Fr, []), "0\u{a0}événement");
        assert_eq!(
            marker_label(Lang::Fr, Things::Events, &["Lyon"], 1, 2, Some(Timing::Past)),
            "Lyon — 2\u{a0}événements, passés"
        );
        assert_eq!(
            marker_label(Lang::En, Things::Conferences, &["Oslo"], 1, 1, Some(Timing::Upcoming)),
            "Oslo — 1\u{a0}conference, upcoming"
        );
    }

    #[test]
    fn big_clusters_name_a_few_places() {
        let places = ["A", "B", "C", "D", "E"];
        assert_eq!(
            marker_label(Lang::En, Things::Meetups, &places[..4], 5, 9, None),
            "A area: A, B, C and 2 other places — 9\u{a0}meetups. Zoom in to separate them"
        );
        assert_eq!(
            marker_label(Lang::Fr, Things::Meetups, &places[..4], 4, 4, None),
            "A et environs\u{a0}: A, B, C, D — 4\u{a0}rencontres. Zoomez pour les séparer"
        );
    }

    #[test]
    fn initial_language_order() {
        let browser = vec!["de-DE".to_owned(), "fr-CA".to_owned(), "en".to_owned()];
        assert_eq!(Lang::choose(Some("en"), Some("fr"), &browser), Lang::En);
        assert_eq!(Lang::choose(Some("xx"), Some("fr"), &[]), Lang::Fr);
        assert_eq!(Lang::choose(None, None, &browser), Lang::Fr);
        assert_eq!(Lang::choose(None, Some("garbage"), &["en-US".into()]), Lang::En);
        assert_eq!(Lang::choose(None, None, &[]), Lang::En);
        assert_eq!(Lang::from_tag("FR_ca"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag(""), None);
    }
}
