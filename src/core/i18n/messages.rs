//! The fixed messages: one table of `(en, fr)` pairs.

use crate::core::lang::Lang;

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
