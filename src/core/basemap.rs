//! The offline basemap (`public/basemap.json`, see docs/basemap.md), ready to draw:
//! rings projected once into SVG paths, so zooming only changes the `viewBox`.

use serde::Deserialize;

use super::feed::Text;
use super::map::{Bounds, Point};
use super::projection::{rings_path, sketch_path, Projection};

#[derive(Clone, Deserialize)]
struct RawBasemap {
    scale: f64,
    regions: Vec<RawRegion>,
    #[serde(default)]
    lakes: Vec<RawLake>,
    #[serde(default)]
    rivers: Vec<RawRiver>,
}

#[derive(Clone, Deserialize)]
struct RawRegion {
    id: String,
    country: String,
    name: Text,
    /// `[lon, lat]` in the file's integer units.
    label: Option<[i32; 2]>,
    polygons: Vec<Vec<Vec<i32>>>,
}

#[derive(Clone, Deserialize)]
struct RawLake {
    polygons: Vec<Vec<Vec<i32>>>,
}

#[derive(Clone, Deserialize)]
struct RawRiver {
    lines: Vec<Vec<i32>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    pub id: String,
    pub country: String,
    pub name: Text,
    /// Where its name goes, on the plane, if it is big enough to be named.
    pub label: Option<Point>,
    /// How wide its largest piece is on the plane (km): a name wider than that on screen
    /// would spill over its neighbours.
    pub room: f64,
    pub path: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Basemap {
    pub regions: Vec<Region>,
    pub lakes: String,
    pub rivers: String,
}

impl Basemap {
    /// The basemap as a prerendered page draws it: only what lies in `window`, rounded to
    /// `step` kilometres (`projection::sketch_path`). Every region stays, in the same order
    /// (the names are found by index), with an empty path if none of it is in the window.
    pub fn sketch(&self, window: &Bounds, step: i64) -> Basemap {
        let regions = self.regions.iter().map(|r| Region {
            id: r.id.clone(),
            country: r.country.clone(),
            name: r.name.clone(),
            label: r.label,
            room: r.room,
            path: sketch_path(&r.path, window, step),
        });
        Basemap {
            regions: regions.collect(),
            lakes: sketch_path(&self.lakes, window, step),
            rivers: sketch_path(&self.rivers, window, step),
        }
    }
}

/// The region the basemap covers, in degrees: `(west, south, east, north)`.
pub const REGION: (f64, f64, f64, f64) = (-96.0, 40.0, -52.0, 63.0);

/// Whether a place lies beyond the basemap, so that the world layer (`world.json`, the
/// same format) is needed under it.
pub fn beyond_region(lon: f64, lat: f64) -> bool {
    let (west, south, east, north) = REGION;
    !((west..=east).contains(&lon) && (south..=north).contains(&lat))
}

/// The projection of a map of `places` (`(lon, lat)`): the basemap's own conic while they
/// all lie within it (its paths are then the same whatever the feed), else the one that
/// shows them best (`Projection::for_places`).
pub fn projection_for(places: &[(f64, f64)]) -> Projection {
    if places.iter().all(|&(lon, lat)| !beyond_region(lon, lat)) {
        Projection::eastern_canada()
    } else {
        Projection::for_places(places)
    }
}

/// The projection for what is shown of a feed drawn in `feed`: a feed that spans
/// continents is drawn in a region's own conic while what is shown (a search, a filter)
/// makes one, as an atlas turns from its world map to a regional one; a regional feed
/// keeps its conic whatever is shown.
pub fn projection_for_shown(feed: Projection, shown: &[(f64, f64)]) -> Projection {
    match feed {
        Projection::World(_) if !shown.is_empty() => match projection_for(shown) {
            conic @ Projection::Conic(_) => conic,
            Projection::World(_) => feed,
        },
        _ => feed,
    }
}

/// From this zoom (px per km, a continent across a map) the world's finer outlines
/// (1:50m) replace the coarse ones (1:110m), whose 28 km simplification then shows.
pub const WORLD_DETAIL_SCALE: f64 = 0.1;

/// A world layer's address, next to the basemap: `world.json` (coarse, with the
/// countries' names), or with `detail` `world-50m.json`.
pub fn world_url(basemap_url: &str, detail: bool) -> String {
    let file = if detail { "world-50m.json" } else { "world.json" };
    match basemap_url.rsplit_once('/') {
        Some((folder, _)) => format!("{folder}/{file}"),
        None => file.to_owned(),
    }
}

/// The projected width of a ring of `[lon, lat, …]` integers.
fn widest(ring: Option<&Vec<i32>>, project: impl Fn([i32; 2]) -> Point) -> f64 {
    let xs = ring.into_iter().flat_map(|r| r.chunks_exact(2)).map(|p| project([p[0], p[1]]).x);
    let (min, max) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| (lo.min(x), hi.max(x)));
    (max - min).max(0.0)
}

