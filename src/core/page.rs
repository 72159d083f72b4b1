//! The hosted page's addresses: the build prerenders the atlas once per language (English
//! at the site's root, French in `fr/`) and once per event and language
//! (`events/<id>/`, `fr/events/<id>/`, with that event's details open); and what a page
//! was drawn from, which the build writes on it and the wasm reads before taking it over.

use std::fmt;

use super::date::Day;
use super::lang::Lang;

/// One prerendered page: a language, and the event it opens on, if any.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Page {
    pub lang: Lang,
    pub event: Option<String>,
}

/// Whether an event id can be a folder of the site: ids are such slugs (the feed's
/// schema), and an event whose id is not gets no page of its own.
pub fn is_page_id(id: &str) -> bool {
    id.bytes().next().is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Page {
    pub fn atlas(lang: Lang) -> Page {
        Page { lang, event: None }
    }

    pub fn event(lang: Lang, id: &str) -> Page {
        Page { lang, event: Some(id.to_owned()) }
    }

    /// Its folder, from the site's root: "", "fr/", "events/<id>/", "fr/events/<id>/".
    pub fn path(&self) -> String {
        let lang = match self.lang {
            Lang::En => "",
            Lang::Fr => "fr/",
        };
        match &self.event {
            Some(id) => format!("{lang}events/{id}/"),
            None => lang.to_owned(),
        }
    }

    /// The way from it up to the site's root: "", "../", "../../" or "../../../".
    pub fn up(&self) -> String {
        "../".repeat(self.path().matches('/').count())
    }

    /// The relative link from this page to `to` ("./" for itself).
    pub fn link_to(&self, to: &Page) -> String {
        if self == to {
            return "./".to_owned();
        }
        let link = format!("{}{}", self.up(), to.path());
        if link.is_empty() {
            "./".to_owned()
        } else {
            link
        }
    }

    /// The same page in the other language.
    pub fn in_lang(&self, lang: Lang) -> Page {
        Page { lang, event: self.event.clone() }
    }

    /// Reads a folder as `path` writes it ("" is the English atlas); `None` if it is none of
    /// the site's pages.
    pub fn from_path(path: &str) -> Option<Page> {
        let (lang, rest) = match path.strip_prefix("fr/") {
            Some(rest) => (Lang::Fr, rest),
            None => (Lang::En, path),
        };
        if rest.is_empty() {
            return Some(Page::atlas(lang));
        }
        let id = rest.strip_prefix("events/")?.strip_suffix('/')?;
        is_page_id(id).then(|| Page::event(lang, id))
    }

    /// The site's root, as an absolute path, from the path of this page's address
    /// (`/atlas/fr/events/x/` → `/atlas/`); `None` if that address is not this page's.
    pub fn root_of(&self, pathname: &str) -> Option<String> {
        let folder = pathname.strip_suffix("index.html").unwrap_or(pathname);
        folder.strip_suffix(&self.path()).filter(|root| root.ends_with('/')).map(str::to_owned)
    }
}

/// Where an atlas is served, for absolute addresses (calendars, feeds, search engines):
/// its address, ending in `/` (written so by `Display`), and whether its events have pages
/// there (a site built with the feed) or are reached by `?event=` (a feed shown elsewhere).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    url: String,
    pub event_pages: bool,
}

impl Site {
    pub fn new(url: &str, event_pages: bool) -> Site {
        Site { url: format!("{}/", url.trim().trim_end_matches('/')), event_pages }
    }

    /// The absolute address of `page`.
    pub fn page(&self, page: &Page) -> String {
        format!("{}{}", self.url, page.path())
    }

    /// The absolute address of an event: its own page, or the atlas with `?event=` (an id
    /// that cannot be a folder has no page).
    pub fn event(&self, lang: Lang, id: &str) -> String {
        if self.event_pages && is_page_id(id) {
            self.page(&Page::event(lang, id))
        } else {
            format!("{}?event={}", self.page(&Page::atlas(lang)), super::url_state::encode(id))
        }
    }

