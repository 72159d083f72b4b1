//! What the service worker tells the page when it answers with its saved copy of the
//! feed: the header, and what it says.

/// The headers our service worker (`sw.js`) adds when the network failed and it answered
/// with its saved copy: when that copy was saved, in milliseconds since the epoch…
pub const SAVED_AT_HEADER: &str = "x-meetup-atlas-saved-at";
/// …and why it did: `offline`, `timeout`, `status 500`, `not-a-feed`.
pub const SAVED_BECAUSE_HEADER: &str = "x-meetup-atlas-saved-because";

/// Why the service worker answered with its saved copy of the feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavedBecause {
    Offline,
    Timeout,
    Status(u16),
    NotAFeed,
}

impl SavedBecause {
    /// An unknown or missing reason reads as offline, what the saved copy is for.
    pub fn parse(header: Option<&str>) -> SavedBecause {
        match header.map(str::trim) {
            Some("timeout") => SavedBecause::Timeout,
            Some("not-a-feed") => SavedBecause::NotAFeed,
            Some(other) => other
                .strip_prefix("status ")
                .and_then(|code| code.parse().ok())
                .map_or(SavedBecause::Offline, SavedBecause::Status),
            None => SavedBecause::Offline,
        }
    }
}
