//! SVG to PNG at build time, with resvg (a pure-Rust SVG renderer, on the host only: the wasm
//! does not carry it) and only the fonts the build brings: DejaVu Sans, loaded by path from
//! Debian's `fonts-dejavu-core` (scripts/setup installs it), never "whatever the system has",
//! so every machine makes the same pixels. The social card and the "Download image (PNG)"
//! files are made this way; docs/deploy.md says why these choices.

use resvg::{tiny_skia, usvg};

/// Where Debian's `fonts-dejavu-core` puts its fonts, and the two the pictures use.
pub const FONT_DIR: &str = "/usr/share/fonts/truetype/dejavu";
const FONT_FILES: [&str; 2] = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"];
pub const FAMILY: &str = "DejaVu Sans";

/// resvg's options with only our fonts: "sans-serif" (the chart's font stack ends with it) is
/// DejaVu Sans too.
pub fn fonts(font_dir: &str) -> Result<usvg::Options<'static>, String> {
    let mut options = usvg::Options {
        font_family: FAMILY.to_string(),
        ..usvg::Options::default()
    };
    let fonts = options.fontdb_mut();
    for file in FONT_FILES {
        let path = format!("{font_dir}/{file}");
        let data = std::fs::read(&path).map_err(|e| {
            format!("cannot read the font {path} ({e}): apt-get install fonts-dejavu-core (scripts/setup does)")
        })?;
        let before = fonts.len();
        fonts.load_font_data(data);
        if fonts.len() == before {
            return Err(format!("{path} is not a font"));
        }
    }
    fonts.set_sans_serif_family(FAMILY);
    Ok(options)
}

/// `svg` as a PNG, `zoom` device pixels per SVG pixel (2: a sharp picture on a phone's screen
/// and in print).
pub fn rasterise(svg: &str, options: &usvg::Options, zoom: f32) -> Result<Vec<u8>, String> {
    let tree = usvg::Tree::from_str(svg, options).map_err(|e| format!("SVG: {e}"))?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(zoom)
        .ok_or("SVG: no size")?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("SVG: no size")?;
    let scale = tiny_skia::Transform::from_scale(zoom, zoom);
    resvg::render(&tree, scale, &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("PNG: {e}"))
}