    /// The address of an event's card (`cards/<id>.<lang>.png`), which feed-publish draws
    /// for each event whose id can be a file name.
    pub fn card(&self, lang: Lang, id: &str) -> Option<String> {
        is_page_id(id).then(|| format!("{}{}", self.url, card_path(lang, id)))
    }
}

impl fmt::Display for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url)
    }
}

/// Where an event's card is, from the site's root.
pub fn card_path(lang: Lang, id: &str) -> String {
    format!("cards/{id}.{}.png", lang.tag())
}

/// What the build drew a page's atlas from, written on its host (`data-prerendered`):
/// `"<lang> <day> <feed> <basemap>[ <event id>]"`, the feed and the basemap as
/// `load::drawn_from` names their texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prerendered {
    pub page: Page,
    pub day: Day,
    /// `load::drawn_from` of the feed's text and of the basemap's.
    pub feed: String,
    pub basemap: String,
}

impl fmt::Display for Prerendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {} {}", self.page.lang.tag(), self.day, self.feed, self.basemap)?;
        match &self.page.event {
            Some(id) => write!(f, " {id}"),
            None => Ok(()),
        }
    }
}

impl Prerendered {
    pub fn parse(text: &str) -> Option<Prerendered> {
        let mut parts = text.split(' ');
        let lang = Lang::from_tag(parts.next()?)?;
        let day = Day::parse(parts.next()?)?;
        let feed = parts.next()?.to_owned();
        let basemap = parts.next()?.to_owned();
        let event = parts.next().map(str::to_owned);
        if parts.next().is_some() || event.as_deref().is_some_and(|id| !is_page_id(id)) {
            return None;
        }
        Some(Prerendered { page: Page { lang, event }, day, feed, basemap })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages() -> Vec<Page> {
        vec![Page::atlas(Lang::En), Page::atlas(Lang::Fr), Page::event(Lang::En, "a-1"), Page::event(Lang::Fr, "a-1")]
    }

    #[test]
    fn paths_read_back_and_links_lead_there() {
        for page in pages() {
            assert_eq!(Page::from_path(&page.path()), Some(page.clone()));
            let root = "/site/";
            let here = format!("{root}{}", page.path());
            assert_eq!(page.root_of(&here).as_deref(), Some(root));
            assert_eq!(page.root_of(&format!("{here}index.html")).as_deref(), Some(root));
            for to in pages() {
                // Resolving the link against this page's folder gives the other's.
                let mut folder: Vec<&str> = here.trim_end_matches('/').split('/').collect();
                let link = page.link_to(&to);
                for part in link.split_terminator('/') {
                    match part {
                        ".." => {
                            folder.pop();
                        }
                        "." => {}
                        name => folder.push(name),
                    }
                }
                assert_eq!(format!("{}/", folder.join("/")), format!("{root}{}", to.path()), "{page:?} → {to:?}");
            }
        }
        assert_eq!(Page::atlas(Lang::En).link_to(&Page::atlas(Lang::Fr)), "fr/");
        assert_eq!(Page::event(Lang::Fr, "x").link_to(&Page::atlas(Lang::En)), "../../../");
        assert_eq!(Page::from_path("events/"), None);
        assert_eq!(Page::from_path("events/Bad Id/"), None);
        assert_eq!(Page::from_path("elsewhere/"), None);
        assert_eq!(Page::event(Lang::En, "x").root_of("/site/events/y/"), None);
    }

    #[test]
    fn what_a_page_was_drawn_from_round_trips() {
        for page in pages() {
            let drawn =
                Prerendered { page, day: Day::parse("2026-12-03").unwrap(), feed: "f1".into(), basemap: "b2".into() };
            assert_eq!(Prerendered::parse(&drawn.to_string()), Some(drawn));
        }
        assert_eq!(Prerendered::parse("en 2026-12-03 f1"), None);
        assert_eq!(Prerendered::parse("en 2026-12-03 f1 b2 x y"), None);
        assert_eq!(Prerendered::parse("de 2026-12-03 f1 b2"), None);
        assert_eq!(Prerendered::parse("en 2026-12-03 f1 b2 <x>"), None);
    }
}
