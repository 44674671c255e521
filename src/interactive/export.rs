//! "Copy image" and "Copy embed code", and the figure's status line that says what they did.

use leptos::prelude::{document, window};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ClipboardItem, Response};

use crate::chart::scale::YScale;
use crate::chart::theme::Theme;
use crate::content::Chart;
use crate::embed::{embed_snippet, folder_of, EmbedOptions};
use crate::share::{image_file_name, ImageFile};

/// "Copy image": the PNG that "Download image (PNG)" links to (made at build time, next to the
/// page) on the clipboard. Where the browser cannot put an image there (no `ClipboardItem`, no
/// clipboard, a denied permission, the file not found), the status line says so, and what to
/// do instead.
pub fn copy_png(chart: &'static Chart, scale: YScale) {
    say("");
    let file = image_file_name(chart.slug, scale, ImageFile::Png);
    let copied = has(&window(), "ClipboardItem") && can_write_clipboard();
    let written = copied.then(|| {
        // The item gets a promise of the PNG at once, still inside the reader's click (Safari
        // allows the clipboard only there); the file arrives meanwhile.
        let png = js_sys::Promise::new(&mut |resolve, reject| {
            let file = file.clone();
            leptos::task::spawn_local(async move {
                let _ = match fetch_blob(&file).await {
                    Ok(blob) => resolve.call1(&JsValue::NULL, &blob),
                    Err(error) => reject.call1(&JsValue::NULL, &error),
                };
            });
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
    let Some(written) = written.flatten() else {
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

/// The file at `url` (relative to the page) as a `Blob`; an error for a failed request or a
/// response that is not 200.
async fn fetch_blob(url: &str) -> Result<JsValue, JsValue> {
    let response: Response = JsFuture::from(window().fetch_with_str(url))
        .await?
        .unchecked_into();
    if !response.ok() {
        return Err(JsValue::from_str(url));
    }
    JsFuture::from(response.blob()?).await
}

/// "Copy embed code": the `<iframe>` snippet for this page's embed version, with the options
/// chosen under "Embed options", goes to the clipboard. Where the browser refuses (an insecure
/// page, a denied permission), the figure's embed-code box (`components::FigureActions`) shows
/// it to copy by hand. The figure's status line says which.
pub fn copy_embed_code(title: &str) {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let code = embed_snippet(
        &format!("{origin}{}", folder_of(&path)),
        title,
        chosen_embed_options(),
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

/// The options chosen under "Embed options" (`components::FigureActions`); the defaults where
/// the controls are missing or hold anything else.
fn chosen_embed_options() -> EmbedOptions {
    let read = |id: &str, property: &str| {
        document()
            .get_element_by_id(id)
            .and_then(|control| js_sys::Reflect::get(&control, &property.into()).ok())
            .unwrap_or_default()
    };
    EmbedOptions {
        theme: read("embed-theme", "value")
            .as_string()
            .and_then(|name| Theme::from_name(&name)),
        plain: read("embed-plain", "checked").is_truthy(),
    }
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
    if !can_write_clipboard() {
        done(false);
        return;
    }
    let promise = window().navigator().clipboard().write_text(&text);
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

/// Whether the page may write the clipboard: the browser has the API and, where it says so
/// ahead (Chromium's `document.featurePolicy`), the frame is allowed it. In a partner's iframe
/// without `allow="clipboard-write"` Chromium would refuse the call with an error in the
/// console; asked first, the reader just gets the text to copy by hand.
fn can_write_clipboard() -> bool {
    let policy = js_sys::Reflect::get(&document(), &"featurePolicy".into()).unwrap_or_default();
    let allowed = || {
        let allows = js_sys::Reflect::get(&policy, &"allowsFeature".into()).ok()?;
        let allows = allows.dyn_into::<js_sys::Function>().ok()?;
        Some(
            allows
                .call1(&policy, &"clipboard-write".into())
                .ok()?
                .is_truthy(),
        )
    };
    has(&window().navigator(), "clipboard") && (policy.is_undefined() || allowed() != Some(false))
}

/// Whether `object` has a property `name` that is not undefined (a feature check).
pub(super) fn has(object: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).is_ok_and(|value| !value.is_undefined())
}
