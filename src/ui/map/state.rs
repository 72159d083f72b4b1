//! What the parts of the map share. The view is derived, not kept: it is made from the
//! view a link carries (`centre`, in degrees; `None` for the view that fits every place)
//! and the surface's size, so there is one source of truth and no effect syncing two.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use crate::core::basemap::{self, Basemap};
use rustc_hash::FxHashMap as HashMap;

use crate::core::explore::Facet;
use crate::core::feed::{Place, Span};
use crate::core::i18n::Things;
use crate::core::labels::{place, shorten, text_width, Placed, Rect, Side, Wanted};
use crate::core::map::{cluster, Bounds, Insets, Point, View, MAX_SCALE, MIN_SCALE};
use crate::core::projection::Projection;
use crate::core::query::{self, Selection};
use crate::core::url_state::MapCentre;

use super::model::{MapPlace, Marker};
use crate::ui::browser;
use crate::ui::context::{use_atlas, AtlasCtx};
use crate::ui::fetch::fetch_text;
use crate::ui::turns::{observe_size_in_turn, taking_over, LaidOut};

/// Markers closer than this on screen merge into one.
pub const CLUSTER_RADIUS_PX: f64 = 36.0;
/// Half the size of a marker and of a group's marker, as the stylesheet draws them.
const MARKER_RADIUS_PX: f64 = 16.0;
const GROUP_RADIUS_PX: f64 = 20.0;
const LABEL_GAP_PX: f64 = 3.0;
/// Label sizes for the stylesheet's label fonts, on the generous side (see `text_width`).
const CITY_PX_PER_CHAR: f64 = 9.0;
const CITY_PADDING_PX: f64 = 12.0;
const CITY_LABEL_HEIGHT_PX: f64 = 22.0;
const REGION_PX_PER_CHAR: f64 = 8.0;
const REGION_LABEL_HEIGHT_PX: f64 = 16.0;
/// The size a map is drawn at before the browser gives it its own: the prerender's.
const PRERENDERED_SIZE: (f64, f64) = (800.0, 420.0);
/// About the size of the map on a phone, whose first view shows more of the basemap.
const PHONE_MAP_SIZE: (f64, f64) = (360.0, 330.0);
/// How much of the basemap around those views a prerendered map draws, on each side, as
/// a share of their width and height: the cut outlines' strokes end out of sight.
const SKETCH_MARGIN: f64 = 0.1;
/// Closest zoom when fitting places (px per km): a lone city still shows its region.
const FIT_MAX_SCALE: f64 = 1.2;
const FIT_PADDING_PX: f64 = 60.0;
/// How long the map takes to glide to a view it was asked to show.
pub const GLIDE_MS: f64 = 450.0;
/// How long the shown events stay the same before the map follows them: a typing pause.
const SETTLE_MS: u64 = 250;
/// How long a change of projection takes to fade the new outlines in (the stylesheet's).
const HAND_OVER_MS: u64 = 400;
/// The boxes of the zoom buttons (top right) and the pan buttons (bottom right) over
/// the map, as the stylesheet places them: labels keep out of them.
const ZOOM_CONTROLS_PX: (f64, f64) = (44.0, 124.0);
const PAN_CONTROLS_PX: (f64, f64) = (114.0, 114.0);

/// The projection the map is drawn in, with what the home view fits and how far one may
/// pan and zoom out: the feed's own (`MapState::home`), or a region's conic while a search
/// or a filter shows only that region of a feed that spans continents.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    projection: Projection,
    /// The places the view fits when no other is asked for.
    places: Bounds,
    /// The area one may pan over and zoom out to (with `places`).
    region: Bounds,
}

impl Frame {
    /// The feed's own: `every_place` with an event, whatever the filters, and the basemap's region.
    fn home(every_place: &[(&Place, Vec<Span>)]) -> Frame {
        let projection = query::projection_of(every_place);
        let region = region_bounds(&projection);
        let every_place = every_place.iter().map(|(place, _)| projection.project(place.lon, place.lat));
        Frame { projection, places: Bounds::around(every_place).unwrap_or(region), region }
    }

    /// `projection`'s, around `shown` (`(lon, lat)`, not empty).
    fn around(projection: Projection, shown: &[(f64, f64)]) -> Frame {
        let points = shown.iter().map(|&(lon, lat)| projection.project(lon, lat));
        let places = Bounds::around(points).unwrap_or_else(|| region_bounds(&projection));
        Frame { projection, places, region: projection.reach(shown).unwrap_or(places) }
    }
}

