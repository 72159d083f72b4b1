//! Taking over in turns: on a prerendered page the wasm attaches the atlas to nodes the
//! page already shows (hydration), and one tree attaches in one task. The big parts (the
//! toolbar, the map, the events panel, the timeline) each attach in a task of their own,
//! in page order, so that a phone answers input between them (#23: no long task in the
//! take-over). A part may hold parts of its own (the map's outlines and its markers, the
//! panel's list): they come right after it.
//!
//! A part is the children of an element: the element itself is attached with the rest
//! (so it is found where it was), its children later, from a cursor of their own, under
//! the same owner (so with the same contexts, and taken down with the rest).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::ssr::StreamBuilder;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use crate::ui::browser::observe_size;

type Attach = Box<dyn FnOnce()>;

/// What a turn attaches, by name (`"map"`, `"size"`: for DevTools, see `ui::mount`).
type Named = (&'static str, Attach);

/// A page's take-over: the parts left to attach, in page order; where a part met while
/// attaching another goes (next, after those met before it: it is inside that part);
/// whether every part is attached (a part drawn again later is drawn at once); the views
/// whose first size the take-over still waits for (`observe_size_in_turn`); and whether
/// it is over. Provided only while a page is taken over.
#[derive(Clone, Copy)]
pub struct Turns {
    parts: StoredValue<Vec<Named>, LocalStorage>,
    inner_at: StoredValue<Option<usize>>,
    attached: RwSignal<bool>,
    unsized_views: StoredValue<usize>,
    over: StoredValue<bool>,
}

// Only the page's start-up (wasm) takes over.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
impl Turns {
    pub fn new() -> Turns {
        Turns {
            parts: StoredValue::new_local(Vec::new()),
            inner_at: StoredValue::new(None),
            attached: RwSignal::new(false),
            unsized_views: StoredValue::new(0),
            over: StoredValue::new(false),
        }
    }

    /// Attaches the next part left and says which; `None` (and every part attached) once
    /// none is left.
    pub fn attach_next(self) -> Option<&'static str> {
        let next = self.parts.try_update_value(|parts| (!parts.is_empty()).then(|| parts.remove(0)));
        let attached = next.flatten().map(|(name, attach)| {
            self.inner_at.try_set_value(Some(0));
            attach();
            self.inner_at.try_set_value(None);
            name
        });
        if attached.is_none() && self.attached.try_get_untracked() == Some(false) {
            self.attached.set(true);
        }
        attached
    }

    /// Whether a view attached has not had its first size yet.
    pub fn waiting_for_sizes(self) -> bool {
        self.unsized_views.try_get_value().unwrap_or(0) > 0
    }

    /// Ends the take-over: from now on sizes are applied at once.
    pub fn end(self) {
        self.over.try_set_value(true);
    }

    /// A part to attach in a turn of its own, in page order.
    fn add(self, name: &'static str, attach: Attach) {
        let at = self.inner_at.get_value();
        self.parts.update_value(|parts| match at {
            Some(at) => parts.insert(at, (name, attach)),
            None => parts.push((name, attach)),
        });
        self.inner_at.set_value(at.map(|at| at + 1));
    }

    fn on(self) -> bool {
        self.over.try_get_value() == Some(false)
    }
}

/// Whether every part of the atlas is attached: at once, unless a page is being taken
/// over. What changes the atlas' state from what the build drew (the link's view, the
/// visitor's day) waits for it, so that each part attaches to the nodes it would draw.
pub fn all_attached() -> Signal<bool> {
    match use_context::<Turns>() {
        Some(turns) => turns.attached.into(),
        None => Signal::stored(true),
    }
}

/// Whether a prerendered page is being taken over now.
pub fn taking_over() -> bool {
    use_context::<Turns>().is_some_and(Turns::on)
}

