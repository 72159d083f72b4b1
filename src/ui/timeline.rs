//! The timeline: events along a zoomable, pannable time axis, in lanes that keep
//! them apart; uncertain dates drawn as bands; only what is in view is drawn.

use std::sync::Arc;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::date::Day;
use crate::core::feed::{Event, Span};
use crate::core::gesture::{Gesture, Pointers};
use crate::core::i18n::{self, Lang, Msg};
use crate::core::ics;
use crate::core::load::Loaded;
use crate::core::map::ZOOM_STEP;
use crate::core::query::{self, Selection};
use crate::core::timeline::{self as tl, TimeScale};

use super::browser::{download, now_seconds, observe_size};
use super::context::{use_atlas, AtlasCtx};
use super::controls::{icon_button, on_button, wheel_zoom};
use super::intl;

const LANE_HEIGHT_PX: f64 = 40.0;
const AXIS_HEIGHT_PX: f64 = 34.0;
const INITIAL_PX_PER_DAY: f64 = 6.0;
const PAN_STEP_PX: f64 = 200.0;
/// Estimated label width per character, for lane packing (labels must not overlap).
const CHAR_WIDTH_PX: f64 = 7.5;
const MIN_BAND_PX: f64 = 12.0;
const NARROW_BELOW_PX: f64 = 560.0;
const DATE_LABEL_CHARS: usize = 26;
/// Lanes drawn before the rest is stacked as "+N": a season of thousands of events
/// sharing one range would otherwise be thousands of lanes tall and as many buttons.
const MAX_LANES: usize = 6;
/// The stretch of the strip whose overflow goes into one stack (wider than a stack's button).
const STACK_BIN_PX: f64 = 64.0;
/// How many of a stack's events its list shows; the rest are reached by search and filters.
const STACK_LIST_LIMIT: usize = 50;
/// The narrow (vertical) timeline draws this many events at a time.
const VERTICAL_PAGE: usize = 100;

/// Lanes by position (events filtered out keep lane 0 and are not drawn), and the stacks
/// of the events beyond `MAX_LANES`, each with the positions it holds.
#[derive(Clone, Debug, PartialEq, Default)]
struct Layout {
    lanes: Vec<usize>,
    lanes_drawn: usize,
    stacks: Vec<Stack>,
}

/// A "+N" stack: where it starts (absolute px at the current zoom) and its events' positions.
#[derive(Clone, Debug, PartialEq)]
struct Stack {
    start: f64,
    positions: Arc<Vec<usize>>,
}

fn day_number(day: Day) -> f64 {
    day.days_since_epoch() as f64
}

/// How wide an event's band is drawn: its days, or enough to see and press.
fn band_px(span: Span, px_per_day: f64) -> f64 {
    ((day_number(span.last) + 1.0 - day_number(span.first)) * px_per_day).max(MIN_BAND_PX)
}

fn short_label(loaded: &Loaded, event: &Event, lang: Lang) -> String {
    match event.place.as_deref().and_then(|id| loaded.feed.place(id)) {
        Some(place) => place.name.get(lang).to_owned(),
        None => event.title.get(lang).to_owned(),
    }
}

/// What an item of either layout knows: its event, its place in the order, and the shared state.
#[derive(Clone)]
struct ItemState {
    id: String,
    position: usize,
    uncertain: bool,
    place: Option<String>,
    selection: RwSignal<Option<Selection>>,
    current: RwSignal<usize>,
}

impl ItemState {
    fn selected(&self) -> bool {
        self.selection.with(|s| matches!(s, Some(Selection::Event(e)) if *e == self.id))
    }

