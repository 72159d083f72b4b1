//! The events' cards (`core::card`), rasterised to PNG with resvg: the map around each
//! place projected once, by a conic (or the world's projection in the tropics) centred
//! on it, so no card shows its place at the skewed edge of a world map.

use std::collections::HashMap;
use std::path::Path;

use meetup_atlas::core::basemap::{self, Basemap, Unprojected};
use meetup_atlas::core::card::{self, CardMap, FONT};
use meetup_atlas::core::feed::Feed;
use meetup_atlas::core::head::{CARD_HEIGHT, CARD_WIDTH};
use meetup_atlas::core::page::card_path;
use meetup_atlas::core::projection::Projection;
use meetup_atlas::core::Lang;
use resvg::{tiny_skia, usvg};

/// Where Debian's fonts-dejavu-core puts the font.
const FONT_DIR: &str = "/usr/share/fonts/truetype/dejavu";
/// The ground kept around a place (degrees of latitude): more than a card shows.
const NEAR_DEGREES: f64 = 6.0;

/// Draws every event's card in each language into `out/cards/`; the count drawn.
pub fn draw_all(feed: &Feed, basemap: &Path, out: &Path) -> Result<usize, String> {
    let options = options()?;
    let layers = Layers::read(basemap)?;
    let mut maps: HashMap<&str, Option<(Vec<Basemap>, Projection)>> = HashMap::new();
    let mut count = 0;
    for event in &feed.events {
        let place = event.place.as_deref().and_then(|id| feed.place(id));
        let map = place.map(|place| {
            maps.entry(place.id.as_str()).or_insert_with(|| layers.around(place.lon, place.lat)).as_ref().map(
                |(drawn, projection)| CardMap {
                    layers: drawn.iter().collect(),
                    at: projection.project(place.lon, place.lat),
                },
            )
        });
        for lang in Lang::ALL {
            let svg = card::svg(lang, feed, event, map.as_ref().and_then(Option::as_ref));
            let png = rasterise(&svg, &options).map_err(|e| format!("{}: {e}", event.id))?;
            let path = out.join(card_path(lang, &event.id));
            let written =
                path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&path, png));
            written.map_err(|e| format!("{}: {e}", path.display()))?;
            count += 1;
        }
    }
    Ok(count)
}

/// resvg's options with the card's font, or why it cannot be had.
fn options() -> Result<usvg::Options<'static>, String> {
    let mut options = usvg::Options::default();
    for file in ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] {
        let data = std::fs::read(Path::new(FONT_DIR).join(file));
        let data = data.map_err(|e| format!("{FONT_DIR}/{file}: {e}: install Debian's fonts-dejavu-core"))?;
        options.fontdb_mut().load_font_data(data);
    }
    let found = options.fontdb.faces().any(|face| face.families.iter().any(|(name, _)| name == FONT));
    if !found {
        return Err(format!("the font {FONT} is not in {FONT_DIR}: install Debian's fonts-dejavu-core"));
    }
    options.font_family = FONT.to_owned();
    Ok(options)
}

fn rasterise(svg: &str, options: &usvg::Options) -> Result<Vec<u8>, String> {
    let tree = usvg::Tree::from_str(svg, options).map_err(|e| e.to_string())?;
    let mut pixmap = tiny_skia::Pixmap::new(CARD_WIDTH, CARD_HEIGHT).ok_or("no pixmap")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// The map's layers, read: the world's outlines and the regional basemap, if there.
struct Layers {
    world: Option<Unprojected>,
    region: Option<Unprojected>,
}

impl Layers {
    fn read(basemap: &Path) -> Result<Layers, String> {
        let read = |path: &Path| -> Result<Option<Unprojected>, String> {
            match std::fs::read_to_string(path) {
                Ok(text) => Unprojected::read(&text).map(Some).map_err(|e| format!("{}: {e}", path.display())),
                Err(_) => Ok(None),
            }
        };
        let region = read(basemap)?;
        let world = match read(&basemap.with_file_name("world-50m.json"))? {
            Some(world) => Some(world),
            None => read(&basemap.with_file_name("world.json"))?,
        };
        Ok(Layers { world, region })
    }

    /// The layers' pieces around `(lon, lat)`, projected around it; none without a layer.
    fn around(&self, lon: f64, lat: f64) -> Option<(Vec<Basemap>, Projection)> {
        let projection = Projection::for_places(&[(lon, lat)]);
        let region = self.region.as_ref().filter(|_| !basemap::beyond_region(lon, lat));
        let drawn: Vec<Basemap> = self
            .world
            .iter()
            .chain(region)
            .map(|layer| layer.near(lon, lat, NEAR_DEGREES).project(&projection))
            .collect();
        (!drawn.is_empty()).then_some((drawn, projection))
    }
}
