//! The `<iframe>` snippet of "Copy embed code". Pure text, tested on the host.

/// The page that shows only the figure, next to the article page.
pub const EMBED_PAGE: &str = "embed.html";

/// An `<iframe>` for the embed page in the folder `page_folder` (absolute, ending in `/`).
pub fn embed_snippet(page_folder: &str, title: &str) -> String {
    format!(
        r#"<iframe src="{}{EMBED_PAGE}" title="{}" width="100%" height="720" style="border:0;width:100%;max-width:720px" loading="lazy"></iframe>"#,
        attribute(page_folder),
        attribute(title)
    )
}

/// The folder of a page URL's path: "/news/story.html" → "/news/".
pub fn folder_of(path: &str) -> &str {
    match path.rfind('/') {
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
    fn the_snippet_points_at_the_embed_page_with_a_title() {
        assert_eq!(
            embed_snippet("https://example.org/news/", "Exit program"),
            r#"<iframe src="https://example.org/news/embed.html" title="Exit program" width="100%" height="720" style="border:0;width:100%;max-width:720px" loading="lazy"></iframe>"#
        );
    }

    #[test]
    fn attribute_values_are_escaped() {
        let snippet = embed_snippet("https://x/\"><script>/", "A & “B” <i>");
        assert!(snippet.contains(r#"src="https://x/&quot;&gt;&lt;script&gt;/embed.html""#));
        assert!(snippet.contains(r#"title="A &amp; “B” &lt;i&gt;""#));
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
