//! The browser side (`hydrate` feature): hydration entry point, the canvas chart with its
//! pointer interaction and tooltip, and small hooks for browser state. Everything here is an
//! edge around the pure modules: it reads the browser, calls them, and writes pixels or DOM.

mod canvas;
mod hooks;

use leptos::ev::PointerEvent;
use leptos::html::Canvas;
use leptos::prelude::*;
use leptos_use_element_size::{use_element_size, UseElementSizeReturn};
use leptos_use_preferences::use_preferred_dark;
use wasm_bindgen::JsCast;

use crate::chart::draw::{Frame, Layout};
use crate::chart::scale::YScale;
use crate::chart::selection::nearest;
use crate::chart::theme::Theme;
use crate::chart::words::point_text;
use crate::components::App;
use crate::content::Chart;
use hooks::use_device_pixel_ratio;

/// Hydrates the prerendered page in `<div id="app">`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("way-out: {info}").into());
    }));
    let root = document()
        .get_element_by_id("app")
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => leptos::mount::hydrate_from(root, App).forget(),
        None => web_sys::console::error_1(&"way-out: no #app element to hydrate".into()),
    }
}

/// The canvas chart. Redraws when its size, the pixel ratio, the colour scheme, the scale or
/// the selection changes; selects the point nearest the pointer.
#[component]
pub fn InteractiveChart(
    /// The chart's data.
    chart: &'static Chart,
    /// The selected point, shared with the keyboard handler and the live region.
    selected: RwSignal<Option<usize>>,
    /// Linear or logarithmic values.
    scale: Signal<YScale>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    let UseElementSizeReturn { width, height } = use_element_size(canvas_ref);
    let ratio = use_device_pixel_ratio();
    let dark = use_preferred_dark();
    // Where plotters placed each point at the last draw, in canvas pixels.
    let positions = RwSignal::new(Vec::<(f64, f64)>::new());
    // The canvas's CSS size at the last draw.
    let drawn_size = RwSignal::new((0.0, 0.0));

    Effect::new(move || {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let css = canvas::css_size(&canvas, (width.get(), height.get()));
        let theme = if dark.get() {
            Theme::Dark
        } else {
            Theme::Light
        };
        let frame = Frame {
            points: chart.points,
            annotation: &chart.annotation,
            scale: scale.get(),
            selected: selected.get(),
            progress: 1.0,
            palette: theme.palette(),
            layout: Layout::new(css.0, ratio.get()),
            opaque: false,
        };
        if let Some(drawn) = canvas::paint(&canvas, css, &frame) {
            positions.set(drawn);
            drawn_size.set(css);
            canvas::mark_chart_drawn();
        }
    });

    let pick = move |ev: PointerEvent| {
        let r = ratio.get_untracked();
        let pointer = (f64::from(ev.offset_x()) * r, f64::from(ev.offset_y()) * r);
        let nearest = positions.with_untracked(|p| nearest(p, pointer));
        if nearest.is_some() && nearest != selected.get_untracked() {
            selected.set(nearest);
        }
    };
    let leave = move |ev: PointerEvent| {
        // A mouse leaving clears the selection; a finger lifting keeps it readable.
        if ev.pointer_type() == "mouse" {
            selected.set(None);
        }
    };

    let tooltip = move || {
        let index = selected.get()?;
        let (x, y) = positions.with(|p| p.get(index).copied())?;
        let text = point_text(chart.points, index, chart.unit)?;
        let r = ratio.get_untracked();
        let (x, y) = (x / r, y / r);
        let (w, h) = drawn_size.get();
        let align = if x < w * 0.3 {
            "start"
        } else if x > w * 0.7 {
            "end"
        } else {
            "center"
        };
        let side = if y < h * 0.45 { "below" } else { "above" };
        Some(view! {
            <div
                class=format!("chart-tooltip align-{align} {side}")
                style:left=format!("{}px", x.round() as i32)
                style:top=format!("{}px", y.round() as i32)
                aria-hidden="true"
            >
                <p class="tooltip-period">{text.period}</p>
                <p class="tooltip-value">{text.value}</p>
                {text.change.map(|change| view! { <p class="tooltip-change">{change}</p> })}
            </div>
        })
    };

    view! {
        <canvas
            node_ref=canvas_ref
            class="chart-canvas"
            aria-hidden="true"
            on:pointermove=pick
            on:pointerdown=pick
            on:pointerleave=leave
        ></canvas>
        {tooltip}
    }
}
