//! The committed basemap asset reads and projects into drawable paths.
#![cfg(not(target_arch = "wasm32"))]

use meetup_atlas::core::basemap;
use meetup_atlas::core::countries;
use meetup_atlas::core::projection::Projection;
use meetup_atlas::core::Lang;

const ASSET: &str = include_str!("../public/basemap.json");

#[test]
fn basemap_covers_eastern_canada_in_both_languages() {
    let projection = Projection::eastern_canada();
    let map = basemap::parse(ASSET, &projection).unwrap();
    for (id, fr) in [
        ("ON", "Ontario"),
        ("QC", "Québec"),
        ("NB", "Nouveau-Brunswick"),
        ("NS", "Nouvelle-Écosse"),
        ("PE", "Île-du-Prince-Édouard"),
        ("NL", "Terre-Neuve-et-Labrador"),
        ("NY", "New York"),
    ] {
        let region = map.regions.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(region.name.fr, fr);
        assert!(region.path.starts_with('M') && region.path.ends_with('Z'), "{id}");
        assert!(region.label.is_some(), "{id} has no label");
    }
    assert!(map.lakes.matches('M').count() >= 20, "the Great Lakes and others");
    assert!(!map.rivers.is_empty());
    // Labels sit inside the clipping box.
    for label in map.regions.iter().filter_map(|r| r.label) {
        let (lon, lat) = projection.unproject(label);
        assert!((-96.0..=-52.0).contains(&lon) && (40.0..=63.0).contains(&lat), "{lon} {lat}");
    }
}

