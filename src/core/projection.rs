//! Which projection a feed's map is drawn in, chosen from its places: the bundled
//! region's conic for places within it, a conic centred on any other region, and the Equal
//! Earth world projection (Šavrič, Patterson and Jenny, 2018) for places that span
//! continents. North stays up and west stays left in all three. Rings are cut where the
//! projection's back meridian crosses them, so that nothing is drawn across the map.

use super::map::{Bounds, Lambert, Point, View};

const EARTH_RADIUS_KM: f64 = 6371.0;
/// A region is drawn in a conic while its places span at most this much, in degrees.
const CONIC_MAX_LON_SPAN: f64 = 60.0;
const CONIC_MAX_LAT_SPAN: f64 = 35.0;
/// A conic's standard parallels must stay this far from the equator (a cone near the
/// equator flattens into a cylinder its formulas do not reach).
const CONIC_MIN_LAT: f64 = 15.0;

/// Equal Earth on a sphere, centred on `lon0`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EqualEarth {
    lon0: f64,
}

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

impl EqualEarth {
    pub fn new(lon0: f64) -> EqualEarth {
        EqualEarth { lon0 }
    }

    pub fn project(&self, lon: f64, lat: f64) -> Point {
        let lambda = relative_lon(lon, self.lon0).to_radians();
        let m = 3f64.sqrt() / 2.0;
        let theta = (m * lat.clamp(-90.0, 90.0).to_radians().sin()).asin();
        let (t2, t6, t8) = (theta.powi(2), theta.powi(6), theta.powi(8));
        let x = 2.0 * 3f64.sqrt() * lambda * theta.cos() / (3.0 * (9.0 * A4 * t8 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1));
        let y = theta * (A1 + A2 * t2 + A3 * t6 + A4 * t8);
        Point { x: EARTH_RADIUS_KM * x, y: EARTH_RADIUS_KM * y }
    }

    pub fn unproject(&self, point: Point) -> (f64, f64) {
        let (x, y) = (point.x / EARTH_RADIUS_KM, point.y / EARTH_RADIUS_KM);
        // Newton's method on y(θ), as the projection's authors give it.
        let mut theta = y;
        for _ in 0..12 {
            let (t2, t6, t8) = (theta.powi(2), theta.powi(6), theta.powi(8));
            let fy = theta * (A1 + A2 * t2 + A3 * t6 + A4 * t8) - y;
            let fpy = A1 + 3.0 * A2 * t2 + 7.0 * A3 * t6 + 9.0 * A4 * t8;
            let step = fy / fpy;
            theta -= step;
            if step.abs() < 1e-12 {
                break;
            }
        }
        let (t2, t6, t8) = (theta.powi(2), theta.powi(6), theta.powi(8));
        let m = 3f64.sqrt() / 2.0;
        let lambda = 3.0 * x * (9.0 * A4 * t8 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1) / (2.0 * 3f64.sqrt() * theta.cos());
        let lat = (theta.sin() / m).clamp(-1.0, 1.0).asin().to_degrees();
        (self.lon0 + lambda.to_degrees(), lat)
    }
}

/// The map's projection.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Projection {
    /// A region: Lambert's conformal conic, as national mapping agencies draw one.
    Conic(Lambert),
    /// Places on several continents.
    World(EqualEarth),
}

impl Projection {
    /// The bundled region's conic (the basemap's own).
    pub fn eastern_canada() -> Projection {
        Projection::Conic(Lambert::eastern_canada())
    }

    /// The projection that shows `places` (`(lon, lat)` in degrees) best: a conic of their
    /// own when they make a region, the world projection, centred on them, when they do not.
    /// (`basemap::projection_for` keeps the basemap's own conic for places within it.)
    pub fn for_places(places: &[(f64, f64)]) -> Projection {
        let (centre, lon_span) = longitude_arc(places.iter().map(|p| p.0));
        let (south, north) = places.iter().fold((90f64, -90f64), |(s, n), p| (s.min(p.1), n.max(p.1)));
        let (lat1, lat2) = (south + (north - south) / 6.0, north - (north - south) / 6.0);
        let one_side =
            (lat1 >= CONIC_MIN_LAT && lat2 >= CONIC_MIN_LAT) || (lat1 <= -CONIC_MIN_LAT && lat2 <= -CONIC_MIN_LAT);
        if lon_span <= CONIC_MAX_LON_SPAN && north - south <= CONIC_MAX_LAT_SPAN && one_side {
            Projection::Conic(Lambert::new(lat1, lat2, (south + north) / 2.0, centre, EARTH_RADIUS_KM))
        } else {
            Projection::World(EqualEarth::new(centre))
        }
    }

