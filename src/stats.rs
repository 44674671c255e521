//! Statistics a reader can check by hand: growth factors, compound annual growth, doubling
//! time, and the written description built from them.
//!
//! Method: the time between two counts is the time between the months they refer to
//! (`YearMonth::as_year_fraction`). A period the source dates only roughly ("early 2019") is
//! placed at a month by the content file and marked approximate, and so is every figure that
//! starts or ends at it.

use crate::content::{KeyFigures, Point};
use crate::format::{one_decimal, round_half_away, thousands};

/// How many times larger `to` is than `from` (40 → 90: 2.25).
pub fn growth_factor(from: u32, to: u32) -> Option<f64> {
    (from > 0).then(|| f64::from(to) / f64::from(from))
}

/// Years between two points' months.
pub fn years_between(from: &Point, to: &Point) -> f64 {
    to.date.as_year_fraction() - from.date.as_year_fraction()
}

/// The constant yearly factor that turns `from` into `to`: (to / from)^(1 / years).
pub fn annual_factor(from: &Point, to: &Point) -> Option<f64> {
    let years = years_between(from, to);
    if years <= 0.0 {
        return None;
    }
    growth_factor(from.value, to.value)
        .filter(|factor| *factor > 0.0)
        .map(|factor| factor.powf(1.0 / years))
}

/// Years for the count to double at a constant yearly factor: ln 2 / ln(factor).
pub fn doubling_time_years(annual_factor: f64) -> Option<f64> {
    (annual_factor > 1.0).then(|| std::f64::consts::LN_2 / annual_factor.ln())
}

/// "more than doubling every year" for a yearly factor a little above 2, and so on: the
/// qualifier says on which side of the round multiple the factor is.
pub fn pace_in_words(annual_factor: f64) -> String {
    match annual_factor {
        2.0 => "doubling every year".into(),
        f if (1.75..2.0).contains(&f) => "nearly doubling every year".into(),
        f if (2.0..2.5).contains(&f) => "more than doubling every year".into(),
        3.0 => "tripling every year".into(),
        f if (2.5..3.0).contains(&f) => "nearly tripling every year".into(),
        f if (3.0..3.5).contains(&f) => "more than tripling every year".into(),
        f if f > 1.0 => format!("growing about ×{} a year", one_decimal(f)),
        f if f < 1.0 => format!("shrinking to about ×{} a year", one_decimal(f)),
        _ => "unchanged".into(),
    }
}

/// Whole months, rounded: 0.868 years → 10.
pub fn months(years: f64) -> i64 {
    round_half_away(years * 12.0)
}

/// The chart's written description: what a reader should see in it, from the data alone.
/// E.g. "The number of bikes rose from 30 in 2018 to 150 in 2020, more than doubling every
/// year. It grew ×1.5 from 2018 to 2019 and ×3.3 from 2019 to 2020." Each
/// step is told: rises as factors, then each fall and each unchanged step in a sentence of its
/// own.
pub fn describe(points: &[Point], unit: &str) -> String {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return String::new();
    };
    let verb = if last.value >= first.value {
        "rose"
    } else {
        "fell"
    };
    let mut text = format!(
        "The number of {unit} {verb} from {} in {} to {} in {}",
        thousands(first.value),
        first.period,
        thousands(last.value),
        last.period
    );
    match annual_factor(first, last) {
        Some(factor) => text.push_str(&format!(", {}.", pace_in_words(factor))),
        None => text.push('.'),
    }
    let mut rises = Vec::new();
    let mut others = Vec::new();
    // Each step in words, unless there is one only: the first sentence told it.
    let steps = if points.len() > 2 { points } else { &[] };
    for pair in steps.windows(2) {
        let (from, to) = (&pair[0], &pair[1]);
        if to.value > from.value {
            // From zero there is no factor: the rise is told in numbers.
            rises.push(match growth_factor(from.value, to.value) {
                Some(factor) => format!(
                    "×{} from {} to {}",
                    one_decimal(factor),
                    from.period,
                    to.period
                ),
                None => format!(
                    "from {} in {} to {} in {}",
                    thousands(from.value),
                    from.period,
                    thousands(to.value),
                    to.period
                ),
            });
        } else if to.value < from.value {
            others.push(format!(
                " It fell from {} in {} to {} in {}.",
                thousands(from.value),
                from.period,
                thousands(to.value),
                to.period
            ));
        } else {
            others.push(format!(
                " It stayed at {} from {} to {}.",
                thousands(to.value),
                from.period,
                to.period
            ));
        }
    }
    if !rises.is_empty() {
        text.push_str(&format!(" It grew {}.", join_and(&rises)));
    }
    for sentence in others {
        text.push_str(&sentence);
    }
    for approximate in points.iter().filter(|p| p.approximate) {
        text.push_str(&format!(
            " The date of “{}” is approximate; it is drawn at {} {}.",
            approximate.period,
            approximate.date.month_name(),
            approximate.date.year
        ));
    }
    text
}

