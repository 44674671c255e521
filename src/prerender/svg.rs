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
/// container query at `Layout::COMPACT_BELOW`), each drawn at the size the canvas that replaces
/// it will have, so the handover moves nothing: the same drawing at the same size (a scaled
/// SVG has its labels a size off and its band, gridlines and values moved by pixels; measured
/// by end2end/tests/picture.spec.mjs).
/// - wide: the article's column from 640 px windows up (`main`: 40rem less 2 × 1.5rem
///   padding), 16 : 9;
/// - compact: the column at a 375 px phone (less 2 × 1rem padding), 6 : 5 rounded to whole
///   pixels (the CSS box is 343 : 286 too: a box 285.8 px high scales the SVG by 0.9994, and
///   every line lands between two rows of pixels). Other widths scale it a little.
const WIDE: (u32, u32) = (592, 333);
const COMPACT: (u32, u32) = (343, 286);

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
    // The light palette's eight colours are distinct, so each names one role.
    let svg = drawn_svg(chart, (width, height), 1.0, &LIGHT);
    let sized = svg.replacen(&format!(r#"width="{width}" height="{height}" "#), "", 1);
    colours_as_classes(&merge_polylines(&tidy_svg(&sized)), &LIGHT)
}

/// The chart as plotters draws it on an SVG of `width` × `height` backend pixels, at `ratio`
/// backend pixels per CSS pixel, in `palette`'s colours (as attributes) and the page's font
/// stack: the static chart before CSS theming, and the social card's chart (`card.rs`).
pub(super) fn drawn_svg(
    chart: &Chart,
    (width, height): (u32, u32),
    ratio: f64,
    palette: &Palette,
) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let mut layout = Layout::new(f64::from(width) / ratio, ratio);
        layout.font_scale = SVG_FONT_SCALE;
        let frame = Frame {
            points: chart.points,
            annotation: &chart.annotation,
            axes: &chart.axes,
            scale: YScale::Linear,
            progress: 1.0,
            palette,
            layout,
        };
        draw(&area, &frame).expect("drawing into a String cannot fail");
        area.present().expect("drawing into a String cannot fail");
    }
    svg
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

/// plotters draws a dashed line as one two-point `<polyline>` per dash, each end rounded to a
/// pixel, as it does on the canvas. A run of polylines with the same attributes (the dashes,
/// and the solid segments after them) becomes one `<path>` with a subpath per polyline, in
/// relative moves (`M68 255l6-2m4-1l6-2…`, which compresses to almost nothing): exactly the
/// canvas's strokes (a `stroke-dasharray` would put each dash's ends a fraction of a pixel
/// elsewhere, which shows at the handover), a tenth of the bytes.
pub(super) fn merge_polylines(svg: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut run: Vec<(&str, Vec<(i32, i32)>)> = Vec::new();
    let flush = |run: &mut Vec<(&str, Vec<(i32, i32)>)>, out: &mut Vec<String>| {
        match run.len() {
            0 => {}
            1 => out.push(polyline_line(run[0].0, &run[0].1)),
            _ => out.push(path_of(run[0].0, run.iter().map(|(_, points)| &points[..]))),
        }
        run.clear();
    };
    for line in svg.split('\n') {
        match polyline(line) {
            Some((attributes, points)) if run.first().is_none_or(|(a, _)| *a == attributes) => {
                run.push((attributes, points))
            }
            Some((attributes, points)) => {
                flush(&mut run, &mut out);
                run.push((attributes, points));
            }
            None => {
                flush(&mut run, &mut out);
                out.push(line.to_string());
            }
        }
    }
    flush(&mut run, &mut out);
    out.join("\n")
}

