//! What each prerendered page of the site says of itself in its `<head>`, for browsers,
//! search engines and link previews: its title and description, the language redirect,
//! its events as schema.org JSON-LD, its Atom feed, and with the site's address, its
//! canonical and hreflang links and an Open Graph and Twitter card (an event's with its
//! picture, `cards/<id>.<lang>.png`, drawn by feed-publish).

use super::feed::Feed;
use super::page::{Page, Site};
use super::publish::{event_ld, events_ld, in_words, script_safe, xml};

/// The size feed-publish draws the cards at: what Open Graph and Twitter's large card show
/// without cropping.
pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;

/// The language redirect (`src/js/lang-redirect.js`, without its opening comment), inline
/// in each page's `<head>`: the first paint then waits for no request of its own. The
/// documented policy allows it by its hash (`docs/nginx/meetup-atlas.conf`, held equal by
/// `tests/contracts.rs`).
pub fn lang_redirect() -> &'static str {
    let source = include_str!("../js/lang-redirect.js");
    let code = source.find("\n(").map_or(source, |at| &source[at + 1..]);
    code.trim_end()
}

/// The page's title and description: the feed's for the atlas; the event's own, with the
/// feed's name, for an event's page.
pub fn title_and_description(feed: &Feed, page: &Page) -> (String, String) {
    let lang = page.lang;
    let name = feed.title.get(lang);
    let event = page.event.as_deref().and_then(|id| feed.event(id));
    match event {
        Some(event) => (format!("{} — {name}", event.title.get(lang)), in_words(lang, feed, event).join(" · ")),
        None => (name.to_owned(), feed.description.as_ref().map_or(name, |d| d.get(lang)).to_owned()),
    }
}

/// The `<head>` elements of `page` (relative addresses from its folder), in place of the
/// built page's `<title>` and description.
pub fn head(feed: &Feed, page: &Page, site: Option<&Site>) -> String {
    let (lang, up) = (page.lang, page.up());
    let (title, description) = title_and_description(feed, page);
    let event = page.event.as_deref().and_then(|id| feed.event(id));
    let ld = match event {
        Some(event) => {
            let mut ld = event_ld(lang, feed, event, site);
            ld["@context"] = "https://schema.org".into();
            script_safe(&ld)
        }
        None => events_ld(lang, feed, site),
    };
    let feed_name = feed.title.get(lang);
    let mut out = vec![
        format!("<title>{}</title>", xml(&title)),
        format!("<meta name=\"description\" content=\"{}\">", xml(&description)),
        format!("<script>{}</script>", lang_redirect()),
        format!("<script type=\"application/ld+json\">{ld}</script>"),
        format!(
            "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{up}feeds/events.{}.atom\" title=\"{}\">",
            lang.tag(),
            xml(feed_name)
        ),
    ];
    let meta = |property: &str, content: &str| format!("<meta property=\"{property}\" content=\"{}\">", xml(content));
    let named = |name: &str, content: &str| format!("<meta name=\"{name}\" content=\"{}\">", xml(content));
    let card_title = event.map_or(feed_name, |e| e.title.get(lang));
    out.extend([
        meta("og:type", "website"),
        meta("og:site_name", feed_name),
        meta("og:title", card_title),
        meta("og:description", &description),
        meta("og:locale", &lang.locale().replace('-', "_")),
        meta("og:locale:alternate", &lang.other().locale().replace('-', "_")),
    ]);
    let card = site.zip(event).and_then(|(site, event)| site.card(lang, &event.id));
    if let Some(site) = site {
        let here = site.page(page);
        out.push(format!("<link rel=\"canonical\" href=\"{}\">", xml(&here)));
        for other in [page.clone(), page.in_lang(lang.other())] {
            out.push(format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                other.lang.tag(),
                xml(&site.page(&other))
            ));
        }
        let default = site.page(&page.in_lang(super::lang::Lang::En));
        out.push(format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">", xml(&default)));
        out.push(meta("og:url", &here));
    }
    match (&card, event) {
        (Some(card), Some(event)) => {
            // What the card shows: the title, when and where.
            let when_and_where: Vec<String> = in_words(lang, feed, event).into_iter().take(2).collect();
            let alt = format!("{} — {}", event.title.get(lang), when_and_where.join(" · "));
            out.extend([
                meta("og:image", card),
                meta("og:image:type", "image/png"),
                meta("og:image:width", &CARD_WIDTH.to_string()),
                meta("og:image:height", &CARD_HEIGHT.to_string()),
                meta("og:image:alt", &alt),
                named("twitter:card", "summary_large_image"),
                named("twitter:image", card),
                named("twitter:image:alt", &alt),
            ]);
        }
        _ => out.push(named("twitter:card", "summary")),
    }
    out.extend([named("twitter:title", card_title), named("twitter:description", &description)]);
    out.concat()
}
