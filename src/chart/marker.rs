//! Where the selected point's marker (a ring and a guide down to the axis) and its tooltip go
//! over the chart. Pure logic: the browser measures the tooltip and turns this into styles.
//!
//! The tooltip goes where it covers no point, no point's selection ring and no value label
//! (a reader who taps a point must still see it and its number), and stays inside the chart
//! box and on the screen: above or below the point, centred on it as far as the box allows,
//! else beside it. Where it can, it also leaves the annotation's label readable.

use super::draw::{HALO_RADIUS, LABEL_GAP, TEXT_SIZE};

/// A box in CSS pixels of the chart box: left, top, width, height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    /// A box of `size` at the top left corner.
    pub fn of_size(size: (f64, f64)) -> Rect {
        Rect {
            x: 0.0,
            y: 0.0,
            width: size.0,
            height: size.1,
        }
    }

    /// The same box with every length times `factor` (backend pixels to CSS pixels, say).
    pub fn scaled(self, factor: f64) -> Rect {
        Rect {
            x: self.x * factor,
            y: self.y * factor,
            width: self.width * factor,
            height: self.height * factor,
        }
    }

    /// Whether `point` is inside the box, edges included.
    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        x >= self.x && x <= self.x + self.width && y >= self.y && y <= self.y + self.height
    }

    fn area(&self) -> f64 {
        self.width.max(0.0) * self.height.max(0.0)
    }

    /// The area this box shares with `other`.
    fn overlap(&self, other: &Rect) -> f64 {
        let width = (self.x + self.width).min(other.x + other.width) - self.x.max(other.x);
        let height = (self.y + self.height).min(other.y + other.height) - self.y.max(other.y);
        width.max(0.0) * height.max(0.0)
    }
}

/// The widest a value label's character is drawn (bold, `TEXT_SIZE` px: digits are 0.56 to
/// 0.7 em in the usual system fonts), and its height, both with a little to spare.
const LABEL_CHAR_WIDTH: f64 = 10.0;
const LABEL_HEIGHT: f64 = TEXT_SIZE + 2.0;
/// Air kept either side of a value label, so no tooltip edge crowds its digits.
const LABEL_SPARE: f64 = 2.0;

/// Space between the tooltip and what it keeps clear of.
const GAP: f64 = 6.0;

/// What the tooltip must not cover at a point drawn at `point`: the selection ring around it
/// and its value label of `label_chars` characters, centred above it (`chart::draw`).
pub fn keep_clear(point: (f64, f64), label_chars: usize) -> Rect {
    let (x, y) = point;
    let half_width = HALO_RADIUS.max(label_chars as f64 * LABEL_CHAR_WIDTH / 2.0 + LABEL_SPARE);
    let top = y - HALO_RADIUS - LABEL_GAP - LABEL_HEIGHT;
    Rect {
        x: x - half_width,
        y: top,
        width: 2.0 * half_width,
        height: y + HALO_RADIUS - top,
    }
}

/// Where in the chart box the tooltip may go (`room()`), in CSS pixels of the box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Room {
    /// The part of the box it stays in if it can: the whole box, or the part on the screen.
    pub area: Rect,
    /// The screen's top and bottom: the tooltip never goes past them.
    pub rows: (f64, f64),
}

impl Room {
    /// The whole box of `size`, with the screen around it.
    pub fn whole(size: (f64, f64)) -> Room {
        Room {
            area: Rect::of_size(size),
            rows: (f64::NEG_INFINITY, f64::INFINITY),
        }
    }
}

/// Where in a chart box of `size` a tooltip `height` tall goes: the part of the box on the
/// screen, where the box is taller than the screen (a short window, zoomed in) and the tooltip
/// fits that part; else the whole box. Never past the screen's top or bottom. The box's top is
/// `top` px down a screen `screen` px tall (negative: above it), all in CSS pixels. (The page
/// never scrolls sideways: across, the box is on the screen.)
pub fn room(size: (f64, f64), top: f64, screen: f64, height: f64) -> Room {
    // The screen's edges in the box, in whole pixels inwards: the marker's styles are whole.
    let rows = ((-top).ceil(), (screen - top).floor());
    let (y, end) = (rows.0.max(0.0), rows.1.min(size.1));
    let area = if end - y >= height {
        Rect {
            x: 0.0,
            y,
            width: size.0,
            height: end - y,
        }
    } else {
        Rect::of_size(size)
    };
    Room { area, rows }
}

