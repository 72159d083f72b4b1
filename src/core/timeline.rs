//! The timeline's arithmetic: the time scale, tick choice per zoom, lanes that keep
//! events from overlapping, the event nearest today, and uncertain ranges in words.

use super::date::{Day, Period};
use super::feed::Span;
use super::i18n::{day_month, month_short};
use super::lang::Lang;

/// Days since the epoch as a continuous coordinate (a day `d` covers `d..d+1`).
pub type DayNumber = f64;

/// Where a day starts on the time axis.
pub fn day_number(day: Day) -> DayNumber {
    day.days_since_epoch() as f64
}

/// The narrowest an event's band is drawn: enough to see and press.
const MIN_BAND_PX: f64 = 12.0;

/// How wide an event's band is drawn: its days, or enough to see and press.
pub fn band_px(span: Span, px_per_day: f64) -> f64 {
    ((day_number(span.last) + 1.0 - day_number(span.first)) * px_per_day).max(MIN_BAND_PX)
}

/// Which part of time the timeline shows: `start` at the left edge of a `width`-pixel strip.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeScale {
    pub start: DayNumber,
    pub px_per_day: f64,
    pub width: f64,
}

/// From decades to hours-per-day detail.
pub const MIN_PX_PER_DAY: f64 = 0.02;
pub const MAX_PX_PER_DAY: f64 = 400.0;

impl TimeScale {
    /// Centres `day` at `px_per_day`.
    pub fn centred_on(day: DayNumber, px_per_day: f64, width: f64) -> TimeScale {
        let px_per_day = px_per_day.clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
        TimeScale { start: day - width / 2.0 / px_per_day, px_per_day, width }
    }

    pub fn x(&self, day: DayNumber) -> f64 {
        (day - self.start) * self.px_per_day
    }

    pub fn day_at(&self, x: f64) -> DayNumber {
        self.start + x / self.px_per_day
    }

    pub fn end(&self) -> DayNumber {
        self.day_at(self.width)
    }

    pub fn centre(&self) -> DayNumber {
        self.day_at(self.width / 2.0)
    }

    /// Zooms by `factor`, keeping the day under pixel `x` in place.
    pub fn zoom_at(&self, factor: f64, x: f64) -> TimeScale {
        let anchor = self.day_at(x);
        let px_per_day = (self.px_per_day * factor).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
        TimeScale { start: anchor - x / px_per_day, px_per_day, width: self.width }
    }

    pub fn zoom(&self, factor: f64) -> TimeScale {
        self.zoom_at(factor, self.width / 2.0)
    }

    /// Moves the content `dx` pixels to the right, as a drag does.
    pub fn pan(&self, dx: f64) -> TimeScale {
        TimeScale { start: self.start - dx / self.px_per_day, ..*self }
    }

    pub fn resized(&self, width: f64) -> TimeScale {
        TimeScale::centred_on(self.centre(), self.px_per_day, width)
    }

    pub fn unit(&self) -> TickUnit {
        TickUnit::for_scale(self.px_per_day)
    }

    /// Whether a span is at least partly in view.
    pub fn shows(&self, span: Span) -> bool {
        let first = span.first.days_since_epoch() as f64;
        let last = span.last.days_since_epoch() as f64 + 1.0;
        last >= self.start && first <= self.end()
    }
}

/// The step between axis ticks, chosen so labels do not collide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickUnit {
    Year,
    Month,
    Week,
    Day,
}

