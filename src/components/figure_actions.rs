use leptos::prelude::*;

use super::on_press;
use crate::chart::scale::YScale;
use crate::content::Chart;
use crate::edge;

/// "Get the data" (a plain link: works without the app), "Download image" and
/// "Copy embed code" (they need the app).
#[component]
pub fn FigureActions(
    /// The chart, for the image and the file names.
    chart: &'static Chart,
    /// The image is drawn on a logarithmic scale, as the reader sees it.
    log_scale: ReadSignal<bool>,
) -> impl IntoView {
    let (csv_href, csv_name) = csv_link();
    view! {
        <div class="chart-actions supplemental">
            <a class="action" href=csv_href download=csv_name>
                "Get the data (CSV)"
            </a>
            <button
                type="button"
                class="action needs-js"
                on:click=on_press(move |_| {
                    edge::download_png(chart, YScale::logarithmic_if(log_scale.get_untracked()))
                })
            >
                "Download image (PNG)"
            </button>
            <button
                type="button"
                class="action needs-js not-embedded"
                on:click=on_press(move |_| edge::copy_embed_code(chart.title))
            >
                "Copy embed code"
            </button>
            // What "Copy embed code" did, written by the browser.
            <p class="action-status" role="status"></p>
        </div>
        // Where the clipboard refuses (an insecure page, a denied permission), the browser shows
        // the code here to copy by hand.
        <textarea class="embed-code" readonly rows="3" aria-label="Embed code" hidden></textarea>
    }
}

/// The data file's link and name. The prerendered page has them; hydration leaves static
/// attributes as they are, so the browser build passes nothing and carries none of the data.
#[cfg(feature = "ssr")]
fn csv_link() -> (&'static str, &'static str) {
    let page = &crate::content::CHART_PAGE;
    (page.csv_href, page.csv_name)
}

#[cfg(not(feature = "ssr"))]
fn csv_link() -> (&'static str, &'static str) {
    ("", "")
}
