//! Colours and sizes of the chart. The page's colours live in `style/main.css`; the chart's
//! colours are chosen to match them (same background, same text colours) and to keep
//! WCAG contrast: text ≥ 4.5:1, the line and markers ≥ 3:1 against the background, under every
//! colour vision too (`tests/colour_vision.rs`). In forced colours (Windows contrast themes)
//! the chart takes the reader's system colours instead: `Palette::forced`.

use plotters::style::RGBColor;

/// The font stack of the page (`style/main.css`), so the chart's text matches the article.
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    /// Its name in the embed page's `theme=` option and the "Embed options" choice.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme of that name, if any.
    pub fn from_name(name: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark]
            .into_iter()
            .find(|theme| theme.name() == name)
    }
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
    /// An outline around the band, where its fill is the background's (forced colours).
    pub band_edge: Option<RGBColor>,
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
    band_edge: None,
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
    band_edge: None,
};

/// The system colours a forced-colours mode gives (CSS Color 4 `<system-color>`s), as the
/// browser resolves them: the reader's contrast theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SystemColours {
    /// `Canvas`: the background.
    pub canvas: RGBColor,
    /// `CanvasText`: text and marks on it.
    pub canvas_text: RGBColor,
    /// `LinkText`: the theme's one accent that is not a selection (`Highlight` may be
    /// translucent: Chromium's is 80 % opaque).
    pub link_text: RGBColor,
    /// `GrayText`: secondary lines.
    pub gray_text: RGBColor,
}

impl SystemColours {
    /// The keywords read, in the order of `from_resolved`'s argument.
    pub const KEYWORDS: [&'static str; 4] = ["Canvas", "CanvasText", "LinkText", "GrayText"];

    /// From each keyword's resolved `#rrggbb` (as a 2D context's `fillStyle` reads it back),
    /// `None` if any is not an opaque colour.
    pub fn from_resolved(resolved: [&str; 4]) -> Option<SystemColours> {
        let [canvas, canvas_text, link_text, gray_text] = resolved.map(from_hex);
        Some(SystemColours {
            canvas: canvas?,
            canvas_text: canvas_text?,
            link_text: link_text?,
            gray_text: gray_text?,
        })
    }
}

impl Palette {
    /// The chart in the reader's system colours: the same roles as `style/main.css` gives its
    /// custom properties under `@media (forced-colors: active)` (checked there by a test).
    /// The band's fill is the background's, so its outline shows where it is.
    pub fn forced(system: SystemColours) -> Palette {
        let SystemColours {
            canvas,
            canvas_text,
            link_text,
            gray_text,
        } = system;
        Palette {
            background: canvas,
            text: canvas_text,
            muted_text: canvas_text,
            grid: gray_text,
            baseline: canvas_text,
            line: link_text,
            band: canvas,
            band_text: canvas_text,
            band_edge: Some(canvas_text),
        }
    }
}

/// `#rrggbb` → the colour; `None` for anything else (a translucent colour reads `rgba(…)`).
pub fn from_hex(text: &str) -> Option<RGBColor> {
    let hex = text
        .strip_prefix('#')
        .filter(|h| h.len() == 6 && h.bytes().all(|b| b.is_ascii_hexdigit()))?;
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some(RGBColor(channel(0)?, channel(2)?, channel(4)?))
}

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
    fn system_colours_are_read_from_hex_only() {
        assert_eq!(from_hex("#00009f"), Some(RGBColor(0, 0, 0x9f)));
        assert_eq!(from_hex("#3FF23F"), Some(RGBColor(0x3f, 0xf2, 0x3f)));
        for bad in [
            "rgba(0, 230, 255, 0.8)",
            "#fff",
            "#12345g",
            "",
            "#1234567",
            "#é2345",
            "#+f+f+f",
        ] {
            assert_eq!(from_hex(bad), None, "{bad}");
        }
        assert_eq!(
            SystemColours::from_resolved(["#000000", "#ffffff", "#ffff00", "#3ff23f"]),
            Some(SystemColours {
                canvas: RGBColor(0, 0, 0),
                canvas_text: RGBColor(255, 255, 255),
                link_text: RGBColor(255, 255, 0),
                gray_text: RGBColor(0x3f, 0xf2, 0x3f),
            })
        );
        assert_eq!(
            SystemColours::from_resolved(["#000000", "#ffffff", "rgba(0, 0, 0, 0.5)", "#3ff23f"]),
            None
        );
    }

    #[test]
    fn the_reference_colours_have_known_contrast() {
        // Checks the formula itself: black on white is 21:1, equal colours 1:1.
        let (black, white) = (RGBColor(0, 0, 0), RGBColor(255, 255, 255));
        assert!((contrast(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast(white, white) - 1.0).abs() < 1e-9);
    }
}