#[derive(Clone, Copy)]
pub struct MapState {
    pub atlas: AtlasCtx,
    /// What the feed's events are called ("meetups", "conferences", "events").
    pub things: Things,
    /// The feed's own frame, and the one the map is drawn in now.
    home: Frame,
    frame: RwSignal<Frame>,
    pub projection: Memo<Projection>,
    /// Set for a moment while the map changes projection: the new outlines fade in.
    pub handing_over: RwSignal<bool>,
    pub surface: NodeRef<html::Div>,
    size: RwSignal<(f64, f64)>,
    centre: RwSignal<Option<MapCentre>>,
    /// The view on its way to a new one (`glide_to`), drawn instead of the settled one.
    gliding: RwSignal<Option<View>>,
    /// Which glide is current: a newer one, or any other change of view, ends an older.
    glide_id: StoredValue<u32>,
    /// Which wait to follow what is shown is current (`follow_shown`): a newer change of
    /// what is shown, or the reader moving the map or opening an event meanwhile, cancels an older.
    follow_id: StoredValue<u32>,
    /// While a glide lasts, the scale the markers group at: the farther out of its two
    /// ends, the one with fewer markers. They are drawn again at most once as it starts
    /// (gliding out) and once as it ends (gliding in), rather than at each of its frames'
    /// scales: at 1,000 places, a glide into a group drew some 600 markers, and 23 frames
    /// in the 700 ms after the press where the browser draws 43 (decisions.md).
    grouping_scale: RwSignal<Option<f64>>,
    pub view: Memo<View>,
    pub scale: Memo<f64>,
    /// The markers on screen: a zoomed-in map of a thousand places stays light.
    pub on_screen: Memo<Vec<Marker>>,
    /// The selected place, found once per selection rather than once per marker.
    pub selected_place: Memo<Option<String>>,
    pub hovered: RwSignal<Option<Vec<String>>>,
    /// Set for a moment when a plain wheel scrolls past the map: say how to zoom.
    pub hint: RwSignal<bool>,
    /// Which labels are drawn, and where: none overlaps another, a marker or the edge.
    pub labels: Memo<Labels>,
    /// The farthest zoom: the whole basemap region (or every place, if wider) in view.
    pub min_scale: Memo<f64>,
    /// `None` while loading; `Err` when it could not be loaded (the markers stay).
    pub basemap: Signal<Layer>,
    /// The low-detail world under it, with the countries' names, fetched only for a feed
    /// with places beyond it.
    pub countries: Signal<Option<Arc<Basemap>>>,
    /// The world's finer outlines, fetched once the map is first zoomed in past a continent.
    world_detail: Option<Memo<Layer>>,
    /// Whether the map is zoomed in far enough for the finer outlines.
    detailed: Memo<bool>,
    /// The part of the basemap drawn while the map shows no more than it, and how finely
    /// (`sketch_while_in_view`); `None` once the whole basemap is drawn.
    pub sketch: Memo<Option<(Bounds, i64)>>,
}

