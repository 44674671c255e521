use leptos::either::EitherOf5;
use leptos::prelude::*;

use super::key_figures::KeyFiguresPanel;
use super::ChartFigure;
use crate::content::{Article, Block, Chart, ChartPage, KeyFigures, Teaser};

/// The article: headline, standfirst and body, with the figures where the body places them.
#[component]
pub fn ArticleView(
    /// The article's text.
    article: &'static Article,
    /// The chart, placed by the body's `Chart` block.
    chart: &'static Chart,
    /// The chart's caption note and data file.
    chart_page: &'static ChartPage,
    /// The key figures, placed by the body's `KeyFigures` block.
    key_figures: &'static KeyFigures,
) -> impl IntoView {
    let body = article
        .body
        .iter()
        .map(|block| body_block(block, chart, chart_page, key_figures))
        .collect_view();
    view! {
        <article class="article">
            <header class="article-head">
                <h1>{article.headline}</h1>
                <p class="standfirst">{article.standfirst}</p>
            </header>
            {body}
        </article>
    }
}

fn body_block(
    block: &'static Block,
    chart: &'static Chart,
    chart_page: &'static ChartPage,
    key_figures: &'static KeyFigures,
) -> impl IntoView {
    match block {
        Block::Paragraph(text) => EitherOf5::A(view! { <p>{*text}</p> }),
        Block::Subhead(text) => EitherOf5::B(view! { <h2>{*text}</h2> }),
        // The quotation marks are part of the published text, so no `<q>`, which adds its own
        // (HTML: marks must not appear inside or around a `q`); one text node, as published,
        // reads the same with the stylesheet and without (a text browser, reader view).
        Block::Quote(quote) => {
            EitherOf5::C(view! { <p>{format!("{} {}", quote.text, quote.attribution)}</p> })
        }
        Block::Chart => EitherOf5::D(view! { <ChartFigure chart page=chart_page /> }),
        Block::KeyFigures => EitherOf5::E(view! { <KeyFiguresPanel figures=key_figures /> }),
    }
}

/// The related-article teasers, each once, in their own complementary landmark.
#[component]
pub fn RelatedArticles(
    /// Title and summary of each related article.
    teasers: &'static [Teaser],
) -> impl IntoView {
    view! {
        <aside class="related" aria-labelledby="related-heading">
            <h2 id="related-heading">"Related articles"</h2>
            <ul>
                {teasers
                    .iter()
                    .map(|teaser| {
                        view! {
                            <li>
                                <h3>{teaser.title}</h3>
                                <p>{teaser.summary}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </aside>
    }
}
