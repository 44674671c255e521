//! Where the selected point's marker (a ring and a guide down to the axis) and its tooltip go
//! over the chart. Pure logic: the browser turns it into styles.

/// The marker's place and the tooltip's side, in CSS pixels of the chart box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// The point's centre.
    pub x: f64,
    pub y: f64,
    /// The guide's length: from the point down to the x axis.
    pub guide: f64,
    /// The tooltip's classes: which way it opens, so it stays inside the box.
    pub tooltip_class: &'static str,
}

impl Placement {
    /// For a point at `point` over a plot whose x axis is at `axis_y`, in a box of `size`.
    /// Near the left or right edge the tooltip opens away from it; in the top part of the box
    /// it hangs below the point, elsewhere above it.
    pub fn new(point: (f64, f64), axis_y: f64, size: (f64, f64)) -> Placement {
        let (x, y) = point;
        let (width, height) = size;
        let below = y < height * 0.45;
        let tooltip_class = match (x < width * 0.3, x > width * 0.7, below) {
            (true, _, false) => "chart-tooltip align-start above",
            (true, _, true) => "chart-tooltip align-start below",
            (_, true, false) => "chart-tooltip align-end above",
            (_, true, true) => "chart-tooltip align-end below",
            (_, _, false) => "chart-tooltip align-center above",
            (_, _, true) => "chart-tooltip align-center below",
        };
        Placement {
            x,
            y,
            guide: (axis_y - y).max(0.0),
            tooltip_class,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOX: (f64, f64) = (600.0, 300.0);

    #[test]
    fn the_tooltip_opens_away_from_the_nearest_side() {
        assert_eq!(
            Placement::new((50.0, 250.0), 280.0, BOX).tooltip_class,
            "chart-tooltip align-start above"
        );
        assert_eq!(
            Placement::new((300.0, 250.0), 280.0, BOX).tooltip_class,
            "chart-tooltip align-center above"
        );
        assert_eq!(
            Placement::new((560.0, 40.0), 280.0, BOX).tooltip_class,
            "chart-tooltip align-end below"
        );
        assert_eq!(
            Placement::new((100.0, 100.0), 280.0, BOX).tooltip_class,
            "chart-tooltip align-start below"
        );
    }

    #[test]
    fn the_guide_runs_from_the_point_down_to_the_axis() {
        let placement = Placement::new((300.0, 100.0), 280.0, BOX);
        assert_eq!(
            (placement.x, placement.y, placement.guide),
            (300.0, 100.0, 180.0)
        );
        // A point on the axis has no guide.
        assert_eq!(Placement::new((300.0, 280.0), 280.0, BOX).guide, 0.0);
    }
}