    fn pressed(&self) -> &'static str {
        if self.selected() {
            "true"
        } else {
            "false"
        }
    }

    /// Roving focus: only the current item is in the tab order.
    fn tab_index(&self) -> &'static str {
        if self.current.get() == self.position {
            "0"
        } else {
            "-1"
        }
    }

    fn class(&self, base: &str) -> String {
        let at_selected_place =
            self.selection.with(|s| matches!((s, &self.place), (Some(Selection::Place(sel)), Some(p)) if sel == p));
        let mut class = base.to_owned();
        for (on, name) in
            [(self.uncertain, " ma-uncertain"), (self.selected(), " ma-selected"), (at_selected_place, " ma-highlight")]
        {
            if on {
                class.push_str(name);
            }
        }
        class
    }

    /// Selects the event, or clears the selection if it was already selected.
    fn choose(&self) {
        self.current.set(self.position);
        let pick = Selection::Event(self.id.clone());
        self.selection.update(|s| *s = if s.as_ref() == Some(&pick) { None } else { Some(pick) });
    }
}

/// The item's place (or title) and date words, following the language.
fn item_texts(
    loaded: &Arc<Loaded>,
    index: usize,
    lang: ReadSignal<Lang>,
) -> (impl Fn() -> String, impl Fn() -> String) {
    let (a, b) = (loaded.clone(), loaded.clone());
    (move || short_label(&a, &a.feed.events[index], lang.get()), move || when_short(&b.feed.events[index], lang.get()))
}

/// Focuses the element of the timeline that `selector` finds, once it is drawn.
fn focus_in(container: NodeRef<html::Section>, selector: &str) {
    let selector = selector.to_owned();
    request_animation_frame(move || {
        let Some(el) = container.get_untracked() else { return };
        if let Ok(Some(target)) = el.query_selector(&selector) {
            if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
                let _ = target.focus();
            }
        }
    });
}

/// The date of an event in words as the timeline says it: loose for uncertain ranges.
pub fn when_short(event: &Event, lang: Lang) -> String {
    if event.span.uncertain {
        i18n::fuzzy_range(event.span, lang)
    } else {
        intl::when_in_words(&event.when, event.span, lang)
    }
}

