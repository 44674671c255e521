//! Every colour the chart uses stays apart from its background and from the colours it must be
//! told from, for normal colour vision and simulated protanopia, deuteranopia and tritanopia,
//! in the light, dark and forced-colours themes.
//!
//! Colours: `chart::theme` (the drawing's palettes, which a test in `prerender::svg` keeps equal
//! to style/main.css's custom properties), and the one colour that lives only in the CSS, the
//! tooltip's `--raised`, read from style/main.css here. Forced colours: `Palette::forced` over
//! the system colours Chromium gives its emulated contrast themes (measured with
//! `emulateMedia({ forcedColors: "active" })`, read back from a 2D context's `fillStyle`).
//!
//! Thresholds (WCAG 2.2 and CIE):
//! - marks (the line, the points and the hollow approximate point, the selection ring, the
//!   focus ring, the guide, the axis, the band's outline): contrast ratio ≥ 3 : 1 against what
//!   they sit on (WCAG 1.4.11);
//! - text (value and axis labels, the band's label, the tooltip's lines): ≥ 4.5 : 1 (1.4.3);
//! - areas and lines that must be told apart without a contrast requirement (the 2014 band
//!   from the background, the line from the gridlines): CIEDE2000 ΔE₀₀ ≥ 5, a difference
//!   seen at a glance between large patches (ΔE₀₀ ≈ 1 is a just-noticeable difference; 2–3 is
//!   perceptible side by side; the published band is ≈ 5–6 in light and dark).
//!
//! Run with `--nocapture` to print the worst pair of each theme and vision.

use plotters::style::RGBColor;
use way_out::chart::theme::{Palette, SystemColours, DARK, LIGHT};

const STYLESHEET: &str = include_str!("../style/main.css");

// ---- Colour science ---------------------------------------------------------------------

/// Linear RGB, each channel 0–1.
type Linear = [f64; 3];

fn to_linear(c: RGBColor) -> Linear {
    [c.0, c.1, c.2].map(|v| {
        let v = f64::from(v) / 255.0;
        if v <= 0.040_45 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    })
}

/// Simulated colour vision deficiencies at severity 1.0 (dichromacy): Machado, G. M.,
/// Oliveira, M. M. & Fernandes, L. A. F. (2009), "A Physiologically-based Model for Simulation
/// of Color Vision Deficiency", IEEE TVCG 15(6), 1291–1298, Table 1 (severity 1.0 rows), applied
/// to linear RGB and clamped to 0–1.
#[derive(Clone, Copy, Debug)]
enum Vision {
    Normal,
    Protanopia,
    Deuteranopia,
    Tritanopia,
}

const VISIONS: [Vision; 4] = [
    Vision::Normal,
    Vision::Protanopia,
    Vision::Deuteranopia,
    Vision::Tritanopia,
];

impl Vision {
    fn matrix(self) -> [[f64; 3]; 3] {
        match self {
            Vision::Normal => [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
            Vision::Protanopia => [
                [0.152_286, 1.052_583, -0.204_868],
                [0.114_503, 0.786_281, 0.099_216],
                [-0.003_882, -0.048_116, 1.051_998],
            ],
            Vision::Deuteranopia => [
                [0.367_322, 0.860_646, -0.227_968],
                [0.280_085, 0.672_501, 0.047_413],
                [-0.011_820, 0.042_940, 0.968_881],
            ],
            Vision::Tritanopia => [
                [1.255_528, -0.076_749, -0.178_779],
                [-0.078_411, 0.930_809, 0.147_602],
                [0.004_733, 0.691_367, 0.303_900],
            ],
        }
    }

    fn see(self, c: RGBColor) -> Linear {
        let rgb = to_linear(c);
        self.matrix()
            .map(|row| (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]).clamp(0.0, 1.0))
    }
}

