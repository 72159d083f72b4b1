//! What the parts of the timeline share: the time scale, the lanes and stacks, what is
//! in view, and the roving focus; all derived from the atlas context.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use crate::core::feed::Span;
use crate::core::i18n;
use crate::core::load::Loaded;
use crate::core::query::Selection;
use crate::core::timeline::{self as tl, band_px, day_number, TimeScale};

use crate::ui::browser::focus_in;
use crate::ui::context::{use_atlas, AtlasCtx};
use crate::ui::ids::ids;
use crate::ui::turns::{observe_size_in_turn, LaidOut};

pub const LANE_HEIGHT_PX: f64 = 44.0;
pub const AXIS_HEIGHT_PX: f64 = 34.0;
/// Estimated label width per character, for lane packing (labels must not overlap).
pub const CHAR_WIDTH_PX: f64 = 8.0;
const NARROW_BELOW_PX: f64 = 560.0;
const PRERENDER_WIDTH_PX: f64 = 1200.0;
const DATE_LABEL_CHARS: usize = 26;
/// The room a label asks for when lanes are packed: a title's worth, not always its date.
const LABEL_WANT_PX: f64 = 220.0;
/// Lanes drawn before the rest is stacked as "+N": a season of thousands of events
/// sharing one range would otherwise be thousands of lanes tall and as many buttons.
pub const MAX_LANES: usize = 6;
/// The stretch of the strip whose overflow goes into one stack (wider than a stack's button).
const STACK_BIN_PX: f64 = 64.0;
/// The narrow (vertical) timeline draws this many events at a time: the list's page, so
/// that a phone builds no more of either at once (100 items took some 200 ms at 4× CPU).
pub const VERTICAL_PAGE: usize = crate::ui::list::LIST_PAGE;
/// The vertical timeline opens at the event nearest today, with at least this many in view.
pub const VERTICAL_MIN: usize = 12;
/// The strip's rows of density bars.
pub const BAR_ROWS: usize = 4;

/// Lanes by position (events filtered out keep lane 0 and are not drawn), and the stacks
/// of the events beyond `MAX_LANES`, each with the positions it holds.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Layout {
    pub lanes: Vec<usize>,
    /// Where each label must end: before the next item of its lane (absolute px at this zoom).
    pub label_ends: Vec<f64>,
    pub lanes_drawn: usize,
    pub stacks: Vec<Stack>,
}

/// A "+N" stack: where it starts (absolute px at the current zoom) and its events' positions.
#[derive(Clone, Debug, PartialEq)]
pub struct Stack {
    pub start: f64,
    pub positions: Arc<Vec<usize>>,
}

/// Positions are indices into `order`, the feed's events in chronological order.
#[derive(Clone, Copy)]
pub struct TimelineState {
    pub atlas: AtlasCtx,
    pub order: StoredValue<Arc<Vec<usize>>>,
    pub spans: StoredValue<Arc<Vec<Span>>>,
    pub container: NodeRef<html::Section>,
    /// The timeline's title, as wide as the timeline and as tall whatever its layout: its
    /// width is watched, not the section's size, which the layout it chooses changes (a
    /// size observer that resizes what it observes ends in a "ResizeObserver loop" error).
    pub ruler: NodeRef<html::H2>,
    pub scale: RwSignal<TimeScale>,
    /// Under a narrow width the timeline runs down the page: no sideways scroll trap on phones.
    pub narrow: Memo<bool>,
    /// Roving focus: the one event of the strip in the tab order.
    pub current: RwSignal<usize>,
    /// The events the filters let through.
    pub shown_positions: Memo<Vec<usize>>,
    pub layout: Memo<Layout>,
    /// The events in view and in a lane: the only ones drawn.
    pub visible: Memo<Vec<usize>>,
    pub visible_stacks: Memo<Vec<Stack>>,
    /// Too many stacks in view: the strip draws density bars instead of items.
    pub dense: Memo<bool>,
    pub bars: Memo<Vec<tl::Bin>>,
    /// The stack whose events are listed under the strip, if one was pressed.
    pub open_stack: RwSignal<Option<Stack>>,
    /// The narrow layout's page of events, from the position `vertical_from` on.
    pub vertical_limit: RwSignal<usize>,
    pub vertical_from: RwSignal<usize>,
}

