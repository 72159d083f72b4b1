//! Where map labels go so that none overlaps another, a marker, or the map's edge:
//! each label, most important first, takes the first of its allowed sides that is
//! free, in full or else shortened; a label with no free side is left out (its marker
//! still names it on hover and focus, and to screen readers).

/// A rectangle on screen, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    /// A square of side `2 × radius` around (`x`, `y`): a marker.
    pub fn around(x: f64, y: f64, radius: f64) -> Rect {
        Rect { x: x - radius, y: y - radius, width: 2.0 * radius, height: 2.0 * radius }
    }

    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }

    fn inside(&self, width: f64, height: f64) -> bool {
        self.x >= 0.0 && self.y >= 0.0 && self.x + self.width <= width && self.y + self.height <= height
    }
}

/// Where a label sits against its anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Right,
    Left,
    Above,
    Below,
    /// On the anchor itself (a region's name).
    Centre,
}

impl Side {
    /// A marker's label: beside it first, as maps do, then above or below.
    pub const AROUND: [Side; 4] = [Side::Right, Side::Left, Side::Above, Side::Below];
}

/// A label to place: its anchor, its size, how far from the anchor it must keep (a
/// marker's radius and a gap) and the sides it may take, in order of preference.
#[derive(Clone, Copy, Debug)]
pub struct Wanted<'a> {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    /// The width of its short form, if it has one (see `shorten`).
    pub short_width: Option<f64>,
    pub height: f64,
    pub offset: f64,
    pub sides: &'a [Side],
}

impl Wanted<'_> {
    /// The label's rectangle on `side`, in full or short.
    pub fn rect(&self, side: Side, short: bool) -> Rect {
        let w = if short { self.short_width.unwrap_or(self.width) } else { self.width };
        let (h, o) = (self.height, self.offset);
        let (x, y) = match side {
            Side::Right => (self.x + o, self.y - h / 2.0),
            Side::Left => (self.x - o - w, self.y - h / 2.0),
            Side::Above => (self.x - w / 2.0, self.y - o - h),
            Side::Below => (self.x - w / 2.0, self.y + o),
            Side::Centre => (self.x - w / 2.0, self.y - h / 2.0),
        };
        Rect { x, y, width: w, height: h }
    }
}

/// Where a label went: its side, and whether in its short form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    pub side: Side,
    pub short: bool,
}

/// Where each label goes, in the order given (most important first), or `None` where
/// every side, in full and short, would overlap an `obstacle`, a label placed before
/// it, or go past the `width` × `height` view. Quadratic in labels on screen, which
/// clustering keeps to a few hundred at most.
pub fn place(wanted: &[Wanted], obstacles: &[Rect], width: f64, height: f64) -> Vec<Option<Placed>> {
    let mut placed: Vec<Rect> = Vec::with_capacity(wanted.len());
    wanted
        .iter()
        .map(|label| {
            let forms: &[bool] = if label.short_width.is_some() { &[false, true] } else { &[false] };
            let found = forms.iter().find_map(|&short| {
                label.sides.iter().copied().find_map(|side| {
                    let rect = label.rect(side, short);
                    let free = rect.inside(width, height)
                        && !obstacles.iter().any(|o| o.overlaps(&rect))
                        && !placed.iter().any(|p| p.overlaps(&rect));
                    free.then_some((Placed { side, short }, rect))
                })
            });
            let (spot, rect) = found?;
            placed.push(rect);
            Some(spot)
        })
        .collect()
}

/// A long name's short form: up to its first hyphen or space, then an ellipsis
/// ("Kitchener-Waterloo" → "Kitchener…"); `None` for a name with nothing to cut.
pub fn shorten(name: &str) -> Option<String> {
    let cut = name.char_indices().skip(3).find(|(_, c)| *c == '-' || *c == ' ').map(|(i, _)| i)?;
    Some(format!("{}…", &name[..cut]))
}

/// A label's estimated width in pixels: the view has no text metrics, so this is set
/// wide enough for the font the stylesheet gives labels (checked on screen by the
/// end-to-end tests, which measure the real boxes).
pub fn text_width(text: &str, px_per_char: f64, padding: f64) -> f64 {
    text.chars().count() as f64 * px_per_char + padding
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker_label(x: f64, y: f64, width: f64) -> Wanted<'static> {
        Wanted { x, y, width, short_width: None, height: 20.0, offset: 20.0, sides: &Side::AROUND }
    }

    #[test]
    fn a_lone_label_goes_to_the_right() {
        let right = Placed { side: Side::Right, short: false };
        assert_eq!(place(&[marker_label(100.0, 100.0, 60.0)], &[], 800.0, 400.0), [Some(right)]);
    }

    #[test]
    fn labels_move_aside_rather_than_overlap() {
        let wanted = [marker_label(100.0, 100.0, 60.0), marker_label(150.0, 100.0, 60.0)];
        let markers = [Rect::around(100.0, 100.0, 16.0), Rect::around(150.0, 100.0, 16.0)];
        let sides = place(&wanted, &markers, 800.0, 400.0);
        assert_eq!(sides[0].map(|p| p.side), Some(Side::Left), "the right is taken by the second marker");
        assert_eq!(sides[1].map(|p| p.side), Some(Side::Right));
        let rects: Vec<Rect> = wanted.iter().zip(&sides).map(|(w, s)| w.rect(s.unwrap().side, false)).collect();
        assert!(!rects[0].overlaps(&rects[1]));
        for rect in &rects {
            assert!(!markers.iter().any(|m| m.overlaps(rect)));
        }
    }

    #[test]
    fn no_label_crosses_the_edge() {
        // Near the right edge: to the left. In a corner too tight for any side: left out.
        assert_eq!(place(&[marker_label(780.0, 100.0, 60.0)], &[], 800.0, 400.0)[0].map(|p| p.side), Some(Side::Left));
        assert_eq!(place(&[marker_label(5.0, 5.0, 300.0)], &[], 320.0, 30.0), [None]);
    }

    #[test]
    fn a_crowd_keeps_the_first_labels_and_drops_the_rest() {
        let wanted: Vec<Wanted> = (0..10).map(|i| marker_label(100.0 + f64::from(i), 100.0, 80.0)).collect();
        let sides = place(&wanted, &[], 800.0, 400.0);
        assert_eq!(sides.iter().filter(|s| s.is_some()).count(), 4, "one per side: {sides:?}");
        assert!(sides[0].is_some() && sides[9].is_none());
    }

    #[test]
    fn a_long_name_is_shortened_where_it_would_not_fit() {
        // Near the left edge with a neighbour on the right: the full name fits nowhere.
        let mut kw = marker_label(60.0, 100.0, 180.0);
        kw.short_width = Some(90.0);
        let neighbour = Rect::around(100.0, 100.0, 16.0);
        let spot = place(&[kw], &[neighbour], 800.0, 130.0)[0].unwrap();
        assert!(spot.short, "{spot:?}");
        assert!(kw.rect(spot.side, true).inside(800.0, 130.0));
        assert_eq!(shorten("Kitchener-Waterloo").as_deref(), Some("Kitchener…"));
        assert_eq!(shorten("Quebec City").as_deref(), Some("Quebec…"));
        assert_eq!(shorten("Ottawa"), None);
    }

    #[test]
    fn widths_grow_with_the_text() {
        assert_eq!(text_width("Toronto", 8.0, 10.0), 66.0);
        assert_eq!(text_width("Québec", 8.0, 10.0), 58.0, "characters, not bytes");
    }
}
