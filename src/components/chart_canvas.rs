use leptos::html::Canvas;
use leptos::prelude::*;

use crate::content::Chart;
use crate::edge;

/// The interactive chart: a canvas, and over it the selected point's marker (a ring and a guide
/// down to the axis) and tooltip, HTML hidden while nothing is selected. Prerendered empty and
/// invisible, behind the static chart; in the browser `edge::drive_chart` draws the canvas,
/// makes the pointer select points and fills the marker.
#[component]
pub fn ChartCanvas(
    /// The chart's data.
    chart: &'static Chart,
    /// The selected point, shared with the keyboard handler, the table and the live region.
    selected: RwSignal<Option<usize>>,
    /// The values are on a logarithmic scale.
    log_scale: ReadSignal<bool>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let (pick, leave) = edge::drive_chart(chart, canvas, selected, log_scale);
    view! {
        <canvas
            node_ref=canvas
            class="chart-canvas"
            aria-hidden="true"
            on:pointermove=pick
            on:pointerdown=pick
            on:pointerleave=leave
            on:pointercancel=leave
        ></canvas>
        <div class="chart-marker" hidden aria-hidden="true" inner_html=marker_markup()></div>
    }
}

/// Inside the marker: the guide, and the tooltip's three lines, filled in the browser by
/// `interactive::marker::MarkerParts` (which looks these classes up). Prerendered only: the
/// browser finds it in the page, and hydration leaves it alone.
#[cfg(feature = "ssr")]
fn marker_markup() -> String {
    view! {
        <div class="chart-guide"></div>
        <div class="chart-tooltip">
            <p class="tooltip-period"></p>
            <p class="tooltip-value"></p>
            <p class="tooltip-change"></p>
        </div>
    }
    .to_html()
}

#[cfg(not(feature = "ssr"))]
fn marker_markup() -> String {
    String::new()
}