    pub fn project(&self, lon: f64, lat: f64) -> Point {
        match self {
            Projection::Conic(p) => p.project(lon, lat),
            Projection::World(p) => p.project(lon, lat),
        }
    }

    pub fn unproject(&self, point: Point) -> (f64, f64) {
        match self {
            Projection::Conic(p) => p.unproject(point),
            Projection::World(p) => p.unproject(point),
        }
    }

    /// The view in `self` of the same ground as `view` shows in `from`: the same point in
    /// the middle, at the same kilometres per pixel there, so that a change of projection
    /// moves nothing under the eye but the far edges.
    pub fn same_ground(&self, from: &Projection, view: &View) -> View {
        let (lon, lat) = from.unproject(view.centre);
        // Steps of a tenth of the screen from the middle in eight directions, measured in
        // both: their mean ratio (a world projection stretches one way more than another).
        let step = view.width.min(view.height) / 10.0 / view.scale;
        let c = view.centre;
        let middle = self.project(lon, lat);
        let ratio = (0..8)
            .map(|i| {
                let angle = f64::from(i) * std::f64::consts::FRAC_PI_4;
                let (dx, dy) = (step * angle.cos(), step * angle.sin());
                let (lon, lat) = from.unproject(Point { x: c.x + dx, y: c.y + dy });
                let p = self.project(lon, lat);
                ((p.x - middle.x).powi(2) + (p.y - middle.y).powi(2)).sqrt() / step
            })
            .sum::<f64>()
            / 8.0;
        let scale = if ratio.is_finite() && ratio > 0.0 { view.scale / ratio } else { view.scale };
        View { centre: middle, scale, ..*view }
    }

    /// How far a map in this projection may be panned and zoomed out to show `places`: a
    /// box of longitudes and latitudes around them, at least as wide as a region drawn in
    /// a conic may be, so that a search for one city can still zoom out to its country.
    pub fn reach(&self, places: &[(f64, f64)]) -> Option<Bounds> {
        let (centre, lon_span) = longitude_arc(places.iter().map(|p| p.0));
        let (south, north) = places.iter().fold((90f64, -90f64), |(s, n), p| (s.min(p.1), n.max(p.1)));
        if south > north {
            return None;
        }
        let half_lon = lon_span.max(CONIC_MAX_LON_SPAN) / 2.0;
        let half_lat = (north - south).max(CONIC_MAX_LAT_SPAN) / 2.0;
        let middle = ((south + north) / 2.0).clamp(-90.0 + half_lat, 90.0 - half_lat);
        let (s, n) = (middle - half_lat, middle + half_lat);
        let rim = (0..=8).flat_map(|i| {
            let lon = centre - half_lon + lon_span.max(CONIC_MAX_LON_SPAN) * f64::from(i) / 8.0;
            [(lon, s), (lon, n), (lon, middle)]
        });
        Bounds::around(rim.map(|(lon, lat)| self.project(lon, lat)))
    }

    /// Which kind it is, as the map's `data-projection` says it (for tests and readers of the page).
    pub fn kind(&self) -> &'static str {
        match self {
            Projection::Conic(_) => "conic",
            Projection::World(_) => "world",
        }
    }

    /// The meridian in the middle of the map; its opposite is the map's left and right edge.
    pub fn central_meridian(&self) -> f64 {
        match self {
            Projection::Conic(p) => p.central_meridian(),
            Projection::World(p) => p.lon0,
        }
    }
}

/// `lon` as degrees east of `lon0`, in [-180, 180).
fn relative_lon(lon: f64, lon0: f64) -> f64 {
    (lon - lon0 + 180.0).rem_euclid(360.0) - 180.0
}

