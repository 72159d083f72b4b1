//! The words of the views: a fixed message that follows the language the atlas shows.

use leptos::prelude::*;

use crate::core::i18n::Msg;
use crate::core::Lang;

/// The language an `App` shows, for `t`: each atlas on a page provides its own.
#[derive(Clone, Copy)]
pub struct ShownLang(pub ReadSignal<Lang>);

/// A fixed message in the language shown, and following it: `{t(Msg::Reload)}`.
pub fn t(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let ShownLang(lang) = expect_context::<ShownLang>();
    move || msg.text(lang.get())
}
