//! Checks a feed before it is published: prints every problem with its JSON path
//! and exits non-zero if there is any.
//!
//! Usage: cargo run --bin feed-check -- public/feed.json [more.json …]

use std::process::ExitCode;

use meetup_atlas::core::feed;
use meetup_atlas::core::i18n::{load_error_text, Lang, LoadError};

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: feed-check FEED.json [FEED.json …]");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for path in &paths {
        failed |= !check(path);
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

fn check(path: &str) -> bool {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: cannot read: {error}");
            return false;
        }
    };
    match feed::load(&text) {
        Err(error) => {
            eprintln!("{path}: {}", load_error_text(&LoadError::Feed(error), Lang::En));
            false
        }
        Ok(loaded) => {
            for problem in &loaded.problems {
                eprintln!("{path}: {problem}");
            }
            let f = &loaded.feed;
            let sessions: usize = f.events.iter().map(|e| e.sessions.len()).sum::<usize>()
                + f.editions.iter().map(|e| e.sessions.len()).sum::<usize>();
            println!(
                "{path}: {} problem(s); {} events, {} sessions, {} places, {} people, {} organizations kept",
                loaded.problems.len(),
                f.events.len(),
                sessions,
                f.places.len(),
                f.people.len(),
                f.organizations.len()
            );
            loaded.problems.is_empty()
        }
    }
}
