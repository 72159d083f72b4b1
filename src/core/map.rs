//! Map geometry: the projection, the view (zoom and pan), fitting, and the
//! clustering of markers. Pure arithmetic; the map view draws what it computes.

use rustc_hash::FxHashMap as HashMap;

/// A point on the projected plane, in kilometres (y grows northwards).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// Lambert conformal conic on a sphere (Snyder, *Map Projections — A Working Manual*, §15),
/// the projection Canadian agencies use for maps of the country.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lambert {
    n: f64,
    f: f64,
    rho0: f64,
    lon0: f64,
    radius: f64,
}

const EARTH_RADIUS_KM: f64 = 6371.0;

impl Lambert {
    /// Standard parallels `lat1`, `lat2`; origin at `lat0`, `lon0` (degrees).
    pub fn new(lat1: f64, lat2: f64, lat0: f64, lon0: f64, radius: f64) -> Lambert {
        let (p1, p2, p0) = (lat1.to_radians(), lat2.to_radians(), lat0.to_radians());
        let t = |p: f64| (std::f64::consts::FRAC_PI_4 + p / 2.0).tan();
        let n = if (lat1 - lat2).abs() < 1e-9 { p1.sin() } else { (p1.cos() / p2.cos()).ln() / (t(p2) / t(p1)).ln() };
        let f = p1.cos() * t(p1).powf(n) / n;
        let rho0 = radius * f / t(p0).powf(n);
        Lambert { n, f, rho0, lon0, radius }
    }

    /// The projection of this app's region: parallels 46° and 60° N, centred on 75° W.
    pub fn eastern_canada() -> Lambert {
        Lambert::new(46.0, 60.0, 50.0, -75.0, EARTH_RADIUS_KM)
    }

    pub fn project(&self, lon: f64, lat: f64) -> Point {
        let lat = lat.clamp(-89.9, 89.9).to_radians();
        let rho = self.radius * self.f / (std::f64::consts::FRAC_PI_4 + lat / 2.0).tan().powf(self.n);
        // Angles from the central meridian in [-180°, 180°): 116° E and 244° W are one meridian.
        let theta = self.n * ((lon - self.lon0 + 180.0).rem_euclid(360.0) - 180.0).to_radians();
        Point { x: rho * theta.sin(), y: self.rho0 - rho * theta.cos() }
    }

    /// The meridian in the middle of the map.
    pub fn central_meridian(&self) -> f64 {
        self.lon0
    }

    pub fn unproject(&self, point: Point) -> (f64, f64) {
        let dy = self.rho0 - point.y;
        let rho = self.n.signum() * (point.x * point.x + dy * dy).sqrt();
        let theta = (self.n.signum() * point.x).atan2(self.n.signum() * dy);
        let lat = 2.0 * ((self.radius * self.f / rho).powf(1.0 / self.n)).atan() - std::f64::consts::FRAC_PI_2;
        (self.lon0 + (theta / self.n).to_degrees(), lat.to_degrees())
    }
}

/// An axis-aligned box on the plane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min: Point,
    pub max: Point,
}

impl Bounds {
    pub fn around(points: impl IntoIterator<Item = Point>) -> Option<Bounds> {
        points.into_iter().fold(None, |bounds, p| {
            Some(match bounds {
                None => Bounds { min: p, max: p },
                Some(Bounds { min, max }) => Bounds {
                    min: Point { x: min.x.min(p.x), y: min.y.min(p.y) },
                    max: Point { x: max.x.max(p.x), y: max.y.max(p.y) },
                },
            })
        })
    }

    /// Whether `other` lies wholly within.
    pub fn holds(&self, other: &Bounds) -> bool {
        self.min.x <= other.min.x && self.min.y <= other.min.y && other.max.x <= self.max.x && other.max.y <= self.max.y
    }

    pub fn centre(&self) -> Point {
        Point { x: (self.min.x + self.max.x) / 2.0, y: (self.min.y + self.max.y) / 2.0 }
    }
}