#[test]
fn a_broken_basemap_is_an_error_not_a_panic() {
    let projection = Projection::eastern_canada();
    assert!(basemap::parse("{", &projection).is_err());
    assert!(basemap::parse(r#"{"scale": 0, "regions": []}"#, &projection).is_err());
    assert!(basemap::parse(r#"{"scale": 100, "regions": [{"id": "X"}]}"#, &projection).is_err());
}

const WORLD: &str = include_str!("../public/world.json");
const WORLD_DETAIL: &str = include_str!("../public/world-50m.json");

/// Whether (`lon`, `lat`) is inside a ring of flat `[lon, lat, …]` integers at `scale`.
fn in_ring(ring: &[i64], scale: f64, lon: f64, lat: f64) -> bool {
    let points: Vec<(f64, f64)> = ring.chunks(2).map(|p| (p[0] as f64 / scale, p[1] as f64 / scale)).collect();
    let mut inside = false;
    for (i, &(x1, y1)) in points.iter().enumerate() {
        let (x2, y2) = points[(i + 1) % points.len()];
        if (y1 > lat) != (y2 > lat) && lon < x1 + (lat - y1) / (y2 - y1) * (x2 - x1) {
            inside = !inside;
        }
    }
    inside
}

/// The countries of a world layer that hold (`lon`, `lat`).
fn countries_at(layer: &str, lon: f64, lat: f64) -> Vec<String> {
    let raw: serde_json::Value = serde_json::from_str(layer).unwrap();
    let scale = raw["scale"].as_f64().unwrap();
    raw["regions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            r["polygons"].as_array().unwrap().iter().any(|p| {
                let ring: Vec<i64> = p[0].as_array().unwrap().iter().map(|v| v.as_i64().unwrap()).collect();
                in_ring(&ring, scale, lon, lat)
            })
        })
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_coarse_world_names_its_countries_in_both_languages_inside_them() {
    let raw: serde_json::Value = serde_json::from_str(WORLD).unwrap();
    let scale = raw["scale"].as_f64().unwrap();
    let regions = raw["regions"].as_array().unwrap();
    let named: Vec<&serde_json::Value> = regions.iter().filter(|r| r["id"].as_str().unwrap().len() == 2).collect();
    assert!(named.len() > 150, "{}", named.len());
    for r in named {
        let (en, fr) = (r["name"]["en"].as_str().unwrap(), r["name"]["fr"].as_str().unwrap());
        assert!(!en.is_empty() && !fr.is_empty(), "{r}");
        let at: Vec<f64> = r["label"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap() / scale).collect();
        let id = r["id"].as_str().unwrap();
        assert!(countries_at(WORLD, at[0], at[1]).contains(&id.to_owned()), "{id}'s name is written outside it");
    }
    // The same names as the app's own table (calendars, filters), both made from one package.
    for r in regions.iter().filter(|r| r["id"].as_str().unwrap().len() == 2) {
        let id = r["id"].as_str().unwrap();
        for (lang, key) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
            assert_eq!(countries::name(lang, id), r["name"][key].as_str(), "{id}");
        }
    }
    let name = |id: &str| regions.iter().find(|r| r["id"] == id).map(|r| r["name"].clone()).unwrap();
    assert_eq!(name("DE"), serde_json::json!({ "en": "Germany", "fr": "Allemagne" }));
    assert_eq!(name("US"), serde_json::json!({ "en": "United States", "fr": "États-Unis" }));
}

#[test]
fn the_world_layer_puts_far_cities_on_their_own_land() {
    let projection = Projection::eastern_canada();
    for layer in [WORLD, WORLD_DETAIL] {
        let world = basemap::parse(layer, &projection).unwrap();
        assert!(world.regions.len() > 150, "{}", world.regions.len());
        assert!(world.regions.iter().all(|r| r.path.starts_with('M') && r.path.ends_with('Z')));
        for (city, lon, lat, country) in [
            ("Vancouver", -123.12, 49.28, "CA"),
            ("Halifax", -63.57, 44.65, "CA"),
            ("Paris", 2.35, 48.86, "FR"),
            ("São Paulo", -46.63, -23.55, "BR"),
            ("Beijing", 116.40, 39.90, "CN"),
            ("Sydney", 151.21, -33.87, "AU"),
        ] {
            // On its country's land, or (a harbour city, on a finer coast) a few km from it.
            let near = |d: f64| {
                let mut found: Vec<String> = [(0.0, 0.0), (d, 0.0), (-d, 0.0), (0.0, d), (0.0, -d)]
                    .iter()
                    .flat_map(|(dx, dy)| countries_at(layer, lon + dx, lat + dy))
                    .collect();
                found.dedup();
                found
            };
            assert_eq!(near(if layer == WORLD { 0.0 } else { 0.05 }), [country], "{city} in {}", &layer[..120]);
            assert!(basemap::beyond_region(lon, lat) || city == "Halifax", "{city}");
        }
    }
    assert!(!basemap::beyond_region(-73.57, 45.50), "Montréal is on the basemap");
    // Rings are cut where each projection's back meridian falls: no edge runs across the map.
    let cities = [(-123.12, 49.28), (2.35, 48.86), (116.4, 39.9), (151.2, -33.9), (-46.63, -23.55)];
    for projection in
        [projection, Projection::for_places(&cities), Projection::for_places(&[(2.35, 48.86), (13.4, 52.5)])]
    {
        let world = basemap::parse(WORLD, &projection).unwrap();
        let longest = world.regions.iter().map(|r| longest_move(&r.path)).fold(0.0, f64::max);
        assert!(longest < 5000.0, "{projection:?}: an edge of {longest:.0} km");
    }
    let (east, west) = (projection.project(116.4, 39.9), projection.project(116.4 - 360.0, 39.9));
    assert!((east.x - west.x).abs() < 1e-6 && (east.y - west.y).abs() < 1e-6, "one meridian, one place");
    assert_eq!(basemap::world_url("https://x.example/atlas/basemap.json", false), "https://x.example/atlas/world.json");
    assert_eq!(basemap::world_url("basemap.json", false), "world.json");
    assert_eq!(basemap::world_url("basemap.json", true), "world-50m.json");
}

/// The longest straight edge of an SVG path written as `M x y l dx dy … Z`, in kilometres.
fn longest_move(path: &str) -> f64 {
    let numbers = |text: &str| -> Vec<f64> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if (c == '-' && i > start) || c == ' ' {
                if i > start {
                    out.push(text[start..i].parse().unwrap());
                }
                start = if c == ' ' { i + 1 } else { i };
            }
        }
        if start < text.len() {
            out.push(text[start..].parse().unwrap());
        }
        out
    };
    path.split('M')
        .filter(|piece| !piece.is_empty())
        .flat_map(|piece| {
            let moves = piece.trim_end_matches('Z').split_once('l').map_or("", |(_, moves)| moves).to_owned();
            numbers(&moves).chunks(2).map(|m| m[0].hypot(m[1])).collect::<Vec<_>>()
        })
        .fold(0.0, f64::max)
}

/// A world feed narrowed to one region is drawn in that region's conic (the bundled
/// region's own when it lies there), and widened again it returns to the feed's world map;
/// a regional feed keeps its conic whatever is shown.
#[test]
fn what_is_shown_chooses_a_regional_conic_only_for_a_world_feed() {
    let world = basemap::projection_for(&[(-73.6, 45.5), (2.35, 48.9), (151.2, -33.9)]);
    assert!(matches!(world, Projection::World(_)), "{world:?}");
    let sydney = basemap::projection_for_shown(world, &[(151.2, -33.9)]);
    assert!(matches!(sydney, Projection::Conic(_)), "{sydney:?}");
    assert!((sydney.central_meridian() - 151.2).abs() < 1e-9);
    let quebec = basemap::projection_for_shown(world, &[(-73.6, 45.5), (-71.2, 46.8)]);
    assert_eq!(quebec, Projection::eastern_canada());
    assert_eq!(basemap::projection_for_shown(world, &[(-73.6, 45.5), (151.2, -33.9)]), world);
    assert_eq!(basemap::projection_for_shown(world, &[]), world);
    let regional = Projection::eastern_canada();
    assert_eq!(basemap::projection_for_shown(regional, &[(-71.2, 46.8)]), regional);
}