impl MapState {
    /// `basemap` is the basemap if already in hand; otherwise it is fetched from `basemap_url`.
    pub fn new(basemap_url: String, centre: RwSignal<Option<MapCentre>>, basemap: Option<Arc<Basemap>>) -> MapState {
        let atlas = use_atlas();
        let loaded = atlas.loaded();
        let every_place = query::places_with_events(&loaded.feed, |_| true);
        let home = Frame::home(&every_place);
        // Places group by their events in the whole feed, not the shown ones: a search or a
        // filter then changes a marker's count, not which places it holds or where it stands,
        // so markers stay put (and keep their elements) while one types.
        let in_feed = every_place.iter().map(|(place, spans)| (place.id.clone(), spans.len())).collect();
        let frame = RwSignal::new(home);
        let projection = Memo::new(move |_| frame.with(|f| f.projection));
        let laid_out = LaidOut::here().map;
        let size = RwSignal::new(laid_out.unwrap_or(PRERENDERED_SIZE));
        // Set with the first real size (at once, drawn over a page that had one): before
        // it, the map is the prerendered one.
        let sized = RwSignal::new(laid_out.is_some());
        let min_scale = Memo::new(move |_| {
            let ((width, height), f) = (size.get(), frame.get());
            let region = View::fit(f.region, width, height, 0.0, MAX_SCALE).scale;
            let home = fit_clear_of_controls(f.places, width, height).scale;
            region.min(home).max(MIN_SCALE)
        });
        let gliding = RwSignal::new(None);
        let view = Memo::new(move |_| {
            if let Some(on_the_way) = gliding.get() {
                return on_the_way;
            }
            let (width, height) = size.get();
            match centre.get() {
                Some(c) => View {
                    centre: projection.get().project(c.lon, c.lat),
                    scale: c.scale.clamp(min_scale.get(), MAX_SCALE),
                    width,
                    height,
                },
                None => fit_clear_of_controls(frame.with(|f| f.places), width, height),
            }
        });
        let scale = Memo::new(move |_| view.get().scale);
        let grouping_scale = RwSignal::new(None::<f64>);
        let grouping = Memo::new(move |_| grouping_scale.get().unwrap_or_else(|| scale.get()));
        let selected_place = {
            let (loaded, selection) = (loaded.clone(), atlas.selection);
            Memo::new(move |_| selection.with(|s| query::selected_place(&loaded.feed, s.as_ref()).map(str::to_owned)))
        };
        // A map drawn afresh in the browser places its markers once it has its size:
        // placed at the prerender's size first, then at its own, a map of a thousand
        // places clustered and drew them twice (#23). The prerender, and a take-over of
        // its page, place them at the prerendered size, which the page shows.
        let placed = if cfg!(target_arch = "wasm32") && !taking_over() { sized.into() } else { Signal::stored(true) };
        let on_screen = markers_on_screen(atlas, in_feed, projection, view, grouping, placed);
        let always = Signal::stored(true);
        let far = loaded.feed.places.iter().any(|p| basemap::beyond_region(p.lon, p.lat));
        let world = far.then(|| layer(basemap::world_url(&basemap_url, false), always, projection));
        let detailed = Memo::new(move |_| scale.get() >= basemap::WORLD_DETAIL_SCALE);
        // Fetched the first time the map is zoomed in that far, then kept.
        let zoomed_in = Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || detailed.get());
        let world_detail = far.then(|| layer(basemap::world_url(&basemap_url, true), zoomed_in.into(), projection));
        let countries = Signal::derive(move || world.and_then(|w| w.get()).and_then(Result::ok));
        let sketch = sketch_while_in_view(basemap.is_some().then_some(home.places), view, sized);
        let basemap = match basemap {
            // Drawn by the build in the feed's projection; fetched again for another.
            Some(built) => {
                let other = Memo::new(move |_| projection.get() != home.projection);
                let redrawn = layer(basemap_url, other.into(), projection);
                Signal::derive(move || if other.get() { redrawn.get() } else { Some(Ok(built.clone())) })
            }
            None => layer(basemap_url, always, projection).into(),
        };
        let map = MapState {
            atlas,
            // The map's markers hold the events that have a place.
            things: Things::of(loaded.feed.events.iter().filter(|e| e.place.is_some()).map(|e| e.kind)),
            home,
            frame,
            projection,
            handing_over: RwSignal::new(false),
            surface: NodeRef::new(),
            size,
            centre,
            gliding,
            glide_id: StoredValue::new(0),
            follow_id: StoredValue::new(0),
            grouping_scale,
            view,
            scale,
            on_screen,
            labels: labels(
                atlas.lang,
                view,
                on_screen,
                [basemap_regions(basemap), countries],
                Memo::new(move |_| region_bounds(&projection.get())),
            ),
            min_scale,
            selected_place,
            hovered: RwSignal::new(None),
            hint: RwSignal::new(false),
            basemap,
            countries,
            world_detail,
            detailed,
            sketch,
        };
        map.follow_selection();
        map.follow_shown();
        let surface = map.surface;
        observe_size_in_turn(surface, move |w, h| {
            _ = size.try_set((w, h));
            _ = sized.try_set(true);
        });
        map
    }

    /// The view that fits every place at the current size, in the feed's own projection.
    fn home_view(self) -> Option<View> {
        let (width, height) = self.size.get_untracked();
        (self.frame.get_untracked() == self.home).then(|| fit_clear_of_controls(self.home.places, width, height))
    }

    /// Shows `next`, within the zoom limits and with its centre over the places or the
    /// basemap (no panning off into empty ocean): the link carries it, unless it is the
    /// home view. Ends any glide.
    pub fn set_view(self, next: View) {
        self.end_glide();
        let next = self.bounded(next);
        let wanted = (Some(next) != self.home_view()).then(|| {
            let (lon, lat) = self.projection.get_untracked().unproject(next.centre);
            MapCentre { lon, lat, scale: next.scale }
        });
        if self.centre.get_untracked() != wanted {
            self.centre.set(wanted);
        }
    }

    /// Stops a glide where it is (and the change of projection it was leading to):
    /// whatever changes the view next takes over.
    fn end_glide(self) {
        self.glide_id.update_value(|id| *id = id.wrapping_add(1));
        if self.gliding.get_untracked().is_some() {
            self.gliding.set(None);
        }
        if self.grouping_scale.get_untracked().is_some() {
            self.grouping_scale.set(None);
        }
    }

    /// The world's outlines to draw at this zoom: the finer ones once loaded.
    pub fn world_layer(self) -> Option<Arc<Basemap>> {
        let finer = self.detailed.get().then(|| self.world_detail.and_then(|w| w.get())).flatten().and_then(Result::ok);
        finer.or_else(|| self.countries.get())
    }

    /// `next` within the zoom limits, its centre within the places and the basemap region.
    fn bounded(self, next: View) -> View {
        let scale = next.scale.clamp(self.min_scale.get_untracked(), MAX_SCALE);
        let Frame { places, region, .. } = self.frame.get_untracked();
        let (min, max) = (places.min, places.max);
        let (left, right) = (min.x.min(region.min.x), max.x.max(region.max.x));
        let (top, bottom) = (min.y.min(region.min.y), max.y.max(region.max.y));
        let centre = Point { x: next.centre.x.clamp(left, right), y: next.centre.y.clamp(top, bottom) };
        View { scale, centre, ..next }
    }

    /// Moves to `next` in a short glide, so that the eye follows where the map went; at
    /// once for a reader who prefers reduced motion. Any other change of view ends it.
    pub fn glide_to(self, next: View) {
        self.glide_then(next, None);
    }

    /// Glides to `next`, then hands the map over to `frame`, if given (`hand_over`).
    fn glide_then(self, next: View, frame: Option<Frame>) {
        let from = self.view.get_untracked();
        let to = self.bounded(next);
        if from == to || browser::prefers_reduced_motion() {
            self.set_view(to);
            return frame.into_iter().for_each(|f| self.hand_over(f));
        }
        let id = self.glide_id.get_value().wrapping_add(1);
        self.glide_id.set_value(id);
        self.grouping_scale.set(Some(from.scale.min(to.scale)));
        // Timed from now, as `refocus_after` is: a group's places have their markers when it
        // gives one of them focus.
        self.glide_step(id, (from, to), browser::now_ms(), frame);
    }

    fn glide_step(self, id: u32, (from, to): (View, View), start: f64, frame: Option<Frame>) {
        request_animation_frame(move || {
            if self.glide_id.get_value() != id {
                return;
            }
            let t = ((browser::now_ms() - start) / GLIDE_MS).clamp(0.0, 1.0);
            if t >= 1.0 {
                self.set_view(to);
                return frame.into_iter().for_each(|f| self.hand_over(f));
            }
            self.gliding.set(Some(from.towards(&to, ease(t))));
            self.glide_step(id, (from, to), start, frame);
        });
    }

    /// Draws the map in `frame`'s projection from now on, showing the same ground (only
    /// the far edges change shape, as the new outlines fade in), then fits its places.
    fn hand_over(self, frame: Frame) {
        let from = self.frame.get_untracked();
        if from == frame {
            return;
        }
        let same_ground = frame.projection.same_ground(&from.projection, &self.view.get_untracked());
        self.frame.set(frame);
        self.set_view(same_ground);
        self.fade_in();
        let v = self.view.get_untracked();
        self.glide_to(fit_clear_of_controls(frame.places, v.width, v.height));
    }

    /// Marks the map as changing projection for as long as its outlines take to fade in.
    fn fade_in(self) {
        let handing_over = self.handing_over;
        handing_over.set(true);
        set_timeout(move || handing_over.set(false), std::time::Duration::from_millis(HAND_OVER_MS));
    }

    /// Changes the view by `change`, as a button, a key or a gesture does.
    pub fn update_view(self, change: impl FnOnce(View) -> View) {
        self.keep_readers_view();
        self.set_view(change(self.view.get_untracked()));
    }

    /// The reader moved the map or opened an event: a search's wait to follow what it shows
    /// (`follow_shown`) no longer moves it, or a zoom right after clearing a search, or an
    /// event opened from its results at once, would be undone.
    fn keep_readers_view(self) {
        self.follow_id.update_value(|id| *id = id.wrapping_add(1));
    }

    /// Whether zooming in (`true`) or out can go any further.
    pub fn can_zoom(self, closer: bool) -> bool {
        let scale = self.scale.get();
        if closer {
            scale < MAX_SCALE * 0.999
        } else {
            scale > self.min_scale.get() * 1.001
        }
    }

    /// A selected event (from the timeline or the list) has its place centred, at
    /// the same zoom; a selected place (a press on its marker) is brought into view only if
    /// it is off the map, so the map does not move under the pointer.
    fn follow_selection(self) {
        let loaded = self.atlas.loaded();
        let selection = self.atlas.selection;
        Effect::new(move |before: Option<()>| {
            let Some(id) = self.selected_place.get() else { return };
            let Some(place) = loaded.feed.place(&id) else { return };
            // Not when the atlas opens: a link's own view stays.
            let event = before.is_some() && selection.with_untracked(|s| matches!(s, Some(Selection::Event(_))));
            let at = self.projection.get_untracked().project(place.lon, place.lat);
            let v = self.view.get_untracked();
            if event || !v.has_on_screen(at, CLUSTER_RADIUS_PX) {
                // The reader's choice: a search's pending fit would take the map off it.
                self.keep_readers_view();
                self.glide_to(View { centre: at, ..v });
            }
        });
    }

    /// When search or the filters change what is shown and some of it is off the map, the
    /// map fits what is shown, as a search on any map does: once the typing pauses (each
    /// keystroke's results would send the map back and forth), not if the reader moves the
    /// map or opens an event meanwhile, and not when the atlas opens (a link's own view stays).
    fn follow_shown(self) {
        let shown = self.atlas.shown;
        let latest = self.follow_id;
        Effect::new(move |before: Option<()>| {
            shown.track();
            if before.is_none() {
                return;
            }
            let id = latest.get_value().wrapping_add(1);
            latest.set_value(id);
            let settled = move || {
                if latest.get_value() == id {
                    self.fit_shown_if_off_screen();
                }
            };
            set_timeout(settled, std::time::Duration::from_millis(SETTLE_MS));
        });
    }

    /// Nothing moves while what is shown is all on the map. Otherwise the map fits it, in
    /// the projection that suits it (`basemap::projection_for_shown`): back to the feed's
    /// world map at once, then a glide out; to a region's conic by a glide over the world
    /// map to it first, then the hand-over, where it changes least.
    fn fit_shown_if_off_screen(self) {
        let loaded = self.atlas.loaded();
        let shown: Vec<(f64, f64)> = self.atlas.shown.with_untracked(|shown| {
            query::places_with_events(&loaded.feed, |i| shown.contains(i)).iter().map(|(p, _)| (p.lon, p.lat)).collect()
        });
        let current = self.frame.get_untracked();
        let v = self.view.get_untracked();
        let project = |p: &Projection| -> Vec<Point> { shown.iter().map(|&(lon, lat)| p.project(lon, lat)).collect() };
        if shown.is_empty() || project(&current.projection).iter().all(|&p| v.has_on_screen(p, CLUSTER_RADIUS_PX)) {
            return;
        }
        let target = basemap::projection_for_shown(self.home.projection, &shown);
        let frame = if target == self.home.projection { self.home } else { Frame::around(target, &shown) };
        if current != self.home && frame != current {
            self.hand_over(self.home);
        }
        let over = self.frame.get_untracked();
        let Some(bounds) = Bounds::around(project(&over.projection)) else { return };
        let fit = fit_clear_of_controls(bounds, v.width, v.height);
        self.glide_then(fit, (frame != over).then_some(frame));
    }

    /// Back to the view that fits every place, in the feed's own projection.
    pub fn reset(self) {
        self.keep_readers_view();
        self.end_glide();
        if self.frame.get_untracked() != self.home {
            self.frame.set(self.home);
            self.fade_in();
        }
        self.centre.set(None);
    }

    /// Zooms until `points` come apart.
    pub fn zoom_to(self, points: &[Point]) {
        self.keep_readers_view();
        if let Some(b) = Bounds::around(points.iter().copied()) {
            let v = self.view.get_untracked();
            let fitted = View::fit(b, v.width, v.height, FIT_PADDING_PX * 2.0, MAX_SCALE);
            self.glide_to(View { scale: fitted.scale.max(v.scale * 2.0), ..fitted });
        }
    }
}