/// Reads and projects a basemap; the error says what was wrong.
pub fn parse(text: &str, projection: &Projection) -> Result<Basemap, String> {
    Ok(Unprojected::read(text)?.project(projection))
}

/// A basemap read, not yet projected: to project pieces of it in several ways (an event
/// card's map is projected around its place).
#[derive(Clone)]
pub struct Unprojected(RawBasemap);

impl Unprojected {
    /// Reads a basemap; the error says what was wrong.
    pub fn read(text: &str) -> Result<Unprojected, String> {
        let raw: RawBasemap = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if raw.scale.is_nan() || raw.scale <= 0.0 {
            return Err("scale must be positive".into());
        }
        Ok(Unprojected(raw))
    }

    /// Only its polygons and lines with a point within `degrees` of `(lon, lat)` (in
    /// latitude, and in longitude scaled to the ground there).
    pub fn near(&self, lon: f64, lat: f64, degrees: f64) -> Unprojected {
        let scale = self.0.scale;
        let lon_degrees = degrees / lat.to_radians().cos().max(0.05);
        let close = |ring: &Vec<i32>| {
            ring.chunks_exact(2).any(|p| {
                let dlon = (f64::from(p[0]) / scale - lon + 540.0).rem_euclid(360.0) - 180.0;
                dlon.abs() <= lon_degrees && (f64::from(p[1]) / scale - lat).abs() <= degrees
            })
        };
        // A polygon around the window with no point in it (the middle of a large country).
        let around = |ring: &Vec<i32>| {
            let (mut west, mut south, mut east, mut north) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for p in ring.chunks_exact(2) {
                let (x, y) = (f64::from(p[0]) / scale, f64::from(p[1]) / scale);
                (west, south, east, north) = (west.min(x), south.min(y), east.max(x), north.max(y));
            }
            (west..=east).contains(&lon) && (south..=north).contains(&lat)
        };
        let keep = |polygons: &Vec<Vec<Vec<i32>>>| -> Vec<Vec<Vec<i32>>> {
            let kept = polygons.iter().filter(|rings| rings.iter().any(close) || rings.first().is_some_and(around));
            kept.cloned().collect()
        };
        let mut raw = self.0.clone();
        for region in &mut raw.regions {
            region.polygons = keep(&region.polygons);
        }
        raw.regions.retain(|r| !r.polygons.is_empty());
        for lake in &mut raw.lakes {
            lake.polygons = keep(&lake.polygons);
        }
        for river in &mut raw.rivers {
            river.lines.retain(close);
        }
        Unprojected(raw)
    }

    /// Projected into SVG paths.
    pub fn project(self, projection: &Projection) -> Basemap {
        let raw = self.0;
        let project =
            |pair: [i32; 2]| projection.project(f64::from(pair[0]) / raw.scale, f64::from(pair[1]) / raw.scale);
        let regions = raw
            .regions
            .into_iter()
            .map(|r| Region {
                path: r.polygons.iter().map(|rings| rings_path(projection, rings, raw.scale, true)).collect(),
                room: widest(
                    r.polygons.iter().filter_map(|rings| rings.first()).max_by_key(|ring| ring.len()),
                    project,
                ),
                label: r.label.map(project),
                id: r.id,
                country: r.country,
                name: r.name,
            })
            .collect();
        let lakes = raw
            .lakes
            .iter()
            .flat_map(|l| &l.polygons)
            .map(|rings| rings_path(projection, rings, raw.scale, true))
            .collect();
        let rivers = raw.rivers.iter().map(|r| rings_path(projection, &r.lines, raw.scale, false)).collect();
        Basemap { regions, lakes, rivers }
    }
}
