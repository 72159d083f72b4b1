//! Leptos' executor: `wasm-bindgen-futures`, as Leptos sets it up itself
//! (`Executor::init_wasm_bindgen`), but able to hold what one step spawns until a later
//! task. A take-over's first tree (`ui::mount`) starts the atlas' effects, and their first
//! runs made the same task some 15 ms longer (50–60 ms with the CPU slowed 4×, #23): they
//! now run at the start of the next turn.

use std::cell::{Cell, RefCell};

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};

thread_local! {
    static HOLDING: Cell<bool> = const { Cell::new(false) };
    /// What is spawned while `holding` runs.
    static HELD: RefCell<Vec<PinnedLocalFuture<()>>> = const { RefCell::new(Vec::new()) };
}

struct Spawner;

impl CustomExecutor for Spawner {
    fn spawn(&self, fut: PinnedFuture<()>) {
        self.spawn_local(fut);
    }

    fn spawn_local(&self, fut: PinnedLocalFuture<()>) {
        if HOLDING.with(Cell::get) {
            HELD.with(|held| held.borrow_mut().push(fut));
        } else {
            wasm_bindgen_futures::spawn_local(fut);
        }
    }

    // `wasm-bindgen-futures` runs its own queue, in microtasks.
    fn poll_local(&self) {}
}

/// Makes it Leptos' executor: before anything is mounted (Leptos' own setting, at each
/// mount, then finds one set and leaves it).
pub fn init() {
    let _ = Executor::init_custom_executor(Spawner);
}

/// Runs `f`; returns its result and what it spawned, held until `Held::release`.
pub fn holding<T>(f: impl FnOnce() -> T) -> (T, Held) {
    HOLDING.with(|holding| holding.set(true));
    let out = f();
    HOLDING.with(|holding| holding.set(false));
    (out, Held(HELD.with(|held| held.take())))
}

/// What `holding` held, not yet run.
pub struct Held(Vec<PinnedLocalFuture<()>>);

impl Held {
    /// Spawns it, in the order it was spawned.
    pub fn release(self) {
        for fut in self.0 {
            wasm_bindgen_futures::spawn_local(fut);
        }
    }
}
