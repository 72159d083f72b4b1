//! The map: an offline basemap in SVG, one marker button per place (clustered when
//! they would overlap), zoom and pan by wheel, drag, pinch, keys and buttons.

use std::sync::Arc;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::basemap::{self, Basemap};
use crate::core::explore::Shown;
use crate::core::feed::Text;
use crate::core::gesture::{Gesture, Pointers};
use crate::core::i18n::{self, Lang, Msg};
use crate::core::map::{cluster, Bounds, Cluster, Lambert, Point, View, MAX_SCALE, MIN_SCALE, ZOOM_STEP};
use crate::core::query::{self, Selection, Timing};
use crate::core::url_state::MapCentre;

use super::browser::observe_size;
use super::context::{use_atlas, AtlasCtx};
use super::controls::{icon_button, on_button, wheel_zoom};
use super::fetch::fetch_text;

/// Markers closer than this on screen merge into one.
const CLUSTER_RADIUS_PX: f64 = 36.0;
/// Closest zoom when fitting places (px per km): a lone city still shows its region.
const FIT_MAX_SCALE: f64 = 1.2;
const FIT_PADDING_PX: f64 = 48.0;
const PAN_STEP_PX: f64 = 80.0;

/// A place with events, as the map needs it.
#[derive(Clone, PartialEq)]
struct MapPlace {
    id: String,
    name: Text,
    at: Point,
    events: usize,
    timing: Option<Timing>,
}

/// One marker as drawn: a place, or a group of places that would overlap.
#[derive(Clone, PartialEq)]
struct Marker {
    /// The member places' ids: the marker's identity across zooms and filters.
    ids: Vec<String>,
    /// The first few members' names, for its label.
    names: Vec<Text>,
    points: Vec<Point>,
    at: Point,
    events: usize,
    timing: Option<Timing>,
}

impl Marker {
    fn of(cluster: &Cluster, places: &[MapPlace]) -> Marker {
        let members: Vec<&MapPlace> = cluster.members.iter().map(|&i| &places[i]).collect();
        let first_timing = members[0].timing;
        Marker {
            ids: members.iter().map(|p| p.id.clone()).collect(),
            names: members.iter().take(4).map(|p| p.name.clone()).collect(),
            points: members.iter().map(|p| p.at).collect(),
            at: cluster.at,
            events: cluster.weight,
            timing: members.iter().all(|p| p.timing == first_timing).then_some(first_timing).flatten(),
        }
    }

    fn single(&self) -> Option<&str> {
        match self.ids.as_slice() {
            [only] => Some(only),
            _ => None,
        }
    }
}

