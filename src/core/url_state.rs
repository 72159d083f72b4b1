//! The view in the query string: language, selection, filters, search and map
//! view, so that a copied link reproduces what one sees. Only the query string
//! is used: it works on any static host and inside an iframe.

use super::embed::Mode;
use super::explore::{Facet, Filters};
use super::lang::Lang;
use super::number::read_decimal;
use super::query::{Selection, Timing};

/// A map view as a link carries it: centre in degrees and zoom in px per km.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapCentre {
    pub lon: f64,
    pub lat: f64,
    pub scale: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct UrlState {
    pub lang: Option<Lang>,
    pub selection: Option<Selection>,
    pub filters: Filters,
    pub map: Option<MapCentre>,
}

fn facet_key(facet: Facet) -> &'static str {
    match facet {
        Facet::Place => "city",
        Facet::Topic => "topic",
        Facet::Speaker => "speaker",
        Facet::Organization => "org",
        Facet::Format => "format",
        Facet::Attendance => "attendance",
    }
}

impl UrlState {
    /// `?lang=fr&q=…&city=a,b&event=…&map=lon,lat,zoom`, or "" when there is nothing to say.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(lang) = self.lang {
            pairs.push(("lang", lang.tag().to_owned()));
        }
        let query = self.filters.search.trim();
        if !query.is_empty() {
            pairs.push(("q", query.to_owned()));
        }
        for facet in Facet::ALL {
            let values: Vec<&str> =
                self.filters.chosen.iter().filter(|(f, _)| *f == facet).map(|(_, v)| v.as_str()).collect();
            if !values.is_empty() {
                pairs.push((facet_key(facet), values.join(",")));
            }
        }
        match self.filters.timing {
            Some(Timing::Past) => pairs.push(("when", "past".into())),
            Some(Timing::Upcoming) => pairs.push(("when", "upcoming".into())),
            _ => {}
        }
        match &self.selection {
            Some(Selection::Place(id)) => pairs.push(("place", id.clone())),
            Some(Selection::Event(id)) => pairs.push(("event", id.clone())),
            None => {}
        }
        if let Some(map) = self.map {
            pairs.push(("map", format!("{:.4},{:.4},{:.4}", map.lon, map.lat, map.scale)));
        }
        if pairs.is_empty() {
            return String::new();
        }
        let encoded: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
        format!("?{}", encoded.join("&"))
    }

    /// Reads a query string (with or without its `?`); what it does not understand is ignored.
    pub fn from_query(query: &str) -> UrlState {
        let mut state = UrlState::default();
        for (key, value) in pairs(query) {
            match key {
                "lang" => state.lang = Lang::from_tag(&value),
                // Written trimmed (`to_query`), read trimmed: a search round-trips.
                "q" => state.filters.search = value.trim().to_owned(),
                "when" if value == "past" => state.filters.timing = Some(Timing::Past),
                "when" if value == "upcoming" => state.filters.timing = Some(Timing::Upcoming),
                "place" if !value.is_empty() => state.selection = Some(Selection::Place(value)),
                "event" if !value.is_empty() => state.selection = Some(Selection::Event(value)),
                "map" => {
                    let numbers: Vec<f64> = value.split(',').filter_map(read_decimal).collect();
                    if let [lon, lat, scale] = numbers[..] {
                        // `read_decimal` gives finite numbers only.
                        if scale > 0.0 {
                            state.map = Some(MapCentre { lon, lat, scale });
                        }
                    }
                }
                _ => {
                    if let Some(facet) = Facet::ALL.into_iter().find(|f| facet_key(*f) == key) {
                        for v in value.split(',').filter(|v| !v.is_empty()) {
                            state.filters.chosen.insert((facet, v.to_owned()));
                        }
                    }
                }
            }
        }
        state
    }
}

/// The pairs of a query string (with or without its `?`), values decoded: the one reader
/// of the address, for the view (`UrlState`) and for what it asks of the page's atlases
/// (`HostQuery`).
pub fn pairs(query: &str) -> impl Iterator<Item = (&str, String)> {
    query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key, decode(value))
    })
}

