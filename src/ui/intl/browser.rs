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
    /// Whether days are written by `Intl` (`use_intl_when_idle`).
    static INTL_READY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Until an atlas is drawn or taken over, days are written as the build writes them
/// (`i18n::plain_day`, which a component test holds equal to `Intl`'s): a page's first
/// `Intl.DateTimeFormat` costs some 25 ms (100 with the CPU slowed 4×), and the first
/// drawing does not wait for it. Most of that is the browser loading its locale data,
/// once for all the page's threads: the page's script has a worker load it on another
/// core, asked with `INTL_WANTED_EVENT`, and answers with `INTL_READY_EVENT` (at once
/// where it cannot: on another site's page). Then, when the browser is idle, `lang`'s
/// formats are made, in a few ms, so that a search or a filter does not wait for them.
/// Unanswered (a wasm started without that script), they are made after `UNANSWERED_MS`.
pub fn use_intl_when_idle(lang: Lang) {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let make = wasm_bindgen::closure::Closure::once_into_js(move || {
        INTL_READY.with(|ready| ready.set(true));
        for with_year in [true, false] {
            DAY_FORMATS.with(|formats| {
                formats.borrow_mut().entry((lang, with_year)).or_insert_with(|| day_format(lang, with_year));
            });
        }
    });
    let answered = std::rc::Rc::new(std::cell::Cell::new(false));
    let when_idle = wasm_bindgen::closure::Closure::once_into_js({
        let answered = answered.clone();
        move || {
            answered.set(true);
            make_when_idle(make);
        }
    });
    let once = web_sys::AddEventListenerOptions::new();
    once.set_once(true);
    let _ = document.add_event_listener_with_callback_and_add_event_listener_options(
        super::INTL_READY_EVENT,
        when_idle.unchecked_ref(),
        &once,
    );
    // Told, when no answer comes, as the script would have told it.
    let unanswered = wasm_bindgen::closure::Closure::once_into_js(move || {
        if !answered.get() {
            tell_document(super::INTL_READY_EVENT);
        }
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(unanswered.unchecked_ref(), UNANSWERED_MS);
    tell_document(super::INTL_WANTED_EVENT);
}

/// Calls `make` when the browser is idle (at most a second on; 200 ms where the browser
/// cannot say it is idle).
fn make_when_idle(make: JsValue) {
    let Some(window) = web_sys::window() else { return };
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(1000);
    if window.request_idle_callback_with_options(make.unchecked_ref(), &options).is_err() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(make.unchecked_ref(), 200);
    }
}

/// How long an atlas waits for the page's script to say that the browser's date
/// formatting is loaded (`use_intl_when_idle`).
const UNANSWERED_MS: i32 = 3000;

fn tell_document(event: &str) {
    let document = web_sys::window().and_then(|window| window.document());
    if let (Some(document), Ok(event)) = (document, web_sys::Event::new(event)) {
        let _ = document.dispatch_event(&event);
    }
}

/// Whether days are written by `Intl` now (`use_intl_when_idle`).
pub fn intl_in_use() -> bool {
    INTL_READY.with(std::cell::Cell::get)
}

thread_local! {
    /// One `Intl.DateTimeFormat` per language and shape: making one per date is slow.
    static DAY_FORMATS: RefCell<HashMap<(Lang, bool), Intl::DateTimeFormat>> = RefCell::new(HashMap::new());
}

fn day_format(lang: Lang, with_year: bool) -> Intl::DateTimeFormat {
    let mut pairs = super::DAY_OPTIONS.to_vec();
    if with_year {
        pairs.push(super::YEAR_OPTION);
    }
    let locales = Array::of1(&JsValue::from_str(lang.locale()));
    Intl::DateTimeFormat::new(&locales, options(&pairs).unchecked_ref())
}

/// "May 24, 2019" / « 24 mai 2019 »; the year left out when the context gives it.
pub fn format_day(lang: Lang, day: Day, with_year: bool) -> String {
    if !intl_in_use() {
        return i18n::plain_day(lang, day, with_year);
    }
    intl_day(lang, day, with_year)
}

/// `format_day` through `Intl`, whether or not the atlas is live.
pub fn intl_day(lang: Lang, day: Day, with_year: bool) -> String {
    DAY_FORMATS.with(|formats| {
        let mut formats = formats.borrow_mut();
        let format = formats.entry((lang, with_year)).or_insert_with(|| day_format(lang, with_year));
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