/// The marker's place and the tooltip's, in CSS pixels of the chart box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// The point's centre.
    pub x: f64,
    pub y: f64,
    /// The guide's length: from the point down to the x axis.
    pub guide: f64,
    /// The tooltip's top left corner, relative to the point's centre.
    pub tooltip: (f64, f64),
}

impl Placement {
    /// For the point at `point` (which `clear[selected]` surrounds) over a plot whose x axis is
    /// at `axis_y`, with a tooltip of `tooltip` (width, height) in `room` (the chart box, or
    /// the part of it on the screen: `room()`), every point's `keep_clear` box in `clear` and
    /// the annotation's `label`. The first of above, below, left and right of the point (below
    /// first in the room's top part) that covers nothing and fits the room wins; if none does,
    /// the one that covers least of the points and leaves the room least, and of those the one
    /// that covers least of the label.
    pub fn new(
        point: (f64, f64),
        axis_y: f64,
        room: Room,
        tooltip: (f64, f64),
        clear: &[Rect],
        label: Option<Rect>,
    ) -> Placement {
        let (x, y) = point;
        let area = room.area;
        let (right_end, bottom) = (area.x + area.width, area.y + area.height);
        let (w, h) = tooltip;
        // The selected point's own box (its label's width), and its ring without a label if
        // `clear` has none for it.
        let own = clear
            .iter()
            .copied()
            .find(|r| r.x <= x && x <= r.x + r.width && r.y <= y && y <= r.y + r.height)
            .unwrap_or_else(|| keep_clear(point, 0));
        // Centred on the point as far as the room allows, across and up and down.
        let across = (x - w / 2.0).min(right_end - w).max(area.x);
        let down = (y - h / 2.0).min(bottom - h).max(area.y);
        let above = Rect {
            x: across,
            y: own.y - GAP - h,
            width: w,
            height: h,
        };
        let below = Rect {
            y: own.y + own.height + GAP,
            ..above
        };
        let left = Rect {
            x: own.x - GAP - w,
            y: down,
            width: w,
            height: h,
        };
        let right = Rect {
            x: own.x + own.width + GAP,
            ..left
        };
        // Beside it again, level with the top of the point's box: where the centred place
        // beside it just reaches a neighbour above (a narrow chart).
        let level = |side: Rect| Rect {
            y: own.y.min(bottom - h).max(area.y),
            ..side
        };
        let order = if y < area.y + area.height * 0.45 {
            [below, above, left, right]
        } else {
            [above, below, left, right]
        };
        let order = order.into_iter().chain([level(right), level(left)]);
        // What a place costs: first the area it covers of what must stay clear and the area
        // of the tooltip outside the room; then the area it covers of the label.
        let cost = |r: &Rect| {
            let covered: f64 = clear.iter().map(|c| r.overlap(c)).sum();
            let inside = r.overlap(&area);
            let label = label.map_or(0.0, |label| r.overlap(&label));
            (covered + (r.area() - inside), label)
        };
        let mut best = above;
        let mut best_cost = (f64::INFINITY, f64::INFINITY);
        for candidate in order {
            let c = cost(&candidate);
            if c < best_cost {
                (best, best_cost) = (candidate, c);
            }
            if c == (0.0, 0.0) {
                break;
            }
        }
        // Never across the box's sides or off the screen: with a reader's wider text (text
        // spacing, a larger font) or a short screen no place may be clear, and covering a
        // point is the lesser harm.
        let across = best.x.min(right_end - w).max(area.x);
        let down = best.y.min(room.rows.1 - h).max(room.rows.0);
        Placement {
            x,
            y,
            guide: (axis_y - y).max(0.0),
            tooltip: (across - x, down - y),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chart at a 375 px phone (343 × 286 CSS px): its three points and their labels
    /// ("15", "35", "74"), about where they are drawn, and a tooltip whose change line wraps
    /// (196 × 80).
    const PHONE: (f64, f64) = (343.0, 286.0);
    const POINTS: [(f64, f64); 3] = [(50.0, 216.0), (172.0, 160.0), (296.0, 50.0)];
    const TOOLTIP: (f64, f64) = (196.0, 80.0);

    fn clear() -> Vec<Rect> {
        POINTS.iter().map(|&p| keep_clear(p, 2)).collect()
    }

    /// The chart at a 320 px phone (288 × 240) and its three points.
    const NARROW: (f64, f64) = (288.0, 240.0);
    const NARROW_POINTS: [(f64, f64); 3] = [(46.0, 180.0), (147.0, 135.0), (248.0, 47.0)];

    fn narrow_clear() -> Vec<Rect> {
        NARROW_POINTS.iter().map(|&p| keep_clear(p, 2)).collect()
    }

    /// Where the tooltip of `size` goes for `point` in a chart box of `chart` (no label).
    fn placed(point: (f64, f64), chart: (f64, f64), size: (f64, f64), clear: &[Rect]) -> Rect {
        let place = Placement::new(point, chart.1, Room::whole(chart), size, clear, None);
        tooltip_box(&place, size)
    }

    fn tooltip_box(place: &Placement, size: (f64, f64)) -> Rect {
        Rect {
            x: place.x + place.tooltip.0,
            y: place.y + place.tooltip.1,
            width: size.0,
            height: size.1,
        }
    }

    #[test]
    fn the_room_is_the_part_of_the_box_on_the_screen_where_the_tooltip_fits_it() {
        // The 320 px chart 20 px above the top of a 200 px tall screen (a short window at 400 %
        // zoom): its top 20 px and bottom 20 px are off the screen.
        let on_screen = Rect {
            x: 0.0,
            y: 20.0,
            width: 288.0,
            height: 200.0,
        };
        let cut = room(NARROW, -20.0, 200.0, 94.0);
        assert_eq!(cut.area, on_screen);
        assert_eq!(cut.rows, (20.0, 220.0));
        // Whole pixels, inwards (the box's top measured in Chromium: 20.47 px above).
        let measured = room(NARROW, -20.47, 200.0, 94.0);
        assert_eq!(measured.rows, (21.0, 220.0));
        assert_eq!((measured.area.y, measured.area.height), (21.0, 199.0));
        // Wholly on the screen: the whole box.
        let whole = Rect::of_size(NARROW);
        let all = room(NARROW, 40.0, 800.0, 94.0);
        assert_eq!(all.area, whole);
        assert_eq!(all.rows, (-40.0, 760.0));
        // Only 60 px of it on the screen, less than the tooltip's height: the whole box, and
        // still never past the screen's edges.
        let low = room(NARROW, 140.0, 200.0, 94.0);
        assert_eq!(low.area, whole);
        assert_eq!(low.rows, (-140.0, 60.0));
    }

    #[test]
    fn on_a_short_screen_every_tooltip_stays_on_it() {
        // The 320 px chart 20 px above the top of a 200 px tall screen, and its tooltip there
        // (168 × 94, measured in Chromium). In the whole box, 35's and 74's tooltips went
        // above their points, 14 and 20 px above the screen.
        let tooltip = (168.0, 94.0);
        let room = room(NARROW, -20.0, 200.0, tooltip.1);
        for point in NARROW_POINTS {
            let place = Placement::new(point, 220.0, room, tooltip, &narrow_clear(), None);
            let tip = tooltip_box(&place, tooltip);
            assert!(
                tip.y >= 20.0 && tip.y + tip.height <= 220.0,
                "{point:?}: {tip:?}"
            );
        }
    }

    #[test]
    fn the_keep_clear_box_holds_the_ring_and_the_label() {
        // Ring: 9 px round the centre (18 px, less than the label's width); label: 2 × 10 px
        // wide and 2 px of air either side, 16 px high, 3 px above the ring: from
        // 100 - 9 - 3 - 16 = 72 to 100 + 9.
        assert_eq!(
            keep_clear((100.0, 100.0), 2),
            Rect {
                x: 88.0,
                y: 72.0,
                width: 24.0,
                height: 37.0
            }
        );
        // A wider label widens it: "1,520" is 5 characters.
        assert_eq!(keep_clear((100.0, 100.0), 5).width, 54.0);
    }

    #[test]
    fn on_a_phone_no_tooltip_covers_a_point_or_a_label_or_leaves_the_box() {
        let clear = clear();
        for (i, &point) in POINTS.iter().enumerate() {
            let tip = placed(point, PHONE, TOOLTIP, &clear);
            for (j, c) in clear.iter().enumerate() {
                assert_eq!(tip.overlap(c), 0.0, "point {i}'s tooltip covers point {j}");
            }
            assert!(
                tip.x >= 0.0 && tip.x + tip.width <= PHONE.0,
                "point {i}: {tip:?}"
            );
            assert!(
                tip.y >= 0.0 && tip.y + tip.height <= PHONE.1,
                "point {i}: {tip:?}"
            );
        }
    }

    #[test]
    fn each_point_gets_the_place_worked_out_by_hand() {
        let clear = clear();
        let at = |i: usize| placed(POINTS[i], PHONE, TOOLTIP, &clear);
        // Label boxes: 15 → 38–62 × 188–225; 35 → 160–184 × 132–169; 74 → 284–308 × 22–59.
        // 15, low: above (0–196 × 102–182, pushed right to the box's edge) would cover 35's
        // box, below leaves the box (231 + 80 > 286), left too; right of its box: x 62 + 6,
        // centred in height (216 - 40).
        assert_eq!((at(0).x, at(0).y), (68.0, 176.0));
        // 35: above, centred (172 - 98), its bottom 6 px over its label (132 - 6 - 80): the
        // tooltip ends at x 270, before 74's box (284).
        assert_eq!((at(1).x, at(1).y), (74.0, 46.0));
        // 74, in the top part: below (147–343 × 65–145) would cover 35's box, above leaves
        // the box; left of its box (284 - 6 - 196), centred in height as far as the box allows
        // (50 - 40).
        assert_eq!((at(2).x, at(2).y), (82.0, 10.0));
    }

    #[test]
    fn the_label_is_left_readable_where_a_place_clear_of_the_points_allows() {
        let clear = clear();
        let place = |i: usize, label| {
            let place =
                Placement::new(POINTS[i], 260.0, Room::whole(PHONE), TOOLTIP, &clear, label);
            let tip = tooltip_box(&place, TOOLTIP);
            (tip.x, tip.y)
        };
        // 35's tooltip above (74–270 × 46–126) would cover a label at 170–260 × 60–94; below
        // (from its box's bottom, 169 + 6, to 255) covers nothing and stays in the box.
        let label = Rect {
            x: 170.0,
            y: 60.0,
            width: 90.0,
            height: 34.0,
        };
        assert_eq!(place(1, Some(label)), (74.0, 175.0));
        // 74's: every place clear of the points and inside the box (left of it, 82–278 ×
        // 10–90) covers a label at 166–241 × 40–74: the points win, the label is covered.
        let label = Rect {
            x: 166.0,
            y: 40.0,
            width: 75.0,
            height: 34.0,
        };
        assert_eq!(place(2, Some(label)), place(2, None));
        assert_eq!(place(2, None), (82.0, 10.0));
    }

    #[test]
    fn where_above_and_below_cover_something_the_tooltip_goes_beside_the_point() {
        // A wide box, a point in the middle with others straight above and below it.
        let points = [(300.0, 150.0), (300.0, 80.0), (300.0, 220.0)];
        let clear: Vec<Rect> = points.iter().map(|&p| keep_clear(p, 2)).collect();
        let place = Placement::new(
            points[0],
            280.0,
            Room::whole((600.0, 300.0)),
            (150.0, 60.0),
            &clear,
            None,
        );
        // Above would cover the box of the point at 80 (its bottom at 89; above spans 56–116),
        // below the one at 220 (from 192; below spans 165–225). Left of the point's box (288)
        // with the gap: right edge at 282, centred in height (150 - 30).
        assert_eq!(place.tooltip, (282.0 - 150.0 - 300.0, 120.0 - 150.0));
    }

    #[test]
    fn with_no_room_anywhere_it_takes_the_place_that_covers_least() {
        // A box hardly bigger than the tooltip: something must give; the result stays finite
        // and the least covering of the four.
        let clear = vec![keep_clear((50.0, 50.0), 2)];
        let place = Placement::new(
            (50.0, 50.0),
            90.0,
            Room::whole((100.0, 100.0)),
            (90.0, 60.0),
            &clear,
            None,
        );
        let tip = tooltip_box(&place, (90.0, 60.0));
        // Above leaves the box by 44 px × 90, left and right by 56 px × 60, below by 25 × 90:
        // below, centred as far as the box allows (100 - 90 = 10 at most, 50 - 45 = 5).
        assert_eq!((tip.x, tip.y), (5.0, 59.0 + 6.0));
        assert_eq!(tip.overlap(&clear[0]), 0.0, "{tip:?}");
    }

    #[test]
    fn a_tooltip_widened_by_the_readers_text_spacing_stays_across_the_box() {
        // 320 px (288 × 240) with WCAG's text spacing: the tooltip at its narrow width, 170
        // wide, and 140 tall, so no place fits. The middle point's cheapest, right of it,
        // ran 47 px past the box's right side (x 165). Each stays within the box's sides,
        // where the screen is.
        let clear = narrow_clear();
        for point in NARROW_POINTS {
            let tip = placed(point, NARROW, (170.0, 140.0), &clear);
            assert!(
                tip.x >= 0.0 && tip.x + tip.width <= NARROW.0,
                "{point:?}: {tip:?}"
            );
        }
    }

    #[test]
    fn on_a_320_px_phone_a_place_beside_the_point_level_with_its_box_clears_a_neighbour() {
        // The chart at 320 px (288 × 240), its tooltip narrower there (168 × 76).
        let clear = narrow_clear();
        let at = |i: usize| placed(NARROW_POINTS[i], NARROW, (168.0, 76.0), &clear);
        // Boxes: 15 → 34–58 × 152–189; 35 → 135–159 × 107–144; 74 → 236–260 × 19–56.
        // 15: above (0–168 × 70–146) covers 35's box, below and left leave the chart; right,
        // centred in height (64–232 × 142–218), covers 2 px of 35's box; right, level with
        // its own box's top (152), covers nothing.
        assert_eq!((at(0).x, at(0).y), (64.0, 152.0));
        // 35: above, centred (147 - 84), 6 px over its box (107 - 6 - 76); ends at 231 < 236.
        assert_eq!((at(1).x, at(1).y), (63.0, 25.0));
        // 74, high: below (120–288 × 62–138) covers 35's box, above leaves the chart; left of
        // its box (236 - 6 - 168), centred in height (47 - 38).
        assert_eq!((at(2).x, at(2).y), (62.0, 9.0));
        for i in 0..3 {
            for c in &clear {
                assert_eq!(at(i).overlap(c), 0.0, "point {i}");
            }
        }
    }

    #[test]
    fn the_guide_runs_from_the_point_down_to_the_axis() {
        let place = Placement::new(
            (300.0, 100.0),
            280.0,
            Room::whole((600.0, 300.0)),
            (100.0, 50.0),
            &[],
            None,
        );
        assert_eq!((place.x, place.y, place.guide), (300.0, 100.0, 180.0));
        // A point on the axis has no guide.
        let on_axis = Placement::new(
            (300.0, 280.0),
            280.0,
            Room::whole((600.0, 300.0)),
            (100.0, 50.0),
            &[],
            None,
        );
        assert_eq!(on_axis.guide, 0.0);
    }
}
