//! Build-time rendering on the host (`ssr` feature): the page's HTML from the same components
//! the browser hydrates, and the chart as static SVG from the same drawing code as the canvas.
//! Run by `src/bin/prerender.rs` from a Trunk post-build hook.

pub mod card;
pub mod oembed;
pub mod raster;
pub mod site;
mod svg;
mod svg_file;

pub use svg::chart_svgs;
pub use svg_file::chart_svg_file;

use oembed::OEMBED_FILE;
use site::SiteUrl;

use html_escape::{encode_double_quoted_attribute, encode_text};
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

use crate::components::App;
use crate::content::{Block, ARTICLE, CHART};

/// The element the app hydrates; Trunk's `index.html` must contain it, empty, exactly once.
pub const APP_ROOT: &str = r#"<div id="app"></div>"#;

/// The app's HTML, exactly as hydration expects it (no added whitespace).
pub fn render_app() -> String {
    valid_markers(&Owner::new().with(|| view! { <App /> }.to_html()))
}

/// Leptos marks where text nodes meet, and where nothing is, with `<!>`: an empty comment to an
/// HTML parser, but a "bogus comment" parse error to the HTML standard (the Nu Html Checker
/// reports each). `<!---->` is the same empty comment node, written validly, so hydration, which
/// walks the DOM's nodes, finds what it expects. Text never holds a `<` (leptos escapes it), so
/// every `<!>` in the output is a marker.
fn valid_markers(html: &str) -> String {
    html.replace("<!>", "<!---->")
}

/// What the head's sharing tags point at.
#[derive(Clone, Copy, Debug)]
pub struct Sharing<'a> {
    /// Where the page is published (`WAY_OUT_SITE_URL`). Without it, the card's URL is relative
    /// and the tags that must be absolute (`og:url`, canonical, oEmbed) are left out.
    pub site: Option<&'a SiteUrl>,
    /// The social card's file name, beside index.html (`card::social_card`).
    pub card_file: &'a str,
}

/// `<title>`, description and sharing metadata, from the content: Open Graph (read by most
/// link previews; X reads the title, description and image from them too), the large-picture
/// card, and oEmbed discovery.
pub fn render_head(sharing: Sharing) -> String {
    let article = &ARTICLE;
    let attribute = |text: &str| encode_double_quoted_attribute(text).into_owned();
    let description = attribute(first_paragraph().unwrap_or(article.standfirst));
    let headline = attribute(article.headline);
    let mut head = format!(
        concat!(
            r#"<title>{title}</title>"#,
            r#"<meta name="description" content="{description}">"#,
            r#"<meta property="og:type" content="article">"#,
            r#"<meta property="og:title" content="{headline}">"#,
            r#"<meta property="og:description" content="{description}">"#,
        ),
        title = encode_text(article.headline),
        description = description,
        headline = headline,
    );
    if let Some(site) = sharing.site {
        let url = attribute(site.as_str());
        head.push_str(&format!(
            r#"<meta property="og:url" content="{url}"><link rel="canonical" href="{url}">"#
        ));
    }
    let card = match sharing.site {
        Some(site) => site.join(sharing.card_file),
        None => sharing.card_file.to_string(),
    };
    head.push_str(&format!(
        concat!(
            r#"<meta property="og:image" content="{card}">"#,
            r#"<meta property="og:image:width" content="{width}">"#,
            r#"<meta property="og:image:height" content="{height}">"#,
            r#"<meta property="og:image:alt" content="{alt}">"#,
            r#"<meta name="twitter:card" content="summary_large_image">"#,
        ),
        card = attribute(&card),
        width = card::WIDTH,
        height = card::HEIGHT,
        // What the picture shows: the chart's title and its description made from the data.
        alt = attribute(&format!("{}. {}", CHART.title, CHART.description)),
    ));
    if let Some(site) = sharing.site {
        head.push_str(&format!(
            r#"<link rel="alternate" type="application/json+oembed" href="{}" title="{}">"#,
            attribute(&site.join(OEMBED_FILE)),
            attribute(CHART.title),
        ));
    }
    head
}