/// The shown places, clustered at `grouping`'s scale (the view's, or a glide's
/// `grouping_scale`), and those of them on screen; `in_feed` is each place's events in the
/// whole feed, which orders the grouping.
fn markers_on_screen(
    atlas: AtlasCtx,
    in_feed: HashMap<String, usize>,
    projection: Memo<Projection>,
    view: Memo<View>,
    grouping: Memo<f64>,
    placed: Signal<bool>,
) -> Memo<Vec<Marker>> {
    let loaded = atlas.loaded();
    let (shown, today) = (atlas.shown, atlas.today);
    let places = Memo::new(move |_| {
        let projection = projection.get();
        // A frame after the list (`AtlasCtx::painted`).
        atlas.painted.track();
        shown.with_untracked(|shown| {
            query::places_with_events(&loaded.feed, |i| shown.contains(i))
                .into_iter()
                .map(|(place, spans)| MapPlace {
                    id: place.id.clone(),
                    name: place.name.clone(),
                    at: projection.project(place.lon, place.lat),
                    events: spans.len(),
                    in_feed: in_feed.get(&place.id).copied().unwrap_or(0),
                    uncertain: spans.iter().all(|s| s.uncertain),
                    timing: query::common_timing(spans, today.get()),
                })
                .collect::<Vec<_>>()
        })
    });
    let clusters = Memo::new(move |_| {
        if !placed.get() {
            return Vec::new();
        }
        places.with(|places| {
            let points: Vec<Point> = places.iter().map(|p| p.at).collect();
            let weights: Vec<usize> = places.iter().map(|p| p.in_feed).collect();
            cluster(&points, &weights, grouping.get(), CLUSTER_RADIUS_PX)
                .iter()
                .map(|c| Marker::of(c, places))
                .collect::<Vec<_>>()
        })
    });
    Memo::new(move |_| {
        let v = view.get();
        clusters.with(|all| {
            all.iter().filter(|m| v.has_on_screen(m.at, -CLUSTER_RADIUS_PX * 2.0)).cloned().collect::<Vec<_>>()
        })
    })
}

