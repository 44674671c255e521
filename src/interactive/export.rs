//! "Download image", "Copy image" and "Copy embed code", and the figure's status line that
//! says what they did.

use leptos::prelude::{document, window};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Blob, CanvasRenderingContext2d, ClipboardItem, HtmlAnchorElement, HtmlCanvasElement, Url,
};

use crate::chart::draw::{draw, Frame, Layout};
use crate::chart::scale::YScale;
use crate::chart::theme::{Palette, FONT_FAMILY, LIGHT};
use crate::content::Chart;
use crate::embed::{embed_snippet, folder_of, EmbedOptions};

/// The image's width in CSS pixels; it is drawn at twice that.
const WIDTH: f64 = 640.0;
const RATIO: f64 = 2.0;
const CHART_HEIGHT: f64 = 360.0;
const PADDING: f64 = 20.0;

/// Draws title, subtitle, chart, description and source on a 2× canvas and downloads it as
/// `<slug>.png`. Failures are logged; the page stays as it is.
pub fn download_png(chart: &'static Chart, scale: YScale) {
    let name = format!("{}.png", chart.slug);
    let save = Closure::once_into_js(move |blob: Option<Blob>| {
        if let Some(blob) = blob {
            save_blob(&blob, &name);
        }
    });
    let saved =
        draw_image(chart, scale).and_then(|canvas| canvas.to_blob(save.unchecked_ref()).ok());
    if saved.is_none() {
        web_sys::console::error_1(&"way-out: the image could not be made".into());
    }
}

/// "Copy image": the same image as "Download image", as a PNG on the clipboard. Where the
/// browser cannot put an image there (no `ClipboardItem`, no clipboard, a denied permission),
/// the status line says so, and what to do instead.
pub fn copy_png(chart: &'static Chart, scale: YScale) {
    say("");
    let copied = has(&window(), "ClipboardItem") && has(&window().navigator(), "clipboard");
    let written = copied
        .then(|| draw_image(chart, scale))
        .flatten()
        .and_then(|canvas| {
            // The item gets a promise of the PNG at once, still inside the reader's click (Safari
            // allows the clipboard only there); the canvas encodes it meanwhile.
            let png = js_sys::Promise::new(&mut |resolve, _| {
                let _ = canvas.to_blob(&resolve);
            });
            let record = js_sys::Object::new();
            js_sys::Reflect::set(&record, &"image/png".into(), &png).ok()?;
            let item = ClipboardItem::new_with_record_from_str_to_blob_promise(&record).ok()?;
            Some(
                window()
                    .navigator()
                    .clipboard()
                    .write(&js_sys::Array::of1(&item)),
            )
        });
    let Some(written) = written else {
        say(CANNOT_COPY_IMAGE);
        return;
    };
    when_settled(
        written,
        Box::new(|outcome| {
            say(match outcome {
                Ok(_) => "Copied: the chart as an image.",
                Err(_) => CANNOT_COPY_IMAGE,
            })
        }),
    );
}

const CANNOT_COPY_IMAGE: &str =
    "The browser did not copy the image; “Download image (PNG)” saves it instead.";

/// One block of text in the image.
struct TextBlock {
    lines: Vec<String>,
    size: f64,
    bold: bool,
    color: RGBColor,
}

/// The image on a new canvas (not in the page).
fn draw_image(chart: &'static Chart, scale: YScale) -> Option<HtmlCanvasElement> {
    let palette: &Palette = &LIGHT;
    let canvas: HtmlCanvasElement = document().create_element("canvas").ok()?.dyn_into().ok()?;
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let text_width = WIDTH - 2.0 * PADDING;
    let block = |text: &str, size: f64, bold: bool, color: RGBColor| TextBlock {
        lines: wrap(&context, text, &font(size, bold), text_width * RATIO),
        size,
        bold,
        color,
    };
    let header = [
        block(chart.title, 22.0, true, palette.text),
        block(chart.subtitle, 15.0, false, palette.muted_text),
    ];
    let footer = [
        block(chart.description, 13.0, false, palette.text),
        block(
            &format!("Source: {}", chart.source),
            12.0,
            false,
            palette.muted_text,
        ),
    ];
    let height_of = |blocks: &[TextBlock]| -> f64 {
        blocks
            .iter()
            .map(|b| b.lines.len() as f64 * b.size * 1.4)
            .sum::<f64>()
            + PADDING
    };
    let (header_height, footer_height) = (height_of(&header), height_of(&footer));
    let total = header_height + CHART_HEIGHT + footer_height + PADDING;
    canvas.set_width((WIDTH * RATIO) as u32);
    canvas.set_height((total * RATIO).ceil() as u32);

    context.set_fill_style_str(&hex(palette.background));
    context.fill_rect(
        0.0,
        0.0,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
    );
    write_blocks(&context, &header, PADDING);
    write_blocks(&context, &footer, header_height + CHART_HEIGHT + PADDING);

    let area = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    let (_, below_header) = area.split_vertically((header_height * RATIO) as u32);
    let (chart_area, _) = below_header.split_vertically((CHART_HEIGHT * RATIO) as u32);
    // Inset like the text, so the axis labels line up with the title.
    let inset = (PADDING * RATIO) as i32;
    let chart_area = chart_area.margin(0, 0, inset, inset);
    let frame = Frame {
        points: chart.points,
        annotation: &chart.annotation,
        axes: &chart.axes,
        scale,
        progress: 1.0,
        palette,
        layout: Layout::new(WIDTH - 2.0 * PADDING, RATIO),
    };
    draw(&chart_area, &frame).ok()?;
    chart_area.present().ok()?;
    Some(canvas)
}