/// The shortest stretch of longitudes holding every one of `lons`: its middle meridian and
/// its width in degrees (the complement of the widest gap between them, across 180° too).
pub fn longitude_arc(lons: impl Iterator<Item = f64>) -> (f64, f64) {
    let mut sorted: Vec<f64> = lons.map(|lon| relative_lon(lon, 0.0)).collect();
    if sorted.is_empty() {
        return (0.0, 0.0);
    }
    super::order::sort(&mut sorted, &|a, b| a.total_cmp(b));
    // The gap after each longitude, to the next one (the last one's wraps around to the first).
    let (widest, gap) = (0..sorted.len())
        .map(|i| (i, if i + 1 < sorted.len() { sorted[i + 1] - sorted[i] } else { sorted[0] + 360.0 - sorted[i] }))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or((0, 360.0));
    let start = sorted[(widest + 1) % sorted.len()];
    let span = 360.0 - gap;
    (relative_lon(start + span / 2.0, 0.0), span)
}

/// A ring or line of `(lon, lat)` points as pieces that do not cross `projection`'s back
/// meridian: a polygon is clipped to each side of it (so both parts stay closed shapes), a
/// line is broken where it crosses.
pub fn split_at_back_meridian(points: &[(f64, f64)], lon0: f64, closed: bool) -> Vec<Vec<(f64, f64)>> {
    // Longitudes relative to the centre, unwrapped so that consecutive points never jump.
    let mut unwrapped: Vec<(f64, f64)> = Vec::with_capacity(points.len());
    for &(lon, lat) in points {
        let relative = relative_lon(lon, lon0);
        let u = match unwrapped.last() {
            Some(&(before, _)) => before + relative_lon(relative - before, 0.0),
            None => relative,
        };
        unwrapped.push((u, lat));
    }
    const EDGE: f64 = 180.0 - 1e-7;
    if unwrapped.iter().all(|p| (-EDGE..=EDGE).contains(&p.0)) {
        return vec![points.to_vec()];
    }
    let absolute = |piece: Vec<(f64, f64)>| piece.into_iter().map(|(u, lat)| (lon0 + u, lat)).collect::<Vec<_>>();
    if !closed {
        // A line: broken where it leaves [-180°, 180°), each run kept on its own side.
        let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
        let mut side = None;
        for &(u, lat) in &unwrapped {
            let here = ((u + 180.0) / 360.0).floor();
            if side != Some(here) {
                pieces.push(Vec::new());
                side = Some(here);
            }
            if let Some(piece) = pieces.last_mut() {
                piece.push((u - here * 360.0, lat));
            }
        }
        return pieces.into_iter().filter(|p| p.len() >= 2).map(absolute).collect();
    }
    let lowest = unwrapped.iter().map(|p| ((p.0 + 180.0) / 360.0).floor() as i64).min().unwrap_or(0);
    let highest = unwrapped.iter().map(|p| ((p.0 + 180.0) / 360.0).floor() as i64).max().unwrap_or(0);
    (lowest..=highest)
        .map(|turn| {
            let shifted: Vec<(f64, f64)> = unwrapped.iter().map(|&(u, lat)| (u - turn as f64 * 360.0, lat)).collect();
            clip(&clip(&shifted, Axis::X, -EDGE, true), Axis::X, EDGE, false)
        })
        .filter(|piece| piece.len() >= 3)
        .map(absolute)
        .collect()
}

/// Sutherland–Hodgman against one axis-aligned line: the part of `ring` on one side of
/// `x = at` (`Axis::X`, a meridian once shifted) or `y = at`, the greater side if
/// `keep_greater`.
fn clip(ring: &[(f64, f64)], axis: Axis, at: f64, keep_greater: bool) -> Vec<(f64, f64)> {
    let along = |p: (f64, f64)| match axis {
        Axis::X => p.0,
        Axis::Y => p.1,
    };
    let inside = |p: (f64, f64)| if keep_greater { along(p) >= at } else { along(p) <= at };
    let mut out = Vec::with_capacity(ring.len() + 4);
    for (i, &current) in ring.iter().enumerate() {
        let previous = ring[(i + ring.len() - 1) % ring.len()];
        if inside(current) != inside(previous) {
            let t = (at - along(previous)) / (along(current) - along(previous));
            out.push(match axis {
                Axis::X => (at, previous.1 + t * (current.1 - previous.1)),
                Axis::Y => (previous.0 + t * (current.0 - previous.0), at),
            });
        }
        if inside(current) {
            out.push(current);
        }
    }
    out
}