/// The labels drawn: each marker's side by its first place's id, and whether each
/// region (by its index in the basemap) shows its name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Labels {
    pub cities: HashMap<String, Placed>,
    pub regions: Vec<bool>,
    /// The same for the world layer's countries.
    pub countries: Vec<bool>,
}

/// A layer of outlines: `None` while loading, `Err` when it could not be loaded.
pub type Layer = Option<Result<Arc<Basemap>, ()>>;

/// A layer of outlines from `url`, fetched once `wanted`, drawn in the map's projection
/// (again when it changes: the text is kept). `None` until fetched; `Err` if it failed.
fn layer(url: String, wanted: Signal<bool>, projection: Memo<Projection>) -> Memo<Layer> {
    let text = LocalResource::new(move || {
        let (url, wanted) = (url.clone(), wanted.get());
        async move {
            if !wanted {
                return None;
            }
            Some(fetch_text(&url).await.map(Arc::<str>::from).map_err(drop))
        }
    });
    Memo::new(move |_| {
        let text = text.get().flatten()?;
        Some(text.and_then(|t| basemap::parse(&t, &projection.get()).map(Arc::new).map_err(drop)))
    })
}

/// The loaded basemap, if it could be.
fn basemap_regions(basemap: Signal<Layer>) -> Signal<Option<Arc<Basemap>>> {
    Signal::derive(move || basemap.get().and_then(Result::ok))
}