/// Room kept free at each side of the viewport when fitting, in pixels: where the map's
/// controls are, no marker should be.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Insets {
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    pub left: f64,
}

impl Insets {
    pub fn all(px: f64) -> Insets {
        Insets { top: px, right: px, bottom: px, left: px }
    }
}

/// What part of the plane the map shows: `centre` in the middle of a
/// `width`×`height` pixel viewport, at `scale` pixels per kilometre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub centre: Point,
    pub scale: f64,
    pub width: f64,
    pub height: f64,
}

/// Zoom limits, in pixels per kilometre: from the whole world on a phone (34,500 km across
/// in Equal Earth) to a city (the basemap has no streets; closer would show an empty square).
pub const MIN_SCALE: f64 = 0.004;
pub const MAX_SCALE: f64 = 6.0;
/// One zoom step of the buttons and keys.
pub const ZOOM_STEP: f64 = 1.5;

impl View {
    /// The view that shows `bounds` whole with `padding` pixels around, never
    /// closer than `max_scale` (one place alone should not fill the screen).
    pub fn fit(bounds: Bounds, width: f64, height: f64, padding: f64, max_scale: f64) -> View {
        View::fit_in(bounds, width, height, Insets::all(padding), max_scale)
    }

    /// The view that shows `bounds` whole in what `insets` leave of the viewport, in the
    /// middle of it, never closer than `max_scale`.
    pub fn fit_in(bounds: Bounds, width: f64, height: f64, insets: Insets, max_scale: f64) -> View {
        let span_x = (bounds.max.x - bounds.min.x).max(1e-9);
        let span_y = (bounds.max.y - bounds.min.y).max(1e-9);
        let usable_w = (width - insets.left - insets.right).max(1.0);
        let usable_h = (height - insets.top - insets.bottom).max(1.0);
        let scale = (usable_w / span_x).min(usable_h / span_y).clamp(MIN_SCALE, max_scale);
        // The middle of the free area, in screen pixels, shows the middle of `bounds`.
        let (free_x, free_y) = (insets.left + usable_w / 2.0, insets.top + usable_h / 2.0);
        let c = bounds.centre();
        let centre = Point { x: c.x - (free_x - width / 2.0) / scale, y: c.y + (free_y - height / 2.0) / scale };
        View { centre, scale, width, height }
    }

    /// Whether `p` is on screen, at least `margin` pixels in from the edges (a negative
    /// margin reaches beyond them).
    pub fn has_on_screen(&self, p: Point, margin: f64) -> bool {
        let (x, y) = self.to_screen(p);
        (margin..=self.width - margin).contains(&x) && (margin..=self.height - margin).contains(&y)
    }

    /// Plane → screen pixels (y grows downwards on screen).
    pub fn to_screen(&self, p: Point) -> (f64, f64) {
        ((p.x - self.centre.x) * self.scale + self.width / 2.0, (self.centre.y - p.y) * self.scale + self.height / 2.0)
    }

    pub fn to_plane(&self, sx: f64, sy: f64) -> Point {
        Point {
            x: self.centre.x + (sx - self.width / 2.0) / self.scale,
            y: self.centre.y - (sy - self.height / 2.0) / self.scale,
        }
    }

    /// Zooms by `factor` keeping the plane point under screen pixel (`sx`, `sy`) in place.
    pub fn zoom_at(&self, factor: f64, sx: f64, sy: f64) -> View {
        let anchor = self.to_plane(sx, sy);
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let mut view = View { scale, ..*self };
        let (ax, ay) = view.to_screen(anchor);
        view.centre.x += (ax - sx) / scale;
        view.centre.y -= (ay - sy) / scale;
        view
    }

    pub fn zoom(&self, factor: f64) -> View {
        self.zoom_at(factor, self.width / 2.0, self.height / 2.0)
    }

    /// Moves the content by (`dx`, `dy`) screen pixels, as a drag does.
    pub fn pan(&self, dx: f64, dy: f64) -> View {
        View { centre: Point { x: self.centre.x - dx / self.scale, y: self.centre.y + dy / self.scale }, ..*self }
    }

