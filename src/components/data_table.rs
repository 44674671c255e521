use leptos::prelude::*;

use super::when;
use crate::content::Chart;
use crate::edge;

/// The chart's data as a real table: always in the page for screen readers, shown to everyone
/// in the table view; the selected point's row is highlighted. The table itself never changes,
/// so it is prerendered HTML (`table_markup`) that hydration leaves alone: the browser build
/// carries none of its markup or code, only the switch of the wrapper's class and the row mark.
#[component]
pub fn TableView(
    /// The chart's data.
    chart: &'static Chart,
    /// The table is shown instead of the chart; otherwise it is visually hidden.
    table_shown: ReadSignal<bool>,
    /// The selected point, marked on its row.
    selected: ReadSignal<Option<usize>>,
) -> impl IntoView {
    edge::mark_selected_row(table_shown, selected);
    // A wrapper takes the hiding: a table's box does not shrink to the hidden 1 px.
    view! {
        <div
            class="table-wrap"
            class:visually-hidden=when(move || !table_shown.get())
            inner_html=table_markup(chart)
        ></div>
    }
}

/// The table's markup (`#chart-table`): one row per point, in order.
#[cfg(feature = "ssr")]
fn table_markup(chart: &'static Chart) -> String {
    use crate::format::{capitalized, thousands};
    let rows = chart
        .points
        .iter()
        .zip(chart.words)
        .map(|(point, words)| {
            view! {
                <tr>
                    <th scope="row">{words.period}</th>
                    <td class="num">{thousands(point.value)}</td>
                    <td class="num">{words.change.unwrap_or("first count")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        // Named by the chart's subtitle, above it on screen: no caption repeats it in the page
        // (reader views showed it twice).
        <table id="chart-table" class="chart-table" aria-labelledby="chart-subtitle">
            <thead>
                <tr>
                    <th scope="col">"Period"</th>
                    <th scope="col" class="num">{capitalized(chart.unit)}</th>
                    <th scope="col" class="num">"Change"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .to_html()
}

#[cfg(not(feature = "ssr"))]
fn table_markup(_chart: &'static Chart) -> String {
    String::new()
}