/// City labels first, most events first; then the names of the basemap's regions (when it
/// fills much of the map) or else of the world's countries, where room is left.
fn labels(
    lang: ReadSignal<crate::core::Lang>,
    view: Memo<View>,
    on_screen: Memo<Vec<Marker>>,
    [basemap, world]: [Signal<Option<Arc<Basemap>>>; 2],
    region: Memo<Bounds>,
) -> Memo<Labels> {
    Memo::new(move |_| {
        let (lang, v, region) = (lang.get(), view.get(), region.get());
        // The basemap's provinces and states are named when it fills much of the map,
        // not as a speck of a world map; elsewhere the world's countries are.
        let (c, r) = (v.centre, region);
        let over_region = (r.min.x..=r.max.x).contains(&c.x) && (r.min.y..=r.max.y).contains(&c.y);
        let regional = over_region && v.width / v.scale < (r.max.x - r.min.x) * 2.0;
        on_screen.with(|markers| {
            let mut order: Vec<&Marker> = markers.iter().collect();
            crate::core::order::sort(&mut order, &|a, b| b.events.cmp(&a.events).then_with(|| a.ids.cmp(&b.ids)));
            let anchors: Vec<(f64, f64, f64)> = order
                .iter()
                .map(|m| {
                    let (x, y) = v.to_screen(m.at);
                    (x, y, if m.single().is_some() { MARKER_RADIUS_PX } else { GROUP_RADIUS_PX })
                })
                .collect();
            let mut obstacles: Vec<Rect> = anchors.iter().map(|&(x, y, r)| Rect::around(x, y, r)).collect();
            let (zw, zh) = ZOOM_CONTROLS_PX;
            let (pw, ph) = PAN_CONTROLS_PX;
            obstacles.push(Rect { x: v.width - zw, y: 0.0, width: zw, height: zh });
            obstacles.push(Rect { x: v.width - pw, y: v.height - ph, width: pw, height: ph });
            let texts: Vec<String> = order.iter().map(|m| m.short_label(lang)).collect();
            let mut wanted: Vec<Wanted> = anchors
                .iter()
                .zip(&texts)
                .map(|(&(x, y, r), text)| Wanted {
                    x,
                    y,
                    width: text_width(text, CITY_PX_PER_CHAR, CITY_PADDING_PX),
                    short_width: shorten(text).map(|s| text_width(&s, CITY_PX_PER_CHAR, CITY_PADDING_PX)),
                    height: CITY_LABEL_HEIGHT_PX,
                    offset: r + LABEL_GAP_PX,
                    sides: &Side::AROUND,
                })
                .collect();
            // The basemap's regions, or the world's countries: (index, name, where).
            let named = if regional { basemap.get() } else { world.get() };
            // Countries are named biggest first, and only where the name fits in them.
            let fits = |r: &crate::core::basemap::Region| {
                regional || text_width(r.name.get(lang), REGION_PX_PER_CHAR, 4.0) <= r.room * v.scale
            };
            let mut regions: Vec<(usize, String, Point, f64)> = named
                .as_ref()
                .map(|b| {
                    b.regions
                        .iter()
                        .enumerate()
                        .filter(|(_, r)| fits(r))
                        .filter_map(|(i, r)| r.label.map(|at| (i, r.name.get(lang).to_owned(), at, r.room)))
                        .collect()
                })
                .unwrap_or_default();
            if !regional {
                crate::core::order::sort(&mut regions, &|a, b| b.3.total_cmp(&a.3));
            }
            let region_count = named.map_or(0, |b| b.regions.len());
            wanted.extend(regions.iter().map(|(_, name, at, _)| {
                let (x, y) = v.to_screen(*at);
                Wanted {
                    x,
                    y,
                    width: text_width(name, REGION_PX_PER_CHAR, 4.0),
                    short_width: None,
                    height: REGION_LABEL_HEIGHT_PX,
                    offset: 0.0,
                    sides: &[Side::Centre],
                }
            }));
            let sides = place(&wanted, &obstacles, v.width, v.height);
            let cities = order.iter().zip(&sides).filter_map(|(m, s)| s.map(|s| (m.ids[0].clone(), s))).collect();
            let mut shown = vec![false; region_count];
            for ((i, _, _, _), side) in regions.iter().zip(&sides[order.len()..]) {
                shown[*i] = side.is_some();
            }
            if regional {
                Labels { cities, regions: shown, countries: Vec::new() }
            } else {
                Labels { cities, regions: Vec::new(), countries: shown }
            }
        })
    })
}

