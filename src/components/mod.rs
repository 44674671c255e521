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
pub use figure::{ChartFigure, ChartIsland};

use leptos::prelude::*;

use crate::content::{ARTICLE, CHART, KEY_FIGURES};

/// The whole page inside `<div id="app">`, rendered at build time. In the browser only the
/// interactive part of the chart figure hydrates (`ChartIsland`, in `#chart-island`): the prose,
/// the chart's title and its caption never change.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main id="main">
            <ArticleView article=&ARTICLE chart=&CHART key_figures=&KEY_FIGURES />
            <RelatedArticles teasers=ARTICLE.related />
        </main>
    }
}