impl TickUnit {
    pub fn for_scale(px_per_day: f64) -> TickUnit {
        // A label needs about 60 px: a month ≈ 30 days, a week 7, a year 365.
        if px_per_day >= 60.0 {
            TickUnit::Day
        } else if px_per_day >= 9.0 {
            TickUnit::Week
        } else if px_per_day >= 2.2 {
            TickUnit::Month
        } else {
            TickUnit::Year
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub day: Day,
    /// Starts a larger unit (a new year among months, a new month among days…).
    pub major: bool,
    pub label: String,
}

/// A tick label's estimated width (the axis font), to keep it whole inside the strip.
const TICK_PX_PER_CHAR: f64 = 7.5;
const TICK_PADDING_PX: f64 = 8.0;

/// The ticks whose labels fit whole inside the strip, labelled in `lang`; month, week
/// and day ticks say the year on the first one and wherever it changes ("May 2019",
/// "Jun", …, "Jan 2020"). Year ticks thin out to every 2, 5, 10… years when even years
/// would collide.
pub fn ticks(lang: Lang, scale: &TimeScale) -> Vec<Tick> {
    let mut ticks: Vec<Tick> =
        all_ticks(lang, scale).into_iter().filter(|t| scale.x(t.day.days_since_epoch() as f64) >= 0.0).collect();
    if scale.unit() != TickUnit::Year {
        let mut year = None;
        for tick in &mut ticks {
            if year != Some(tick.day.year) {
                year = Some(tick.day.year);
                if !tick.label.ends_with(&tick.day.year.to_string()) {
                    tick.label = format!("{} {}", tick.label, tick.day.year);
                }
            }
        }
    }
    ticks.retain(|t| scale.x(t.day.days_since_epoch() as f64) + label_width(&t.label) <= scale.width);
    ticks
}

fn label_width(label: &str) -> f64 {
    label.chars().count() as f64 * TICK_PX_PER_CHAR + TICK_PADDING_PX
}

/// Every tick from the first day in view to the last, labels without added years.
fn all_ticks(lang: Lang, scale: &TimeScale) -> Vec<Tick> {
    let first = Day::from_days_since_epoch(scale.start.floor() as i64);
    let last = Day::from_days_since_epoch(scale.end().ceil() as i64);
    let mut ticks = Vec::new();
    match scale.unit() {
        TickUnit::Year => {
            let px_per_year = scale.px_per_day * 365.25;
            let step =
                [1, 2, 5, 10, 20, 50, 100].into_iter().find(|s| f64::from(*s) * px_per_year >= 50.0).unwrap_or(100);
            let mut year = first.year - first.year.rem_euclid(step);
            while year <= last.year {
                if let Some(day) = Day::new(year, 1, 1) {
                    ticks.push(Tick { day, major: year % (step * 5) == 0, label: year.to_string() });
                }
                year += step;
            }
        }
        TickUnit::Month => {
            let (mut year, mut month) = (first.year, first.month);
            while (year, month) <= (last.year, last.month) {
                let day = Day { year, month, day: 1 };
                let label = if month == 1 {
                    format!("{} {year}", month_short(lang, month))
                } else {
                    month_short(lang, month).to_owned()
                };
                ticks.push(Tick { day, major: month == 1, label });
                (year, month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
            }
        }
        TickUnit::Week | TickUnit::Day => {
            let step = if scale.unit() == TickUnit::Week { 7 } else { 1 };
            // Weeks start on Mondays (1970-01-01 was a Thursday).
            let mut n = first.days_since_epoch();
            if step == 7 {
                n -= (n + 3).rem_euclid(7);
            }
            while n <= last.days_since_epoch() {
                let day = Day::from_days_since_epoch(n);
                ticks.push(Tick { day, major: day.day <= step as u8, label: day_month(lang, day) });
                n += step;
            }
        }
    }
    ticks
}

/// Assigns each item a lane so that no two items in a lane overlap on screen.
/// `extents` are (start px, end px) including each item's label; items are
/// placed in start order in the lowest lane free by then (greedy interval
/// partitioning, optimal in the number of lanes). O(n log n): a season of
/// thousands of events sharing one range needs thousands of lanes.
pub fn pack_lanes(extents: &[(f64, f64)], gap: f64) -> Vec<usize> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let order =
        super::order::sorted_positions(extents.len(), &|a, b| extents[a].0.total_cmp(&extents[b].0).then(a.cmp(&b)));
    // Busy lanes by when they end (earliest first), free lanes by number (lowest first).
    let mut busy: BinaryHeap<Reverse<(Px, usize)>> = BinaryHeap::new();
    let mut free: BinaryHeap<Reverse<usize>> = BinaryHeap::new();
    let mut lane_count = 0;
    let mut lanes = vec![0; extents.len()];
    for i in order {
        let (start, end) = extents[i];
        while let Some(&Reverse((Px(lane_end), lane))) = busy.peek() {
            if lane_end + gap > start {
                break;
            }
            busy.pop();
            free.push(Reverse(lane));
        }
        let lane = free.pop().map_or_else(
            || {
                lane_count += 1;
                lane_count - 1
            },
            |Reverse(lane)| lane,
        );
        busy.push(Reverse((Px(end.max(start)), lane)));
        lanes[i] = lane;
    }
    lanes
}

/// A pixel coordinate that orders totally, for the heap above.
#[derive(Clone, Copy, PartialEq)]
struct Px(f64);

impl Eq for Px {}

impl PartialOrd for Px {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Px {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// The items that do not fit in the `max_lanes` lanes drawn, gathered into "+N more"
/// stacks: one per `bin_px`-wide stretch of the strip (in absolute pixels, so a stack
/// stays put while panning), each with its items in the order given.
#[derive(Clone, Debug, PartialEq)]
pub struct Stack {
    /// Left edge of the stack, in the same pixels as the extents.
    pub start: f64,
    /// Indices into the extents.
    pub items: Vec<usize>,
}

pub fn stacks(extents: &[(f64, f64)], lanes: &[usize], max_lanes: usize, bin_px: f64) -> Vec<Stack> {
    let mut stacks: Vec<Stack> = Vec::new();
    let mut bins: rustc_hash::FxHashMap<i64, usize> = rustc_hash::FxHashMap::default();
    for (i, (&(start, _), &lane)) in extents.iter().zip(lanes).enumerate() {
        if lane < max_lanes {
            continue;
        }
        let bin = (start / bin_px).floor() as i64;
        let at = *bins.entry(bin).or_insert_with(|| {
            stacks.push(Stack { start: bin as f64 * bin_px, items: Vec::new() });
            stacks.len() - 1
        });
        stacks[at].items.push(i);
    }
    super::order::sort(&mut stacks, &|a, b| a.start.total_cmp(&b.start));
    stacks
}

/// The event to open on: the next one to come, or else the latest past one.
pub fn nearest_today(spans: &[Span], today: Day) -> Option<usize> {
    let upcoming = spans.iter().enumerate().filter(|(_, s)| s.first >= today).min_by_key(|(i, s)| (s.first, *i));
    let ongoing =
        || spans.iter().enumerate().filter(|(_, s)| s.first < today && s.last >= today).max_by_key(|(_, s)| s.first);
    let past = || {
        spans.iter().enumerate().filter(|(_, s)| s.last < today).max_by_key(|(i, s)| (s.last, std::cmp::Reverse(*i)))
    };
    upcoming.or_else(ongoing).or_else(past).map(|(i, _)| i)
}

/// The middle of a span, for centring the view on it.
pub fn midpoint(span: Span) -> DayNumber {
    (span.first.days_since_epoch() as f64 + span.last.days_since_epoch() as f64 + 1.0) / 2.0
}

/// The gap between an item (its band and its label) and the next item of its lane, px.
pub const LABEL_GAP_PX: f64 = 6.0;
/// Narrower than this, a label is left out: its item keeps its band and its name.
pub const MIN_LABEL_PX: f64 = 44.0;

/// How much of an item's label is drawn, longest first: "Title — Place, date",
/// "Title — Place", "Title" (cut with an ellipsis if it must), or nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelForm {
    Full,
    NoDate,
    Title,
    Hidden,
}

/// An item's label widths (estimated, px) in its three forms.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelWidths {
    pub full: f64,
    pub no_date: f64,
    pub title: f64,
}

/// Where each item's label must end: before the next item of its lane starts (infinity
/// for the last of a lane), in the extents' pixels. A label starts where its band does.
pub fn label_ends(extents: &[(f64, f64)], lanes: &[usize]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..extents.len()).collect();
    super::order::sort_positions(&mut order, &|a, b| {
        lanes[a].cmp(&lanes[b]).then(extents[a].0.total_cmp(&extents[b].0)).then(a.cmp(&b))
    });
    let mut ends = vec![f64::INFINITY; extents.len()];
    for pair in order.windows(2) {
        let (i, next) = (pair[0], pair[1]);
        if lanes[i] == lanes[next] {
            ends[i] = extents[next].0 - LABEL_GAP_PX;
        }
    }
    ends
}

/// Where a label goes on screen and its room: from its band's start (`start`, held at the
/// strip's left edge for a band that began before it) to its `end` or the strip's right edge.
pub fn label_on_screen(start: f64, end: f64, width: f64) -> (f64, f64) {
    let x = start.max(0.0);
    (x, (end.min(width) - x).max(0.0))
}

/// The longest form of a label that fits `room`, and the width it is drawn at (never
/// more than `room`: a title longer than it is cut, not spilled over its neighbour).
pub fn fit_label(widths: LabelWidths, room: f64) -> (LabelForm, f64) {
    if room < MIN_LABEL_PX {
        (LabelForm::Hidden, 0.0)
    } else if widths.full <= room {
        (LabelForm::Full, widths.full)
    } else if widths.no_date <= room {
        (LabelForm::NoDate, widths.no_date)
    } else {
        (LabelForm::Title, widths.title.min(room))
    }
}

/// More "+N" stacks than this in view, and the strip draws how many events there are
/// per day, week, month or year instead: a row of bubbles says nothing.
pub const MAX_STACKS_IN_VIEW: usize = 3;
/// From this zoom on (about a day per tick), stacks stay: a bar per day would say no more.
pub const DENSITY_BELOW_PX_PER_DAY: f64 = 60.0;

/// Whether the strip shows the density bars rather than its items and stacks.
pub fn is_dense(stacks_in_view: usize, px_per_day: f64) -> bool {
    stacks_in_view > MAX_STACKS_IN_VIEW && px_per_day < DENSITY_BELOW_PX_PER_DAY
}

/// The narrowest bar worth drawing, in pixels.
const MIN_BAR_PX: f64 = 28.0;

/// The shortest period whose bar is at least `MIN_BAR_PX` wide at this zoom.
pub fn bar_period(px_per_day: f64) -> Period {
    if px_per_day >= MIN_BAR_PX {
        Period::Day
    } else if px_per_day * 7.0 >= MIN_BAR_PX {
        Period::Week
    } else if px_per_day * 28.0 >= MIN_BAR_PX {
        Period::Month
    } else {
        Period::Year
    }
}

/// One density bar: a period and how many events start in it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bin {
    pub start: Day,
    /// The first day after the period.
    pub end: Day,
    pub count: usize,
}