    pub fn resized(&self, width: f64, height: f64) -> View {
        View { width, height, ..*self }
    }

    /// The view a share `t` (0 to 1) of the way to `to`: the zoom changes by equal
    /// factors (as zooming feels), the centre evenly.
    pub fn towards(&self, to: &View, t: f64) -> View {
        let lerp = |a: f64, b: f64| a + (b - a) * t;
        View {
            centre: Point { x: lerp(self.centre.x, to.centre.x), y: lerp(self.centre.y, to.centre.y) },
            scale: (self.scale.ln() + (to.scale.ln() - self.scale.ln()) * t).exp(),
            width: to.width,
            height: to.height,
        }
    }

    /// What the view shows, in the drawing's coordinates (y down, as `view_box` gives
    /// it), widened on each side by `margin` times its width and height.
    pub fn drawn_area(&self, margin: f64) -> Bounds {
        let (w, h) = (self.width / self.scale, self.height / self.scale);
        let (x, y) = (self.centre.x - w / 2.0, -self.centre.y - h / 2.0);
        Bounds {
            min: Point { x: x - w * margin, y: y - h * margin },
            max: Point { x: x + w * (1.0 + margin), y: y + h * (1.0 + margin) },
        }
    }

    /// The SVG `viewBox` that shows this view of the plane, with y flipped by the drawing.
    pub fn view_box(&self) -> String {
        let w = self.width / self.scale;
        let h = self.height / self.scale;
        format!("{:.2} {:.2} {:.2} {:.2}", self.centre.x - w / 2.0, -self.centre.y - h / 2.0, w, h)
    }
}

/// A marker to draw: one place, or several that would overlap at this zoom.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Indexes of the places in it, the heaviest first.
    pub members: Vec<usize>,
    /// Where to draw it, on the plane: at its heaviest place. Clusters' seeds are at least
    /// the radius apart on screen; a weighted mean would pull two clusters together.
    pub at: Point,
    /// Total events of its members.
    pub weight: usize,
}

/// Groups places whose markers would be closer than `radius_px` on screen at `scale`.
/// Heaviest places seed clusters, so a big city keeps its marker where it is;
/// a spatial hash keeps this near-linear for thousands of places.
pub fn cluster(points: &[Point], weights: &[usize], scale: f64, radius_px: f64) -> Vec<Cluster> {
    let cell = radius_px / scale;
    let order = super::order::sorted_positions(points.len(), &|a, b| weights[b].cmp(&weights[a]).then(a.cmp(&b)));
    let key = |p: Point| ((p.x / cell).floor() as i64, (p.y / cell).floor() as i64);
    let mut seeds: HashMap<(i64, i64), Vec<usize>> = HashMap::default();
    let mut clusters: Vec<Cluster> = Vec::new();
    for index in order {
        let p = points[index];
        let (cx, cy) = key(p);
        let nearest = (cx - 1..=cx + 1)
            .flat_map(|x| (cy - 1..=cy + 1).map(move |y| (x, y)))
            .filter_map(|k| seeds.get(&k))
            .flatten()
            .map(|&c| (c, distance(clusters[c].seed(points), p)))
            .filter(|&(_, d)| d < cell)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        match nearest {
            Some((c, _)) => {
                clusters[c].members.push(index);
                clusters[c].weight += weights[index];
            }
            None => {
                seeds.entry((cx, cy)).or_default().push(clusters.len());
                clusters.push(Cluster { members: vec![index], at: p, weight: weights[index] });
            }
        }
    }
    clusters
}

impl Cluster {
    fn seed(&self, points: &[Point]) -> Point {
        points[self.members[0]]
    }
}

