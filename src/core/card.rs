//! An event's card: the picture a link preview shows of its page (Open Graph, Twitter),
//! as SVG, which feed-publish rasterises to `cards/<id>.<lang>.png`. Its title, when
//! and where, the feed's name, and the piece of map around its place with a marker.
//! Pure: the text is measured by an estimate of the font's widths, the map is drawn from
//! layers projected around the place by the caller.

use super::basemap::Basemap;
use super::feed::{Event, Feed};
use super::head::{CARD_HEIGHT, CARD_WIDTH};
use super::lang::Lang;
use super::map::Point;
use super::publish::xml;

/// The font the card names; feed-publish loads it (Debian's fonts-dejavu-core).
pub const FONT: &str = "DejaVu Sans";
/// The text's side of the card, in pixels; the map has the rest.
const TEXT_WIDTH: f64 = 690.0;
const MARGIN: f64 = 56.0;
/// The ground the map shows across (km): a city and its neighbours.
const MAP_KM: f64 = 700.0;
/// DejaVu Sans' mean advance, as a share of the font size, over English and French
/// titles (lower case with some capitals), with a margin: 0.55 drawn, bold 0.61.
const MEAN_ADVANCE: f64 = 0.56;
const BOLD_ADVANCE: f64 = 0.62;
const BLUE: &str = "#1d4e89";

/// The map around an event's place: layers projected so that the place is at `at`
/// (drawn first to last), in the map's plane (km, y up; paths with y flipped).
pub struct CardMap<'a> {
    pub layers: Vec<&'a Basemap>,
    pub at: Point,
}

/// The card of `event` in `lang`, with `map` if its place is known.
pub fn svg(lang: Lang, feed: &Feed, event: &Event, map: Option<&CardMap>) -> String {
    let (width, height) = (f64::from(CARD_WIDTH), f64::from(CARD_HEIGHT));
    let text_width = if map.is_some() { TEXT_WIDTH } else { width };
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{CARD_WIDTH}\" height=\"{CARD_HEIGHT}\" \
         viewBox=\"0 0 {CARD_WIDTH} {CARD_HEIGHT}\" font-family=\"{FONT}\">\
         <rect width=\"{width}\" height=\"{height}\" fill=\"{BLUE}\"/>"
    );
    if let Some(map) = map {
        out.push_str(&map_piece(map, text_width, width - text_width, height));
    }
    let room = text_width - 2.0 * MARGIN;
    let line = |y: f64, size: f64, weight: &str, opacity: f64, text: &str| {
        format!(
            "<text x=\"{MARGIN}\" y=\"{y:.0}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"#fff\" \
             fill-opacity=\"{opacity}\">{}</text>",
            xml(text)
        )
    };
    // The feed's name, small, over the title; then the title, then when and where.
    let feed_name = fit(feed.title.get(lang), room, 26.0);
    out.push_str(&line(MARGIN + 26.0, 26.0, "normal", 0.85, &feed_name));
    let title = event.title.get(lang);
    let (size, lines) = title_lines(title, room);
    let mut y = MARGIN + 60.0 + size;
    for text in &lines {
        out.push_str(&line(y, size, "bold", 1.0, text));
        y += size * 1.2;
    }
    y += 24.0;
    let words = super::publish::in_words(lang, feed, event);
    for text in words.iter().take(2) {
        out.push_str(&line(y, 34.0, "normal", 0.95, &fit(text, room, 34.0)));
        y += 50.0;
    }
    out.push_str("</svg>");
    out
}

