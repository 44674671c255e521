//! Browser state as signals, where leptos-use's version does not fit.

use leptos::ev::change;
use leptos::prelude::*;
use leptos_use_event_listener::use_event_listener;

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
