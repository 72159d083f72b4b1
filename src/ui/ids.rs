//! The ids of an atlas' elements (the headings that name its regions, the search box,
//! the panels its buttons control, its radio groups), unique on a page that holds
//! several atlases: the first keeps `ma-…`, the next ones are `ma1-…`, `ma2-…`.

use leptos::prelude::*;

/// Which atlas of the page this is, from 0 (as the page's hosts come in the document).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ids(pub u32);

impl Ids {
    /// This atlas' id for `name`.
    pub fn of(self, name: &str) -> String {
        match self.0 {
            0 => format!("ma-{name}"),
            n => format!("ma{n}-{name}"),
        }
    }
}

/// The ids of the atlas being drawn (its `App` provides them; the first atlas' otherwise).
pub fn ids() -> Ids {
    use_context::<Ids>().unwrap_or_default()
}
