//! The figure in full screen (the Fullscreen API): entered and left by its button, left by Esc
//! too (the browser's own). The chart's canvas follows its box, so it redraws at the new size.
//! The rest is CSS: the button's name by the figure's `:fullscreen` state, the button hidden
//! where the browser cannot (`html.no-full-screen`, set by js/loader.js): no state here.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::export::when_settled;

#[wasm_bindgen]
extern "C" {
    /// The figure (`requestFullscreen`) or the document (`exitFullscreen`). web-sys drops the
    /// promises these return; a refusal would then be an unhandled rejection in the console.
    type FullScreenTarget;
    #[wasm_bindgen(method, js_name = requestFullscreen)]
    fn request_fullscreen(this: &FullScreenTarget) -> js_sys::Promise;
    #[wasm_bindgen(method, js_name = exitFullscreen)]
    fn exit_fullscreen(this: &FullScreenTarget) -> js_sys::Promise;
}

/// The figure the button shows in full screen.
const FIGURE: &str = ".chart-figure";

/// Shows the figure in full screen, or leaves full screen.
pub fn toggle_full_screen() {
    let page = document();
    let done = if page.fullscreen_element().is_some() {
        page.unchecked_ref::<FullScreenTarget>().exit_fullscreen()
    } else if let Ok(Some(figure)) = page.query_selector(FIGURE) {
        leave_on_escape();
        figure
            .unchecked_ref::<FullScreenTarget>()
            .request_fullscreen()
    } else {
        return;
    };
    // A refusal changes nothing: the button stays as it is.
    when_settled(done, Box::new(|_| {}));
}

/// Esc leaves full screen. Browsers do that themselves for a key the reader presses; a key sent
/// by software (assistive technology, automation, Chromium's headless mode) reaches only the
/// page. Listens from the first time the figure goes full screen, for the page's life.
fn leave_on_escape() {
    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if LISTENING.replace(true) {
        return;
    }
    let on_key = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(|event: web_sys::KeyboardEvent| {
        let page = document();
        if event.key() == "Escape" && page.fullscreen_element().is_some() {
            when_settled(
                page.unchecked_ref::<FullScreenTarget>().exit_fullscreen(),
                Box::new(|_| {}),
            );
        }
    });
    let _ = document().add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    on_key.forget();
}
