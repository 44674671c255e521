use leptos::prelude::*;

use crate::content::KeyFigures;
use crate::format::{one_decimal, thousands};
use crate::stats::months_per_member;

/// The article's other numbers, with the per-person figure worked out and the arithmetic shown.
#[component]
pub fn KeyFiguresPanel(
    /// Members sentenced and years in prison, from the article.
    figures: &'static KeyFigures,
) -> impl IntoView {
    let members = thousands(figures.members_sentenced);
    let years = thousands(figures.prison_years);
    let per_member = months_per_member(figures).map(|months| {
        let months = one_decimal(months);
        let sum = format!(
            "{years} years × 12 months ÷ {members} people = {months} months each, on average. \
             The article gives only the total, not individual sentences."
        );
        (months, sum)
    });
    view! {
        <aside class="key-figures" aria-labelledby="key-figures-title">
            <h3 id="key-figures-title">{format!("Sentences for biker and gang members in {}", figures.year)}</h3>
            <dl>
                <div>
                    <dt>"Members sentenced"</dt>
                    <dd>{members.clone()}</dd>
                </div>
                <div>
                    <dt>"Years in prison, in total"</dt>
                    <dd>{years.clone()}</dd>
                </div>
                {per_member
                    .clone()
                    .map(|(months, _)| {
                        view! {
                            <div>
                                <dt>"Months in prison per person, on average"</dt>
                                <dd>{format!("≈ {months}")}</dd>
                            </div>
                        }
                    })}
            </dl>
            {per_member.map(|(_, sum)| view! { <p class="key-figures-note">{sum}</p> })}
        </aside>
    }
}
