//! The selected point's marker (a ring and a guide down to the axis) and tooltip: HTML over the
//! canvas (`components::ChartCanvas`), prerendered and hidden while nothing is selected. A new selection
//! writes a few styles and three lines of text into it, from one effect: hovering along the
//! line creates no elements and runs one reactive update per move (measured under 4× CPU
//! throttling: the first hover's script took ≈ 12 ms building the marker anew each time).

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::chart::marker::{room, Placement, Rect};
use crate::content::PointWords;

/// A selected point: where it is and what the tooltip says, in CSS pixels of the chart box.
pub struct Selected {
    pub point: (f64, f64),
    /// The x axis's height, where the guide ends.
    pub axis_y: f64,
    /// The chart box's size.
    pub size: (f64, f64),
    /// What the tooltip must not cover: each point's `chart::marker::keep_clear` box.
    pub clear: Vec<Rect>,
    /// The annotation label's box, which it covers only where it must.
    pub label: Option<Rect>,
    pub words: &'static PointWords,
}

/// The marker's elements (`components::ChartCanvas`), found once next to the canvas.
pub struct MarkerParts {
    /// The element over the whole chart box (its focus), which the marker is placed in.
    chart_box: Element,
    marker: HtmlElement,
    guide: HtmlElement,
    tooltip: HtmlElement,
    period: Element,
    value: Element,
    change: HtmlElement,
}

impl MarkerParts {
    /// The marker in the same parent as `canvas`.
    pub fn find(canvas: &Element) -> Option<MarkerParts> {
        let chart_box = canvas.parent_element()?;
        let marker = chart_box.query_selector(".chart-marker").ok()??;
        let part = |class: &str| marker.query_selector(class).ok().flatten();
        Some(MarkerParts {
            guide: part(".chart-guide")?.dyn_into().ok()?,
            tooltip: part(".chart-tooltip")?.dyn_into().ok()?,
            period: part(".tooltip-period")?,
            value: part(".tooltip-value")?,
            change: part(".tooltip-change")?.dyn_into().ok()?,
            marker: marker.dyn_into().ok()?,
            chart_box,
        })
    }

    /// Shows the marker at the selected point with its words, or hides it. The tooltip is
    /// filled first and measured (a layout of the chart box only: `contain: layout`), so its
    /// place covers nothing whatever its words' length, the reader's font and spacing. Returns
    /// the tooltip's box, in CSS pixels of the chart box.
    pub fn show(&self, selected: Option<Selected>) -> Option<Rect> {
        let Some(selected) = selected else {
            self.marker.set_hidden(true);
            return None;
        };
        let words = selected.words;
        self.period.set_text_content(Some(words.period));
        self.value.set_text_content(Some(words.value));
        self.change.set_text_content(words.change);
        self.change.set_hidden(words.change.is_none());
        self.marker.set_hidden(false);
        let size = (
            f64::from(self.tooltip.offset_width()),
            f64::from(self.tooltip.offset_height()),
        );
        // Where the box's top is on the screen, and the screen's height without a scroll bar.
        let top = self.chart_box.get_bounding_client_rect().top();
        let screen = document()
            .document_element()
            .map_or(f64::INFINITY, |root| f64::from(root.client_height()));
        let place = Placement::new(
            selected.point,
            selected.axis_y,
            room(selected.size, top, screen, size.1),
            size,
            &selected.clear,
            selected.label,
        );
        let marker = self.marker.style();
        let _ = marker.set_property("left", &px(place.x));
        let _ = marker.set_property("top", &px(place.y));
        let _ = self.guide.style().set_property("height", &px(place.guide));
        let tooltip = self.tooltip.style();
        let _ = tooltip.set_property("left", &px(place.tooltip.0));
        let _ = tooltip.set_property("top", &px(place.tooltip.1));
        Some(Rect {
            x: place.x + place.tooltip.0,
            y: place.y + place.tooltip.1,
            width: size.0,
            height: size.1,
        })
    }
}

/// A CSS length in whole pixels (no float formatting in the wasm).
fn px(css: f64) -> String {
    format!("{}px", css.round() as i32)
}
