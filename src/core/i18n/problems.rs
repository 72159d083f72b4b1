//! What is wrong with a feed, in words: load errors, problems one by one and by kind.

use super::vocabulary::{count, decimal_fr, label, number};
use crate::core::lang::Lang;
use crate::core::load::{FeedError, LoadError, MAX_FEED_BYTES, SCHEMA_VERSION};
use crate::core::validate::{Problem, ProblemKind, Target};

pub fn problems_summary(lang: Lang, problems: usize, left_out: usize) -> String {
    let found = count(lang, problems, ("problem found", "problème trouvé"), ("problems found", "problèmes trouvés"));
    let left = count(lang, left_out, ("event left out", "événement écarté"), ("events left out", "événements écartés"));
    match lang {
        Lang::En => format!("{found} in the feed; {left}. Everything else is shown."),
        Lang::Fr => format!("{found} dans le flux\u{a0}; {left}. Tout le reste est affiché."),
    }
}

/// "\"Austria\" is not a country code (two capital letters, such as AT)".
fn bad_code(lang: Lang, code: crate::core::validate::Code, value: &str) -> String {
    use crate::core::validate::Code;
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
fn problem_kind_name(lang: Lang, kind: &ProblemKind) -> &'static str {
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
pub fn problems_by_kind(lang: Lang, problems: &[crate::core::validate::Problem]) -> String {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for problem in problems {
        let name = problem_kind_name(lang, &problem.kind);
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, count)) => *count += 1,
            None => counts.push((name, 1)),
        }
    }
    crate::core::order::sort(&mut counts, &|a, b| b.1.cmp(&a.1));
    let parts: Vec<String> = counts.iter().map(|(name, n)| format!("{name} ({})", number(lang, *n))).collect();
    format!("{} {}.", label(lang, lang.pick("By kind", "Par type")), parts.join(", "))
}

/// Under the first problems listed: how many more there are.
pub fn problems_not_listed(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("And {}, not listed here.", count(lang, n, ("more problem", ""), ("more problems", ""))),
        Lang::Fr => format!("Et {}, non listés ici.", count(lang, n, ("", "autre problème"), ("", "autres problèmes"))),
    }
}

pub fn load_error_text(lang: Lang, error: &LoadError) -> String {
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
            format!("The feed is {} MB; feeds over {} MB are not read, so that the page stays usable.", megabytes(lang, *bytes), MAX_FEED_BYTES >> 20)
        }
        (LoadError::Feed(F::TooLarge(bytes)), Lang::Fr) => {
            format!("Le flux pèse {}\u{a0}Mo\u{a0}; au-delà de {}\u{a0}Mo, il n’est pas lu, pour que la page reste utilisable.", megabytes(lang, *bytes), MAX_FEED_BYTES >> 20)
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
fn megabytes(lang: Lang, bytes: usize) -> String {
    let value = format!("{:.1}", bytes as f64 / 1_048_576.0);
    match lang {
        Lang::En => value,
        Lang::Fr => value.replace('.', ","),
    }
}

fn target_name(lang: Lang, target: Target) -> &'static str {
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
        write!(f, "{}: {}", self.path, problem_text(Lang::En, &self.kind))
    }
}

pub fn problem_text(lang: Lang, kind: &ProblemKind) -> String {
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
        (P::Unknown(target, id), Lang::En) => format!("unknown {} {}", target_name(lang, *target), quoted(id)),
        (P::Unknown(target, id), Lang::Fr) => format!("{} inconnu(e) {}", target_name(lang, *target), quoted(id)),
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
