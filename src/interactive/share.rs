//! "Share": the system's share sheet (the Web Share API) where the browser has one, otherwise
//! the link copied to the clipboard; where the clipboard refuses, the link is shown to copy by
//! hand. The link is the article's, with the view the URL carries (`crate::share`). No request
//! leaves the page: nothing is sent anywhere, and nothing counts the shares.

use leptos::prelude::{document, window};
use wasm_bindgen::{JsCast, JsValue};

use super::export::{copy_to_clipboard, has, say, show_to_copy_by_hand, when_settled};
use crate::share::share_link;

/// Shares the link to the reader's view of a chart of `points` points.
pub fn share_view(points: usize) {
    let location = window().location();
    let link = share_link(
        &location.origin().unwrap_or_default(),
        &location.pathname().unwrap_or_default(),
        &location.search().unwrap_or_default(),
        points,
    );
    say("");
    let navigator = window().navigator();
    if !has(&navigator, "share") {
        copy_link(link);
        return;
    }
    // A plain object: web-sys's `ShareData` would add an import for each field.
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &document().title().into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &link.as_str().into());
    let shared = navigator.share_with_data(data.unchecked_ref());
    when_settled(
        shared,
        Box::new(move |outcome| match outcome {
            Ok(_) => {}
            // The reader closed the share sheet: nothing to say.
            Err(error) if error_name(&error).as_deref() == Some("AbortError") => {}
            // Refused (no sheet for this page, a denied permission): copying still works.
            Err(_) => copy_link(link),
        }),
    );
}

fn copy_link(link: String) {
    copy_to_clipboard(link.clone(), move |copied| {
        say(if copied {
            "Copied: the link to this view of the chart."
        } else {
            "Copy the link below."
        });
        show_to_copy_by_hand(".share-link", (!copied).then_some(link.as_str()));
    });
}

fn error_name(error: &JsValue) -> Option<String> {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()?
        .as_string()
}
