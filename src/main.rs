#[cfg(target_arch = "wasm32")]
fn main() {
    meetup_atlas::ui::start();
}

/// The app only runs in a browser; natively there is `feed-check`.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("meetup-atlas runs in the browser: build it with trunk (see README).");
}
