//! What "Share" and "Download image" hand out: the link that reopens the reader's view, and the
//! image files' names. Pure text, tested on the host.

use crate::chart::scale::YScale;
use crate::embed::{folder_of, EMBED_PAGE};
use crate::view_state::ViewState;

/// The article's link with the view the URL carries now (`location`'s origin, path and
/// query). From the embed page (`embed.html`, or `?embed`) it is the article's own page: a
/// reader who follows a shared link gets the article around the chart. Only the view's own
/// parameters are kept (`ViewState`): anything else in the query, hostile or not, is dropped,
/// and so is the hash.
pub fn share_link(origin: &str, path: &str, query: &str, points: usize) -> String {
    let folder = folder_of(path);
    let page = if path[folder.len().min(path.len())..] == *EMBED_PAGE {
        folder
    } else {
        path
    };
    let view = ViewState {
        embed: false,
        ..ViewState::from_query(query, points)
    };
    [origin, page, &view.to_query()].concat()
}

/// The kinds of image file the prerender writes next to the page, made at build time.
#[derive(Clone, Copy)]
pub enum ImageFile {
    Svg,
    Png,
}

/// The image file of the chart on `scale`: `<slug>.svg`, or `<slug>-log-scale.svg` (`.png`
/// likewise). The link's `download` attribute keeps the name.
pub fn image_file_name(slug: &str, scale: YScale, kind: ImageFile) -> String {
    let scale = match scale {
        YScale::Linear => "",
        YScale::Log => "-log-scale",
    };
    let extension = match kind {
        ImageFile::Svg => ".svg",
        ImageFile::Png => ".png",
    };
    [slug, scale, extension].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGIN: &str = "https://example.org";

    #[test]
    fn the_link_keeps_the_view_of_the_url() {
        assert_eq!(
            share_link(ORIGIN, "/news/a-way-out/", "?view=table&point=2", 3),
            "https://example.org/news/a-way-out/?view=table&point=2"
        );
        assert_eq!(
            share_link(ORIGIN, "/index.html", "?scale=log", 3),
            "https://example.org/index.html?scale=log"
        );
        assert_eq!(share_link(ORIGIN, "/", "", 3), "https://example.org/");
    }

    #[test]
    fn from_an_embed_the_link_is_the_article_page() {
        assert_eq!(
            share_link(ORIGIN, "/news/embed.html", "?scale=log&point=3", 3),
            "https://example.org/news/?scale=log&point=3"
        );
        assert_eq!(
            share_link(ORIGIN, "/news/", "?embed&view=table", 3),
            "https://example.org/news/?view=table"
        );
        assert_eq!(
            share_link(ORIGIN, "/news/not-embed.html", "", 3),
            "https://example.org/news/not-embed.html"
        );
    }

    #[test]
    fn anything_but_the_view_is_dropped() {
        assert_eq!(
            share_link(
                ORIGIN,
                "/",
                "?utm_source=x&view=<script>&point=9&scale=log",
                3
            ),
            "https://example.org/?scale=log"
        );
        assert_eq!(
            share_link(
                ORIGIN,
                "/",
                &format!("?view=table&x={}", "%".repeat(500)),
                3
            ),
            "https://example.org/"
        );
    }

    #[test]
    fn image_names_follow_the_slug_the_scale_and_the_kind() {
        let name = |scale, kind| image_file_name("exit-program", scale, kind);
        assert_eq!(name(YScale::Linear, ImageFile::Svg), "exit-program.svg");
        assert_eq!(
            name(YScale::Log, ImageFile::Svg),
            "exit-program-log-scale.svg"
        );
        assert_eq!(name(YScale::Linear, ImageFile::Png), "exit-program.png");
        assert_eq!(
            name(YScale::Log, ImageFile::Png),
            "exit-program-log-scale.png"
        );
    }
}