fn distance(a: Point, b: Point) -> f64 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_goes_towards_another_by_equal_zoom_factors() {
        let from = View { centre: Point { x: 0.0, y: 0.0 }, scale: 0.01, width: 800.0, height: 600.0 };
        let to = View { centre: Point { x: 100.0, y: -50.0 }, scale: 1.0, width: 800.0, height: 600.0 };
        let start = from.towards(&to, 0.0);
        assert!((start.scale - from.scale).abs() < 1e-15 && start.centre == from.centre);
        let end = from.towards(&to, 1.0);
        assert!((end.scale - 1.0).abs() < 1e-12 && end.centre == to.centre);
        let half = from.towards(&to, 0.5);
        assert!((half.scale - 0.1).abs() < 1e-12, "halfway in zoom is the geometric mean");
        assert_eq!(half.centre, Point { x: 50.0, y: -25.0 });
    }

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn lambert_matches_snyders_worked_example() {
        // Snyder 1987, p. 295: R = 1, parallels 33° and 45° N, origin 23° N 96° W; 35° N 75° W.
        let lambert = Lambert::new(33.0, 45.0, 23.0, -96.0, 1.0);
        let p = lambert.project(-75.0, 35.0);
        assert!(close(p.x, 0.2966785, 1e-6), "{p:?}");
        assert!(close(p.y, 0.2462112, 1e-6), "{p:?}");
        let (lon, lat) = lambert.unproject(p);
        assert!(close(lon, -75.0, 1e-9) && close(lat, 35.0, 1e-9));
    }

    #[test]
    fn eastern_canada_keeps_distances_and_north_up() {
        let lambert = Lambert::eastern_canada();
        let montreal = lambert.project(-73.5674, 45.5019);
        let toronto = lambert.project(-79.3832, 43.6532);
        // Great-circle Montréal–Toronto is about 504 km; conformal conic within 1 %.
        let km = distance(montreal, toronto);
        assert!((499.0..=512.0).contains(&km), "{km}");
        // The central meridian is vertical: north is straight up on it.
        let south = lambert.project(-75.0, 44.0);
        let north = lambert.project(-75.0, 56.0);
        assert!(close(south.x, 0.0, 1e-9) && close(north.x, 0.0, 1e-9) && north.y > south.y);
        for (lon, lat) in [(-95.0, 41.0), (-53.0, 62.0), (-75.0, 50.0)] {
            let (l, p) = lambert.unproject(lambert.project(lon, lat));
            assert!(close(l, lon, 1e-9) && close(p, lat, 1e-9));
        }
    }

    #[test]
    fn fit_shows_every_point_inside_the_padding() {
        let lambert = Lambert::eastern_canada();
        let cities = [(-73.57, 45.50), (-71.21, 46.81), (-75.70, 45.42), (-79.38, 43.65), (-80.51, 43.46)];
        let points: Vec<_> = cities.iter().map(|&(lon, lat)| lambert.project(lon, lat)).collect();
        let view = View::fit(Bounds::around(points.clone()).unwrap(), 800.0, 500.0, 40.0, MAX_SCALE);
        for p in points {
            let (x, y) = view.to_screen(p);
            assert!((39.9..=760.1).contains(&x) && (39.9..=460.1).contains(&y), "{x} {y}");
        }
        // One place alone is not zoomed to the street.
        let one = View::fit(Bounds::around([lambert.project(-79.38, 43.65)]).unwrap(), 800.0, 500.0, 40.0, 2.0);
        assert_eq!(one.scale, 2.0);
    }

    #[test]
    fn zoom_keeps_the_anchor_and_pan_moves_by_pixels() {
        let view = View { centre: Point { x: 100.0, y: 50.0 }, scale: 1.0, width: 400.0, height: 300.0 };
        let anchor = view.to_plane(300.0, 100.0);
        let zoomed = view.zoom_at(2.0, 300.0, 100.0);
        let (x, y) = zoomed.to_screen(anchor);
        assert!(close(x, 300.0, 1e-9) && close(y, 100.0, 1e-9));
        assert_eq!(view.zoom(1e9).scale, MAX_SCALE);
        assert_eq!(view.zoom(1e-9).scale, MIN_SCALE);
        let p = Point { x: 120.0, y: 40.0 };
        let (x0, y0) = view.to_screen(p);
        let (x1, y1) = view.pan(15.0, -5.0).to_screen(p);
        assert!(close(x1 - x0, 15.0, 1e-9) && close(y1 - y0, -5.0, 1e-9));
    }

    #[test]
    fn markers_cluster_when_close_and_split_when_zoomed_in() {
        let lambert = Lambert::eastern_canada();
        // Toronto and Kitchener-Waterloo are ~90 km apart; Montréal ~500 km away.
        let points: Vec<_> =
            [(-79.38, 43.65), (-80.51, 43.46), (-73.57, 45.50)].iter().map(|&(a, b)| lambert.project(a, b)).collect();
        let weights = [3, 1, 2];
        let far = cluster(&points, &weights, 0.2, 24.0); // 0.2 px/km: 90 km = 18 px
        assert_eq!(far.len(), 2);
        let ontario = far.iter().find(|c| c.members.len() == 2).unwrap();
        assert_eq!(ontario.members, [0, 1], "heaviest first");
        assert_eq!(ontario.weight, 4);
        assert_eq!(ontario.at, points[0], "at its heaviest place, Toronto");
        let near = cluster(&points, &weights, 1.0, 24.0);
        assert_eq!(near.len(), 3);
        assert!(near.iter().all(|c| c.members.len() == 1 && c.at == points[c.members[0]]));
    }

    #[test]
    fn clustering_a_thousand_places_keeps_every_place_once() {
        let points: Vec<_> = (0..1000).map(|i| Point { x: (i % 40) as f64 * 7.0, y: (i / 40) as f64 * 11.0 }).collect();
        let weights = vec![1; 1000];
        for scale in [0.05, 0.5, 5.0] {
            let clusters = cluster(&points, &weights, scale, 20.0);
            let mut seen: Vec<usize> = clusters.iter().flat_map(|c| c.members.clone()).collect();
            seen.sort();
            assert_eq!(seen, (0..1000).collect::<Vec<_>>());
            assert_eq!(clusters.iter().map(|c| c.weight).sum::<usize>(), 1000);
        }
        assert_eq!(cluster(&points, &weights, 5.0, 20.0).len(), 1000, "7 km = 35 px apart at 5 px/km: none merge");
    }

    #[test]
    fn fitting_in_insets_keeps_every_point_in_the_free_area() {
        let points = [Point { x: -500.0, y: 200.0 }, Point { x: 900.0, y: -300.0 }, Point { x: 100.0, y: 50.0 }];
        let bounds = Bounds::around(points).unwrap();
        let insets = Insets { top: 10.0, right: 140.0, bottom: 20.0, left: 30.0 };
        let view = View::fit_in(bounds, 390.0, 320.0, insets, MAX_SCALE);
        for p in points {
            let (x, y) = view.to_screen(p);
            assert!((insets.left - 1e-6..=390.0 - insets.right + 1e-6).contains(&x), "x {x}");
            assert!((insets.top - 1e-6..=320.0 - insets.bottom + 1e-6).contains(&y), "y {y}");
        }
        // Uniform insets are the plain fit.
        assert_eq!(
            View::fit_in(bounds, 800.0, 400.0, Insets::all(60.0), 2.0),
            View::fit(bounds, 800.0, 400.0, 60.0, 2.0)
        );
    }

    #[test]
    fn cluster_markers_stand_at_least_the_radius_apart() {
        // A dense world: 2,000 places, clustered at several zooms.
        let points: Vec<_> = (0..2000u32)
            .map(|i| Point { x: f64::from((i * 7919) % 4001), y: f64::from((i * 104_729) % 3001) })
            .collect();
        let weights: Vec<usize> = (0..2000).map(|i| 1 + i % 7).collect();
        for scale in [0.01, 0.05, 0.3, 1.0] {
            let clusters = cluster(&points, &weights, scale, 44.0);
            for (i, a) in clusters.iter().enumerate() {
                for b in &clusters[i + 1..] {
                    assert!(distance(a.at, b.at) * scale >= 44.0 - 1e-9, "{scale}: {:?} {:?}", a.at, b.at);
                }
            }
        }
    }
}
