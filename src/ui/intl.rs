//! Dates for people, through the browser's `Intl`: no locale data in the wasm. Natively
//! (the build's prerender) days are written as `Intl` writes them (`i18n::plain_day`).

#[cfg(target_arch = "wasm32")]
use std::cell::RefCell;
#[cfg(target_arch = "wasm32")]
use std::collections::HashMap;

#[cfg(target_arch = "wasm32")]
use js_sys::{Array, Date, Intl, Object, Reflect};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::{JsCast, JsValue};

use crate::core::date::{Day, Moment};
use crate::core::feed::{Event, Span, When};
use crate::core::i18n::{self, Lang, Msg};
use crate::core::query;

#[cfg(target_arch = "wasm32")]
fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object.into()
}

#[cfg(target_arch = "wasm32")]
fn day_to_js(day: Day) -> Date {
    Date::new(&JsValue::from_f64(day.days_since_epoch() as f64 * 86_400_000.0))
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Set while a prerendered page is taken over (see `while_taking_over`).
    static TAKING_OVER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` (the take-over of a prerendered page) with days written as the build wrote
/// them (`i18n::plain_day`, which a component test holds equal to `Intl`'s): the page
/// shows them already, and a first `Intl.DateTimeFormat` costs some 30 ms of it.
#[cfg(target_arch = "wasm32")]
pub fn while_taking_over<T>(f: impl FnOnce() -> T) -> T {
    TAKING_OVER.with(|flag| flag.set(true));
    let result = f();
    TAKING_OVER.with(|flag| flag.set(false));
    result
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// One `Intl.DateTimeFormat` per language and shape: making one per date is slow.
    static DAY_FORMATS: RefCell<HashMap<(Lang, bool), Intl::DateTimeFormat>> = RefCell::new(HashMap::new());
}

#[cfg(target_arch = "wasm32")]
/// "May 24, 2019" / « 24 mai 2019 »; the year left out when the context gives it.
pub fn format_day(day: Day, lang: Lang, with_year: bool) -> String {
    if TAKING_OVER.with(std::cell::Cell::get) {
        return i18n::plain_day(day, lang, with_year);
    }
    DAY_FORMATS.with(|formats| {
        let mut formats = formats.borrow_mut();
        let format = formats.entry((lang, with_year)).or_insert_with(|| {
            let mut pairs = vec![("timeZone", "UTC"), ("day", "numeric"), ("month", "long")];
            if with_year {
                pairs.push(("year", "numeric"));
            }
            let locales = Array::of1(&JsValue::from_str(lang.locale()));
            Intl::DateTimeFormat::new(&locales, options(&pairs).unchecked_ref())
        });
        let text = format.format().call1(&JsValue::NULL, &day_to_js(day)).ok().and_then(|s| s.as_string());
        i18n::typeset_date(&text.unwrap_or_default(), lang)
    })
}

#[cfg(target_arch = "wasm32")]
fn format_moment(moment: Moment, time_zone: &str, lang: Lang) -> String {
    let pairs = [
        ("day", "numeric"),
        ("month", "long"),
        ("year", "numeric"),
        ("hour", "numeric"),
        ("minute", "2-digit"),
        ("timeZoneName", "short"),
    ];
    i18n::typeset_date(&formatted(moment, lang, Some(time_zone), &pairs), lang)
}

/// A moment's format: its language, zone (the visitor's when `None`) and options.
#[cfg(target_arch = "wasm32")]
type MomentShape = (Lang, Option<String>, String);

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// One `Intl.DateTimeFormat` per language, zone and shape: making one per date is slow.
    static MOMENT_FORMATS: RefCell<HashMap<MomentShape, Intl::DateTimeFormat>> = RefCell::new(HashMap::new());
}

/// `moment` in `zone` (the visitor's when `None`), with the `Intl` options `pairs`.
#[cfg(target_arch = "wasm32")]
fn formatted(moment: Moment, lang: Lang, zone: Option<&str>, pairs: &[(&str, &str)]) -> String {
    let shape: String = pairs.iter().map(|(k, v)| format!("{k}={v};")).collect();
    MOMENT_FORMATS.with(|formats| {
        let mut formats = formats.borrow_mut();
        let format = formats.entry((lang, zone.map(str::to_owned), shape)).or_insert_with(|| {
            let mut pairs = pairs.to_vec();
            pairs.extend(zone.map(|zone| ("timeZone", zone)));
            let locales = Array::of1(&JsValue::from_str(lang.locale()));
            Intl::DateTimeFormat::new(&locales, options(&pairs).unchecked_ref())
        });
        let date = Date::new(&JsValue::from_f64(moment.epoch_seconds as f64 * 1000.0));
        format.format().call1(&JsValue::NULL, &date).ok().and_then(|s| s.as_string()).unwrap_or_default()
    })
}

/// Where the visitor's clock says another time than the event's own zone, theirs:
/// "your time: June 5 at 12:00 a.m. GMT+2". Browser only: the prerender cannot know it.
#[cfg(target_arch = "wasm32")]
pub fn your_time(when: &When, lang: Lang) -> Option<String> {
    let When::Datetime { start, time_zone, .. } = when else { return None };
    let moment = Moment::parse(start)?;
    let offset = |zone| formatted(moment, lang, zone, &[("timeZoneName", "longOffset")]);
    if offset(Some(time_zone.as_str())) == offset(None) {
        return None;
    }
    let day = [("day", "numeric"), ("month", "long")];
    let time = [("hour", "numeric"), ("minute", "2-digit"), ("timeZoneName", "short")];
    let theirs = if formatted(moment, lang, Some(time_zone), &day) == formatted(moment, lang, None, &day) {
        formatted(moment, lang, None, &time)
    } else {
        formatted(moment, lang, None, &[day.as_slice(), time.as_slice()].concat())
    };
    Some(i18n::your_time(lang, &i18n::typeset_date(&theirs, lang)))
}

#[cfg(target_arch = "wasm32")]
/// "May 24, 2019 at 10:00 AM" / « 24 mai 2019 à 10:00 », in the visitor's time zone;
/// `epoch_ms` as JavaScript counts time.
pub fn format_instant(epoch_ms: f64, lang: Lang) -> String {
    let date = Date::new(&JsValue::from_f64(epoch_ms));
    let text: String =
        date.to_locale_string(lang.locale(), &options(&[("dateStyle", "long"), ("timeStyle", "short")])).into();
    i18n::typeset_date(&text, lang)
}

fn range(span: Span, lang: Lang) -> (String, String) {
    (format_day(span.first, lang, query::first_needs_year(span)), format_day(span.last, lang, true))
}

/// The date of an event in words as the timeline and the details say it: loose for
/// uncertain ranges.
pub fn when_short(event: &Event, lang: Lang) -> String {
    if event.span.uncertain {
        i18n::fuzzy_range(event.span, lang)
    } else {
        when_in_words(&event.when, event.span, lang)
    }
}

/// When an event happens, in words, saying no more than the feed knows.
pub fn when_in_words(when: &When, span: Span, lang: Lang) -> String {
    match when {
        When::Between { .. } => {
            let (first, last) = range(span, lang);
            format!("{} ({})", i18n::between(lang, &first, &last), Msg::ExactDayUnknown.text(lang))
        }
        When::Date { .. } if span.first == span.last => format_day(span.first, lang, true),
        When::Date { .. } => {
            let (first, last) = range(span, lang);
            i18n::from_to(lang, &first, &last)
        }
        When::Datetime { start, time_zone, .. } => match Moment::parse(start) {
            Some(moment) => format_moment(moment, time_zone, lang),
            None => format_day(span.first, lang, true),
        },
    }
}

#[cfg(target_arch = "wasm32")]
/// Today in the visitor's time zone.
pub fn today() -> Day {
    let now = Date::new_0();
    Day::new(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8).unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn format_day(day: Day, lang: Lang, with_year: bool) -> String {
    i18n::plain_day(day, lang, with_year)
}

/// Natively there are no time zones: the day the feed gives (the browser adds the time).
#[cfg(not(target_arch = "wasm32"))]
fn format_moment(moment: Moment, _time_zone: &str, lang: Lang) -> String {
    format_day(moment.local_day, lang, true)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn format_instant(epoch_ms: f64, lang: Lang) -> String {
    let day = Day::from_days_since_epoch((epoch_ms / 86_400_000.0).floor() as i64);
    format_day(day, lang, true)
}

/// Natively, no visitor: nothing (the browser adds it).
#[cfg(not(target_arch = "wasm32"))]
pub fn your_time(_when: &When, _lang: Lang) -> Option<String> {
    None
}

/// Today in UTC, natively: the day of the build's prerender.
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> Day {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    Day::from_days_since_epoch((seconds / 86_400) as i64)
}