/// How many of `spans` start in each `unit` of the view, for the periods that overlap it
/// and hold at least one event, in order. Each event is counted once, where it starts.
pub fn density(spans: impl IntoIterator<Item = Span>, scale: &TimeScale, unit: Period) -> Vec<Bin> {
    let mut counts: std::collections::BTreeMap<Day, usize> = std::collections::BTreeMap::new();
    let first_start = unit.start_of(Day::from_days_since_epoch(scale.start.floor() as i64));
    let end = scale.end();
    for span in spans {
        let period = unit.start_of(span.first);
        if period >= first_start && period.days_since_epoch() as f64 <= end {
            *counts.entry(period).or_default() += 1;
        }
    }
    counts.into_iter().map(|(start, count)| Bin { start, end: unit.next(start), count }).collect()
}

/// The view that shows one bar's period whole, with a little room either side.
pub fn zoomed_to(bin: &Bin, width: f64) -> TimeScale {
    let (first, last) = (bin.start.days_since_epoch() as f64, bin.end.days_since_epoch() as f64);
    TimeScale::centred_on((first + last) / 2.0, width / ((last - first) * 1.1), width)
}

/// About one readable event (a label of a couple of hundred pixels) per this many pixels.
const READABLE_PX_PER_EVENT: f64 = 100.0;
/// The opening zoom never goes further in than a few days across a phone.
const MAX_OPENING_PX_PER_DAY: f64 = 120.0;

/// The view the timeline opens on: centred on `spans[focus]` (the event nearest today),
/// zoomed in until about one event per `READABLE_PX_PER_EVENT` is in view, and never
/// zoomed out past every event of the feed with a margin (a three-week season fills the
/// strip rather than sitting in 40 years of nothing); the view is kept over the feed.
pub fn opening_scale(spans: &[Span], focus: usize, width: f64) -> TimeScale {
    // Each span's days as numbers, once: the zoom counts the spans it shows at each of its
    // steps (some 20 for a feed of several years; 10,000 events took 9 ms when each step
    // worked out every date again).
    let days: Vec<(DayNumber, DayNumber)> =
        spans.iter().map(|s| (s.first.days_since_epoch() as f64, (s.last.days_since_epoch() + 1) as f64)).collect();
    let Some(first) = days.iter().map(|d| d.0).reduce(f64::min) else {
        return TimeScale::centred_on(0.0, 6.0, width);
    };
    let last = days.iter().map(|d| d.1).reduce(f64::max).unwrap_or(first + 1.0);
    // More than `readable` shown: stops counting at the one past it.
    let crowded = |scale: &TimeScale, readable: usize| {
        days.iter().filter(|&&(a, b)| b >= scale.start && a <= scale.end()).nth(readable).is_some()
    };
    zoomed_in((first, last), spans.get(focus).copied(), width, crowded)
}

