use leptos::prelude::*;

use super::{on_press, when};
use crate::chart::scale::YScale;
use crate::content::Chart;
use crate::edge;
use crate::share::ImageFile;
use crate::view_state::{View, ViewState};

/// One row of actions under the chart: "Get the data" and "Download image" (PNG and SVG: plain
/// links to files made at build time, so they work without the app), "Copy image", "Share",
/// "Copy embed code" and "Full screen" (they need the app). One status line says what the last
/// of them did.
#[component]
pub fn FigureActions(
    /// The chart, for the image and the file names.
    chart: &'static Chart,
    /// The images are of the logarithmic scale, as the reader sees it.
    log_scale: ReadSignal<bool>,
    /// The table is shown instead of the chart (for the shared link).
    table_shown: ReadSignal<bool>,
    /// The selected point (for the shared link).
    selected: ReadSignal<Option<usize>>,
) -> impl IntoView {
    let (csv_href, csv_name) = csv_link();
    let scale = move || YScale::logarithmic_if(log_scale.get_untracked());
    let view = move || ViewState {
        view: View::table_if(table_shown.get_untracked()),
        scale: scale(),
        point: selected.get_untracked(),
        embed: false,
    };
    view! {
        <div class="chart-actions supplemental">
            <a class="action" href=csv_href download=csv_name>
                "Get the data (CSV)"
            </a>
            <ImageLinks kind=ImageFile::Png log_scale label="Download image (PNG)" />
            <ImageLinks kind=ImageFile::Svg log_scale label="Download image (SVG)" />
            <button
                type="button"
                class="action needs-js"
                on:click=on_press(move |_| edge::copy_png(chart, scale()))
            >
                "Copy image"
            </button>
            <button
                type="button"
                class="action needs-js"
                on:click=on_press(move |_| edge::share_view(view()))
            >
                "Share"
            </button>
            <button
                type="button"
                class="action needs-js not-embedded"
                on:click=on_press(move |_| edge::copy_embed_code(chart.title))
            >
                "Copy embed code"
            </button>
            // Shows the figure in full screen, and leaves it. Its name says what it does next:
            // the CSS shows one of the two by the figure's `:fullscreen` state, and hides the
            // button where the browser cannot (`html.no-full-screen`, set by js/loader.js).
            <button
                type="button"
                class="action needs-js full-screen"
                on:click=on_press(move |_| edge::toggle_full_screen())
            >
                <span class="full-screen-enter">"Full screen"</span>
                <span class="full-screen-exit">"Exit full screen"</span>
            </button>
            // What the last action did ("Copied: …"), written by the browser.
            <p class="action-status" role="status"></p>
        </div>
        // The embed page's render options (docs/embedding.md), for "Copy embed code": closed,
        // one tab stop, and only on the article page. The app reads them when it copies.
        <details class="embed-options supplemental needs-js not-embedded">
            <summary>"Embed options"</summary>
            <label>
                "Colors "
                <select id="embed-theme">
                    <option value="" selected>"The reader’s (light or dark)"</option>
                    <option value="light">"Light"</option>
                    <option value="dark">"Dark"</option>
                </select>
            </label>
            <label>
                <input type="checkbox" id="embed-plain" />
                " The chart alone, without its title"
            </label>
        </details>
    // Where the clipboard refuses (an insecure page, a denied permission), js/actions.js adds a
    // box after these options with the code or the link to copy by hand.
    }
}

/// A download link for the image file of each scale; the reader sees the one of the scale the
/// chart shows, the other is hidden.
#[component]
fn ImageLinks(kind: ImageFile, log_scale: ReadSignal<bool>, label: &'static str) -> impl IntoView {
    let (linear, log) = image_files(kind);
    view! {
        <a
            class="action"
            class:is-hidden=when(move || log_scale.get())
            href=linear.clone()
            download=linear
        >
            {label}
        </a>
        <a
            class="action"
            class:is-hidden=when(move || !log_scale.get())
            href=log.clone()
            download=log
        >
            {label}
        </a>
    }
}

/// The data file's link (relative: the prerender writes it next to the page) and name. The
/// prerendered page has them; hydration leaves static attributes as they are, so the browser
/// build passes nothing.
#[cfg(feature = "ssr")]
fn csv_link() -> (&'static str, &'static str) {
    let name = crate::content::CHART_PAGE.csv_name;
    (name, name)
}

#[cfg(not(feature = "ssr"))]
fn csv_link() -> (&'static str, &'static str) {
    ("", "")
}

/// The image files' links (relative: the prerender writes them next to the page), which are
/// also their names: linear and logarithmic scale. Prerendered only, as the CSV's.
#[cfg(feature = "ssr")]
fn image_files(kind: ImageFile) -> (String, String) {
    use crate::share::image_file_name;
    let slug = crate::content::CHART.slug;
    (
        image_file_name(slug, YScale::Linear, kind),
        image_file_name(slug, YScale::Log, kind),
    )
}

#[cfg(not(feature = "ssr"))]
fn image_files(_kind: ImageFile) -> (String, String) {
    (String::new(), String::new())
}
