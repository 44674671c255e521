use leptos::prelude::*;

use crate::content::KeyFigures;
use crate::format::{one_decimal, thousands};
use crate::stats::average;

/// The article's other numbers, with the average worked out and the arithmetic shown. Every
/// word comes from the content file's `[key_figures]`.
#[component]
pub fn KeyFiguresPanel(
    /// A count and a total from the article, and how to average the one over the other.
    figures: &'static KeyFigures,
) -> impl IntoView {
    let KeyFigures {
        title,
        count,
        total,
        average: per,
        note,
    } = figures;
    let count_value = thousands(count.value);
    let total_value = thousands(total.value);
    let average = average(figures).map(|value| {
        // "=" only where one decimal is the whole answer (4,800 ÷ 1,520 is 3.157…: "≈ 3.2").
        let exact = (value * 10.0).fract() == 0.0;
        let value = one_decimal(value);
        let (sign, shown) = if exact {
            ("=", value.clone())
        } else {
            ("≈", format!("≈\u{a0}{value}"))
        };
        // "300 hours × 60 minutes ÷ 900 repairs": no "× 1" when the units are the same.
        let conversion = match per.per_total_unit {
            1 => String::new(),
            n => format!(" × {} {}", thousands(n), per.unit),
        };
        let sum = format!(
            "{total_value} {}{conversion} ÷ {count_value} {} {sign}\u{a0}{value} {} each, on average. {note}",
            total.unit, count.unit, per.unit
        );
        (shown, sum)
    });
    view! {
        <aside class="key-figures" aria-labelledby="key-figures-title">
            <h3 id="key-figures-title">{*title}</h3>
            <dl>
                <div>
                    <dt>{count.label}</dt>
                    <dd>{count_value.clone()}</dd>
                </div>
                <div>
                    <dt>{total.label}</dt>
                    <dd>{total_value.clone()}</dd>
                </div>
                {average
                    .clone()
                    .map(|(shown, _)| {
                        view! {
                            <div>
                                <dt>{per.label}</dt>
                                <dd>{shown}</dd>
                            </div>
                        }
                    })}
            </dl>
            {average.map(|(_, sum)| view! { <p class="key-figures-note">{sum}</p> })}
        </aside>
    }
}