/// WCAG 2 contrast ratio of two linear colours.
fn contrast(a: Linear, b: Linear) -> f64 {
    let luminance = |c: Linear| 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// CIELAB (D65) of a linear sRGB colour.
fn lab(c: Linear) -> [f64; 3] {
    let [r, g, b] = c;
    let x = (0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b) / 0.950_47;
    let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175_0 * b;
    let z = (0.019_333_9 * r + 0.119_192_0 * g + 0.950_304_1 * b) / 1.088_83;
    let f = |t: f64| {
        let d: f64 = 6.0 / 29.0;
        if t > d.powi(3) {
            t.cbrt()
        } else {
            t / (3.0 * d * d) + 4.0 / 29.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// CIEDE2000 colour difference, as in Sharma, Wu & Dalal (2005), "The CIEDE2000
/// Color-Difference Formula: Implementation Notes, Supplementary Test Data, and Mathematical
/// Observations", Color Research & Application 30(1), 21–30 (kL = kC = kH = 1).
fn ciede2000([l1, a1, b1]: [f64; 3], [l2, a2, b2]: [f64; 3]) -> f64 {
    let pow7 = |v: f64| v.powi(7);
    let c_bar = (a1.hypot(b1) + a2.hypot(b2)) / 2.0;
    let g = 0.5 * (1.0 - (pow7(c_bar) / (pow7(c_bar) + pow7(25.0))).sqrt());
    let (a1p, a2p) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1p, c2p) = (a1p.hypot(b1), a2p.hypot(b2));
    let hue = |b: f64, a: f64| {
        if a == 0.0 && b == 0.0 {
            0.0
        } else {
            b.atan2(a).to_degrees().rem_euclid(360.0)
        }
    };
    let (h1p, h2p) = (hue(b1, a1p), hue(b2, a2p));
    let dl = l2 - l1;
    let dc = c2p - c1p;
    let dh = if c1p * c2p == 0.0 {
        0.0
    } else if (h2p - h1p).abs() <= 180.0 {
        h2p - h1p
    } else if h2p - h1p > 180.0 {
        h2p - h1p - 360.0
    } else {
        h2p - h1p + 360.0
    };
    let d_big_h = 2.0 * (c1p * c2p).sqrt() * (dh.to_radians() / 2.0).sin();
    let l_bar = (l1 + l2) / 2.0;
    let cp_bar = (c1p + c2p) / 2.0;
    let h_bar = if c1p * c2p == 0.0 {
        h1p + h2p
    } else if (h1p - h2p).abs() <= 180.0 {
        (h1p + h2p) / 2.0
    } else if h1p + h2p < 360.0 {
        (h1p + h2p + 360.0) / 2.0
    } else {
        (h1p + h2p - 360.0) / 2.0
    };
    let cos = |deg: f64| deg.to_radians().cos();
    let t =
        1.0 - 0.17 * cos(h_bar - 30.0) + 0.24 * cos(2.0 * h_bar) + 0.32 * cos(3.0 * h_bar + 6.0)
            - 0.20 * cos(4.0 * h_bar - 63.0);
    let d_theta = 30.0 * (-((h_bar - 275.0) / 25.0).powi(2)).exp();
    let rc = 2.0 * (pow7(cp_bar) / (pow7(cp_bar) + pow7(25.0))).sqrt();
    let sl = 1.0 + 0.015 * (l_bar - 50.0).powi(2) / (20.0 + (l_bar - 50.0).powi(2)).sqrt();
    let sc = 1.0 + 0.045 * cp_bar;
    let sh = 1.0 + 0.015 * cp_bar * t;
    let rt = -(2.0 * d_theta).to_radians().sin() * rc;
    ((dl / sl).powi(2)
        + (dc / sc).powi(2)
        + (d_big_h / sh).powi(2)
        + rt * (dc / sc) * (d_big_h / sh))
        .sqrt()
}

// ---- What must stay apart ---------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
enum Need {
    /// WCAG contrast ratio at least this.
    Contrast(f64),
    /// CIEDE2000 difference at least this.
    Difference(f64),
}

const MARK: Need = Need::Contrast(3.0);
const TEXT: Need = Need::Contrast(4.5);
const AREA: Need = Need::Difference(5.0);

struct Theme {
    name: &'static str,
    palette: Palette,
    /// The tooltip's background (`--raised`).
    raised: RGBColor,
}

/// Each pair the reader must tell apart, with what it needs.
fn pairs(theme: &Theme) -> Vec<(&'static str, RGBColor, RGBColor, Need)> {
    let p = &theme.palette;
    let mut pairs = vec![
        (
            "line, points, hollow point / background",
            p.line,
            p.background,
            MARK,
        ),
        ("line, points, marker ring / band", p.line, p.band, MARK),
        // The marker ring and the focus ring are `--accent`, the line's colour (svg.rs test).
        (
            "marker ring, focus ring (accent) / background",
            p.line,
            p.background,
            MARK,
        ),
        (
            "guide (muted) / background",
            p.muted_text,
            p.background,
            MARK,
        ),
        ("guide (muted) / band", p.muted_text, p.band, MARK),
        (
            "axis (baseline) / background",
            p.baseline,
            p.background,
            MARK,
        ),
        (
            "value labels (text) / background",
            p.text,
            p.background,
            TEXT,
        ),
        ("value labels (text) / band", p.text, p.band, TEXT),
        (
            "axis labels (muted) / background",
            p.muted_text,
            p.background,
            TEXT,
        ),
        ("band label / band", p.band_text, p.band, TEXT),
        ("tooltip text / tooltip", p.text, theme.raised, TEXT),
        (
            "tooltip period (muted) / tooltip",
            p.muted_text,
            theme.raised,
            TEXT,
        ),
        ("line / gridlines", p.line, p.grid, AREA),
    ];
    match p.band_edge {
        // The band is outlined where its fill is the background's.
        Some(edge) => pairs.push(("band outline / background", edge, p.background, MARK)),
        None => pairs.push(("band / background", p.band, p.background, AREA)),
    }
    pairs
}

/// `--name`'s `#rrggbb` in the stylesheet's rule that starts at `from`.
fn css_colour(from: &str, name: &str) -> RGBColor {
    let start = STYLESHEET
        .find(from)
        .unwrap_or_else(|| panic!("no {from} in main.css"));
    let block = &STYLESHEET[start..start + STYLESHEET[start..].find('}').unwrap()];
    let value = block
        .lines()
        .find_map(|line| line.trim().strip_prefix(&format!("--{name}: #")))
        .unwrap_or_else(|| panic!("no --{name} in {from}"));
    let hex = value.trim_end_matches(';');
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
    RGBColor(channel(0), channel(2), channel(4))
}

fn hex(text: &str) -> RGBColor {
    way_out::chart::theme::from_hex(text).unwrap()
}

fn themes() -> Vec<Theme> {
    let forced = |[canvas, canvas_text, link_text, gray_text]: [&str; 4]| {
        Palette::forced(SystemColours {
            canvas: hex(canvas),
            canvas_text: hex(canvas_text),
            link_text: hex(link_text),
            gray_text: hex(gray_text),
        })
    };
    // Chromium's emulated contrast themes (Canvas, CanvasText, LinkText, GrayText).
    let forced_light = forced(["#ffffff", "#000000", "#00009f", "#600000"]);
    let forced_dark = forced(["#000000", "#ffffff", "#ffff00", "#3ff23f"]);
    vec![
        Theme {
            name: "light",
            palette: LIGHT,
            raised: css_colour(":root {", "raised"),
        },
        Theme {
            name: "dark",
            palette: DARK,
            raised: css_colour(
                "@media screen and (prefers-color-scheme: dark) {\n  :root:where(:not(.theme-light)) {",
                "raised",
            ),
        },
        Theme {
            name: "forced, light",
            palette: forced_light,
            // `--raised: Canvas`.
            raised: forced_light.background,
        },
        Theme {
            name: "forced, dark",
            palette: forced_dark,
            raised: forced_dark.background,
        },
    ]
}

/// How far `need` is met: the measured value over the threshold (≥ 1 passes), and the value.
fn measure(vision: Vision, a: RGBColor, b: RGBColor, need: Need) -> (f64, f64) {
    let (a, b) = (vision.see(a), vision.see(b));
    match need {
        Need::Contrast(min) => {
            let ratio = contrast(a, b);
            (ratio / min, ratio)
        }
        Need::Difference(min) => {
            let difference = ciede2000(lab(a), lab(b));
            (difference / min, difference)
        }
    }
}

#[test]
fn every_pair_stays_apart_under_every_colour_vision_in_every_theme() {
    let mut failures = Vec::new();
    println!("| theme | vision | worst pair | measured | needed |");
    println!("|---|---|---|---|---|");
    for theme in themes() {
        for vision in VISIONS {
            let mut worst: Option<(f64, String)> = None;
            for (what, a, b, need) in pairs(&theme) {
                let (margin, value) = measure(vision, a, b, need);
                let needed = match need {
                    Need::Contrast(min) => format!("{min}:1"),
                    Need::Difference(min) => format!("ΔE00 {min}"),
                };
                let shown = match need {
                    Need::Contrast(_) => format!("{value:.2}:1"),
                    Need::Difference(_) => format!("ΔE00 {value:.1}"),
                };
                let row = format!("{what} | {shown} | {needed}");
                if margin < 1.0 {
                    failures.push(format!("{}, {vision:?}: {row}", theme.name));
                }
                if worst.as_ref().is_none_or(|(m, _)| margin < *m) {
                    worst = Some((margin, row));
                }
            }
            let (_, row) = worst.unwrap();
            println!("| {} | {vision:?} | {row} |", theme.name);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_approximate_point_differs_by_shape_not_colour() {
    // It is drawn hollow in the line's colour (chart::draw) and its segment dashed: nothing
    // rests on a colour of its own. The palette has no separate colour for it to check.
    let source = include_str!("../src/chart/draw.rs");
    assert!(source.contains("if point.approximate {"));
    assert!(source.contains("palette.line.stroke_width(l.size(2.5))"));
    assert!(source.contains("DashedPathElement::new("));
}

// ---- The formulas against published values ------------------------------------------------

#[test]
fn ciede2000_matches_sharmas_test_data() {
    // Sharma, Wu & Dalal (2005), Table 1: pairs 1, 7, 17 and 25 with their ΔE00.
    let cases = [
        ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
        ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
        ([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492),
        (
            [60.2574, -34.0099, 36.2677],
            [60.4626, -34.1751, 39.4387],
            1.2644,
        ),
    ];
    for (a, b, expected) in cases {
        let got = ciede2000(a, b);
        assert!(
            (got - expected).abs() < 1e-4,
            "{a:?} {b:?}: {got} ≠ {expected}"
        );
        assert!((ciede2000(b, a) - expected).abs() < 1e-4, "symmetric");
    }
}

#[test]
fn lab_and_contrast_match_known_values() {
    let white = to_linear(RGBColor(255, 255, 255));
    let black = to_linear(RGBColor(0, 0, 0));
    let [l, a, b] = lab(white);
    assert!((l - 100.0).abs() < 0.01 && a.abs() < 0.01 && b.abs() < 0.01);
    assert!((contrast(white, black) - 21.0).abs() < 1e-9);
    // sRGB red is L* 53.24, a* 80.09, b* 67.20 (D65).
    let [l, a, b] = lab(to_linear(RGBColor(255, 0, 0)));
    assert!((l - 53.24).abs() < 0.05 && (a - 80.09).abs() < 0.1 && (b - 67.20).abs() < 0.1);
}

#[test]
fn the_matrices_are_transcribed_right() {
    // Checks on the hand-copied table: each row sums to 1 (greys stay grey), and the two
    // dichromacies of red and green collapse one direction of colour (determinant ≈ 0: there
    // are colours such a reader cannot tell apart at all). A mistyped digit breaks either.
    let det = |m: [[f64; 3]; 3]| {
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
    };
    for vision in VISIONS {
        for row in vision.matrix() {
            assert!((row.iter().sum::<f64>() - 1.0).abs() < 2e-6, "{vision:?}");
        }
    }
    assert!(det(Vision::Protanopia.matrix()).abs() < 1e-5);
    assert!(det(Vision::Deuteranopia.matrix()).abs() < 1e-5);
    assert!((det(Vision::Tritanopia.matrix()) - 0.2356).abs() < 1e-3);
}
