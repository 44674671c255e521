//! The selected point's marker (a ring and a guide down to the axis) and tooltip: HTML over the
//! canvas (`components::ChartCanvas`), prerendered and hidden while nothing is selected. A new selection
//! writes a few styles and three lines of text into it, from one effect: hovering along the
//! line creates no elements and runs one reactive update per move (measured under 4× CPU
//! throttling: the first hover's script took ≈ 12 ms building the marker anew each time).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::chart::marker::Placement;
use crate::content::PointWords;

/// The marker's elements (`components::ChartCanvas`), found once next to the canvas.
pub struct MarkerParts {
    marker: HtmlElement,
    guide: HtmlElement,
    tooltip: Element,
    period: Element,
    value: Element,
    change: HtmlElement,
}

impl MarkerParts {
    /// The marker in the same parent as `canvas`.
    pub fn find(canvas: &Element) -> Option<MarkerParts> {
        let marker = canvas
            .parent_element()?
            .query_selector(".chart-marker")
            .ok()??;
        let part = |class: &str| marker.query_selector(class).ok().flatten();
        Some(MarkerParts {
            guide: part(".chart-guide")?.dyn_into().ok()?,
            tooltip: part(".chart-tooltip")?,
            period: part(".tooltip-period")?,
            value: part(".tooltip-value")?,
            change: part(".tooltip-change")?.dyn_into().ok()?,
            marker: marker.dyn_into().ok()?,
        })
    }

    /// Shows the marker at `place` with `words`, or hides it.
    pub fn show(&self, selection: Option<(Placement, &PointWords)>) {
        let Some((place, words)) = selection else {
            self.marker.set_hidden(true);
            return;
        };
        let marker = self.marker.style();
        let _ = marker.set_property("left", &px(place.x));
        let _ = marker.set_property("top", &px(place.y));
        let _ = self.guide.style().set_property("height", &px(place.guide));
        self.tooltip.set_class_name(place.tooltip_class);
        self.period.set_text_content(Some(words.period));
        self.value.set_text_content(Some(words.value));
        self.change.set_text_content(words.change);
        self.change.set_hidden(words.change.is_none());
        self.marker.set_hidden(false);
    }
}

/// A CSS length in whole pixels (no float formatting in the wasm).
fn px(css: f64) -> String {
    format!("{}px", css.round() as i32)
}
