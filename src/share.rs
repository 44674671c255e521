//! What "Share" and "Download image" hand out: the link that reopens the reader's view, and the
//! image files' names. Pure text, tested on the host.

use crate::chart::scale::YScale;
use crate::embed::folder_of;
use crate::view_state::ViewState;

/// The article's link with the reader's `view` (origin and path: `location`'s). From the embed
/// (`view.embed`: `embed.html` under any name a host serves it by, such as `/embed` where a host
/// drops `.html`, or `?embed`) it is the article's own page, the folder: a reader who follows a
/// shared link gets the article around the chart. The view comes from the app, not the URL: the
/// embed never writes its view there, and the article writes the point a moment later. Nothing
/// of the query the page was opened with, hostile or not, nor the hash, goes into the link.
pub fn share_link(origin: &str, path: &str, view: ViewState) -> String {
    let page = if view.embed { folder_of(path) } else { path };
    let view = ViewState {
        embed: false,
        ..view
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
    use crate::view_state::View;

    const ORIGIN: &str = "https://example.org";

    /// The view of `?view=table&point=2`, as the app holds it.
    const TABLE_AT_2: ViewState = ViewState {
        view: View::Table,
        scale: YScale::Linear,
        point: Some(1),
        embed: false,
    };
    const LOG: ViewState = ViewState {
        view: View::Chart,
        scale: YScale::Log,
        point: None,
        embed: false,
    };

    #[test]
    fn the_link_carries_the_readers_view() {
        assert_eq!(
            share_link(ORIGIN, "/news/a-way-out/", TABLE_AT_2),
            "https://example.org/news/a-way-out/?view=table&point=2"
        );
        assert_eq!(
            share_link(ORIGIN, "/index.html", LOG),
            "https://example.org/index.html?scale=log"
        );
        assert_eq!(
            share_link(ORIGIN, "/", ViewState::default()),
            "https://example.org/"
        );
    }

    #[test]
    fn from_an_embed_the_link_is_the_article_page_with_the_view() {
        let embedded = |view| ViewState {
            embed: true,
            ..view
        };
        let cases = [
            ("/news/embed.html", embedded(LOG), "/news/?scale=log"),
            ("/news/", embedded(TABLE_AT_2), "/news/?view=table&point=2"),
            // A host that drops `.html` serves the embed page as `/news/embed`.
            ("/news/embed", embedded(LOG), "/news/?scale=log"),
            ("/news/index.html", embedded(LOG), "/news/?scale=log"),
            // Not the embed: the page itself, whatever its name.
            (
                "/news/not-embed.html",
                ViewState::default(),
                "/news/not-embed.html",
            ),
        ];
        for (path, view, link) in cases {
            assert_eq!(
                share_link(ORIGIN, path, view),
                format!("{ORIGIN}{link}"),
                "{path}"
            );
        }
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