/// The sizes a prerendered page's map and timeline were laid out at, read before an atlas
/// is drawn afresh in their place (`ui::mount`): the views it draws start from them rather
/// than from the build's guesses, so the map places its markers and the timeline its items
/// once, in the draw, not again a frame later when the browser reports their sizes. The
/// same views in the same page are laid out the same; where not, the report corrects them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LaidOut {
    /// The map's surface, inside its border: what its observer reports.
    pub map: Option<(f64, f64)>,
    /// The width of the timeline's title, which the timeline measures itself by.
    pub timeline: Option<f64>,
}

impl LaidOut {
    /// The sizes drawn in this atlas' page, if any.
    pub fn here() -> LaidOut {
        use_context::<LaidOut>().unwrap_or_default()
    }

    /// The sizes the page's prerendered views have in `host`, before it is drawn afresh.
    pub fn read(host: &web_sys::Element) -> LaidOut {
        // The content box, as a `ResizeObserver` reports it: the border box less the
        // borders (these views have no padding).
        let inner = |selector: &str| {
            let element = host.query_selector(selector).ok().flatten()?.dyn_into::<web_sys::HtmlElement>().ok()?;
            let rect = element.get_bounding_client_rect();
            let borders_x = f64::from(element.offset_width() - element.client_width());
            let borders_y = f64::from(element.offset_height() - element.client_height());
            let size = (rect.width() - borders_x, rect.height() - borders_y);
            (size.0 > 0.0 && size.1 > 0.0).then_some(size)
        };
        LaidOut { map: inner(".ma-map-surface"), timeline: inner(".ma-timeline .ma-section-title").map(|(w, _)| w) }
    }
}

/// Calls `on_size(width, height)` for each size the element of `node` is laid out at
/// (`browser::observe_size`). While a page is taken over, each size is applied in a turn
/// of its own, and the page is live only once each view has had its first size, so that
/// its markers and items stand where they stay; at once otherwise.
pub fn observe_size_in_turn<E>(node: NodeRef<E>, on_size: impl Fn(f64, f64) + Clone + 'static)
where
    E: leptos::tachys::html::element::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let soon = size_in_turn();
    Effect::new(move |_| {
        if let Some(element) = node.get() {
            let (soon, on_size) = (soon.clone(), on_size.clone());
            observe_size(element.unchecked_ref(), move |w, h| {
                let on_size = on_size.clone();
                soon(Box::new(move || on_size(w, h)));
            });
        }
    });
}

/// Runs each `work` given to it as `observe_size_in_turn` says. Made where the atlas'
/// context is at hand, called from an observer.
fn size_in_turn() -> impl Fn(Attach) + Clone + 'static {
    let turns = use_context::<Turns>().filter(|turns| turns.on());
    if let Some(turns) = turns {
        turns.unsized_views.update_value(|n| *n += 1);
    }
    let first = Rc::new(Cell::new(true));
    move |work| match turns.filter(|turns| turns.on()) {
        Some(turns) => {
            if first.replace(false) {
                turns.unsized_views.update_value(|n| *n = n.saturating_sub(1));
            }
            turns.add("size", work);
        }
        None => work(),
    }
}

/// The children of the element `slot` is given to: drawn with it, or during a take-over
/// attached in a turn of their own, called `name`.
pub fn in_turn<E>(slot: NodeRef<E>, name: &'static str, children: impl FnOnce() -> AnyView + 'static) -> Part
where
    E: leptos::tachys::html::element::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let taking_over = use_context::<Turns>().filter(|turns| !turns.attached.get_untracked());
    let (Some(turns), Some(owner)) = (taking_over, Owner::current()) else {
        return Part::Now(children());
    };
    let attached: Attached = Rc::default();
    let cell = attached.clone();
    let attach = move || {
        let Some(element) = slot.get_untracked() else { return };
        let cursor = Cursor::new(element.unchecked_into());
        let state = owner.with(|| children().hydrate::<true>(&cursor, &PositionState::new(Position::FirstChild)));
        *cell.borrow_mut() = Some(state);
    };
    turns.add(name, Box::new(attach));
    Part::Later(SendWrapper::new(attached))
}