/// What a prerendered map draws of its basemap (`Basemap::sketch`): the part around the
/// views that fit `places` on a wide screen (the prerender's) and on a phone, its points
/// rounded to about half a pixel of the wide one. The page's HTML is what the first paint
/// waits for, and the whole basemap's outlines were most of it. The live map keeps that
/// drawing while it shows no more than it: writing the whole basemap into the page would
/// cost the take-over its parsing. The first time it shows more, a pan or a zoom out, or
/// a first real size the sketch does not cover, the whole basemap is drawn, for good.
/// `places` is `None` when the basemap is not the build's (a page not prerendered).
fn sketch_while_in_view(
    places: Option<Bounds>,
    view: Memo<View>,
    sized: RwSignal<bool>,
) -> Memo<Option<(Bounds, i64)>> {
    let sketch = places.and_then(|places| {
        let [wide, phone] =
            [PRERENDERED_SIZE, PHONE_MAP_SIZE].map(|(width, height)| fit_clear_of_controls(places, width, height));
        let [a, b] = [wide, phone].map(|v| v.drawn_area(SKETCH_MARGIN));
        let step = (0.5 / wide.scale) as i64;
        Bounds::around([a.min, a.max, b.min, b.max]).map(|window| (window, step))
    });
    Memo::new(move |before: Option<&Option<(Bounds, i64)>>| {
        let sketch = sketch.filter(|_| before.is_none_or(Option::is_some))?;
        let shown = view.with(|v| v.drawn_area(0.0));
        (!sized.get() || sketch.0.holds(&shown)).then_some(sketch)
    })
}

