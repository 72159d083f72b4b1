//! meetup-atlas: community meetups on a map and a timeline, in English and French.
// The SSR build nests the views' async types deeper than the default allows.
#![recursion_limit = "256"]

pub mod core;

// The views: in the atlas and the prerender, not in the import page's wasm.
#[cfg(feature = "ui")]
pub mod ui;
