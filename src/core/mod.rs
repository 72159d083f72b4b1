//! The pure core: everything that can be decided without a browser.
//! It compiles natively and is tested with plain `cargo test`.

pub mod basemap;
pub mod card;
pub mod countries;
pub mod date;
pub mod embed;
pub mod explore;
pub mod feed;
pub mod gesture;
pub mod head;
pub mod i18n;
pub mod ics;
// Its crates (iCalendar, CSV, time zones, the gazetteer) stay out of the atlas' wasm: it is
// built without the feature (index.html); the import page has a wasm of its own.
#[cfg(feature = "import")]
pub mod import;
pub mod labels;
pub mod lang;
pub mod load;
pub mod map;
pub mod merge;
pub mod number;
pub mod offline;
pub mod order;
pub mod page;
pub mod projection;
pub mod publish;
pub mod query;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
// Build time only (the pages of the site): the atlas never calls it, so it is not in its wasm.
pub mod shell;
pub mod timeline;
pub mod url_state;
pub mod validate;

pub use feed::{Event, Feed, Text};
pub use i18n::Msg;
pub use lang::Lang;
