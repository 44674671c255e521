//! "Play the trend": js/actions.js plays the tones (the Web Audio API, no audio files; the
//! pitches and times are written on the chart's island at build time: `components::ChartFigure`)
//! and, as each one starts, tells the island which point it is with a `way-out-tone` event. The
//! selection follows, so the marker, tooltip, table row and live region move with the sound, as
//! for the keyboard.

use leptos::prelude::*;

use super::hooks::listen;

/// The event js/actions.js sends the island: `detail` is the point's index, or null before the
/// first tone (so that the first point is announced even if it was selected).
const TONE_EVENT: &str = "way-out-tone";

/// Selects each point of a chart of `points` points as its tone plays.
pub fn follow_the_sound(points: usize, selected: RwSignal<Option<usize>>) {
    let Some(island) = document().get_element_by_id("chart-island") else {
        return;
    };
    listen(&island, TONE_EVENT, move |event| {
        let detail = js_sys::Reflect::get(&event, &"detail".into()).unwrap_or_default();
        let point = detail.as_f64().map(|index| index as usize);
        selected.set(point.filter(|&index| index < points));
    });
}
