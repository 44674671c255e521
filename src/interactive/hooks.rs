//! Browser state as signals: small hooks on top of leptos-use's observers and listeners.

use leptos::ev::change;
use leptos::html::Canvas;
use leptos::prelude::*;
use leptos_use_event_listener::use_event_listener;
use leptos_use_intersection_observer::use_intersection_observer;
use leptos_use_resize_observer::use_resize_observer;

/// The element's CSS content size, updated by a ResizeObserver; (0, 0) until the first report.
///
/// Not leptos-use's `use_element_size`: for SVG targets it parses computed styles, which links
/// Rust's float parser into the wasm (≈ 4 KB) for a canvas that is never SVG.
pub fn use_css_size(target: NodeRef<Canvas>) -> Signal<(f64, f64)> {
    let size = RwSignal::new((0.0, 0.0));
    let _ = use_resize_observer(target, move |entries, _| {
        if let Some(entry) = entries.last() {
            let rect = entry.content_rect();
            size.set((rect.width(), rect.height()));
        }
    });
    size.into()
}

/// `window.devicePixelRatio`, updated when it changes (zoom, or the window moving to a
/// screen with another density).
///
/// Not leptos-use's `use_device_pixel_ratio`: that one formats the ratio with Rust's float
/// formatting (several KB of wasm) and unwraps `matchMedia`, which a browser may refuse.
pub fn use_device_pixel_ratio() -> Signal<f64> {
    let ratio = RwSignal::new(current_ratio());
    Effect::new(move || {
        // A query that matches the current ratio fires `change` once it stops matching.
        let as_text: String = js_sys::Number::from(ratio.get())
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default();
        let query = format!("(resolution: {as_text}dppx)");
        if let Ok(Some(list)) = window().match_media(&query) {
            // Removed again when this effect re-runs or its owner is disposed.
            let _ = use_event_listener(list, change, move |_| ratio.set(current_ratio()));
        }
    });
    ratio.into()
}

fn current_ratio() -> f64 {
    let ratio = window().device_pixel_ratio();
    if ratio.is_finite() && ratio > 0.0 {
        ratio
    } else {
        1.0
    }
}

/// How long the line takes to draw itself.
const ENTRANCE: f64 = 500.0;

/// The entrance animation's progress, 0 to 1. The line draws itself when the chart first
/// scrolls into view, but only if it was off screen when the page hydrated (a reader who has
/// already seen the static chart must not see it vanish) and the reader has not asked for
/// reduced motion.
pub fn use_entrance(target: NodeRef<Canvas>, reduced_motion: Signal<bool>) -> Signal<f64> {
    let progress = RwSignal::new(1.0);
    // None until the first observation; then whether the animation is still to come.
    let waiting = StoredValue::new(None::<bool>);
    let observer = use_intersection_observer(target, move |entries, _| {
        let visible = entries.iter().any(|e| e.is_intersecting());
        match waiting.get_value() {
            None if visible || reduced_motion.get_untracked() => waiting.set_value(Some(false)),
            None => {
                progress.set(0.0);
                waiting.set_value(Some(true));
            }
            Some(true) if visible => {
                waiting.set_value(Some(false));
                animate(progress);
            }
            _ => {}
        }
    });
    // Stop observing once done.
    Effect::new(move || {
        if progress.get() >= 1.0 && waiting.get_value() == Some(false) {
            (observer.stop)();
        }
    });
    progress.into()
}

fn animate(progress: RwSignal<f64>) {
    let Some(performance) = window().performance() else {
        progress.set(1.0);
        return;
    };
    let start = performance.now();
    fn frame(performance: web_sys::Performance, start: f64, progress: RwSignal<f64>) {
        let t = ((performance.now() - start) / ENTRANCE).clamp(0.0, 1.0);
        // Ease out: quick start, gentle landing.
        progress.set(1.0 - (1.0 - t) * (1.0 - t));
        if t < 1.0 {
            request_animation_frame(move || frame(performance, start, progress));
        }
    }
    request_animation_frame(move || frame(performance, start, progress));
}
