//! Leptos views. They take plain data and render the same HTML on the host (prerender, `ssr`)
//! and in the browser (hydration); browser-only behaviour lives in `crate::interactive`.

mod article;
mod figure;
mod static_chart;

pub use article::{ArticleView, RelatedArticles};
pub use figure::ChartFigure;

use leptos::prelude::*;

use crate::content::CONTENT;

/// The whole page inside `<div id="app">`.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main id="main">
            <ArticleView article=&CONTENT.article chart=&CONTENT.chart />
            <RelatedArticles teasers=CONTENT.article.related />
        </main>
    }
}
