//! Which point is selected: nearest to the pointer, or moved by the keyboard. Pure logic.

use super::marker::Rect;

/// The point nearest to `pointer`, both in the same pixel space. Distance is horizontal first
/// (a reader scrubs along time), vertical only to break ties.
pub fn nearest(points: &[(f64, f64)], pointer: (f64, f64)) -> Option<usize> {
    points
        .iter()
        .enumerate()
        .min_by(|(_, a), (_, b)| {
            let key = |p: &(f64, f64)| ((p.0 - pointer.0).abs(), (p.1 - pointer.1).abs());
            key(a)
                .partial_cmp(&key(b))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .map(|(index, _)| index)
}

/// Whether a pointer at `pointer` keeps the point whose tooltip is shown at `tooltip`: it is
/// over the tooltip, and not in the column of the point nearest to it (above or below its mark,
/// `nearest_mark`: its `marker::keep_clear` box). So a reader can move onto the tooltip without
/// it turning into another point's (WCAG 1.4.13), and a pointer scrubbing along the chart at
/// any height still meets every point, those under the tooltip too. All in the same pixels.
pub fn keeps_tooltip(tooltip: &Rect, nearest_mark: &Rect, pointer: (f64, f64)) -> bool {
    let in_column = (nearest_mark.x..=nearest_mark.x + nearest_mark.width).contains(&pointer.0);
    tooltip.contains(pointer) && !in_column
}

/// A key that moves the selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Previous,
    Next,
    First,
    Last,
}

impl Step {
    /// From `KeyboardEvent.key`.
    pub fn from_key(key: &str) -> Option<Step> {
        match key {
            "ArrowLeft" | "ArrowDown" => Some(Step::Previous),
            "ArrowRight" | "ArrowUp" => Some(Step::Next),
            "Home" => Some(Step::First),
            "End" => Some(Step::Last),
            _ => None,
        }
    }
}

/// The selection after a key press among `len` points. With nothing selected yet, Next and
/// Previous start at the first and last point; at either end the selection stays put.
pub fn step(selected: Option<usize>, step: Step, len: usize) -> Option<usize> {
    let last = len.checked_sub(1)?;
    Some(match (step, selected) {
        (Step::First, _) | (Step::Next, None) => 0,
        (Step::Last, _) | (Step::Previous, None) => last,
        (Step::Next, Some(i)) => (i + 1).min(last),
        (Step::Previous, Some(i)) => i.saturating_sub(1).min(last),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const POINTS: [(f64, f64); 3] = [(40.0, 200.0), (200.0, 150.0), (360.0, 30.0)];

    #[test]
    fn over_its_tooltip_the_pointer_keeps_the_point_unless_on_a_mark() {
        let tooltip = Rect {
            x: 100.0,
            y: 50.0,
            width: 120.0,
            height: 60.0,
        };
        let mark = Rect {
            x: 190.0,
            y: 90.0,
            width: 20.0,
            height: 40.0,
        };
        // Inside, edges included.
        assert!(keeps_tooltip(&tooltip, &mark, (101.0, 51.0)));
        assert!(keeps_tooltip(&tooltip, &mark, (100.0, 110.0)));
        assert!(keeps_tooltip(&tooltip, &mark, (189.0, 60.0)));
        // Outside it: the nearest point, as anywhere.
        assert!(!keeps_tooltip(&tooltip, &mark, (99.0, 80.0)));
        assert!(!keeps_tooltip(&tooltip, &mark, (150.0, 111.0)));
        // On the mark of a point the tooltip covers, or above or below it: that point.
        assert!(!keeps_tooltip(&tooltip, &mark, (200.0, 100.0)));
        assert!(!keeps_tooltip(&tooltip, &mark, (190.0, 55.0)));
        assert!(!keeps_tooltip(&tooltip, &mark, (210.0, 55.0)));
    }

    #[test]
    fn nearest_is_by_horizontal_distance() {
        assert_eq!(nearest(&POINTS, (0.0, 0.0)), Some(0));
        assert_eq!(nearest(&POINTS, (119.0, 10.0)), Some(0));
        assert_eq!(nearest(&POINTS, (121.0, 300.0)), Some(1));
        assert_eq!(nearest(&POINTS, (200.0, 0.0)), Some(1));
        assert_eq!(nearest(&POINTS, (1000.0, 1000.0)), Some(2));
        assert_eq!(nearest(&[], (1.0, 1.0)), None);
    }

    #[test]
    fn ties_go_to_the_vertically_nearer_point() {
        let stacked = [(100.0, 0.0), (100.0, 100.0)];
        assert_eq!(nearest(&stacked, (100.0, 90.0)), Some(1));
        assert_eq!(nearest(&stacked, (100.0, 10.0)), Some(0));
    }

    #[test]
    fn keys_map_to_steps() {
        assert_eq!(Step::from_key("ArrowLeft"), Some(Step::Previous));
        assert_eq!(Step::from_key("ArrowRight"), Some(Step::Next));
        assert_eq!(Step::from_key("Home"), Some(Step::First));
        assert_eq!(Step::from_key("End"), Some(Step::Last));
        assert_eq!(Step::from_key("a"), None);
    }

    #[test]
    fn stepping_walks_the_points_and_stops_at_the_ends() {
        assert_eq!(step(None, Step::Next, 3), Some(0));
        assert_eq!(step(None, Step::Previous, 3), Some(2));
        assert_eq!(step(Some(0), Step::Next, 3), Some(1));
        assert_eq!(step(Some(2), Step::Next, 3), Some(2));
        assert_eq!(step(Some(0), Step::Previous, 3), Some(0));
        assert_eq!(step(Some(1), Step::Last, 3), Some(2));
        assert_eq!(step(Some(2), Step::First, 3), Some(0));
        assert_eq!(step(Some(7), Step::Previous, 3), Some(2));
        assert_eq!(step(None, Step::Next, 0), None);
    }
}
