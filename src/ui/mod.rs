//! The thin UI: Leptos components over the pure core, one file per view.

mod app;
mod browser;
mod context;
mod controls;
pub mod crash;
mod details;
mod embed;
mod fetch;
mod filters;
mod intl;
mod lang_toggle;
mod list;
mod map;
mod mount;
mod panel;
mod status;
mod timeline;
mod toolbar;
mod url_sync;

pub use app::{App, Atlas, Setup};
pub use lang_toggle::LangToggle;
pub use mount::{mount_element, start, MountedAtlas};