/// Which coordinate `clip` cuts along.
#[derive(Clone, Copy)]
enum Axis {
    X,
    Y,
}

/// An SVG path of rings given as flat `[lon, lat, …]` arrays in units of 1/`scale` degree,
/// projected and written in the drawing's coordinates (kilometres, y down); rings that
/// cross the projection's back meridian are cut there.
///
/// Points are rounded to 0.1 km and written as moves from the one before (`l`), whose
/// small numbers take a third of the bytes of absolute ones: the prerendered page carries
/// outlines in its HTML (a sketch of them, `sketch_path`, which the live map keeps until
/// it shows more). The moves are between rounded points, so nothing drifts.
pub fn rings_path(projection: &Projection, rings: &[Vec<i32>], scale: f64, closed: bool) -> String {
    let mut d = String::new();
    let lon0 = projection.central_meridian();
    for ring in rings {
        let points: Vec<(f64, f64)> =
            ring.chunks_exact(2).map(|pair| (f64::from(pair[0]) / scale, f64::from(pair[1]) / scale)).collect();
        for piece in split_at_back_meridian(&points, lon0, closed) {
            let tenths = piece.iter().map(|&(lon, lat)| {
                let p = projection.project(lon, lat);
                ((p.x * 10.0).round() as i64, (-p.y * 10.0).round() as i64)
            });
            push_subpath(&mut d, tenths, closed && !piece.is_empty());
        }
    }
    d
}

/// Appends a subpath of points given in tenths: `M` the first, `l` moves to the others,
/// `Z` if `closed`.
fn push_subpath(d: &mut String, tenths: impl Iterator<Item = (i64, i64)>, closed: bool) {
    let mut last = (0_i64, 0_i64);
    for (i, at) in tenths.enumerate() {
        let (x, y) = match i {
            0 => {
                d.push('M');
                at
            }
            1 => {
                d.push('l');
                (at.0 - last.0, at.1 - last.1)
            }
            _ => (at.0 - last.0, at.1 - last.1),
        };
        push_tenths(d, x);
        push_tenths(d, y);
        last = at;
    }
    if closed {
        d.push('Z');
    }
}

/// `d`, a path as `rings_path` writes it, cut to `window` (the drawing's coordinates, y
/// down) and rounded to multiples of `step` kilometres (at least 1): the map of a
/// prerendered page, which shows only that window until the atlas takes over, in a
/// fraction of the bytes (#23). Closed rings are clipped exactly (Sutherland–Hodgman on
/// each side); lines keep their points within and the one on each side of those.
pub fn sketch_path(d: &str, window: &Bounds, step: i64) -> String {
    let mut out = String::new();
    for (points, closed) in subpaths(d) {
        let kept = if closed {
            let mut ring = points;
            for (axis, at, keep_greater) in [
                (Axis::X, window.min.x, true),
                (Axis::X, window.max.x, false),
                (Axis::Y, window.min.y, true),
                (Axis::Y, window.max.y, false),
            ] {
                ring = clip(&ring, axis, at, keep_greater);
            }
            vec![ring]
        } else {
            lines_within(&points, window)
        };
        for piece in kept {
            push_rounded(&mut out, &piece, step.max(1), closed);
        }
    }
    out
}

/// The pieces of a line that have a point within `window`, each with the points just
/// before and after, so that it runs on out of the window.
fn lines_within(points: &[(f64, f64)], window: &Bounds) -> Vec<Vec<(f64, f64)>> {
    let within =
        |p: &(f64, f64)| (window.min.x..=window.max.x).contains(&p.0) && (window.min.y..=window.max.y).contains(&p.1);
    let near: Vec<bool> =
        (0..points.len()).map(|i| points[i.saturating_sub(1)..(i + 2).min(points.len())].iter().any(within)).collect();
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    for (i, &p) in points.iter().enumerate() {
        match pieces.last_mut() {
            Some(piece) if near[i] && i > 0 && near[i - 1] => piece.push(p),
            _ if near[i] => pieces.push(vec![p]),
            _ => {}
        }
    }
    pieces
}

