//! oEmbed discovery (https://oembed.com, as Datawrapper offers it): a static JSON file built with
//! the page, which the page's head links to, so a CMS given the article's URL embeds the chart
//! with the same code "Copy embed code" gives (`crate::embed::embed_snippet`).

use super::card;
use super::site::SiteUrl;
use crate::content::Chart;
use crate::embed::{embed_snippet, EmbedOptions, FALLBACK_HEIGHT};

/// The file's name, beside index.html. Not content-hashed: consumers find it from the page, but
/// may keep its URL; hosts give it a short cache lifetime (deploy/).
pub const OEMBED_FILE: &str = "oembed.json";

/// The width and height a `rich` response must give: the embed code's iframe is fluid (100 %
/// wide; 720 is the widest the article's column gets) and as high as its fallback height until
/// its host script fits it to its content.
const WIDTH: u32 = 720;
const HEIGHT: u32 = FALLBACK_HEIGHT;

/// The oEmbed response for the chart published at `site`, with the social card as thumbnail.
pub fn oembed_json(chart: &Chart, site: &SiteUrl, card_file: &str) -> String {
    let fields: [(&str, String); 11] = [
        ("version", string("1.0")),
        ("type", string("rich")),
        ("title", string(chart.title)),
        ("provider_name", string(site.host())),
        ("provider_url", string(&format!("{}/", site.origin()))),
        (
            "html",
            string(&embed_snippet(
                site.as_str(),
                chart.title,
                EmbedOptions::default(),
            )),
        ),
        ("width", WIDTH.to_string()),
        ("height", HEIGHT.to_string()),
        ("thumbnail_url", string(&site.join(card_file))),
        ("thumbnail_width", card::WIDTH.to_string()),
        ("thumbnail_height", card::HEIGHT.to_string()),
    ];
    let members: Vec<String> = fields
        .iter()
        .map(|(name, value)| format!("{}:{value}", string(name)))
        .collect();
    format!("{{{}}}\n", members.join(","))
}

/// A JSON string: quotes, backslashes and control characters escaped; `<` too, so the text can
/// never close a `<script>` if a consumer inlines it.
fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '<' => out.push_str("\\u003c"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::CHART;

    #[test]
    fn the_response_is_a_rich_oembed_with_the_copied_embed_code() {
        let site = SiteUrl::parse("https://example.org/news/2015/a-way-out/").unwrap();
        let json = oembed_json(&CHART, &site, "card-0123456789abcdef.png");
        let expected = concat!(
            r#"{"version":"1.0","type":"rich","#,
            r#""title":"Gang exit program numbers have more than doubled every year","#,
            r#""provider_name":"example.org","provider_url":"https://example.org/","#,
        );
        assert!(json.starts_with(expected), "{json}");
        // The embed code, as "Copy embed code" gives it, in a JSON string.
        let html = concat!(
            r#""html":"\u003ciframe src=\"https://example.org/news/2015/a-way-out/embed.html\" "#,
            r#"title=\"Gang exit program numbers have more than doubled every year\" width=\"100%\" "#,
            r#"height=\"1290\" frameborder=\"0\" loading=\"lazy\" "#,
            r#"allow=\"fullscreen; clipboard-write\">\u003c/iframe>"#,
            r#"\u003cscript src=\"https://example.org/news/2015/a-way-out/embed.js\" async>"#,
            r#"\u003c/script>","#
        );
        assert!(json.contains(html), "{json}");
        assert!(json.ends_with(concat!(
            r#""width":720,"height":1290,"#,
            r#""thumbnail_url":"https://example.org/news/2015/a-way-out/card-0123456789abcdef.png","#,
            r#""thumbnail_width":1200,"thumbnail_height":630}"#,
            "\n"
        )));
    }

    #[test]
    fn strings_are_escaped_for_json_and_for_a_script_element() {
        assert_eq!(
            string("a \"b\" \\ </script>\n\u{1}é"),
            r#""a \"b\" \\ \u003c/script>\n\u0001é""#
        );
    }
}
