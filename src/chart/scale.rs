//! Axes: the data ranges the chart shows and the ticks it labels. Pure arithmetic, run at build
//! time (build.rs writes the result into `Chart::axes`) and in tests.
//!
//! The y axis works in "axis units": the value itself on the linear scale, its base-2
//! logarithm on the log scale. A steady doubling is then a straight line, and the log ticks
//! (12, 24, 48…: doubling from the smallest value) are evenly spaced.

use std::ops::Range;

use crate::content::Point;
use crate::format::thousands;

/// What the logarithmic scale does, said wherever a chart is shown on it (the page, the SVG file).
pub const LOG_SCALE_NOTE: &str =
    "Logarithmic scale: each gridline is double the one below, so a steady doubling is a straight line.";

/// How values map to height.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum YScale {
    /// From zero, so heights compare honestly.
    #[default]
    Linear,
    /// Each gridline is double the one below.
    Log,
}

impl YScale {
    /// Logarithmic when `logarithmic`, else linear: the app keeps this choice as a `bool`.
    pub fn logarithmic_if(logarithmic: bool) -> YScale {
        if logarithmic {
            YScale::Log
        } else {
            YScale::Linear
        }
    }

    /// A value in axis units. The log scale cannot show zero; it shows values below 1 at 1.
    pub fn to_axis(self, value: f64) -> f64 {
        match self {
            YScale::Linear => value,
            YScale::Log => value.max(1.0).log2(),
        }
    }
}

/// A labelled position on an axis (in axis units for y, in years for x).
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub at: f64,
    pub label: String,
}

/// The y range in axis units and its ticks.
pub fn y_axis(scale: YScale, values: &[u32]) -> (Range<f64>, Vec<Tick>) {
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    match scale {
        YScale::Linear => {
            let step = nice_step(f64::from(max) / 4.0);
            let top = (f64::from(max) / step).ceil() * step;
            let ticks = (0..)
                .map(|i| f64::from(i) * step)
                .take_while(|v| *v <= top + step / 2.0)
                .map(|v| Tick {
                    at: v,
                    label: thousands(v as u32),
                })
                .collect();
            (0.0..top, ticks)
        }
        YScale::Log => {
            let min = values.iter().copied().min().unwrap_or(1).max(1);
            // A quarter of a doubling of room below the smallest and above the largest value.
            let range = (f64::from(min).log2() - 0.25)..(f64::from(max).log2() + 0.35);
            let ticks = (0..31)
                .map(|k| u64::from(min) << k)
                .take_while(|v| (*v as f64).log2() <= range.end)
                .filter_map(|v| u32::try_from(v).ok())
                .map(|v| Tick {
                    at: f64::from(v).log2(),
                    label: thousands(v),
                })
                .collect();
            (range, ticks)
        }
    }
}

/// The smallest of 1, 2, 5 × 10ⁿ at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let magnitude = 10f64.powi(raw.max(1.0).log10().floor() as i32);
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= raw)
        .unwrap_or(10.0 * magnitude)
}

/// The most year ticks the x axis labels: at 320 px a year label needs about 40 px of the
/// plot's 250.
const MAX_YEAR_TICKS: f64 = 6.0;

