//! The social card: the picture a link preview shows (`og:image`), 1200 × 630 px, made at build
//! time. It is an SVG — the headline, the chart's title, the chart drawn by the same plotters code
//! as the static chart, the source — rasterised to PNG with the build's own fonts
//! (`prerender::raster`).

use html_escape::{encode_double_quoted_attribute, encode_text};
use resvg::usvg;

use super::raster::{fonts, rasterise, FAMILY};
use super::svg::drawn_svg;
use super::wrap_words;
use crate::chart::theme::{Palette, LIGHT};
use crate::content::{Article, Chart};

/// The size Open Graph and X recommend for a large preview (1.91 : 1).
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// Space around the text, and the text's width.
const MARGIN: f64 = 60.0;
const TEXT_WIDTH: f64 = WIDTH as f64 - 2.0 * MARGIN;
/// A card is often seen about 500 px wide (0.42 ×): the headline's sizes, tried in order until it
/// fits on two lines, stay ≥ 20 px there; the other text ≥ 11 px.
const HEADLINE_SIZES: [f64; 3] = [60.0, 54.0, 48.0];
const TITLE_SIZE: f64 = 30.0;
const SOURCE_SIZE: f64 = 26.0;
/// The chart's backend pixels per CSS pixel: its 14 px labels become 28 px.
const CHART_RATIO: f64 = 2.0;

/// The finished card.
pub struct Card {
    pub png: Vec<u8>,
    /// `card-<16 hex digits of the PNG's hash>.png`: a new picture gets a new name, so hosts can
    /// cache it for good and link previews never show a stale one.
    pub file_name: String,
}

/// Draws the card for `article` and its `chart`, with the fonts in `font_dir`.
pub fn social_card(article: &Article, chart: &Chart, font_dir: &str) -> Result<Card, String> {
    let options = fonts(font_dir).map_err(|e| format!("social card: {e}"))?;
    let svg = card_svg(article, chart, &|text, size, bold| {
        text_width(&options, text, size, bold)
    })?;
    let png = rasterise(&svg, &options, 1.0).map_err(|e| format!("social card: {e}"))?;
    let file_name = format!("card-{:016x}.png", fnv1a(&png));
    Ok(Card { png, file_name })
}

/// The card as SVG, text measured by `width_of(text, size, bold)` in pixels.
fn card_svg(
    article: &Article,
    chart: &Chart,
    width_of: &dyn Fn(&str, f64, bool) -> Result<f64, String>,
) -> Result<String, String> {
    let palette: &Palette = &LIGHT;
    let colour = |c: plotters::style::RGBColor| format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2);
    let mut body = String::new();
    // A band in the chart's line colour along the top edge: the card reads as ours in a feed.
    body.push_str(&format!(
        r#"<rect width="{WIDTH}" height="10" fill="{}"/>"#,
        colour(palette.line)
    ));

    // The headline: the largest size at which it fits on two lines (else the smallest, on as
    // many lines as it needs), then the chart's title below it.
    let mut headline = None;
    for size in HEADLINE_SIZES {
        let lines = wrap_words(article.headline, TEXT_WIDTH, &|t| width_of(t, size, true))?;
        if lines.len() <= 2 || size == HEADLINE_SIZES[HEADLINE_SIZES.len() - 1] {
            headline = Some((size, lines));
            break;
        }
    }
    let (size, lines) = headline.expect("HEADLINE_SIZES is not empty");
    let mut baseline = 40.0;
    for line in &lines {
        baseline += size * 1.15;
        body.push_str(&text(line, baseline, size, true, &colour(palette.text)));
    }
    for line in wrap_words(chart.title, TEXT_WIDTH, &|t| width_of(t, TITLE_SIZE, false))? {
        baseline += TITLE_SIZE * 1.3;
        body.push_str(&text(
            &line,
            baseline,
            TITLE_SIZE,
            false,
            &colour(palette.muted_text),
        ));
    }

    // The source at the bottom (a long one wraps upwards); the chart fills what is left between.
    let source = format!("Source: {}", chart.source);
    let source_lines = wrap_words(&source, TEXT_WIDTH, &|t| width_of(t, SOURCE_SIZE, false))?;
    let last_baseline = f64::from(HEIGHT) - 34.0;
    let first_baseline = last_baseline - SOURCE_SIZE * 1.25 * (source_lines.len() as f64 - 1.0);
    for (i, line) in source_lines.iter().enumerate() {
        body.push_str(&text(
            line,
            first_baseline + SOURCE_SIZE * 1.25 * i as f64,
            SOURCE_SIZE,
            false,
            &colour(palette.muted_text),
        ));
    }
    let chart_top = (baseline + 12.0).round();
    let chart_height = (first_baseline - SOURCE_SIZE - 8.0 - chart_top).round();
    if chart_height < 150.0 {
        return Err(format!(
            "social card: the headline and chart title leave only {chart_height} px for the chart"
        ));
    }
    // The chart's own left margin holds its axis labels (a few pixels in): they line up with
    // the text.
    let chart_left = MARGIN as u32 - 4;
    let chart_width = WIDTH - 2 * chart_left;
    let plotted = drawn_svg(
        chart,
        (chart_width, chart_height as u32),
        CHART_RATIO,
        palette,
    );
    body.push_str(&plotted.replacen(
        "<svg ",
        &format!(r#"<svg x="{chart_left}" y="{chart_top}" "#),
        1,
    ));

    Ok(format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">"#,
            r#"<rect width="{w}" height="{h}" fill="{bg}"/>{body}</svg>"#
        ),
        w = WIDTH,
        h = HEIGHT,
        bg = colour(palette.background),
        body = body,
    ))
}