/// From every day of `first..last` (and a margin), zoomed in on `focus` by steps while
/// `crowded` says more than a readable number of events are in view.
fn zoomed_in(
    (first, last): (DayNumber, DayNumber),
    focus: Option<Span>,
    width: f64,
    crowded: impl Fn(&TimeScale, usize) -> bool,
) -> TimeScale {
    let margin = ((last - first) * 0.08).max(2.0);
    let (from, to) = (first - margin, last + margin);
    let widest = (width / (to - from)).min(MAX_OPENING_PX_PER_DAY);
    let centre = focus.map_or((first + last) / 2.0, midpoint);
    let readable = (width / READABLE_PX_PER_EVENT).max(1.0) as usize;
    // Events that share the focus's dates stay together: not zoomed in past its own band.
    let focus_days = focus.map_or(1.0, |s| (s.last.days_since_epoch() + 1 - s.first.days_since_epoch()) as f64);
    let closest = (width * 0.8 / focus_days).clamp(widest, MAX_OPENING_PX_PER_DAY);
    let mut px = widest;
    let mut scale = over(TimeScale::centred_on(centre, px, width), from, to);
    while px < closest && crowded(&scale, readable) {
        px = (px * 1.25).min(closest);
        scale = over(TimeScale::centred_on(centre, px, width), from, to);
    }
    scale
}

/// `scale` moved so that it stays between `from` and `to` where it can.
fn over(scale: TimeScale, from: DayNumber, to: DayNumber) -> TimeScale {
    let days = scale.width / scale.px_per_day;
    if days >= to - from {
        return TimeScale { start: (from + to - days) / 2.0, ..scale };
    }
    TimeScale { start: scale.start.clamp(from, to - days), ..scale }
}

/// Where a long list opens: at the event nearest today (`rank` among `len`), but with at
/// least `min_shown` events on screen (a season all past opens on its last few, not one).
pub fn list_start(rank: usize, len: usize, min_shown: usize) -> usize {
    rank.min(len.saturating_sub(min_shown))
}

/// The page of a list that is shown: the listed events by edition, from where it opens.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListPage {
    /// Each edition's events on the page, by index in the feed; the edition by its index
    /// (`None`: the events of no edition).
    pub groups: Vec<(Option<usize>, Vec<usize>)>,
    /// Where the list opens among the listed events (`list_start`).
    pub opening: usize,
    /// Where the page starts among them: `opening`, less the earlier events asked for.
    pub start: usize,
    /// The listed event nearest today, by index in the feed.
    pub nearest: Option<usize>,
    /// How many listed events come after the page.
    pub left: usize,
}

impl ListPage {
    /// The events of edition `edition` on the page.
    pub fn of(&self, edition: Option<usize>) -> Vec<usize> {
        self.groups.iter().find(|(e, _)| *e == edition).map(|(_, events)| events.clone()).unwrap_or_default()
    }
}

