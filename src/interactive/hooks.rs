//! Browser state as signals: a handful of small hooks on web-sys, each cleaned up with the
//! reactive owner that made it (listeners removed, observers disconnected).
//!
//! Not leptos-use, by measurement (release wasm, wasm-opt -Oz, gzip -9): replacing its
//! `use_element_size` saved 18 KB, replacing `use_media_query`, `use_resize_observer`,
//! `use_intersection_observer` and `use_event_listener` with these saved another 14 KB, most
//! of it generic reactive code each hook instantiates. (`use_element_size` also links Rust's
//! float parser; `use_device_pixel_ratio` formats floats and unwraps `matchMedia`.)

pub(crate) use crate::components::effect;
use leptos::html::Canvas;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Event, EventTarget, IntersectionObserver, IntersectionObserverEntry, ResizeObserver,
    ResizeObserverEntry,
};

/// Calls `handler` on every `event` at `target` until the current reactive owner is cleaned up.
pub fn listen(target: &EventTarget, event: &'static str, handler: impl FnMut(Event) + 'static) {
    listen_boxed(target, event, Box::new(handler));
}

/// One compiled copy for every listener (a generic `listen` body was one copy per handler).
fn listen_boxed(target: &EventTarget, event: &'static str, handler: Box<dyn FnMut(Event)>) {
    let closure = Closure::wrap(handler);
    if target
        .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
        .is_err()
    {
        return;
    }
    let registration = SendWrapper::new((target.clone(), closure));
    on_cleanup(move || {
        let (target, closure) = registration.take();
        let _ = target.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    });
}

/// Whether a media query matches, kept up to date. False where the browser refuses the query.
pub fn use_media_query(query: &'static str) -> ReadSignal<bool> {
    let Ok(Some(list)) = window().match_media(query) else {
        return RwSignal::new(false).read_only();
    };
    let matches = RwSignal::new(list.matches());
    let watched = list.clone();
    listen(&list, "change", move |_| matches.set(watched.matches()));
    matches.read_only()
}

/// The element's CSS content size, updated by a ResizeObserver; (0, 0) until the first report.
pub fn use_css_size(target: NodeRef<Canvas>) -> ReadSignal<(f64, f64)> {
    let size = RwSignal::new((0.0, 0.0));
    effect(move || {
        let Some(element) = target.get() else {
            return;
        };
        let report = Closure::<dyn FnMut(Vec<ResizeObserverEntry>)>::new(
            move |entries: Vec<ResizeObserverEntry>| {
                if let Some(entry) = entries.last() {
                    let rect = entry.content_rect();
                    size.set((rect.width(), rect.height()));
                }
            },
        );
        let Ok(observer) = ResizeObserver::new(report.as_ref().unchecked_ref()) else {
            return;
        };
        observer.observe(&element);
        let observation = SendWrapper::new((observer, report));
        on_cleanup(move || observation.take().0.disconnect());
    });
    size.read_only()
}

/// `window.devicePixelRatio`, updated when it changes (zoom, or the window moving to a
/// screen with another density).
pub fn use_device_pixel_ratio() -> ReadSignal<f64> {
    let ratio = RwSignal::new(current_ratio());
    effect(move || {
        // A query that matches the current ratio fires `change` once it stops matching. The
        // number is written by JavaScript, not Rust's float formatting.
        let as_text: String = js_sys::Number::from(ratio.get())
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default();
        let query = format!("(resolution: {as_text}dppx)");
        if let Ok(Some(list)) = window().match_media(&query) {
            // Removed again when this effect re-runs or its owner is disposed.
            listen(&list, "change", move |_| ratio.set(current_ratio()));
        }
    });
    ratio.read_only()
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
pub fn use_entrance(target: NodeRef<Canvas>, reduced_motion: ReadSignal<bool>) -> ReadSignal<f64> {
    let progress = RwSignal::new(1.0);
    effect(move || {
        let Some(element) = target.get() else {
            return;
        };
        // None until the first observation; then whether the animation is still to come.
        let mut waiting = None::<bool>;
        let observe =
            Closure::<dyn FnMut(Vec<IntersectionObserverEntry>, IntersectionObserver)>::new(
                move |entries: Vec<IntersectionObserverEntry>, observer: IntersectionObserver| {
                    let visible = entries.iter().any(|e| e.is_intersecting());
                    match waiting {
                        None if visible || reduced_motion.get_untracked() => waiting = Some(false),
                        None => {
                            progress.set(0.0);
                            waiting = Some(true);
                        }
                        Some(true) if visible => {
                            waiting = Some(false);
                            animate(progress);
                        }
                        _ => {}
                    }
                    if waiting == Some(false) {
                        observer.disconnect();
                    }
                },
            );
        let Ok(observer) = IntersectionObserver::new(observe.as_ref().unchecked_ref()) else {
            return;
        };
        observer.observe(&element);
        let observation = SendWrapper::new((observer, observe));
        on_cleanup(move || observation.take().0.disconnect());
    });
    progress.read_only()
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
