//! The committed basemap asset reads and projects into drawable paths.
#![cfg(not(target_arch = "wasm32"))]

use meetup_atlas::core::basemap;
use meetup_atlas::core::map::Lambert;

const ASSET: &str = include_str!("../public/basemap.json");

#[test]
fn basemap_covers_eastern_canada_in_both_languages() {
    let projection = Lambert::eastern_canada();
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
    let projection = Lambert::eastern_canada();
    assert!(basemap::parse("{", &projection).is_err());
    assert!(basemap::parse(r#"{"scale": 0, "regions": []}"#, &projection).is_err());
    assert!(basemap::parse(r#"{"scale": 100, "regions": [{"id": "X"}]}"#, &projection).is_err());
}
