//! Drawing on the `<canvas>`: backing store = CSS size × devicePixelRatio, then the shared
//! drawing code through plotters' `CanvasBackend`.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::draw::{draw, Frame};

/// The canvas's CSS size: the ResizeObserver's last reading, or a direct measurement before
/// the first observation arrives (so the first draw happens in the same frame as the swap).
pub fn css_size(canvas: &HtmlCanvasElement, observed: (f64, f64)) -> (f64, f64) {
    if observed.0 > 0.0 && observed.1 > 0.0 {
        observed
    } else {
        let rect = canvas.get_bounding_client_rect();
        (rect.width(), rect.height())
    }
}

/// Resizes the backing store if needed, clears it and draws `frame`. Returns the points'
/// positions in canvas pixels, or `None` if there is nothing to draw on (zero size, no 2D
/// context) or drawing failed (logged).
pub fn paint(
    canvas: &HtmlCanvasElement,
    css: (f64, f64),
    frame: &Frame,
) -> Option<Vec<(f64, f64)>> {
    let ratio = frame.layout.ratio;
    let width = (css.0 * ratio).round() as u32;
    let height = (css.1 * ratio).round() as u32;
    if width == 0 || height == 0 {
        return None;
    }
    // Assigning a size clears the canvas even when unchanged; only do it when it changes.
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
    let area = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    match draw(&area, frame).and_then(|positions| area.present().map(|_| positions)) {
        Ok(positions) => Some(positions),
        Err(error) => {
            web_sys::console::error_1(&format!("way-out: drawing failed: {error}").into());
            None
        }
    }
}

/// `performance.mark("chart-drawn")` after the first successful draw (the benchmark reads it).
pub fn mark_chart_drawn() {
    thread_local! {
        static MARKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if MARKED.replace(true) {
        return;
    }
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("chart-drawn");
    }
}
