//! The chart as sound ("Play the trend"): one tone per point, in time order, its pitch rising
//! with the value. Pure: the pitches are worked out at build time (`build.rs` writes them into
//! `CHART.pitches`), and the browser (`interactive::sound`) only schedules them.
//!
//! The mapping is logarithmic over an octave and a half: the smallest value sounds at
//! `LOWEST` (262 Hz, middle C), the largest at `LOWEST` × 2^1.5 ≈ 741 Hz (about F♯5), and a
//! value v in between at
//!
//! ```text
//! f = f_min · (f_max / f_min) ^ ((ln v − ln v_min) / (ln v_max − ln v_min))
//! ```
//!
//! so equal ratios between values are equal musical steps: a steady doubling climbs evenly,
//! as it is a straight line on the logarithmic scale. A flat series (or a single point) is one
//! pitch, the lowest.

/// The smallest value's pitch, in Hz (middle C, rounded).
pub const LOWEST: f64 = 262.0;

/// How far the largest value sounds above the smallest, in octaves.
pub const OCTAVES: f64 = 1.5;

/// Each tone's length, in milliseconds.
pub const TONE_MS: u32 = 300;

/// From one tone's start to the next one's, in milliseconds: the tone and a 150 ms silence.
pub const STEP_MS: u32 = 450;

/// From the press to the first tone, in milliseconds: time for the audio thread to take the
/// schedule, so the first tone is not cut.
pub const LEAD_MS: u32 = 50;

/// Each value's pitch in Hz, in the values' order. Zero counts as the smallest positive
/// value's neighbour: it takes the lowest pitch (a logarithm of zero has no place on the scale).
pub fn pitches(values: &[u32]) -> Vec<f64> {
    let ln = |v: u32| f64::from(v.max(1)).ln();
    let (Some(low), Some(high)) = (
        values.iter().copied().map(ln).reduce(f64::min),
        values.iter().copied().map(ln).reduce(f64::max),
    ) else {
        return Vec::new();
    };
    let range = high - low;
    values
        .iter()
        .map(|&v| {
            let share = if range > 0.0 {
                (ln(v) - low) / range
            } else {
                0.0
            };
            LOWEST * 2f64.powf(OCTAVES * share)
        })
        .collect()
}

/// When tone `index` starts, in milliseconds after the press.
pub fn start_ms(index: usize) -> u32 {
    LEAD_MS + STEP_MS * index as u32
}

/// The tones as js/actions.js plays them, as JSON: each of `pitches` (Hz) with its start (ms
/// after the press), each tone's length, and how long before its tone its point is selected
/// (ms). Written on the page at build time.
pub fn tones_json(pitches: &[f64]) -> String {
    let list = |items: Vec<String>| items.join(",");
    let starts = list(
        (0..pitches.len())
            .map(|i| start_ms(i).to_string())
            .collect(),
    );
    // To a tenth of a hertz: finer than an ear tells, and fewer bytes on the page.
    let pitches = list(
        pitches
            .iter()
            .map(|hz| ((hz * 10.0).round() / 10.0).to_string())
            .collect(),
    );
    format!(r#"{{"pitches":[{pitches}],"starts":[{starts}],"tone":{TONE_MS},"lead":{LEAD_MS}}}"#)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_hz(actual: &[f64], expected: &[f64]) {
        assert_eq!(actual.len(), expected.len(), "{actual:?}");
        for (a, e) in actual.iter().zip(expected) {
            assert!((a - e).abs() < 0.01, "{actual:?} is not {expected:?}");
        }
    }

    // Expected values worked out by hand (a calculator, not this code):
    // 262 · 2^(1.5 · (ln 35 − ln 15) / (ln 74 − ln 15)) = 262 · 2^(1.5 · 0.530875) = 455.008.
    #[test]
    fn the_published_series_climbs_an_octave_and_a_half() {
        assert_hz(&pitches(&[15, 35, 74]), &[262.0, 455.008, 741.048]);
    }

    // 7 points, a fall and an unchanged step; largest ten times the smallest:
    // 30 → 262 · 2^(1.5 · ln 2.5 / ln 10) = 396.268; 54 → 516.721; 41 → 456.296; 88 → 644.205.
    #[test]
    fn a_general_series_keeps_order_falls_and_repeats() {
        assert_hz(
            &pitches(&[12, 30, 54, 41, 41, 88, 120]),
            &[262.0, 396.268, 516.721, 456.296, 456.296, 644.205, 741.048],
        );
    }

    #[test]
    fn doubling_is_a_steady_step() {
        // 1, 2, 4, 8: each an equal share of the octave and a half, half an octave apart.
        assert_hz(&pitches(&[1, 2, 4, 8]), &[262.0, 370.524, 524.0, 741.048]);
    }

    #[test]
    fn a_flat_series_is_one_pitch_and_one_point_works() {
        assert_hz(&pitches(&[40, 40, 40]), &[262.0, 262.0, 262.0]);
        assert_hz(&pitches(&[7]), &[262.0]);
        assert_hz(&pitches(&[]), &[]);
        // Zero has no logarithm: it sounds as the bottom of the scale, like 1.
        assert_hz(&pitches(&[0, 1, 8]), &[262.0, 262.0, 741.048]);
    }

    #[test]
    fn tones_start_a_step_apart_after_the_lead() {
        assert_eq!((start_ms(0), start_ms(1), start_ms(2)), (50, 500, 950));
        const { assert!(TONE_MS < STEP_MS) };
    }

    #[test]
    fn the_tones_for_the_page_are_json_with_a_start_for_each_pitch() {
        assert_eq!(
            tones_json(&[262.0, 524.5]),
            r#"{"pitches":[262,524.5],"starts":[50,500],"tone":300,"lead":50}"#
        );
        // Pitches to a tenth of a hertz.
        assert_eq!(
            tones_json(&[455.0080144247292, 741.0479066835019]),
            r#"{"pitches":[455,741],"starts":[50,500],"tone":300,"lead":50}"#
        );
    }
}
