//! Reads and checks `content/article.toml`, then writes it out as Rust source for `model.rs`.
//!
//! Runs on the host only: in `build.rs` (so malformed content fails `cargo build` with the file,
//! the field and the problem) and in unit tests. The browser never parses content.

use serde::Deserialize;
use std::fmt::{self, Write as _};

use crate::chart::scale::{x_axis, y_axis, Tick, YScale};
use crate::chart::words::{announcement, point_text};
use crate::content::{Point, YearMonth};
use crate::format::thousands;
use crate::stats::{describe, growth_note};

/// A problem in the content file: where it is and what is wrong.
#[derive(Debug, PartialEq)]
pub struct ContentError {
    pub file: String,
    /// Dotted path to the field, as in the TOML file: `chart.points[1].date`.
    pub field: String,
    pub problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.field, self.problem)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContent {
    pub article: RawArticle,
    pub related: Vec<RawTeaser>,
    pub chart: RawChart,
    pub key_figures: RawKeyFigures,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawArticle {
    pub headline: String,
    pub standfirst: String,
    pub body: Vec<RawBlock>,
}

/// Each `[[article.body]]` table has exactly one of these keys.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum RawBlock {
    Paragraph(String),
    Subhead(String),
    Quote(RawQuote),
    /// Where a figure goes: `"chart"` or `"key-figures"`, each exactly once.
    Figure(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuote {
    pub text: String,
    pub attribution: String,
    pub speaker: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTeaser {
    pub title: String,
    pub summary: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChart {
    pub title: String,
    pub subtitle: String,
    pub unit: String,
    pub source: String,
    pub slug: String,
    pub points: Vec<RawPoint>,
    pub annotation: RawAnnotation,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPoint {
    pub period: String,
    pub date: String,
    #[serde(default)]
    pub approximate: bool,
    /// Signed so that a negative count gets our own message rather than a type error.
    pub value: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAnnotation {
    pub label: String,
    pub from: String,
    pub to: String,
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawKeyFigures {
    pub year: u16,
    pub members_sentenced: u32,
    pub prison_years: u32,
}

/// Parses and checks the content file. `file` is only used in messages.
pub fn parse(file: &str, text: &str) -> Result<RawContent, ContentError> {
    let error = |field: String, problem: String| ContentError {
        file: file.to_string(),
        field,
        problem,
    };
    let deserializer = toml::Deserializer::parse(text)
        .map_err(|e| error("(syntax)".into(), toml_problem(text, &e)))?;
    let content: RawContent = serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let field = match e.path().to_string() {
            path if path == "." => "(top level)".to_string(),
            path => path,
        };
        error(field, toml_problem(text, e.inner()))
    })?;
    check(&content).map_err(|(field, problem)| error(field, problem))?;
    Ok(content)
}

/// The toml message with the line it points at, e.g. "missing field `value` (line 12)".
fn toml_problem(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim().to_string();
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("{message} (line {line})")
        }
        None => message,
    }
}

type Problem = (String, String);

/// The figures the article body can place.
const FIGURES: [&str; 2] = ["chart", "key-figures"];

fn check(c: &RawContent) -> Result<(), Problem> {
    let a = &c.article;
    not_empty("article.headline", &a.headline)?;
    not_empty("article.standfirst", &a.standfirst)?;
    let mut figures: Vec<&str> = Vec::new();
    let mut paragraphs = 0;
    for (i, block) in a.body.iter().enumerate() {
        let at = format!("article.body[{i}]");
        match block {
            RawBlock::Paragraph(text) => {
                paragraphs += 1;
                not_empty(&format!("{at}.paragraph"), text)?
            }
            RawBlock::Subhead(text) => not_empty(&format!("{at}.subhead"), text)?,
            RawBlock::Quote(q) => {
                not_empty(&format!("{at}.quote.text"), &q.text)?;
                not_empty(&format!("{at}.quote.attribution"), &q.attribution)?;
                not_empty(&format!("{at}.quote.speaker"), &q.speaker)?;
            }
            RawBlock::Figure(name) => {
                if !FIGURES.contains(&name.as_str()) {
                    return Err((
                        format!("{at}.figure"),
                        format!("unknown figure \"{name}\"; the figures are {FIGURES:?}"),
                    ));
                }
                figures.push(name);
            }
        }
    }
    if paragraphs == 0 {
        return Err(("article.body".into(), "has no paragraph".into()));
    }
    for figure in FIGURES {
        let count = figures.iter().filter(|name| **name == figure).count();
        if count != 1 {
            return Err((
                "article.body".into(),
                format!("must place figure = \"{figure}\" exactly once, found {count}"),
            ));
        }
    }

    if c.related.is_empty() {
        return Err(("related".into(), "needs at least one teaser".into()));
    }
    for (i, teaser) in c.related.iter().enumerate() {
        not_empty(&format!("related[{i}].title"), &teaser.title)?;
        not_empty(&format!("related[{i}].summary"), &teaser.summary)?;
        if c.related[..i].iter().any(|t| t.title == teaser.title) {
            return Err((
                format!("related[{i}].title"),
                format!(
                    "\"{}\" is listed twice; show each teaser once",
                    teaser.title
                ),
            ));
        }
    }

    let ch = &c.chart;
    not_empty("chart.title", &ch.title)?;
    not_empty("chart.subtitle", &ch.subtitle)?;
    not_empty("chart.unit", &ch.unit)?;
    not_empty("chart.source", &ch.source)?;
    let slug_ok = ch.slug.split('-').all(|part| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    });
    if !slug_ok {
        return Err((
            "chart.slug".into(),
            format!(
                "\"{}\" must be lowercase words and digits joined by hyphens",
                ch.slug
            ),
        ));
    }
    if ch.points.len() < 2 {
        return Err(("chart.points".into(), "needs at least two points".into()));
    }
    let body_text = body_text(a);
    let mut previous: Option<(u16, u8)> = None;
    for (i, p) in ch.points.iter().enumerate() {
        let at = format!("chart.points[{i}]");
        not_empty(&format!("{at}.period"), &p.period)?;
        let date = year_month(&format!("{at}.date"), &p.date)?;
        if let Some(before) = previous {
            if date <= before {
                return Err((
                    format!("{at}.date"),
                    format!(
                        "dates must increase: {} is not after {}",
                        p.date,
                        ch.points[i - 1].date
                    ),
                ));
            }
        }
        previous = Some(date);
        if p.value < 0 {
            return Err((
                format!("{at}.value"),
                format!("{} is negative; a count of people cannot be", p.value),
            ));
        }
        let value = u32::try_from(p.value)
            .map_err(|_| (format!("{at}.value"), format!("{} is too large", p.value)))?;
        in_text(&format!("{at}.value"), &body_text, &thousands(value))?;
    }

    let an = &ch.annotation;
    not_empty("chart.annotation.label", &an.label)?;
    not_empty("chart.annotation.note", &an.note)?;
    let from = year_month("chart.annotation.from", &an.from)?;
    let to = year_month("chart.annotation.to", &an.to)?;
    if to < from {
        return Err((
            "chart.annotation.to".into(),
            format!("{} is before chart.annotation.from ({})", an.to, an.from),
        ));
    }

    let k = &c.key_figures;
    in_text("key_figures.year", &body_text, &k.year.to_string())?;
    in_text(
        "key_figures.members_sentenced",
        &body_text,
        &thousands(k.members_sentenced),
    )?;
    in_text(
        "key_figures.prison_years",
        &body_text,
        &thousands(k.prison_years),
    )?;
    if k.members_sentenced == 0 {
        return Err(("key_figures.members_sentenced".into(), "is zero".into()));
    }
    Ok(())
}

fn not_empty(field: &str, text: &str) -> Result<(), Problem> {
    if text.trim().is_empty() {
        Err((field.into(), "is empty".into()))
    } else {
        Ok(())
    }
}

/// "2014-02" → (2014, 2).
fn year_month(field: &str, text: &str) -> Result<(u16, u8), Problem> {
    let bad = || {
        (
            field.to_string(),
            format!("\"{text}\" is not a month in the form YYYY-MM (e.g. 2014-02)"),
        )
    };
    let (year, month) = text.split_once('-').ok_or_else(bad)?;
    if year.len() != 4 || month.len() != 2 {
        return Err(bad());
    }
    let year: u16 = year.parse().map_err(|_| bad())?;
    let month: u8 = month.parse().map_err(|_| bad())?;
    if !(1..=12).contains(&month) || !(1900..=2100).contains(&year) {
        return Err(bad());
    }
    Ok((year, month))
}

/// All the article's own words, for checking that the figures match the text.
fn body_text(a: &RawArticle) -> String {
    a.body
        .iter()
        .map(|block| match block {
            RawBlock::Paragraph(t) | RawBlock::Subhead(t) => t.clone(),
            RawBlock::Quote(q) => format!("{} {}", q.text, q.attribution),
            RawBlock::Figure(_) => String::new(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The number, as written, must appear in the article as a whole number ("1,520", not
/// inside "11,520").
fn in_text(field: &str, text: &str, needle: &str) -> Result<(), Problem> {
    let found = text.match_indices(needle).any(|(at, _)| {
        let is_digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        let is_separator = |c: Option<char>| matches!(c, Some(',' | '.'));
        let mut before = text[..at].chars().rev();
        let mut after = text[at + needle.len()..].chars();
        let (b1, b2) = (before.next(), before.next());
        let (a1, a2) = (after.next(), after.next());
        // Glued to a digit, or to a separator that continues a number: part of another number.
        let joined_before = is_digit(b1) || (is_separator(b1) && is_digit(b2));
        let joined_after = is_digit(a1) || (is_separator(a1) && is_digit(a2));
        !(joined_before || joined_after)
    });
    if found {
        Ok(())
    } else {
        Err((
            field.into(),
            format!("{needle} does not appear in the article text; the figures must match it"),
        ))
    }
}

/// Rust source for the statics `ARTICLE`, `CHART`, `CHART_PAGE` and `KEY_FIGURES` (types in
/// `model.rs`),
/// to be `include!`d by `content/mod.rs`.
pub fn to_rust(c: &RawContent) -> String {
    let mut out =
        String::from("// Generated by build.rs from content/article.toml. Do not edit.\n");
    let s = |text: &str| format!("{text:?}");
    let ym = |text: &str| {
        let (year, month) = year_month("", text).expect("checked by parse");
        format!("YearMonth {{ year: {year}, month: {month} }}")
    };
    let a = &c.article;
    out.push_str("pub static ARTICLE: Article = Article {\n");
    let _ = writeln!(out, "    headline: {},", s(&a.headline));
    let _ = writeln!(out, "    standfirst: {},", s(&a.standfirst));
    out.push_str("    body: &[\n");
    for block in &a.body {
        let _ = match block {
            RawBlock::Paragraph(t) => writeln!(out, "        Block::Paragraph({}),", s(t)),
            RawBlock::Subhead(t) => writeln!(out, "        Block::Subhead({}),", s(t)),
            RawBlock::Quote(q) => writeln!(
                out,
                "        Block::Quote(Quote {{ text: {}, attribution: {}, speaker: {} }}),",
                s(&q.text),
                s(&q.attribution),
                s(&q.speaker)
            ),
            RawBlock::Figure(name) if name == "chart" => writeln!(out, "        Block::Chart,"),
            RawBlock::Figure(_) => writeln!(out, "        Block::KeyFigures,"),
        };
    }
    out.push_str("    ],\n    related: &[\n");
    for t in &c.related {
        let _ = writeln!(
            out,
            "        Teaser {{ title: {}, summary: {} }},",
            s(&t.title),
            s(&t.summary)
        );
    }
    out.push_str("    ],\n};\n\n");

    let ch = &c.chart;
    out.push_str("pub static CHART: Chart = Chart {\n");
    let _ = writeln!(out, "    title: {},", s(&ch.title));
    let _ = writeln!(out, "    subtitle: {},", s(&ch.subtitle));
    let _ = writeln!(out, "    unit: {},", s(&ch.unit));
    let _ = writeln!(out, "    source: {},", s(&ch.source));
    let _ = writeln!(out, "    slug: {},", s(&ch.slug));
    out.push_str("    points: &[\n");
    for p in &ch.points {
        let _ = writeln!(
            out,
            "        Point {{ period: {}, date: {}, approximate: {}, value: {} }},",
            s(&p.period),
            ym(&p.date),
            p.approximate,
            p.value
        );
    }
    let an = &ch.annotation;
    let _ = writeln!(
        out,
        "    ],\n    annotation: Annotation {{ label: {}, from: {}, to: {}, note: {} }},",
        s(&an.label),
        ym(&an.from),
        ym(&an.to),
        s(&an.note)
    );
    let points = points(ch);
    let _ = writeln!(out, "    description: {},", s(&describe(&points, &ch.unit)));
    out.push_str("    words: &[\n");
    for i in 0..points.len() {
        let text = point_text(&points, i, &ch.unit).expect("a point of the list");
        let change = match &text.change {
            Some(change) => format!("Some({})", s(change)),
            None => "None".into(),
        };
        let _ = writeln!(
            out,
            "        PointWords {{ period: {}, value: {}, change: {change}, announcement: {} }},",
            s(&text.period),
            s(&text.value),
            s(&announcement(&points, i, &ch.unit))
        );
    }
    out.push_str("    ],\n");
    let values: Vec<u32> = points.iter().map(|p| p.value).collect();
    let _ = writeln!(
        out,
        "    axes: Axes {{\n        x: {},\n        linear: {},\n        log: {},\n    }},\n}};\n",
        axis_literal(x_axis(&points)),
        axis_literal(y_axis(YScale::Linear, &values)),
        axis_literal(y_axis(YScale::Log, &values))
    );

    let csv = to_csv(c);
    let _ = writeln!(
        out,
        "pub static CHART_PAGE: ChartPage = ChartPage {{\n    growth_note: {},\n    csv: {},\n    csv_href: {},\n    csv_name: {},\n}};\n",
        s(&growth_note(&points)),
        s(&csv),
        s(&data_url("text/csv;charset=utf-8", &csv)),
        s(&format!("{}.csv", ch.slug))
    );

    let k = &c.key_figures;
    let _ = writeln!(
        out,
        "pub static KEY_FIGURES: KeyFigures = KeyFigures {{ year: {}, members_sentenced: {}, prison_years: {} }};",
        k.year, k.members_sentenced, k.prison_years
    );
    out
}

/// An `Axis` as Rust source. `{:?}` writes each f64 so that it reads back exactly.
fn axis_literal((range, ticks): (std::ops::Range<f64>, Vec<Tick>)) -> String {
    let ticks: Vec<String> = ticks
        .iter()
        .map(|t| format!("AxisTick {{ at: {:?}, label: {:?} }}", t.at, t.label))
        .collect();
    format!(
        "Axis {{ from: {:?}, to: {:?}, ticks: &[{}] }}",
        range.start,
        range.end,
        ticks.join(", ")
    )
}

/// The chart's points as the app's type, for the statistics. (The strings are leaked: this
/// runs once, at build time or in a test.)
fn points(chart: &RawChart) -> Vec<Point> {
    chart
        .points
        .iter()
        .map(|p| {
            let (year, month) = year_month("", &p.date).expect("checked by parse");
            Point {
                period: p.period.clone().leak(),
                date: YearMonth { year, month },
                approximate: p.approximate,
                value: u32::try_from(p.value).expect("checked by parse"),
            }
        })
        .collect()
}

/// A `data:` URL for a download link that works without JavaScript and without a request.
pub fn data_url(media_type: &str, text: &str) -> String {
    let mut url = format!("data:{media_type},");
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            url.push(char::from(byte));
        } else {
            let _ = write!(url, "%{byte:02X}");
        }
    }
    url
}

/// The chart's data for "Get the data": one row per point, ISO year-month dates.
pub fn to_csv(c: &RawContent) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let ch = &c.chart;
    let header = [
        "period",
        "date",
        "date_is_approximate",
        ch.unit.as_str(),
        "source",
    ];
    let mut rows = vec![header.map(String::from)];
    for p in &ch.points {
        rows.push([
            p.period.clone(),
            p.date.clone(),
            if p.approximate { "yes" } else { "no" }.into(),
            p.value.to_string(),
            ch.source.clone(),
        ]);
    }
    for row in rows {
        writer.write_record(&row).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("UTF-8 input")
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "content/article.toml";
    const REAL: &str = include_str!("../../content/article.toml");

    fn error_for(text: &str) -> ContentError {
        parse(FILE, text).expect_err("malformed content must be refused")
    }

    /// The real file with one piece of text replaced; fails if the piece is not there.
    fn real_with(from: &str, to: &str) -> String {
        assert!(
            REAL.contains(from),
            "test setup: {from:?} not in the content file"
        );
        REAL.replacen(from, to, 1)
    }

    #[test]
    fn the_real_content_file_is_valid() {
        let content = parse(FILE, REAL).expect("content/article.toml must be valid");
        assert!(content.chart.points.len() >= 2);
    }

    #[test]
    fn missing_field_names_the_field() {
        let e = error_for(&real_with("source = \"Danish National Police\"\n", ""));
        assert_eq!(e.file, FILE);
        assert_eq!(e.field, "chart");
        assert!(e.problem.contains("missing field `source`"), "{e}");
        assert!(e.problem.contains("(line "), "{e}");
    }

    #[test]
    fn missing_point_value_names_the_point() {
        let e = error_for(&real_with("value = 35\n", ""));
        assert_eq!(e.field, "chart.points[1]");
        assert!(e.problem.contains("missing field `value`"), "{e}");
    }

    #[test]
    fn empty_text_is_refused() {
        let e = error_for(&real_with("unit = \"people\"", "unit = \"  \""));
        assert_eq!(e.to_string(), "content/article.toml: chart.unit: is empty");
    }

    #[test]
    fn empty_quote_speaker_is_refused() {
        let e = error_for(&real_with(
            "speaker = \"Jens Henrik Højbjerg\"",
            "speaker = \"\"",
        ));
        assert_eq!(e.field, "article.body[3].quote.speaker");
        assert_eq!(e.problem, "is empty");
    }

    #[test]
    fn non_increasing_dates_are_refused() {
        let e = error_for(&real_with("date = \"2015-02\"", "date = \"2014-02\""));
        assert_eq!(
            e.to_string(),
            "content/article.toml: chart.points[2].date: dates must increase: 2014-02 is not after 2014-02"
        );
    }

    #[test]
    fn malformed_date_is_refused() {
        let e = error_for(&real_with("date = \"2014-02\"", "date = \"Feb 2014\""));
        assert_eq!(e.field, "chart.points[1].date");
        assert!(e.problem.contains("YYYY-MM"), "{e}");
        let e = error_for(&real_with("date = \"2014-02\"", "date = \"2014-13\""));
        assert_eq!(e.field, "chart.points[1].date");
    }

    #[test]
    fn negative_value_is_refused() {
        let e = error_for(&real_with("value = 35", "value = -35"));
        assert_eq!(
            e.to_string(),
            "content/article.toml: chart.points[1].value: -35 is negative; a count of people cannot be"
        );
    }

    #[test]
    fn unknown_key_is_refused_with_its_name() {
        let e = error_for(&real_with("value = 35", "value = 35\nvalu = 36"));
        assert_eq!(e.field, "chart.points[1].valu");
        assert!(e.problem.contains("unknown field `valu`"), "{e}");
    }

    #[test]
    fn unknown_block_kind_is_refused() {
        let e = error_for(&real_with(
            "subhead = \"Numbers have doubled\"",
            "heading = \"x\"",
        ));
        assert!(e.field.starts_with("article.body[6]"), "{e}");
        assert!(e.problem.contains("unknown variant `heading`"), "{e}");
    }

    #[test]
    fn toml_syntax_error_is_reported_with_its_line() {
        let e = error_for("[article\nheadline = 1");
        assert_eq!(e.field, "(syntax)");
        assert!(e.problem.contains("(line 1)"), "{e}");
    }

    #[test]
    fn a_value_that_is_not_in_the_text_is_refused() {
        let e = error_for(&real_with("value = 74", "value = 75"));
        assert_eq!(
            e.to_string(),
            "content/article.toml: chart.points[2].value: 75 does not appear in the article text; the figures must match it"
        );
        // 520 appears only inside "1,520": not a match.
        let e = error_for(&real_with(
            "members_sentenced = 1520",
            "members_sentenced = 520",
        ));
        assert_eq!(e.field, "key_figures.members_sentenced");
    }

    #[test]
    fn each_figure_must_be_placed_once() {
        let e = error_for(&real_with("figure = \"chart\"\n", "paragraph = \"x\"\n"));
        assert_eq!(
            e.to_string(),
            "content/article.toml: article.body: must place figure = \"chart\" exactly once, found 0"
        );
        let e = error_for(&real_with("figure = \"key-figures\"", "figure = \"chart\""));
        assert!(e.problem.contains("\"chart\" exactly once, found 2"), "{e}");
        let e = error_for(&real_with("figure = \"key-figures\"", "figure = \"map\""));
        assert!(e.problem.starts_with("unknown figure \"map\""), "{e}");
    }

    #[test]
    fn slug_must_be_safe_for_file_names() {
        for bad in ["", "Gang", "gang exit", "gang--exit", "../x", "-gang"] {
            let e = error_for(&real_with(
                "slug = \"gang-exit-program-participants-2013-2015\"",
                &format!("slug = \"{bad}\""),
            ));
            assert_eq!(e.field, "chart.slug", "{bad}");
        }
    }

    #[test]
    fn data_urls_escape_everything_but_unreserved_characters() {
        assert_eq!(
            data_url("text/csv;charset=utf-8", "a,b\n1 2\n“x”"),
            "data:text/csv;charset=utf-8,a%2Cb%0A1%202%0A%E2%80%9Cx%E2%80%9D"
        );
    }

    #[test]
    fn duplicate_teasers_are_refused() {
        let e = error_for(&real_with(
            "title = \"Internationals in Denmark rarely join a trade union\"",
            "title = \"How internationals can benefit from joining trade unions\"",
        ));
        assert_eq!(e.field, "related[1].title");
    }

    #[test]
    fn generated_rust_and_csv_carry_the_data() {
        let content = parse(FILE, REAL).unwrap();
        let rust = to_rust(&content);
        assert!(rust.contains("Point { period: \"early 2013\", date: YearMonth { year: 2013, month: 2 }, approximate: true, value: 15 }"));
        let csv = to_csv(&content);
        let mut lines = csv.lines();
        assert_eq!(
            lines.next(),
            Some("period,date,date_is_approximate,people,source")
        );
        assert_eq!(
            lines.next(),
            Some("early 2013,2013-02,yes,15,Danish National Police")
        );
        assert_eq!(lines.count(), 2);
    }
}
