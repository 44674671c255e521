use leptos::prelude::*;

use super::on_press;
use crate::content::Chart;
use crate::edge;

/// "Play the trend": the series as rising and falling tones, the selected point moving with
/// them; a second press or Escape stops them. A real button (mouse, touch, keyboard); while
/// playing, its text says "Stop" (what pressing it does next). It needs the app, so it stays
/// invisible until it runs. The status beside it stays empty unless the sound cannot play.
///
/// The tones are worked out at build time (`chart::sonify`) and written on the island
/// (`ChartFigure`'s `data-tones`); js/actions.js plays them (`edge::play_or_stop`) and tells the
/// app which point each one is (`edge::follow_the_sound`).
#[component]
pub fn PlayButton(
    /// The chart, for its number of points.
    chart: &'static Chart,
    /// The selected point, moved along as the tones play.
    selected: RwSignal<Option<usize>>,
) -> impl IntoView {
    edge::follow_the_sound(chart.points.len(), selected);
    view! {
        <div class="chart-sound needs-js">
            <button
                id="sound-button"
                type="button"
                class="sound-button"
                on:click=on_press(|_| edge::play_or_stop())
            >
                "Play the trend"
            </button>
            <p id="sound-status" class="sound-status" role="status"></p>
        </div>
    }
}