#[component]
pub fn Map(
    basemap_url: String,
    /// The view as a link carries it; `None` is the view that fits every place.
    centre: RwSignal<Option<MapCentre>>,
) -> impl IntoView {
    let atlas = use_atlas();
    let loaded = atlas.loaded();
    let AtlasCtx { lang, selection, today, shown, .. } = atlas;
    let projection = Lambert::eastern_canada();
    let map_places = {
        let loaded = loaded.clone();
        move |shown: &Shown| -> Vec<MapPlace> {
            query::places_with_events(&loaded.feed, |i| shown.contains(i))
                .into_iter()
                .map(|(place, spans)| MapPlace {
                    id: place.id.clone(),
                    name: place.name.clone(),
                    at: projection.project(place.lon, place.lat),
                    events: spans.len(),
                    timing: query::common_timing(spans, today),
                })
                .collect()
        }
    };
    // The view fits every place of the feed on load, whatever the filters.
    let every_place = query::places_with_events(&loaded.feed, |_| true)
        .into_iter()
        .map(|(place, _)| projection.project(place.lon, place.lat));
    let bounds = Bounds::around(every_place).unwrap_or_else(|| region_bounds(&projection));
    let places = Memo::new(move |_| shown.with(|shown| map_places(shown)));

    let surface = NodeRef::<html::Div>::new();
    let home = move |width: f64, height: f64| View::fit(bounds, width, height, FIT_PADDING_PX, FIT_MAX_SCALE);
    let view = RwSignal::new(home(800.0, 420.0));
    let scale = Memo::new(move |_| view.get().scale);
    // Fit once the surface has a size; afterwards keep the view's centre as it resizes.
    let fitted = StoredValue::new(false);
    // A view from a link, as plane coordinates.
    let from_centre = move |c: MapCentre, width: f64, height: f64| View {
        center: projection.project(c.lon, c.lat),
        scale: c.scale.clamp(MIN_SCALE, MAX_SCALE),
        width,
        height,
    };
    Effect::new(move |_| {
        if let Some(el) = surface.get() {
            observe_size(&el, move |w, h| {
                if fitted.get_value() {
                    view.update(|v| *v = v.resized(w, h));
                } else {
                    fitted.set_value(true);
                    view.set(match centre.get_untracked() {
                        Some(c) => from_centre(c, w, h),
                        None => home(w, h),
                    });
                }
            });
        }
    });
    // The view goes into the link once it is not the fitted one…
    Effect::new(move |_| {
        let v = view.get();
        if !fitted.get_value() {
            return;
        }
        let next = (v != home(v.width, v.height)).then(|| {
            let (lon, lat) = projection.unproject(v.center);
            MapCentre { lon, lat, scale: v.scale }
        });
        if centre.get_untracked() != next {
            centre.set(next);
        }
    });
    // …and comes back from it when the visitor walks the history.
    Effect::new(move |_| {
        let wanted = centre.get();
        let v = view.get_untracked();
        if !fitted.get_value() {
            return;
        }
        let target = match wanted {
            Some(c) => from_centre(c, v.width, v.height),
            None => home(v.width, v.height),
        };
        let close = (target.center.x - v.center.x).abs() < 1e-3
            && (target.center.y - v.center.y).abs() < 1e-3
            && (target.scale - v.scale).abs() < 1e-9;
        if !close {
            view.set(target);
        }
    });

    let basemap = RwSignal::new(None::<Result<Arc<Basemap>, ()>>);
    spawn_local(async move {
        let result =
            fetch_text(&basemap_url).await.ok().and_then(|text| basemap::parse(&text, &projection).ok()).ok_or(());
        basemap.set(Some(result.map(Arc::new)));
    });

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

    // Only markers on screen are drawn: a zoomed-in map of a thousand places stays light.
    let on_screen = Memo::new(move |_| {
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
    });

    let hint = RwSignal::new(false);
    let hovered = RwSignal::new(None::<Vec<String>>);
    let pointers = StoredValue::new(Pointers::default());

    let local = move |x: i32, y: i32| -> (f64, f64) {
        match surface.get_untracked() {
            Some(el) => {
                let rect = el.get_bounding_client_rect();
                (f64::from(x) - rect.left(), f64::from(y) - rect.top())
            }
            None => (f64::from(x), f64::from(y)),
        }
    };
    let pointer_down = move |e: ev::PointerEvent| {
        if on_button(&e) || e.button() != 0 {
            return;
        }
        if let Some(el) = surface.get_untracked() {
            let _ = el.set_pointer_capture(e.pointer_id());
        }
        let (x, y) = local(e.client_x(), e.client_y());
        pointers.update_value(|ps| ps.down(e.pointer_id(), x, y));
    };
    let pointer_move = move |e: ev::PointerEvent| {
        let (x, y) = local(e.client_x(), e.client_y());
        let mut gesture = Gesture::None;
        pointers.update_value(|ps| gesture = ps.moved(e.pointer_id(), x, y));
        match gesture {
            Gesture::Pan { dx, dy } => view.update(|v| *v = v.pan(dx, dy)),
            Gesture::Pinch { dx, dy, factor, x, y } => view.update(|v| *v = v.pan(dx, dy).zoom_at(factor, x, y)),
            Gesture::None => {}
        }
    };
    let pointer_up = move |e: ev::PointerEvent| {
        pointers.update_value(|ps| ps.up(e.pointer_id()));
    };
    let wheel = move |e: ev::WheelEvent| {
        // `:focus-within` rather than `document.activeElement`, which is the host inside a shadow root.
        let focused = surface.get_untracked().is_some_and(|el| el.matches(":focus-within").unwrap_or(false));
        if !(e.ctrl_key() || e.meta_key() || focused) {
            // Leave the page scrolling; say how to zoom instead.
            hint.set(true);
            set_timeout(move || hint.set(false), std::time::Duration::from_millis(1800));
            return;
        }
        e.prevent_default();
        let (x, y) = local(e.client_x(), e.client_y());
        view.update(|v| *v = v.zoom_at(wheel_zoom(&e), x, y));
    };
    let double_click = move |e: ev::MouseEvent| {
        if on_button(&e) {
            return;
        }
        let (x, y) = local(e.client_x(), e.client_y());
        view.update(|v| *v = v.zoom_at(2.0, x, y));
    };
    let reset = move || {
        let v = view.get_untracked();
        view.set(home(v.width, v.height));
    };
    let key = move |e: ev::KeyboardEvent| {
        let handled = match e.key().as_str() {
            "ArrowUp" => Some(view.get_untracked().pan(0.0, PAN_STEP_PX)),
            "ArrowDown" => Some(view.get_untracked().pan(0.0, -PAN_STEP_PX)),
            "ArrowLeft" => Some(view.get_untracked().pan(PAN_STEP_PX, 0.0)),
            "ArrowRight" => Some(view.get_untracked().pan(-PAN_STEP_PX, 0.0)),
            "+" | "=" => Some(view.get_untracked().zoom(ZOOM_STEP)),
            "-" | "_" => Some(view.get_untracked().zoom(1.0 / ZOOM_STEP)),
            "0" => {
                reset();
                None
            }
            _ => return,
        };
        e.prevent_default();
        if let Some(next) = handled {
            view.set(next);
        }
    };

    let select_marker = move |m: &Marker| {
        if let Some(id) = m.single() {
            let pick = Selection::Place(id.to_owned());
            selection.update(|s| *s = if s.as_ref() == Some(&pick) { None } else { Some(pick) });
        } else if let Some(b) = Bounds::around(m.points.iter().copied()) {
            // Zoom until the group comes apart.
            let v = view.get_untracked();
            let fitted = View::fit(b, v.width, v.height, FIT_PADDING_PX * 2.0, MAX_SCALE);
            view.set(View { scale: fitted.scale.max(v.scale * 2.0), ..fitted });
        }
    };

    // The selected place, found once per selection rather than once per marker.
    let selected_place = {
        let loaded = loaded.clone();
        Memo::new(move |_| selection.with(|s| query::selected_place(&loaded.feed, s.as_ref()).map(str::to_owned)))
    };
    let marker = {
        move |m: Marker| {
            let at = m.at;
            let weight = m.events;
            let timing = m.timing;
            let single = m.single().map(str::to_owned);
            let label = {
                let m = m.clone();
                move || {
                    let lang = lang.get();
                    let names: Vec<&str> = m.names.iter().map(|n| n.get(lang)).collect();
                    i18n::marker_label(lang, &names, m.ids.len(), m.events, m.timing)
                }
            };
            let pressed = {
                let single = single.clone();
                move || single.is_some() && selected_place.with(|p| p.as_deref() == single.as_deref())
            };
            let class = {
                let pressed = pressed.clone();
                let group = single.is_none();
                move || {
                    let mut class = String::from("ma-marker");
                    if group {
                        class.push_str(" ma-marker-group");
                    }
                    match timing {
                        Some(Timing::Past) => class.push_str(" ma-marker-past"),
                        Some(Timing::Upcoming) => class.push_str(" ma-marker-upcoming"),
                        _ => {}
                    }
                    if pressed() {
                        class.push_str(" ma-selected");
                    }
                    class
                }
            };
            let aria_pressed = {
                let single = single.is_some();
                move || single.then(|| if pressed() { "true" } else { "false" })
            };
            let clicked = m.clone();
            let hover_on = {
                let ids = m.ids.clone();
                move || hovered.set(Some(ids.clone()))
            };
            let hover_on2 = hover_on.clone();
            let ids = m.ids.clone();
            let is_hovered = move || hovered.with(|h| h.as_ref() == Some(&ids));
            let x = move || format!("{:.1}px", view.with(|v| v.to_screen(at).0));
            let y = move || format!("{:.1}px", view.with(|v| v.to_screen(at).1));
            view! {
                <button
                    type="button"
                    class=class
                    data-place=single
                    style:left=x
                    style:top=y
                    aria-label=label.clone()
                    aria-pressed=aria_pressed
                    on:click=move |_| select_marker(&clicked)
                    on:mouseenter=move |_| hover_on()
                    on:focus=move |_| hover_on2()
                    on:mouseleave=move |_| hovered.set(None)
                    on:blur=move |_| hovered.set(None)
                >
                    <span aria-hidden="true">{weight}</span>
                </button>
                <Show when=is_hovered>
                    <span class="ma-tooltip" aria-hidden="true" style:left=x style:top=y>
                        {label.clone()}
                    </span>
                </Show>
            }
        }
    };

    let control = move |msg: Msg, symbol: &'static str, class: &'static str, action: fn(View) -> View| {
        icon_button(lang, msg, symbol, class, move || view.update(|v| *v = action(*v)))
    };

    view! {
        <section class="ma-map" aria-label=move || Msg::MapLabel.text(lang.get())>
            <div
                class="ma-map-surface"
                node_ref=surface
                tabindex="0"
                role="group"
                aria-roledescription=move || Msg::MapRole.text(lang.get())
                aria-label=move || Msg::MapLabel.text(lang.get())
                aria-describedby="ma-map-keys"
                on:pointerdown=pointer_down
                on:pointermove=pointer_move
                on:pointerup=pointer_up
                on:pointercancel=pointer_up
                on:wheel=wheel
                on:dblclick=double_click
                on:keydown=key
            >
                <svg class="ma-map-svg" viewBox=move || view.get().view_box() preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    {move || basemap.get().and_then(Result::ok).map(|b| draw_basemap(&b, lang, scale))}
                </svg>
                <div class="ma-markers">
                    <For each=move || on_screen.get() key=|m| (m.ids.clone(), m.events) children=marker />
                </div>
                <p class="ma-hint" aria-live="polite">{move || hint.get().then(|| Msg::WheelHint.text(lang.get()))}</p>
            </div>
            <div class="ma-map-controls" role="group" aria-label=move || Msg::MapControls.text(lang.get())>
                {control(Msg::ZoomIn, "+", "ma-zoom-in", |v| v.zoom(ZOOM_STEP))}
                {control(Msg::ZoomOut, "−", "ma-zoom-out", |v| v.zoom(1.0 / ZOOM_STEP))}
                {icon_button(lang, Msg::ShowAllPlaces, "⤢", "ma-reset", reset)}
                {control(Msg::PanNorth, "↑", "ma-pan", |v| v.pan(0.0, PAN_STEP_PX))}
                {control(Msg::PanWest, "←", "ma-pan", |v| v.pan(PAN_STEP_PX, 0.0))}
                {control(Msg::PanEast, "→", "ma-pan", |v| v.pan(-PAN_STEP_PX, 0.0))}
                {control(Msg::PanSouth, "↓", "ma-pan", |v| v.pan(0.0, -PAN_STEP_PX))}
            </div>
            <p id="ma-map-keys" class="ma-map-keys">{move || Msg::MapKeys.text(lang.get())}</p>
            {move || matches!(basemap.get(), Some(Err(()))).then(|| view! {
                <p class="ma-note" role="status">{Msg::BasemapUnavailable.text(lang.get())}</p>
            })}
        </section>
    }
}

