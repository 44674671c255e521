//! Leptos views. They take plain data and render the same HTML on the host (prerender, `ssr`)
//! and in the browser (hydration). What they need from the browser goes through `crate::edge`.

mod article;
mod data_table;
mod figure;
mod figure_actions;
mod key_figures;
mod static_chart;
mod view_controls;

pub use article::{ArticleView, RelatedArticles};
pub use figure::ChartFigure;

use leptos::prelude::*;

use crate::content::{ARTICLE, CHART, KEY_FIGURES};

/// The whole page inside `<div id="app">`, rendered at build time. In the browser only the
/// chart figure hydrates (the prose never changes), from `#chart-island`.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main id="main">
            <ArticleView article=&ARTICLE chart=&CHART key_figures=&KEY_FIGURES />
            <RelatedArticles teasers=ARTICLE.related />
        </main>
    }
}
