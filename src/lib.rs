//! meetup-atlas: community meetups on a map and a timeline, in English and French.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;