/// The whole region the basemap covers, for a feed without places.
fn region_bounds(projection: &Lambert) -> Bounds {
    let corners = [(-96.0, 40.0), (-52.0, 40.0), (-96.0, 63.0), (-52.0, 63.0), (-74.0, 40.0), (-74.0, 63.0)];
    Bounds::around(corners.iter().map(|&(lon, lat)| projection.project(lon, lat)))
        .unwrap_or(Bounds { min: Point::default(), max: Point { x: 1.0, y: 1.0 } })
}

fn draw_basemap(basemap: &Basemap, lang: ReadSignal<Lang>, scale: Memo<f64>) -> impl IntoView {
    let regions = basemap
        .regions
        .iter()
        .map(|r| view! { <path class=format!("ma-region ma-region-{}", r.country.to_ascii_lowercase()) d=r.path.clone() /> })
        .collect_view();
    let labels = basemap
        .regions
        .iter()
        .filter_map(|r| r.label.map(|at| (at, r.name.clone())))
        .map(|(at, name)| {
            view! {
                <text class="ma-region-label" x=format!("{:.1}", at.x) y=format!("{:.1}", -at.y) font-size=move || format!("{:.2}", 12.0 / scale.get())>
                    {move || name.get(lang.get()).to_owned()}
                </text>
            }
        })
        .collect_view();
    view! {
        {regions}
        <path class="ma-lakes" d=basemap.lakes.clone() />
        <path class="ma-rivers" d=basemap.rivers.clone() />
        {labels}
    }
}
