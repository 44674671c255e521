//! The one drawing function, generic over plotters' `DrawingBackend`: `CanvasBackend` in the
//! browser, `SVGBackend` at build time. It knows nothing about the backend: sizes arrive in a
//! `Layout` (CSS pixels × pixel ratio), colours in a `Palette`.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::annotation::{Band, INSET, LINE_HEIGHT};
use super::marker::Rect;
use super::scale::YScale;
use super::theme::{Palette, FONT_FAMILY};
use crate::content::{Annotation, Axes, Point};
use crate::format::thousands;

/// Sizes for one drawing. Everything is given in CSS pixels and multiplied by `ratio` here,
/// so the chart is as crisp on a 3× phone as on a 1× monitor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    /// Backend pixels per CSS pixel (`devicePixelRatio` on a canvas, 1 for SVG).
    pub ratio: f64,
    /// Multiplies font sizes only: backends disagree on what a font size means (plotters'
    /// SVG backend writes `size / 1.24`), and the caller knows which one it uses.
    pub font_scale: f64,
    /// Small screens: smaller type, tighter margins, the annotation label on two lines.
    pub compact: bool,
}

impl Layout {
    /// Width in CSS pixels below which the chart uses the compact layout.
    pub const COMPACT_BELOW: f64 = 480.0;

    pub fn new(css_width: f64, ratio: f64) -> Layout {
        Layout {
            ratio,
            font_scale: 1.0,
            compact: css_width < Self::COMPACT_BELOW,
        }
    }

    fn px(&self, css: f64) -> i32 {
        (css * self.ratio).round() as i32
    }

    fn size(&self, css: f64) -> u32 {
        self.px(css).max(1) as u32
    }

    fn font(&self, bold: bool) -> TextStyle<'static> {
        let style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        FontDesc::new(
            FontFamily::Name(FONT_FAMILY),
            TEXT_SIZE * self.ratio * self.font_scale,
            style,
        )
        .into()
    }
}

/// What to draw.
pub struct Frame<'a> {
    pub points: &'a [Point],
    pub annotation: &'a Annotation,
    /// Ranges and ticks for both scales, from the build (`Chart::axes`).
    pub axes: &'a Axes,
    pub scale: YScale,
    /// How much of the line is drawn, from 0 to 1 (the entrance animation); 1 when still.
    pub progress: f64,
    pub palette: &'a Palette,
    pub layout: Layout,
}

pub type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Where a drawing put things, in backend pixels, as plotters' coordinate translation placed
/// them: the basis for hit-testing and for placing the marker and tooltip.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Geometry {
    /// Each point's centre.
    pub points: Vec<(f64, f64)>,
    /// The bottom edge of the plot (the x axis).
    pub plot_bottom: f64,
    /// The annotation label's box, if the band is on the axis.
    pub label: Option<Rect>,
}

