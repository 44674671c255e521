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
pub const WIDE: (u32, u32) = (640, 360);
pub const COMPACT: (u32, u32) = (360, 300);

/// plotters' SVG backend writes `font-size = size / 1.24`; the canvas uses `size` px.
const SVG_FONT_SCALE: f64 = 1.24;

/// Each palette colour's name in the stylesheet: `fill` in that colour becomes the class
/// `f-<name>`, `stroke` the class `s-<name>`, and style/main.css paints `.f-line` with
/// `var(--line)` and so on, in the theme the reader's browser is in.
pub fn colour_names(palette: &Palette) -> [(RGBColor, &'static str); 8] {
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
pub fn chart_svg(chart: &Chart, (width, height): (u32, u32)) -> String {
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
    colours_as_classes(&tidy_svg(&sized), &LIGHT)
}

/// `fill="#1F5FA8"` → `class="f-accent"` (and `stroke` → `s-…`) for every colour of
/// `palette`, merged into one `class` attribute per element.
fn colours_as_classes(svg: &str, palette: &Palette) -> String {
    let names = colour_names(palette);
    let mut out = String::with_capacity(svg.len());
    for (i, tag) in svg.split('<').enumerate() {
        if i > 0 {
            out.push('<');
        }
        let mut tag = tag.to_string();
        let mut classes = Vec::new();
        for (colour, name) in &names {
            let hex = format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2);
            for (attribute, prefix) in [("fill", "f"), ("stroke", "s")] {
                let written = format!(r#" {attribute}="{hex}""#);
                if tag.contains(&written) {
                    tag = tag.replacen(&written, "", 1);
                    classes.push(format!("{prefix}-{name}"));
                }
            }
        }
        if let (false, Some(end_of_name)) = (classes.is_empty(), tag.find(' ')) {
            tag.insert_str(end_of_name, &format!(r#" class="{}""#, classes.join(" ")));
        }
        out.push_str(&tag);
    }
    out
}

/// plotters' SVG repeats the font family on every `<text>`, writes `opacity="1"` everywhere,
/// prints font sizes like `13.000000000000002` and wraps each label in newlines. The same
/// picture in fewer bytes (≈ 40% less to parse before first paint): the family once on the
/// root (text inherits it), defaults dropped, sizes rounded, labels trimmed.
fn tidy_svg(svg: &str) -> String {
    let family = format!(
        r#" font-family="{}""#,
        encode_double_quoted_attribute(FONT_FAMILY)
    );
    let mut out = svg
        .replace(&family, "")
        .replace(r#" opacity="1""#, "")
        .replace(r#" stroke="none" stroke-width="1""#, r#" stroke="none""#)
        .replacen("<svg ", &format!("<svg{family} "), 1);
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
    fn the_static_svg_keeps_its_view_box_but_no_fixed_size() {
        let svg = chart_svg(&CHART, WIDE);
        assert!(svg.starts_with("<svg font-family="), "{}", &svg[..80]);
        assert!(svg.contains(r#" viewBox="0 0 640 360""#), "{}", &svg[..200]);
        assert!(!svg.contains(r#"width="640""#));
    }

    #[test]
    fn tidying_keeps_the_picture_and_drops_repetition() {
        let family = encode_double_quoted_attribute(FONT_FAMILY);
        let raw = format!(
            "<svg viewBox=\"0 0 10 10\">\n<text x=\"1\" y=\"2\" font-family=\"{family}\" font-size=\"13.000000000000002\" opacity=\"1\" fill=\"#000\">\n35\n</text>\n<circle r=\"2\" opacity=\"1\" fill=\"#111\" stroke=\"none\" stroke-width=\"1\"/>\n</svg>\n"
        );
        assert_eq!(
            tidy_svg(&raw),
            format!(
                "<svg font-family=\"{family}\" viewBox=\"0 0 10 10\">\n<text x=\"1\" y=\"2\" font-size=\"13\" fill=\"#000\">35</text>\n<circle r=\"2\" fill=\"#111\" stroke=\"none\"/>\n</svg>\n"
            )
        );
        assert_eq!(
            round_font_sizes(r#"font-size="10.4839""#),
            r#"font-size="10.48""#
        );
        assert_eq!(round_font_sizes(r#"font-size="x""#), r#"font-size="x""#);
    }
}
