//! The figure's actions few readers use: "Play the trend", "Copy image", "Share", "Copy embed
//! code" and "Full screen". The app works out what each needs from the pure modules (the image
//! file's name, `crate::share`'s link, `crate::embed`'s code; the tones are on the page, made at
//! build time) and hands it to js/actions.js, which the loader imports on a reader's first
//! approach to the controls (docs/build.md: 4.4 KB gzip off every reader's first load). That
//! module talks to the clipboard, the share sheet, the Fullscreen API and Web Audio, and says
//! in words what happened; `super::sound` moves the selection with the tones.

use leptos::prelude::{document, window};
use wasm_bindgen::prelude::*;

use crate::chart::scale::YScale;
use crate::chart::theme::Theme;
use crate::content::Chart;
use crate::embed::{embed_snippet, folder_of, EmbedOptions};
use crate::share::{image_file_name, share_link, ImageFile};
use crate::view_state::ViewState;

#[wasm_bindgen]
extern "C" {
    /// `wayOut.act(action, argument)`, defined by js/loader.js: runs `action` of js/actions.js.
    #[wasm_bindgen(js_namespace = wayOut)]
    fn act(action: &str, argument: &str);
}

/// "Play the trend": starts playing the series, or stops it if it is playing.
pub fn play_or_stop() {
    act("playOrStop", "");
}

/// "Copy image": the PNG that "Download image (PNG)" links to (made at build time, next to the
/// page) goes to the clipboard.
pub fn copy_png(chart: &'static Chart, scale: YScale) {
    act(
        "copyImage",
        &image_file_name(chart.slug, scale, ImageFile::Png),
    );
}

/// "Share": the link to the reader's `view`, to the system's share sheet or the clipboard.
pub fn share_view(view: ViewState) {
    let location = window().location();
    let view = ViewState {
        embed: super::page_is("embed"),
        ..view
    };
    let link = share_link(
        &location.origin().unwrap_or_default(),
        &location.pathname().unwrap_or_default(),
        view,
    );
    act("share", &link);
}

/// "Copy embed code": the `<iframe>` snippet of this page's embed version, with the options
/// chosen under "Embed options", to the clipboard.
pub fn copy_embed_code(title: &str) {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let folder = [origin.as_str(), folder_of(&path)].concat();
    act(
        "copyEmbedCode",
        &embed_snippet(&folder, title, chosen_embed_options()),
    );
}

/// "Full screen": the figure in full screen, or back.
pub fn toggle_full_screen() {
    act("toggleFullScreen", "");
}

/// The options chosen under "Embed options" (`components::FigureActions`); the defaults where
/// the controls are missing or hold anything else.
fn chosen_embed_options() -> EmbedOptions {
    let read = |id: &str, property: &str| {
        document()
            .get_element_by_id(id)
            .and_then(|control| js_sys::Reflect::get(&control, &property.into()).ok())
            .unwrap_or_default()
    };
    EmbedOptions {
        theme: read("embed-theme", "value")
            .as_string()
            .and_then(|name| Theme::from_name(&name)),
        plain: read("embed-plain", "checked").is_truthy(),
    }
}
