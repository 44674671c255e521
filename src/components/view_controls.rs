use leptos::prelude::*;

use super::{on_press, when};
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
    let table_shown = move || view.get() == View::Table;
    view! {
        <div class="chart-controls needs-js">
            <div class="segmented" role="group" aria-label="Show the data as">
                <Choice label="Chart" choice=view this=View::Chart />
                <Choice label="Table" choice=view this=View::Table />
            </div>
            <div class="segmented" role="group" aria-label="Vertical scale" class:is-hidden=when(table_shown)>
                <Choice label="Linear" choice=scale this=YScale::Linear />
                <Choice label="Logarithmic" choice=scale this=YScale::Log described_by="scale-note" />
            </div>
        </div>
        <p
            id="scale-note"
            class="scale-note"
            class:is-hidden=when(move || scale.get() != YScale::Log || table_shown())
        >
            "Logarithmic scale: each gridline is double the one below, so a steady doubling is a straight line."
        </p>
    }
}

/// One button of a switch: pressed while `choice` is `this`, and sets it when pressed.
#[component]
fn Choice<T>(
    /// The button's text.
    label: &'static str,
    /// The switch's value.
    choice: RwSignal<T>,
    /// The value this button stands for.
    this: T,
    /// The id of a note that says more about this choice.
    #[prop(optional)]
    described_by: Option<&'static str>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let pressed = move || {
        if choice.get() == this {
            "true"
        } else {
            "false"
        }
    };
    view! {
        <button
            type="button"
            aria-pressed=pressed
            aria-describedby=described_by
            on:click=on_press(move |_| choice.set(this))
        >
            {label}
        </button>
    }
}