/// Draws the chart on `area`. The selection is not part of it: the browser marks the selected
/// point in HTML above the canvas, so moving the pointer never redraws the chart.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
) -> DrawResult<Geometry, DB> {
    let Frame {
        points,
        annotation,
        axes,
        scale,
        palette,
        layout: l,
        ..
    } = *frame;
    let y_axis = match scale {
        YScale::Linear => &axes.linear,
        YScale::Log => &axes.log,
    };
    let (x_range, x_ticks) = (axes.x.from..axes.x.to, axes.x.ticks);
    let (y_range, y_ticks) = (y_axis.from..y_axis.to, y_axis.ticks);
    let widest_tick = y_ticks.iter().map(|t| t.label.len()).max().unwrap_or(1) as f64;
    let tick_font = l.font(false);

    // The plot's box inside `area`: fixed margins for the labels, so the layout does not
    // depend on text measurement (which differs between the SVG and canvas backends).
    let (width, height) = area.dim_in_pixel();
    let (left, top) = area.get_base_pixel();
    let plot_left = l.px(2.0) + l.px(10.0 + 8.0 * widest_tick);
    let plot_right = width as i32 - l.px(if l.compact { 14.0 } else { 22.0 });
    let plot_top = l.px(if l.compact { 34.0 } else { 30.0 });
    let plot_bottom = height as i32 - l.px(26.0);
    // Plotters' coordinate translation: data (years, axis units) → backend pixels, made
    // relative to `area` (which need not start at the backend's corner) for drawing on it.
    let plot = area
        .clone()
        .apply_coord_spec(Cartesian2d::<RangedCoordf64, RangedCoordf64>::new(
            x_range.clone(),
            y_range.clone(),
            // Pixel ranges as plotters' ChartBuilder gives them: right and bottom edges inclusive,
            // y from the bottom up.
            (
                left + plot_left..left + (plot_right - 1).max(plot_left + 1),
                top + (plot_bottom - 1).max(plot_top + 1)..top + plot_top,
            ),
        ));
    let at = |x: f64, y: f64| {
        let (px, py) = plot.map_coordinate(&(x, y));
        (px - left, py - top)
    };

    // Everything is drawn on `area` in pixels, placed by `at`: one kind of each element for
    // the whole chart (each kind and coordinate type is compiled separately into the wasm).

    let positions: Vec<(i32, i32)> = points
        .iter()
        .map(|p| at(p.date.as_year_fraction(), scale.to_axis(f64::from(p.value))))
        .collect();

    // The annotation's span, clipped to the axis. Its label is drawn over the gridlines, below.
    let band_from = annotation.from.as_year_fraction().max(x_range.start);
    let band_to = annotation.to.end_as_year_fraction().min(x_range.end);
    let mut band_label = None;
    if band_from < band_to {
        let (band_left, band_top) = at(band_from, y_range.end);
        let (band_right, band_bottom) = at(band_to, y_range.start);
        area.draw(&Rectangle::new(
            [(band_left, band_top), (band_right, band_bottom)],
            palette.band.filled(),
        ))?;
        if let Some(edge) = palette.band_edge {
            area.draw(&Rectangle::new(
                [(band_left, band_top), (band_right, band_bottom)],
                edge.stroke_width(l.size(1.0)),
            ))?;
        }
        let band = Band {
            left: band_left,
            top: band_top,
            right: band_right,
            bottom: band_bottom,
        };
        let lines = label_lines(annotation, l.compact);
        // Clear of the whole line, not only of what the entrance animation has drawn yet.
        let top = band.label_top(&lines, &positions, l.ratio);
        band_label = Some((band, top, lines));
    }

    // Gridlines with their labels left of the plot; the zero line (linear) is the baseline.
    for tick in y_ticks {
        let is_baseline = scale == YScale::Linear && tick.at == 0.0;
        let (color, width) = if is_baseline {
            (palette.baseline, 1.5)
        } else {
            (palette.grid, 1.0)
        };
        let (plot_left, y) = at(x_range.start, tick.at);
        area.draw(&PathElement::new(
            vec![(plot_left, y), at(x_range.end, tick.at)],
            color.stroke_width(l.size(width)),
        ))?;
        area.draw(&Text::new(
            tick.label,
            (plot_left - l.px(8.0), y),
            tick_font
                .clone()
                .color(&palette.muted_text)
                .pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    if scale == YScale::Log {
        // No zero on a log axis: a plain axis line at the bottom instead.
        area.draw(&PathElement::new(
            vec![
                at(x_range.start, y_range.start),
                at(x_range.end, y_range.start),
            ],
            palette.baseline.stroke_width(l.size(1.5)),
        ))?;
    }

    let label_box = band_label
        .as_ref()
        .map(|(band, label_top, lines)| band.label_box(lines, *label_top, l.ratio));
    if let Some((band, top, lines)) = band_label {
        let height = l.px(LINE_HEIGHT * lines.len() as f64);
        if top != band.label_top_at_top(l.ratio) {
            // At the band's bottom, where gridlines run: the band's colour behind the label.
            let inside = l.px(1.0) + 1;
            area.draw(&Rectangle::new(
                [
                    (band.left + inside, top - l.px(2.0)),
                    (band.right - inside, top + height),
                ],
                palette.band.filled(),
            ))?;
        }
        let label_font = l.font(false).color(&palette.band_text);
        for (i, line) in lines.into_iter().enumerate() {
            let y = top + l.px(LINE_HEIGHT * i as f64);
            area.draw(&Text::new(
                line,
                (band.left + l.px(INSET), y),
                label_font.clone(),
            ))?;
        }
    }

    // Year ticks below the axis.
    for tick in x_ticks {
        let (x, bottom) = at(tick.at, y_range.start);
        area.draw(&PathElement::new(
            vec![(x, bottom), (x, bottom + l.px(5.0))],
            palette.baseline.stroke_width(l.size(1.0)),
        ))?;
        area.draw(&Text::new(
            tick.label,
            (x, bottom + l.px(8.0)),
            tick_font
                .clone()
                .color(&palette.muted_text)
                .pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }

    // The line, drawn up to `progress` of its length; dashed where a date is approximate.
    let line_style = palette.line.stroke_width(l.size(3.0));
    let visible = visible_segments(&positions, frame.progress);
    for (i, segment) in visible.iter().enumerate() {
        let approximate = points[i].approximate || points[i + 1].approximate;
        if approximate {
            area.draw(&DashedPathElement::new(
                segment.to_vec(),
                l.size(6.0),
                l.size(4.0),
                line_style,
            ))?;
        } else {
            area.draw(&PathElement::new(segment.to_vec(), line_style))?;
        }
    }

    // Markers and value labels for the points the line has reached.
    let reached = reached_points(&positions, frame.progress);
    let value_font = l.font(true);
    for (&(x, y), point) in positions.iter().zip(points).take(reached) {
        let radius = l.size(MARKER_RADIUS);
        // A ring of background colour keeps the marker readable where it meets the line.
        area.draw(&Circle::new(
            (x, y),
            radius + l.size(2.0),
            palette.background.filled(),
        ))?;
        if point.approximate {
            area.draw(&Circle::new(
                (x, y),
                radius,
                palette.line.stroke_width(l.size(2.5)),
            ))?;
        } else {
            area.draw(&Circle::new((x, y), radius, palette.line.filled()))?;
        }
        area.draw(&Text::new(
            thousands(point.value).as_str(),
            (x, y - l.px(HALO_RADIUS + LABEL_GAP)),
            value_font
                .clone()
                .color(&palette.text)
                .pos(Pos::new(HPos::Center, VPos::Bottom)),
        ))?;
    }

    let (_, bottom) = at(x_range.start, y_range.start);
    Ok(Geometry {
        points: positions
            .iter()
            .map(|&(x, y)| (f64::from(x + left), f64::from(y + top)))
            .collect(),
        plot_bottom: f64::from(bottom + top),
        label: label_box.map(|(x, y, width, height)| Rect {
            x: f64::from(x + left),
            y: f64::from(y + top),
            width: f64::from(width),
            height: f64::from(height),
        }),
    })
}

/// The chart's text size (CSS pixels), every label at every width: the page's small text size,
/// so the page and the chart share one font instance per weight (each further size is one more
/// for the first layout to set up).
pub const TEXT_SIZE: f64 = 14.0;

/// Marker radius, and the radius of the ring around a selected marker (CSS pixels; the ring
/// itself is HTML: `.chart-marker` in style/main.css). Value labels sit above the ring.
const MARKER_RADIUS: f64 = 5.0;
pub const HALO_RADIUS: f64 = 9.0;
/// Between the ring and the bottom of a value label.
pub const LABEL_GAP: f64 = 3.0;

/// The annotation label, split in two at the space nearest its middle on small screens.
fn label_lines(annotation: &Annotation, compact: bool) -> Vec<&'static str> {
    let label = annotation.label;
    if !compact {
        return vec![label];
    }
    let middle = label.len() / 2;
    let split = label
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(middle));
    match split {
        Some(i) => vec![&label[..i], &label[i + 1..]],
        None => vec![label],
    }
}

/// Distance along the polyline from its start to each point (0 for the first).
fn distances(positions: &[(i32, i32)]) -> Vec<f64> {
    let mut travelled = 0.0;
    let mut out = Vec::with_capacity(positions.len());
    for (i, &(x, y)) in positions.iter().enumerate() {
        if i > 0 {
            let (px, py) = positions[i - 1];
            let (dx, dy) = (f64::from(x - px), f64::from(y - py));
            // Not `hypot`, whose care for overflow links libm's code into the wasm (186 bytes
            // gzip): pixel distances cannot overflow.
            travelled += (dx * dx + dy * dy).sqrt();
        }
        out.push(travelled);
    }
    out
}

/// The polyline cut at `progress` (0–1) of its total length: one pixel path per segment begun.
pub fn visible_segments(positions: &[(i32, i32)], progress: f64) -> Vec<[(i32, i32); 2]> {
    let along = distances(positions);
    let drawn = along.last().copied().unwrap_or(0.0) * progress.clamp(0.0, 1.0);
    let mut segments = Vec::new();
    for (i, pair) in positions.windows(2).enumerate() {
        let (a, b, start, end) = (pair[0], pair[1], along[i], along[i + 1]);
        if drawn <= start {
            break;
        }
        if drawn >= end {
            segments.push([a, b]);
        } else {
            let t = (drawn - start) / (end - start);
            let cut = (
                a.0 + (f64::from(b.0 - a.0) * t).round() as i32,
                a.1 + (f64::from(b.1 - a.1) * t).round() as i32,
            );
            segments.push([a, cut]);
        }
    }
    segments
}

/// How many points the line has reached at `progress`: the first at once, each next one when
/// the line arrives at it.
fn reached_points(positions: &[(i32, i32)], progress: f64) -> usize {
    let along = distances(positions);
    let drawn = along.last().copied().unwrap_or(0.0) * progress.clamp(0.0, 1.0);
    along.iter().filter(|d| **d <= drawn + 0.5).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_progress_draws_every_segment_whole() {
        let points = [(0, 0), (100, 0), (100, 50)];
        assert_eq!(
            visible_segments(&points, 1.0),
            vec![[(0, 0), (100, 0)], [(100, 0), (100, 50)]]
        );
    }

    #[test]
    fn partial_progress_cuts_the_line_by_length() {
        // Total length 150: 40% is 60 px, inside the first segment.
        let points = [(0, 0), (100, 0), (100, 50)];
        assert_eq!(visible_segments(&points, 0.4), vec![[(0, 0), (60, 0)]]);
        // 80% is 120 px: the whole first segment and 20 px of the second.
        assert_eq!(
            visible_segments(&points, 0.8),
            vec![[(0, 0), (100, 0)], [(100, 0), (100, 20)]]
        );
        assert!(visible_segments(&points, 0.0).is_empty());
    }

    #[test]
    fn points_appear_as_the_line_reaches_them() {
        // The second point is 100 px along a 150 px line: reached at two thirds.
        let points = [(0, 0), (100, 0), (100, 50)];
        assert_eq!(reached_points(&points, 0.0), 1);
        assert_eq!(reached_points(&points, 0.6), 1);
        assert_eq!(reached_points(&points, 0.67), 2);
        assert_eq!(reached_points(&points, 1.0), 3);
    }

    #[test]
    fn long_annotation_labels_wrap_on_small_screens() {
        let annotation = Annotation {
            label: "“Fixed grip on gangs”",
            from: crate::content::YearMonth {
                year: 2014,
                month: 1,
            },
            to: crate::content::YearMonth {
                year: 2014,
                month: 12,
            },
            note: "",
        };
        assert_eq!(label_lines(&annotation, false), ["“Fixed grip on gangs”"]);
        assert_eq!(label_lines(&annotation, true), ["“Fixed grip", "on gangs”"]);
    }

    #[test]
    fn layout_scales_css_pixels_by_the_ratio() {
        let l = Layout::new(375.0, 2.0);
        assert!(l.compact);
        assert_eq!(l.px(5.0), 10);
        assert_eq!(l.size(0.2), 1);
        assert!(!Layout::new(640.0, 1.0).compact);
    }
}

/// The same drawing on a sub-area must land exactly where it lands alone, shifted by the
/// sub-area's offset: the exported image draws the chart below its title this way.
#[cfg(all(test, feature = "ssr"))]
mod backend_tests {
    use super::*;
    use crate::chart::theme::LIGHT;
    use crate::content::CHART;

    fn frame() -> Frame<'static> {
        Frame {
            points: CHART.points,
            annotation: &CHART.annotation,
            axes: &CHART.axes,
            scale: YScale::Linear,
            progress: 1.0,
            palette: &LIGHT,
            layout: Layout::new(640.0, 1.0),
        }
    }

    /// (x, y) of every `<text>` whose content is `label`.
    fn text_positions(svg: &str, label: &str) -> Vec<(i32, i32)> {
        svg.split("<text ")
            .skip(1)
            .filter(|t| t.contains(&format!(">\n{label}\n</text>")))
            .map(|t| {
                let number = |name: &str| -> i32 {
                    let start = t.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                    let end = start + t[start..].find('"').unwrap();
                    t[start..end].parse().unwrap()
                };
                (number("x"), number("y"))
            })
            .collect()
    }

    /// The y of the annotation label's first line, drawn `width` × `height` on `scale`.
    fn label_y(width: u32, height: u32, scale: YScale) -> i32 {
        let mut svg = String::new();
        let layout = Layout::new(f64::from(width), 1.0);
        {
            let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
            draw(
                &area,
                &Frame {
                    scale,
                    layout,
                    ..frame()
                },
            )
            .unwrap();
        }
        let first = label_lines(&CHART.annotation, layout.compact)[0];
        text_positions(&svg, first)[0].1
    }

    #[test]
    fn on_the_narrowest_screens_the_annotation_label_leaves_the_rising_line() {
        // The canvas on a 280 px screen is 248 × 207: the line, rising to its top right, ran
        // through the label's second line at the band's top (seen in screenshots). The label
        // goes to the band's bottom, in the lower half of the plot, on both scales.
        assert!(label_y(248, 207, YScale::Linear) > 207 / 2);
        assert!(label_y(248, 207, YScale::Log) > 207 / 2);
        // From 320 px (the static compact chart is 343 × 286) it stays at the top.
        assert!(label_y(343, 286, YScale::Linear) < 60);
        assert!(label_y(592, 333, YScale::Linear) < 60);
    }

    #[test]
    fn the_geometry_holds_the_box_the_annotation_label_is_drawn_in() {
        // At the band's top (640 px) and at its bottom, on two lines (248 px).
        for (width, height) in [(640, 360), (248, 207)] {
            let mut svg = String::new();
            let layout = Layout::new(f64::from(width), 1.0);
            let geometry = {
                let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
                draw(&area, &Frame { layout, ..frame() }).unwrap()
            };
            let lines = label_lines(&CHART.annotation, layout.compact);
            let label = geometry.label.unwrap();
            let first = text_positions(&svg, lines[0])[0];
            assert_eq!(
                (label.x, label.y),
                (f64::from(first.0), f64::from(first.1)),
                "{width} px"
            );
            // Its lines' height, and as wide as the longest is counted (6.8 px a character).
            assert_eq!(label.height, 17.0 * lines.len() as f64, "{width} px");
            let longest = lines.iter().map(|l| l.chars().count()).max().unwrap();
            assert_eq!(label.width, (longest as f64 * 6.8).round(), "{width} px");
        }
    }

    #[test]
    fn drawing_on_a_lower_sub_area_shifts_everything_by_its_offset() {
        let mut alone = String::new();
        let alone_positions = {
            let area = SVGBackend::with_string(&mut alone, (640, 360)).into_drawing_area();
            draw(&area, &frame()).unwrap()
        };
        let mut stacked = String::new();
        let stacked_positions = {
            let root = SVGBackend::with_string(&mut stacked, (640, 460)).into_drawing_area();
            let (_, below) = root.split_vertically(100);
            draw(&below, &frame()).unwrap()
        };
        for (a, b) in alone_positions.points.iter().zip(&stacked_positions.points) {
            assert_eq!((a.0, a.1 + 100.0), *b);
        }
        assert_eq!(
            alone_positions.plot_bottom + 100.0,
            stacked_positions.plot_bottom
        );
        let label = alone_positions.label.unwrap();
        assert_eq!(
            stacked_positions.label,
            Some(Rect {
                y: label.y + 100.0,
                ..label
            })
        );
        // The top y tick, a year, the last and the first value: whatever the content file.
        let labels = [
            CHART.axes.linear.ticks.last().unwrap().label.to_string(),
            CHART.axes.x.ticks[1].label.to_string(),
            thousands(CHART.points.last().unwrap().value),
            thousands(CHART.points[0].value),
        ];
        for label in labels.iter().map(String::as_str) {
            let a = text_positions(&alone, label);
            let b = text_positions(&stacked, label);
            assert!(!a.is_empty(), "no label {label}");
            let shifted: Vec<_> = a.iter().map(|(x, y)| (*x, y + 100)).collect();
            assert_eq!(shifted, b, "label {label}");
        }
    }
}
