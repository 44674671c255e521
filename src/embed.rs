//! The embed code of "Copy embed code": an `<iframe>` of the embed page and our host script,
//! which sizes the iframe to the height the page reports (docs/embedding.md). Pure text, tested
//! on the host.

use crate::chart::theme::Theme;

/// The page that shows only the figure, next to the article page.
pub const EMBED_PAGE: &str = "embed.html";

/// The host script, next to the article page (`js/embed.js`, copied unhashed): partners paste its
/// URL once, so the name never changes.
pub const EMBED_SCRIPT: &str = "embed.js";

/// The iframe's height before (or without) the host script. The embed page's content measured
/// in Chromium (`end2end/tests/embed.spec.mjs`, which also checks this height), with the figure's
/// whole row of actions and the sound control: 1,277 px tall at a 320 px column, 1,074 at 375,
/// 942 at 768, 1,030 at 1,000, 1,188 at 1,280; the source line ends at most 1,207 px down (with
/// or without JavaScript). So the whole figure, source line and link included, shows at every
/// common width, with some empty space below it at middle widths; the host script then fits the
/// iframe exactly. A figure that grows must raise it (the test says by how much).
pub const FALLBACK_HEIGHT: u32 = 1290;

/// The embed page's render options, like Datawrapper's render flags, in its query string.
/// js/embedded.js reads and applies them (the only reader: the app never rewrites the embed
/// page's URL).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    /// `theme=dark` or `theme=light`; `None`: the reader's colour scheme.
    pub theme: Option<Theme>,
    /// `plain`: the chart alone, without its title and subtitle.
    pub plain: bool,
}

impl EmbedOptions {
    /// `?theme=dark&plain`, or "" for the defaults.
    pub fn query(&self) -> String {
        let mut query = String::new();
        if let Some(theme) = self.theme {
            query.push_str("?theme=");
            query.push_str(theme.name());
        }
        if self.plain {
            query.push(if query.is_empty() { '?' } else { '&' });
            query.push_str("plain");
        }
        query
    }
}

/// The embed code for the embed page in the folder `page_folder` (absolute, ending in `/`): the
/// iframe (full width, no border, a title, loaded when near) and the host script. No `style`
/// attribute and no inline script: a host page with a strict Content-Security-Policy refuses
/// both (`frameborder`, obsolete but read by every browser, removes the border). `allow`
/// delegates to our frame what its controls need and a cross-origin frame otherwise lacks:
/// full screen and writing the clipboard ("Copy image", "Share" copying its link). Without it
/// the Full screen button hides itself, and copying says to copy by hand. Nothing else: a
/// feature a browser does not know (`web-share` in desktop Chromium), or `allowfullscreen` as
/// well, makes it warn in the partner's console. Share in a frame copies the link.
pub fn embed_snippet(page_folder: &str, title: &str, options: EmbedOptions) -> String {
    let query = options.query();
    let folder = attribute(page_folder);
    format!(
        concat!(
            r#"<iframe src="{folder}{EMBED_PAGE}{query}" title="{title}" width="100%" "#,
            r#"height="{FALLBACK_HEIGHT}" frameborder="0" loading="lazy" "#,
            r#"allow="fullscreen; clipboard-write"></iframe>"#,
            r#"<script src="{folder}{EMBED_SCRIPT}" async></script>"#,
        ),
        folder = folder,
        query = query,
        title = attribute(title),
        EMBED_PAGE = EMBED_PAGE,
        EMBED_SCRIPT = EMBED_SCRIPT,
        FALLBACK_HEIGHT = FALLBACK_HEIGHT,
    )
}

/// The folder of a page URL's path: "/news/story.html" → "/news/". (A byte search: `rfind('/')`
/// links a backwards character searcher into the wasm for this one call, 276 bytes gzip.)
pub fn folder_of(path: &str) -> &str {
    match path.bytes().rposition(|byte| byte == b'/') {
        Some(slash) => &path[..=slash],
        None => "/",
    }
}

/// Escapes text for a double-quoted HTML attribute.
fn attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_is_the_iframe_and_the_host_script() {
        assert_eq!(
            embed_snippet(
                "https://example.org/news/",
                "Exit program",
                EmbedOptions::default()
            ),
            concat!(
                r#"<iframe src="https://example.org/news/embed.html" title="Exit program" "#,
                r#"width="100%" height="1290" frameborder="0" loading="lazy" "#,
                r#"allow="fullscreen; clipboard-write"></iframe>"#,
                r#"<script src="https://example.org/news/embed.js" async></script>"#
            )
        );
    }

    #[test]
    fn the_options_go_into_the_embed_pages_query() {
        let options = |theme, plain| EmbedOptions { theme, plain };
        let src = |options| {
            let snippet = embed_snippet("https://x/", "T", options);
            snippet[..snippet.find(r#"" title"#).unwrap()].to_string()
        };
        assert_eq!(
            src(options(Some(Theme::Dark), false)),
            r#"<iframe src="https://x/embed.html?theme=dark"#
        );
        assert_eq!(
            src(options(Some(Theme::Light), true)),
            r#"<iframe src="https://x/embed.html?theme=light&plain"#
        );
        assert_eq!(
            src(options(None, true)),
            r#"<iframe src="https://x/embed.html?plain"#
        );
    }

    #[test]
    fn no_style_attribute_and_no_inline_script() {
        let snippet = embed_snippet("https://x/", "T", EmbedOptions::default());
        assert!(!snippet.contains("style="));
        assert_eq!(snippet.matches("<script").count(), 1);
        assert!(snippet.contains(r#"<script src="https://x/embed.js" async></script>"#));
    }

    #[test]
    fn attribute_values_are_escaped() {
        let snippet = embed_snippet(
            "https://x/\"><script>/",
            "A & “B” <i>",
            EmbedOptions::default(),
        );
        assert!(snippet.contains(r#"src="https://x/&quot;&gt;&lt;script&gt;/embed.html""#));
        assert!(snippet.contains(r#"src="https://x/&quot;&gt;&lt;script&gt;/embed.js""#));
        assert!(snippet.contains(r#"title="A &amp; “B” &lt;i&gt;""#));
        assert_eq!(snippet.matches('<').count(), 4);
    }

    #[test]
    fn the_folder_of_a_path_keeps_its_trailing_slash() {
        assert_eq!(folder_of("/"), "/");
        assert_eq!(folder_of("/index.html"), "/");
        assert_eq!(folder_of("/news/story.html"), "/news/");
        assert_eq!(folder_of("/news/"), "/news/");
        assert_eq!(folder_of(""), "/");
    }
}