impl TimelineState {
    /// The state of the timeline drawn in `container`.
    pub fn new(container: NodeRef<html::Section>) -> TimelineState {
        let atlas = use_atlas();
        let loaded = atlas.loaded();
        // Chronological order, fixed for the feed.
        let order: Arc<Vec<usize>> = Arc::new(loaded.feed.in_time_order().into_owned());
        let spans: Arc<Vec<Span>> = Arc::new(order.iter().map(|&i| loaded.feed.events[i].span).collect());
        let today = atlas.today.get_untracked();
        let opening = tl::nearest_today(&spans, today).unwrap_or(0);
        // About a desktop strip's width, until the strip is measured: the prerendered page's
        // items then barely move as they come to life. Drawn afresh over that page: its width.
        let width = LaidOut::here().timeline.unwrap_or(PRERENDER_WIDTH_PX);
        let scale = RwSignal::new(tl::opening_scale(&spans, opening, width));
        let shown_positions = {
            let order = order.clone();
            let shown = atlas.shown;
            Memo::new(move |_| {
                // A frame after the list (`AtlasCtx::painted`).
                atlas.painted.track();
                shown.with_untracked(|s| (0..order.len()).filter(|&p| s.contains(order[p])).collect::<Vec<usize>>())
            })
        };
        let layout = layout(&loaded, order.clone(), atlas, scale, shown_positions);
        let stacks_in_view = Memo::new(move |_| {
            let s = scale.get();
            let offset = s.start * s.px_per_day;
            layout.with(|l| {
                l.stacks.iter().filter(|k| (-STACK_BIN_PX..=s.width).contains(&(k.start - offset))).cloned().collect()
            })
        });
        let dense = Memo::new(move |_| tl::is_dense(stacks_in_view.with(Vec::len), scale.with(|s| s.px_per_day)));
        let visible = {
            let spans = spans.clone();
            Memo::new(move |_| {
                if dense.get() {
                    return Vec::new();
                }
                let s = scale.get();
                layout.with(|l| {
                    shown_positions.with(|positions| {
                        positions.iter().copied().filter(|&p| l.lanes[p] < MAX_LANES && s.shows(spans[p])).collect()
                    })
                })
            })
        };
        let visible_stacks = Memo::new(move |_| if dense.get() { Vec::new() } else { stacks_in_view.get() });
        let bars = {
            let spans = spans.clone();
            Memo::new(move |_| {
                if !dense.get() {
                    return Vec::new();
                }
                let s = scale.get();
                shown_positions.with(|all| tl::density(all.iter().map(|&p| spans[p]), &s, tl::bar_period(s.px_per_day)))
            })
        };
        let state = TimelineState {
            atlas,
            order: StoredValue::new(order),
            spans: StoredValue::new(spans),
            container,
            ruler: NodeRef::new(),
            scale,
            narrow: Memo::new(move |_| scale.get().width < NARROW_BELOW_PX),
            current: RwSignal::new(opening),
            shown_positions,
            layout,
            visible,
            visible_stacks,
            dense,
            bars,
            open_stack: RwSignal::new(None),
            vertical_limit: RwSignal::new(VERTICAL_PAGE),
            vertical_from: RwSignal::new(0),
        };
        if let Some((from, _)) = state.vertical_opening() {
            state.vertical_from.set(from);
        }
        state.follow_size_and_selection();
        state
    }

