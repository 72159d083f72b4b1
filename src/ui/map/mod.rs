//! The map: an offline basemap in SVG, one marker button per place (clustered when
//! they would overlap), zoom and pan by wheel, drag, pinch, keys and buttons.

mod gestures;
mod marker;
mod model;
mod state;

use leptos::prelude::*;

use crate::core::basemap::Basemap;
use crate::core::i18n::{Lang, Msg};
use crate::core::map::{View, ZOOM_STEP};
use crate::core::url_state::MapCentre;

use super::controls::{icon_button, limited_button};
use crate::ui::ids::ids;
use crate::ui::turns::in_turn;
use crate::ui::words::t;
use gestures::PAN_STEP_PX;
use marker::MarkerButton;
use state::MapState;

#[component]
pub fn Map(
    basemap_url: String,
    /// The view as a link carries it; `None` is the view that fits every place.
    centre: RwSignal<Option<MapCentre>>,
    /// The basemap, if already in hand (see `Ready`).
    basemap: Option<std::sync::Arc<Basemap>>,
) -> impl IntoView {
    let ids = ids();
    let slot = NodeRef::new();
    view! {
        <section class="ma-map" aria-label=t(Msg::MapLabel) node_ref=slot>
            // Its state too is made in its turn: the take-over's first task stays short.
            {in_turn(slot, "map", move || {
                let map = MapState::new(basemap_url, centre, basemap);
                let (lang, view, basemap, hint) = (map.atlas.lang, map.view, map.basemap, map.hint);
                let handlers = gestures::handlers(map);
                let (outlines, markers) = (NodeRef::new(), NodeRef::new());
                view! {
                    <div class="ma-map-frame">
                    <div
                        class="ma-map-surface"
                        node_ref=map.surface
                        tabindex="0"
                        role="group"
                        aria-roledescription=t(Msg::MapRole)
                        aria-label=t(Msg::MapLabel)
                        aria-describedby=ids.of("map-keys")
                        on:pointerdown=handlers.down
                        on:pointermove=handlers.moved
                        on:pointerup=handlers.up
                        on:pointercancel=handlers.up
                        on:wheel=handlers.wheel
                        on:dblclick=handlers.double_click
                        on:keydown=move |e| gestures::keydown(map, e)
                    >
                        // The outlines, then the markers, each attached in a turn of its own.
                        <svg class="ma-map-svg" class:ma-handover=move || map.handing_over.get() data-projection=move || map.projection.get().kind() viewBox=move || view.get().view_box() preserveAspectRatio="none" aria-hidden="true" focusable="false" node_ref=outlines>
                            {in_turn(outlines, "outlines", move || view! {
                                {move || map.world_layer().map(|w| draw_world(&w))}
                                {move || basemap.get().and_then(Result::ok).map(|b| match map.sketch.get() {
                                    Some((window, step)) => draw_basemap(&b.sketch(&window, step), map),
                                    None => draw_basemap(&b, map),
                                })}
                                // The countries' names (the coarse layer has them) over every outline.
                                {move || map.countries.get().map(|w| region_names(&w, map, |l, i| l.countries.get(i).copied().unwrap_or(false)))}
                            }.into_any())}
                        </svg>
                        <div class="ma-markers" node_ref=markers>
                            {in_turn(markers, "markers", move || view! {
                                <For each=move || map.on_screen.get() key=|m| m.ids.clone() let:marker>
                                    <MarkerButton map marker />
                                </For>
                            }.into_any())}
                        </div>
                        <p class="ma-hint" aria-live="polite">{move || hint.get().then(|| Msg::WheelHint.text(lang.get()))}</p>
                    </div>
                    <Controls map />
                    // Over the map while it has keyboard focus, so nothing around it moves.
                    <p id=ids.of("map-keys") class="ma-keys">{t(Msg::MapKeys)}</p>
                    </div>
                    <Legend lang />
                    <p class="ma-touch-help">{t(Msg::MapTouch)}</p>
                    {move || matches!(basemap.get(), Some(Err(()))).then(|| view! {
                        <p class="ma-note" role="status">{Msg::BasemapUnavailable.text(lang.get())}</p>
                    })}
                }
                .into_any()
            })}
        </section>
    }
}

