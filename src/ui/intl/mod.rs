//! Dates for people: through the browser's `Intl` in the page (`browser`), as `Intl`
//! writes them in the build's prerender (`native`), which the browser then takes over
//! without redrawing. What an event's date says is decided once, in `core::i18n`.

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(not(target_arch = "wasm32"))]
mod native;

#[cfg(target_arch = "wasm32")]
pub use browser::*;
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;

use crate::core::date::{Day, Moment};
use crate::core::feed::{Event, Span, When};
use crate::core::i18n::{self, DateWriter, Lang};

/// What an atlas asks the page's script once it is live, and what the script answers
/// once the browser's date formatting is loaded (`use_intl_when_idle`; src/js/meetup-atlas.js).
pub const INTL_WANTED_EVENT: &str = "meetup-atlas-intl-wanted";
pub const INTL_READY_EVENT: &str = "meetup-atlas-intl-ready";

/// The `Intl.DateTimeFormat` options of a day ("24 mai"), and what adds its year: the
/// page's worker (src/js/intl-warm.js) makes the same formats ahead.
pub const DAY_OPTIONS: [(&str, &str); 3] = [("timeZone", "UTC"), ("day", "numeric"), ("month", "long")];
pub const YEAR_OPTION: (&str, &str) = ("year", "numeric");

/// This platform's writer of dates.
struct Dates;

impl DateWriter for Dates {
    fn day(&self, lang: Lang, day: Day, with_year: bool) -> String {
        format_day(lang, day, with_year)
    }

    fn moment(&self, lang: Lang, moment: Moment, time_zone: &str) -> String {
        format_moment(lang, moment, time_zone)
    }
}

/// When an event happens, in words, saying no more than the feed knows.
pub fn when_in_words(lang: Lang, when: &When, span: Span) -> String {
    i18n::when_in_words(lang, when, span, &Dates)
}

/// An event's date as the timeline and the details say it: loose for uncertain ranges.
pub fn when_short(lang: Lang, event: &Event) -> String {
    i18n::when_short(lang, event, &Dates)
}
