//! How the atlas is embedded: where it runs, which panels it shows, and the snippets
//! that put it on another site (custom element, iframe, Hugo shortcode).

use super::lang::Lang;

/// Where an atlas runs, which decides its chrome and what it may touch outside itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// The hosted page: owns the address bar, saves the language, offers "Embed".
    #[default]
    Page,
    /// A `<meetup-atlas>` element on someone else's page: touches nothing outside its shadow root.
    Element,
    /// The page inside an iframe (`?embed=frame`): compact chrome, tells its parent its height.
    Frame,
}

impl Mode {
    /// Only the hosted page writes the address bar and remembers the language.
    pub fn owns_page(self) -> bool {
        self == Mode::Page
    }
}

/// One of the three views an embedder can choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Panel {
    Map,
    Timeline,
    List,
}

impl Panel {
    pub const ALL: [Panel; 3] = [Panel::Map, Panel::Timeline, Panel::List];

    pub fn name(self) -> &'static str {
        match self {
            Panel::Map => "map",
            Panel::Timeline => "timeline",
            Panel::List => "list",
        }
    }
}

/// Which panels an atlas shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panels {
    pub map: bool,
    pub timeline: bool,
    pub list: bool,
}

impl Default for Panels {
    fn default() -> Self {
        Panels::ALL
    }
}

impl Panels {
    pub const ALL: Panels = Panels { map: true, timeline: true, list: true };

    /// `"map,list"`, `"map list"` or `"timeline"`; unknown names are ignored, and a
    /// value naming no known panel shows them all rather than an empty widget.
    pub fn parse(text: &str) -> Panels {
        let mut panels = Panels { map: false, timeline: false, list: false };
        for name in text.split(|c: char| c == ',' || c.is_whitespace()).map(str::trim) {
            match name.to_ascii_lowercase().as_str() {
                "map" => panels.map = true,
                "timeline" => panels.timeline = true,
                "list" => panels.list = true,
                _ => {}
            }
        }
        if panels.is_empty() {
            Panels::ALL
        } else {
            panels
        }
    }

    pub fn shows(self, panel: Panel) -> bool {
        match panel {
            Panel::Map => self.map,
            Panel::Timeline => self.timeline,
            Panel::List => self.list,
        }
    }

    pub fn with(self, panel: Panel, shown: bool) -> Panels {
        let mut panels = self;
        match panel {
            Panel::Map => panels.map = shown,
            Panel::Timeline => panels.timeline = shown,
            Panel::List => panels.list = shown,
        }
        panels
    }

    pub fn is_empty(self) -> bool {
        !(self.map || self.timeline || self.list)
    }

    /// `"map,timeline,list"` in that order.
    pub fn to_attr(self) -> String {
        Panel::ALL.into_iter().filter(|p| self.shows(*p)).map(Panel::name).collect::<Vec<_>>().join(",")
    }
}

/// Parts of the chrome an embedder may leave out: `hide="header filters"` (the title
/// and language toggle; the Filters button and its panel). Unknown words are ignored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hidden {
    pub header: bool,
    pub filters: bool,
}

impl Hidden {
    pub fn parse(text: &str) -> Hidden {
        let mut hidden = Hidden::default();
        for name in text.split(|c: char| c == ',' || c.is_whitespace()) {
            match name.trim().to_ascii_lowercase().as_str() {
                "header" => hidden.header = true,
                "filters" => hidden.filters = true,
                _ => {}
            }
        }
        hidden
    }

    /// `"header filters"`, `"filters"`, or empty when nothing is hidden.
    pub fn to_attr(self, separator: &str) -> String {
        [(self.header, "header"), (self.filters, "filters")]
            .into_iter()
            .filter_map(|(hidden, name)| hidden.then_some(name))
            .collect::<Vec<_>>()
            .join(separator)
    }
}

/// What the "Embed" dialog puts in its snippets.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedChoice {
    /// The absolute URL of the folder the atlas is served from, ending in `/`.
    pub base: String,
    pub lang: Lang,
    pub panels: Panels,
    pub hidden: Hidden,
    /// A feed other than the bundled one, as an absolute URL.
    pub feed: Option<String>,
}

impl EmbedChoice {
    fn attributes(&self) -> String {
        let mut attributes = format!(" lang=\"{}\"", self.lang.tag());
        if self.panels != Panels::ALL {
            attributes.push_str(&format!(" views=\"{}\"", attr(&self.panels.to_attr())));
        }
        if self.hidden != Hidden::default() {
            attributes.push_str(&format!(" hide=\"{}\"", self.hidden.to_attr(" ")));
        }
        if let Some(feed) = &self.feed {
            attributes.push_str(&format!(" feed=\"{}\"", attr(feed)));
        }
        attributes
    }

    /// One script tag and the element.
    pub fn element(&self) -> String {
        format!(
            "<script type=\"module\" src=\"{}meetup-atlas.js\"></script>\n<meetup-atlas{}></meetup-atlas>",
            attr(&self.base),
            self.attributes()
        )
    }

