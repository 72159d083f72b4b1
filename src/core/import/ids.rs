//! Ids from what a source calls its entries: stable, so that importing the same
//! calendar again gives the same ids (the atlas' addresses and calendars keep them).

use super::gazetteer::fold;

/// At most this many characters before the hash a long key gets.
const MAX: usize = 48;

/// An id (`^[a-z0-9][a-z0-9-]*$`) from any text: its letters and digits, folded, with
/// dashes between; a long or empty one ends with a hash of the whole text, so that two
/// keys that differ only past the cut still differ.
pub fn slug(text: &str) -> String {
    let folded = fold(text);
    let mut id = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    if id.is_empty() || id.len() > MAX {
        let head = id.get(..MAX.min(id.len())).unwrap_or("").trim_end_matches('-');
        let hash = hash(text);
        return if head.is_empty() { format!("x{hash}") } else { format!("{head}-{hash}") };
    }
    id.to_owned()
}

/// An event's id from its record's key: a repeating event's occurrence (`UID/20250114T1800`)
/// is its event's id and its local start, so that each keeps its id when imported again.
pub fn of_key(key: &str) -> String {
    // Our own calendars' UIDs are the event's id and the atlas' name: the same id back.
    if let Some(id) = key.strip_suffix("@meetup-atlas").filter(|id| crate::core::validate::is_valid_id(id)) {
        return id.to_owned();
    }
    match key.rsplit_once('/') {
        Some((uid, start)) if start.len() >= 8 && start.bytes().all(|b| b.is_ascii_digit() || b == b'T') => {
            format!("{}-{}", slug(uid), start.to_ascii_lowercase())
        }
        _ => slug(key),
    }
}

/// Eight hex digits of the project's FNV-1a fingerprint: short, and the same on every machine.
pub fn hash(text: &str) -> String {
    crate::core::load::fingerprint(text)[8..].to_owned()
}

/// A file's short name, for its ids in a merged feed: `chapters/montreal.ics` → `montreal`.
pub fn file_name(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    slug(stem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::validate::is_valid_id;

    #[test]
    fn slugs_are_ids_and_stable() {
        assert_eq!(slug("event_305123456@meetup.com"), "event-305123456-meetup-com");
        assert_eq!(slug("Montréal — Cloud Native"), "montreal-cloud-native");
        assert_eq!(slug("Köln"), "koln");
        let long = "a".repeat(100);
        assert_eq!(slug(&long).len(), MAX + 9);
        assert_ne!(slug(&format!("{long}1")), slug(&format!("{long}2")));
        for text in ["", "@@@", "日本語", "--a--", "ÉTÉ 2019"] {
            assert!(is_valid_id(&slug(text)), "{text} → {}", slug(text));
        }
        assert_eq!(of_key("abc@google.com/20250114T1800"), "abc-google-com-20250114t1800");
        assert_eq!(of_key("https://example.org/a/b"), "https-example-org-a-b");
        assert_eq!(file_name("chapters/Montréal Chapter.ics"), "montreal-chapter");
    }
}
