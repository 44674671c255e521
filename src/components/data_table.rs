use leptos::prelude::*;

use crate::chart::words::point_text;
use crate::content::Chart;
use crate::format::{capitalized, thousands};
use crate::view_state::View;

/// The chart's data as a real table: always in the page for screen readers, shown to everyone
/// in the table view.
#[component]
pub fn DataTable(
    /// The chart's data.
    chart: &'static Chart,
    /// Chart or table: the table is visually hidden in the chart view.
    view: Signal<View>,
    /// The selected point, highlighted as a row.
    selected: Signal<Option<usize>>,
) -> impl IntoView {
    let rows = (0..chart.points.len())
        .filter_map(|i| Some((i, point_text(chart.points, i, chart.unit)?)))
        .map(|(i, text)| {
            let change = text.change.unwrap_or_else(|| "first count".into());
            view! {
                <tr class:selected=move || selected.get() == Some(i)>
                    <th scope="row">{text.period}</th>
                    <td class="num">{thousands(chart.points[i].value)}</td>
                    <td class="num">{change}</td>
                </tr>
            }
        })
        .collect_view();
    // A wrapper takes the hiding: a table's box does not shrink to the hidden 1 px.
    let class = move || match view.get() {
        View::Table => "table-wrap",
        View::Chart => "table-wrap visually-hidden",
    };
    view! {
        <div class=class>
        <table id="chart-table" class="chart-table">
            <caption>{chart.subtitle}</caption>
            <thead>
                <tr>
                    <th scope="col">"Period"</th>
                    <th scope="col" class="num">{capitalized(chart.unit)}</th>
                    <th scope="col" class="num">"Change since the previous count"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
    }
}