/// The method note under the description: compound annual growth and doubling time, once over
/// the whole series and once between the first and last exactly dated counts when the series
/// starts or ends with an approximate date.
pub fn growth_note(points: &[Point]) -> String {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return String::new();
    };
    let mut sentences = Vec::new();
    if let Some(sentence) = growth_sentence(first, last) {
        sentences.push(sentence);
    }
    let exact: Vec<&Point> = points.iter().filter(|p| !p.approximate).collect();
    if (first.approximate || last.approximate) && exact.len() >= 2 {
        if let Some(sentence) = growth_sentence(exact[0], exact[exact.len() - 1]) {
            sentences.push(sentence);
        }
    }
    sentences.join(" ")
}

fn growth_sentence(from: &Point, to: &Point) -> Option<String> {
    let factor = annual_factor(from, to)?;
    let percent = round_half_away((factor - 1.0) * 100.0);
    // Over one year (to within half a month) the factor is that year's, not an average.
    let (rate, per) = if (years_between(from, to) - 1.0).abs() < 1.0 / 24.0 {
        ("in a year", "")
    } else {
        ("a year on average", " a year")
    };
    let mut sentence = format!(
        "From {} to {}: ×{} {rate} ({}{}%{per}",
        from.period,
        to.period,
        one_decimal(factor),
        if percent > 0 { "+" } else { "" },
        percent
    );
    if let Some(doubling) = doubling_time_years(factor) {
        sentence.push_str(&format!(", doubling in about {} months", months(doubling)));
    }
    sentence.push_str(if from.approximate || to.approximate {
        "; approximate)."
    } else {
        ")."
    });
    Some(sentence)
}