/// The x range in years and a tick at the start of each whole year in it, or of every 2nd, 5th
/// or 10th year when a tick a year would be more than `MAX_YEAR_TICKS` (labels would touch
/// on a phone). The range starts a little before the first point's year and ends a quarter
/// year after the last point, so the markers and their labels are never cut off.
pub fn x_axis(points: &[Point]) -> (Range<f64>, Vec<Tick>) {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return (0.0..1.0, Vec::new());
    };
    let start = f64::from(first.date.year) - 0.1;
    let end = last.date.as_year_fraction() + 0.25;
    let every = [1, 2, 5, 10, 20, 50]
        .into_iter()
        .find(|step| (end - start) / f64::from(*step) <= MAX_YEAR_TICKS)
        .unwrap_or(100);
    let ticks = (first.date.year..=last.date.year + 1)
        .filter(|year| year % every == 0)
        .filter(|year| (start..=end).contains(&f64::from(*year)))
        .map(|year| Tick {
            at: f64::from(year),
            label: year.to_string(),
        })
        .collect();
    (start..end, ticks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::YearMonth;

    fn labels(ticks: &[Tick]) -> Vec<&str> {
        ticks.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn the_apps_log_flag_maps_to_the_scale() {
        assert_eq!(YScale::logarithmic_if(true), YScale::Log);
        assert_eq!(YScale::logarithmic_if(false), YScale::Linear);
    }

    #[test]
    fn linear_axis_starts_at_zero_with_round_steps() {
        let (range, ticks) = y_axis(YScale::Linear, &[15, 35, 74]);
        assert_eq!(range, 0.0..80.0);
        assert_eq!(labels(&ticks), ["0", "20", "40", "60", "80"]);
        assert_eq!(ticks[2].at, 40.0);
    }

    #[test]
    fn linear_axis_handles_other_magnitudes() {
        let (range, ticks) = y_axis(YScale::Linear, &[3, 9]);
        assert_eq!(range, 0.0..10.0);
        assert_eq!(labels(&ticks), ["0", "5", "10"]);
        let (range, ticks) = y_axis(YScale::Linear, &[1520]);
        assert_eq!(range, 0.0..2000.0);
        assert_eq!(labels(&ticks), ["0", "500", "1,000", "1,500", "2,000"]);
        let (range, _) = y_axis(YScale::Linear, &[]);
        assert_eq!(range, 0.0..1.0);
    }

    #[test]
    fn log_axis_ticks_double_from_the_smallest_value() {
        let (range, ticks) = y_axis(YScale::Log, &[15, 35, 74]);
        assert_eq!(labels(&ticks), ["15", "30", "60"]);
        // Evenly spaced: one axis unit per doubling.
        assert!((ticks[1].at - ticks[0].at - 1.0).abs() < 1e-12);
        assert!(range.start < 15f64.log2() && range.end > 74f64.log2());
    }

    #[test]
    fn log_scale_maps_doubling_to_equal_steps() {
        let log = YScale::Log;
        assert!((log.to_axis(30.0) - log.to_axis(15.0) - 1.0).abs() < 1e-12);
        assert_eq!(log.to_axis(0.0), 0.0);
        assert_eq!(YScale::Linear.to_axis(35.0), 35.0);
    }

    #[test]
    fn x_axis_has_a_tick_per_year_and_room_for_every_point() {
        let point = |year, month| Point {
            period: "",
            date: YearMonth { year, month },
            approximate: false,
            value: 1,
        };
        let points = [point(2013, 2), point(2014, 2), point(2015, 2)];
        let (range, ticks) = x_axis(&points);
        assert_eq!(labels(&ticks), ["2013", "2014", "2015"]);
        assert_eq!(ticks[1].at, 2014.0);
        for p in &points {
            assert!(range.contains(&p.date.as_year_fraction()));
        }
    }

    #[test]
    fn a_long_x_axis_ticks_every_other_year() {
        let point = |year, month| Point {
            period: "",
            date: YearMonth { year, month },
            approximate: false,
            value: 1,
        };
        // 2016.9 to 2024.17: 7.3 years, more than 6 ticks a year apart.
        let (_, ticks) = x_axis(&[point(2017, 12), point(2023, 12)]);
        assert_eq!(labels(&ticks), ["2018", "2020", "2022", "2024"]);
        // 2016.9 to 2022.17: 5.3 years, a tick a year.
        let (_, ticks) = x_axis(&[point(2017, 1), point(2021, 12)]);
        assert_eq!(
            labels(&ticks),
            ["2017", "2018", "2019", "2020", "2021", "2022"]
        );
        // 1979.9 to 2020.25: 40 years, every 10th.
        let (_, ticks) = x_axis(&[point(1980, 6), point(2020, 1)]);
        assert_eq!(labels(&ticks), ["1980", "1990", "2000", "2010", "2020"]);
    }

    #[test]
    fn the_build_writes_these_axes_into_the_chart_data() {
        use crate::content::{Axis, CHART};
        let values: Vec<u32> = CHART.points.iter().map(|p| p.value).collect();
        let same = |axis: &Axis, (range, ticks): (Range<f64>, Vec<Tick>)| {
            assert_eq!(axis.from..axis.to, range);
            let written: Vec<(f64, &str)> = axis.ticks.iter().map(|t| (t.at, t.label)).collect();
            let computed: Vec<(f64, &str)> =
                ticks.iter().map(|t| (t.at, t.label.as_str())).collect();
            assert_eq!(written, computed);
        };
        same(&CHART.axes.x, x_axis(CHART.points));
        same(&CHART.axes.linear, y_axis(YScale::Linear, &values));
        same(&CHART.axes.log, y_axis(YScale::Log, &values));
        assert!(CHART.axes.log.ticks.len() >= 3);
    }
}
