//! Where the annotation's label goes in its band: at the top, where readers look for it, unless
//! the line runs through it there (a rising line on a narrow screen); then at the bottom, just
//! above the axis. If the line crosses both, the top.
//!
//! Text is not measured, so the SVG and canvas backends place it alike: every character counts
//! as `CHAR_WIDTH`, a little wider than the usual system fonts draw the label, and each of its
//! lines keeps its own width clear.

/// The label's distance from the band's edges, and from one line's top to the next (CSS px).
pub const INSET: f64 = 6.0;
pub const LINE_HEIGHT: f64 = 17.0;

/// A character of the label (regular, `draw::TEXT_SIZE` px: “Fixed grip is 72 px wide in
/// DejaVu Sans, 11 characters), with a little to spare (CSS px).
const CHAR_WIDTH: f64 = 6.8;

/// How near the line may pass the label: half the line's width and a little air (CSS px).
const CLEARANCE: f64 = 2.0;

/// The band's edges, in backend pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub left: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
}

impl Band {
    /// The label's top where readers look for it first: `INSET` below the band's top.
    pub fn label_top_at_top(&self, ratio: f64) -> i32 {
        self.top + (INSET * ratio).round() as i32
    }

    /// The box the label's `lines` take from `top` (left, top, width, height), in backend
    /// pixels (`ratio` per CSS pixel): as wide as its longest line is counted.
    pub fn label_box(&self, lines: &[&str], top: i32, ratio: f64) -> (i32, i32, i32, i32) {
        let px = |css: f64| (css * ratio).round() as i32;
        let longest = lines.iter().map(|line| line.chars().count()).max();
        (
            self.left + px(INSET),
            top,
            px(longest.unwrap_or(0) as f64 * CHAR_WIDTH),
            px(LINE_HEIGHT * lines.len() as f64),
        )
    }

    /// The top of the first of the label's `lines`, in backend pixels (`ratio` per CSS pixel),
    /// over the line through `points`.
    pub fn label_top(&self, lines: &[&str], points: &[(i32, i32)], ratio: f64) -> i32 {
        let px = |css: f64| (css * ratio).round() as i32;
        let (left, clearance, line_height) =
            (self.left + px(INSET), px(CLEARANCE), px(LINE_HEIGHT));
        let height = line_height * lines.len() as i32;
        // Each line's own box: a short second line leaves room for the line to pass.
        let clear_at = |top: i32| {
            lines.iter().zip(0..).all(|(text, i)| {
                let line_top = top + line_height * i;
                let right = left + px(text.chars().count() as f64 * CHAR_WIDTH);
                let around = (
                    left - clearance,
                    line_top - clearance,
                    right + clearance,
                    line_top + line_height + clearance,
                );
                !points
                    .windows(2)
                    .any(|pair| passes(around, pair[0], pair[1]))
            })
        };
        let (at_top, at_bottom) = (
            self.label_top_at_top(ratio),
            self.bottom - px(INSET) - height,
        );
        if clear_at(at_top) || !clear_at(at_bottom) {
            at_top
        } else {
            at_bottom
        }
    }
}

/// Whether the segment from `a` to `b` (left to right, as the points are in time order) passes
/// through the box (left, top, right, bottom): whether the heights it takes over the box's
/// width reach into the box's.
fn passes((left, top, right, bottom): (i32, i32, i32, i32), a: (i32, i32), b: (i32, i32)) -> bool {
    let (from, to) = (a.0.max(left), b.0.min(right));
    let y = |x: i32| a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0).max(1);
    let (y_from, y_to) = (y(from), y(to));
    from <= to && y_from.min(y_to) <= bottom && y_from.max(y_to) >= top
}

#[cfg(test)]
mod tests {
    use super::*;

    // A band from (100, 20) to (260, 220) at one backend pixel per CSS pixel. The label's lines
    // are 17 px apart, 6.8 px a character: "“Fixed" x 106 to 147, "grip” 2014" x 106 to 174.
    // At the top they span y 26 to 43 and 43 to 60, at the bottom 180 to 197 and 197 to 214;
    // the line must keep 2 px away.
    const BAND: Band = Band {
        left: 100,
        top: 20,
        right: 260,
        bottom: 220,
    };
    const LABEL: [&str; 2] = ["“Fixed", "grip” 2014"];

    #[test]
    fn the_label_stays_at_the_top_where_the_line_passes_below_it() {
        // Rising from (50, 200) to (250, 100): at x 176 it is at y 137, far below the label.
        assert_eq!(BAND.label_top(&LABEL, &[(50, 200), (250, 100)], 1.0), 26);
        // A single line of 20 characters, at two backend pixels per CSS pixel: 12 px below
        // the band's top.
        assert_eq!(
            BAND.label_top(&["“Fixed grip on gangs”"], &[(50, 400), (500, 300)], 2.0),
            32
        );
    }

    #[test]
    fn a_line_through_the_top_moves_the_label_to_the_bottom() {
        // Up from (50, 190) past (120, 150) to (180, 30): the second segment runs through the
        // second line's box (at y 60 it is at x 165), and stays above y 160 by the bottom.
        assert_eq!(
            BAND.label_top(&LABEL, &[(50, 190), (120, 150), (180, 30)], 1.0),
            180
        );
        // A level line straight through the first line.
        assert_eq!(BAND.label_top(&LABEL, &[(60, 45), (300, 45)], 1.0), 180);
    }

    #[test]
    fn a_line_passing_near_counts_as_crossing() {
        // Level at y 62: 2 px below the label, within the clearance.
        assert_eq!(BAND.label_top(&LABEL, &[(60, 62), (300, 62)], 1.0), 180);
        // At y 63, 3 px below it: clear.
        assert_eq!(BAND.label_top(&LABEL, &[(60, 63), (300, 63)], 1.0), 26);
    }

    #[test]
    fn each_line_keeps_only_its_own_width_clear() {
        // Level at y 55, from x 150: under the long first line (y 26 to 43), in the short
        // second line's row (y 43 to 60) but right of its end (x 126).
        let label = ["“Fixed grip", "on”"];
        assert_eq!(BAND.label_top(&label, &[(150, 55), (300, 55)], 1.0), 26);
        // From x 120 it reaches the second line.
        assert_eq!(BAND.label_top(&label, &[(120, 55), (300, 55)], 1.0), 180);
    }

    #[test]
    fn where_the_line_crosses_both_places_the_label_stays_at_the_top() {
        let zigzag = [(60, 45), (300, 45), (60, 195), (300, 195)];
        assert_eq!(BAND.label_top(&LABEL, &zigzag, 1.0), 26);
    }
}
