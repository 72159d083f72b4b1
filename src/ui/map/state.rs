//! What the parts of the map share. The view is derived, not kept: it is made from the
//! view a link carries (`centre`, in degrees; `None` for the view that fits every place)
//! and the surface's size, so there is one source of truth and no effect syncing two.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use crate::core::basemap::{self, Basemap};
use crate::core::map::{cluster, Bounds, Lambert, Point, View, MAX_SCALE, MIN_SCALE};
use crate::core::query;
use crate::core::url_state::MapCentre;

use super::marker::{MapPlace, Marker};
use crate::ui::browser::observe_size;
use crate::ui::context::{use_atlas, AtlasCtx};
use crate::ui::fetch::fetch_text;

/// Markers closer than this on screen merge into one.
pub const CLUSTER_RADIUS_PX: f64 = 36.0;
/// Closest zoom when fitting places (px per km): a lone city still shows its region.
const FIT_MAX_SCALE: f64 = 1.2;
const FIT_PADDING_PX: f64 = 48.0;

#[derive(Clone, Copy)]
pub struct MapState {
    pub atlas: AtlasCtx,
    projection: Lambert,
    /// Every place of the feed, whatever the filters: what the home view fits.
    bounds: Bounds,
    pub surface: NodeRef<html::Div>,
    size: RwSignal<(f64, f64)>,
    centre: RwSignal<Option<MapCentre>>,
    pub view: Memo<View>,
    pub scale: Memo<f64>,
    /// The markers on screen: a zoomed-in map of a thousand places stays light.
    pub on_screen: Memo<Vec<Marker>>,
    /// The selected place, found once per selection rather than once per marker.
    pub selected_place: Memo<Option<String>>,
    pub hovered: RwSignal<Option<Vec<String>>>,
    /// Set for a moment when a plain wheel scrolls past the map: say how to zoom.
    pub hint: RwSignal<bool>,
    /// `None` while loading; `Err` when it could not be loaded (the markers stay).
    pub basemap: LocalResource<Result<Arc<Basemap>, ()>>,
}

impl MapState {
    pub fn new(basemap_url: String, centre: RwSignal<Option<MapCentre>>) -> MapState {
        let atlas = use_atlas();
        let loaded = atlas.loaded();
        let projection = Lambert::eastern_canada();
        let every_place = query::places_with_events(&loaded.feed, |_| true)
            .into_iter()
            .map(|(place, _)| projection.project(place.lon, place.lat));
        let bounds = Bounds::around(every_place).unwrap_or_else(|| region_bounds(&projection));
        let size = RwSignal::new((800.0, 420.0));
        let view = Memo::new(move |_| {
            let (width, height) = size.get();
            match centre.get() {
                Some(c) => View {
                    centre: projection.project(c.lon, c.lat),
                    scale: c.scale.clamp(MIN_SCALE, MAX_SCALE),
                    width,
                    height,
                },
                None => View::fit(bounds, width, height, FIT_PADDING_PX, FIT_MAX_SCALE),
            }
        });
        let scale = Memo::new(move |_| view.get().scale);
        let selected_place = {
            let (loaded, selection) = (loaded.clone(), atlas.selection);
            Memo::new(move |_| selection.with(|s| query::selected_place(&loaded.feed, s.as_ref()).map(str::to_owned)))
        };
        let map = MapState {
            atlas,
            projection,
            bounds,
            surface: NodeRef::new(),
            size,
            centre,
            view,
            scale,
            on_screen: markers_on_screen(atlas, projection, view),
            selected_place,
            hovered: RwSignal::new(None),
            hint: RwSignal::new(false),
            basemap: LocalResource::new(move || {
                let url = basemap_url.clone();
                async move {
                    let text = fetch_text(&url).await.map_err(drop)?;
                    basemap::parse(&text, &projection).map(Arc::new).map_err(drop)
                }
            }),
        };
        let surface = map.surface;
        Effect::new(move |_| {
            if let Some(el) = surface.get() {
                observe_size(&el, move |w, h| size.set((w, h)));
            }
        });
        map
    }

    /// The view that fits every place at the current size.
    fn home(self) -> View {
        let (width, height) = self.size.get_untracked();
        View::fit(self.bounds, width, height, FIT_PADDING_PX, FIT_MAX_SCALE)
    }

    /// Shows `next`: the link carries it, unless it is the home view.
    pub fn set_view(self, next: View) {
        let wanted = (next != self.home()).then(|| {
            let (lon, lat) = self.projection.unproject(next.centre);
            MapCentre { lon, lat, scale: next.scale }
        });
        if self.centre.get_untracked() != wanted {
            self.centre.set(wanted);
        }
    }

    /// Changes the view by `change`, as a button, a key or a gesture does.
    pub fn update_view(self, change: impl FnOnce(View) -> View) {
        self.set_view(change(self.view.get_untracked()));
    }

    pub fn reset(self) {
        self.centre.set(None);
    }

    /// Zooms until `points` come apart.
    pub fn zoom_to(self, points: &[Point]) {
        if let Some(b) = Bounds::around(points.iter().copied()) {
            let v = self.view.get_untracked();
            let fitted = View::fit(b, v.width, v.height, FIT_PADDING_PX * 2.0, MAX_SCALE);
            self.set_view(View { scale: fitted.scale.max(v.scale * 2.0), ..fitted });
        }
    }
}

/// The shown places, clustered at the current zoom, and those of them on screen.
fn markers_on_screen(atlas: AtlasCtx, projection: Lambert, view: Memo<View>) -> Memo<Vec<Marker>> {
    let loaded = atlas.loaded();
    let (shown, today) = (atlas.shown, atlas.today);
    let places = Memo::new(move |_| {
        shown.with(|shown| {
            query::places_with_events(&loaded.feed, |i| shown.contains(i))
                .into_iter()
                .map(|(place, spans)| MapPlace {
                    id: place.id.clone(),
                    name: place.name.clone(),
                    at: projection.project(place.lon, place.lat),
                    events: spans.len(),
                    timing: query::common_timing(spans, today),
                })
                .collect::<Vec<_>>()
        })
    });
    let scale = Memo::new(move |_| view.get().scale);
    let clusters = Memo::new(move |_| {
        places.with(|places| {
            let points: Vec<Point> = places.iter().map(|p| p.at).collect();
            let weights: Vec<usize> = places.iter().map(|p| p.events).collect();
            cluster(&points, &weights, scale.get(), CLUSTER_RADIUS_PX)
                .iter()
                .map(|c| Marker::of(c, places))
                .collect::<Vec<_>>()
        })
    });
    Memo::new(move |_| {
        let v = view.get();
        let margin = CLUSTER_RADIUS_PX * 2.0;
        clusters.with(|all| {
            all.iter()
                .filter(|m| {
                    let (x, y) = v.to_screen(m.at);
                    (-margin..=v.width + margin).contains(&x) && (-margin..=v.height + margin).contains(&y)
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    })
}

/// The whole region the basemap covers, for a feed without places.
fn region_bounds(projection: &Lambert) -> Bounds {
    let corners = [(-96.0, 40.0), (-52.0, 40.0), (-96.0, 63.0), (-52.0, 63.0), (-74.0, 40.0), (-74.0, 63.0)];
    Bounds::around(corners.iter().map(|&(lon, lat)| projection.project(lon, lat)))
        .unwrap_or(Bounds { min: Point::default(), max: Point { x: 1.0, y: 1.0 } })
}
