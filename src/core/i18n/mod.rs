//! Every word of the interface, in English and French: fixed messages, counts and
//! plurals, month names and uncertain ranges, problem and error texts. The model
//! never produces words; this folder depends on it, never the reverse.
//!
//! Fixed messages are one table of `(en, fr)` pairs (`messages`); everything else is
//! an exhaustive `match` on `Lang`: a text without both translations does not compile.
//! Every function takes the language first.

mod dates;
mod messages;
mod phrases;
mod problems;
mod vocabulary;

pub use super::lang::Lang;
pub use dates::*;
pub use messages::*;
pub use phrases::*;
pub use problems::*;
pub use vocabulary::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::{FeedError, LoadError};
    use crate::core::offline::SavedBecause;

    #[test]
    fn our_words_take_the_capitals_std_gives_them() {
        let std_capital = |word: &str| {
            let mut chars = word.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
        };
        let months = (1..=12).flat_map(|m| [month_name(Lang::En, m), month_name(Lang::Fr, m)]);
        let messages = Msg::ALL.iter().flat_map(|m| [m.text(Lang::En), m.text(Lang::Fr)]);
        let latin1 = ('\u{a0}'..='\u{ff}').map(String::from).collect::<Vec<_>>();
        let mut checked = 0;
        for word in months.chain(messages).chain(latin1.iter().map(String::as_str)) {
            // µ, ß and ÿ have no Latin-1 capital; none of our words starts with one.
            if word.starts_with(['µ', 'ß', 'ÿ']) {
                continue;
            }
            assert_eq!(capitalized(word), std_capital(word), "{word:?}");
            checked += 1;
        }
        assert!(checked >= 24 + 2 * Msg::ALL.len(), "{checked}");
        assert_eq!(capitalized("été"), "Été");
        assert_eq!(capitalized("août"), "Août");
        assert_eq!(capitalized(""), "");
    }

    #[test]
    fn french_dates_say_1er_and_8_h_24() {
        assert_eq!(typeset_date(Lang::Fr, "1 décembre 2019 à 08 h 24 HNE"), "1er décembre 2019 à 8 h 24 HNE");
        assert_eq!(typeset_date(Lang::Fr, "Entre le 1 mai et le 14 juin 2019"), "Entre le 1er mai et le 14 juin 2019");
        assert_eq!(
            typeset_date(Lang::Fr, "11 mai 2019 à 10 h 00"),
            "11 mai 2019 à 10 h 00",
            "only a lone 1, only 0X h"
        );
        assert_eq!(typeset_date(Lang::En, "December 1, 2019 at 08:24"), "December 1, 2019 at 08:24");
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
        assert_eq!(shown_of(Lang::En, 1_500, 10_000), "1,500 of 10,000\u{a0}events");
        assert_eq!(shown_of(Lang::Fr, 999, 1_234_567), "999\u{a0}événements sur 1\u{a0}234\u{a0}567");
    }

    #[test]
    fn numbers_in_messages_use_each_language_decimal_mark() {
        use crate::core::validate::ProblemKind;
        assert_eq!(problem_text(Lang::En, &ProblemKind::LatitudeOutOfRange(91.5)), "latitude 91.5 is outside −90…90");
        assert_eq!(
            problem_text(Lang::Fr, &ProblemKind::LongitudeOutOfRange(-181.25)),
            "longitude -181,25 hors de −180…180"
        );
    }

    #[test]
    fn french_strings_use_french_punctuation_spacing() {
        let mut texts: Vec<String> = Msg::ALL.iter().map(|m| m.text(Lang::Fr).to_owned()).collect();
        texts.push(problems_summary(Lang::Fr, 2, 1));
        texts.push(label(Lang::Fr, "Sujets"));
        texts.push(load_error_text(Lang::Fr, &LoadError::Feed(FeedError::UnsupportedVersion(9))));
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
