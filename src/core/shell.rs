//! The site's pages from the built `index.html` (trunk's, with its start-up script made an
//! external one by the build's hook): one page per language and per event, each with its
//! own `<head>` (`core::head`), its prerendered atlas inside the page's host, and its
//! addresses seen from its folder. The build's prerender writes them; the hook only runs it.

use super::embed::attr;
use super::i18n;
use super::page::{Page, Prerendered};

/// A tag of the shell: where it is, its name, and each attribute with where it is.
struct Tag {
    start: usize,
    end: usize,
    name: String,
    attrs: Vec<Attr>,
}

/// `name="value"`, `name=value` or `name`: the whole of it, and its value unquoted.
struct Attr {
    name: String,
    whole: (usize, usize),
    value: Option<String>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.iter().find(|a| a.name == name)
    }

    fn value(&self, name: &str) -> Option<&str> {
        self.attr(name).and_then(|a| a.value.as_deref())
    }
}

/// The opening tags of `html`, attributes read as HTML reads them (quoted or not);
/// comments, closing tags and the text between are passed over.
fn tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        let start = i + offset;
        i = start + 1;
        if html[start..].starts_with("<!--") {
            i = html[start..].find("-->").map_or(bytes.len(), |e| start + e + 3);
            continue;
        }
        if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = i + html[i..].find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').unwrap_or(0);
        let name = html[i..name_end].to_ascii_lowercase();
        i = name_end;
        let mut attrs = Vec::new();
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let at = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>') {
                i += 1;
            }
            let attr_name = html[at..i].to_ascii_lowercase();
            let mut value = None;
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                let (from, to, next) = match bytes.get(i) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let close = html[i + 1..].find(quote as char).map_or(bytes.len(), |c| i + 1 + c);
                        (i + 1, close, (close + 1).min(bytes.len()))
                    }
                    _ => {
                        let end = i + html[i..].find(|c: char| c.is_ascii_whitespace() || c == '>').unwrap_or(0);
                        (i, end, end)
                    }
                };
                value = Some(html[from..to].to_owned());
                i = next;
            }
            attrs.push(Attr { name: attr_name, whole: (at, i), value });
        }
        i = (i + 1).min(bytes.len());
        found.push(Tag { start, end: i, name, attrs });
    }
    found
}

/// `html` with each range replaced by its text (ranges in order, not overlapping).
fn splice(html: &str, mut edits: Vec<((usize, usize), String)>) -> String {
    super::order::sort(&mut edits, &|((a, _), _), ((b, _), _)| a.cmp(b));
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for ((start, end), text) in edits {
        out.push_str(&html[at..start]);
        out.push_str(&text);
        at = end;
    }
    out.push_str(&html[at..]);
    out
}

/// The built `index.html` that every page of the site is made from, read once.
pub struct Shell {
    html: String,
    tags: Vec<Tag>,
}

impl Shell {
    /// The shell, checked for what the pages need: the atlas' host (an empty
    /// `<main data-meetup-atlas>`) and a title.
    pub fn new(html: String) -> Result<Shell, String> {
        let tags = tags(&html);
        match tags.iter().find(|t| is_host(t)) {
            Some(host) if html[host.end..].starts_with("</main>") => {}
            _ => return Err("index.html has no empty <main data-meetup-atlas> host".into()),
        }
        if !html.contains("<title>") {
            return Err("index.html has no <title>".into());
        }
        Ok(Shell { html, tags })
    }

    /// The addresses of the shell's style sheets, in order.
    pub fn stylesheets(&self) -> Vec<&str> {
        self.stylesheet_links().filter_map(|t| t.value("href")).collect()
    }

    fn stylesheet_links(&self) -> impl Iterator<Item = &Tag> {
        self.tags.iter().filter(|t| t.name == "link" && t.value("rel") == Some("stylesheet"))
    }

