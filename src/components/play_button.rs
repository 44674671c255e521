use leptos::prelude::*;

use super::on_press;
use crate::content::Chart;
use crate::edge;

/// "Play the trend": the series as rising and falling tones (`edge::play_or_stop`), the
/// selected point moving with them; a second press or Escape stops them. A real button
/// (mouse, touch, keyboard); while playing, the browser changes its text to "Stop" (what
/// pressing it does next). It needs the app, so it stays invisible until it runs. The status
/// beside it stays empty unless the sound cannot play.
#[component]
pub fn PlayButton(
    /// The chart, for its tones.
    chart: &'static Chart,
    /// The selected point, moved along as the tones play.
    selected: RwSignal<Option<usize>>,
) -> impl IntoView {
    edge::stop_sound_on_escape();
    view! {
        <div class="chart-sound needs-js">
            <button
                id="sound-button"
                type="button"
                class="sound-button"
                on:click=on_press(move |_| edge::play_or_stop(chart, selected))
            >
                "Play the trend"
            </button>
            <p id="sound-status" class="sound-status" role="status"></p>
        </div>
    }
}
