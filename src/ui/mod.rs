//! The thin UI: Leptos components over the pure core, one file per view.

mod app;
mod browser;
mod context;
mod controls;
pub mod crash;
mod details;
mod embed;
#[cfg(target_arch = "wasm32")]
mod executor;
mod fetch;
mod filters;
mod ids;
pub mod intl;
mod lang_toggle;
mod list;
mod map;
#[cfg(target_arch = "wasm32")]
mod mount;
mod panel;
pub mod placed;
mod pointer;
pub mod prerender;
mod status;
mod subscribe;
mod timeline;
mod toolbar;
mod turns;
mod url_sync;
mod words;

pub use app::{App, Atlas, Ready, Setup};
pub use lang_toggle::LangToggle;
#[cfg(target_arch = "wasm32")]
pub use mount::{mount_element, start, MountedAtlas};
