//! The live region that tells screen readers which point is selected. It is prerendered empty
//! (`components::figure`) and written here on the DOM: less code in the wasm than a reactive
//! text node.

use leptos::prelude::*;

use super::hooks::effect;
use crate::content::Chart;

/// Keeps `#chart-live` saying the selected point (the point's period, value and change), or
/// nothing.
pub fn announce_selection(chart: &'static Chart, selected: ReadSignal<Option<usize>>) {
    // Hydration runs on the prerendered page: the region is already there.
    let Some(region) = document().get_element_by_id("chart-live") else {
        return;
    };
    effect(move || {
        let words = selected.get().and_then(|index| chart.words.get(index));
        region.set_text_content(words.map(|words| words.announcement));
    });
}