/// `<polyline ATTRIBUTES points="x1,y1 x2,y2 … "/>` → (ATTRIBUTES, points).
fn polyline(line: &str) -> Option<(&str, Vec<(i32, i32)>)> {
    let rest = line.strip_prefix("<polyline ")?.strip_suffix(r#""/>"#)?;
    let (attributes, points) = rest.split_once(r#" points=""#)?;
    let points = points
        .split_whitespace()
        .map(|point| {
            let (x, y) = point.split_once(',')?;
            Some((x.parse().ok()?, y.parse().ok()?))
        })
        .collect::<Option<Vec<(i32, i32)>>>()?;
    (points.len() >= 2).then_some((attributes, points))
}

fn polyline_line(attributes: &str, points: &[(i32, i32)]) -> String {
    let points: Vec<String> = points.iter().map(|(x, y)| format!("{x},{y}")).collect();
    format!(r#"<polyline {attributes} points="{}"/>"#, points.join(" "))
}

/// One `<path>` of the polylines, each a subpath: absolute start, then relative steps.
fn path_of<'a>(attributes: &str, polylines: impl Iterator<Item = &'a [(i32, i32)]>) -> String {
    let mut d = String::new();
    let mut at: Option<(i32, i32)> = None;
    // `l6-2`, `m4 1`: a minus sign separates two numbers by itself.
    let pair = |(x, y): (i32, i32)| {
        if y < 0 {
            format!("{x}{y}")
        } else {
            format!("{x} {y}")
        }
    };
    for points in polylines {
        let (first, rest) = points.split_first().expect("a polyline has points");
        match at {
            None => d.push_str(&format!("M{}", pair(*first))),
            Some((x, y)) => d.push_str(&format!("m{}", pair((first.0 - x, first.1 - y)))),
        }
        let mut previous = *first;
        for &point in rest {
            d.push_str(&format!(
                "l{}",
                pair((point.0 - previous.0, point.1 - previous.1))
            ));
            previous = point;
        }
        at = Some(previous);
    }
    format!(r#"<path fill="none" {attributes} d="{d}"/>"#)
}

/// plotters' SVG for the page: `compact_svg` (≈ 40% fewer bytes to parse before first paint;
/// the text inherits the page's sans stack, `FONT_FAMILY`, from `.chart-figure` in
/// style/main.css), its lines left unfilled by the stylesheet, and the labels above the points
/// on the canvas's baseline.
fn tidy_svg(svg: &str) -> String {
    let for_the_page = svg
        // Lines are never filled (style/main.css: `.chart-svg polyline`).
        .replace(r#"<polyline fill="none" "#, "<polyline ")
        // Text above its point: plotters' SVG guesses the canvas's `bottom` baseline as
        // `-0.5ex`, a pixel above it in Chromium; `text-after-edge` is the font's own (measured
        // against the canvas: end2end/tests/picture.spec.mjs).
        .replace(r#" dy="-0.5ex""#, r#" dominant-baseline="text-after-edge""#);
    compact_svg(&for_the_page)
}

/// plotters' SVG without its repetition: no font family on each `<text>` (the caller sets one
/// for the whole picture), no `opacity="1"` or other defaults, font sizes rounded, labels
/// trimmed. Draws the same picture, with or without a stylesheet.
pub(super) fn compact_svg(svg: &str) -> String {
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
        .replace(r#" text-anchor="start""#, "");
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
    use crate::chart::theme::{SystemColours, DARK};
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
            "@media screen and (prefers-color-scheme: dark) {\n  :root:where(:not(.theme-light)) {",
        );
        // The embed page's `theme=dark`.
        let chosen_dark = custom_properties(STYLESHEET, ":root:where(.theme-dark) {");
        for (properties, palette) in [(light, LIGHT), (dark, DARK), (chosen_dark, DARK)] {
            for (colour, name) in colour_names(&palette) {
                let value = properties.iter().find(|(n, _)| n == name).map(|(_, v)| v);
                assert_eq!(value, Some(&hex(colour)), "--{name}");
            }
        }
    }

    #[test]
    fn in_forced_colours_the_stylesheet_gives_each_chart_colour_the_canvas_system_colour() {
        // Four distinct stand-ins, so each role's colour names its keyword.
        let stand_ins = [1, 2, 3, 4].map(|v| RGBColor(v, v, v));
        let [canvas, canvas_text, link_text, gray_text] = stand_ins;
        let forced = Palette::forced(SystemColours {
            canvas,
            canvas_text,
            link_text,
            gray_text,
        });
        let properties =
            custom_properties(STYLESHEET, "@media (forced-colors: active) {\n  :root {");
        for (colour, name) in colour_names(&forced) {
            let keyword = stand_ins
                .iter()
                .position(|&c| c == colour)
                .map(|i| SystemColours::KEYWORDS[i].to_string());
            let value = properties.iter().find(|(n, _)| n == name).map(|(_, v)| v);
            assert_eq!(value, keyword.as_ref(), "--{name}");
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
    fn a_run_of_polylines_becomes_one_path_of_the_same_strokes() {
        let line = |points: &str| {
            format!(r##"<polyline stroke="#1F5FA8" stroke-width="3" points="{points} "/>"##)
        };
        // Three dashes, a solid segment, a corner, then something else and a lone line.
        let svg = [
            line("0,0 6,-2"),
            line("10,-3 16,-5"),
            line("20,-6 26,-8"),
            line("26,-8 60,10 70,10"),
            "<text>x</text>".to_string(),
            line("1,1 2,2"),
            r##"<polyline stroke="#000000" points="3,3 4,4 "/>"##.to_string(),
            "</svg>".to_string(),
        ]
        .join("\n");
        assert_eq!(
            merge_polylines(&svg),
            [
                r##"<path fill="none" stroke="#1F5FA8" stroke-width="3" d="M0 0l6-2m4-1l6-2m4-1l6-2m0 0l34 18l10 0"/>"##,
                "<text>x</text>",
                r##"<polyline stroke="#1F5FA8" stroke-width="3" points="1,1 2,2"/>"##,
                r##"<polyline stroke="#000000" points="3,3 4,4"/>"##,
                "</svg>",
            ]
            .join("\n")
        );
    }

    #[test]
    fn the_static_chart_draws_its_dashes_where_the_canvas_does() {
        // plotters' dashes, each end rounded to a pixel (the canvas's strokes), all kept.
        let svg = chart_svg(&CHART, WIDE);
        let path = svg
            .lines()
            .find(|l| l.starts_with("<path "))
            .expect("the line as one path");
        let dashes = path.matches('m').count();
        assert!(dashes >= 10, "{path}");
        assert!(!svg.contains("stroke-dasharray"));
    }

    #[test]
    fn the_static_svg_keeps_its_view_box_but_no_fixed_size() {
        let svg = chart_svg(&CHART, WIDE);
        assert!(!svg.contains("font-family"), "{}", &svg[..80]);
        assert!(svg.contains(r#" viewBox="0 0 592 333""#), "{}", &svg[..200]);
        assert!(!svg.contains(r#"width="592""#));
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