    /// Lays out again when the strip changes size; keeps the selected event in view and
    /// in the tab order; opening a stack's list takes focus to its heading.
    fn follow_size_and_selection(self) {
        let TimelineState { container, ruler, scale, current, layout, narrow, open_stack, dense, .. } = self;
        // A new width keeps the zoom and the centre: the prerendered page's items (drawn at
        // the opening zoom for `PRERENDER_WIDTH_PX`) stay the same size as they come to life.
        // A narrower strip not yet moved opens again at its own width, so that what the
        // opening view holds (a whole short season) still fits.
        let opening = StoredValue::new(scale.get_untracked());
        let (spans, first) = (self.spans, current.get_untracked());
        let resize = move |w: f64| {
            // Gone if the atlas was taken down before this size's turn came.
            let Some(s) = scale.try_get_untracked().filter(|s| s.width != w) else { return };
            if s == opening.get_value() && w < PRERENDER_WIDTH_PX {
                let reopened = spans.with_value(|all| tl::opening_scale(all, first, w));
                opening.set_value(reopened);
                scale.set(reopened);
            } else {
                scale.set(s.resized(w));
            }
        };
        observe_size_in_turn(ruler, move |w, _| resize(w));
        let loaded = self.atlas.loaded();
        let (order, selection) = (self.order, self.atlas.selection);
        Effect::new(move |_| {
            let Some(Selection::Event(id)) = selection.get() else { return };
            let Some(p) = order.with_value(|o| o.iter().position(|&i| loaded.feed.events[i].id == id)) else { return };
            // A stacked event has no button of its own: the tab stop stays where it is.
            if layout.with_untracked(|l| l.lanes[p] < MAX_LANES) || narrow.get_untracked() {
                current.set(p);
            }
            let span = spans.with_value(|s| s[p]);
            if dense.get_untracked() {
                // Bars only at this zoom: open around the event, as the timeline opens around today.
                let width = scale.with_untracked(|s| s.width);
                scale.set(spans.with_value(|all| tl::opening_scale(all, p, width)));
            } else if !scale.get_untracked().shows(span) {
                scale.update(|s| *s = TimeScale::centred_on(tl::midpoint(span), s.px_per_day, s.width));
            }
        });
        // New filters: the vertical timeline opens again at the shown event nearest today.
        Effect::new(move |previous: Option<()>| {
            self.shown_positions.track();
            if previous.is_some() {
                if let Some((from, _)) = self.vertical_opening() {
                    self.vertical_from.set(from);
                    self.vertical_limit.set(VERTICAL_PAGE);
                }
            }
        });
        let stack_title = format!("#{}", ids().of("tl-stack-title"));
        Effect::new(move |_| {
            if open_stack.with(Option::is_some) {
                focus_in(container, &stack_title);
            }
        });
    }

    /// The event at chronological position `p`.
    pub fn event_index(self, p: usize) -> usize {
        self.order.with_value(|o| o[p])
    }

    pub fn span(self, p: usize) -> Span {
        self.spans.with_value(|s| s[p])
    }

    /// Moves the roving focus to `p`, drawing and scrolling as far as needed.
    pub fn go_to(self, p: usize) {
        self.current.set(p);
        // On narrow screens, draw from and as far as the event walked to.
        if p < self.vertical_from.get_untracked() {
            self.vertical_from.set(p);
        }
        let from = self.vertical_from.get_untracked();
        let rank = self.shown_positions.with_untracked(|all| all.iter().filter(|&&q| q >= from && q < p).count());
        self.vertical_limit.update(|limit| *limit = (*limit).max(rank + 1));
        let s = self.scale.get_untracked();
        let span = self.span(p);
        let (x0, x1) = (s.x(day_number(span.first)), s.x(day_number(span.last) + 1.0));
        let stacked = self.layout.with_untracked(|l| l.lanes[p] >= MAX_LANES);
        if self.dense.get_untracked() || stacked {
            // Not drawn at this zoom: open around it as the timeline opens around today.
            self.scale.set(self.spans.with_value(|all| tl::opening_scale(all, p, s.width)));
        } else if x0 < 0.0 || x1 > s.width {
            self.scale.set(TimeScale::centred_on(tl::midpoint(span), s.px_per_day, s.width));
        }
        focus_in(self.container, ".ma-tl-event[tabindex='0']");
    }