/// The view that shows `bounds` whole with no marker under a control: either the whole
/// column of controls on the right is kept free, or the zoom buttons' narrow column and a
/// band at the bottom as tall as the pan buttons; whichever shows the places larger (a wide
/// map takes the first, a phone's the second). A margin elsewhere, narrower on a phone.
fn fit_clear_of_controls(bounds: Bounds, width: f64, height: f64) -> View {
    let margin = if width < 600.0 { FIT_PADDING_PX / 2.0 } else { FIT_PADDING_PX };
    let beside = |controls: f64| (controls + GROUP_RADIUS_PX + 4.0).max(margin);
    let column =
        Insets { top: margin, right: beside(PAN_CONTROLS_PX.0.max(ZOOM_CONTROLS_PX.0)), bottom: margin, left: margin };
    let band =
        Insets { top: margin, right: beside(ZOOM_CONTROLS_PX.0), bottom: beside(PAN_CONTROLS_PX.1), left: margin };
    let (a, b) = (
        View::fit_in(bounds, width, height, column, FIT_MAX_SCALE),
        View::fit_in(bounds, width, height, band, FIT_MAX_SCALE),
    );
    if b.scale > a.scale {
        b
    } else {
        a
    }
}

/// Slow in, slow out: `t` and the share of the way gone, both in 0..=1.
fn ease(t: f64) -> f64 {
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

/// The whole region the basemap covers, for a feed without places.
fn region_bounds(projection: &Projection) -> Bounds {
    let (west, south, east, north) = basemap::REGION;
    let middle = (west + east) / 2.0;
    let corners = [(west, south), (east, south), (west, north), (east, north), (middle, south), (middle, north)];
    Bounds::around(corners.iter().map(|&(lon, lat)| projection.project(lon, lat)))
        .unwrap_or(Bounds { min: Point::default(), max: Point { x: 1.0, y: 1.0 } })
}

impl MapState {
    /// What pressing `marker` does.
    pub fn select(self, marker: &Marker) {
        if let Some(id) = marker.single() {
            let pick = Selection::Place(id.to_owned());
            self.atlas.selection.update(|s| *s = if s.as_ref() == Some(&pick) { None } else { Some(pick) });
        } else if apart_when_zoomed(&marker.points) {
            self.zoom_to(&marker.points);
        } else {
            // Places on one spot never come apart: their events are listed instead, as a
            // filter by these places that a chip undoes.
            self.atlas.filters.update(|f| {
                f.chosen.extend(marker.ids.iter().map(|id| (Facet::Place, id.clone())));
            });
        }
    }
}

/// Whether the closest zoom draws these places as markers of their own.
fn apart_when_zoomed(points: &[Point]) -> bool {
    Bounds::around(points.iter().copied())
        .is_some_and(|b| (b.max.x - b.min.x).hypot(b.max.y - b.min.y) * MAX_SCALE >= CLUSTER_RADIUS_PX)
}