/// The rings of a drawn path (`M`, then `l` moves, then `Z` for a ring), as points.
fn drawn_rings(d: &str) -> Vec<Vec<(f64, f64)>> {
    d.split('M')
        .filter(|piece| !piece.is_empty())
        .map(|piece| {
            let mut numbers = Vec::new();
            let mut number = String::new();
            for c in piece.chars() {
                if c == '-' || c == ' ' || c == 'l' || c == 'Z' {
                    numbers.extend(number.parse::<f64>().ok());
                    number.clear();
                }
                if c == '-' || c == '.' || c.is_ascii_digit() {
                    number.push(c);
                }
            }
            numbers.extend(number.parse::<f64>().ok());
            let mut at = (numbers[0], numbers[1]);
            let mut ring = vec![at];
            for step in numbers[2..].chunks_exact(2) {
                at = (at.0 + step[0], at.1 + step[1]);
                ring.push(at);
            }
            ring
        })
        .collect()
}

/// Whether `p` is inside a path's rings (even-odd), and how far it is from their edges.
fn inside_and_distance(rings: &[Vec<(f64, f64)>], p: (f64, f64)) -> (bool, f64) {
    let (mut inside, mut distance) = (false, f64::INFINITY);
    for ring in rings {
        for (i, &a) in ring.iter().enumerate() {
            let b = ring[(i + 1) % ring.len()];
            if (a.1 > p.1) != (b.1 > p.1) && p.0 < a.0 + (p.1 - a.1) / (b.1 - a.1) * (b.0 - a.0) {
                inside = !inside;
            }
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / (dx * dx + dy * dy).max(1e-12)).clamp(0.0, 1.0);
            distance = distance.min((p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy));
        }
    }
    (inside, distance)
}

/// The prerendered page draws the basemap only around its view (`Basemap::sketch`): the
/// same land and water there, a fraction of the bytes, nothing beyond the window.
#[test]
fn a_sketch_draws_the_same_map_in_its_window_in_a_fraction_of_the_bytes() {
    use meetup_atlas::core::map::{Bounds, View};
    let projection = Projection::eastern_canada();
    let map = basemap::parse(ASSET, &projection).unwrap();
    // The bundled feed's places, Kitchener to Quebec City, as the prerendered map fits them.
    let places = [(-80.49, 43.45), (-71.21, 46.81)].map(|(lon, lat)| projection.project(lon, lat));
    let view = View::fit(Bounds::around(places).unwrap(), 800.0, 420.0, 40.0, 10.0);
    let window = view.drawn_area(0.1);
    let sketch = map.sketch(&window, 1);
    let ids = |m: &basemap::Basemap| m.regions.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&sketch), ids(&map), "every region, in order: names are found by index");
    let bytes =
        |m: &basemap::Basemap| m.regions.iter().map(|r| r.path.len()).sum::<usize>() + m.lakes.len() + m.rivers.len();
    assert!(bytes(&sketch) * 3 < bytes(&map), "{} of {} bytes", bytes(&sketch), bytes(&map));
    let (min, max) = (window.min, window.max);
    let paths = |m: &basemap::Basemap| {
        let mut all: Vec<String> = m.regions.iter().map(|r| r.path.clone()).collect();
        all.extend([m.lakes.clone(), m.rivers.clone()]);
        all
    };
    for d in paths(&sketch).iter().take(map.regions.len() + 1) {
        for p in drawn_rings(d).into_iter().flatten() {
            assert!(
                (min.x - 0.51..=max.x + 0.51).contains(&p.0) && (min.y - 0.51..=max.y + 0.51).contains(&p.1),
                "{p:?}"
            );
        }
    }
    // What the view shows is the same, a point at a time, but within a kilometre of an
    // outline (the sketch is rounded to whole kilometres).
    let shown = view.drawn_area(0.0);
    let mut drawn = 0;
    for (full, sketched) in paths(&map).iter().zip(paths(&sketch)).take(map.regions.len() + 1) {
        let (full, sketched) = (drawn_rings(full), drawn_rings(&sketched));
        for i in 0..=60 {
            for j in 0..=30 {
                let p = (
                    shown.min.x + (shown.max.x - shown.min.x) * f64::from(i) / 60.0,
                    shown.min.y + (shown.max.y - shown.min.y) * f64::from(j) / 30.0,
                );
                let (inside, distance) = inside_and_distance(&full, p);
                if distance > 1.0 {
                    assert_eq!(inside_and_distance(&sketched, p).0, inside, "{p:?}");
                    drawn += usize::from(inside);
                }
            }
        }
    }
    assert!(drawn > 1000, "the view is mostly land and lakes: {drawn}");
    // The rivers within it are all there.
    let river_points = |d: &str| drawn_rings(d).into_iter().flatten().collect::<Vec<_>>();
    let sketched_rivers = river_points(&sketch.rivers);
    for p in river_points(&map.rivers)
        .into_iter()
        .filter(|p| (min.x..=max.x).contains(&p.0) && (min.y..=max.y).contains(&p.1))
    {
        assert!(sketched_rivers.iter().any(|q| (q.0 - p.0).abs() < 0.51 && (q.1 - p.1).abs() < 0.51), "{p:?}");
    }
}