fn write_blocks(context: &CanvasRenderingContext2d, blocks: &[TextBlock], top: f64) {
    let mut y = top;
    context.set_text_baseline("top");
    for block in blocks {
        context.set_font(&font(block.size, block.bold));
        context.set_fill_style_str(&hex(block.color));
        for line in &block.lines {
            let _ = context.fill_text(line, PADDING * RATIO, y * RATIO);
            y += block.size * 1.4;
        }
    }
}

/// A canvas font at 2×, in whole pixels.
fn font(size: f64, bold: bool) -> String {
    let weight = if bold { "bold " } else { "" };
    format!("{weight}{}px {FONT_FAMILY}", (size * RATIO).round() as u32)
}

fn hex(color: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", color.0, color.1, color.2)
}

/// Greedy word wrap with the canvas's own text measurement.
fn wrap(context: &CanvasRenderingContext2d, text: &str, font: &str, max_width: f64) -> Vec<String> {
    context.set_font(font);
    let fits = |line: &str| {
        context
            .measure_text(line)
            .map(|m| m.width() <= max_width)
            .unwrap_or(true)
    };
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if fits(&candidate) || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn save_blob(blob: &Blob, name: &str) {
    let Ok(url) = Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Some(link) = document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    // Give the download time to start before the blob is released.
    let _ = leptos::prelude::set_timeout_with_handle(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
}

/// "Copy embed code": the `<iframe>` snippet for this page's embed version goes to the
/// clipboard. Where the browser refuses (an insecure page, a denied permission), the figure's
/// embed-code box (`components::FigureActions`) shows it to copy by hand. The figure's status
/// line says which.
pub fn copy_embed_code(title: &str) {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let code = embed_snippet(
        &format!("{origin}{}", folder_of(&path)),
        title,
        EmbedOptions::default(),
    );
    say("");
    copy_to_clipboard(code.clone(), move |copied| {
        say(if copied {
            "Embed code copied to the clipboard."
        } else {
            "Copy the embed code below."
        });
        show_embed_code((!copied).then_some(code.as_str()));
    });
}

/// Writes `text` in the figure's status line (a live region, and visible).
pub(super) fn say(text: &str) {
    if let Ok(Some(status)) = document().query_selector(".action-status") {
        status.set_text_content(Some(text));
    }
}

/// Shows `code` in the embed-code box, or hides the box (`None`).
fn show_embed_code(code: Option<&str>) {
    show_to_copy_by_hand(".embed-code", code);
}

/// Shows `text` in the box `selector` names, for the reader to copy by hand, or hides the box
/// (`None`).
pub(super) fn show_to_copy_by_hand(selector: &str, text: Option<&str>) {
    let area = document().query_selector(selector).ok().flatten();
    if let Some(area) = area.and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok()) {
        area.set_text_content(text);
        area.set_hidden(text.is_none());
    }
}

/// Writes `text` to the clipboard; `done(false)` where the browser has no clipboard access
/// (an insecure context, a denied permission).
pub(super) fn copy_to_clipboard(text: String, done: impl FnOnce(bool) + 'static) {
    let navigator = window().navigator();
    if !has(&navigator, "clipboard") {
        done(false);
        return;
    }
    let promise = navigator.clipboard().write_text(&text);
    when_settled(promise, Box::new(move |outcome| done(outcome.is_ok())));
}

/// Calls `then` with the promise's outcome. One future type for every promise the figure's
/// actions wait on: each distinct one would compile its own copy of the task code.
pub(super) fn when_settled(
    promise: js_sys::Promise,
    then: Box<dyn FnOnce(Result<JsValue, JsValue>)>,
) {
    leptos::task::spawn_local(
        async move { then(wasm_bindgen_futures::JsFuture::from(promise).await) },
    );
}

/// Whether `object` has a property `name` that is not undefined (a feature check).
pub(super) fn has(object: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).is_ok_and(|value| !value.is_undefined())
}