/// Appends one subpath rounded to multiples of `step` units, without repeated points;
/// nothing if too few are left to draw (a ring of under three points, a line of one).
fn push_rounded(d: &mut String, points: &[(f64, f64)], step: i64, closed: bool) {
    let round = |v: f64| (v / step as f64).round() as i64 * step;
    let mut whole: Vec<(i64, i64)> = points.iter().map(|p| (round(p.0), round(p.1))).collect();
    whole.dedup();
    if closed && whole.len() > 1 && whole.first() == whole.last() {
        whole.pop();
    }
    if whole.len() < if closed { 3 } else { 2 } {
        return;
    }
    push_subpath(d, whole.into_iter().map(|(x, y)| (x * 10, y * 10)), closed);
}

/// The subpaths of a path as `rings_path` writes it (`M`, then `l` moves, then `Z` if
/// closed), as points in the drawing's units, with whether each is closed.
fn subpaths(d: &str) -> Vec<(Vec<(f64, f64)>, bool)> {
    let bytes = d.as_bytes();
    let mut subpaths: Vec<(Vec<(f64, f64)>, bool)> = Vec::new();
    let (mut i, mut at, mut first) = (0, (0_i64, 0_i64), true);
    let mut pending: Option<i64> = None;
    while i < bytes.len() {
        match bytes[i] {
            b'M' => {
                (first, i) = (true, i + 1);
                subpaths.push((Vec::new(), false));
            }
            b'Z' | b'z' => {
                if let Some(last) = subpaths.last_mut() {
                    last.1 = true;
                }
                i += 1;
            }
            b'-' | b'.' | b'0'..=b'9' => {
                let n = read_tenths(bytes, &mut i);
                let Some(x) = pending.take() else {
                    pending = Some(n);
                    continue;
                };
                at = if first { (x, n) } else { (at.0 + x, at.1 + n) };
                first = false;
                if let Some(last) = subpaths.last_mut() {
                    last.0.push((at.0 as f64 / 10.0, at.1 as f64 / 10.0));
                }
            }
            _ => i += 1,
        }
    }
    subpaths
}

/// Reads a number as `push_tenths` writes it ("12", "-3.5", "0.5"), in tenths; a second
/// decimal, which it never writes, is dropped.
fn read_tenths(bytes: &[u8], i: &mut usize) -> i64 {
    let negative = bytes[*i] == b'-';
    *i += usize::from(negative);
    let mut tenths = 0_i64;
    while let Some(digit) = bytes.get(*i).filter(|b| b.is_ascii_digit()) {
        tenths = tenths * 10 + i64::from(digit - b'0');
        *i += 1;
    }
    tenths *= 10;
    if bytes.get(*i) == Some(&b'.') {
        *i += 1;
        if let Some(digit) = bytes.get(*i).filter(|b| b.is_ascii_digit()) {
            tenths += i64::from(digit - b'0');
        }
        while bytes.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
    }
    if negative {
        -tenths
    } else {
        tenths
    }
}

