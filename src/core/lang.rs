//! The two languages of the interface and of every text of the feed.

/// Where the visitor's choice of language is kept (`localStorage`), by the atlas and by
/// the pages' language redirect (`src/js/lang-redirect.js`, inline in each page).
pub const SAVED_LANG_KEY: &str = "meetup-atlas.lang";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The BCP 47 tag, for `lang` attributes and `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The locale given to `Intl`: the feed is Canadian.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::En => "en-CA",
            Lang::Fr => "fr-CA",
        }
    }

    /// The language's name in itself, as shown on the toggle.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// Reads `fr`, `FR`, `fr-CA`, `en_US`…; anything else is not ours.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// Initial language: `?lang=` → saved choice → browser languages → English.
    pub fn choose(query: Option<&str>, saved: Option<&str>, browser: &[String]) -> Lang {
        query
            .and_then(Lang::from_tag)
            .or_else(|| saved.and_then(Lang::from_tag))
            .or_else(|| browser.iter().find_map(|tag| Lang::from_tag(tag)))
            .unwrap_or_default()
    }

    /// The text of this language from a pair.
    /// The language that is not this one.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        }
    }

    pub fn pick<'a>(self, en: &'a str, fr: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }
}
