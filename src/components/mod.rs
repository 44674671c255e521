//! Leptos views. They take plain data and render the same HTML on the host (prerender, `ssr`)
//! and in the browser (hydration). What they need from the browser goes through `crate::edge`.

mod article;
mod chart_canvas;
mod data_table;
mod figure;
mod figure_actions;
mod key_figures;
mod play_button;
mod static_chart;
mod view_controls;

pub use article::{ArticleView, RelatedArticles};
pub use figure::{ChartFigure, ChartIsland};

use leptos::prelude::*;

use crate::content::{ARTICLE, CHART, CHART_PAGE, KEY_FIGURES};

/// The whole page inside `<div id="app">`, rendered at build time. In the browser only the
/// interactive part of the chart figure hydrates (`ChartIsland`, in `#chart-island`): the prose,
/// the chart's title and its caption never change.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main id="main">
            <ArticleView article=&ARTICLE chart=&CHART chart_page=&CHART_PAGE key_figures=&KEY_FIGURES />
            <RelatedArticles teasers=ARTICLE.related />
        </main>
    }
}

// Size: every distinct closure given to a `view!` attribute or event compiles its own copy of
// tachys's hydrate and update code. Conditions, click handlers and effects go through one boxed
// type each, so they share one copy (measured for the seven conditions and handlers: ≈ 0.4 KB
// of gzip wasm).

/// A reactive condition for a `class:` binding.
pub(crate) fn when(
    condition: impl Fn() -> bool + Send + Sync + 'static,
) -> Box<dyn Fn() -> bool + Send + Sync> {
    Box::new(condition)
}

/// An effect (it runs in the browser only). Each `Effect::new` call site otherwise compiles its
/// own copy of the effect's scheduling loop (≈ 1 KB of wasm each).
pub(crate) fn effect(run: impl FnMut() + 'static) {
    fn erased(run: Box<dyn FnMut()>) {
        Effect::new(run);
    }
    erased(Box::new(run));
}

/// A click handler.
pub(crate) fn on_press(
    handler: impl FnMut(leptos::ev::MouseEvent) + 'static,
) -> Box<dyn FnMut(leptos::ev::MouseEvent)> {
    Box::new(handler)
}