/// Writes `tenths / 10` as briefly as SVG reads it: "12", "-3.5", "0.5"; a space only
/// where the number would otherwise run into the one before. By hand, not `write!`: a
/// basemap has tens of thousands of them, and the take-over projects it (#23).
fn push_tenths(d: &mut String, tenths: i64) {
    if tenths >= 0 && d.ends_with(|c: char| c.is_ascii_digit() || c == '.') {
        d.push(' ');
    }
    if tenths < 0 {
        d.push('-');
    }
    let magnitude = tenths.unsigned_abs();
    let mut digits = [0_u8; 20];
    let (mut rest, mut at) = (magnitude / 10, digits.len());
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    d.extend(digits[at..].iter().map(|&b| char::from(b)));
    if !magnitude.is_multiple_of(10) {
        d.push('.');
        d.push(char::from(b'0' + (magnitude % 10) as u8));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_are_written_as_format_writes_them() {
        for tenths in (-25_000_i64..25_000).chain([i64::MIN + 1, i64::MAX, -1_234_567_890, 9_876_543_210]) {
            let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
            let sign = if tenths < 0 { "-" } else { "" };
            let expected = if tenth == 0 { format!("{sign}{whole}") } else { format!("{sign}{whole}.{tenth}") };
            let mut d = String::from("M");
            push_tenths(&mut d, tenths);
            assert_eq!(d, format!("M{expected}"), "{tenths}");
        }
        let mut d = String::from("l1.5");
        push_tenths(&mut d, 20);
        push_tenths(&mut d, -3);
        assert_eq!(d, "l1.5 2-0.3");
    }

    /// Ten far-apart cities: (name, lon, lat).
    const CITIES: [(&str, f64, f64); 10] = [
        ("Vancouver", -123.1, 49.3),
        ("Montréal", -73.6, 45.5),
        ("São Paulo", -46.6, -23.5),
        ("London", -0.1, 51.5),
        ("Nairobi", 36.8, -1.3),
        ("Moscow", 37.6, 55.8),
        ("Bangalore", 77.6, 13.0),
        ("Beijing", 116.4, 39.9),
        ("Hong Kong", 114.2, 22.3),
        ("Sydney", 151.2, -33.9),
    ];

    fn world() -> Projection {
        Projection::for_places(&CITIES.map(|(_, lon, lat)| (lon, lat)))
    }

    #[test]
    fn a_region_elsewhere_gets_a_conic_centred_on_it() {
        let europe = [(-0.1, 51.5), (2.35, 48.9), (13.4, 52.5), (-3.7, 40.4), (12.5, 41.9)];
        let p = Projection::for_places(&europe);
        assert!(matches!(p, Projection::Conic(_)), "{p:?}");
        assert!((p.central_meridian() - 4.8).abs() < 0.5, "{}", p.central_meridian());
    }

    #[test]
    fn places_on_several_continents_get_the_world_centred_away_from_the_widest_gap() {
        let p = world();
        assert!(matches!(p, Projection::World(_)), "{p:?}");
        // The widest gap is the Pacific: the map's edge falls there, not across Asia.
        let edge = relative_lon(p.central_meridian() + 180.0, 0.0);
        assert!((-180.0..-123.1).contains(&edge) || (151.2..180.0).contains(&edge), "edge at {edge}");
    }

    #[test]
    fn north_stays_up_and_west_stays_left_for_far_apart_cities() {
        let p = world();
        let lon0 = p.central_meridian();
        for (a, alon, alat) in CITIES {
            for (b, blon, blat) in CITIES {
                let (pa, pb) = (p.project(alon, alat), p.project(blon, blat));
                if alat > blat + 1.0 {
                    // Equal Earth's parallels are straight: higher latitude, higher y.
                    assert!(pa.y > pb.y, "{a} should be north of {b}");
                }
                if relative_lon(alon, lon0) < relative_lon(blon, lon0) - 1.0 {
                    // Meridians keep their order along every parallel…
                    assert!(p.project(alon, blat).x < pb.x, "{a}'s meridian should be west of {b}");
                    // …and they converge towards the poles, so only cities far apart in
                    // longitude keep it whatever their latitudes.
                    if relative_lon(alon, lon0) < relative_lon(blon, lon0) - 20.0 {
                        assert!(pa.x < pb.x, "{a} should be west of {b}");
                    }
                }
            }
        }
        // Hong Kong is south of Beijing, Sydney on Australia's east coast (east of Perth).
        assert!(p.project(114.2, 22.3).y < p.project(116.4, 39.9).y);
        assert!(p.project(151.2, -33.9).x > p.project(115.9, -31.95).x);
    }

    #[test]
    fn equal_earth_round_trips_and_has_its_published_extent() {
        let p = EqualEarth::new(10.0);
        for (lon, lat) in [(10.0, 0.0), (-150.0, 60.0), (170.0, -45.0), (10.0, 89.0)] {
            let (lon2, lat2) = p.unproject(p.project(lon, lat));
            assert!((relative_lon(lon2, lon)).abs() < 1e-6 && (lat2 - lat).abs() < 1e-6, "{lon},{lat} → {lon2},{lat2}");
        }
        // The equator's half-length: R · 2√3π / (3·A1) ≈ 2.7066 R.
        let half = EqualEarth::new(0.0).project(179.999_999, 0.0).x / EARTH_RADIUS_KM;
        assert!((half - 2.7066).abs() < 1e-3, "{half}");
    }

    #[test]
    fn longitude_arcs_cross_the_antimeridian_when_that_is_shorter() {
        let (centre, span) = longitude_arc([170.0, -170.0, 175.0].into_iter());
        assert!((span - 20.0).abs() < 1e-9, "{span}");
        assert!((relative_lon(centre, 180.0)).abs() < 1e-9, "{centre}");
        assert_eq!(longitude_arc(std::iter::empty()), (0.0, 0.0));
    }

    #[test]
    fn a_ring_across_the_back_meridian_is_cut_into_two_closed_pieces() {
        // A square from 170° E to 170° W, with the map centred on 0°.
        let square = [(170.0, 10.0), (-170.0, 10.0), (-170.0, -10.0), (170.0, -10.0)];
        let pieces = split_at_back_meridian(&square, 0.0, true);
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        for piece in &pieces {
            let xs: Vec<f64> = piece.iter().map(|p| relative_lon(p.0, 0.0)).collect();
            let east = xs.iter().all(|&x| x > 0.0);
            let west = xs.iter().all(|&x| x < 0.0);
            assert!(east || west, "a piece straddles the edge: {piece:?}");
        }
        // Centred on 180°, the same square is whole.
        assert_eq!(split_at_back_meridian(&square, 180.0, true), vec![square.to_vec()]);
        // A line is broken where it crosses.
        assert_eq!(
            split_at_back_meridian(&[(170.0, 0.0), (179.0, 0.0), (-179.0, 0.0), (-170.0, 0.0)], 0.0, false).len(),
            2
        );
    }

    #[test]
    fn rings_become_projected_svg_paths() {
        let lambert = Projection::eastern_canada();
        let d = rings_path(&lambert, &[vec![-7500, 5000, -7400, 5000, -7400, 5100]], 100.0, true);
        assert!(d.starts_with("M0 0l"), "{d}");
        assert_eq!(d.matches(['M', 'l']).count(), 2);
        assert!(d.ends_with('Z'));
        // The moves add up to the absolute points, rounded to 0.1 km.
        let moves: Vec<f64> = d[1..d.len() - 1].split(['l', ' ']).flat_map(split_numbers).collect();
        let (mut x, mut y) = (moves[0], moves[1]);
        for step in moves[2..].chunks(2) {
            (x, y) = (x + step[0], y + step[1]);
        }
        let last = lambert.project(-74.0, 51.0);
        assert!(
            close(x, (last.x * 10.0).round() / 10.0, 1e-9) && close(y, (-last.y * 10.0).round() / 10.0, 1e-9),
            "{d}"
        );
    }

    /// "12.5-3-0.5" → 12.5, -3, -0.5, as SVG reads it.
    fn split_numbers(text: &str) -> Vec<f64> {
        let mut numbers = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '-' && i > start {
                numbers.push(text[start..i].parse().unwrap());
                start = i;
            }
        }
        if start < text.len() {
            numbers.push(text[start..].parse().unwrap());
        }
        numbers
    }

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn a_change_of_projection_keeps_the_ground_in_the_middle_of_the_screen() {
        let from = world();
        let (rome, milan) = ((12.5, 41.9), (9.19, 45.46));
        let to = Projection::for_places(&[rome, milan]);
        let view = View { centre: from.project(rome.0, rome.1), scale: 0.05, width: 1280.0, height: 900.0 };
        let after = to.same_ground(&from, &view);
        let (lon, lat) = to.unproject(after.centre);
        assert!((lon - rome.0).abs() < 1e-6 && (lat - rome.1).abs() < 1e-6, "{lon} {lat}");
        // Milan, 480 km away, stays where it was within a tenth of that: near the world
        // projection's middle meridian the two agree. (Far from it, the swap undoes the
        // world projection's shear, which is the point of it.)
        let on_screen = |p: &Projection, v: &View| v.to_screen(p.project(milan.0, milan.1));
        let (a, b) = (on_screen(&from, &view), on_screen(&to, &after));
        let away = ((a.0 - 640.0).powi(2) + (a.1 - 450.0).powi(2)).sqrt();
        let moved = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
        assert!(moved < away / 10.0, "moved {moved} px of {away}");
    }

    #[test]
    fn a_conic_reaches_at_least_a_region_around_one_city() {
        let sydney = Projection::for_places(&[(151.2, -33.9)]);
        let reach = sydney.reach(&[(151.2, -33.9)]).expect("a place");
        let at = |lon, lat| sydney.project(lon, lat);
        // Brisbane and Melbourne are within reach; the box is no wider than a continent.
        for p in [at(153.0, -27.5), at(144.96, -37.8)] {
            assert!((reach.min.x..=reach.max.x).contains(&p.x) && (reach.min.y..=reach.max.y).contains(&p.y), "{p:?}");
        }
        assert!(reach.max.x - reach.min.x < 8000.0, "{reach:?}");
        assert_eq!(sydney.reach(&[]), None);
    }

    fn window() -> Bounds {
        Bounds { min: Point { x: 0.0, y: 0.0 }, max: Point { x: 100.0, y: 50.0 } }
    }

    #[test]
    fn a_sketch_keeps_a_ring_within_its_window_in_whole_units() {
        // A square from (10.4, 10.4) to (20.6, 20.6) in tenths' moves, as rings_path writes.
        let d = "M10.4 10.4l10.2 0 0 10.2-10.2 0Z";
        assert_eq!(sketch_path(d, &window(), 1), "M10 10l11 0 0 11-11 0Z");
    }

    #[test]
    fn a_sketch_rounds_to_its_step_and_drops_the_points_that_meet() {
        // (10.4, 10.4), (12, 10.4), (20.6, 10.4), (20.6, 20.6), (10.4, 20.6) by tens.
        let d = "M10.4 10.4l1.6 0 8.6 0 0 10.2-10.2 0Z";
        assert_eq!(sketch_path(d, &window(), 10), "M10 10l10 0 0 10-10 0Z");
        assert_eq!(sketch_path(d, &window(), 0), sketch_path(d, &window(), 1));
    }

    #[test]
    fn a_sketch_of_a_ring_around_its_window_is_the_window() {
        let d = "M-500-500l1000 0 0 1000-1000 0Z";
        assert_eq!(sketch_path(d, &window(), 1), "M0 50l0-50 100 0 0 50Z");
        // Two subpaths: one cut at the window's right edge, one wholly out of it.
        let d = "M90 10l20 0 0 10-20 0ZM200 200l5 0 0 5Z";
        assert_eq!(sketch_path(d, &window(), 1), "M90 10l10 0 0 10-10 0Z");
    }

    #[test]
    fn a_sketch_keeps_the_parts_of_a_line_in_its_window_and_a_point_beyond() {
        // Points at x = -30, -20, -10, 10, 20, 130, 140, 150, 50 (back in), 60 (y = 25).
        let d = "M-30 25l10 0 10 0 20 0 10 0 110 0 10 0 10 0-100 0 10 0";
        assert_eq!(sketch_path(d, &window(), 1), "M-10 25l20 0 10 0 110 0M150 25l-100 0 10 0");
        assert_eq!(sketch_path("M-30 25l10 0", &window(), 1), "");
    }

    #[test]
    fn a_sketch_reads_every_number_the_path_writer_writes() {
        let mut d = String::from("M");
        push_tenths(&mut d, 5);
        push_tenths(&mut d, -5);
        d.push('l');
        for tenths in [123, -7, 0, 40, -1] {
            push_tenths(&mut d, tenths);
        }
        d.push('Z');
        let mut i = 1;
        let read: Vec<i64> = std::iter::from_fn(|| {
            while i < d.len() && !matches!(d.as_bytes()[i], b'-' | b'0'..=b'9') {
                i += 1;
            }
            (i < d.len()).then(|| read_tenths(d.as_bytes(), &mut i))
        })
        .collect();
        assert_eq!(read, [5, -5, 123, -7, 0, 40, -1], "{d}");
    }
}