/// The map's piece of the card: `width` × `height` pixels from `left`, the place at its
/// middle.
fn map_piece(map: &CardMap, left: f64, width: f64, height: f64) -> String {
    let km_per_px = MAP_KM / width;
    let (w, h) = (MAP_KM, height * km_per_px);
    let (x, y) = (map.at.x - w / 2.0, -map.at.y - h / 2.0);
    let stroke = 1.5 * km_per_px;
    let mut out = format!(
        "<svg x=\"{left}\" y=\"0\" width=\"{width}\" height=\"{height}\" viewBox=\"{x:.1} {y:.1} {w:.1} {h:.1}\" \
         preserveAspectRatio=\"none\"><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"#cfe0f1\"/>"
    );
    for layer in &map.layers {
        for region in &layer.regions {
            out.push_str(&format!(
                "<path d=\"{}\" fill=\"#f4f1e8\" stroke=\"#9aa6b2\" stroke-width=\"{stroke:.2}\"/>",
                region.path
            ));
        }
        if !layer.lakes.is_empty() {
            out.push_str(&format!("<path d=\"{}\" fill=\"#cfe0f1\"/>", layer.lakes));
        }
    }
    out.push_str("</svg>");
    // The marker, as the atlas draws one: a dot ringed in white.
    let (cx, cy) = (left + width / 2.0, height / 2.0);
    out.push_str(&format!(
        "<circle cx=\"{cx:.0}\" cy=\"{cy:.0}\" r=\"18\" fill=\"#c8102e\" stroke=\"#fff\" stroke-width=\"6\"/>"
    ));
    out
}

/// The title, bold, in lines of `room` pixels: at the largest size that fits in three
/// lines, else in four at 44 px, cut with an ellipsis.
fn title_lines(title: &str, room: f64) -> (f64, Vec<String>) {
    for size in [64.0, 56.0, 50.0] {
        let lines = wrap(title, chars_in(room, size * BOLD_ADVANCE / MEAN_ADVANCE));
        if lines.len() <= 3 {
            return (size, lines);
        }
    }
    let size = 44.0;
    let most = chars_in(room, size * BOLD_ADVANCE / MEAN_ADVANCE);
    let mut lines = wrap(title, most);
    if lines.len() > 4 {
        lines.truncate(4);
        let last: String = lines[3].chars().take(most - 1).collect();
        lines[3] = format!("{}…", last.trim_end());
    }
    (size, lines)
}

/// How many characters of `size` px fit in `room` px.
fn chars_in(room: f64, size: f64) -> usize {
    (room / (size * MEAN_ADVANCE)).floor().max(2.0) as usize
}

/// `text` cut to one line of `room` px at `size`, with an ellipsis if it was cut.
fn fit(text: &str, room: f64, size: f64) -> String {
    let most = chars_in(room, size);
    if text.chars().count() <= most {
        return text.to_owned();
    }
    let cut: String = text.chars().take(most.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// `text` in lines of at most `most` characters, broken between words (a word longer
/// than a line is cut).
fn wrap(text: &str, most: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        while word.chars().count() > most {
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            let head: String = word.chars().take(most).collect();
            word = word.chars().skip(most).collect();
            lines.push(head);
        }
        let needed = current.chars().count() + usize::from(!current.is_empty()) + word.chars().count();
        if needed > most && !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_wrap_between_words_within_three_lines() {
        let room = TEXT_WIDTH - 2.0 * MARGIN;
        let (size, lines) = title_lines("Journée Cloud Native de l’Est du Canada", room);
        assert!(lines.len() <= 3 && size >= 50.0, "{size} {lines:?}");
        assert_eq!(lines.join(" "), "Journée Cloud Native de l’Est du Canada");
        let long = "word ".repeat(60);
        let (size, lines) = title_lines(&long, room);
        assert_eq!((size, lines.len()), (44.0, 4));
        assert!(lines[3].ends_with('…'));
        for line in &lines {
            assert!(line.chars().count() <= chars_in(room, size * BOLD_ADVANCE / MEAN_ADVANCE), "{line}");
        }
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn feed_text_is_escaped() {
        assert_eq!(fit("a <b> & c", 1000.0, 20.0), "a <b> & c");
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/feed.json")).unwrap();
        let mut feed = super::super::load::load(&text).unwrap().feed;
        feed.title.en = "<T>".into();
        feed.events[0].title.en = "A </svg> & <script>".into();
        let card = svg(Lang::En, &feed, &feed.events[0], None);
        assert!(card.contains("A &lt;/svg&gt; &amp; &lt;script&gt;") && card.contains("&lt;T&gt;"), "{card}");
        assert_eq!(card.matches("</svg>").count(), 1);
    }
}
