//! The static chart: the same drawing code as the canvas, through plotters' `SVGBackend`, as
//! one SVG per layout whose colours come from the page's CSS, so it follows the light or dark
//! theme (and print) without JavaScript.

use html_escape::encode_double_quoted_attribute;
use plotters::prelude::*;

use crate::chart::draw::{draw, Frame, Layout};
use crate::chart::scale::YScale;
use crate::chart::theme::{Palette, FONT_FAMILY, LIGHT};
use crate::content::Chart;

/// The static chart's two layouts, matching the CSS (`.chart-box` aspect ratios and the
/// container query at `Layout::COMPACT_BELOW`).
const WIDE: (u32, u32) = (640, 360);
const COMPACT: (u32, u32) = (360, 300);

/// plotters' SVG backend writes `font-size = size / 1.24`; the canvas uses `size` px.
const SVG_FONT_SCALE: f64 = 1.24;

/// Each palette colour's name in the stylesheet: `fill` in that colour becomes the class
/// `f-<name>`, `stroke` the class `s-<name>`, and style/main.css paints `.f-line` with
/// `var(--line)` and so on, in the theme the reader's browser is in.
fn colour_names(palette: &Palette) -> [(RGBColor, &'static str); 8] {
    [
        (palette.background, "bg"),
        (palette.text, "text"),
        (palette.muted_text, "muted"),
        (palette.grid, "rule"),
        (palette.baseline, "baseline"),
        (palette.line, "accent"),
        (palette.band, "band"),
        (palette.band_text, "band-text"),
    ]
}

/// The two layouts, each classed so CSS shows the one that fits.
pub fn chart_svgs(chart: &Chart) -> String {
    let mut out = String::new();
    for (layout_name, size) in [("wide", WIDE), ("compact", COMPACT)] {
        let classes = format!(r#"class="chart-svg chart-svg--{layout_name}" aria-hidden="true""#);
        out.push_str(&chart_svg(chart, size).replacen("<svg ", &format!("<svg {classes} "), 1));
    }
    out
}

/// One static chart, themed by CSS. Sized by its viewBox only, so CSS can scale it to the
/// chart box.
fn chart_svg(chart: &Chart, (width, height): (u32, u32)) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let mut layout = Layout::new(f64::from(width), 1.0);
        layout.font_scale = SVG_FONT_SCALE;
        let frame = Frame {
            points: chart.points,
            annotation: &chart.annotation,
            axes: &chart.axes,
            scale: YScale::Linear,
            progress: 1.0,
            // Its eight colours are distinct, so each names one role.
            palette: &LIGHT,
            layout,
        };
        draw(&area, &frame).expect("drawing into a String cannot fail");
        area.present().expect("drawing into a String cannot fail");
    }
    let sized = svg.replacen(&format!(r#"width="{width}" height="{height}" "#), "", 1);
    colours_as_classes(&merge_dashes(&tidy_svg(&sized)), &LIGHT)
}

/// `fill="#1F5FA8"` → `class="f-accent"` (and `stroke` → `s-…`) for every colour of
/// `palette`, merged into one `class` attribute per element.
fn colours_as_classes(svg: &str, palette: &Palette) -> String {
    // Each attribute as plotters writes it, with the class that replaces it.
    let replacements: Vec<(String, String)> = colour_names(palette)
        .iter()
        .flat_map(|(colour, name)| {
            let hex = format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2);
            [("fill", "f"), ("stroke", "s")].map(|(attribute, prefix)| {
                (
                    format!(r#" {attribute}="{hex}""#),
                    format!("{prefix}-{name}"),
                )
            })
        })
        .collect();
    let mut out = String::with_capacity(svg.len());
    for (i, tag) in svg.split('<').enumerate() {
        if i > 0 {
            out.push('<');
        }
        let mut tag = tag.to_string();
        let mut classes = Vec::new();
        for (written, class) in &replacements {
            if tag.contains(written.as_str()) {
                tag = tag.replacen(written.as_str(), "", 1);
                classes.push(class.as_str());
            }
        }
        if let (false, Some(end_of_name)) = (classes.is_empty(), tag.find(' ')) {
            tag.insert_str(end_of_name, &format!(r#" class="{}""#, classes.join(" ")));
        }
        out.push_str(&tag);
    }
    out
}

/// plotters draws a dashed line as one two-point `<polyline>` per dash. A run of three or more
/// equal dashes in a straight line becomes one polyline with `stroke-dasharray`: the same
/// picture, a tenth of the bytes (the page's largest single saving in the SVG).
fn merge_dashes(svg: &str) -> String {
    let lines: Vec<&str> = svg.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let run = dash_run(&lines[i..]);
        if run.len() >= 3 {
            let (attributes, first) = &run[0];
            let (_, last) = run[run.len() - 1];
            // The pattern, averaged over the run: the dashes' ends are rounded to pixels.
            let whole = &run[..run.len() - 1];
            let dash = whole
                .iter()
                .map(|(_, (a, b))| distance(*a, *b))
                .sum::<f64>()
                / whole.len() as f64;
            let period = distance(first.0, whole[whole.len() - 1].1 .0) / (whole.len() - 1) as f64;
            let (dash, gap) = (dash.round(), (period - dash).round());
            out.push(format!(
                r#"<polyline {attributes} stroke-dasharray="{dash} {gap}" points="{},{} {},{}"/>"#,
                first.0 .0, first.0 .1, last.1 .0, last.1 .1
            ));
            i += run.len();
        } else {
            out.push(lines[i].to_string());
            i += 1;
        }
    }
    out.join("\n")
}

type Segment = ((i32, i32), (i32, i32));

/// The dashes at the start of `lines`: two-point polylines with the same other attributes,
/// each as long as the first (the last may be shorter), equally spaced, on one straight line
/// (every end within a pixel and a half of the line from the first start to the last end,
/// so a run never cuts a corner where two dashed segments meet).
fn dash_run<'a>(lines: &[&'a str]) -> Vec<(&'a str, Segment)> {
    const SLACK: f64 = 1.5;
    let mut run: Vec<(&str, Segment)> = Vec::new();
    for line in lines {
        let Some((attributes, segment)) = two_point_polyline(line) else {
            break;
        };
        if let Some(&(first_attributes, first)) = run.first() {
            let (_, previous) = run[run.len() - 1];
            let dash = distance(first.0, first.1);
            let previous_is_whole = (distance(previous.0, previous.1) - dash).abs() <= SLACK;
            let gap_fits = match run.get(1) {
                Some(&(_, second)) => {
                    let gap = distance(first.1, second.0);
                    (distance(previous.1, segment.0) - gap).abs() <= SLACK
                }
                None => true,
            };
            let straight = run
                .iter()
                .flat_map(|(_, (a, b))| [*a, *b])
                .chain([segment.0])
                .all(|point| off_line(first.0, segment.1, point) <= SLACK);
            if attributes != first_attributes
                || distance(segment.0, segment.1) > dash + SLACK
                || !previous_is_whole
                || !gap_fits
                || !straight
            {
                break;
            }
        }
        run.push((attributes, segment));
    }
    run
}

/// `<polyline ATTRIBUTES points="x1,y1 x2,y2 "/>` → (ATTRIBUTES, segment).
fn two_point_polyline(line: &str) -> Option<(&str, Segment)> {
    let rest = line.strip_prefix("<polyline ")?.strip_suffix(r#" "/>"#)?;
    let (attributes, points) = rest.split_once(r#" points=""#)?;
    let mut coordinates = points.split([' ', ',']).map(|n| n.parse::<i32>().ok());
    let segment = (
        (coordinates.next()??, coordinates.next()??),
        (coordinates.next()??, coordinates.next()??),
    );
    coordinates
        .next()
        .is_none()
        .then_some((attributes, segment))
}

fn distance(a: (i32, i32), b: (i32, i32)) -> f64 {
    f64::from(b.0 - a.0).hypot(f64::from(b.1 - a.1))
}

/// How far `c` lies from the line through `a` and `b`.
fn off_line(a: (i32, i32), b: (i32, i32), c: (i32, i32)) -> f64 {
    let (abx, aby) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
    let (acx, acy) = (f64::from(c.0 - a.0), f64::from(c.1 - a.1));
    (abx * acy - aby * acx).abs() / abx.hypot(aby).max(1.0)
}

/// plotters' SVG repeats the font family on every `<text>`, writes `opacity="1"` and other
/// defaults everywhere, prints font sizes like `13.000000000000002` and wraps each label in
/// newlines. The same picture in fewer bytes (≈ 40% less to parse before first paint): no
/// family (the text inherits the page's sans stack, `FONT_FAMILY`, from `.chart-figure` in
/// style/main.css), defaults dropped, sizes rounded, labels trimmed.
fn tidy_svg(svg: &str) -> String {
    let family = format!(
        r#" font-family="{}""#,
        encode_double_quoted_attribute(FONT_FAMILY)
    );
    let mut out = svg
        .replace(&family, "")
        .replace(r#" opacity="1""#, "")
        // SVG's defaults: no stroke, text anchored at its start.
        .replace(r#" stroke="none" stroke-width="1""#, "")
        .replace(r#" stroke="none""#, "")
        .replace(r#" text-anchor="start""#, "")
        // Lines are never filled (style/main.css: `.chart-svg polyline`).
        .replace(r#"<polyline fill="none" "#, "<polyline ");
    out = round_font_sizes(&out);
    // `>\nlabel\n</text>` → `>label</text>`: trim the text before each `</text>`.
    let mut parts: Vec<String> = out.split("</text>").map(str::to_string).collect();
    let last = parts.len() - 1;
    for part in &mut parts[..last] {
        if let Some(at) = part.rfind('>') {
            let label = part[at + 1..].trim_matches('\n').to_string();
            part.truncate(at + 1);
            part.push_str(&label);
        }
    }
    parts.join("</text>")
}

/// `font-size="13.000000000000002"` → `font-size="13"`; keeps two decimals at most.
fn round_font_sizes(svg: &str) -> String {
    const KEY: &str = r#"font-size=""#;
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find(KEY) {
        let value_start = at + KEY.len();
        out.push_str(&rest[..value_start]);
        let value_end = value_start + rest[value_start..].find('"').unwrap_or(0);
        let value = &rest[value_start..value_end];
        match value.parse::<f64>() {
            Ok(size) => {
                let hundredths = (size * 100.0).round() as u64;
                let text = format!("{}.{:02}", hundredths / 100, hundredths % 100);
                out.push_str(text.trim_end_matches('0').trim_end_matches('.'));
            }
            Err(_) => out.push_str(value),
        }
        rest = &rest[value_end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::theme::DARK;
    use crate::content::CHART;

    const STYLESHEET: &str = include_str!("../../style/main.css");

    /// `--name: #hex;` pairs of the first rule in `css` that starts at `from`.
    fn custom_properties(css: &str, from: &str) -> Vec<(String, String)> {
        let start = css
            .find(from)
            .unwrap_or_else(|| panic!("no {from} in main.css"));
        let block = &css[start..start + css[start..].find('}').unwrap()];
        block
            .lines()
            .filter_map(|line| {
                let (name, value) = line.trim().strip_prefix("--")?.split_once(':')?;
                Some((
                    name.to_string(),
                    value.trim().trim_end_matches(';').to_string(),
                ))
            })
            .collect()
    }

    fn hex(colour: RGBColor) -> String {
        format!("#{:02x}{:02x}{:02x}", colour.0, colour.1, colour.2)
    }

    #[test]
    fn the_stylesheet_gives_each_chart_colour_the_palette_value_in_both_themes() {
        let light = custom_properties(STYLESHEET, ":root {");
        let dark = custom_properties(
            STYLESHEET,
            "@media (prefers-color-scheme: dark) {\n  :root {",
        );
        for (properties, palette) in [(light, LIGHT), (dark, DARK)] {
            for (colour, name) in colour_names(&palette) {
                let value = properties.iter().find(|(n, _)| n == name).map(|(_, v)| v);
                assert_eq!(value, Some(&hex(colour)), "--{name}");
            }
        }
    }

    #[test]
    fn every_colour_class_of_the_static_chart_is_painted_by_the_stylesheet() {
        let svgs = chart_svgs(&CHART);
        assert!(!svgs.contains(" fill=\"#"), "a colour left as an attribute");
        assert!(
            !svgs.contains(" stroke=\"#"),
            "a colour left as an attribute"
        );
        let mut used = 0;
        for (_, name) in colour_names(&LIGHT) {
            for (prefix, property) in [("f", "fill"), ("s", "stroke")] {
                let class = format!("{prefix}-{name}");
                let in_svg = svgs.split(['"', ' ']).any(|word| word == class);
                let rule = format!(".{class} {{\n  {property}: var(--{name});");
                if in_svg {
                    used += 1;
                    assert!(STYLESHEET.contains(&rule), "main.css has no rule {rule}");
                }
            }
        }
        // The band, its label, the grid, the baseline, the line, the markers, the text.
        assert!(used >= 8, "only {used} colour classes");
    }

    #[test]
    fn colours_become_one_class_attribute_per_element() {
        let svg = r##"<svg viewBox="0 0 1 1"><circle r="2" fill="#1F5FA8" stroke="#E3E5E8"/><text fill="#123456">x</text></svg>"##;
        assert_eq!(
            colours_as_classes(svg, &LIGHT),
            r##"<svg viewBox="0 0 1 1"><circle class="s-rule f-accent" r="2"/><text fill="#123456">x</text></svg>"##
        );
    }

    #[test]
    fn a_run_of_dashes_becomes_one_dashed_polyline() {
        let dash = |(x1, y1): (i32, i32), (x2, y2): (i32, i32)| {
            format!(
                r#"<polyline class="s-accent" fill="none" stroke-width="3" points="{x1},{y1} {x2},{y2} "/>"#
            )
        };
        // Dashes 6 long, 4 apart, along y = x / 2; then a solid segment on another slope.
        let mut lines: Vec<String> = (0..5)
            .map(|i| {
                let x = i * 10;
                dash((x, x / 2), (x + 6, (x + 6) / 2))
            })
            .collect();
        lines.push(dash((50, 25), (90, 5)));
        lines.push("</svg>".into());
        let merged = merge_dashes(&lines.join("\n"));
        assert_eq!(
            merged,
            [
                r#"<polyline class="s-accent" fill="none" stroke-width="3" stroke-dasharray="7 4" points="0,0 46,23"/>"#.to_string(),
                dash((50, 25), (90, 5)),
                "</svg>".into(),
            ]
            .join("\n")
        );
    }

    #[test]
    fn dashes_around_a_corner_are_not_merged_into_one_line() {
        let dash = |x1: i32, y1: i32, x2: i32, y2: i32| {
            format!(r#"<polyline class="s-accent" points="{x1},{y1} {x2},{y2} "/>"#)
        };
        // Three dashes east, then three dashes south: two runs, never one line.
        let svg = [
            dash(0, 0, 6, 0),
            dash(10, 0, 16, 0),
            dash(20, 0, 26, 0),
            dash(30, 0, 30, 6),
            dash(30, 10, 30, 16),
            dash(30, 20, 30, 26),
        ]
        .join("\n");
        let merged = merge_dashes(&svg);
        assert_eq!(merged.lines().count(), 2, "{merged}");
        assert!(merged.contains(r#"points="0,0 26,0""#), "{merged}");
        assert!(merged.contains(r#"points="30,0 30,26""#), "{merged}");
    }

    #[test]
    fn the_static_svg_keeps_its_view_box_but_no_fixed_size() {
        let svg = chart_svg(&CHART, WIDE);
        assert!(!svg.contains("font-family"), "{}", &svg[..80]);
        assert!(svg.contains(r#" viewBox="0 0 640 360""#), "{}", &svg[..200]);
        assert!(!svg.contains(r#"width="640""#));
    }

    #[test]
    fn tidying_keeps_the_picture_and_drops_repetition() {
        let family = encode_double_quoted_attribute(FONT_FAMILY);
        let raw = format!(
            "<svg viewBox=\"0 0 10 10\">\n<text x=\"1\" y=\"2\" text-anchor=\"start\" font-family=\"{family}\" font-size=\"13.000000000000002\" opacity=\"1\" fill=\"#000\">\n35\n</text>\n<circle r=\"2\" opacity=\"1\" fill=\"#111\" stroke=\"none\" stroke-width=\"1\"/>\n<polyline fill=\"none\" stroke=\"#111\" points=\"0,0 1,1 \"/>\n</svg>\n"
        );
        assert_eq!(
            tidy_svg(&raw),
            format!(
                "<svg viewBox=\"0 0 10 10\">\n<text x=\"1\" y=\"2\" font-size=\"13\" fill=\"#000\">35</text>\n<circle r=\"2\" fill=\"#111\"/>\n<polyline stroke=\"#111\" points=\"0,0 1,1 \"/>\n</svg>\n"
            )
        );
        assert_eq!(
            round_font_sizes(r#"font-size="10.4839""#),
            r#"font-size="10.48""#
        );
        assert_eq!(round_font_sizes(r#"font-size="x""#), r#"font-size="x""#);
    }
}