fn first_paragraph() -> Option<&'static str> {
    ARTICLE.body.iter().find_map(|block| match block {
        Block::Paragraph(text) => Some(*text),
        _ => None,
    })
}

/// Finishes Trunk's built `index.html`: the rendered head and app, and the wasm preload fixed
/// for `js/loader.js`.
pub fn fill_template(template: &str, sharing: Sharing) -> Result<String, String> {
    for marker in ["</head>", APP_ROOT] {
        if template.matches(marker).count() != 1 {
            return Err(format!("index.html must contain `{marker}` exactly once"));
        }
    }
    // Trunk copies `data-integrity="none"` (index.html: no hash on the stylesheet and the
    // loader) into its tags; it means nothing there.
    let template = template.replace(r#" data-integrity="none""#, "");
    let with_head = template.replacen("</head>", &format!("{}</head>", render_head(sharing)), 1);
    let app = format!(r#"<div id="app">{}</div>"#, render_app());
    move_wasm_integrity(&with_head.replacen(APP_ROOT, &app, 1))
        .and_then(|page| hoist_preloads(&page))
}

/// Added to each preload: a reader without JavaScript cannot run the app, and should not download
/// it (the wasm is most of the page's bytes). Chromium, Firefox and Safari skip a preload whose
/// `media` does not match; a browser without the `scripting` feature skips it too, and the loader
/// fetches the files when it runs (docs/build.md, "What each unusual build step buys").
const ONLY_WITH_SCRIPTING: &str = r#" media="(scripting: enabled)""#;

/// Moves Trunk's preload links (appended at the end of `<head>`) up to just after the page's
/// stylesheet: the render-blocking stylesheet is requested first, the downloads next, and the
/// loader finds them parsed. Both come after the Content-Security-Policy `<meta>`, which must come
/// first to cover them. Each preload is for readers with JavaScript only (`ONLY_WITH_SCRIPTING`).
pub fn hoist_preloads(html: &str) -> Result<String, String> {
    const POLICY: &str = r#"<meta http-equiv="Content-Security-Policy""#;
    const STYLESHEET: &str = r#"<link rel="stylesheet""#;
    let mut rest = html.to_string();
    let mut links = String::new();
    for kind in [r#"<link rel="modulepreload""#, r#"<link rel="preload""#] {
        while let Some(start) = rest.find(kind) {
            let end = start
                + rest[start..]
                    .find('>')
                    .ok_or_else(|| format!("unclosed {kind}"))?;
            let tag = rest[start..end].trim_end_matches('/');
            links.push_str(&format!("{tag}{ONLY_WITH_SCRIPTING}>"));
            rest.replace_range(start..=end, "");
        }
    }
    let tag_end = |start: usize| start + rest[start..].find('>').unwrap_or(0) + 1;
    let stylesheet_end = match (rest.find(POLICY), rest.find(STYLESHEET), links.is_empty()) {
        (Some(policy), Some(stylesheet), false) if policy < stylesheet => tag_end(stylesheet),
        _ => {
            return Err(format!(
                "expected a `{POLICY}`, then the stylesheet and Trunk's preload links in index.html"
            ))
        }
    };
    rest.insert_str(stylesheet_end, &links);
    Ok(rest)
}

/// Words into lines no wider than `max_width` by `width_of` (a word wider than that gets a line
/// of its own). Only spaces break: a no-break space keeps its words together, as in the page.
/// The social card measures with its font (which can fail), the SVG file estimates.
fn wrap_words<E>(
    text: &str,
    max_width: f64,
    width_of: &dyn Fn(&str) -> Result<f64, E>,
) -> Result<Vec<String>, E> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|word| !word.is_empty()) {
        let longer = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || width_of(&longer)? <= max_width {
            line = longer;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

/// The embed version of a finished page: the same document, showing only the figure from the
/// first paint (`html.embed` in the CSS), with a link to the whole article at the end of the
/// figure's caption. Kept out of search results on its own, but indexed as part of a partner's
/// page that embeds it (Google's `indexifembedded`); without the article's canonical link, which
/// search engines read as a signal contrary to `noindex`.
pub fn embed_page(page: &str) -> Result<String, String> {
    const HTML: &str = r#"<html lang="en">"#;
    const CAPTION_END: &str = "</figcaption>";
    for marker in [HTML, CAPTION_END] {
        if page.matches(marker).count() != 1 {
            return Err(format!("index.html must contain `{marker}` exactly once"));
        }
    }
    let canonical = page
        .find(r#"<link rel="canonical""#)
        .and_then(|start| Some(start..start + page[start..].find('>')? + 1));
    let page = match canonical {
        Some(tag) => [&page[..tag.start], &page[tag.end..]].concat(),
        None => page.to_string(),
    };
    Ok(page
        .replacen(HTML, r#"<html lang="en" class="embed">"#, 1)
        .replacen(
            "</head>",
            r#"<meta name="robots" content="noindex, indexifembedded"></head>"#,
            1,
        )
        .replacen(
            CAPTION_END,
            &format!("{}{CAPTION_END}", full_article_link()),
            1,
        ))
}

/// The embed page's way to the whole story, quiet like a chart's footer: the article page beside
/// it, opened in the reader's top window rather than inside the host's iframe. Static HTML
/// outside the hydrated island, so only embed.html has it.
fn full_article_link() -> String {
    format!(
        r#"<p class="full-article"><a href="./" target="_top">Read the full article: {}</a></p>"#,
        encode_text(ARTICLE.headline)
    )
}

/// The embed page's own script (`js/embedded.js`: its options and height reports), as Trunk
/// wrote it into the template: `index.html` leaves it out.
const EMBEDDED_SCRIPT: &str = r#"<script src="./embedded-"#;

/// The article page: the finished page without the embed page's own script.
pub fn article_page(page: &str) -> Result<String, String> {
    let tags: Vec<(usize, &str)> = page
        .match_indices(EMBEDDED_SCRIPT)
        .filter_map(|(start, _)| {
            let end = start + page[start..].find("</script>")? + "</script>".len();
            Some((start, &page[start..end]))
        })
        .collect();
    let [(start, tag)] = tags[..] else {
        return Err(format!(
            "expected one `{EMBEDDED_SCRIPT}…` from Trunk, found {}",
            tags.len()
        ));
    };
    Ok(format!("{}{}", &page[..start], &page[start + tag.len()..]))
}

/// Chromium ignores `integrity` on `<link rel="preload" as="fetch">` and warns in the console.
/// The hash moves to `data-integrity`; the loader passes it to its own `fetch`, which reuses the
/// preload (one download) and makes the browser check the hash (subresource integrity).
pub fn move_wasm_integrity(html: &str) -> Result<String, String> {
    let tags: Vec<(usize, &str)> = html
        .match_indices("<link rel=\"preload\"")
        .filter_map(|(start, _)| {
            let end = start + html[start..].find('>')?;
            let tag = &html[start..=end];
            tag.contains("_bg.wasm\"").then_some((start, tag))
        })
        .collect();
    let [(start, tag)] = tags[..] else {
        return Err(format!(
            "expected one wasm preload link from Trunk, found {}",
            tags.len()
        ));
    };
    if !tag.contains(" integrity=\"") {
        return Err(format!("the wasm preload has no integrity hash: {tag}"));
    }
    let fixed = tag.replacen(" integrity=\"", " data-integrity=\"", 1);
    Ok(format!(
        "{}{fixed}{}",
        &html[..start],
        &html[start + tag.len()..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = concat!(
        r#"<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="x">"#,
        r#"<link rel="stylesheet" href="/main.css">"#,
        r#"<script src="/loader.js" type="module"></script>"#,
        r#"<script src="./embedded-1.js" defer integrity="sha384-e"></script>"#,
        r#"<link rel="modulepreload" href="/a.js" integrity="sha384-js">"#,
        r#"<link rel="preload" href="/a_bg.wasm" crossorigin="anonymous" integrity="sha384-w" as="fetch">"#,
        r#"</head><body><div id="app"></div></body></html>"#
    );

    const NO_SITE: Sharing = Sharing {
        site: None,
        card_file: "card-0123456789abcdef.png",
    };

    /// The head's sharing tags for a build with a site URL: absolute, as link previews and
    /// oEmbed consumers need them.
    #[test]
    fn with_a_site_url_the_sharing_tags_are_absolute() {
        let site = SiteUrl::parse("https://example.org/news/2015/a-way-out/").unwrap();
        let head = render_head(Sharing {
            site: Some(&site),
            ..NO_SITE
        });
        for tag in [
            r#"<meta property="og:url" content="https://example.org/news/2015/a-way-out/">"#,
            r#"<link rel="canonical" href="https://example.org/news/2015/a-way-out/">"#,
            r#"<meta property="og:image" content="https://example.org/news/2015/a-way-out/card-0123456789abcdef.png">"#,
            r#"<meta property="og:image:width" content="1200">"#,
            r#"<meta property="og:image:height" content="630">"#,
            r#"<meta name="twitter:card" content="summary_large_image">"#,
            concat!(
                r#"<link rel="alternate" type="application/json+oembed" "#,
                r#"href="https://example.org/news/2015/a-way-out/oembed.json" "#,
                r#"title="Gang exit program numbers have more than doubled every year">"#
            ),
        ] {
            assert_eq!(head.matches(tag).count(), 1, "{tag} in {head}");
        }
        // The picture's text alternative is the chart's generated description.
        assert!(head.contains(concat!(
            r#"<meta property="og:image:alt" content="Gang exit program numbers have more than "#,
            r#"doubled every year. The number of people rose from 15 in early 2013 to 74 in "#,
            r#"February 2015"#
        )), "{head}");
    }

    /// Without a site URL the build still makes a valid head: the card relative, nothing that
    /// must be absolute.
    #[test]
    fn without_a_site_url_the_card_is_relative_and_absolute_only_tags_are_left_out() {
        let head = render_head(NO_SITE);
        assert!(head.contains(r#"<meta property="og:image" content="card-0123456789abcdef.png">"#));
        assert!(head.contains(r#"<meta name="twitter:card" content="summary_large_image">"#));
        for absent in ["og:url", "canonical", "oembed"] {
            assert!(!head.contains(absent), "{absent} in {head}");
        }
    }

    /// Every piece of text the content file gives the article, read from the file as it is now:
    /// a stale build would render something else.
    fn article_texts_in_the_content_file() -> Vec<String> {
        let file: toml::Table = include_str!("../../content/article.toml").parse().unwrap();
        let mut texts = Vec::new();
        let article = file["article"].as_table().unwrap();
        for key in ["headline", "standfirst"] {
            texts.push(article[key].as_str().unwrap().to_string());
        }
        for block in article["body"].as_array().unwrap() {
            let block = block.as_table().unwrap();
            for (kind, value) in block {
                match (kind.as_str(), value) {
                    ("paragraph" | "subhead", toml::Value::String(text)) => {
                        texts.push(text.clone())
                    }
                    ("quote", toml::Value::Table(quote)) => {
                        texts.push(quote["text"].as_str().unwrap().to_string());
                        texts.push(quote["attribution"].as_str().unwrap().to_string());
                    }
                    _ => {}
                }
            }
        }
        for teaser in file["related"].as_array().unwrap() {
            for key in ["title", "summary"] {
                texts.push(teaser[key].as_str().unwrap().to_string());
            }
        }
        let chart = file["chart"].as_table().unwrap();
        for key in ["title", "subtitle", "source"] {
            texts.push(chart[key].as_str().unwrap().to_string());
        }
        texts
    }

    #[test]
    fn the_prerendered_app_contains_every_text_of_the_content_file_once() {
        let html = render_app();
        let texts = article_texts_in_the_content_file();
        assert!(texts.len() > 20);
        for text in texts {
            let escaped = encode_text(&text).to_string();
            assert!(
                html.contains(&escaped),
                "missing from the prerendered HTML: {text}"
            );
        }
        assert_eq!(html.matches("<h1>").count(), 1);
        assert_eq!(html.matches("<h2>").count(), 2);
    }

    #[test]
    fn the_key_figures_average_says_approximately_where_it_is_rounded() {
        // 400 years × 12 months ÷ 1,520 people = 3.157… months. The sign and its number
        // are joined by a no-break space: a line never ends with "≈".
        let app = render_app();
        assert!(app.contains("<dd>≈\u{a0}3.2</dd>"), "{app}");
        assert!(app.contains("400 years × 12 months ÷ 1,520 people ≈\u{a0}3.2 months each"));
        assert!(!app.contains("= 3.2") && !app.contains("≈ "));
    }

    /// The content file's quotes carry their quotation marks (as published): a `<q>` would add
    /// a second pair wherever the stylesheet does not hide them (a text browser, reader view).
    #[test]
    fn each_quote_is_a_paragraph_with_its_marks_once_and_no_q_element() {
        let html = render_app();
        assert!(!html.contains("<q"), "a <q> element");
        let quotes = ARTICLE.body.iter().filter_map(|block| match block {
            Block::Quote(quote) => Some(quote),
            _ => None,
        });
        let mut count = 0;
        for quote in quotes {
            let text = format!("{} {}", quote.text, quote.attribution);
            let paragraph = format!("<p>{}</p>", encode_text(&text));
            assert!(html.contains(&paragraph), "not one paragraph: {paragraph}");
            count += 1;
        }
        assert!(count > 0, "no quote in the content to test");
    }

    /// Leptos's `<!>` markers are "bogus comments" to the HTML standard; the page has the same
    /// empty comments written validly, as many as leptos wrote.
    #[test]
    fn hydration_markers_are_valid_empty_comments() {
        let raw = Owner::new().with(|| view! { <App /> }.to_html());
        let markers = raw.matches("<!>").count();
        assert!(
            markers > 0,
            "leptos wrote no `<!>`: is this test still needed?"
        );
        let html = render_app();
        assert!(!html.contains("<!>"));
        assert_eq!(
            html.matches("<!---->").count(),
            markers + raw.matches("<!---->").count()
        );
        assert_eq!(valid_markers("a<!>b<!--x-->"), "a<!---->b<!--x-->");
    }

    #[test]
    fn the_prerendered_app_contains_the_static_chart_with_its_values() {
        let html = render_app();
        assert!(html.contains(r#"<div id="chart""#));
        // Two layouts, each themed by CSS.
        assert_eq!(html.matches("<svg ").count(), 2);
        for value in ["15", "35", "74"] {
            assert!(
                html.contains(&format!(">{value}</text>")),
                "no label {value}"
            );
        }
    }

    #[test]
    fn the_template_gets_head_app_and_a_wasm_preload_without_integrity() {
        let page = fill_template(TEMPLATE, NO_SITE).unwrap();
        assert!(page.contains("<title>Members asking for help to leave their biker gangs</title>"));
        assert!(page.contains(r#"<meta property="og:type" content="article">"#));
        assert!(page.contains(r#"<div id="app"><main"#));
        assert!(page.contains(
            r#"crossorigin="anonymous" data-integrity="sha384-w" as="fetch" media="(scripting: enabled)">"#
        ));
        // The module preload keeps its (supported) integrity attribute; both are for readers
        // with JavaScript only.
        assert!(
            page.contains(r#"href="/a.js" integrity="sha384-js" media="(scripting: enabled)">"#)
        );
        // The policy, the stylesheet, then both preloads, before the loader.
        assert!(page.starts_with(concat!(
            r#"<html lang="en"><head><meta charset="utf-8">"#,
            r#"<meta http-equiv="Content-Security-Policy" content="x">"#,
            r#"<link rel="stylesheet" href="/main.css">"#,
            r#"<link rel="modulepreload" href="/a.js""#
        )));
        assert!(page.find("a_bg.wasm").unwrap() < page.find("/loader.js").unwrap());
    }

    #[test]
    fn lines_wrap_at_the_width() {
        let width = |t: &str| Ok::<_, ()>(t.chars().count() as f64);
        assert_eq!(
            wrap_words("aa bb cc dddddd e", 5.0, &width).unwrap(),
            ["aa bb", "cc", "dddddd", "e"]
        );
        assert!(wrap_words("", 5.0, &width).unwrap().is_empty());
    }

    #[test]
    fn trunks_integrity_none_markers_go() {
        let template = TEMPLATE.replace(
            r#"<script src="/loader.js""#,
            r#"<script src="/loader.js" data-integrity="none""#,
        );
        let page = fill_template(&template, NO_SITE).unwrap();
        assert!(page.contains(r#"<script src="/loader.js" type="module">"#));
        assert!(!page.contains(r#"data-integrity="none""#));
    }

    #[test]
    fn the_embed_page_is_the_same_page_marked_as_embedded() {
        let page = fill_template(TEMPLATE, NO_SITE).unwrap();
        let embed = embed_page(&page).unwrap();
        assert!(embed.starts_with(r#"<html lang="en" class="embed"><head>"#));
        assert!(embed.contains(r#"<meta name="robots" content="noindex, indexifembedded"></head>"#));
        let link = concat!(
            r#"<p class="full-article"><a href="./" target="_top">"#,
            "Read the full article: Members asking for help to leave their biker gangs</a></p>",
            "</figcaption>"
        );
        assert_eq!(embed.matches(link).count(), 1);
        assert_eq!(
            embed
                .replace(r#" class="embed""#, "")
                .replace(
                    r#"<meta name="robots" content="noindex, indexifembedded">"#,
                    ""
                )
                .replace(link, "</figcaption>"),
            page
        );
    }

    #[test]
    fn the_embed_page_has_no_canonical_link_beside_its_noindex() {
        let site = SiteUrl::parse("https://example.org/news/2015/a-way-out/").unwrap();
        let page = fill_template(
            TEMPLATE,
            Sharing {
                site: Some(&site),
                ..NO_SITE
            },
        )
        .unwrap();
        let canonical = r#"<link rel="canonical" href="https://example.org/news/2015/a-way-out/">"#;
        assert_eq!(page.matches(canonical).count(), 1);
        let embed = embed_page(&page).unwrap();
        assert!(!embed.contains("canonical"), "{embed}");
        // Everything else of the head stays: the sharing tags and the oEmbed link.
        assert!(embed.contains(
            r#"<meta property="og:url" content="https://example.org/news/2015/a-way-out/">"#
        ));
        assert!(embed.contains("application/json+oembed"));
    }

    #[test]
    fn the_article_page_leaves_the_embed_pages_script_out() {
        let page = fill_template(TEMPLATE, NO_SITE).unwrap();
        let tag = r#"<script src="./embedded-1.js" defer integrity="sha384-e"></script>"#;
        assert_eq!(page.matches(tag).count(), 1);
        assert_eq!(article_page(&page).unwrap(), page.replace(tag, ""));
        assert_eq!(embed_page(&page).unwrap().matches(tag).count(), 1);
        assert_eq!(
            article_page("<html></html>").unwrap_err(),
            r#"expected one `<script src="./embedded-…` from Trunk, found 0"#
        );
    }

    #[test]
    fn a_template_without_its_markers_is_refused() {
        assert!(fill_template("<html><body></body></html>", NO_SITE).is_err());
        let no_preload = TEMPLATE.replace("a_bg.wasm", "a.bin");
        assert_eq!(
            fill_template(&no_preload, NO_SITE).unwrap_err(),
            "expected one wasm preload link from Trunk, found 0"
        );
    }
}