/// "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The key figures' average: the total in the average's unit, divided by the count
/// (e.g. 300 hours × 60 minutes ÷ 900 repairs = 20 minutes each). `None` for a zero count.
pub fn average(figures: &KeyFigures) -> Option<f64> {
    (figures.count.value > 0).then(|| {
        f64::from(figures.total.value) * f64::from(figures.average.per_total_unit)
            / f64::from(figures.count.value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::YearMonth;

    fn point(period: &'static str, year: u16, month: u8, approximate: bool, value: u32) -> Point {
        Point {
            period,
            date: YearMonth { year, month },
            approximate,
            value,
        }
    }

    fn series() -> [Point; 3] {
        [
            point("early 2013", 2013, 2, true, 15),
            point("February 2014", 2014, 2, false, 35),
            point("February 2015", 2015, 2, false, 74),
        ]
    }

    #[test]
    fn growth_factors_match_hand_arithmetic() {
        // 35 / 15 = 2.333…, 74 / 35 = 2.114…
        assert!((growth_factor(15, 35).unwrap() - 2.333_333).abs() < 1e-5);
        assert!((growth_factor(35, 74).unwrap() - 2.114_286).abs() < 1e-5);
        assert_eq!(growth_factor(0, 5), None);
    }

    #[test]
    fn annual_factor_is_the_geometric_mean_per_year() {
        let [a, _, c] = series();
        // (74 / 15)^(1/2) = 2.2211…
        assert!((annual_factor(&a, &c).unwrap() - 2.221_111).abs() < 1e-5);
        let half_year_later = point("x", 2013, 8, false, 30);
        // Doubling in half a year is ×4 a year.
        assert!((annual_factor(&a, &half_year_later).unwrap() - 4.0).abs() < 1e-9);
        assert_eq!(annual_factor(&c, &a), None);
    }

    #[test]
    fn doubling_time_follows_from_the_factor() {
        assert!((doubling_time_years(2.0).unwrap() - 1.0).abs() < 1e-12);
        assert!((doubling_time_years(4.0).unwrap() - 0.5).abs() < 1e-12);
        // ln 2 / ln 2.2211 = 0.8688 years ≈ 10 months.
        assert_eq!(months(doubling_time_years(2.221_111).unwrap()), 10);
        assert_eq!(doubling_time_years(1.0), None);
        assert_eq!(doubling_time_years(0.5), None);
    }

    #[test]
    fn pace_is_put_in_words() {
        assert_eq!(pace_in_words(2.22), "more than doubling every year");
        assert_eq!(pace_in_words(1.9), "nearly doubling every year");
        assert_eq!(pace_in_words(2.0), "doubling every year");
        assert_eq!(pace_in_words(3.0), "tripling every year");
        assert_eq!(pace_in_words(2.7), "nearly tripling every year");
        assert_eq!(pace_in_words(3.2), "more than tripling every year");
        assert_eq!(pace_in_words(1.3), "growing about ×1.3 a year");
        assert_eq!(pace_in_words(0.5), "shrinking to about ×0.5 a year");
    }

    #[test]
    fn description_reads_as_a_sentence_about_the_data() {
        assert_eq!(
            describe(&series(), "people"),
            "The number of people rose from 15 in early 2013 to 74 in February 2015, \
             more than doubling every year. It grew ×2.3 from early 2013 to February 2014 and \
             ×2.1 from February 2014 to February 2015. The date of “early 2013” is approximate; \
             it is drawn at February 2013."
        );
    }

    #[test]
    fn description_tells_falls_and_unchanged_steps_apart_from_rises() {
        let points = [
            point("2018", 2018, 6, false, 30),
            point("spring 2019", 2019, 4, true, 40),
            point("June 2020", 2020, 6, false, 40),
            point("2021", 2021, 6, false, 25),
            point("2022", 2022, 6, false, 300),
        ];
        // 300 / 30 = 10 over 4 years: 10^(1/4) = 1.778… a year.
        // 40 / 30 = 1.33…, 300 / 25 = 12.
        assert_eq!(
            describe(&points, "bikes"),
            "The number of bikes rose from 30 in 2018 to 300 in 2022, nearly doubling every \
             year. It grew ×1.3 from 2018 to spring 2019 and ×12.0 from 2021 to 2022. It \
             stayed at 40 from spring 2019 to June 2020. It fell from 40 in June 2020 to 25 \
             in 2021. The date of “spring 2019” is approximate; it is drawn at April 2019."
        );
        let from_zero = [
            point("2020", 2020, 1, false, 0),
            point("2021", 2021, 1, false, 1200),
        ];
        // Two points: one step, told once.
        assert_eq!(
            describe(&from_zero, "bikes"),
            "The number of bikes rose from 0 in 2020 to 1,200 in 2021."
        );
    }

    #[test]
    fn growth_note_flags_a_span_that_ends_at_an_approximate_date() {
        // 10 → 50 in 2 years 5 months: 5^(1 / 2.4167) = 1.946 (+95%), doubling in
        // ln 2 / ln 1.946 = 1.041 years = 12.5 months, rounded to 12 (12.49…).
        let points = [
            point("2020", 2020, 6, false, 10),
            point("2021", 2021, 6, false, 20),
            point("late 2022", 2022, 11, true, 50),
        ];
        assert_eq!(
            growth_note(&points),
            "From 2020 to late 2022: ×1.9 a year on average (+95% a year, doubling in about \
             12 months; approximate). From 2020 to 2021: ×2.0 in a year (+100%, doubling in \
             about 12 months)."
        );
    }

    #[test]
    fn description_of_a_fall_says_fell() {
        let points = [
            point("2020", 2020, 1, false, 80),
            point("2021", 2021, 1, false, 40),
        ];
        let text = describe(&points, "people");
        assert!(
            text.starts_with("The number of people fell from 80 in 2020 to 40 in 2021, shrinking")
        );
        // Two points: the step is the first sentence, not said again.
        assert!(!text.contains("It fell"), "{text}");
    }

    #[test]
    fn growth_note_states_both_spans() {
        assert_eq!(
            growth_note(&series()),
            "From early 2013 to February 2015: ×2.2 a year on average (+122% a year, doubling \
             in about 10 months; approximate). From February 2014 to February 2015: ×2.1 in a \
             year (+111%, doubling in about 11 months)."
        );
    }

    #[test]
    fn the_average_is_the_total_in_its_unit_over_the_count() {
        use crate::content::{Average, Figure};
        let figures = |count, total, per_total_unit| KeyFigures {
            title: "",
            count: Figure {
                label: "",
                value: count,
                unit: "people",
            },
            total: Figure {
                label: "",
                value: total,
                unit: "years",
            },
            average: Average {
                label: "",
                unit: "months",
                per_total_unit,
            },
            note: "",
        };
        // 400 years × 12 = 4800 months; ÷ 1520 = 3.157…
        assert_eq!(
            one_decimal(average(&figures(1520, 400, 12)).unwrap()),
            "3.2"
        );
        // Same unit: 2960 ÷ 1850 = 1.6.
        assert_eq!(
            one_decimal(average(&figures(1850, 2960, 1)).unwrap()),
            "1.6"
        );
        assert_eq!(average(&figures(0, 400, 12)), None);
    }
}
