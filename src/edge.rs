//! What the components ask of the browser. In the browser build (`hydrate`) these are the real
//! thing, from `crate::interactive`; on the host (`ssr` prerender) they do nothing: the host
//! renders the initial view, and effects and event handlers never run there.

#[cfg(feature = "hydrate")]
pub use crate::interactive::{
    announce_selection, copy_embed_code, copy_png, drive_chart, follow_the_sound, link_mentions,
    mark_selected_row, play_or_stop, share_view, sync_with_url, toggle_full_screen,
};

#[cfg(not(feature = "hydrate"))]
pub use host::*;

#[cfg(not(feature = "hydrate"))]
mod host {
    use leptos::ev::PointerEvent;
    use leptos::html::Canvas;
    use leptos::prelude::*;

    use crate::chart::scale::YScale;
    use crate::content::Chart;
    use crate::view_state::ViewState;

    /// The host draws nothing: the prerendered page shows the static chart.
    pub fn drive_chart(
        _chart: &'static Chart,
        _canvas: NodeRef<Canvas>,
        _selected: RwSignal<Option<usize>>,
        _log_scale: ReadSignal<bool>,
    ) -> (
        impl Fn(PointerEvent) + Copy + 'static,
        impl Fn(PointerEvent) + Copy + 'static,
    ) {
        (|_| {}, |_| {})
    }

    pub fn sync_with_url(
        _points: usize,
        _table_shown: RwSignal<bool>,
        _log_scale: RwSignal<bool>,
        _selected: RwSignal<Option<usize>>,
    ) {
    }

    pub fn mark_selected_row(_table_shown: ReadSignal<bool>, _selected: ReadSignal<Option<usize>>) {
    }

    pub fn announce_selection(_chart: &'static Chart, _selected: ReadSignal<Option<usize>>) {}

    pub fn copy_embed_code(_title: &str) {}

    pub fn play_or_stop() {}

    pub fn follow_the_sound(_points: usize, _selected: RwSignal<Option<usize>>) {}

    /// The prerendered text stays as published: the browser ties its phrases to the chart.
    pub fn link_mentions(_chart: &'static Chart, _selected: RwSignal<Option<usize>>) {}

    pub fn copy_png(_chart: &'static Chart, _scale: YScale) {}

    pub fn share_view(_view: ViewState) {}

    pub fn toggle_full_screen() {}
}
