//! The figure's view kept in the URL: read after hydration and on back/forward, written when
//! it changes (a new history entry for the view and the scale; the selected point replaces the
//! current entry, debounced, so hovering does not flood the history).

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::hooks::{effect, listen};

use crate::chart::scale::YScale;
use crate::embed::folder_of;
use crate::view_state::{View, ViewState};

/// How long the selection must rest before it is written to the URL.
const POINT_DEBOUNCE: Duration = Duration::from_millis(400);

/// Applies the URL's view once the page has hydrated and on back/forward, and writes the view
/// back when the reader changes it.
pub fn sync_with_url(
    points: usize,
    table_shown: RwSignal<bool>,
    log_scale: RwSignal<bool>,
    selected: RwSignal<Option<usize>>,
) {
    // The prerendered page shows the default view; the URL's view is applied once hydrated.
    let apply_url = move || {
        let state = current_state(points);
        table_shown.set(state.view == View::Table);
        log_scale.set(state.scale == YScale::Log);
        selected.set(state.point);
    };
    effect(apply_url);
    listen(&window(), "popstate", move |_| apply_url());

    // What the reader sees now, as the URL would say it (embedding is the URL's own: `in_url`).
    let shown = move |in_url: &ViewState| ViewState {
        view: View::table_if(table_shown.get_untracked()),
        scale: YScale::logarithmic_if(log_scale.get_untracked()),
        point: selected.get_untracked(),
        embed: in_url.embed,
    };
    // The two effects below write the URL when the view changes. Their first run only
    // subscribes: it may come before the URL's view is applied, and would overwrite it.
    // A new view or scale: a new history entry, at once.
    let mut subscribed = false;
    effect(move || {
        let view = View::table_if(table_shown.get());
        let scale = YScale::logarithmic_if(log_scale.get());
        if !std::mem::replace(&mut subscribed, true) {
            return;
        }
        let in_url = current_state(points);
        if (view, scale) != (in_url.view, in_url.scale) {
            write_url(&shown(&in_url), true);
        }
    });
    // A new selection replaces the current entry once it has rested: hovering along the line
    // costs a timer per move, not a URL.
    let mut subscribed = false;
    let mut pending = None::<TimeoutHandle>;
    effect(move || {
        selected.track();
        if let Some(handle) = pending.take() {
            handle.clear();
        }
        if !std::mem::replace(&mut subscribed, true) {
            return;
        }
        let write = move || {
            let in_url = current_state(points);
            let wanted = shown(&in_url);
            if wanted != in_url {
                write_url(&wanted, false);
            }
        };
        pending = set_timeout_with_handle(write, POINT_DEBOUNCE).ok();
    });
}

fn current_state(points: usize) -> ViewState {
    let search = window().location().search().unwrap_or_default();
    ViewState::from_query(&search, points)
}

fn write_url(state: &ViewState, new_entry: bool) {
    // A framed page's history is its host page's too: each new view would be one more step of
    // the reader's Back button on the partner's page. The embed view keeps the URL its host gave
    // it, with its options (docs/embedding.md); so does the article where a site frames it
    // (`framed`: js/loader.js).
    if super::page_is("embed") || super::page_is("framed") {
        return;
    }
    // Relative to the page's folder (`./` and its last path segment): a path that begins with
    // `//` (a CMS's doubled slash, which servers accept) would read as another host, and the
    // browser would refuse to write it.
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let url = [
        "./",
        &path[folder_of(&path).len()..],
        &state.to_query(),
        &location.hash().unwrap_or_default(),
    ]
    .concat();
    let Ok(history) = window().history() else {
        return;
    };
    let _ = if new_entry {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}