    /// With one style sheet, `href`, in place of all of the shell's (which it holds, with
    /// the prerender's placing rules): a page's first paint waits for one request, not
    /// three (docs/decisions.md).
    pub fn with_one_stylesheet(self, href: &str) -> Result<Shell, String> {
        let mut links = self.stylesheet_links();
        let first = links.next().ok_or("index.html links no style sheet")?;
        let link = format!("<link rel=\"stylesheet\" href=\"./{}\">", attr(href));
        let mut edits = vec![((first.start, first.end), link)];
        edits.extend(links.map(|t| ((t.start, t.end), String::new())));
        Shell::new(splice(&self.html, edits))
    }

    /// One page of the site: `head` (`core::head`) in place of the shell's title and
    /// description, `atlas` (prerendered from `drawn_from`) right inside the host, every
    /// address of the shell seen from the page's folder, and no preload (the page's
    /// script fetches what the atlas needs once the page is painted).
    pub fn page(&self, head: &str, atlas: &str, drawn_from: &Prerendered) -> String {
        let page: &Page = &drawn_from.page;
        let (up, lang) = (page.up(), page.lang);
        let mut edits = Vec::new();
        for tag in &self.tags {
            let whole = (tag.start, tag.end);
            match tag.name.as_str() {
                "html" => {
                    let other = page.link_to(&page.in_lang(lang.other()));
                    edits.push((whole, format!("<html lang=\"{}\" data-other-lang=\"{}\">", lang.tag(), attr(&other))));
                    continue;
                }
                "link" if tag.value("rel") == Some("preload") => {
                    edits.push((whole, String::new()));
                    continue;
                }
                "meta" if tag.value("name") == Some("description") => {
                    edits.push((whole, String::new()));
                    continue;
                }
                _ => {}
            }
            for a in &tag.attrs {
                if let Some(url) = relative(a, &up) {
                    edits.push((a.whole, format!("{}=\"{url}\"", a.name)));
                }
            }
            if is_host(tag) {
                // What the page's host says of its atlas, before its `>`; the atlas inside it.
                let basemap = if up.is_empty() { String::new() } else { format!(" data-basemap=\"{up}basemap.json\"") };
                let said = format!(
                    " data-lang=\"{}\" data-prerendered=\"{}\"{basemap}",
                    lang.tag(),
                    attr(&drawn_from.to_string())
                );
                edits.push(((tag.end - 1, tag.end - 1), said));
                edits.push(((tag.end, tag.end), atlas.to_owned()));
                let closed = tag.end + "</main>".len();
                let note = format!("<noscript><p class=\"page-note\">{}</p></noscript>", attr(i18n::no_script(lang)));
                edits.push(((closed, closed), note));
            }
        }
        let title_start = self.html.find("<title>").unwrap_or(0);
        let title_end = self.html[title_start..].find("</title>").map_or(title_start, |e| title_start + e + 8);
        edits.push(((title_start, title_end), head.to_owned()));
        splice(&self.html, edits)
    }
}

/// The atlas' host: `<main data-meetup-atlas>`.
fn is_host(tag: &Tag) -> bool {
    tag.name == "main" && tag.attr("data-meetup-atlas").is_some()
}

/// The attribute's address seen from `up` ("../../"), if it is one of the shell's own
/// relative addresses (`href`, `src`, `data-feed`) and the page is in a folder. The
/// value is the shell's text as it is (entities and all), as the build wrote it.
fn relative(a: &Attr, up: &str) -> Option<String> {
    let url = a.value.as_deref()?;
    let addressed = matches!(a.name.as_str(), "href" | "src" | "data-feed");
    let absolute = url.starts_with('/')
        || url.starts_with('#')
        || url.split_once(':').is_some_and(|(scheme, _)| is_scheme(scheme));
    (addressed && !absolute && !up.is_empty()).then(|| format!("{up}{}", url.trim_start_matches("./")))
}

