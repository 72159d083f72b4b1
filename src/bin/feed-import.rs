//! Turns the exports a community already has into a feed that passes feed-check:
//! iCalendar files (Meetup, Luma, Google Calendar, Outlook), CSV from a spreadsheet
//! (columns in docs/feed.md, "Bring your data"), and feeds of ours, several merged
//! into one. Prints what it could not read, or read with a guess, and keeps the rest.
//!
//! Usage: feed-import FILE… [-o feed.json] [--language en] [--title TEXT]
//!                          [--from YYYY-MM-DD] [--until YYYY-MM-DD] [--today YYYY-MM-DD]

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

    use chrono::NaiveDate;
    use meetup_atlas::core::import::{self, Options};
    use meetup_atlas::core::load;

    const USAGE: &str = "usage: feed-import FILE… [-o feed.json] [--language en] [--title TEXT] \
        [--from YYYY-MM-DD] [--until YYYY-MM-DD] [--today YYYY-MM-DD]";

    struct Args {
        files: Vec<String>,
        output: Option<String>,
        options: Options,
    }

    fn args() -> Result<Args, String> {
        let mut list = std::env::args().skip(1);
        let today = chrono::Utc::now().date_naive();
        let mut options = Options::new(today);
        let (mut files, mut output, mut from, mut until) = (Vec::new(), None, None, None);
        let day = |text: Option<String>, flag: &str| -> Result<NaiveDate, String> {
            let text = text.ok_or(format!("{flag} needs a date"))?;
            NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| format!("{flag}: `{text}` is not YYYY-MM-DD"))
        };
        while let Some(arg) = list.next() {
            match arg.as_str() {
                "-o" | "--output" => output = Some(list.next().ok_or("-o needs a file")?),
                "--language" => options.language = list.next().ok_or("--language needs a tag such as en or fr")?,
                "--title" => options.title = Some(list.next().ok_or("--title needs a text")?),
                "--from" => from = Some(day(list.next(), "--from")?),
                "--until" => until = Some(day(list.next(), "--until")?),
                "--today" => {
                    let today = day(list.next(), "--today")?;
                    options = Options { language: options.language, title: options.title, ..Options::new(today) };
                }
                "-h" | "--help" => return Err(String::new()),
                flag if flag.starts_with('-') && flag.len() > 1 => return Err(format!("unknown option {flag}")),
                file => files.push(file.to_owned()),
            }
        }
        options.from = from.unwrap_or(options.from);
        options.until = until.unwrap_or(options.until);
        if files.is_empty() {
            return Err(String::new());
        }
        Ok(Args { files, output, options })
    }

    pub fn main() -> ExitCode {
        let args = match args() {
            Ok(args) => args,
            Err(message) => {
                if !message.is_empty() {
                    eprintln!("feed-import: {message}");
                }
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        };
        let mut files = Vec::new();
        for path in &args.files {
            match std::fs::read(path) {
                // Not UTF-8 (an old Windows export) is read with replacement characters, and said.
                Ok(bytes) => {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    if text.contains('\u{fffd}') {
                        eprintln!("{path}: not UTF-8: unreadable characters are shown as \u{fffd}");
                    }
                    files.push((path.clone(), text));
                }
                Err(error) => {
                    eprintln!("{path}: cannot read: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
        let imported = import::import(&files, &args.options);
        for note in &imported.notes {
            eprintln!("{note}");
        }
        let json = imported.to_json();
        // What it writes is read back as the atlas reads it: a problem here is a bug of the import.
        let problems = load::load(&json).map(|l| l.problems.len()).unwrap_or(usize::MAX);
        let f = &imported.feed;
        eprintln!(
            "feed-import: {} events, {} places, {} series, {} topics; {} notes; {} problems in the feed written",
            f.events.len(),
            f.places.len(),
            f.series.len(),
            f.topics.len(),
            imported.notes.len(),
            problems
        );
        let written = match &args.output {
            Some(path) => std::fs::write(path, json + "\n").map_err(|e| format!("{path}: cannot write: {e}")),
            None => {
                println!("{json}");
                Ok(())
            }
        };
        match written {
            Ok(()) if problems == 0 => ExitCode::SUCCESS,
            Ok(()) => ExitCode::FAILURE,
            Err(message) => {
                eprintln!("{message}");
                ExitCode::FAILURE
            }
        }
    }
}
