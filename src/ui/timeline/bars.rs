//! The density strip: where the strip would hold more "+N" stacks than items, a bar per
//! day, week, month or year says how many events start in it; a bar zooms into its period.

use leptos::prelude::*;

use crate::core::date::Period;
use crate::core::i18n;
use crate::core::timeline::{self as tl, day_number, Bin};

use super::state::{TimelineState, AXIS_HEIGHT_PX, BAR_ROWS, LANE_HEIGHT_PX};
use crate::ui::browser::focus_in;
use crate::ui::intl;
use crate::ui::placed::{placed, Edge};

/// Room above the tallest bar for its count.
const COUNT_PX: f64 = 18.0;
/// A bar narrower than this says its count only in its name.
const COUNT_BELOW_PX: f64 = 26.0;

#[component]
pub fn Bars(tl: TimelineState) -> impl IntoView {
    let (lang, scale) = (tl.atlas.lang, tl.scale);
    let period = Memo::new(move |_| tl::bar_period(scale.with(|s| s.px_per_day)));
    view! {
        <Show when=move || tl.dense.get()>
            <ol class="ma-tl-bars" aria-label=move || i18n::bars_of(lang.get(), period.get())>
                <For each=move || tl.bars.get() key=|bin| (bin.start, bin.end, bin.count) let:bin>
                    <Bar tl bin period=period.get_untracked() />
                </For>
            </ol>
        </Show>
    }
}

/// What the bars count, said under the strip (their list is named the same).
#[component]
pub fn BarsNote(tl: TimelineState) -> impl IntoView {
    let (lang, scale) = (tl.atlas.lang, tl.scale);
    view! {
        <Show when=move || tl.dense.get()>
            <p class="ma-note ma-tl-bars-note" aria-hidden="true">
                {move || i18n::bars_of(lang.get(), tl::bar_period(scale.with(|s| s.px_per_day)))}
            </p>
        </Show>
    }
}

#[component]
fn Bar(tl: TimelineState, bin: Bin, period: Period) -> impl IntoView {
    let (lang, scale) = (tl.atlas.lang, tl.scale);
    let tallest = Memo::new(move |_| tl.bars.with(|bars| bars.iter().map(|b| b.count).max().unwrap_or(1)));
    let area = BAR_ROWS as f64 * LANE_HEIGHT_PX - COUNT_PX;
    let (first, end) = (day_number(bin.start), day_number(bin.end));
    let left = move || scale.with(|s| s.x(first));
    let width = move || scale.with(|s| ((end - first) * s.px_per_day - 2.0).max(2.0));
    let fill = move || (bin.count as f64 / tallest.get() as f64 * area).max(3.0);
    let name = Memo::new(move |_| {
        let lang = lang.get();
        let day = intl::format_day(lang, bin.start, true);
        i18n::bar_title(lang, &i18n::bar_period(lang, period, bin.start, &day), bin.count)
    });
    let wide = move || width() >= COUNT_BELOW_PX;
    let zoom = move |_| {
        let width = scale.with_untracked(|s| s.width);
        scale.set(tl::zoomed_to(&bin, width));
        // The period's first event takes the focus, once it is drawn.
        let first_event = tl.shown_positions.with_untracked(|all| {
            all.iter().copied().find(|&p| {
                tl.span(p).first >= bin.start && tl.layout.with_untracked(|l| l.lanes[p] < super::state::MAX_LANES)
            })
        });
        if let Some(p) = first_event {
            tl.current.set(p);
            focus_in(tl.container, ".ma-tl-event[tabindex='0']");
        }
    };
    view! {
        <li>
            <button
                type="button"
                class="ma-tl-bar"
                {..placed(Edge::Left, left)}
                {..placed(Edge::Width, width)}
                {..placed(Edge::Top, || AXIS_HEIGHT_PX)}
                {..placed(Edge::Height, move || area + COUNT_PX)}
                aria-label=name
                title=name
                on:click=zoom
            >
                <Show when=wide>
                    <span class="ma-tl-bar-count" aria-hidden="true">{bin.count}</span>
                </Show>
                <span class="ma-tl-bar-fill" aria-hidden="true" {..placed(Edge::Height, fill)}></span>
            </button>
        </li>
    }
}
