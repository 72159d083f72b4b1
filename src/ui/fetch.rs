//! Fetching the feed and the basemap: a timeout, an abort when the atlas goes, errors
//! that say what happened, and what the service worker says of a saved copy.

use leptos::prelude::*;

use crate::core::load::{self, FeedError, LoadError, Loaded};
use crate::core::number::read_decimal;
use crate::core::offline::{SavedBecause, SAVED_AT_HEADER, SAVED_BECAUSE_HEADER};

use super::browser::next_task;

/// GETs `url` as text with the browser's `fetch`.
pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    fetch_text_saved(url, &Abort::new()).await.map(|(text, _)| text)
}

/// Reads and validates a feed's text, the validation in a task of its own. A feed of up to
/// `ONE_PASS_BYTES` is read in one pass; a larger one a slice of its events per task, as
/// one pass over it would be a task longer than the draw's.
pub async fn load_in_steps(text: &str) -> Result<Loaded, FeedError> {
    reserve_for_reading(text.len());
    let read = if text.len() <= ONE_PASS_BYTES {
        load::read(text)?
    } else {
        let mut reading = load::json_text(text).and_then(load::reading)?;
        while reading.step(READ_STEP_BYTES) {
            next_task().await;
        }
        reading.done()
    };
    next_task().await;
    Ok(read.validate())
}

/// Grows the wasm's memory at once by about what reading a feed's text takes, rather than
/// by the allocator's small steps: V8 takes some 0.1–0.2 ms a step, and the load of a
/// 10,000-event feed (3.5 MB) took 158 of them, 13–35 ms in all (*measured* 2026-12-05; 5
/// steps and 0.1–0.2 ms when grown first). The allocator keeps what is freed for what comes
/// next; `black_box`, or the compiler drops an allocation that nothing uses. A browser
/// that refuses the memory refuses it quietly here: the reading then grows it as before.
fn reserve_for_reading(text_bytes: usize) {
    let bytes = text_bytes.saturating_mul(READ_MEMORY_PER_TEXT_BYTE).min(READ_MEMORY_RESERVED_AT_MOST);
    let mut reserved = Vec::<u8>::new();
    if reserved.try_reserve_exact(bytes).is_ok() {
        drop(std::hint::black_box(reserved));
    }
}

/// The memory a feed takes once read, per byte of its text: a little under the 4.6–4.9
/// measured at 1,000 and 10,000 events, so that none is grown for nothing.
const READ_MEMORY_PER_TEXT_BYTE: usize = 4;

/// Past 64 MB (a feed of some 16 MB), the rest grows as it comes: a feed of long texts
/// takes less than four times its text, and the wasm's memory never shrinks.
const READ_MEMORY_RESERVED_AT_MOST: usize = 64 * 1024 * 1024;

/// The largest feed read in one pass (`load::read`), some 12,000 events. Reading in steps
/// takes a first pass over the text to find the events, 20 ms of a 10,000-event feed's
/// (3.3 MB); its one pass is a task of 73–113 ms, no longer than the draw's one task that
/// follows it (94–228 ms; docs/decisions.md, "A feed of up to 4 MB read in one pass").
const ONE_PASS_BYTES: usize = 4 * 1024 * 1024;

/// The events' text read in one task: some 20 ms with the CPU slowed 4×.
const READ_STEP_BYTES: usize = 512 * 1024;

/// How long a request may go unanswered before it is given up, with a message and a retry.
pub const FETCH_TIMEOUT_SECONDS: u32 = 20;

/// Stops a request: when it times out, or when the atlas that made it is removed.
#[derive(Clone)]
pub struct Abort(send_wrapper::SendWrapper<Option<web_sys::AbortController>>);

impl Abort {
    pub fn new() -> Abort {
        Abort(send_wrapper::SendWrapper::new(web_sys::AbortController::new().ok()))
    }

    pub fn abort(&self) {
        // SendWrapper: only ever touched on the one browser thread.
        if let Some(controller) = self.0.as_ref() {
            controller.abort();
        }
    }

    fn signal(&self) -> Option<web_sys::AbortSignal> {
        self.0.as_ref().map(web_sys::AbortController::signal)
    }
}

/// Why `fetch` itself failed: offline, or a server down or refusing (which, for another
/// site's feed, includes CORS: the browser does not tell the two apart).
fn unreachable(url: &str) -> LoadError {
    let Some(window) = web_sys::window() else { return LoadError::Unreachable { other_origin: false } };
    if !window.navigator().on_line() {
        return LoadError::Offline;
    }
    let base = window.document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let origin = web_sys::Url::new_with_base(url, &base).map(|u| u.origin()).unwrap_or_default();
    LoadError::Unreachable { other_origin: origin != window.location().origin().unwrap_or_default() }
}

/// A saved copy: when it was saved (ms since the epoch) and why it was shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Saved {
    pub at: f64,
    pub because: SavedBecause,
}

/// GETs `url` as text, and tells when it was saved if it is a saved copy. Gives up after
/// `FETCH_TIMEOUT_SECONDS`, or when `abort` is called.
pub async fn fetch_text_saved(url: &str, abort: &Abort) -> Result<(String, Option<Saved>), LoadError> {
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let timer = {
        let (timed_out, abort) = (timed_out.clone(), abort.clone());
        let after = std::time::Duration::from_secs(FETCH_TIMEOUT_SECONDS.into());
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                abort.abort();
            },
            after,
        )
        .ok()
    };
    let result = fetch_bytes(url, abort).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    match result {
        Err(_) if timed_out.get() => Err(LoadError::Timeout(FETCH_TIMEOUT_SECONDS)),
        other => other,
    }
}

async fn fetch_bytes(url: &str, abort: &Abort) -> Result<(String, Option<Saved>), LoadError> {
    use crate::core::load::{FeedError, MAX_FEED_BYTES};
    let response = gloo_net::http::Request::get(url)
        .abort_signal(abort.signal().as_ref())
        .send()
        .await
        .map_err(|_| unreachable(url))?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let headers = response.headers();
    let saved = headers
        .get(SAVED_AT_HEADER)
        .and_then(|value| read_decimal(&value))
        .map(|at| Saved { at, because: SavedBecause::parse(headers.get(SAVED_BECAUSE_HEADER).as_deref()) });
    // Refused before reading when the server says it is too big; checked again after.
    let too_large = |bytes: usize| LoadError::Feed(FeedError::TooLarge(bytes));
    if let Some(length) =
        headers.get("content-length").and_then(|v| v.parse::<usize>().ok()).filter(|&n| n > MAX_FEED_BYTES)
    {
        abort.abort();
        return Err(too_large(length));
    }
    // The bytes, copied into the wasm at once: much faster than a JavaScript string for
    // a feed of megabytes. Decoded as `text()` would: UTF-8 (a byte order mark is
    // skipped by `load::load`, as the checker does too).
    let bytes = response.binary().await.map_err(|_| unreachable(url))?;
    if bytes.len() > MAX_FEED_BYTES {
        return Err(too_large(bytes.len()));
    }
    let text =
        String::from_utf8(bytes).unwrap_or_else(|invalid| String::from_utf8_lossy(invalid.as_bytes()).into_owned());
    Ok((text, saved))
}