/// The page of at most `limit` events of `order` (events by edition) that are `shown`,
/// opening `earlier` events before the one nearest `today` (see `list_start`).
pub fn list_page(
    order: &[(Option<usize>, Vec<usize>)],
    shown: &dyn Fn(usize) -> bool,
    span: &dyn Fn(usize) -> Span,
    today: Day,
    (earlier, limit, min_shown): (usize, usize, usize),
) -> ListPage {
    let mut groups: Vec<(Option<usize>, Vec<usize>)> = order
        .iter()
        .map(|(edition, events)| (*edition, events.iter().copied().filter(|&i| shown(i)).collect::<Vec<_>>()))
        .filter(|(_, events)| !events.is_empty())
        .collect();
    let listed: Vec<usize> = groups.iter().flat_map(|(_, events)| events.iter().copied()).collect();
    let spans: Vec<Span> = listed.iter().map(|&i| span(i)).collect();
    let rank = nearest_today(&spans, today).unwrap_or(0);
    let opening = list_start(rank, listed.len(), min_shown);
    let start = opening.saturating_sub(earlier);
    let (mut skip, mut budget) = (start, limit);
    for (_, events) in &mut groups {
        let skipped = skip.min(events.len());
        events.drain(..skipped);
        skip -= skipped;
        events.truncate(budget);
        budget -= events.len();
    }
    groups.retain(|(_, events)| !events.is_empty());
    ListPage {
        groups,
        opening,
        start,
        nearest: listed.get(rank).copied(),
        left: listed.len().saturating_sub(start + limit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::fuzzy_range;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    fn span(a: &str, b: &str) -> Span {
        Span { first: day(a), last: day(b), uncertain: true }
    }

    #[test]
    fn scale_maps_days_to_pixels_and_back() {
        let d = day("2019-05-24").days_since_epoch() as f64;
        let scale = TimeScale::centred_on(d, 10.0, 1000.0);
        assert_eq!(scale.x(d), 500.0);
        assert_eq!(scale.day_at(500.0), d);
        let zoomed = scale.zoom_at(2.0, 200.0);
        assert!((zoomed.x(scale.day_at(200.0)) - 200.0).abs() < 1e-9);
        assert_eq!(scale.pan(100.0).x(d), 600.0);
        assert_eq!(scale.zoom(1e9).px_per_day, MAX_PX_PER_DAY);
        assert!(scale.shows(span("2019-05-24", "2019-06-14")));
        assert!(!scale.shows(span("2018-01-01", "2018-01-02")));
    }

    #[test]
    fn tick_unit_follows_zoom() {
        assert_eq!(TickUnit::for_scale(0.1), TickUnit::Year);
        assert_eq!(TickUnit::for_scale(3.0), TickUnit::Month);
        assert_eq!(TickUnit::for_scale(12.0), TickUnit::Week);
        assert_eq!(TickUnit::for_scale(100.0), TickUnit::Day);
    }

    #[test]
    fn ticks_are_labelled_in_both_languages() {
        let centre = day("2019-06-01").days_since_epoch() as f64;
        let months = TimeScale::centred_on(centre, 3.0, 900.0); // ≈ 300 days
        let en: Vec<String> = ticks(Lang::En, &months).into_iter().map(|t| t.label).collect();
        let fr: Vec<String> = ticks(Lang::Fr, &months).into_iter().map(|t| t.label).collect();
        assert!(en[0].ends_with(" 2019"), "{en:?}");
        assert!(en.contains(&"May".to_owned()) && fr.contains(&"mai".to_owned()), "{fr:?}");
        assert!(fr.contains(&"févr.".to_owned()) || fr.contains(&"août".to_owned()), "{fr:?}");
        let days = TimeScale::centred_on(centre, 100.0, 500.0);
        let fr_days: Vec<String> = ticks(Lang::Fr, &days).into_iter().map(|t| t.label).collect();
        assert!(fr_days.contains(&"1er juin".to_owned()), "{fr_days:?}");
        assert!(ticks(Lang::En, &days).iter().any(|t| t.label == "Jun 1" && t.major));
        let weeks = TimeScale::centred_on(centre, 12.0, 600.0);
        let mondays = ticks(Lang::En, &weeks);
        assert!(mondays.len() >= 6);
        // 2019-06-03 was a Monday.
        assert!(mondays.iter().any(|t| t.day == day("2019-06-03")), "{mondays:?}");
        let years = TimeScale::centred_on(centre, 0.05, 800.0); // 16 000 days ≈ 44 years
        let y: Vec<_> = ticks(Lang::En, &years);
        assert!(y.windows(2).all(|w| w[1].day.year - w[0].day.year == 5), "{y:?}");
    }

    #[test]
    fn ticks_say_the_year_first_and_where_it_changes_and_stay_inside() {
        // From mid November 2018 to early March 2020.
        let scale = TimeScale::centred_on(day("2019-07-01").days_since_epoch() as f64, 3.0, 1400.0);
        for lang in [Lang::En, Lang::Fr] {
            let all = ticks(lang, &scale);
            let with_year: Vec<&str> =
                all.iter().filter(|t| t.label.ends_with(&t.day.year.to_string())).map(|t| t.label.as_str()).collect();
            assert_eq!(with_year.len(), 3, "the first tick and each January: {with_year:?}");
            assert!(all[0].label.ends_with(" 2018") && !all[2].label.contains('2'), "{all:?}");
            for tick in &all {
                let x = scale.x(tick.day.days_since_epoch() as f64);
                assert!(x >= 0.0 && x + label_width(&tick.label) <= scale.width, "{tick:?} at {x}");
            }
        }
        let weeks = TimeScale::centred_on(day("2019-06-01").days_since_epoch() as f64, 12.0, 600.0);
        let labels: Vec<String> = ticks(Lang::Fr, &weeks).into_iter().map(|t| t.label).collect();
        assert!(labels[0].ends_with(" 2019") && !labels[1].contains("2019"), "{labels:?}");
    }

    #[test]
    fn uncertain_ranges_in_words() {
        let s = span("2019-05-24", "2019-06-14");
        assert_eq!(fuzzy_range(Lang::En, s), "late May – mid June 2019");
        assert_eq!(fuzzy_range(Lang::Fr, s), "fin mai – mi-juin 2019");
        assert_eq!(fuzzy_range(Lang::Fr, span("2019-06-01", "2019-06-09")), "début juin 2019");
        assert_eq!(fuzzy_range(Lang::En, span("2019-12-20", "2020-01-05")), "mid December 2019 – early January 2020");
    }

    #[test]
    fn lanes_never_overlap_and_use_few_lanes() {
        let extents = [(0.0, 100.0), (50.0, 120.0), (110.0, 200.0), (130.0, 140.0), (300.0, 310.0)];
        let lanes = pack_lanes(&extents, 4.0);
        assert_eq!(lanes, [0, 1, 0, 1, 0]);
        // Property: on random-ish input, items sharing a lane never overlap.
        let mut seed = 7u64;
        let extents: Vec<(f64, f64)> = (0..2000)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let start = (seed >> 33) as f64 % 10_000.0;
                (start, start + 5.0 + (seed >> 50) as f64 % 200.0)
            })
            .collect();
        let lanes = pack_lanes(&extents, 2.0);
        for lane in 0..=*lanes.iter().max().unwrap() {
            let mut items: Vec<_> = (0..extents.len()).filter(|&i| lanes[i] == lane).map(|i| extents[i]).collect();
            items.sort_by(|a, b| a.0.total_cmp(&b.0));
            assert!(items.windows(2).all(|w| w[0].1 + 2.0 <= w[1].0), "lane {lane} overlaps");
        }
    }

    /// The lowest free lane, as a linear scan would choose it, on input with many ties.
    #[test]
    fn lanes_match_the_simple_greedy_and_scale() {
        fn simple(extents: &[(f64, f64)], gap: f64) -> Vec<usize> {
            let mut order: Vec<usize> = (0..extents.len()).collect();
            order.sort_by(|&a, &b| extents[a].0.total_cmp(&extents[b].0).then(a.cmp(&b)));
            let mut ends: Vec<f64> = Vec::new();
            let mut lanes = vec![0; extents.len()];
            for i in order {
                let lane = ends.iter().position(|&e| e + gap <= extents[i].0).unwrap_or_else(|| {
                    ends.push(f64::NEG_INFINITY);
                    ends.len() - 1
                });
                ends[lane] = extents[i].1;
                lanes[i] = lane;
            }
            lanes
        }
        let mut seed = 11u64;
        let extents: Vec<(f64, f64)> = (0..3000)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let start = ((seed >> 33) % 40) as f64 * 25.0; // many equal starts
                (start, start + 30.0 + ((seed >> 50) % 4) as f64 * 50.0)
            })
            .collect();
        assert_eq!(pack_lanes(&extents, 6.0), simple(&extents, 6.0));
        // 20,000 items on one day: one lane each, found in well under a second.
        let same = vec![(100.0, 300.0); 20_000];
        let started = std::time::Instant::now();
        let lanes = pack_lanes(&same, 6.0);
        assert_eq!(lanes.iter().max(), Some(&19_999));
        assert!(started.elapsed().as_secs_f64() < 2.0, "{:?}", started.elapsed());
    }

    #[test]
    fn what_does_not_fit_is_stacked_where_it_starts() {
        let extents = [(0.0, 100.0), (0.0, 100.0), (10.0, 100.0), (95.0, 150.0), (400.0, 500.0), (405.0, 500.0)];
        let lanes = pack_lanes(&extents, 4.0);
        assert_eq!(lanes, [0, 1, 2, 3, 0, 1]);
        assert!(stacks(&extents, &lanes, 6, 90.0).is_empty(), "everything fits");
        let two = stacks(&extents, &lanes, 2, 90.0);
        assert_eq!(two, [Stack { start: 0.0, items: vec![2] }, Stack { start: 90.0, items: vec![3] }]);
        let one = stacks(&extents, &lanes, 1, 90.0);
        assert_eq!(one.iter().map(|s| s.items.len()).sum::<usize>(), 4);
        assert_eq!(one.last().unwrap(), &Stack { start: 360.0, items: vec![5] });
    }

    #[test]
    fn opens_on_the_next_event_or_else_the_latest_past_one() {
        let spans =
            [span("2019-05-24", "2019-06-14"), span("2020-03-01", "2020-03-01"), span("2021-01-10", "2021-01-10")];
        assert_eq!(nearest_today(&spans, day("2019-01-01")), Some(0));
        assert_eq!(nearest_today(&spans, day("2020-01-01")), Some(1));
        assert_eq!(nearest_today(&spans, day("2026-11-25")), Some(2));
        assert_eq!(nearest_today(&spans, day("2019-06-01")), Some(1), "upcoming beats ongoing");
        assert_eq!(nearest_today(&spans[..1], day("2019-06-01")), Some(0), "ongoing beats nothing");
        assert_eq!(nearest_today(&[], day("2019-06-01")), None);
    }

    /// A worldwide-like feed: `n` events over `years` years from 2024, one to three days
    /// each, deterministic.
    fn many(n: usize, years: i64) -> Vec<Span> {
        let mut seed = 5u64;
        let base = day("2024-01-01").days_since_epoch();
        let mut spans: Vec<Span> = (0..n)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let first = base + ((seed >> 33) as i64 % (365 * years));
                let last = first + ((seed >> 20) % 3) as i64;
                Span {
                    first: Day::from_days_since_epoch(first),
                    last: Day::from_days_since_epoch(last),
                    uncertain: false,
                }
            })
            .collect();
        spans.sort_by_key(|s| (s.first, s.last));
        spans
    }

    /// Labels as the strip draws them: each under its band, from its start, in its lane,
    /// at most its room.
    fn drawn_labels(spans: &[Span], scale: &TimeScale, widths: &[LabelWidths]) -> Vec<(usize, Rect)> {
        let px = scale.px_per_day;
        let band = |s: &Span| ((s.last.days_since_epoch() + 1 - s.first.days_since_epoch()) as f64 * px).max(12.0);
        let extents: Vec<(f64, f64)> = spans
            .iter()
            .zip(widths)
            .map(|(s, w)| {
                let x = s.first.days_since_epoch() as f64 * px;
                (x, x + band(s).max(w.title.min(200.0)))
            })
            .collect();
        let lanes = pack_lanes(&extents, LABEL_GAP_PX);
        let ends = label_ends(&extents, &lanes);
        let offset = scale.start * px;
        (0..spans.len())
            .filter(|&i| scale.shows(spans[i]))
            .filter_map(|i| {
                let (x, room) = label_on_screen(extents[i].0 - offset, ends[i] - offset, scale.width);
                let (form, w) = fit_label(widths[i], room);
                (form != LabelForm::Hidden)
                    .then_some((lanes[i], Rect { x, y: lanes[i] as f64 * 40.0, width: w, height: 32.0 }))
            })
            .collect()
    }

    use crate::core::labels::Rect;

    #[test]
    fn no_two_drawn_labels_overlap_on_many_events_at_any_zoom() {
        let spans = many(1500, 4);
        let mut seed = 3u64;
        let widths: Vec<LabelWidths> = spans
            .iter()
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let title = 60.0 + ((seed >> 40) % 300) as f64;
                LabelWidths { full: title + 160.0, no_date: title + 70.0, title }
            })
            .collect();
        let mut drawn_somewhere = 0;
        for (i, px) in [0.05, 0.3, 1.0, 3.0, 8.0, 20.0, 60.0, 150.0].into_iter().enumerate() {
            let centre = spans[(i * 173) % spans.len()].first.days_since_epoch() as f64;
            let scale = TimeScale::centred_on(centre, px, 1280.0);
            let labels = drawn_labels(&spans, &scale, &widths);
            drawn_somewhere += labels.len();
            for (a, (lane_a, ra)) in labels.iter().enumerate() {
                assert!(ra.x >= 0.0 && ra.x + ra.width <= scale.width + 1e-9, "cut at {px}: {ra:?}");
                assert!(ra.width >= MIN_LABEL_PX);
                for (lane_b, rb) in &labels[a + 1..] {
                    assert!(lane_a != lane_b || !ra.overlaps(rb), "overlap at {px} px/day: {ra:?} {rb:?}");
                }
            }
        }
        assert!(drawn_somewhere > 100, "labels are drawn, not all left out: {drawn_somewhere}");
    }

    #[test]
    fn labels_are_shortened_then_left_out() {
        let w = LabelWidths { full: 300.0, no_date: 200.0, title: 120.0 };
        assert_eq!(fit_label(w, f64::INFINITY), (LabelForm::Full, 300.0));
        assert_eq!(fit_label(w, 250.0), (LabelForm::NoDate, 200.0));
        assert_eq!(fit_label(w, 150.0), (LabelForm::Title, 120.0));
        assert_eq!(fit_label(w, 80.0), (LabelForm::Title, 80.0), "cut, not spilled");
        assert_eq!(fit_label(w, 20.0).0, LabelForm::Hidden);
        assert_eq!(label_on_screen(-50.0, 400.0, 1000.0), (0.0, 400.0), "held at the left edge");
        assert_eq!(label_on_screen(900.0, f64::INFINITY, 1000.0), (900.0, 100.0), "cut at the right edge");
        // Room runs to the next item of the same lane only.
        let extents = [(0.0, 100.0), (150.0, 300.0), (50.0, 400.0)];
        let ends = label_ends(&extents, &[0, 0, 1]);
        assert_eq!(ends, [150.0 - LABEL_GAP_PX, f64::INFINITY, f64::INFINITY]);
    }

    #[test]
    fn density_counts_each_event_once_per_period_of_the_zoom() {
        assert_eq!(bar_period(100.0), Period::Day);
        assert_eq!(bar_period(6.0), Period::Week);
        assert_eq!(bar_period(1.0), Period::Month);
        assert_eq!(bar_period(0.1), Period::Year);
        assert_eq!(Period::Week.start_of(day("2026-10-08")), day("2026-10-05"), "a Monday");
        assert_eq!(Period::Month.next(day("2026-12-01")), day("2027-01-01"));
        let spans = many(1500, 4);
        for px in [0.05, 0.5, 3.0, 20.0] {
            let unit = bar_period(px);
            let scale = TimeScale::centred_on(day("2026-01-01").days_since_epoch() as f64, px, 1280.0);
            let bins = density(spans.iter().copied(), &scale, unit);
            assert!(bins.windows(2).all(|w| w[0].end <= w[1].start), "{unit:?}");
            for bin in &bins {
                assert!(bin.count > 0);
                let n = spans.iter().filter(|s| s.first >= bin.start && s.first < bin.end).count();
                assert_eq!(bin.count, n);
            }
            let in_bins: usize = bins.iter().map(|b| b.count).sum();
            let starting_in_view = spans
                .iter()
                .filter(|s| {
                    let n = s.first.days_since_epoch() as f64;
                    n >= scale.start.floor() - 400.0 && n <= scale.end() + 400.0
                })
                .count();
            assert!(in_bins <= starting_in_view && in_bins > 0);
        }
        let bin = Bin { start: day("2026-10-05"), end: day("2026-10-12"), count: 14 };
        let zoomed = zoomed_to(&bin, 1000.0);
        let (first, end) = (bin.start.days_since_epoch() as f64, bin.end.days_since_epoch() as f64);
        assert!(zoomed.start < first && zoomed.end() > end && zoomed.px_per_day > 100.0, "{zoomed:?}");
        assert!(is_dense(10, 3.0) && !is_dense(1, 3.0) && !is_dense(10, 100.0));
    }

    /// Where the timeline opens, worked out as plainly as it reads: every span's dates
    /// again at each step of the zoom, every shown span counted.
    fn opening_scale_plainly(spans: &[Span], focus: usize, width: f64) -> TimeScale {
        let Some(first) = spans.iter().map(|s| s.first.days_since_epoch()).min() else {
            return TimeScale::centred_on(0.0, 6.0, width);
        };
        let last = spans.iter().map(|s| s.last.days_since_epoch() + 1).max().unwrap_or(first + 1);
        let crowded = |scale: &TimeScale, readable| spans.iter().filter(|s| scale.shows(**s)).count() > readable;
        zoomed_in((first as f64, last as f64), spans.get(focus).copied(), width, crowded)
    }

    #[test]
    fn the_opening_zoom_is_the_plain_one() {
        for (n, years) in [(0, 1), (1, 1), (2, 1), (12, 1), (300, 2), (1500, 4), (10_000, 6)] {
            let spans = many(n, years);
            for focus in [0, n / 3, n.saturating_sub(1), n + 5] {
                for width in [390.0, 1024.0, 1280.0] {
                    assert_eq!(
                        opening_scale(&spans, focus, width),
                        opening_scale_plainly(&spans, focus, width),
                        "{n} {focus}"
                    );
                }
            }
        }
    }

    // proptest is a native dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_opening_zoom_is_the_plain_one(
            spans in proptest::collection::vec((0i64..4000, 0i64..12), 0..60),
            focus in 0usize..70,
            width in 200.0f64..2000.0,
        ) {
            let base = Day::parse("2020-01-01").unwrap().days_since_epoch();
            let spans: Vec<Span> = spans
                .into_iter()
                .map(|(at, long)| Span {
                    first: Day::from_days_since_epoch(base + at),
                    last: Day::from_days_since_epoch(base + at + long),
                    uncertain: long > 6,
                })
                .collect();
            proptest::prop_assert_eq!(opening_scale(&spans, focus, width), opening_scale_plainly(&spans, focus, width));
        }
    }

    #[test]
    fn opens_near_today_at_a_readable_zoom_within_the_feed() {
        let spans = many(1500, 4);
        let today = day("2026-12-03");
        let focus = nearest_today(&spans, today).unwrap();
        let scale = opening_scale(&spans, focus, 1280.0);
        assert!(scale.shows(spans[focus]));
        let in_view = spans.iter().filter(|s| scale.shows(**s)).count();
        assert!((3..=20).contains(&in_view), "{in_view} events in view at {scale:?}");
        // A three-week season fills the strip: not 40 years of nothing.
        let season = [span("2019-05-24", "2019-06-14"), span("2019-05-27", "2019-06-10")];
        let scale = opening_scale(&season, 1, 1280.0);
        assert!(scale.shows(season[0]) && scale.shows(season[1]));
        let days = scale.end() - scale.start;
        assert!((21.0..40.0).contains(&days), "{days} days across");
        // Events that all share one range: the range, not a few of its days.
        let same = vec![span("2019-05-24", "2019-06-14"); 46];
        let days = opening_scale(&same, 45, 1280.0).end() - opening_scale(&same, 45, 1280.0).start;
        assert!((22.0..40.0).contains(&days), "{days}");
        // One event: a few days around it, not decades.
        let one = [span("2019-05-24", "2019-05-24")];
        assert!(opening_scale(&one, 0, 390.0).end() - opening_scale(&one, 0, 390.0).start < 10.0);
        assert_eq!(list_start(1100, 1500, 12), 1100);
        assert_eq!(list_start(5, 6, 12), 0);
        assert_eq!(list_start(1495, 1500, 12), 1488);
    }

    #[test]
    fn a_list_page_opens_near_today_across_editions() {
        // 40 events a day apart: the first 25 of edition 0, the rest of none; every third hidden.
        let first = day("2024-01-01");
        let span_of = |i: usize| {
            let d = Day::from_days_since_epoch(first.days_since_epoch() + i as i64);
            Span { first: d, last: d, uncertain: false }
        };
        let order = vec![(Some(0), (0..25).collect::<Vec<usize>>()), (None, (25..40).collect())];
        let shown = |i: usize| !i.is_multiple_of(3);
        let listed: Vec<usize> = (0..40).filter(|&i| shown(i)).collect();
        let today = span_of(20).first;
        let page = list_page(&order, &shown, &span_of, today, (0, 10, 12));
        let rank = listed.iter().position(|&i| i == 20).unwrap();
        assert_eq!(page.nearest, Some(20));
        assert_eq!(page.opening, list_start(rank, listed.len(), 12));
        assert_eq!(page.start, page.opening);
        let on_page: Vec<usize> = page.groups.iter().flat_map(|(_, e)| e.clone()).collect();
        assert_eq!(on_page, listed[page.start..page.start + 10]);
        assert_eq!(page.left, listed.len() - page.start - 10);
        // Split where the editions part, each group in the feed's order.
        assert_eq!(page.of(Some(0)), on_page.iter().copied().filter(|&i| i < 25).collect::<Vec<_>>());
        assert_eq!(page.of(None), on_page.iter().copied().filter(|&i| i >= 25).collect::<Vec<_>>());
        // Earlier events asked for: the page starts before the opening, never before the first.
        let back = list_page(&order, &shown, &span_of, today, (5, 15, 12));
        assert_eq!((back.opening, back.start), (page.opening, page.opening - 5));
        let all = list_page(&order, &shown, &span_of, today, (1000, 1000, 12));
        assert_eq!((all.start, all.left), (0, 0));
        assert_eq!(all.groups.iter().map(|(_, e)| e.len()).sum::<usize>(), listed.len());
        // Nothing shown: an empty page.
        let none = list_page(&order, &|_| false, &span_of, today, (0, 10, 12));
        assert!(none.groups.is_empty() && none.nearest.is_none());
    }

    #[test]
    fn bars_and_labels_in_both_languages() {
        use crate::core::i18n::{bar_period as period, bar_title, bars_of, title_and_place};
        let monday = day("2026-10-05");
        assert_eq!(
            bar_title(Lang::En, &period(Lang::En, Period::Week, monday, "Oct 5, 2026"), 14),
            "Week of Oct 5, 2026: 14\u{a0}events"
        );
        assert_eq!(
            bar_title(Lang::Fr, &period(Lang::Fr, Period::Month, monday, ""), 1),
            "Octobre 2026\u{a0}: 1\u{a0}événement"
        );
        assert_eq!(period(Lang::Fr, Period::Week, monday, "5 oct. 2026"), "Semaine du 5 oct. 2026");
        assert_eq!(period(Lang::En, Period::Year, monday, ""), "2026");
        assert!(bars_of(Lang::Fr, Period::Week).starts_with("Événements par semaine"));
        assert_eq!(title_and_place("Dev Days", Some("Fukuoka")), "Dev Days — Fukuoka");
        assert_eq!(
            title_and_place("Montréal meetup", Some("Montreal")),
            "Montréal meetup",
            "a title that names the place"
        );
    }
}
