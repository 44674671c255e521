//! The browser side (`hydrate` feature): hydration entry point, drawing the canvas chart and
//! its pointer interaction, tooltip and entrance animation, the URL, downloads and small hooks for
//! browser state. Everything here is an edge around the pure modules: it reads the browser,
//! calls them, and writes pixels, DOM or history.

mod actions;
mod announce;
mod canvas;
mod hooks;
mod marker;
mod mentions;
mod sound;
mod table;
mod url;

pub use actions::{copy_embed_code, copy_png, play_or_stop, share_view, toggle_full_screen};
pub use announce::announce_selection;
pub use mentions::link_mentions;
pub use sound::follow_the_sound;
pub use table::mark_selected_row;
pub use url::sync_with_url;

use std::cell::Cell;

use leptos::ev::PointerEvent;
use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::chart::draw::{Frame, Geometry, Layout};
use crate::chart::marker::{keep_clear, Rect};
use crate::chart::scale::YScale;
use crate::chart::selection::{keeps_tooltip, nearest};
use crate::chart::theme::{Palette, Theme};
use crate::components::ChartIsland;
use crate::content::{Chart, CHART};
use crate::format::thousands;
use hooks::{effect, use_css_size, use_device_pixel_ratio, use_entrance, use_media_query};
use marker::{MarkerParts, Selected};

/// Pixels per CSS pixel when printing: sharp on paper whatever the screen.
const PRINT_RATIO: f64 = 3.0;

/// Hydrates the interactive part of the prerendered chart figure, `#chart-island`. The rest of
/// the page is static prerendered HTML: the browser build carries neither its code nor its text.
pub fn start() {
    // A panic stops the wasm with a trap, which js/loader.js logs and answers with the page's
    // notice. Release builds abort at once (`-Cpanic=immediate-abort`, scripts/trunk: no panic
    // messages in the wasm); other builds log the panic's message first.
    #[cfg(not(panic = "immediate-abort"))]
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("way-out: {info}").into());
    }));
    let island = document()
        .get_element_by_id("chart-island")
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    match island {
        Some(island) => hydrate_for_good(island, || view! { <ChartIsland chart=&CHART /> }),
        None => web_sys::console::error_1(&"way-out: no #chart-island to hydrate".into()),
    }
}

/// Hydrates `island` with `view` and keeps it for the page's life. `leptos::mount::hydrate_from`
/// without its shared context, which carries a server's resources, Suspense data and errors to
/// the browser: this page's HTML is prerendered at build time and has none of them, and that
/// context's code is 1.8 KB (gzip) of the download.
fn hydrate_for_good<V: IntoView>(island: web_sys::HtmlElement, view: impl FnOnce() -> V) {
    use leptos::tachys::{hydration::Cursor, view::PositionState};
    // Effects run as tasks of this executor.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new_root(None);
    let hydrated = owner.with(|| {
        let cursor = Cursor::new(island.unchecked_into());
        view()
            .into_view()
            .hydrate::<true>(&cursor, &PositionState::default())
    });
    std::mem::forget((owner, hydrated));
}

/// The theme the embed page's `theme=` option chose, as js/embedded.js applied it to the page
/// (`html.theme-dark`, `html.theme-light`: the stylesheet paints the page by the same class);
/// `None`: the reader's colour scheme.
fn chosen_theme() -> Option<Theme> {
    if page_is("theme-dark") {
        Some(Theme::Dark)
    } else if page_is("theme-light") {
        Some(Theme::Light)
    } else {
        None
    }
}

/// Whether the page's root element has the class `name`, which the stylesheet reads too (set in
/// embed.html, or by js/loader.js and js/embedded.js).
fn page_is(name: &str) -> bool {
    document()
        .document_element()
        .is_some_and(|root| root.class_list().contains(name))
}

/// What the last draw of the chart produced: where the points went (canvas pixels), and the
/// CSS size and pixel ratio it was drawn at, to map pointer positions and place the marker and
/// tooltip with the same numbers.
#[derive(Clone, Debug, Default, PartialEq)]
struct Drawn {
    geometry: Geometry,
    css: (f64, f64),
    ratio: f64,
    /// What the tooltip must not cover: each point's `chart::marker::keep_clear` box, in CSS
    /// pixels. Made with the drawing, not on every hover.
    clear: Vec<Rect>,
    /// The rest of what it was drawn with; `None` before the first draw.
    look: Option<Look>,
}

/// What a drawing depends on besides the data, the size and the pixel ratio.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Look {
    palette: Palette,
    scale: YScale,
    progress: f64,
}

