//! Writes what a feed publishes beside its atlas, as static files: calendars to subscribe
//! to (all events; each place, series and topic; English and French) and their list,
//! `calendars/index.json`, which the atlas reads to offer Subscribe; and an Atom feed of
//! the events per language (`feeds/events.en.atom`); with `--site`, `sitemap.xml` and
//! `robots.txt`; and the events as schema.org JSON-LD (`ld/events.en.json`). The post-build hook
//! runs it for the bundled feed; a community hosting its own feed runs it for theirs.
//!
//! With `--pages` (the build's hook: the site holds a page per event, `events/<id>/`), the
//! events' addresses are their pages and the sitemap lists them; without it, the atlas
//! with `?event=`. With `--pages` it also draws each event's card, the picture a link
//! preview shows of its page (`cards/<id>.<lang>.png`, `core::card`): its place on the
//! map from `--basemap` (default: `basemap.json` beside the feed) and the world layer
//! beside it (`world-50m.json`, else `world.json`), in DejaVu Sans (Debian's
//! fonts-dejavu-core), which it refuses to draw without.
//!
//! Usage: feed-publish FEED.json -o DIR [--site https://events.example.org/atlas/] [--pages] [--basemap basemap.json]

// It writes files, which the wasm of a page cannot: for wasm32 (which `clippy` checks too)
// it is a program without a `main`.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "feed-publish/cards.rs"]
mod cards;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::cards;
    use std::path::Path;
    use std::process::ExitCode;

    use meetup_atlas::core::page::Site;
    use meetup_atlas::core::{load, publish};

    const USAGE: &str =
        "usage: feed-publish FEED.json -o DIR [--site https://events.example.org/atlas/] [--pages] [--basemap basemap.json]";

    pub fn main() -> ExitCode {
        let mut args = std::env::args().skip(1);
        let (mut feed, mut out, mut site, mut pages, mut basemap) = (None, None, None, false, None);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "-o" | "--output" => out = args.next(),
                "--site" => site = args.next().filter(|s| !s.trim().is_empty()),
                "--pages" => pages = true,
                "--basemap" => basemap = args.next(),
                _ if feed.is_none() && !arg.starts_with('-') => feed = Some(arg),
                _ => {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            }
        }
        let (Some(feed), Some(out)) = (feed, out) else {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        };
        let text = match std::fs::read_to_string(&feed) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("{feed}: cannot read: {error}");
                return ExitCode::FAILURE;
            }
        };
        let loaded = match load::load(&text) {
            Ok(loaded) => loaded,
            Err(error) => {
                eprintln!("{feed}: {error:?}: run feed-check on it");
                return ExitCode::FAILURE;
            }
        };
        let site = site.map(|url| Site::new(&url, pages));
        let mut files = publish::calendars(&loaded.feed, site.as_ref());
        let calendars = files.len() - 1;
        files.extend(publish::atom_feeds(&loaded.feed, site.as_ref()));
        files.extend(publish::sitemap(&loaded.feed, site.as_ref()));
        files.extend(publish::json_ld(&loaded.feed, site.as_ref()));
        for file in &files {
            let path = Path::new(&out).join(&file.path);
            let written =
                path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&path, &file.text));
            if let Err(error) = written {
                eprintln!("{}: cannot write: {error}", path.display());
                return ExitCode::FAILURE;
            }
        }
        if pages {
            let basemap = basemap.map_or_else(|| Path::new(&feed).with_file_name("basemap.json"), Into::into);
            match cards::draw_all(&loaded.feed, &basemap, Path::new(&out)) {
                Ok(count) => eprintln!("feed-publish: {count} cards drawn in {out}/cards"),
                Err(error) => {
                    eprintln!("feed-publish: cards: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
        eprintln!("feed-publish: {calendars} calendars, calendars/index.json and feeds/events.{{en,fr}}.atom written in {out}");
        if site.is_none() {
            eprintln!("feed-publish: no --site: the events' addresses in the atlas are left out of the calendars and the Atom feeds, and sitemap.xml and robots.txt are not written");
        }
        ExitCode::SUCCESS
    }
}
