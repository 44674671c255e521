//! "Download image": the chart as one self-contained SVG file, made at build time from the same
//! drawing code as the page's static chart: title, subtitle, chart, description and source,
//! 640 px wide. The PNG beside it is this file at 2× (`prerender::raster`).
//!
//! It must open on its own in any browser and in a vector editor, so it holds everything it
//! needs: colours as plain attributes (no stylesheet, no CSS custom property), a generic font
//! stack (no font file), text as `<text>` (no `foreignObject`), no link to anything.

use html_escape::{encode_double_quoted_attribute, encode_text};
use plotters::prelude::*;

use std::convert::Infallible;

use super::svg::{compact_svg, merge_polylines};
use super::wrap_words;
use crate::chart::draw::{draw, Frame, Layout};
use crate::chart::scale::{YScale, LOG_SCALE_NOTE};
use crate::chart::theme::{Palette, FONT_FAMILY, LIGHT};
use crate::content::Chart;

/// 640 px wide, text inset 20 px, the chart 360 px high.
const WIDTH: f64 = 640.0;
const PADDING: f64 = 20.0;
const CHART_HEIGHT: f64 = 360.0;
const LINE_HEIGHT: f64 = 1.4;

/// plotters' SVG backend writes `font-size = size / 1.24` (see `svg::SVG_FONT_SCALE`).
const SVG_FONT_SCALE: f64 = 1.24;

/// One block of text: its size in px, weight and colour.
struct Block<'a> {
    text: &'a str,
    size: f64,
    bold: bool,
    colour: RGBColor,
}

/// The chart on `scale` as a standalone SVG document, in the light palette (for documents and print).
pub fn chart_svg_file(chart: &Chart, scale: YScale) -> String {
    let palette: &Palette = &LIGHT;
    let text_width = WIDTH - 2.0 * PADDING;
    let source = format!("Source: {}", chart.source);
    let mut header = vec![
        Block {
            text: chart.title,
            size: 22.0,
            bold: true,
            colour: palette.text,
        },
        Block {
            text: chart.subtitle,
            size: 15.0,
            bold: false,
            colour: palette.muted_text,
        },
    ];
    if scale == YScale::Log {
        header.push(Block {
            text: LOG_SCALE_NOTE,
            size: 13.0,
            bold: false,
            colour: palette.muted_text,
        });
    }
    let footer = [
        Block {
            text: chart.description,
            size: 13.0,
            bold: false,
            colour: palette.text,
        },
        Block {
            text: &source,
            size: 12.0,
            bold: false,
            colour: palette.muted_text,
        },
    ];

    let mut body = String::new();
    let mut y = PADDING;
    for block in &header {
        y = write_block(&mut body, block, y, text_width);
    }
    y = (y + PADDING).round();
    body.push_str(&format!(
        "<g transform=\"translate({PADDING} {y})\">\n{}</g>\n",
        chart_drawing(chart, scale, palette, (text_width, CHART_HEIGHT))
    ));
    y += CHART_HEIGHT + PADDING;
    for block in &footer {
        y = write_block(&mut body, block, y, text_width);
    }
    let height = (y + PADDING).ceil();
    format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" ",
            "viewBox=\"0 0 {width} {height}\" font-family=\"{family}\">\n",
            "<title>{title}</title>\n<desc>{desc}</desc>\n",
            "<rect width=\"{width}\" height=\"{height}\" fill=\"{background}\"/>\n",
            "{body}</svg>\n"
        ),
        width = WIDTH,
        height = height,
        family = encode_double_quoted_attribute(FONT_FAMILY),
        title = encode_text(chart.title),
        desc = encode_text(chart.description),
        background = hex(palette.background),
        body = body,
    )
}

/// The chart alone, drawn by `chart::draw` at `size` (the markup inside plotters' `<svg>`).
fn chart_drawing(chart: &Chart, scale: YScale, palette: &Palette, size: (f64, f64)) -> String {
    let (width, height) = (size.0 as u32, size.1 as u32);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let mut layout = Layout::new(size.0, 1.0);
        layout.font_scale = SVG_FONT_SCALE;
        let frame = Frame {
            points: chart.points,
            annotation: &chart.annotation,
            axes: &chart.axes,
            scale,
            progress: 1.0,
            palette,
            layout,
        };
        draw(&area, &frame).expect("drawing into a String cannot fail");
        area.present().expect("drawing into a String cannot fail");
    }
    // Lines merged into paths as on the page (`merge_polylines` adds `fill="none"` to each
    // path; a lone polyline gets it back).
    let merged =
        merge_polylines(&compact_svg(&svg).replace(r#"<polyline fill="none" "#, "<polyline "))
            .replace("<polyline ", r#"<polyline fill="none" "#);
    let inner_start = merged.find('>').map_or(0, |at| at + 1);
    let inner_end = merged.rfind("</svg>").unwrap_or(merged.len());
    merged[inner_start..inner_end].trim_start().to_string()
}

/// Writes `block` as lines of `<text>` from `top`, wrapped to `width`; returns the y below it.
fn write_block(out: &mut String, block: &Block, top: f64, width: f64) -> f64 {
    let line_height = block.size * LINE_HEIGHT;
    let weight = if block.bold {
        r#" font-weight="bold""#
    } else {
        ""
    };
    let mut y = top;
    for line in wrap(block.text, block.size, block.bold, width) {
        // The baseline about one size below the line's top (half the leading, then the ascent).
        let baseline = (y + block.size).round();
        out.push_str(&format!(
            "<text x=\"{PADDING}\" y=\"{baseline}\" font-size=\"{}\"{weight} fill=\"{}\">{}</text>\n",
            block.size,
            hex(block.colour),
            encode_text(&line)
        ));
        y += line_height;
    }
    y
}

/// Greedy word wrap by estimated widths. There are no font metrics at build time, and the
/// reader's font is not known: each character is given a width at the wide end of common sans
/// faces (DejaVu Sans, Arial, Roboto), so lines end short rather than overflow.
fn wrap(text: &str, size: f64, bold: bool, width: f64) -> Vec<String> {
    let estimate = |line: &str| Ok::<_, Infallible>(estimated_width(line, size, bold));
    let Ok(lines) = wrap_words(text, width, &estimate);
    lines
}

/// A text's width in px at `size`, generously estimated (see `wrap`).
fn estimated_width(text: &str, size: f64, bold: bool) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | '’' | '‘' => {
                0.34
            }
            ' ' | 'f' | 't' | 'r' | '(' | ')' | '-' => 0.43,
            '“' | '”' | '"' => 0.47,
            'm' | 'w' | 'M' | 'W' | '%' | '—' => 1.0,
            'A'..='Z' => 0.8,
            _ => 0.65,
        })
        .sum();
    ems * size * if bold { 1.13 } else { 1.0 }
}

