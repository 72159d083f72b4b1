//! The build's prerender of the site's pages (run by the trunk post-build hook,
//! `src/js/finish-dist.mjs`): the bundled feed drawn by the same Leptos components as in
//! the browser, once per language (`./`, `fr/`) and once per event and language
//! (`events/<id>/`, `fr/events/<id>/`, its details open), so each page's first paint is
//! the atlas itself and the wasm only brings it to life. Writes into the build directory:
//! - `fragment.en.html`, `fragment.fr.html`: the atlas of each language (also what the
//!   Hugo shortcode puts in a site's own pages);
//! - `site-<hash>.css`: the pages' one style sheet, the shell's style sheets and the rules
//!   of the classes that place the pages' markers, labels and timeline items
//!   (`ui::placed`: no style attribute, for a strict CSP);
//! - each page, `index.html` in its folder, made of `shell.html` (trunk's `index.html`,
//!   as the build's hook leaves it: `core::shell`):
//!   its `<head>` (`core::head`), its atlas, and what the atlas was drawn from
//!   (`core::page::Prerendered`), which the page's host carries: the browser draws over
//!   the page only if it has the same.
//!
//! Usage: prerender [dir] [--site URL]   (dir defaults to $TRUNK_STAGING_DIR)

// The views' async types nest deeper than the default allows.
#![recursion_limit = "256"]

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use meetup_atlas::core::basemap;
use meetup_atlas::core::head;
use meetup_atlas::core::load;
use meetup_atlas::core::page::{is_page_id, Page, Prerendered, Site};
use meetup_atlas::core::query;
use meetup_atlas::core::shell::Shell;
use meetup_atlas::core::Lang;
use meetup_atlas::ui::{intl, placed, prerender};

fn main() -> ExitCode {
    let (mut dir, mut site) = (None, None);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--site" => site = args.next().filter(|s| !s.trim().is_empty()).map(|s| Site::new(&s, true)),
            _ => dir = Some(arg),
        }
    }
    let Some(dir) = dir.or_else(|| std::env::var("TRUNK_STAGING_DIR").ok()) else {
        eprintln!("prerender: no directory: pass one or run as a trunk hook");
        return ExitCode::FAILURE;
    };
    match prerender(Path::new(&dir), site.as_ref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn prerender(dir: &Path, site: Option<&Site>) -> Result<(), String> {
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"));
    let write = |name: &str, text: &str| {
        let path: PathBuf = dir.join(name);
        let written = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&path, text));
        written.map_err(|e| format!("{name}: {e}"))
    };
    let text = read("feed.json")?;
    let loaded = Arc::new(load::load(&text).map_err(|e| format!("feed.json: {e:?}"))?);
    let basemap_text = read("basemap.json")?;
    let basemap = basemap::parse(&basemap_text, &query::map_projection(&loaded.feed))
        .map_err(|e| format!("basemap.json: {e:?}"))?;
    let basemap = Arc::new(basemap);
    let day = intl::today();
    let (feed_print, basemap_print) = (load::drawn_from(&text), load::drawn_from(&basemap_text));
    let events = loaded.feed.events.iter().map(|e| e.id.as_str()).filter(|id| is_page_id(id));
    let pages: Vec<Page> = Lang::ALL
        .into_iter()
        .map(Page::atlas)
        .chain(events.flat_map(|id| Lang::ALL.map(|lang| Page::event(lang, id))))
        .collect();
    // Each atlas is drawn first (the placing rules are those all of them used), then each
    // page is written around its own, read back from where it was drawn.
    let mut drawn = Vec::new();
    for page in &pages {
        let fragment = match &page.event {
            None => format!("fragment.{}.html", page.lang.tag()),
            Some(id) => format!("prerender/{}/{id}.html", page.lang.tag()),
        };
        write(&fragment, &prerender::page_atlas(loaded.clone(), basemap.clone(), page, day))?;
        drawn.push(fragment);
    }
    // The pages' one style sheet: the shell's (the widget's and the page's), then the
    // placing rules, named by its content.
    let shell = Shell::new(read("shell.html")?)?;
    let mut css = String::new();
    for href in shell.stylesheets() {
        css += &read(href.trim_start_matches("./"))?;
        css.push('\n');
    }
    css += &placed::stylesheet();
    let site_css = format!("site-{}.css", load::fingerprint(&css));
    write(&site_css, &css)?;
    let shell = shell.with_one_stylesheet(&site_css)?;
    for (page, fragment) in pages.iter().zip(&drawn) {
        let drawn_from =
            Prerendered { page: page.clone(), day, feed: feed_print.clone(), basemap: basemap_print.clone() };
        let html = shell.page(&head::head(&loaded.feed, page, site), &read(fragment)?, &drawn_from);
        write(&format!("{}index.html", page.path()), &html)?;
    }
    // The atlas' fragments stay for the Hugo shortcode; the event pages' are in their pages.
    let _ = std::fs::remove_dir_all(dir.join("prerender"));
    println!("prerender: {} pages written ({} events, 2 languages), and {site_css}", pages.len(), pages.len() / 2 - 1);
    Ok(())
}
