//! Statistics a reader can check by hand: growth factors, compound annual growth, doubling
//! time, and the written description built from them.
//!
//! Method: the time between two counts is the time between the months they refer to
//! (`YearMonth::as_year_fraction`). "Early 2013" has no month in the source; the content file
//! places it at February 2013, so every figure that starts from it is marked approximate.

use crate::content::{KeyFigures, Point};
use crate::format::{one_decimal, round_half_away, thousands};

/// How many times larger `to` is than `from` (35 → 74: 2.11…).
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

/// "roughly doubling every year" for a yearly factor near 2, and so on.
pub fn pace_in_words(annual_factor: f64) -> String {
    match annual_factor {
        f if (1.75..2.5).contains(&f) => "roughly doubling every year".into(),
        f if (2.5..3.5).contains(&f) => "roughly tripling every year".into(),
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
/// E.g. "The number rose from 15 in early 2013 to 74 in February 2015, roughly doubling every year."
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
    let steps: Vec<String> = points
        .windows(2)
        .filter_map(|pair| {
            let factor = growth_factor(pair[0].value, pair[1].value)?;
            Some(format!(
                "×{} from {} to {}",
                one_decimal(factor),
                pair[0].period,
                pair[1].period
            ))
        })
        .collect();
    if !steps.is_empty() {
        text.push_str(&format!(" It grew {}.", join_and(&steps)));
    }
    if let Some(approximate) = points.iter().find(|p| p.approximate) {
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
/// the whole series and once between the exactly dated counts when the series starts with an
/// approximate date.
pub fn growth_note(points: &[Point]) -> String {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return String::new();
    };
    let mut sentences = Vec::new();
    if let Some(sentence) = growth_sentence(first, last) {
        sentences.push(sentence);
    }
    let exact: Vec<&Point> = points.iter().filter(|p| !p.approximate).collect();
    if first.approximate && exact.len() >= 2 {
        if let Some(sentence) = growth_sentence(exact[0], exact[exact.len() - 1]) {
            sentences.push(sentence);
        }
    }
    sentences.join(" ")
}

fn growth_sentence(from: &Point, to: &Point) -> Option<String> {
    let factor = annual_factor(from, to)?;
    let percent = round_half_away((factor - 1.0) * 100.0);
    let mut sentence = format!(
        "From {} to {}: ×{} a year on average ({}{}% a year",
        from.period,
        to.period,
        one_decimal(factor),
        if percent > 0 { "+" } else { "" },
        percent
    );
    if let Some(doubling) = doubling_time_years(factor) {
        sentence.push_str(&format!(", doubling in about {} months", months(doubling)));
    }
    sentence.push_str(if from.approximate {
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

/// Prison time per sentenced member, in months: 400 years × 12 ÷ 1,520 ≈ 3.2.
pub fn months_per_member(figures: &KeyFigures) -> Option<f64> {
    (figures.members_sentenced > 0)
        .then(|| f64::from(figures.prison_years) * 12.0 / f64::from(figures.members_sentenced))
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
        assert_eq!(pace_in_words(2.22), "roughly doubling every year");
        assert_eq!(pace_in_words(3.0), "roughly tripling every year");
        assert_eq!(pace_in_words(1.3), "growing about ×1.3 a year");
        assert_eq!(pace_in_words(0.5), "shrinking to about ×0.5 a year");
    }

    #[test]
    fn description_reads_as_a_sentence_about_the_data() {
        assert_eq!(
            describe(&series(), "people"),
            "The number of people rose from 15 in early 2013 to 74 in February 2015, \
             roughly doubling every year. It grew ×2.3 from early 2013 to February 2014 and \
             ×2.1 from February 2014 to February 2015. The date of “early 2013” is approximate; \
             it is drawn at February 2013."
        );
    }

    #[test]
    fn description_of_a_fall_says_fell() {
        let points = [
            point("2020", 2020, 1, false, 80),
            point("2021", 2021, 1, false, 40),
        ];
        assert!(describe(&points, "people")
            .starts_with("The number of people fell from 80 in 2020 to 40 in 2021, shrinking"));
    }

    #[test]
    fn growth_note_states_both_spans() {
        assert_eq!(
            growth_note(&series()),
            "From early 2013 to February 2015: ×2.2 a year on average (+122% a year, doubling \
             in about 10 months; approximate). From February 2014 to February 2015: ×2.1 a year \
             on average (+111% a year, doubling in about 11 months)."
        );
    }

    #[test]
    fn months_per_member_is_the_article_arithmetic() {
        let figures = KeyFigures {
            year: 2014,
            members_sentenced: 1520,
            prison_years: 400,
        };
        // 4800 months / 1520 members = 3.157…
        assert_eq!(one_decimal(months_per_member(&figures).unwrap()), "3.2");
        let none = KeyFigures {
            members_sentenced: 0,
            ..figures
        };
        assert_eq!(months_per_member(&none), None);
    }
}
