use leptos::prelude::*;

use crate::chart::scale::YScale;
use crate::view_state::View;

/// Chart/table and linear/logarithmic switches: pressed-state buttons, usable by mouse, touch
/// and keyboard. They need the app, so they stay invisible until it runs.
#[component]
pub fn ViewControls(
    /// Chart or table.
    view: RwSignal<View>,
    /// Linear or logarithmic values.
    scale: RwSignal<YScale>,
) -> impl IntoView {
    let pressed = |on: bool| if on { "true" } else { "false" };
    view! {
        <div class="chart-controls needs-js">
            <div class="segmented" role="group" aria-label="Show the data as">
                <button
                    type="button"
                    aria-pressed=move || pressed(view.get() == View::Chart)
                    on:click=move |_| view.set(View::Chart)
                >
                    "Chart"
                </button>
                <button
                    type="button"
                    aria-pressed=move || pressed(view.get() == View::Table)
                    on:click=move |_| view.set(View::Table)
                >
                    "Table"
                </button>
            </div>
            <div
                class="segmented"
                role="group"
                aria-label="Vertical scale"
                class:is-hidden=move || view.get() == View::Table
            >
                <button
                    type="button"
                    aria-pressed=move || pressed(scale.get() == YScale::Linear)
                    on:click=move |_| scale.set(YScale::Linear)
                >
                    "Linear"
                </button>
                <button
                    type="button"
                    aria-pressed=move || pressed(scale.get() == YScale::Log)
                    aria-describedby="scale-note"
                    on:click=move |_| scale.set(YScale::Log)
                >
                    "Logarithmic"
                </button>
            </div>
        </div>
        <p
            id="scale-note"
            class="scale-note"
            class:is-hidden=move || scale.get() != YScale::Log || view.get() == View::Table
        >
            "Logarithmic scale: each gridline is double the one below, so a steady doubling is a straight line."
        </p>
    }
}
