use leptos::prelude::*;

use super::ChartFigure;
use crate::content::{Article, Block, Chart, Teaser};

/// The article: headline, standfirst and body, with the chart where the body places it.
#[component]
pub fn ArticleView(
    /// The article's text.
    article: &'static Article,
    /// The chart the body's `Figure` block stands for.
    chart: &'static Chart,
) -> impl IntoView {
    let body = article
        .body
        .iter()
        .map(|block| body_block(block, chart))
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

fn body_block(block: &'static Block, chart: &'static Chart) -> AnyView {
    match block {
        Block::Paragraph(text) => view! { <p>{*text}</p> }.into_any(),
        Block::Subhead(text) => view! { <h2>{*text}</h2> }.into_any(),
        // The quotation marks are part of the published text, so `<q>` adds none (see CSS).
        Block::Quote(quote) => {
            let after = format!(" {}", quote.attribution);
            view! { <p><q>{quote.text}</q>{after}</p> }.into_any()
        }
        Block::Figure => view! { <ChartFigure chart=chart /> }.into_any(),
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
