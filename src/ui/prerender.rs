//! The hosted page drawn to HTML natively, by the same components the browser runs: the
//! build's prerender (`src/bin/prerender.rs`), which the wasm then hydrates.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::basemap::Basemap;
use crate::core::date::Day;
use crate::core::load::Loaded;
use crate::core::page::Page;

use super::app::{App, Ready, Setup};

/// The atlas of a page of the site (a language's, or an event's with its details open), as
/// HTML, drawn on `today`. The parser's empty comments (`<!>`, Leptos' markers) are
/// written as valid HTML writes an empty comment (`<!---->`): the same node.
pub fn page_atlas(feed: Arc<Loaded>, basemap: Arc<Basemap>, page: &Page, today: Day) -> String {
    let lang = page.lang;
    let setup = Setup {
        ready: Some(Ready { feed, saved: None, basemap: Some(basemap), today, laid_out: Default::default() }),
        page: Some(page.clone()),
        event_pages: true,
        ..Setup::page(lang, format!("{}feed.json", page.up()))
    };
    Owner::new().with(|| view! { <App setup /> }.to_html()).replace("<!>", "<!---->")
}
