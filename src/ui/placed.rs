//! Where a node stands (its left, top, width or height in px), without a style attribute
//! in the prerendered page: a strict CSP (`style-src 'self'`, no `unsafe-inline`) blocks
//! those, and the page must paint in place before, and without, any script.
//! - Natively (the build's prerender) each length becomes a class, `ma-l1234` for
//!   `left: 123.4px`, and the build writes the rules of the classes it used
//!   ([`stylesheet`]) into a style sheet of its own.
//! - In the browser it is a CSSOM write (`style.left = …`), which a CSP allows. Hydration
//!   leaves the prerendered classes in place and writes only what changes; the styles it
//!   writes then win over them.

use leptos::tachys::html::attribute::Attribute;

/// The length a [`placed`] attribute sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Edge {
    Left,
    Top,
    Width,
    Height,
}

impl Edge {
    fn property(self) -> &'static str {
        match self {
            Edge::Left => "left",
            Edge::Top => "top",
            Edge::Width => "width",
            Edge::Height => "height",
        }
    }
}

/// `edge` of the node at `px()` pixels (none: left to the style sheet).
#[cfg(target_arch = "wasm32")]
pub fn placed<P>(edge: Edge, px: impl Fn() -> P + Send + Sync + 'static) -> impl Attribute
where
    P: Into<Option<f64>>,
{
    leptos::tachys::html::style::style((edge.property(), move || px().into().map(|v| format!("{v:.1}px"))))
}

/// `edge` of the node at `px()` pixels (none: left to the style sheet).
#[cfg(not(target_arch = "wasm32"))]
pub fn placed<P>(edge: Edge, px: impl Fn() -> P + Send + Sync + 'static) -> impl Attribute
where
    P: Into<Option<f64>>,
{
    let name = px().into().map(|v| class_name(edge, tenths(v)));
    leptos::tachys::html::class::class((name.unwrap_or_default(), name.is_some()))
}

/// Natively, what the prerender drew; in the wasm it is never filled (the prerender
/// binary compiles for wasm32 too).
mod sheet {
    use std::cell::RefCell;
    use std::collections::{BTreeSet, HashMap};

    use super::Edge;

    thread_local! {
        /// The lengths drawn since the last [`stylesheet`], as tenths of a pixel.
        static USED: RefCell<BTreeSet<(Edge, i64)>> = const { RefCell::new(BTreeSet::new()) };
        /// Each class name made once: a class directive's name is `&'static str`. The build
        /// draws a few pages, so these are the distinct lengths of a few pages.
        static NAMES: RefCell<HashMap<(Edge, i64), &'static str>> = RefCell::new(HashMap::new());
    }

    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    pub fn tenths(px: f64) -> i64 {
        (px * 10.0).round() as i64
    }

    /// The class of `edge` at `tenths` of a pixel, remembered for the style sheet.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    pub fn class_name(edge: Edge, tenths: i64) -> &'static str {
        USED.with(|used| used.borrow_mut().insert((edge, tenths)));
        NAMES.with(|names| *names.borrow_mut().entry((edge, tenths)).or_insert_with(|| name(edge, tenths).leak()))
    }

    fn name(edge: Edge, tenths: i64) -> String {
        let letter = match edge {
            Edge::Left => 'l',
            Edge::Top => 't',
            Edge::Width => 'w',
            Edge::Height => 'h',
        };
        format!("ma-{letter}{tenths}")
    }

    /// The rules of every class drawn on this thread since the last call, which it forgets.
    /// Scoped to the atlas's root so that they win over its own style sheet's rules.
    pub fn stylesheet() -> String {
        USED.with(|used| std::mem::take(&mut *used.borrow_mut()))
            .into_iter()
            .map(|(edge, tenths)| {
                let class = name(edge, tenths);
                format!(".meetup-atlas .{class}{{{}:{:.1}px}}\n", edge.property(), tenths as f64 / 10.0)
            })
            .collect()
    }
}

pub use sheet::stylesheet;
#[cfg(not(target_arch = "wasm32"))]
use sheet::{class_name, tenths};
