//! What the chart says about a point, in words: the tooltip's lines and what a screen reader
//! announces. Pure functions of the data.

use crate::content::Point;
use crate::format::{capitalized, change, thousands};

/// The tooltip for one point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PointText {
    /// "Spring 2019 (approximate date)".
    pub period: String,
    /// "40 bikes".
    pub value: String,
    /// "+10 bikes, +33% since 2018"; `None` for the first point.
    pub change: Option<String>,
}

pub fn point_text(points: &[Point], index: usize, unit: &str) -> Option<PointText> {
    let point = points.get(index)?;
    let period = if point.approximate {
        format!("{} (approximate date)", capitalized(point.period))
    } else {
        capitalized(point.period)
    };
    let change = index
        .checked_sub(1)
        .and_then(|i| points.get(i))
        .map(|before| {
            format!(
                "{} since {}",
                change(before.value, point.value, unit),
                before.period
            )
        });
    Some(PointText {
        period,
        value: format!("{} {unit}", thousands(point.value)),
        change,
    })
}

/// One sentence for the live region: "Spring 2019 (approximate date): 40 bikes, +10 bikes,
/// +33% since 2018. Point 2 of 5."
pub fn announcement(points: &[Point], index: usize, unit: &str) -> String {
    let Some(text) = point_text(points, index, unit) else {
        return String::new();
    };
    let change = text.change.map(|c| format!(", {c}")).unwrap_or_default();
    format!(
        "{}: {}{change}. Point {} of {}.",
        text.period,
        text.value,
        index + 1,
        points.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::YearMonth;

    fn series() -> [Point; 3] {
        let point = |period, year, approximate, value| Point {
            period,
            date: YearMonth { year, month: 2 },
            approximate,
            value,
        };
        [
            point("early 2013", 2013, true, 15),
            point("February 2014", 2014, false, 35),
            point("February 2015", 2015, false, 74),
        ]
    }

    #[test]
    fn first_point_has_no_change_and_says_its_date_is_approximate() {
        let text = point_text(&series(), 0, "people").unwrap();
        assert_eq!(text.period, "Early 2013 (approximate date)");
        assert_eq!(text.value, "15 people");
        assert_eq!(text.change, None);
    }

    #[test]
    fn later_points_give_the_change_since_the_previous_one() {
        let text = point_text(&series(), 1, "people").unwrap();
        assert_eq!(text.period, "February 2014");
        assert_eq!(
            text.change.as_deref(),
            Some("+20 people, +133% since early 2013")
        );
        let text = point_text(&series(), 2, "people").unwrap();
        assert_eq!(
            text.change.as_deref(),
            Some("+39 people, +111% since February 2014")
        );
        assert_eq!(point_text(&series(), 3, "people"), None);
    }

    #[test]
    fn announcements_are_whole_sentences() {
        assert_eq!(
            announcement(&series(), 1, "people"),
            "February 2014: 35 people, +20 people, +133% since early 2013. Point 2 of 3."
        );
        assert_eq!(
            announcement(&series(), 0, "people"),
            "Early 2013 (approximate date): 15 people. Point 1 of 3."
        );
        assert_eq!(announcement(&series(), 9, "people"), "");
    }

    #[test]
    fn the_build_writes_each_points_words_into_the_chart_data() {
        use crate::content::CHART;
        assert_eq!(CHART.words.len(), CHART.points.len());
        for (i, words) in CHART.words.iter().enumerate() {
            let text = point_text(CHART.points, i, CHART.unit).unwrap();
            assert_eq!(words.period, text.period);
            assert_eq!(words.value, text.value);
            assert_eq!(words.change, text.change.as_deref());
            assert_eq!(
                words.announcement,
                announcement(CHART.points, i, CHART.unit)
            );
        }
        assert_eq!(CHART.words[0].change, None);
        let last = format!("Point 2 of {}.", CHART.points.len());
        assert!(CHART.words[1].announcement.ends_with(&last));
    }
}
