use leptos::html::Canvas;
use leptos::prelude::*;

use crate::chart::scale::YScale;
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
    /// Linear or logarithmic values.
    scale: ReadSignal<YScale>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let (pick, leave) = edge::drive_chart(chart, canvas, selected, scale);
    // The marker's classes are what `interactive::marker::MarkerParts` looks for.
    view! {
        <canvas
            node_ref=canvas
            class="chart-canvas"
            aria-hidden="true"
            on:pointermove=pick
            on:pointerdown=pick
            on:pointerleave=leave
        ></canvas>
        <div class="chart-marker" hidden aria-hidden="true">
            <div class="chart-guide"></div>
            <div class="chart-tooltip">
                <p class="tooltip-period"></p>
                <p class="tooltip-value"></p>
                <p class="tooltip-change"></p>
            </div>
        </div>
    }
}