/// One line of text at the left margin.
fn text(line: &str, baseline: f64, size: f64, bold: bool, fill: &str) -> String {
    format!(
        r#"<text x="{MARGIN}" y="{baseline:.0}" font-family="{FAMILY}" font-size="{size}" font-weight="{}" fill="{}">{}</text>"#,
        if bold { "bold" } else { "normal" },
        encode_double_quoted_attribute(fill),
        encode_text(line)
    )
}

/// How wide `text` is set in the card's font: laid out by resvg itself, so the wrapping matches
/// the picture.
fn text_width(options: &usvg::Options, text: &str, size: f64, bold: bool) -> Result<f64, String> {
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1">{}</svg>"#,
        self::text(text, 0.0, size, bold, "#000")
    );
    let tree = usvg::Tree::from_str(&svg, options).map_err(|e| format!("social card: {e}"))?;
    Ok(f64::from(tree.root().bounding_box().width()))
}

/// FNV-1a, 64 bits: a stable content hash for the file name (not for security).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ARTICLE, CHART};
    use crate::prerender::raster::FONT_DIR;
    use resvg::tiny_skia;

    fn card() -> (Card, tiny_skia::Pixmap) {
        let card = social_card(&ARTICLE, &CHART, FONT_DIR).unwrap();
        let pixmap = tiny_skia::Pixmap::decode_png(&card.png).unwrap();
        (card, pixmap)
    }

    /// Pixels in rows `rows` (all columns) for which `test(r, g, b)` holds, as a share.
    fn share(
        pixmap: &tiny_skia::Pixmap,
        rows: std::ops::Range<u32>,
        test: fn(u8, u8, u8) -> bool,
    ) -> f64 {
        let mut hits = 0;
        for y in rows.clone() {
            for x in 0..pixmap.width() {
                let p = pixmap.pixel(x, y).unwrap();
                if test(p.red(), p.green(), p.blue()) {
                    hits += 1;
                }
            }
        }
        f64::from(hits) / f64::from(pixmap.width() * rows.len() as u32)
    }

    #[test]
    fn the_card_is_a_1200_by_630_png_well_under_100_kb() {
        let (card, pixmap) = card();
        assert_eq!((pixmap.width(), pixmap.height()), (1200, 630));
        assert!(card.png.len() < 100_000, "{} bytes", card.png.len());
        assert!(card.png.starts_with(b"\x89PNG"));
    }

    #[test]
    fn the_card_shows_the_headline_in_dark_text_and_a_drawn_chart() {
        let (_, pixmap) = card();
        let dark = |r: u8, g: u8, b: u8| r < 80 && g < 80 && b < 80;
        let not_white = |r: u8, g: u8, b: u8| r < 235 || g < 235 || b < 235;
        // The headline's two lines (rows 50 to 180): dark ink, as much as bold 60 px type makes.
        let headline = share(&pixmap, 50..180, dark);
        assert!(
            headline > 0.05,
            "headline band: {:.1} % dark",
            headline * 100.0
        );
        // The chart band (rows 260 to 560): gridlines, the shaded year, the line and labels.
        let chart = share(&pixmap, 260..560, not_white);
        assert!(chart > 0.08, "chart band: {:.1} % drawn", chart * 100.0);
        // The line's blue is there.
        let blue = share(&pixmap, 260..560, |r, g, b| r < 60 && g < 120 && b > 150);
        assert!(blue > 0.002, "chart band: {:.2} % blue", blue * 100.0);
        // The source line (rows 570 to 615) has text in it.
        let source = share(&pixmap, 570..615, not_white);
        assert!(source > 0.005, "source line: {:.2} % drawn", source * 100.0);
    }

    #[test]
    fn the_file_name_follows_the_pixels() {
        let (card, _) = card();
        let name = card.file_name;
        assert!(
            name.starts_with("card-") && name.ends_with(".png"),
            "{name}"
        );
        assert_eq!(name.len(), "card-".len() + 16 + ".png".len());
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn a_missing_font_names_the_package_to_install() {
        let error = social_card(&ARTICLE, &CHART, "/nonexistent").err().unwrap();
        assert!(
            error.contains("apt-get install fonts-dejavu-core"),
            "{error}"
        );
    }
}
