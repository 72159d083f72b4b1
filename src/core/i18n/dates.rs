//! Dates in words: month names, days as `Intl` writes them, ticks' and bars' labels,
//! uncertain ranges said loosely, and an event's date as the atlas says it.

use super::messages::Msg;
use super::vocabulary::count;
use crate::core::date::{Day, Moment, Period};
use crate::core::feed::{Event, Span, When};
use crate::core::lang::Lang;
use crate::core::query::first_needs_year;

pub fn month_name(lang: Lang, month: u8) -> &'static str {
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
    month_from(lang, &EN, &FR, month)
}

pub fn month_short(lang: Lang, month: u8) -> &'static str {
    const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const FR: [&str; 12] =
        ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
    month_from(lang, &EN, &FR, month)
}

/// Month `month` (1–12, clamped) of the table of `lang`.
fn month_from(lang: Lang, en: &[&'static str; 12], fr: &[&'static str; 12], month: u8) -> &'static str {
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
pub fn plain_day(lang: Lang, day: Day, with_year: bool) -> String {
    let month = month_name(lang, day.month);
    let text = match (lang, with_year) {
        (Lang::En, true) => format!("{month} {}, {}", day.day, day.year),
        (Lang::En, false) => format!("{month} {}", day.day),
        (Lang::Fr, true) => format!("{} {month} {}", day.day, day.year),
        (Lang::Fr, false) => format!("{} {month}", day.day),
    };
    typeset_date(lang, &text)
}

/// French typography on a date the browser wrote: the first of the month is « 1er »
/// (« 1er décembre »), and hours have no leading zero (« 8 h 24 », not « 08 h 24 »).
/// Other languages' text is returned as it is.
pub fn typeset_date(lang: Lang, text: &str) -> String {
    if lang != Lang::Fr {
        return text.to_owned();
    }
    let words: Vec<&str> = text.split(' ').collect();
    let month_names: Vec<&str> = (1..=12).map(|m| month_name(Lang::Fr, m)).collect();
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

pub fn day_month(lang: Lang, day: Day) -> String {
    match lang {
        Lang::En => format!("{} {}", month_short(lang, day.month), day.day),
        Lang::Fr if day.day == 1 => format!("1er {}", month_short(lang, day.month)),
        Lang::Fr => format!("{} {}", day.day, month_short(lang, day.month)),
    }
}

/// Which third of its month a day falls in, in words.
fn part_of_month(lang: Lang, day: Day) -> String {
    let third = match day.day {
        1..=10 => 0,
        11..=20 => 1,
        _ => 2,
    };
    let month = month_name(lang, day.month);
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
pub fn fuzzy_range(lang: Lang, span: Span) -> String {
    let (first, last) = (part_of_month(lang, span.first), part_of_month(lang, span.last));
    if span.first.year != span.last.year {
        format!("{first} {} – {last} {}", span.first.year, span.last.year)
    } else if first == last {
        format!("{first} {}", span.first.year)
    } else {
        format!("{first} – {last} {}", span.last.year)
    }
}

/// "Rescheduled (was May 3, 2026)", the former day in the reader's words.
pub fn rescheduled_from(lang: Lang, was: &str) -> String {
    match lang {
        Lang::En => format!("Rescheduled (was {was})"),
        Lang::Fr => format!("Reprogrammé (prévu le {was})"),
    }
}

/// An event's time where the visitor is, beside its own: "your time: June 5, 12:00 a.m. CEST".
pub fn your_time(lang: Lang, time: &str) -> String {
    match lang {
        Lang::En => format!("your time: {time}"),
        Lang::Fr => format!("chez vous\u{a0}: {time}"),
    }
}

/// A density bar's period in words: a day or a week given as `day` (written by `Intl`),
/// a month or a year from `start`.
pub fn bar_period(lang: Lang, unit: Period, start: Day, day: &str) -> String {
    match (unit, lang) {
        (Period::Day, _) => day.to_owned(),
        (Period::Week, Lang::En) => format!("Week of {day}"),
        (Period::Week, Lang::Fr) => format!("Semaine du {day}"),
        (Period::Month, Lang::En) => format!("{} {}", month_name(lang, start.month), start.year),
        (Period::Month, Lang::Fr) => format!("{} {}", capitalized(month_name(lang, start.month)), start.year),
        (Period::Year, _) => start.year.to_string(),
    }
}

/// One of our own words with a capital: a French month heading a period, a message
/// opening a sentence. Our words are Latin-1, so Latin-1's capitals do (a test holds them
/// to std's), and std's Unicode case table stays out of the wasm (docs/decisions.md).
pub fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| std::iter::once(latin1_capital(c)).chain(chars).collect()).unwrap_or_default()
}

fn latin1_capital(c: char) -> char {
    match c {
        'a'..='z' => c.to_ascii_uppercase(),
        // à…þ are À…Þ 0x20 before, but for ÷ (after ×).
        'à'..='þ' if c != '÷' => char::from_u32(c as u32 - 0x20).unwrap_or(c),
        _ => c,
    }
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

/// How a page writes days and moments: through the browser's `Intl` in the page, and as
/// `Intl` writes them (`PlainDates`) in the build, which knows no visitor.
pub trait DateWriter {
    /// "May 24, 2019" / « 24 mai 2019 »; the year left out when the context gives it.
    fn day(&self, lang: Lang, day: Day, with_year: bool) -> String;
    /// A moment with its time of day, in `time_zone`.
    fn moment(&self, lang: Lang, moment: Moment, time_zone: &str) -> String;
}

/// Days as `Intl` writes them (`plain_day`); a moment is its own day (there is no time
/// zone data here: the browser adds the time).
pub struct PlainDates;

impl DateWriter for PlainDates {
    fn day(&self, lang: Lang, day: Day, with_year: bool) -> String {
        plain_day(lang, day, with_year)
    }

    fn moment(&self, lang: Lang, moment: Moment, _time_zone: &str) -> String {
        plain_day(lang, moment.local_day, true)
    }
}

/// When an event happens, in words, saying no more than the feed knows.
pub fn when_in_words(lang: Lang, when: &When, span: Span, dates: &impl DateWriter) -> String {
    let range = || (dates.day(lang, span.first, first_needs_year(span)), dates.day(lang, span.last, true));
    match when {
        When::Between { .. } => {
            let (first, last) = range();
            format!("{} ({})", between(lang, &first, &last), Msg::ExactDayUnknown.text(lang))
        }
        When::Date { .. } if span.first == span.last => dates.day(lang, span.first, true),
        When::Date { .. } => {
            let (first, last) = range();
            from_to(lang, &first, &last)
        }
        When::Datetime { start, time_zone, .. } => match Moment::parse(start) {
            Some(moment) => dates.moment(lang, moment, time_zone),
            None => dates.day(lang, span.first, true),
        },
    }
}

/// An event's date as the timeline and the details say it: loose for uncertain ranges.
pub fn when_short(lang: Lang, event: &Event, dates: &impl DateWriter) -> String {
    if event.span.uncertain {
        fuzzy_range(lang, event.span)
    } else {
        when_in_words(lang, &event.when, event.span, dates)
    }
}
