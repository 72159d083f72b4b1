//! The hosted page drawn to HTML natively, by the same components the browser runs: the
//! build's prerender (`src/bin/prerender.rs`), which the wasm then hydrates.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::basemap::Basemap;
use crate::core::date::Day;
use crate::core::load::Loaded;
use crate::core::Lang;

use super::app::{App, Ready, Setup};

/// The atlas of the hosted page in `lang`, as HTML, drawn on `today`.
pub fn page_atlas(feed: Arc<Loaded>, basemap: Arc<Basemap>, lang: Lang, today: Day) -> String {
    let setup = Setup {
        ready: Some(Ready { feed, saved: None, basemap: Some(basemap), today }),
        page_lang: Some(lang),
        ..Setup::page("feed.json", lang)
    };
    Owner::new().with(|| view! { <App setup /> }.to_html())
}
