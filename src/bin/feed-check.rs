//! Checks a feed before it is published: prints every problem with its JSON path
//! and exits non-zero if there is any. It applies both the app's validation and the
//! feed's JSON Schema (`public/feed.schema.json`, built in), so it reports what an
//! editor validating with the schema reports, and more: unknown references, dates.
//!
//! Usage: cargo run --bin feed-check -- public/feed.json [more.json …]

// It reads files, which the wasm of a page cannot: for wasm32 (which `clippy` checks too)
// it is a program without a `main`.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::process::ExitCode;

    use meetup_atlas::core::i18n::{load_error_text, Lang};
    use meetup_atlas::core::load::{self, LoadError};
    use meetup_atlas::core::schema;
    use meetup_atlas::core::validate::Problem;

    const SCHEMA: &str = include_str!("../../public/feed.schema.json");

    pub fn main() -> ExitCode {
        let paths: Vec<String> = std::env::args().skip(1).collect();
        if paths.is_empty() {
            eprintln!("usage: feed-check FEED.json [FEED.json …]");
            return ExitCode::from(2);
        }
        let schema: serde_json::Value = serde_json::from_str(SCHEMA).expect("the built-in schema is JSON");
        let mut failed = false;
        for path in &paths {
            failed |= !check(path, &schema);
        }
        if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }

    fn check(path: &str, schema: &serde_json::Value) -> bool {
        let text = match std::fs::read(path) {
            // Not UTF-8 is read as the browser would, with replacement characters.
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(error) => {
                eprintln!("{path}: cannot read: {error}");
                return false;
            }
        };
        let loaded = load::load(&text).map(|loaded| {
            // The same text the app read (no BOM); it parsed, so it parses as a value too.
            let json = load::json_text(&text).ok().and_then(|json| serde_json::from_str(json).ok());
            (json.unwrap_or_default(), loaded)
        });
        let (value, loaded) = match loaded {
            Ok(both) => both,
            Err(error) => {
                eprintln!("{path}: {}", load_error_text(Lang::En, &LoadError::Feed(error)));
                return false;
            }
        };
        let problems = merged(loaded.problems.clone(), schema::check(schema, &value));
        for problem in &problems {
            let warning = if problem.kind.is_warning() { "warning: " } else { "" };
            eprintln!("{path}: {warning}{problem}");
        }
        let warnings = problems.iter().filter(|p| p.kind.is_warning()).count();
        let f = &loaded.feed;
        let sessions: usize = f.events.iter().map(|e| e.sessions.len()).sum::<usize>()
            + f.editions.iter().map(|e| e.sessions.len()).sum::<usize>();
        println!(
            "{path}: {} problem(s), {warnings} warning(s); {} events, {} sessions, {} places, {} people, {} organizations kept",
            problems.len() - warnings,
            f.events.len(),
            sessions,
            f.places.len(),
            f.people.len(),
            f.organizations.len()
        );
        problems.is_empty()
    }

    /// The app's problems, then the schema's where the app said nothing at that path or above it.
    fn merged(mut problems: Vec<Problem>, from_schema: Vec<Problem>) -> Vec<Problem> {
        let covered = |known: &[Problem], path: &str| {
            known.iter().any(|p| {
                path == p.path || path.strip_prefix(p.path.as_str()).is_some_and(|rest| rest.starts_with(['.', '[']))
            })
        };
        for problem in from_schema {
            if !covered(&problems, &problem.path) {
                problems.push(problem);
            }
        }
        problems
    }
}
