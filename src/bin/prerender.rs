//! The build's prerender of the hosted page (a trunk post-build hook, before
//! `src/js/finish-dist.mjs`): the bundled feed drawn by the same Leptos components as in
//! the browser, once per language, so the page's first paint is the atlas itself and the
//! wasm only brings it to life. Writes into the build directory:
//! - `fragment.en.html`, `fragment.fr.html`: the atlas of each language (also what the
//!   Hugo shortcode puts in a site's own pages);
//! - `places.css`: the rules of the classes that place the pages' markers, labels and
//!   timeline items (`ui::placed`: no style attribute, for a strict CSP);
//! - `prerender.json`: each page's title and description, and what the atlas was drawn
//!   from (language, day, fingerprints of the feed and the basemap), which the pages'
//!   host carries: the browser draws over the page only if it has the same.
//!
//! Usage: prerender [dir]   (dir defaults to $TRUNK_STAGING_DIR)

// The views' async types nest deeper than the default allows.
#![recursion_limit = "256"]

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use meetup_atlas::core::basemap;
use meetup_atlas::core::load;
use meetup_atlas::core::query;
use meetup_atlas::core::Lang;
use meetup_atlas::ui::{intl, placed, prerender};

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1).or_else(|| std::env::var("TRUNK_STAGING_DIR").ok()) else {
        eprintln!("prerender: no directory: pass one or run as a trunk hook");
        return ExitCode::FAILURE;
    };
    match prerender(Path::new(&dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn prerender(dir: &Path) -> Result<(), String> {
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"));
    let write = |name: String, text: &str| {
        let path: PathBuf = dir.join(&name);
        std::fs::write(&path, text).map_err(|e| format!("{name}: {e}"))
    };
    let text = read("feed.json")?;
    let loaded = Arc::new(load::load(&text).map_err(|e| format!("feed.json: {e:?}"))?);
    let basemap_text = read("basemap.json")?;
    let basemap = basemap::parse(&basemap_text, &query::map_projection(&loaded.feed))
        .map_err(|e| format!("basemap.json: {e:?}"))?;
    let basemap = Arc::new(basemap);
    let today = intl::today();
    let drawn_from = format!("{today} {} {}", load::fingerprint(&text), load::fingerprint(&basemap_text));
    let mut pages = serde_json::Map::new();
    for lang in Lang::ALL {
        let html = prerender::page_atlas(loaded.clone(), basemap.clone(), lang, today);
        write(format!("fragment.{}.html", lang.tag()), &html)?;
        let feed = &loaded.feed;
        pages.insert(
            lang.tag().to_owned(),
            serde_json::json!({
                "title": feed.title.get(lang),
                "description": feed.description.as_ref().map(|d| d.get(lang)),
                "prerendered": format!("{} {drawn_from}", lang.tag()),
            }),
        );
    }
    write("places.css".to_owned(), &placed::stylesheet())?;
    write("prerender.json".to_owned(), &serde_json::Value::Object(pages).to_string())?;
    println!("prerender: fragment.en.html, fragment.fr.html, places.css and prerender.json written");
    Ok(())
}
