//! The thin UI: Leptos components over the pure core, one file per view.

mod app;
mod browser;
mod controls;
pub mod crash;
mod embed;
mod filters;
mod intl;
mod lang_toggle;
mod list;
mod map;
mod status;
mod timeline;

pub use app::{App, Atlas, Setup};
pub use browser::{mount_element, start, MountedAtlas};
pub use lang_toggle::LangToggle;
