//! The live region that tells screen readers which point is selected. It is prerendered empty
//! (`components::figure`) and written here on the DOM: less code in the wasm than a reactive
//! text node.

use leptos::prelude::*;
use web_sys::Element;

use super::hooks::effect;
use crate::content::Chart;

/// Keeps `#chart-live` saying the selected point (the point's period, value and change), or
/// nothing.
pub fn announce_selection(chart: &'static Chart, selected: ReadSignal<Option<usize>>) {
    let mut region = None::<Element>;
    effect(move || {
        let words = selected.get().and_then(|index| chart.words.get(index));
        if region.is_none() {
            region = document().get_element_by_id("chart-live");
        }
        if let Some(region) = &region {
            region.set_text_content(words.map(|words| words.announcement));
        }
    });
}