/// What a part's children became once drawn or attached.
type Attached = Rc<RefCell<Option<AnyViewState>>>;

/// An element's children, drawn now or attached in a later turn (`in_turn`).
pub enum Part {
    Now(AnyView),
    /// Left for its turn: the page shows its nodes, nothing is attached to them yet.
    Later(SendWrapper<Attached>),
}

/// A part as drawn: its children's state, once there is one.
pub struct PartState(Attached);

impl Render for Part {
    type State = PartState;

    fn build(self) -> PartState {
        match self {
            Part::Now(view) => PartState(Rc::new(RefCell::new(Some(view.build())))),
            // Only a take-over leaves a part for later, and it attaches, not builds.
            Part::Later(attached) => PartState(attached.take()),
        }
    }

    fn rebuild(self, state: &mut PartState) {
        if let Part::Now(view) = self {
            // Drawn again before its turn came cannot be: the take-over is over only
            // once every part has had its turn.
            if let Some(old) = state.0.borrow_mut().as_mut() {
                view.rebuild(old);
            }
        }
    }
}

impl Mountable for PartState {
    fn unmount(&mut self) {
        if let Some(state) = self.0.borrow_mut().as_mut() {
            state.unmount();
        }
    }

    fn mount(
        &mut self,
        parent: &leptos::tachys::renderer::types::Element,
        marker: Option<&leptos::tachys::renderer::types::Node>,
    ) {
        if let Some(state) = self.0.borrow_mut().as_mut() {
            state.mount(parent, marker);
        }
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        self.0.borrow().as_ref().is_some_and(|state| state.insert_before_this(child))
    }

    fn elements(&self) -> Vec<leptos::tachys::renderer::types::Element> {
        self.0.borrow().as_ref().map(Mountable::elements).unwrap_or_default()
    }
}

impl AddAnyAttr for Part {
    type Output<SomeNewAttr: Attribute> = Part;

    fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Part {
        match self {
            Part::Now(view) => Part::Now(view.add_any_attr(attr).into_any()),
            later => later,
        }
    }
}

impl RenderHtml for Part {
    type AsyncOutput = Part;
    type Owned = Part;
    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {
        if let Part::Now(view) = self {
            view.dry_resolve();
        }
    }

    async fn resolve(self) -> Part {
        match self {
            Part::Now(view) => Part::Now(view.resolve().await),
            later => later,
        }
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        if let Part::Now(view) = self {
            view.to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
        }
    }

    fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
        self,
        buf: &mut StreamBuilder,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        if let Part::Now(view) = self {
            view.to_html_async_with_buf::<OUT_OF_ORDER>(buf, position, escape, mark_branches, extra_attrs);
        }
    }

    fn hydrate<const FROM_SERVER: bool>(self, cursor: &Cursor, position: &PositionState) -> PartState {
        match self {
            Part::Now(view) => PartState(Rc::new(RefCell::new(Some(view.hydrate::<FROM_SERVER>(cursor, position))))),
            // The cursor stays on the element: its children are walked in their turn.
            Part::Later(attached) => {
                // Left where the children's own walk would leave it: on their last node,
                // before the marker the element's list of children ends with (components
                // are erased, see .cargo/config.toml). The children are walked in their turn.
                let last = cursor.current().last_child();
                let is_marker = |node: &web_sys::Node| node.node_type() == web_sys::Node::COMMENT_NODE;
                let end = last.and_then(|last| if is_marker(&last) { last.previous_sibling() } else { Some(last) });
                // No node of their own: the cursor stays on the element, before the marker.
                if let Some(end) = end {
                    cursor.set(end);
                    position.set(Position::NextChild);
                }
                PartState(attached.take())
            }
        }
    }

    fn into_owned(self) -> Part {
        self
    }
}
