//! Dates through the browser's `Intl`: no locale data in the wasm.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::date::{Day, Moment};
use crate::core::feed::When;
use crate::core::i18n::{self, Lang};

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object.into()
}

fn day_to_js(day: Day) -> Date {
    Date::new(&JsValue::from_f64(day.days_since_epoch() as f64 * 86_400_000.0))
}

thread_local! {
    /// Set while a prerendered page is taken over (see `while_taking_over`).
    static TAKING_OVER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` (the take-over of a prerendered page) with days written as the build wrote
/// them (`i18n::plain_day`, which a component test holds equal to `Intl`'s): the page
/// shows them already, and a first `Intl.DateTimeFormat` costs some 30 ms of it.
pub fn while_taking_over<T>(f: impl FnOnce() -> T) -> T {
    TAKING_OVER.with(|flag| flag.set(true));
    let result = f();
    TAKING_OVER.with(|flag| flag.set(false));
    result
}

thread_local! {
    /// One `Intl.DateTimeFormat` per language and shape: making one per date is slow.
    static DAY_FORMATS: RefCell<HashMap<(Lang, bool), Intl::DateTimeFormat>> = RefCell::new(HashMap::new());
}

/// "May 24, 2019" / « 24 mai 2019 »; the year left out when the context gives it.
pub fn format_day(lang: Lang, day: Day, with_year: bool) -> String {
    if TAKING_OVER.with(std::cell::Cell::get) {
        return i18n::plain_day(lang, day, with_year);
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
        i18n::typeset_date(lang, &text.unwrap_or_default())
    })
}

pub fn format_moment(lang: Lang, moment: Moment, time_zone: &str) -> String {
    let pairs = [
        ("day", "numeric"),
        ("month", "long"),
        ("year", "numeric"),
        ("hour", "numeric"),
        ("minute", "2-digit"),
        ("timeZoneName", "short"),
    ];
    i18n::typeset_date(lang, &formatted(lang, moment, Some(time_zone), &pairs))
}

/// A moment's format: its language, zone (the visitor's when `None`) and options.
type MomentShape = (Lang, Option<String>, String);

thread_local! {
    /// One `Intl.DateTimeFormat` per language, zone and shape: making one per date is slow.
    static MOMENT_FORMATS: RefCell<HashMap<MomentShape, Intl::DateTimeFormat>> = RefCell::new(HashMap::new());
}

/// `moment` in `zone` (the visitor's when `None`), with the `Intl` options `pairs`.
fn formatted(lang: Lang, moment: Moment, zone: Option<&str>, pairs: &[(&str, &str)]) -> String {
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
pub fn your_time(lang: Lang, when: &When) -> Option<String> {
    let When::Datetime { start, time_zone, .. } = when else { return None };
    let moment = Moment::parse(start)?;
    let offset = |zone| formatted(lang, moment, zone, &[("timeZoneName", "longOffset")]);
    if offset(Some(time_zone.as_str())) == offset(None) {
        return None;
    }
    let day = [("day", "numeric"), ("month", "long")];
    let time = [("hour", "numeric"), ("minute", "2-digit"), ("timeZoneName", "short")];
    let theirs = if formatted(lang, moment, Some(time_zone), &day) == formatted(lang, moment, None, &day) {
        formatted(lang, moment, None, &time)
    } else {
        formatted(lang, moment, None, &[day.as_slice(), time.as_slice()].concat())
    };
    Some(i18n::your_time(lang, &i18n::typeset_date(lang, &theirs)))
}

/// "May 24, 2019 at 10:00 AM" / « 24 mai 2019 à 10:00 », in the visitor's time zone;
/// `epoch_ms` as JavaScript counts time.
pub fn format_instant(lang: Lang, epoch_ms: f64) -> String {
    let date = Date::new(&JsValue::from_f64(epoch_ms));
    let text: String =
        date.to_locale_string(lang.locale(), &options(&[("dateStyle", "long"), ("timeStyle", "short")])).into();
    i18n::typeset_date(lang, &text)
}

/// Today in the visitor's time zone.
pub fn today() -> Day {
    let now = Date::new_0();
    Day::new(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8).unwrap_or_default()
}