    /// Where the vertical timeline opens: the event nearest today, with a few before it
    /// when too few come after; and that event.
    pub fn vertical_opening(self) -> Option<(usize, usize)> {
        let today = self.atlas.today.get_untracked();
        self.shown_positions.with_untracked(|all| {
            let shown: Vec<Span> = self.spans.with_value(|spans| all.iter().map(|&p| spans[p]).collect());
            let rank = tl::nearest_today(&shown, today)?;
            Some((all[tl::list_start(rank, all.len(), VERTICAL_MIN)], all[rank]))
        })
    }

    /// The events a keyboard walks among: those drawn (all shown ones on narrow screens).
    pub fn walkable(self) -> Vec<usize> {
        let wide = !self.narrow.get_untracked();
        self.shown_positions.with_untracked(|all| {
            all.iter().copied().filter(|&p| !wide || self.layout.with_untracked(|l| l.lanes[p] < MAX_LANES)).collect()
        })
    }
}

/// Lanes depend on zoom and language (label widths), not on panning.
fn layout(
    loaded: &Arc<Loaded>,
    order: Arc<Vec<usize>>,
    atlas: AtlasCtx,
    scale: RwSignal<TimeScale>,
    shown_positions: Memo<Vec<usize>>,
) -> Memo<Layout> {
    let px_per_day = Memo::new(move |_| scale.get().px_per_day);
    // Label lengths per position, measured once per language rather than on every keystroke.
    let label_chars = {
        let (loaded, order, lang) = (loaded.clone(), order.clone(), atlas.lang);
        Memo::new(move |_| {
            let lang = lang.get();
            order
                .iter()
                .map(|&i| i18n::event_label_chars(lang, &loaded.feed, &loaded.feed.events[i]))
                .collect::<Vec<_>>()
        })
    };
    let loaded = loaded.clone();
    Memo::new(move |_| {
        let px = px_per_day.get();
        let positions = shown_positions.get();
        let chars = label_chars.get();
        // Each item spans its band and, under it from its start, the room its label asks for.
        let extents: Vec<(f64, f64)> = positions
            .iter()
            .map(|&p| {
                let span = loaded.feed.events[order[p]].span;
                let start = day_number(span.first) * px;
                // The date's words are not measured (that would cost an Intl call per event): allow for the longest.
                let label = text_px(chars[p] + 2 + DATE_LABEL_CHARS).min(LABEL_WANT_PX);
                (start, start + band_px(span, px).max(label))
            })
            .collect();
        let packed = tl::pack_lanes(&extents, tl::LABEL_GAP_PX);
        let packed_ends = tl::label_ends(&extents, &packed);
        let mut lanes = vec![0; order.len()];
        let mut label_ends = vec![0.0; order.len()];
        for (i, &p) in positions.iter().enumerate() {
            lanes[p] = packed[i];
            label_ends[p] = packed_ends[i];
        }
        let stacks = tl::stacks(&extents, &packed, MAX_LANES, STACK_BIN_PX)
            .into_iter()
            .map(|stack| Stack {
                start: stack.start,
                positions: Arc::new(stack.items.into_iter().map(|i| positions[i]).collect()),
            })
            .collect();
        let lanes_drawn = packed.iter().max().map_or(1, |m| (m + 1).min(MAX_LANES));
        Layout { lanes, label_ends, lanes_drawn, stacks }
    })
}

/// The estimated width of `chars` characters of a label (the strip's font).
pub fn text_px(chars: usize) -> f64 {
    chars as f64 * CHAR_WIDTH_PX
}
