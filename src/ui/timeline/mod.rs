//! The timeline: events along a zoomable, pannable time axis, in lanes that keep
//! them apart; uncertain dates drawn as bands; only what is in view is drawn. On narrow
//! screens it runs down the page as a list instead.

mod bars;
mod item;
mod keys;
mod stack;
mod state;
mod strip;

use leptos::prelude::*;

use crate::core::feed::Span;
use crate::core::i18n::{self, Msg};
use crate::core::map::ZOOM_STEP;
use crate::core::timeline::{day_number, TimeScale};

use super::controls::icon_button;
use crate::ui::ids::ids;
use crate::ui::turns::in_turn;
use crate::ui::words::t;
use item::TimelineItem;
use keys::{keydown, PAN_STEP_PX};
use state::{TimelineState, VERTICAL_PAGE};
use strip::Strip;

#[component]
pub fn Timeline() -> impl IntoView {
    let ids = ids();
    let container = NodeRef::new();
    view! {
        <section class="ma-timeline" aria-labelledby=ids.of("timeline-title") node_ref=container>
            // Its state too is made in its turn: the take-over's first task stays short.
            {in_turn(container, "timeline", move || {
                let tl = TimelineState::new(container);
                view! {
                    <h2 id=ids.of("timeline-title") class="ma-section-title" node_ref=tl.ruler>{t(Msg::Timeline)}</h2>
                    <Show when=move || !tl.narrow.get() fallback=move || view! { <Vertical tl /> }>
                        <Strip tl />
                    </Show>
                    <Controls tl />
                    <p id=ids.of("timeline-keys") class="ma-keys">{t(Msg::TimelineKeys)}</p>
                    <p class="ma-touch-help">{t(Msg::TimelineTouch)}</p>
                }
                .into_any()
            })}
        </section>
    }
}

/// The narrow layout: the shown events down the page, a page at a time, opening at the
/// event nearest today; earlier ones are a press away above it.
#[component]
fn Vertical(tl: TimelineState) -> impl IntoView {
    let (lang, shown, limit, from) = (tl.atlas.lang, tl.shown_positions, tl.vertical_limit, tl.vertical_from);
    let positions = move || {
        let from = from.get();
        shown.with(|all| all.iter().copied().filter(|&p| p >= from).take(limit.get()).collect::<Vec<usize>>())
    };
    let earlier = move || shown.with(|all| all.iter().filter(|&&p| p < from.get()).count());
    let left = move || shown.with(|all| all.iter().filter(|&&p| p >= from.get()).count()).saturating_sub(limit.get());
    let show_earlier = move |_| {
        let first = shown.with_untracked(|all| {
            let before: Vec<usize> = all.iter().copied().filter(|&p| p < from.get_untracked()).collect();
            before.get(before.len().saturating_sub(VERTICAL_PAGE)).copied()
        });
        if let Some(first) = first {
            let more = earlier().min(VERTICAL_PAGE);
            from.set(first);
            limit.update(|l| *l += more);
            if first == shown.with_untracked(|all| all[0]) {
                // The button goes: focus goes to the first event, where it stood.
                tl.go_to(first);
            }
        }
    };
    let opening = Memo::new(move |_| {
        shown.track();
        tl.vertical_opening().map(|(_, p)| (p, tl.span(p).last < tl.atlas.today.get()))
    });
    let go_today = move |_| {
        if let Some((start, p)) = tl.vertical_opening() {
            from.set(start);
            limit.set(VERTICAL_PAGE);
            tl.go_to(p);
        }
    };
    view! {
        <div class="ma-tl-vertical-bar">
            <Show when=move || opening.get().is_some()>
                <button type="button" class="ma-button ma-button-quiet ma-go-today" on:click=go_today>
                    {move || if opening.get().is_some_and(|(_, past)| past) { Msg::LatestEvent } else { Msg::GoToday }.text(lang.get())}
                </button>
            </Show>
            <Show when=move || earlier() != 0>
                <button type="button" class="ma-button ma-button-quiet ma-earlier" on:click=show_earlier>
                    {t(Msg::ShowEarlier)}
                </button>
            </Show>
        </div>
        <ol class="ma-timeline-vertical" aria-label=t(Msg::Timeline) on:keydown=move |e| keydown(tl, e)>
            <For each=positions key=|p| *p let:position>
                <TimelineItem tl position vertical=true />
            </For>
        </ol>
        <Show when=move || left() != 0>
            <button type="button" class="ma-button ma-more" on:click=move |_| limit.update(|l| *l += VERTICAL_PAGE)>
                {move || i18n::show_more(lang.get(), left().min(VERTICAL_PAGE), left())}
            </button>
        </Show>
    }
}

/// Zoom, pan and "Go to today" buttons (hidden on narrow screens, where the list scrolls).
#[component]
fn Controls(tl: TimelineState) -> impl IntoView {
    let (lang, scale, today) = (tl.atlas.lang, tl.scale, tl.atlas.today);
    let control = move |msg: Msg, symbol: &'static str, action: fn(TimeScale) -> TimeScale| {
        icon_button(lang, msg, symbol, "", move || scale.update(|s| *s = action(*s)))
    };
    // Nothing near today (a past season): the button says where it goes instead.
    let target = Memo::new(move |_| {
        let (s, today) = (scale.get(), today.get());
        let (today_n, half) = (day_number(today), s.width / s.px_per_day / 2.0);
        let spans = tl.spans.get_value();
        tl.shown_positions.with(|shown| {
            let near = shown.iter().any(|&p| {
                day_number(spans[p].last) + 1.0 >= today_n - half && day_number(spans[p].first) <= today_n + half
            });
            if near {
                return None;
            }
            let candidates: Vec<Span> = shown.iter().map(|&p| spans[p]).collect();
            crate::core::timeline::nearest_today(&candidates, today).map(|i| (shown[i], candidates[i].first > today))
        })
    });
    let go_today = move |_| match target.get_untracked() {
        Some((position, _)) => tl.go_to(position),
        None => {
            scale.update(|s| *s = TimeScale::centred_on(day_number(today.get_untracked()) + 0.5, s.px_per_day, s.width))
        }
    };
    let today_label = move || match target.get() {
        None => Msg::GoToday,
        Some((_, true)) => Msg::NextEvent,
        Some((_, false)) => Msg::LatestEvent,
    };
    view! {
        <div class="ma-controls" role="group" aria-label=t(Msg::TimelineControls) hidden=tl.narrow>
            {control(Msg::TimelineZoomIn, "+", |s| s.zoom(ZOOM_STEP))}
            {control(Msg::TimelineZoomOut, "−", |s| s.zoom(1.0 / ZOOM_STEP))}
            {control(Msg::Earlier, "←", |s| s.pan(PAN_STEP_PX))}
            {control(Msg::Later, "→", |s| s.pan(-PAN_STEP_PX))}
            <button
                type="button"
                class="ma-control-button ma-go-today"
                title=move || target.get().map(|_| Msg::NothingNearToday.text(lang.get()))
                on:click=go_today
            >
                {move || today_label().text(lang.get())}
            </button>
            <span class="ma-note ma-today-note" role="status">
                {move || target.get().map(|_| Msg::NothingNearToday.text(lang.get()))}
            </span>
        </div>
    }
}