/// Zoom, show all and pan buttons over the map's corners, for those who do not drag
/// (WCAG 2.5.7). A zoom button at its limit is disabled.
#[component]
fn Controls(map: MapState) -> impl IntoView {
    let lang = map.atlas.lang;
    let control = move |msg: Msg, symbol: &'static str, class: &'static str, action: fn(View) -> View| {
        icon_button(lang, msg, symbol, class, move || map.update_view(action))
    };
    let zoom = move |closer: bool| {
        let (msg, symbol, class, factor) = if closer {
            (Msg::ZoomIn, "+", "ma-zoom-in", ZOOM_STEP)
        } else {
            (Msg::ZoomOut, "−", "ma-zoom-out", 1.0 / ZOOM_STEP)
        };
        let at_limit = Signal::derive(move || !map.can_zoom(closer));
        limited_button(lang, msg, symbol, class, at_limit, move || map.update_view(|v| v.zoom(factor)))
    };
    view! {
        <div class="ma-controls" role="group" aria-label=t(Msg::MapControls)>
            <div class="ma-zoom-controls">
                {zoom(true)}
                {zoom(false)}
                {icon_button(lang, Msg::ShowAllPlaces, "⤢", "ma-reset", move || map.reset())}
            </div>
            <div class="ma-pan-controls">
                {control(Msg::PanNorth, "↑", "ma-pan ma-pan-north", |v| v.pan(0.0, PAN_STEP_PX))}
                {control(Msg::PanWest, "←", "ma-pan ma-pan-west", |v| v.pan(PAN_STEP_PX, 0.0))}
                {control(Msg::PanEast, "→", "ma-pan ma-pan-east", |v| v.pan(-PAN_STEP_PX, 0.0))}
                {control(Msg::PanSouth, "↓", "ma-pan ma-pan-south", |v| v.pan(0.0, -PAN_STEP_PX))}
            </div>
        </div>
    }
}

/// What the marker styles mean; the same styles mean the same on the timeline.
#[component]
fn Legend(lang: ReadSignal<Lang>) -> impl IntoView {
    let item = move |class: &'static str, sample: &'static str, msg: Msg| {
        view! {
            <li>
                <span class=format!("ma-legend-sample {class}") aria-hidden="true">{sample}</span>
                {move || msg.text(lang.get())}
            </li>
        }
    };
    view! {
        <ul class="ma-legend" aria-label=t(Msg::Legend)>
            {item("ma-marker-upcoming", "", Msg::LegendUpcoming)}
            {item("ma-marker-past", "", Msg::LegendPast)}
            {item("ma-marker-uncertain", "", Msg::LegendUncertain)}
            {item("ma-marker-group", "2", Msg::LegendGroup)}
        </ul>
    }
}

/// The world's countries, plain, under the basemap's detail.
fn draw_world(world: &Basemap) -> impl IntoView {
    world.regions.iter().map(|r| view! { <path class="ma-region ma-world" d=r.path.clone() /> }).collect_view()
}

fn draw_basemap(basemap: &Basemap, map: MapState) -> impl IntoView {
    let regions = basemap
        .regions
        .iter()
        .map(|r| view! { <path class=format!("ma-region ma-region-{}", r.country.to_ascii_lowercase()) d=r.path.clone() /> })
        .collect_view();
    let labels = region_names(basemap, map, |labels, i| labels.regions.get(i).copied().unwrap_or(false));
    view! {
        {regions}
        <path class="ma-lakes" d=basemap.lakes.clone() />
        <path class="ma-rivers" d=basemap.rivers.clone() />
        {labels}
    }
}

/// The names of a layer's regions (provinces, or countries), thinned by zoom: only those
/// `shown` gives room to be read are drawn.
fn region_names(layer: &Basemap, map: MapState, shown: fn(&state::Labels, usize) -> bool) -> impl IntoView {
    let (lang, scale, labels) = (map.atlas.lang, map.scale, map.labels);
    layer
        .regions
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.label.map(|at| (i, at, r.name.clone())))
        .map(move |(i, at, name)| {
            let shown = move || labels.with(|l| shown(l, i));
            view! {
                <text
                    class="ma-region-label"
                    x=format!("{:.1}", at.x)
                    y=format!("{:.1}", -at.y)
                    font-size=move || format!("{:.2}", 12.0 / scale.get())
                    dominant-baseline="central"
                    visibility=move || if shown() { "visible" } else { "hidden" }
                >
                    {move || name.get(lang.get()).to_owned()}
                </text>
            }
        })
        .collect_view()
}