/// Drives the prerendered chart canvas (`components::ChartCanvas`): draws it, and redraws it
/// when its size, the pixel ratio, the colour scheme, the scale, the entrance animation or
/// printing changes; fills the marker and tooltip for the selected point. Returns the pointer
/// handlers: moving or pressing selects the nearest point, a mouse leaving clears it (and a
/// finger's or pen's tap outside the chart and its controls, through a listener on the
/// document), a finger's touch that becomes a scroll leaves the selection as it was. The marker
/// is HTML above the canvas: moving the selection never redraws it.
pub fn drive_chart(
    chart: &'static Chart,
    chart_canvas: NodeRef<Canvas>,
    selected: RwSignal<Option<usize>>,
    log_scale: ReadSignal<bool>,
) -> (
    impl Fn(PointerEvent) + Copy + 'static,
    impl Fn(PointerEvent) + Copy + 'static,
) {
    let size = use_css_size(chart_canvas);
    let ratio = use_device_pixel_ratio();
    let dark = use_media_query("(prefers-color-scheme: dark)");
    let forced_colours = use_media_query("(forced-colors: active)");
    let chosen = chosen_theme();
    let printing = use_media_query("print");
    let reduced_motion = use_media_query("(prefers-reduced-motion: reduce)");
    let progress = use_entrance(chart_canvas, reduced_motion);
    let drawn = RwSignal::new(Drawn::default());
    // The shown tooltip's box (CSS pixels), which the marker writes and the pointer reads. Not a
    // signal: nothing redraws when it changes. One per page, for the page's life.
    let shown_tooltip: &'static Cell<Option<Rect>> = Box::leak(Box::default());

    effect(move || {
        let Some(canvas) = chart_canvas.get() else {
            return;
        };
        let css = canvas::css_size(&canvas, size.get());
        // Paper gets the light theme, the whole line and more pixels.
        let printing = printing.get();
        let theme = match chosen {
            _ if printing => Theme::Light,
            Some(theme) => theme,
            None if dark.get() => Theme::Dark,
            None => Theme::Light,
        };
        let ratio = if printing {
            ratio.get().max(PRINT_RATIO)
        } else {
            ratio.get()
        };
        // Windows contrast themes: the reader's colours, which the canvas's pixels (unlike
        // the page's CSS) do not get by themselves.
        let forced = forced_colours.get() && !printing;
        let palette = forced
            .then(|| canvas::system_colours(&canvas))
            .flatten()
            .map_or(*theme.palette(), Palette::forced);
        let look = Look {
            palette,
            scale: YScale::logarithmic_if(log_scale.get()),
            progress: if printing { 1.0 } else { progress.get() },
        };
        // The first size report of the ResizeObserver repeats the size measured for the first
        // draw: the canvas already shows this.
        let unchanged =
            drawn.with_untracked(|d| (d.css, d.ratio, d.look) == (css, ratio, Some(look)));
        if unchanged {
            return;
        }
        let frame = Frame {
            points: chart.points,
            annotation: &chart.annotation,
            axes: &chart.axes,
            scale: look.scale,
            progress: look.progress,
            palette: &look.palette,
            layout: Layout::new(css.0, ratio),
        };
        if let Some(geometry) = canvas::paint(&canvas, css, &frame) {
            let clear = (geometry.points.iter().zip(chart.points))
                .map(|(&(x, y), point)| {
                    keep_clear((x / ratio, y / ratio), thousands(point.value).len())
                })
                .collect();
            drawn.set(Drawn {
                geometry,
                css,
                ratio,
                clear,
                look: Some(look),
            });
            canvas::first_draw_done(&canvas);
        }
    });

    // What was selected when a finger last touched down: a touch that turns into a scroll,
    // which the browser then cancels, puts it back.
    let before_touch = RwSignal::new(None::<usize>);
    let pick = move |ev: PointerEvent| {
        if ev.pointer_type() == "touch" && ev.type_() == "pointerdown" {
            before_touch.set(selected.get_untracked());
        }
        let nearest = drawn.with_untracked(|d| {
            let pointer = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
            let nearest = nearest(
                &d.geometry.points,
                (pointer.0 * d.ratio, pointer.1 * d.ratio),
            )?;
            // Over the tooltip (which lets the pointer through), its point stays.
            let keep = shown_tooltip
                .get()
                .is_some_and(|at| keeps_tooltip(&at, &d.clear[nearest], pointer));
            (!keep).then_some(nearest)
        });
        if nearest.is_some() && nearest != selected.get_untracked() {
            selected.set(nearest);
        }
    };
    let leave = move |ev: PointerEvent| {
        // A mouse leaving clears the selection; a finger lifting keeps it readable.
        if ev.pointer_type() == "mouse" {
            selected.set(None);
        } else if ev.pointer_type() == "touch" && ev.type_() == "pointercancel" {
            selected.set(before_touch.get_untracked());
        }
    };
    // A finger or a pen never leaves: their tap outside the chart and its controls clears it
    // (a tap on "Share" keeps the point in the link).
    hooks::listen(&document(), "pointerdown", move |ev| {
        let Some(ev) = ev.dyn_ref::<PointerEvent>() else {
            return;
        };
        if ev.pointer_type() == "mouse" || selected.get_untracked().is_none() {
            return;
        }
        let outside = ev
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_none_or(|target| matches!(target.closest(".chart-island"), Ok(None)));
        if outside {
            selected.set(None);
        }
    });

    // Escape closes the details wherever the focus is: a tooltip the pointer opened closes
    // without moving the pointer (WCAG 1.4.13).
    hooks::listen(&document(), "keydown", move |ev| {
        let escape = ev.unchecked_ref::<web_sys::KeyboardEvent>().key() == "Escape";
        if escape && selected.get_untracked().is_some() {
            ev.prevent_default();
            selected.set(None);
        }
    });

    // The selected point's marker and tooltip, once the line has reached the points (the
    // entrance animation).
    let mut marker = None::<MarkerParts>;
    effect(move || {
        let index = selected.get().filter(|_| progress.get() >= 1.0);
        let selection = index.and_then(|index| {
            let words = chart.words.get(index)?;
            drawn.with(|d| {
                let (x, y) = *d.geometry.points.get(index)?;
                Some(Selected {
                    point: (x / d.ratio, y / d.ratio),
                    axis_y: d.geometry.plot_bottom / d.ratio,
                    size: d.css,
                    clear: d.clear.clone(),
                    label: d.geometry.label.map(|label| label.scaled(1.0 / d.ratio)),
                    words,
                })
            })
        });
        // Looked up at hydration, not at the reader's first hover, which then only writes.
        if marker.is_none() {
            marker = chart_canvas
                .get_untracked()
                .and_then(|c| MarkerParts::find(&c));
        }
        if let Some(marker) = &marker {
            shown_tooltip.set(marker.show(selection));
        }
    });

    (pick, leave)
}