#[component]
pub fn Timeline() -> impl IntoView {
    let atlas = use_atlas();
    let loaded = atlas.loaded();
    let AtlasCtx { lang, selection, today, shown, .. } = atlas;
    // Chronological order, fixed for the feed.
    let order: Arc<Vec<usize>> = Arc::new({
        let events = &loaded.feed.events;
        crate::core::order::sorted_positions(events.len(), &|a, b| query::chronological(&events[a], &events[b]))
    });
    let spans: Vec<_> = order.iter().map(|&i| loaded.feed.events[i].span).collect();
    let opening = tl::nearest_today(&spans, today).unwrap_or(0);
    let opening_day = spans.get(opening).map_or(day_number(today), |s| tl::midpoint(*s));

    let container = NodeRef::<html::Section>::new();
    let scale = RwSignal::new(TimeScale::centred_on(opening_day, INITIAL_PX_PER_DAY, 900.0));
    let px_per_day = Memo::new(move |_| scale.get().px_per_day);
    // Under a narrow width the timeline runs down the page instead: no sideways scroll trap on phones.
    let narrow = Memo::new(move |_| scale.get().width < NARROW_BELOW_PX);
    // Roving focus: the one event of the strip in the tab order.
    let current = RwSignal::new(opening);

    Effect::new(move |_| {
        if let Some(el) = container.get() {
            observe_size(&el, move |w, _| scale.update(|s| *s = s.resized(w)));
        }
    });

    // Positions (in `order`) of the events the filters let through.
    let shown_positions = {
        let order = order.clone();
        Memo::new(move |_| shown.with(|s| (0..order.len()).filter(|&p| s.contains(order[p])).collect::<Vec<usize>>()))
    };

    // Label lengths per position, measured once per language rather than on every keystroke.
    let label_chars = {
        let loaded = loaded.clone();
        let order = order.clone();
        Memo::new(move |_| {
            let lang = lang.get();
            order
                .iter()
                .map(|&i| short_label(&loaded, &loaded.feed.events[i], lang).chars().count())
                .collect::<Vec<usize>>()
        })
    };

    // Lanes depend on zoom and language (label widths), not on panning.
    let lanes = {
        let loaded = loaded.clone();
        let order = order.clone();
        Memo::new(move |_| {
            let px = px_per_day.get();
            let positions = shown_positions.get();
            let chars = label_chars.get();
            let extents: Vec<(f64, f64)> = positions
                .iter()
                .map(|&p| {
                    let event = &loaded.feed.events[order[p]];
                    let start = day_number(event.span.first) * px;
                    let band = band_px(event.span, px);
                    // The date's words are not measured (that would cost an Intl call per event): allow for the longest.
                    let text = chars[p] + DATE_LABEL_CHARS;
                    let label = text as f64 * CHAR_WIDTH_PX + 24.0;
                    (start, start + band.max(label))
                })
                .collect();
            let packed = tl::pack_lanes(&extents, 6.0);
            let mut lanes = vec![0; order.len()];
            for (&p, &lane) in positions.iter().zip(&packed) {
                lanes[p] = lane;
            }
            let stacks = tl::stacks(&extents, &packed, MAX_LANES, STACK_BIN_PX)
                .into_iter()
                .map(|stack| Stack {
                    start: stack.start,
                    positions: Arc::new(stack.items.into_iter().map(|i| positions[i]).collect()),
                })
                .collect();
            let lanes_drawn = packed.iter().max().map_or(1, |m| (m + 1).min(MAX_LANES));
            Layout { lanes, lanes_drawn, stacks }
        })
    };
    let rows = Memo::new(move |_| lanes.with(|l| l.lanes_drawn + usize::from(!l.stacks.is_empty())));
    let in_lanes = move |p: usize| lanes.with(|l| l.lanes[p] < MAX_LANES);

    // Positions (in `order`) of the events in view and in a lane: the only ones drawn.
    let visible = {
        let spans = spans.clone();
        Memo::new(move |_| {
            let s = scale.get();
            shown_positions.with(|positions| {
                positions.iter().copied().filter(|&p| in_lanes(p) && s.shows(spans[p])).collect::<Vec<usize>>()
            })
        })
    };
    // The stacks in view.
    let visible_stacks = Memo::new(move |_| {
        let s = scale.get();
        let offset = s.start * s.px_per_day;
        lanes.with(|l| {
            l.stacks
                .iter()
                .filter(|k| (-STACK_BIN_PX..=s.width).contains(&(k.start - offset)))
                .cloned()
                .collect::<Vec<Stack>>()
        })
    });
    // The stack whose events are listed under the strip, if one was pressed.
    let open_stack = RwSignal::new(None::<Stack>);
    // The narrow layout's page of events.
    let vertical_limit = RwSignal::new(VERTICAL_PAGE);

    // Keep the selected event in view and in the tab order.
    {
        let loaded = loaded.clone();
        let order = order.clone();
        let spans = spans.clone();
        Effect::new(move |_| {
            if let Some(Selection::Event(id)) = selection.get() {
                if let Some(p) = order.iter().position(|&i| loaded.feed.events[i].id == id) {
                    // A stacked event has no button of its own: the tab stop stays where it is.
                    if lanes.with_untracked(|l| l.lanes[p] < MAX_LANES) || narrow.get_untracked() {
                        current.set(p);
                    }
                    if !scale.get_untracked().shows(spans[p]) {
                        scale.update(|s| *s = TimeScale::centred_on(tl::midpoint(spans[p]), s.px_per_day, s.width));
                    }
                }
            }
        });
    }

    let focus_current = move || focus_in(container, ".ma-tl-event[tabindex='0']");
    let go_to = {
        let spans = spans.clone();
        move |p: usize| {
            current.set(p);
            // On narrow screens, draw as far as the event walked to.
            let rank = shown_positions.with_untracked(|all| all.partition_point(|&q| q < p));
            vertical_limit.update(|limit| *limit = (*limit).max(rank + 1));
            let s = scale.get_untracked();
            let span = spans[p];
            let (x0, x1) = (s.x(day_number(span.first)), s.x(day_number(span.last) + 1.0));
            if x0 < 0.0 || x1 > s.width {
                scale.set(TimeScale::centred_on(tl::midpoint(span), s.px_per_day, s.width));
            }
            focus_current();
        }
    };
    let key = {
        let go_to = go_to.clone();
        move |e: ev::KeyboardEvent| {
            let on_event = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.class_list().contains("ma-tl-event"));
            let p = current.get_untracked();
            // Walk among the events drawn (all shown ones on narrow screens), in order.
            let wide = !narrow.get_untracked();
            let positions: Vec<usize> = shown_positions.with_untracked(|all| {
                all.iter().copied().filter(|&p| !wide || lanes.with_untracked(|l| l.lanes[p] < MAX_LANES)).collect()
            });
            let next = positions.iter().copied().find(|&q| q > p).or(positions.last().copied());
            let previous = positions.iter().copied().rev().find(|&q| q < p).or(positions.first().copied());
            match (e.key().as_str(), next, previous) {
                ("ArrowRight" | "ArrowDown", Some(q), _) if on_event => go_to(q),
                ("ArrowLeft" | "ArrowUp", _, Some(q)) if on_event => go_to(q),
                ("Home", _, _) if !positions.is_empty() => go_to(positions[0]),
                ("End", _, _) if !positions.is_empty() => go_to(positions[positions.len() - 1]),
                ("ArrowRight", _, _) => scale.update(|s| *s = s.pan(-PAN_STEP_PX)),
                ("ArrowLeft", _, _) => scale.update(|s| *s = s.pan(PAN_STEP_PX)),
                ("+" | "=", _, _) => scale.update(|s| *s = s.zoom(ZOOM_STEP)),
                ("-" | "_", _, _) => scale.update(|s| *s = s.zoom(1.0 / ZOOM_STEP)),
                _ => return,
            }
            e.prevent_default();
        }
    };

    // Drag to pan, pinch to zoom; ctrl (or ⌘) + wheel to zoom, so the page still scrolls.
    let pointers = StoredValue::new(Pointers::default());
    let left_edge = move || container.get_untracked().map_or(0.0, |el| el.get_bounding_client_rect().left());
    let pointer_down = move |e: ev::PointerEvent| {
        if on_button(&e) || e.button() != 0 {
            return;
        }
        if let Some(el) = container.get_untracked() {
            let _ = el.set_pointer_capture(e.pointer_id());
        }
        let x = f64::from(e.client_x()) - left_edge();
        pointers.update_value(|ps| ps.down(e.pointer_id(), x, f64::from(e.client_y())));
    };
    let pointer_move = move |e: ev::PointerEvent| {
        if pointers.with_value(Pointers::is_empty) {
            return;
        }
        let x = f64::from(e.client_x()) - left_edge();
        let mut gesture = Gesture::None;
        pointers.update_value(|ps| gesture = ps.moved(e.pointer_id(), x, f64::from(e.client_y())));
        match gesture {
            Gesture::Pan { dx, .. } => scale.update(|s| *s = s.pan(dx)),
            Gesture::Pinch { dx, factor, x, .. } => scale.update(|s| *s = s.pan(dx).zoom_at(factor, x)),
            Gesture::None => {}
        }
    };
    let pointer_up = move |e: ev::PointerEvent| pointers.update_value(|ps| ps.up(e.pointer_id()));
    let wheel = move |e: ev::WheelEvent| {
        if !(e.ctrl_key() || e.meta_key()) {
            return;
        }
        e.prevent_default();
        let left = left_edge();
        scale.update(|s| *s = s.zoom_at(wheel_zoom(&e), f64::from(e.client_x()) - left));
    };

    let item = {
        let loaded = loaded.clone();
        let order = order.clone();
        move |p: usize| {
            let loaded = loaded.clone();
            let index = order[p];
            let event = &loaded.feed.events[index];
            let id = event.id.clone();
            let span = event.span;
            let place = event.place.clone();
            let uncertain = span.uncertain;
            let left = move || scale.with(|s| s.x(day_number(span.first)));
            let band = move || scale.with(|s| band_px(span, s.px_per_day));
            let top = move || AXIS_HEIGHT_PX + lanes.with(|l| l.lanes[p]) as f64 * LANE_HEIGHT_PX;
            let state = ItemState { id: id.clone(), position: p, uncertain, place, selection, current };
            let (label, when) = item_texts(&loaded, index, lang);
            view! {
                <li>
                    <button
                        type="button"
                        class={ let s = state.clone(); move || s.class("ma-tl-event") }
                        data-tl-event=id
                        tabindex={ let s = state.clone(); move || s.tab_index() }
                        aria-pressed={ let s = state.clone(); move || s.pressed() }
                        style:left=move || format!("{:.1}px", left())
                        style:top=move || format!("{:.1}px", top())
                        on:click=move |_| state.choose()
                    >
                        <span class="ma-tl-band" aria-hidden="true" style:width=move || format!("{:.1}px", band())></span>
                        <span class="ma-tl-label">{label} ","</span>
                        <span class="ma-tl-when">{when}</span>
                    </button>
                </li>
            }
        }
    };

    let vertical_item = {
        let loaded = loaded.clone();
        let order = order.clone();
        move |p: usize| {
            let index = order[p];
            let event = &loaded.feed.events[index];
            let id = event.id.clone();
            let state = ItemState {
                id: id.clone(),
                position: p,
                uncertain: event.span.uncertain,
                place: event.place.clone(),
                selection,
                current,
            };
            let (label, when) = item_texts(&loaded, index, lang);
            view! {
                <li>
                    <button
                        type="button"
                        class={ let s = state.clone(); move || s.class("ma-tl-event ma-tl-vertical-event") }
                        data-tl-event=id
                        tabindex={ let s = state.clone(); move || s.tab_index() }
                        aria-pressed={ let s = state.clone(); move || s.pressed() }
                        on:click=move |_| state.choose()
                    >
                        <span class="ma-tl-dot" aria-hidden="true"></span>
                        <span class="ma-tl-label">{label} ","</span>
                        <span class="ma-tl-when">{when}</span>
                    </button>
                </li>
            }
        }
    };
    let vertical_positions =
        move || shown_positions.with(|all| all.iter().take(vertical_limit.get()).copied().collect::<Vec<usize>>());
    let vertical_left = move || shown_positions.with(|all| all.len()).saturating_sub(vertical_limit.get());
    let vertical_key = key.clone();

    let stack_button = {
        let loaded = loaded.clone();
        let order = order.clone();
        move |stack: Stack| {
            let loaded = loaded.clone();
            let order = order.clone();
            let n = stack.positions.len();
            let start = stack.start;
            let left = move || scale.with(|s| start - s.start * s.px_per_day);
            let holds_selected = {
                let positions = stack.positions.clone();
                move || {
                    selection.with(|s| matches!(s, Some(Selection::Event(id)) if positions.iter().any(|&p| loaded.feed.events[order[p]].id == *id)))
                }
            };
            view! {
                <li>
                    <button
                        type="button"
                        class="ma-tl-more"
                        class:ma-selected=holds_selected
                        data-stack=format!("{start:.0}")
                        style:left=move || format!("{:.1}px", left())
                        style:top=format!("{:.1}px", AXIS_HEIGHT_PX + MAX_LANES as f64 * LANE_HEIGHT_PX)
                        aria-label=move || i18n::more_here(lang.get(), n)
                        aria-expanded=move || if open_stack.with(|o| o.as_ref().is_some_and(|o| o.start == start)) { "true" } else { "false" }
                        on:click=move |_| {
                            let same = open_stack.with_untracked(|o| o.as_ref().is_some_and(|o| o.start == start));
                            open_stack.set(if same { None } else { Some(stack.clone()) });
                        }
                    >
                        {format!("+{n}")}
                    </button>
                </li>
            }
        }
    };
    let stack_list = {
        let loaded = loaded.clone();
        let order = order.clone();
        move || {
            open_stack.get().map(|stack| {
                let lang = lang.get();
                let n = stack.positions.len();
                let close = move |_| {
                    open_stack.set(None);
                    focus_in(container, &format!(".ma-tl-more[data-stack='{:.0}']", stack.start));
                };
                let items = stack.positions.iter().take(STACK_LIST_LIMIT).map(|&p| {
                    let event = &loaded.feed.events[order[p]];
                    let pick = Selection::Event(event.id.clone());
                    let chosen = { let pick = pick.clone(); move || selection.with(|s| s.as_ref() == Some(&pick)) };
                    view! {
                        <li>
                            <button type="button" class="ma-tl-stack-event" aria-pressed=move || if chosen() { "true" } else { "false" } on:click=move |_| selection.set(Some(pick.clone()))>
                                <span class="ma-tl-stack-title">{event.title.get(lang).to_owned()}</span>
                                " "
                                <span class="ma-tl-when">{format!("{} · {}", short_label(&loaded, event, lang), when_short(event, lang))}</span>
                            </button>
                        </li>
                    }
                }).collect_view();
                view! {
                    <div class="ma-tl-stack" role="region" aria-labelledby="ma-tl-stack-title">
                        <h3 id="ma-tl-stack-title" tabindex="-1">{i18n::more_here(lang, n)}</h3>
                        <ul>{items}</ul>
                        {(n > STACK_LIST_LIMIT).then(|| view! { <p class="ma-note">{i18n::more_to_narrow(lang, n - STACK_LIST_LIMIT)}</p> })}
                        <button type="button" class="ma-button" on:click=close>{Msg::Close.text(lang)}</button>
                    </div>
                }
            })
        }
    };
    // Opening a stack's list takes focus to its heading, as a disclosure's content would.
    Effect::new(move |_| {
        if open_stack.with(Option::is_some) {
            focus_in(container, "#ma-tl-stack-title");
        }
    });

    let axis = move || {
        let s = scale.get();
        let lang = lang.get();
        tl::ticks(&s, lang)
            .into_iter()
            .map(|tick| {
                let x = s.x(day_number(tick.day));
                let class = if tick.major { "ma-tick ma-tick-major" } else { "ma-tick" };
                view! { <span class=class style:left=format!("{x:.1}px")>{tick.label}</span> }
            })
            .collect_view()
    };
    let today_x = move || scale.with(|s| s.x(day_number(today) + 0.5));
    let today_visible = move || {
        let x = today_x();
        (0.0..=scale.with(|s| s.width)).contains(&x)
    };

    let control = move |msg: Msg, symbol: &'static str, action: fn(TimeScale) -> TimeScale| {
        icon_button(lang, msg, symbol, "", move || scale.update(|s| *s = action(*s)))
    };

    view! {
        <section class="ma-timeline" aria-labelledby="ma-timeline-title" node_ref=container>
            <h2 id="ma-timeline-title" class="ma-section-title">{move || Msg::Timeline.text(lang.get())}</h2>
            <Show
                when=move || !narrow.get()
                fallback=move || view! {
                    <ol class="ma-timeline-vertical" aria-label=move || Msg::Timeline.text(lang.get()) on:keydown=vertical_key.clone()>
                        <For each=vertical_positions key=|p| *p children=vertical_item.clone() />
                    </ol>
                    <Show when=move || vertical_left() != 0>
                        <button type="button" class="ma-button ma-more" on:click=move |_| vertical_limit.update(|l| *l += VERTICAL_PAGE)>
                            {move || i18n::show_more(lang.get(), vertical_left().min(VERTICAL_PAGE), vertical_left())}
                        </button>
                    </Show>
                }
            >
            <div
                    class="ma-timeline-strip"
                    style:height=move || format!("{:.0}px", AXIS_HEIGHT_PX + rows.get() as f64 * LANE_HEIGHT_PX + 8.0)
                    aria-describedby="ma-timeline-keys"
                    on:keydown=key.clone()
                    on:pointerdown=pointer_down
                    on:pointermove=pointer_move
                    on:pointerup=pointer_up
                    on:pointercancel=pointer_up
                    on:wheel=wheel
                >
                    <div class="ma-axis" aria-hidden="true">{axis}</div>
                    <Show when=today_visible>
                        <div class="ma-today" aria-hidden="true" style:left=move || format!("{:.1}px", today_x())>
                            <span>{move || Msg::Today.text(lang.get())}</span>
                        </div>
                    </Show>
                    <ol class="ma-tl-events" aria-label=move || Msg::Timeline.text(lang.get())>
                        <For each=move || visible.get() key=|p| *p children=item.clone() />
                        <For each=move || visible_stacks.get() key=|s| (s.start as i64, s.positions.len()) children=stack_button.clone() />
                    </ol>
                </div>
                {stack_list.clone()}
            </Show>
            <div class="ma-map-controls" role="group" aria-label=move || Msg::TimelineControls.text(lang.get()) hidden=narrow>
                {control(Msg::ZoomIn, "+", |s| s.zoom(ZOOM_STEP))}
                {control(Msg::ZoomOut, "−", |s| s.zoom(1.0 / ZOOM_STEP))}
                {control(Msg::Earlier, "←", |s| s.pan(PAN_STEP_PX))}
                {control(Msg::Later, "→", |s| s.pan(-PAN_STEP_PX))}
                <button
                    type="button"
                    class="ma-map-button ma-go-today"
                    on:click=move |_| scale.update(|s| *s = TimeScale::centred_on(day_number(today) + 0.5, s.px_per_day, s.width))
                >
                    {move || Msg::GoToday.text(lang.get())}
                </button>
            </div>
            <p id="ma-timeline-keys" class="ma-map-keys">{move || Msg::TimelineKeys.text(lang.get())}</p>
        </section>
    }
}

