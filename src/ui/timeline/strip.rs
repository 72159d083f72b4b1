//! The horizontal strip: the axis, today's line, the events in their lanes and the
//! stacks, or the density bars; dragged to pan, pinched or Ctrl/⌘ + wheel to zoom.

use leptos::ev;
use leptos::prelude::*;

use crate::core::gesture::Gesture;
use crate::core::i18n::{self, Msg};
use crate::core::timeline::day_number;

use super::bars::{Bars, BarsNote};
use super::item::TimelineItem;
use super::keys::keydown;
use super::stack::{StackButton, StackList};
use super::state::{TimelineState, AXIS_HEIGHT_PX, BAR_ROWS, LANE_HEIGHT_PX};
use crate::ui::ids::ids;
use crate::ui::placed::{placed, Edge};
use crate::ui::pointer::{drag_and_pinch, wheel_zoom};
use crate::ui::turns::in_turn;
use crate::ui::words::t;

#[component]
pub fn Strip(tl: TimelineState) -> impl IntoView {
    let layout = tl.layout;
    let rows = Memo::new(move |_| {
        if tl.dense.get() {
            BAR_ROWS
        } else {
            layout.with(|l| l.lanes_drawn + usize::from(!l.stacks.is_empty()))
        }
    });
    let height = move || AXIS_HEIGHT_PX + rows.get() as f64 * LANE_HEIGHT_PX + 8.0;
    let strip = NodeRef::<leptos::html::Div>::new();
    let events = NodeRef::new();
    let (pointer_down, pointer_move, pointer_up, wheel) = gestures(tl, strip);
    view! {
        <div
            class="ma-timeline-strip"
            {..placed(Edge::Height, height)}
            node_ref=strip
            aria-describedby=ids().of("timeline-keys")
            on:keydown=move |e| keydown(tl, e)
            on:pointerdown=pointer_down
            on:pointermove=pointer_move
            on:pointerup=pointer_up
            on:pointercancel=pointer_up
            on:wheel=wheel
        >
            <Axis tl />
            <ol class="ma-tl-events" aria-label=t(Msg::Timeline) node_ref=events>
                // The events, in a turn of their own: with the axis, the take-over's
                // longest turn (31–58 ms with the CPU slowed 4×).
                {in_turn(events, "timeline events", move || view! {
                    <For each=move || tl.visible.get() key=|p| *p let:position>
                        <TimelineItem tl position vertical=false />
                    </For>
                    <For each=move || tl.visible_stacks.get() key=|s| (s.start as i64, s.positions.len()) let:stack>
                        <StackButton tl stack />
                    </For>
                }.into_any())}
            </ol>
            <Bars tl />
        </div>
        <BarsNote tl />
        <StackList tl />
    }
}

/// The ticks, and today's line when today is in view.
#[component]
fn Axis(tl: TimelineState) -> impl IntoView {
    let (lang, scale, today) = (tl.atlas.lang, tl.scale, tl.atlas.today);
    let ticks = move || {
        let s = scale.get();
        crate::core::timeline::ticks(lang.get(), &s)
            .into_iter()
            .map(|tick| {
                let x = s.x(day_number(tick.day));
                let class = if tick.major { "ma-tick ma-tick-major" } else { "ma-tick" };
                view! { <span class={class} {..placed(Edge::Left, move || x)}>{tick.label}</span> }
            })
            .collect_view()
    };
    let today_x = move || scale.with(|s| s.x(day_number(today.get()) + 0.5));
    let today_visible = move || (0.0..=scale.with(|s| s.width)).contains(&today_x());
    view! {
        <div class="ma-axis" aria-hidden="true">{ticks}</div>
        <Show when=today_visible>
            <div class="ma-today" aria-hidden="true" {..placed(Edge::Left, today_x)}>
                <span>{move || i18n::Msg::Today.text(lang.get())}</span>
            </div>
        </Show>
    }
}

/// Drag to pan, pinch to zoom; ctrl (or ⌘) + wheel to zoom, so the page still scrolls.
#[allow(clippy::type_complexity)]
fn gestures(
    tl: TimelineState,
    strip: NodeRef<leptos::html::Div>,
) -> (
    impl Fn(ev::PointerEvent) + Copy + 'static,
    impl Fn(ev::PointerEvent) + Copy + 'static,
    impl Fn(ev::PointerEvent) + Copy + 'static,
    impl Fn(ev::WheelEvent) + Copy + 'static,
) {
    let scale = tl.scale;
    // The strip itself captures the pointer: its handlers then see every move of a drag.
    let element = move || strip.get_untracked().map(web_sys::Element::from);
    let left_edge = move || element().map_or(0.0, |el| el.get_bounding_client_rect().left());
    let (down, moved, up) = drag_and_pinch(element, move |gesture| match gesture {
        Gesture::Pan { dx, .. } => scale.update(|s| *s = s.pan(dx)),
        Gesture::Pinch { dx, factor, x, .. } => scale.update(|s| *s = s.pan(dx).zoom_at(factor, x)),
        Gesture::None => {}
    });
    let wheel = move |e: ev::WheelEvent| {
        // A sideways swipe or wheel pans; an upright one scrolls the page, unless zooming.
        if !(e.ctrl_key() || e.meta_key()) {
            if e.delta_x().abs() > e.delta_y().abs() {
                e.prevent_default();
                let lines = if e.delta_mode() == 1 { 16.0 } else { 1.0 };
                scale.update(|s| *s = s.pan(-e.delta_x() * lines));
            }
            return;
        }
        e.prevent_default();
        let left = left_edge();
        scale.update(|s| *s = s.zoom_at(wheel_zoom(&e), f64::from(e.client_x()) - left));
    };
    (down, moved, up, wheel)
}
