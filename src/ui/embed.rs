//! "Embed": a dialog on the hosted page with the snippets that put this atlas on
//! another site, for the current language and the views chosen in it.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::core::embed::{EmbedChoice, Hidden, Panel, Panels};
use crate::core::i18n::{self, Lang, Msg};

use super::browser::{copy_to_clipboard, page_folder, resolve_url};
use crate::ui::ids::ids;
use crate::ui::words::t;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Snippet {
    Element,
    Frame,
    Hugo,
}

impl Snippet {
    const ALL: [Snippet; 3] = [Snippet::Element, Snippet::Frame, Snippet::Hugo];

    fn title(self, lang: Lang) -> &'static str {
        match self {
            Snippet::Element => Msg::EmbedElement.text(lang),
            Snippet::Frame => Msg::EmbedFrame.text(lang),
            Snippet::Hugo => Msg::EmbedHugo.text(lang),
        }
    }

    fn class(self) -> &'static str {
        match self {
            Snippet::Element => "ma-snippet ma-snippet-element",
            Snippet::Frame => "ma-snippet ma-snippet-frame",
            Snippet::Hugo => "ma-snippet ma-snippet-hugo",
        }
    }
}

/// The "Embed" button and its dialog. `feed_url` is the page's feed, as the page names it.
#[component]
pub fn EmbedButton(
    lang: RwSignal<Lang>,
    feed_url: String,
    panels: Panels,
    /// The way from the page shown to the atlas' own folder ("../" from the French page).
    #[prop(into, default = "./".into())]
    root: Signal<String>,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let chosen = RwSignal::new(panels);
    let hidden = RwSignal::new(Hidden::default());
    let copied = RwSignal::new(None::<Snippet>);
    // Where the page and its feed are: read as the dialog opens, not while drawing
    // (which may be the build's prerender, where there is no page).
    let place = RwSignal::new((String::new(), None::<String>));
    let choice = Memo::new(move |_| {
        let (base, feed) = place.get();
        EmbedChoice { base, lang: lang.get(), panels: chosen.get(), hidden: hidden.get(), feed }
    });
    let text = move |snippet: Snippet| {
        let choice = choice.get();
        match snippet {
            Snippet::Element => choice.element(),
            Snippet::Frame => choice.frame(Msg::AppName.text(choice.lang)),
            Snippet::Hugo => choice.hugo(),
        }
    };

    let panel_choice = move |panel: Panel| {
        let checked = move || chosen.get().shows(panel);
        // The last view cannot be unticked: an atlas shows at least one.
        let last = move || checked() && chosen.get().with(panel, false).is_empty();
        view! {
            <label class="ma-check">
                <input
                    type="checkbox"
                    prop:checked=checked
                    disabled=last
                    on:change=move |e| chosen.update(|p| *p = p.with(panel, event_target_checked(&e)))
                />
                {move || i18n::panel_name(lang.get(), panel)}
            </label>
        }
    };
    let part_choice = move |msg: Msg, get: fn(Hidden) -> bool, set: fn(&mut Hidden, bool)| {
        view! {
            <label class="ma-check">
                <input
                    type="checkbox"
                    prop:checked=move || !get(hidden.get())
                    on:change=move |e| hidden.update(|h| set(h, !event_target_checked(&e)))
                />
                {move || msg.text(lang.get())}
            </label>
        }
    };
    let snippet_block = move |snippet: Snippet| snippet_view(snippet, lang, move || text(snippet), copied);

    let ids = ids();
    // The dialog's content is drawn when it first opens: a closed dialog costs nothing.
    let drawn = RwSignal::new(false);
    let open = move |_| {
        place.set(located(&root.get_untracked(), &feed_url));
        drawn.set(true);
        // Opened once its content is drawn, so that focus goes to its first control.
        request_animation_frame(move || {
            if let Some(dialog) = dialog.get_untracked() {
                let _ = dialog.show_modal();
            }
        });
    };
    let close = move |_| {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    view! {
        <button type="button" class="ma-button ma-embed-open" aria-haspopup="dialog" on:click=open>
            {t(Msg::Embed)}
        </button>
        <dialog class="ma-embed" node_ref=dialog aria-labelledby=ids.of("embed-title")>
            {move || drawn.get().then(|| view! {
            <h2 id=ids.of("embed-title")>{t(Msg::EmbedTitle)}</h2>
            <p>{t(Msg::EmbedIntro)}</p>
            <fieldset class="ma-embed-views">
                <legend>{t(Msg::Views)}</legend>
                {Panel::ALL.map(panel_choice)}
            </fieldset>
            <fieldset class="ma-embed-views">
                <legend>{t(Msg::EmbedParts)}</legend>
                {part_choice(Msg::EmbedHeader, |h| h.header, |h, v| h.header = v)}
                {part_choice(Msg::Filters, |h| h.filters, |h, v| h.filters = v)}
            </fieldset>
            {Snippet::ALL.map(snippet_block)}
            <p class="ma-live" aria-live="polite">{move || copied.get().map(|_| Msg::Copied.text(lang.get()))}</p>
            <button type="button" class="ma-button ma-embed-close" on:click=close>
                {t(Msg::Close)}
            </button>
            })}
        </dialog>
    }
}

/// The page's folder, and the feed's absolute URL (each, of several) unless it is the
/// bundled one (the element's default, which a snippet leaves out).
fn located(root: &str, feed_url: &str) -> (String, Option<String>) {
    let base = resolve_url(root).unwrap_or_else(page_folder);
    let feeds: Vec<String> = crate::core::merge::addresses(feed_url).into_iter().filter_map(resolve_url).collect();
    let feed = Some(feeds.join(" ")).filter(|all| !all.is_empty() && *all != format!("{base}feed.json"));
    (base, feed)
}

/// One snippet: its title, its text and a Copy button that says when it has copied.
fn snippet_view(
    snippet: Snippet,
    lang: RwSignal<Lang>,
    text: impl Fn() -> String + Copy + Send + Sync + 'static,
    copied: RwSignal<Option<Snippet>>,
) -> impl IntoView {
    let copy = move |_| {
        let value = text();
        leptos::task::spawn_local(async move {
            if copy_to_clipboard(&value).await {
                copied.set(Some(snippet));
                set_timeout(move || copied.set(None), std::time::Duration::from_secs(3));
            }
        });
    };
    view! {
        <div class=snippet.class()>
            <h3>{move || snippet.title(lang.get())}</h3>
            <pre><code>{text}</code></pre>
            <button type="button" class="ma-button" on:click=copy>
                {move || {
                    let lang = lang.get();
                    if copied.get() == Some(snippet) { Msg::Copied.text(lang) } else { Msg::Copy.text(lang) }
                }}
            </button>
        </div>
    }
}