fn is_scheme(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::Day;
    use crate::core::lang::Lang;

    const SHELL: &str = "<!doctype html><html lang=en><meta charset=utf-8><title>Atlas</title>\
        <meta name=\"description\" content=\"x\"><link rel=preload href=feed.json as=fetch>\
        <link rel=stylesheet href=./atlas-1.css><link rel=\"stylesheet\" href=\"page-2.css\">\
        <script type=module src=./meetup-atlas.js></script><a href=\"https://example.org/\">x</a><a href=#top>top</a>\
        <main class=page data-feed=feed.json data-meetup-atlas></main>";

    fn drawn(page: Page) -> Prerendered {
        Prerendered { page, day: Day::parse("2026-12-04").unwrap(), feed: "f".into(), basemap: "b".into() }
    }

    #[test]
    fn the_attributes_of_a_tag_are_read_quoted_or_not() {
        let found = tags("<p>a</p><link rel=stylesheet href=\"a b.css\" data-x='y>z' disabled><!-- <b> -->");
        let names: Vec<&str> = found.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["p", "link"]);
        let link = &found[1];
        assert_eq!(link.value("rel"), Some("stylesheet"));
        assert_eq!(link.value("href"), Some("a b.css"));
        assert_eq!(link.value("data-x"), Some("y>z"));
        assert!(link.attr("disabled").is_some_and(|a| a.value.is_none()));
    }

    #[test]
    fn an_event_page_sees_the_shell_from_its_folder_and_holds_its_atlas() {
        let shell = Shell::new(SHELL.into()).unwrap();
        assert_eq!(shell.stylesheets(), ["./atlas-1.css", "page-2.css"]);
        let shell = shell.with_one_stylesheet("site-3.css").unwrap();
        assert_eq!(shell.stylesheets(), ["./site-3.css"]);
        let page = Page::event(Lang::Fr, "ottawa");
        let html = shell.page("<title>Ottawa</title>", "<div class=meetup-atlas></div>", &drawn(page.clone()));
        let up = page.up();
        assert_eq!(up, "../../../");
        assert!(html.contains("<html lang=\"fr\" data-other-lang=\"../../../events/ottawa/\">"), "{html}");
        assert!(html.contains(&format!("<link rel=\"stylesheet\" href=\"{up}site-3.css\"><script")), "{html}");
        assert!(!html.contains("atlas-1.css") && !html.contains("page-2.css"), "{html}");
        assert!(html.contains(&format!("src=\"{up}meetup-atlas.js\"")));
        assert!(html.contains("href=\"https://example.org/\"") && html.contains("href=#top"), "{html}");
        assert!(!html.contains("preload") && !html.contains("description"), "{html}");
        assert!(html.contains("<title>Ottawa</title>") && !html.contains("<title>Atlas"));
        let host = format!(
            "<main class=page data-feed=\"{up}feed.json\" data-meetup-atlas data-lang=\"fr\" data-prerendered=\"{}\" \
             data-basemap=\"{up}basemap.json\"><div class=meetup-atlas></div></main><noscript>",
            attr(&drawn(page).to_string())
        );
        assert!(html.contains(&host), "{html}");
        assert!(html.contains(i18n::no_script(Lang::Fr)));
    }

    #[test]
    fn the_root_page_keeps_its_addresses() {
        let shell = Shell::new(SHELL.into()).unwrap();
        let html = shell.page("<title>A</title>", "", &drawn(Page::atlas(Lang::En)));
        assert!(html.contains("href=./atlas-1.css") && html.contains("data-feed=feed.json"), "{html}");
        assert!(!html.contains("data-basemap"), "{html}");
        assert!(html.contains("<html lang=\"en\" data-other-lang=\"fr/\">"), "{html}");
    }

    #[test]
    fn a_shell_without_its_host_is_refused() {
        assert!(Shell::new("<title>x</title><main></main>".into()).is_err());
        assert!(Shell::new("<title>x</title><main data-meetup-atlas>old</main>".into()).is_err());
        assert!(Shell::new(
            SHELL
                .replace("<link rel=stylesheet href=./atlas-1.css>", "")
                .replace("<link rel=\"stylesheet\" href=\"page-2.css\">", "")
        )
        .unwrap()
        .with_one_stylesheet("p.css")
        .is_err());
    }
}
