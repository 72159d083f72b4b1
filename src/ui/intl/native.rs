//! Dates in the build's prerender, without `Intl`: as `Intl` writes them
//! (`i18n::PlainDates`), and no visitor's zone (the browser adds it).

use crate::core::date::{Day, Moment};
use crate::core::feed::When;
use crate::core::i18n::{DateWriter, Lang, PlainDates};

pub fn format_day(lang: Lang, day: Day, with_year: bool) -> String {
    PlainDates.day(lang, day, with_year)
}

pub fn format_moment(lang: Lang, moment: Moment, time_zone: &str) -> String {
    PlainDates.moment(lang, moment, time_zone)
}

pub fn format_instant(lang: Lang, epoch_ms: f64) -> String {
    let day = Day::from_days_since_epoch((epoch_ms / 86_400_000.0).floor() as i64);
    format_day(lang, day, true)
}

/// No visitor: nothing (the browser adds it).
pub fn your_time(_lang: Lang, _when: &When) -> Option<String> {
    None
}

/// Today in UTC: the day of the build's prerender.
pub fn today() -> Day {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    Day::from_days_since_epoch((seconds / 86_400) as i64)
}
