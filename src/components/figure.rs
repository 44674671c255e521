use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use super::chart_canvas::ChartCanvas;
use super::data_table::TableView;
use super::figure_actions::FigureActions;
use super::play_button::PlayButton;
use super::static_chart::StaticChart;
use super::view_controls::ViewControls;
use super::{effect, when};
use crate::chart::selection::{self, Step};
use crate::chart::sonify::tones_json;
use crate::content::{Chart, ChartPage};
use crate::edge;

/// The chart with its HTML title and subtitle, the interactive part, and the caption with the
/// description, notes and source. Title and caption never change: they are prerendered HTML
/// only. The browser hydrates the part between them, `ChartIsland`, from `#chart-island`.
#[component]
pub fn ChartFigure(
    /// The chart's text and data.
    chart: &'static Chart,
    /// Its caption note and data file (prerendered only).
    page: &'static ChartPage,
) -> impl IntoView {
    let approximate: Vec<String> = chart
        .points
        .iter()
        .filter(|p| p.approximate)
        .map(|p| format!("“{}”", p.period))
        .collect();
    let approximate_note = match approximate.as_slice() {
        [] => None,
        [one] => Some(format!(
            "Dashed line and hollow point: the source says only {one}."
        )),
        [rest @ .., last] => Some(format!(
            "Dashed lines and hollow points: the source says only {} and {last}.",
            rest.join(", ")
        )),
    };
    view! {
        <figure class="chart-figure" aria-labelledby="chart-title">
            // `supplemental`: interface, or words about the picture, which reader views (Mozilla
            // Readability drops this class) leave out; they show the article and the table,
            // under its title and subtitle and over its source.
            <div class="chart-head">
                <h2 id="chart-title" class="chart-title">{chart.title}</h2>
                <p id="chart-subtitle" class="chart-subtitle">{chart.subtitle}</p>
            </div>
            // The tones of "Play the trend" (`components::PlayButton`), for js/actions.js.
            <div id="chart-island" data-tones=tones_json(chart.pitches)>
                <ChartIsland chart />
            </div>
            // Static, so outside the hydrated island; the chart's focus box points to it.
            <p id="chart-help" class="visually-hidden supplemental">
                "Left and right arrow keys move between the points; Home and End go to the first and last; Escape closes the details."
            </p>
            <figcaption class="chart-caption">
                <p id="chart-description" class="chart-description supplemental">
                    {chart.description}
                </p>
                <p class="chart-note supplemental">{page.growth_note}</p>
                <p class="chart-note supplemental">
                    <span class="key key-band" aria-hidden="true"></span>
                    {chart.annotation.note}
                </p>
                {approximate_note
                    .map(|note| {
                        view! {
                            <p class="chart-note supplemental">
                                <span class="key key-dashed" aria-hidden="true"></span>
                                {note}
                            </p>
                        }
                    })}
                <p class="chart-source">"Source: " {chart.source}</p>
            </figcaption>
        </figure>
    }
}

/// The interactive part of the figure: the chart (static SVG until the app runs, then the
/// canvas with pointer, touch and keyboard interaction), the table, the switches and the
/// downloads. Its view follows the URL.
#[component]
pub fn ChartIsland(
    /// The chart's text and data.
    chart: &'static Chart,
) -> impl IntoView {
    // The reader's two choices; the same `bool` type as the other flags keeps the wasm small.
    let table_shown = RwSignal::new(false);
    let log_scale = RwSignal::new(false);
    let selected = RwSignal::new(None::<usize>);
    // Effects never run on the host, so this turns true only in the browser, after hydration.
    let interactive = RwSignal::new(false);
    effect(move || interactive.set(true));
    edge::sync_with_url(chart.points.len(), table_shown, log_scale, selected);

    let points = chart.points;
    // Escape, wherever the focus is: `edge::drive_chart`.
    let on_keydown = move |ev: KeyboardEvent| {
        if let Some(step) = Step::from_key(&ev.key()) {
            ev.prevent_default();
            selected.update(|current| *current = selection::step(*current, step, points.len()));
        }
    };
    edge::announce_selection(chart, selected.read_only());
    edge::link_mentions(chart, selected);
    view! {
        <div class="chart-island" class:is-interactive=when(move || interactive.get())>
            // The chart sizes itself by its frame's width (CSS container queries). The frame
            // contains no more than the chart: full screen's Exit, fixed on the screen, must
            // not be inside a container.
            <div id="chart" class="chart-frame" class:is-hidden=when(move || table_shown.get())>
                <div class="chart-box">
                    // The static chart stays (hidden by CSS once the app runs), so there is no
                    // swap to do. The interactive chart is prerendered too, invisible (so without
                    // the app it has no tab stop and nothing to read); the app hydrates and
                    // draws it.
                    <StaticChart />
                    <div
                        class="chart-focus"
                        role="application"
                        tabindex="0"
                        aria-roledescription="interactive chart"
                        aria-labelledby="chart-title"
                        aria-describedby="chart-help chart-description"
                        on:keydown=on_keydown
                    >
                        <ChartCanvas chart selected log_scale=log_scale.read_only() />
                    </div>
                </div>
            </div>
            <TableView chart table_shown=table_shown.read_only() selected=selected.read_only() />
            <ViewControls table_shown log_scale />
            <PlayButton chart selected />
            // Says the selected point; written by the browser.
            <p id="chart-live" class="visually-hidden supplemental" aria-live="polite" aria-atomic="true"></p>
            <FigureActions
                chart
                log_scale=log_scale.read_only()
                table_shown=table_shown.read_only()
                selected=selected.read_only()
            />
        </div>
    }
}