/// The selected event's details, and a brief polite announcement of the selection.
#[component]
pub fn Details() -> impl IntoView {
    let atlas = use_atlas();
    let loaded = atlas.loaded();
    let AtlasCtx { lang, selection, today, .. } = atlas;
    // Found once per selection, for both the announcement and the panel.
    let selected_event = {
        let loaded = loaded.clone();
        Memo::new(move |_| match selection.get() {
            Some(Selection::Event(id)) => loaded.feed.events.iter().position(|e| e.id == id),
            _ => None,
        })
    };
    let announcement = {
        let loaded = loaded.clone();
        move || {
            selected_event.get().map(|i| {
                let lang = lang.get();
                let event = &loaded.feed.events[i];
                i18n::selected(lang, event.title.get(lang), &when_short(event, lang))
            })
        }
    };
    let panel = move || {
        selected_event.get().map(|i| {
            let lang = lang.get();
            let event = &loaded.feed.events[i];
            view! {
                <div class="ma-details" role="region" aria-labelledby=format!("ma-detail-{}", event.id)>
                    <button type="button" class="ma-button ma-close" on:click=move |_| selection.set(None)>
                        {Msg::CloseDetails.text(lang)}
                    </button>
                    {super::list::event_card(&loaded.feed, event, lang, today, "ma-detail-", &[])}
                    {loaded.feed.edition(&event.edition).and_then(|edition| super::list::sponsors_line(&loaded.feed, edition, lang))}
                    <p>
                        <button type="button" class="ma-button ma-ics" on:click={
                            let loaded = loaded.clone();
                            move |_| {
                                let event = &loaded.feed.events[i];
                                let text = ics::calendar(&loaded.feed, &[event], lang, now_seconds());
                                download(&format!("{}.ics", event.id), "text/calendar", &text);
                            }
                        }>
                            {Msg::AddToCalendar.text(lang)}
                        </button>
                    </p>
                </div>
            }
        })
    };
    view! {
        <p class="ma-live ma-announce" aria-live="polite">{announcement}</p>
        {panel}
    }
}