/// What the page's address asks of its atlases besides the view: to be an iframe's
/// content (`embed=frame`), its panels (`views`) and parts (`hide`), other feeds (`feed`,
/// the iframe's), a language (`lang`). The first of a repeated key counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HostQuery {
    pub mode: Mode,
    pub lang: Option<Lang>,
    pub views: Option<String>,
    pub hide: Option<String>,
    pub feed: Option<String>,
}

impl HostQuery {
    pub fn parse(query: &str) -> HostQuery {
        let mut asked = HostQuery::default();
        let mut lang_said = false;
        for (key, value) in pairs(query) {
            match key {
                "embed" if value == "frame" => asked.mode = Mode::Frame,
                "lang" if !lang_said => {
                    lang_said = true;
                    asked.lang = Lang::from_tag(&value);
                }
                "views" => _ = asked.views.get_or_insert(value),
                "hide" => _ = asked.hide.get_or_insert(value),
                "feed" if !value.trim().is_empty() => _ = asked.feed.get_or_insert(value),
                _ => {}
            }
        }
        asked
    }
}

/// Percent-encodes all but the unreserved characters of RFC 3986 (and the comma, a separator here).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Decodes `%XX` and `+`; malformed escapes are kept as they are.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .filter(|hex| hex.iter().all(u8::is_ascii_hexdigit))
            .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
        match (bytes[i], escaped) {
            (_, Some(value)) => {
                out.push(value);
                i += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                i += 1;
            }
            (other, None) => {
                out.push(other);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_is_asked_its_mode_panels_parts_feeds_and_language_once() {
        let mode = |query| HostQuery::parse(query).mode;
        assert_eq!(mode("?embed=frame&lang=fr"), Mode::Frame);
        assert_eq!(mode("?lang=fr&embed=frame"), Mode::Frame);
        assert_eq!(mode("?embed=framed"), Mode::Page);
        assert_eq!(mode(""), Mode::Page);
        let asked = HostQuery::parse("?views=list%2Cmap&hide=header&feed=a.json+b.json&lang=xx&lang=fr&views=map");
        assert_eq!(asked.views.as_deref(), Some("list,map"), "the first of a repeated key");
        assert_eq!(asked.hide.as_deref(), Some("header"));
        assert_eq!(asked.feed.as_deref(), Some("a.json b.json"));
        assert_eq!(asked.lang, None, "an unknown language is no choice");
        assert_eq!(HostQuery::parse("lang=fr").lang, Some(Lang::Fr));
        assert_eq!(HostQuery::parse("?feed=%20").feed, None);
    }

    #[test]
    fn round_trips_every_part() {
        let mut filters = Filters { search: "Montréal & co".into(), timing: Some(Timing::Past), ..Filters::default() };
        filters.toggle(Facet::Place, "toronto");
        filters.toggle(Facet::Place, "ottawa");
        filters.toggle(Facet::Speaker, "artem-pogossian");
        let state = UrlState {
            lang: Some(Lang::Fr),
            selection: Some(Selection::Event("toronto-spring-2019".into())),
            filters,
            map: Some(MapCentre { lon: -75.5, lat: 45.25, scale: 1.5 }),
        };
        let query = state.to_query();
        assert_eq!(
            query,
            "?lang=fr&q=Montr%C3%A9al%20%26%20co&city=ottawa,toronto&speaker=artem-pogossian&when=past&event=toronto-spring-2019&map=-75.5000,45.2500,1.5000"
        );
        assert_eq!(UrlState::from_query(&query), state);
        assert_eq!(UrlState::default().to_query(), "");
    }

    #[test]
    fn tolerates_what_it_does_not_understand() {
        let state = UrlState::from_query("?q=a+b&lang=xx&map=1,2&unknown=3&%zz=&city=&event=");
        assert_eq!(state.filters.search, "a b");
        assert_eq!(state.lang, None);
        assert_eq!(state.map, None);
        assert!(state.filters.chosen.is_empty() && state.selection.is_none());
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%41%zz%+f"), "A%zz% f", "a lone % stays, + is a space");
    }
}
