//! The offline basemap (`public/basemap.json`, see docs/basemap.md), ready to draw:
//! rings projected once into SVG paths, so zooming only changes the `viewBox`.

use super::feed::Text;
use super::json::{self, FromJson, Json};
use super::map::{rings_path, Lambert, Point};

struct RawBasemap {
    scale: f64,
    regions: Vec<RawRegion>,
    lakes: Vec<RawLake>,
    rivers: Vec<RawRiver>,
}

struct RawRegion {
    id: String,
    country: String,
    name: Text,
    label: Option<[i32; 2]>,
    polygons: Vec<Vec<Vec<i32>>>,
}

struct RawLake {
    polygons: Vec<Vec<Vec<i32>>>,
}

struct RawRiver {
    lines: Vec<Vec<i32>>,
}

impl FromJson for RawBasemap {
    fn from_json(json: &Json) -> json::Result<Self> {
        let o = json.object("Basemap")?;
        Ok(RawBasemap {
            scale: o.req("scale")?,
            regions: o.req("regions")?,
            lakes: o.list("lakes")?,
            rivers: o.list("rivers")?,
        })
    }
}

impl FromJson for RawRegion {
    fn from_json(json: &Json) -> json::Result<Self> {
        let o = json.object("Region")?;
        let label = match o.opt::<Vec<i32>>("label")?.as_deref() {
            None => None,
            Some(&[lon, lat]) => Some([lon, lat]),
            Some(_) => return Err("label must be [lon, lat]".into()),
        };
        Ok(RawRegion {
            id: o.req("id")?,
            country: o.req("country")?,
            name: o.req("name")?,
            label,
            polygons: o.req("polygons")?,
        })
    }
}

impl FromJson for RawLake {
    fn from_json(json: &Json) -> json::Result<Self> {
        Ok(RawLake { polygons: json.object("Lake")?.req("polygons")? })
    }
}

impl FromJson for RawRiver {
    fn from_json(json: &Json) -> json::Result<Self> {
        Ok(RawRiver { lines: json.object("River")?.req("lines")? })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    pub id: String,
    pub country: String,
    pub name: Text,
    /// Where its name goes, on the plane, if it is big enough to be named.
    pub label: Option<Point>,
    pub path: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Basemap {
    pub regions: Vec<Region>,
    pub lakes: String,
    pub rivers: String,
}

pub fn parse(text: &str, projection: &Lambert) -> Result<Basemap, String> {
    from_json(&json::parse(text)?, projection)
}

/// Projects a parsed basemap.
pub fn from_json(value: &Json, projection: &Lambert) -> Result<Basemap, String> {
    let raw = RawBasemap::from_json(value)?;
    if raw.scale.is_nan() || raw.scale <= 0.0 {
        return Err("scale must be positive".into());
    }
    let project = |pair: [i32; 2]| projection.project(f64::from(pair[0]) / raw.scale, f64::from(pair[1]) / raw.scale);
    let regions = raw
        .regions
        .into_iter()
        .map(|r| Region {
            path: r.polygons.iter().map(|rings| rings_path(projection, rings, raw.scale, true)).collect(),
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
    Ok(Basemap { regions, lakes, rivers })
}
