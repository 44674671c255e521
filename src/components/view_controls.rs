use leptos::prelude::*;

use super::{on_press, when};
use crate::chart::scale::LOG_SCALE_NOTE;

/// Chart/table and linear/logarithmic switches: pressed-state buttons, usable by mouse, touch
/// and keyboard. They need the app, so they stay invisible until it runs.
#[component]
pub fn ViewControls(
    /// The table is shown instead of the chart.
    table_shown: RwSignal<bool>,
    /// The chart's values are on a logarithmic scale.
    log_scale: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <div class="chart-controls needs-js supplemental">
            <Switch label="Show the data as" choice=table_shown off="Chart" on="Table" />
            <Switch
                label="Vertical scale"
                choice=log_scale
                off="Linear"
                on="Logarithmic"
                on_described_by="scale-note"
                hidden_when=when(move || table_shown.get())
            />
        </div>
        <p
            id="scale-note"
            class="scale-note supplemental"
            // In the table view the stylesheet hides it with the chart, but for print (the
            // printed chart keeps its scale).
            class:is-hidden=when(move || !log_scale.get())
        >
            {LOG_SCALE_NOTE}
        </p>
    }
}

/// A yes/no choice as two pressed-state buttons: `off` sets it to false, `on` to true.
#[component]
fn Switch(
    /// What the choice is about, for assistive technology.
    label: &'static str,
    /// The choice.
    choice: RwSignal<bool>,
    /// The first button's text.
    off: &'static str,
    /// The second button's text.
    on: &'static str,
    /// The id of a note that says more about the second button's choice.
    #[prop(optional)]
    on_described_by: Option<&'static str>,
    /// Hides the switch while true.
    #[prop(optional)]
    hidden_when: Option<Box<dyn Fn() -> bool + Send + Sync>>,
) -> impl IntoView {
    let button = move |text: &'static str, this: bool, described_by: Option<&'static str>| {
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
                {text}
            </button>
        }
    };
    view! {
        <div
            class="segmented"
            role="group"
            aria-label=label
            class:is-hidden=when(move || hidden_when.as_ref().is_some_and(|hidden| hidden()))
        >
            {button(off, false, None)}
            {button(on, true, on_described_by)}
        </div>
    }
}