fn hex(colour: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", colour.0, colour.1, colour.2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::CHART;

    fn parsed(svg: &str) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed XML: {e}"))
    }

    /// Every text of the file's `<text>` elements, in order, one string per element.
    fn texts(document: &roxmltree::Document) -> Vec<String> {
        document
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| n.text().unwrap_or_default().to_string())
            .collect()
    }

    #[test]
    fn the_file_is_well_formed_svg_with_title_description_and_source() {
        for scale in [YScale::Linear, YScale::Log] {
            let svg = chart_svg_file(&CHART, scale);
            let document = parsed(&svg);
            let root = document.root_element();
            assert_eq!(root.tag_name().name(), "svg");
            assert_eq!(
                root.tag_name().namespace(),
                Some("http://www.w3.org/2000/svg")
            );
            assert_eq!(root.attribute("width"), Some("640"));
            let child = |name: &str| {
                root.children()
                    .find(|n| n.has_tag_name(name))
                    .and_then(|n| n.text())
                    .map(str::to_string)
            };
            assert_eq!(child("title").as_deref(), Some(CHART.title));
            assert_eq!(child("desc").as_deref(), Some(CHART.description));
            // The title, subtitle, description and source as visible text, wrapped into lines.
            let shown = texts(&document).join(" ");
            for text in [
                CHART.title,
                CHART.subtitle,
                CHART.description,
                &format!("Source: {}", CHART.source),
            ] {
                assert!(shown.contains(text), "{text:?} not shown in {shown:?}");
            }
            // The chart: a value label for every point, and the line.
            for point in CHART.points {
                let label = crate::format::thousands(point.value);
                assert!(texts(&document).contains(&label), "no label {label}");
            }
            // The line's colour (the light theme's accent), as plotters writes it.
            assert!(svg.contains(r##"stroke="#1F5FA8""##), "no line");
        }
    }

    #[test]
    fn the_file_needs_nothing_from_outside() {
        let svg = chart_svg_file(&CHART, YScale::Linear);
        for outside in [
            "href=",
            "url(",
            "var(",
            "@import",
            "<style",
            "class=",
            "<image",
            "<foreignObject",
            "<script",
            "http://",
            "https://",
        ] {
            // The SVG namespace is a name, not a request.
            let without_namespace = svg.replace(r#"xmlns="http://www.w3.org/2000/svg""#, "");
            assert!(
                !without_namespace.contains(outside),
                "the SVG file contains {outside}"
            );
        }
        // Colours as plain attribute values, the fonts as a stack ending in a generic family.
        let document = parsed(&svg);
        let root = document.root_element();
        assert!(root
            .attribute("font-family")
            .is_some_and(|family| family.ends_with("sans-serif")));
        for node in document.descendants().filter(|n| n.is_element()) {
            for attribute in ["fill", "stroke"] {
                if let Some(value) = node.attribute(attribute) {
                    let colour = value.len() == 7 && value.starts_with('#');
                    assert!(colour || value == "none", "{attribute}={value}");
                }
            }
        }
    }

    #[test]
    fn the_log_file_draws_the_log_axis() {
        let linear = texts(&parsed(&chart_svg_file(&CHART, YScale::Linear)));
        let log = texts(&parsed(&chart_svg_file(&CHART, YScale::Log)));
        let ticks = |axis: &crate::content::Axis| -> Vec<String> {
            axis.ticks.iter().map(|t| t.label.to_string()).collect()
        };
        for tick in ticks(&CHART.axes.log) {
            assert!(log.contains(&tick), "log tick {tick}");
        }
        assert_ne!(linear, log);
        // It says what the scale does; the linear one does not.
        let said = |texts: &[String]| texts.join(" ").contains(LOG_SCALE_NOTE);
        assert!(said(&log));
        assert!(!said(&linear));
    }

    #[test]
    fn long_text_wraps_within_the_width_by_generous_estimates() {
        let text = "Between the February 2014 and February 2015 counts the total more than doubled";
        let lines = wrap(text, 13.0, false, 200.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            // Estimated at least as wide as DejaVu Sans sets it: about 0.55 em a character.
            assert!(
                line.chars().count() as f64 * 13.0 * 0.55 <= 200.0 + 13.0,
                "{line}"
            );
        }
        // One word longer than the width stays whole, on its own line.
        assert_eq!(
            wrap("a verylongword b", 10.0, false, 30.0),
            ["a", "verylongword", "b"]
        );
    }
}
