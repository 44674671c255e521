//! Drawing on the chart's `<canvas>`: backing store = CSS size × devicePixelRatio, then the
//! shared drawing code through plotters' `CanvasBackend`.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::draw::{draw, Frame, Geometry};
use crate::chart::theme::SystemColours;

/// The canvas's CSS size: the ResizeObserver's last reading, or a direct measurement before
/// the first observation arrives (so the first draw happens in the frame the canvas appears).
pub fn css_size(canvas: &HtmlCanvasElement, observed: (f64, f64)) -> (f64, f64) {
    if observed.0 > 0.0 && observed.1 > 0.0 {
        observed
    } else {
        let rect = canvas.get_bounding_client_rect();
        (rect.width(), rect.height())
    }
}

/// Sizes the backing store to CSS size × ratio and clears it (a new size clears it already).
/// `None` if there is nothing to draw on: zero size, no 2D context.
fn prepare(canvas: &HtmlCanvasElement, css: (f64, f64), ratio: f64) -> Option<()> {
    let width = (css.0 * ratio).round() as u32;
    let height = (css.1 * ratio).round() as u32;
    if width == 0 || height == 0 {
        return None;
    }
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    if canvas.width() != width || canvas.height() != height {
        // Assigning a size clears the canvas (and the first draw would pay twice).
        canvas.set_width(width);
        canvas.set_height(height);
    } else {
        context.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
    }
    Some(())
}

/// The reader's system colours (forced colours), as the canvas's 2D context resolves them:
/// each keyword set as its `fillStyle` reads back as `#rrggbb`. `None` if any does not.
pub fn system_colours(canvas: &HtmlCanvasElement) -> Option<SystemColours> {
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let resolved = SystemColours::KEYWORDS.map(|keyword| {
        context.set_fill_style_str(keyword);
        context.fill_style().as_string().unwrap_or_default()
    });
    SystemColours::from_resolved(resolved.each_ref().map(String::as_str))
}

/// Draws `frame` on the chart canvas. Returns where the points went, or `None` if there was
/// nothing to draw on or drawing failed (logged).
pub fn paint(canvas: &HtmlCanvasElement, css: (f64, f64), frame: &Frame) -> Option<Geometry> {
    prepare(canvas, css, frame.layout.ratio)?;
    let area = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    logged(draw(&area, frame).and_then(|geometry| area.present().map(|_| geometry)))
}

fn logged<T, E: std::fmt::Display>(result: Result<T, E>) -> Option<T> {
    result
        .map_err(|error| {
            web_sys::console::error_1(&format!("way-out: drawing failed: {error}").into());
        })
        .ok()
}

/// After the first successful draw: `performance.mark("chart-interactive")` (js/loader.js
/// marks "chart-drawn" for the benchmark: the static chart's first paint), and the prerendered
/// SVGs are emptied: hidden behind the canvas from now on, they would only hold memory (two
/// charts' worth of DOM). Emptied through `textContent`, not `innerHTML`: a host that enforces
/// Trusted Types (`require-trusted-types-for 'script'`) blocks every `innerHTML` write.
pub fn first_draw_done(canvas: &HtmlCanvasElement) {
    thread_local! {
        static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if DONE.replace(true) {
        return;
    }
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("chart-interactive");
    }
    let static_chart = canvas
        .closest(".chart-box")
        .ok()
        .flatten()
        .and_then(|chart_box| chart_box.query_selector(".chart-static").ok().flatten());
    if let Some(static_chart) = static_chart {
        static_chart.set_text_content(None);
    }
}
