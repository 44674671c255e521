//! Trunk post-build hook: writes the prerendered article and static chart into the staged
//! `index.html` (`$TRUNK_STAGING_DIR/index.html`, or the path given as the first argument), and
//! beside it the embed version, `embed.html`, the social card (`card-<hash>.png`), the
//! chart's image files (SVG and PNG, linear and logarithmic scale, for "Download image" and
//! "Copy image") and, when the
//! site URL is set (`WAY_OUT_SITE_URL`), the oEmbed file (`oembed.json`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use way_out::chart::scale::YScale;
use way_out::content::{ARTICLE, CHART, CHART_PAGE};
use way_out::embed::EMBED_PAGE;
use way_out::prerender::card::social_card;
use way_out::prerender::oembed::{oembed_json, OEMBED_FILE};
use way_out::prerender::raster::{fonts, rasterise, FONT_DIR};
use way_out::prerender::site::{SiteUrl, SITE_URL_VARIABLE};
use way_out::prerender::{article_page, chart_svg_file, embed_page, fill_template, Sharing};
use way_out::share::{image_file_name, ImageFile};

fn main() -> ExitCode {
    let path = match std::env::args().nth(1) {
        Some(path) => PathBuf::from(path),
        None => match std::env::var_os("TRUNK_STAGING_DIR") {
            Some(dir) => PathBuf::from(dir).join("index.html"),
            None => {
                eprintln!("prerender: give the index.html path, or run as a Trunk hook");
                return ExitCode::FAILURE;
            }
        },
    };
    match prerender(&path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn prerender(index: &Path) -> Result<(), String> {
    let site = match std::env::var(SITE_URL_VARIABLE) {
        Ok(text) if !text.is_empty() => Some(SiteUrl::parse(&text)?),
        _ => {
            // The one line a builder sees: the build works, its sharing links are incomplete.
            eprintln!(
                "prerender: warning: {SITE_URL_VARIABLE} is not set, so og:url, the canonical link and oEmbed are left out and og:image is relative (README, \"Deploy\")"
            );
            None
        }
    };
    let card = social_card(&ARTICLE, &CHART, FONT_DIR)?;
    let sharing = Sharing {
        site: site.as_ref(),
        card_file: &card.file_name,
    };
    let template = std::fs::read_to_string(index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let page = fill_template(&template, sharing)?;
    let embed = embed_page(&page)?;
    write(index, article_page(&page)?.as_bytes())?;
    write(&index.with_file_name(EMBED_PAGE), embed.as_bytes())?;
    write(&index.with_file_name(&card.file_name), &card.png)?;
    write(
        &index.with_file_name(CHART_PAGE.csv_name),
        CHART_PAGE.csv.as_bytes(),
    )?;
    let options = fonts(FONT_DIR)?;
    for scale in [YScale::Linear, YScale::Log] {
        let svg = chart_svg_file(&CHART, scale);
        // The PNG is the SVG file at 2×: the same picture, made once here instead of in every
        // reader's browser.
        let png = rasterise(&svg, &options, 2.0)?;
        let name = |kind| index.with_file_name(image_file_name(CHART.slug, scale, kind));
        write(&name(ImageFile::Svg), svg.as_bytes())?;
        write(&name(ImageFile::Png), &png)?;
    }
    if let Some(site) = &site {
        let json = oembed_json(&CHART, site, &card.file_name);
        write(&index.with_file_name(OEMBED_FILE), json.as_bytes())?;
    }
    Ok(())
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