    /// The iframe (the hosted page itself, so its own feed) and the few lines that size it to its content. They accept height
    /// messages only from the atlas' origin and only from that very frame.
    pub fn frame(&self, title: &str) -> String {
        let mut src = format!("{}?embed=frame&lang={}", self.base, self.lang.tag());
        if self.panels != Panels::ALL {
            src.push_str(&format!("&views={}", self.panels.to_attr()));
        }
        if self.hidden != Hidden::default() {
            src.push_str(&format!("&hide={}", self.hidden.to_attr(",")));
        }
        format!(
            concat!(
                "<iframe class=\"meetup-atlas-frame\" src=\"{src}\" title=\"{title}\" loading=\"lazy\"",
                " style=\"width: 100%; height: 40rem; border: 0\"></iframe>\n",
                "<script>\n",
                "addEventListener(\"message\", function (event) {{\n",
                "  if (event.origin !== \"{origin}\" || !event.data || event.data.type !== \"meetup-atlas:height\") return;\n",
                "  document.querySelectorAll(\"iframe.meetup-atlas-frame\").forEach(function (frame) {{\n",
                "    var height = Number(event.data.height);\n",
                "    if (frame.contentWindow === event.source && height > 0 && height < 100000) frame.style.height = Math.ceil(height) + \"px\";\n",
                "  }});\n",
                "}});\n",
                "</script>"
            ),
            src = attr(&src),
            title = attr(title),
            origin = origin(&self.base),
        )
    }

    /// The shortcode of `docs/hugo` (the theme component in this repository).
    pub fn hugo(&self) -> String {
        format!("{{{{< meetup-atlas src=\"{}\"{} >}}}}", attr(&self.base), self.attributes())
    }
}

/// Escapes text for a double-quoted HTML attribute.
pub fn attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// `https://example.org:8443` from `https://example.org:8443/atlas/`.
pub fn origin(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else { return String::new() };
    let rest = &url[scheme_end + 3..];
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    url[..scheme_end + 3 + host_end].to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_parts_parse_and_reach_every_snippet() {
        assert_eq!(Hidden::parse("header filters"), Hidden { header: true, filters: true });
        assert_eq!(Hidden::parse("Filters,banner"), Hidden { header: false, filters: true });
        assert_eq!(Hidden::parse(""), Hidden::default());
        let choice = EmbedChoice {
            base: "https://events.example.org/atlas/".into(),
            lang: Lang::Fr,
            panels: Panels::ALL,
            hidden: Hidden { header: true, filters: true },
            feed: None,
        };
        assert!(choice.element().contains(r#"<meetup-atlas lang="fr" hide="header filters"></meetup-atlas>"#));
        assert!(choice.frame("Atlas").contains("?embed=frame&amp;lang=fr&amp;hide=header,filters\""));
        assert!(choice.hugo().contains(r#" hide="header filters" >}}"#));
    }

    #[test]
    fn panels_parse_leniently_and_never_to_nothing() {
        assert_eq!(Panels::parse("map,list"), Panels { map: true, timeline: false, list: true });
        assert_eq!(Panels::parse(" Timeline  map "), Panels { map: true, timeline: true, list: false });
        assert_eq!(Panels::parse("calendar"), Panels::ALL);
        assert_eq!(Panels::parse(""), Panels::ALL);
        assert_eq!(Panels::parse("list").to_attr(), "list");
        assert_eq!(Panels::ALL.with(Panel::Timeline, false).to_attr(), "map,list");
    }

    #[test]
    fn only_the_hosted_page_owns_it() {
        assert!(Mode::Page.owns_page() && !Mode::Element.owns_page() && !Mode::Frame.owns_page());
    }

    fn choice() -> EmbedChoice {
        EmbedChoice {
            base: "https://atlas.example.org:8443/events/".into(),
            lang: Lang::Fr,
            panels: Panels::parse("map,list"),
            hidden: Hidden::default(),
            feed: None,
        }
    }

    #[test]
    fn element_snippet_loads_one_script_and_says_language_and_views() {
        assert_eq!(
            choice().element(),
            "<script type=\"module\" src=\"https://atlas.example.org:8443/events/meetup-atlas.js\"></script>\n\
             <meetup-atlas lang=\"fr\" views=\"map,list\"></meetup-atlas>"
        );
        let all = EmbedChoice { panels: Panels::ALL, lang: Lang::En, ..choice() };
        assert!(all.element().ends_with("<meetup-atlas lang=\"en\"></meetup-atlas>"));
    }

    #[test]
    fn frame_snippet_checks_the_atlas_origin() {
        let snippet = choice().frame("Atlas des rencontres");
        assert!(
            snippet
                .contains("src=\"https://atlas.example.org:8443/events/?embed=frame&amp;lang=fr&amp;views=map,list\""),
            "{snippet}"
        );
        assert!(snippet.contains("event.origin !== \"https://atlas.example.org:8443\""), "{snippet}");
        assert!(snippet.contains("frame.contentWindow === event.source"));
        assert!(snippet.contains("title=\"Atlas des rencontres\""));
    }

    #[test]
    fn hostile_text_cannot_break_out_of_attributes() {
        let hostile = EmbedChoice {
            base: "https://x.example/\"><script>alert(1)</script>/".into(),
            feed: Some("https://x.example/f.json?a=1&b=\"2\"".into()),
            ..choice()
        };
        for snippet in [hostile.element(), hostile.frame("a \"title\" <b>"), hostile.hugo()] {
            assert!(!snippet.contains("\"><script>alert"), "{snippet}");
            assert!(!snippet.contains("<b>"), "{snippet}");
        }
        assert!(hostile.element().contains("feed=\"https://x.example/f.json?a=1&amp;b=&quot;2&quot;\""));
    }

    #[test]
    fn hugo_snippet_is_one_shortcode_call() {
        assert_eq!(
            choice().hugo(),
            "{{< meetup-atlas src=\"https://atlas.example.org:8443/events/\" lang=\"fr\" views=\"map,list\" >}}"
        );
    }

    #[test]
    fn origin_is_scheme_host_and_port() {
        assert_eq!(origin("https://Atlas.example.org:8443/events/?x#y"), "https://atlas.example.org:8443");
        assert_eq!(origin("http://127.0.0.1:4173"), "http://127.0.0.1:4173");
        assert_eq!(origin("not a url"), "");
    }
}
