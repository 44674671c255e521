//! Colours and sizes of the chart. The page's colours live in `style/main.css`; the chart's
//! colours are chosen to match them (same background, same text colours) and to keep
//! WCAG contrast: text ≥ 4.5:1, the line and markers ≥ 3:1 against the background.

use plotters::style::RGBColor;

/// The font stack of the page (`style/main.css`), so the chart's text matches the article.
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// The page background behind the chart (used for marker outlines and exported images).
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted_text: RGBColor,
    pub grid: RGBColor,
    pub baseline: RGBColor,
    pub line: RGBColor,
    /// The shaded span of the annotation and its label.
    pub band: RGBColor,
    pub band_text: RGBColor,
}

pub const LIGHT: Palette = Palette {
    background: RGBColor(0xff, 0xff, 0xff),
    text: RGBColor(0x1a, 0x1a, 0x1a),
    muted_text: RGBColor(0x5f, 0x63, 0x68),
    grid: RGBColor(0xe3, 0xe5, 0xe8),
    baseline: RGBColor(0x4a, 0x4f, 0x55),
    line: RGBColor(0x1f, 0x5f, 0xa8),
    band: RGBColor(0xf5, 0xef, 0xe2),
    band_text: RGBColor(0x6e, 0x55, 0x1f),
};

pub const DARK: Palette = Palette {
    background: RGBColor(0x16, 0x18, 0x1b),
    text: RGBColor(0xec, 0xed, 0xef),
    muted_text: RGBColor(0xa9, 0xae, 0xb5),
    grid: RGBColor(0x30, 0x34, 0x3a),
    baseline: RGBColor(0xa9, 0xae, 0xb5),
    line: RGBColor(0x72, 0xb4, 0xff),
    band: RGBColor(0x2b, 0x29, 0x22),
    band_text: RGBColor(0xe0, 0xc9, 0x8c),
};

impl Theme {
    pub fn palette(self) -> &'static Palette {
        match self {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2 relative luminance.
    fn luminance(c: RGBColor) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn contrast_meets_wcag_in_both_themes() {
        for p in [LIGHT, DARK] {
            assert!(contrast(p.text, p.background) >= 4.5);
            assert!(contrast(p.muted_text, p.background) >= 4.5);
            assert!(contrast(p.band_text, p.band) >= 4.5);
            assert!(contrast(p.text, p.band) >= 4.5);
            assert!(contrast(p.line, p.background) >= 3.0);
            assert!(contrast(p.line, p.band) >= 3.0);
            assert!(contrast(p.baseline, p.background) >= 3.0);
        }
    }

    #[test]
    fn the_reference_colours_have_known_contrast() {
        // Checks the formula itself: black on white is 21:1, equal colours 1:1.
        let (black, white) = (RGBColor(0, 0, 0), RGBColor(255, 255, 255));
        assert!((contrast(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast(white, white) - 1.0).abs() < 1e-9);
    }
}
