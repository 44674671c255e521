//! Reads and checks the content file (`content/article.toml`, or the one `WAY_OUT_CONTENT`
//! names), then writes it out as Rust source for `model.rs`.
//!
//! Runs on the host only: in `build.rs` (so malformed content fails `cargo build` with the file,
//! the field and the problem) and in unit tests. The browser never parses content.

use serde::Deserialize;
use std::fmt::{self, Write as _};

use crate::chart::mentions::{mentions, whole_numbers};
use crate::chart::scale::{x_axis, y_axis, Tick, YScale};
use crate::chart::sonify::pitches;
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
    /// The editor's own description of the chart, in place of the one made from the data.
    #[serde(default)]
    pub description: Option<String>,
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

/// The key-figures panel: two figures from the article, a count and a total, and the total's
/// average per counted unit, worked out with the arithmetic shown.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawKeyFigures {
    pub title: String,
    pub count: RawFigure,
    pub total: RawFigure,
    pub average: RawAverage,
    /// A sentence after the arithmetic: what the average does not tell.
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub label: String,
    pub value: u32,
    /// What the value counts, in the plural.
    pub unit: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAverage {
    pub label: String,
    /// The unit the average is given in, in the plural.
    pub unit: String,
    /// How many of `unit` make one of the total's unit (12 for months in a year; 1 for the
    /// same unit).
    pub per_total_unit: u32,
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
                format!("{} is negative; a count of {} cannot be", p.value, ch.unit),
            ));
        }
        let value = u32::try_from(p.value)
            .map_err(|_| (format!("{at}.value"), format!("{} is too large", p.value)))?;
        in_text(&format!("{at}.value"), &body_text, &thousands(value))?;
    }

    if let (Some(text), Some(last)) = (&ch.description, ch.points.last()) {
        editor_description(text, &thousands(u32::try_from(last.value).unwrap_or(0)))?;
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
    not_empty("key_figures.title", &k.title)?;
    for (at, figure) in [
        ("key_figures.count", &k.count),
        ("key_figures.total", &k.total),
    ] {
        not_empty(&format!("{at}.label"), &figure.label)?;
        not_empty(&format!("{at}.unit"), &figure.unit)?;
    }
    not_empty("key_figures.average.label", &k.average.label)?;
    not_empty("key_figures.average.unit", &k.average.unit)?;
    not_empty("key_figures.note", &k.note)?;
    // Before the text check: a zero that the article does print is still refused.
    if k.count.value == 0 {
        return Err((
            "key_figures.count.value".into(),
            "is zero; the average divides by it".into(),
        ));
    }
    if k.average.per_total_unit == 0 {
        return Err((
            "key_figures.average.per_total_unit".into(),
            "is zero".into(),
        ));
    }
    in_text(
        "key_figures.count.value",
        &body_text,
        &thousands(k.count.value),
    )?;
    in_text(
        "key_figures.total.value",
        &body_text,
        &thousands(k.total.value),
    )?;
    Ok(())
}

/// The longest description a social card's alternative text takes whole (X cuts
/// `twitter:image:alt` at 420 characters).
const DESCRIPTION_MAX: usize = 420;

/// The editor's description replaces the generated one everywhere (the chart's accessible
/// name, the caption readers and reader view see, the image files and the social card's
/// alternative text), so it is plain text of whole sentences that states the latest value: a
/// description left over from before a data update fails the build instead of misleading.
fn editor_description(text: &str, last_value: &str) -> Result<(), Problem> {
    const FIELD: &str = "chart.description";
    not_empty(FIELD, text)?;
    let problem = if text.trim() != text {
        Some("starts or ends with spaces".to_string())
    } else if text.contains(['<', '>']) {
        Some("is plain text: no markup (< or >)".to_string())
    } else if text.chars().count() > DESCRIPTION_MAX {
        Some(format!(
            "has {} characters; at most {DESCRIPTION_MAX}, so that alternative text keeps all of it",
            text.chars().count()
        ))
    } else if !text.ends_with(['.', '!', '?']) {
        Some("must end a sentence (., ! or ?)".to_string())
    } else if whole_numbers(text, last_value).next().is_none() {
        Some(format!(
            "does not state the latest value, {last_value}; describe the data as it is now"
        ))
    } else {
        None
    };
    problem.map_or(Ok(()), |problem| Err((FIELD.into(), problem)))
}

fn not_empty(field: &str, text: &str) -> Result<(), Problem> {
    if text.trim().is_empty() {
        Err((field.into(), "is empty".into()))
    } else {
        Ok(())
    }
}

/// The years a date may name.
const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

/// "2020-06" → (2020, 6).
fn year_month(field: &str, text: &str) -> Result<(u16, u8), Problem> {
    let problem = |problem: String| (field.to_string(), problem);
    let bad = || {
        problem(format!(
            "\"{text}\" is not a month in the form YYYY-MM (e.g. 2020-06)"
        ))
    };
    let (year, month) = text.split_once('-').ok_or_else(bad)?;
    if year.len() != 4 || month.len() != 2 {
        return Err(bad());
    }
    let year: u16 = year.parse().map_err(|_| bad())?;
    let month: u8 = month.parse().map_err(|_| bad())?;
    if !(1..=12).contains(&month) {
        return Err(problem(format!(
            "\"{text}\": month {month} is not 01 to 12"
        )));
    }
    if !YEARS.contains(&year) {
        return Err(problem(format!(
            "\"{text}\": year {year} is not between {} and {}",
            YEARS.start(),
            YEARS.end()
        )));
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

/// The body's texts that the page prints as the article's own `<p>`s, in order: paragraphs,
/// and quotes with their attribution (`components::article`).
fn paragraph_texts(a: &RawArticle) -> Vec<String> {
    a.body
        .iter()
        .filter_map(|block| match block {
            RawBlock::Paragraph(t) => Some(t.clone()),
            RawBlock::Quote(q) => Some(format!("{} {}", q.text, q.attribution)),
            _ => None,
        })
        .collect()
}

/// The number, as written, must appear in the article as a whole number ("1,250", not
/// inside "11,250").
fn in_text(field: &str, text: &str, needle: &str) -> Result<(), Problem> {
    let found = whole_numbers(text, needle).next().is_some();
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
    let mut out = String::from("// Generated by build.rs from the content file. Do not edit.\n");
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
    let description = match &ch.description {
        Some(editor) => editor.clone(),
        None => describe(&points, &ch.unit),
    };
    let _ = writeln!(out, "    description: {},", s(&description));
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
        "    axes: Axes {{\n        x: {},\n        linear: {},\n        log: {},\n    }},",
        axis_literal(x_axis(&points)),
        axis_literal(y_axis(YScale::Linear, &values)),
        axis_literal(y_axis(YScale::Log, &values))
    );
    // `{:?}` writes each f64 so that it reads back exactly.
    let _ = writeln!(out, "    pitches: &{:?},", pitches(&values));
    out.push_str("    mentions: &[\n");
    let paragraphs = paragraph_texts(a);
    let paragraphs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    for m in mentions(&paragraphs, &values, &ch.unit) {
        let _ = writeln!(
            out,
            "        Mention {{ paragraph: {}, start: {}, end: {}, text: {}, point: {} }},",
            m.paragraph,
            m.start,
            m.end,
            s(&m.text),
            m.point
        );
    }
    out.push_str("    ],\n};\n\n");

    let csv = to_csv(c);
    let _ = writeln!(
        out,
        "pub static CHART_PAGE: ChartPage = ChartPage {{\n    growth_note: {},\n    csv: {},\n    csv_name: {},\n}};\n",
        s(&growth_note(&points)),
        s(&csv),
        s(&format!("{}.csv", ch.slug))
    );

    let k = &c.key_figures;
    let figure = |f: &RawFigure| {
        format!(
            "Figure {{ label: {}, value: {}, unit: {} }}",
            s(&f.label),
            f.value,
            s(&f.unit)
        )
    };
    let _ = writeln!(
        out,
        "pub static KEY_FIGURES: KeyFigures = KeyFigures {{\n    title: {},\n    count: {},\n    total: {},\n    average: Average {{ label: {}, unit: {}, per_total_unit: {} }},\n    note: {},\n}};",
        s(&k.title),
        figure(&k.count),
        figure(&k.total),
        s(&k.average.label),
        s(&k.average.unit),
        k.average.per_total_unit,
        s(&k.note)
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
    const SECOND: &str = include_str!("../../content/tests/second-story.toml");

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

    /// The message for the real file with `from` replaced by `to`: "file: field: problem".
    fn refusal(from: &str, to: &str) -> String {
        error_for(&real_with(from, to)).to_string()
    }

    /// The line of the first `needle` in `text` (test setup for toml's "(line N)").
    fn line_of(text: &str, needle: &str) -> usize {
        let at = text.find(needle).expect("test setup: needle in the text");
        text[..at].matches('\n').count() + 1
    }

    #[test]
    fn the_real_content_file_is_valid() {
        let content = parse(FILE, REAL).expect("content/article.toml must be valid");
        assert_eq!(content.chart.points.len(), 3);
    }

    // Refusals of the file's shape (toml and serde), each with the line it points at.

    #[test]
    fn toml_syntax_error_is_reported_with_its_line() {
        let e = error_for("[article\nheadline = 1");
        assert_eq!(e.field, "(syntax)");
        assert!(e.problem.ends_with("(line 1)"), "{e}");
    }

    #[test]
    fn missing_field_names_the_table_and_the_field() {
        let text = real_with("source = \"Danish National Police\"\n", "");
        let e = error_for(&text);
        assert_eq!(
            e.to_string(),
            format!(
                "content/article.toml: chart: missing field `source` (line {})",
                line_of(&text, "[chart]\n")
            )
        );
    }

    #[test]
    fn missing_point_value_names_the_point() {
        let e = error_for(&real_with("value = 35\n", ""));
        assert_eq!(e.field, "chart.points[1]");
        assert!(e.problem.starts_with("missing field `value` (line "), "{e}");
    }

    #[test]
    fn unknown_key_is_refused_with_its_name() {
        let text = real_with("value = 35", "value = 35\nvalu = 36");
        let e = error_for(&text);
        assert_eq!(e.field, "chart.points[1].valu");
        assert_eq!(
            e.problem,
            format!(
                "unknown field `valu`, expected one of `period`, `date`, `approximate`, `value` (line {})",
                line_of(&text, "valu = 36")
            )
        );
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
    fn a_value_of_the_wrong_type_is_refused() {
        let e = error_for(&real_with("value = 35", "value = \"35\""));
        assert_eq!(e.field, "chart.points[1].value");
        assert!(e.problem.starts_with("invalid type: string \"35\""), "{e}");
        // Key figures are counts: a negative one is not a u32.
        let e = error_for(&real_with("value = 400", "value = -400"));
        assert_eq!(e.field, "key_figures.total.value");
        assert!(
            e.problem.starts_with("invalid value: integer `-400`"),
            "{e}"
        );
    }

    // The checks (`check`): every refusal, its field and its exact problem.

    #[test]
    fn every_empty_text_is_refused_by_its_field() {
        let cases = [
            (
                "headline = \"Members asking for help to leave their biker gangs\"",
                "headline = \"\"",
                "article.headline",
            ),
            (
                "standfirst = \"Danish",
                "standfirst = \" \" #",
                "article.standfirst",
            ),
            (
                "paragraph = \"An increasing",
                "paragraph = \"\" #",
                "article.body[0].paragraph",
            ),
            (
                "subhead = \"Numbers have doubled\"",
                "subhead = \"\"",
                "article.body[6].subhead",
            ),
            (
                "text = \"“There is",
                "text = \"\" #",
                "article.body[3].quote.text",
            ),
            (
                "attribution = \"National Police",
                "attribution = \"\" #",
                "article.body[3].quote.attribution",
            ),
            (
                "speaker = \"Jens Henrik Højbjerg\"",
                "speaker = \"\"",
                "article.body[3].quote.speaker",
            ),
            (
                "title = \"How internationals",
                "title = \"\" #",
                "related[0].title",
            ),
            (
                "summary = \"Being part",
                "summary = \"\" #",
                "related[0].summary",
            ),
            ("title = \"Gang exit", "title = \"\" #", "chart.title"),
            (
                "subtitle = \"People who",
                "subtitle = \"\" #",
                "chart.subtitle",
            ),
            ("unit = \"people\"", "unit = \"  \"", "chart.unit"),
            (
                "source = \"Danish National Police\"",
                "source = \"\"",
                "chart.source",
            ),
            (
                "period = \"February 2014\"",
                "period = \"\"",
                "chart.points[1].period",
            ),
            (
                "label = \"“Fixed",
                "label = \"\" #",
                "chart.annotation.label",
            ),
            (
                "note = \"In 2014 the",
                "note = \"\" #",
                "chart.annotation.note",
            ),
            ("title = \"Sentences", "title = \"\" #", "key_figures.title"),
            (
                "label = \"Members sentenced\"",
                "label = \"\"",
                "key_figures.count.label",
            ),
            (
                "unit = \"people\"\n\n[key_figures.total]",
                "unit = \"\"\n\n[key_figures.total]",
                "key_figures.count.unit",
            ),
            (
                "label = \"Years in prison",
                "label = \"\" #",
                "key_figures.total.label",
            ),
            ("unit = \"years\"", "unit = \"\"", "key_figures.total.unit"),
            (
                "label = \"Months in prison",
                "label = \"\" #",
                "key_figures.average.label",
            ),
            (
                "unit = \"months\"",
                "unit = \"\"",
                "key_figures.average.unit",
            ),
            (
                "note = \"The article gives",
                "note = \"\" #",
                "key_figures.note",
            ),
        ];
        for (from, to, field) in cases {
            assert_eq!(
                refusal(from, to),
                format!("content/article.toml: {field}: is empty")
            );
        }
    }

    #[test]
    fn an_unknown_figure_is_refused() {
        assert_eq!(
            refusal("figure = \"key-figures\"", "figure = \"map\""),
            "content/article.toml: article.body[14].figure: unknown figure \"map\"; the figures are [\"chart\", \"key-figures\"]"
        );
    }

    #[test]
    fn a_body_without_a_paragraph_is_refused() {
        // Every paragraph a subhead: the figures' numbers are then missing from the text too,
        // but the body's shape is checked first.
        let text = REAL.replace("paragraph = ", "subhead = ");
        assert_eq!(
            error_for(&text).to_string(),
            "content/article.toml: article.body: has no paragraph"
        );
    }

    #[test]
    fn each_figure_must_be_placed_once() {
        assert_eq!(
            refusal("figure = \"chart\"\n", "paragraph = \"x\"\n"),
            "content/article.toml: article.body: must place figure = \"chart\" exactly once, found 0"
        );
        assert_eq!(
            refusal("figure = \"key-figures\"", "figure = \"chart\""),
            "content/article.toml: article.body: must place figure = \"chart\" exactly once, found 2"
        );
        assert_eq!(
            refusal("figure = \"key-figures\"", "paragraph = \"x\""),
            "content/article.toml: article.body: must place figure = \"key-figures\" exactly once, found 0"
        );
    }

    #[test]
    fn related_needs_a_teaser() {
        // `related = []` must come before the first table; the teasers go.
        let start = REAL.find("[[related]]").unwrap();
        let end = REAL.find("[chart]").unwrap();
        let text = format!("related = []\n{}{}", &REAL[..start], &REAL[end..]);
        assert_eq!(
            error_for(&text).to_string(),
            "content/article.toml: related: needs at least one teaser"
        );
    }

    #[test]
    fn duplicate_teasers_are_refused() {
        assert_eq!(
            refusal(
                "title = \"Internationals in Denmark rarely join a trade union\"",
                "title = \"How internationals can benefit from joining trade unions\"",
            ),
            "content/article.toml: related[1].title: \"How internationals can benefit from joining trade unions\" is listed twice; show each teaser once"
        );
    }

    #[test]
    fn slug_must_be_safe_for_file_names() {
        for bad in [
            "",
            "Gang",
            "gang exit",
            "gang--exit",
            "../x",
            "-gang",
            "gang-",
        ] {
            assert_eq!(
                refusal(
                    "slug = \"gang-exit-program-participants-2013-2015\"",
                    &format!("slug = \"{bad}\""),
                ),
                format!("content/article.toml: chart.slug: \"{bad}\" must be lowercase words and digits joined by hyphens")
            );
        }
    }

    #[test]
    fn a_chart_needs_two_points() {
        // Only the first point left.
        let start = REAL
            .find("[[chart.points]]\nperiod = \"February 2014\"")
            .unwrap();
        let end = REAL.find("# A shaded span").unwrap();
        let text = format!("{}{}", &REAL[..start], &REAL[end..]);
        assert_eq!(
            error_for(&text).to_string(),
            "content/article.toml: chart.points: needs at least two points"
        );
    }

    #[test]
    fn malformed_dates_are_refused() {
        let date = |to: &str| refusal("date = \"2014-02\"", to);
        for bad in ["Feb 2014", "2014-2", "14-02", "2014/02", "2014-0x", ""] {
            assert_eq!(
                date(&format!("date = \"{bad}\"")),
                format!("content/article.toml: chart.points[1].date: \"{bad}\" is not a month in the form YYYY-MM (e.g. 2020-06)")
            );
        }
        assert_eq!(
            date("date = \"2014-13\""),
            "content/article.toml: chart.points[1].date: \"2014-13\": month 13 is not 01 to 12"
        );
        assert_eq!(
            date("date = \"2014-00\""),
            "content/article.toml: chart.points[1].date: \"2014-00\": month 0 is not 01 to 12"
        );
        // The year range (2101 is after the earlier point's date: only the range refuses it).
        assert_eq!(
            date("date = \"2101-02\""),
            "content/article.toml: chart.points[1].date: \"2101-02\": year 2101 is not between 1900 and 2100"
        );
        assert_eq!(
            refusal("date = \"2013-02\"", "date = \"1899-02\""),
            "content/article.toml: chart.points[0].date: \"1899-02\": year 1899 is not between 1900 and 2100"
        );
        // The annotation's dates are checked the same way.
        assert_eq!(
            refusal("from = \"2014-01\"", "from = \"2014\""),
            "content/article.toml: chart.annotation.from: \"2014\" is not a month in the form YYYY-MM (e.g. 2020-06)"
        );
        assert_eq!(
            refusal("to = \"2014-12\"", "to = \"2014-13\""),
            "content/article.toml: chart.annotation.to: \"2014-13\": month 13 is not 01 to 12"
        );
    }

    #[test]
    fn non_increasing_dates_are_refused() {
        assert_eq!(
            refusal("date = \"2015-02\"", "date = \"2014-02\""),
            "content/article.toml: chart.points[2].date: dates must increase: 2014-02 is not after 2014-02"
        );
        assert_eq!(
            refusal("date = \"2014-02\"", "date = \"2012-12\""),
            "content/article.toml: chart.points[1].date: dates must increase: 2012-12 is not after 2013-02"
        );
    }

    #[test]
    fn negative_value_is_refused() {
        assert_eq!(
            refusal("value = 35", "value = -35"),
            "content/article.toml: chart.points[1].value: -35 is negative; a count of people cannot be"
        );
    }

    #[test]
    fn a_value_too_large_for_the_chart_is_refused() {
        assert_eq!(
            refusal("value = 35", "value = 5000000000"),
            "content/article.toml: chart.points[1].value: 5000000000 is too large"
        );
    }

    #[test]
    fn a_value_that_is_not_in_the_text_is_refused() {
        assert_eq!(
            refusal("value = 74", "value = 75"),
            "content/article.toml: chart.points[2].value: 75 does not appear in the article text; the figures must match it"
        );
        // 7 appears only inside other numbers ("74"): not a match.
        assert_eq!(
            refusal("value = 74", "value = 7"),
            "content/article.toml: chart.points[2].value: 7 does not appear in the article text; the figures must match it"
        );
    }

    /// The real file with the editor's description `text` (a TOML string) under `[chart]`.
    fn with_description(text: &str) -> String {
        real_with(
            "slug = \"gang-exit-program-participants-2013-2015\"\n",
            &format!("slug = \"gang-exit-program-participants-2013-2015\"\ndescription = {text}\n"),
        )
    }

    #[test]
    fn the_editors_description_replaces_the_generated_one() {
        let written = "From 15 people in early 2013 to 74 by February 2015.";
        let content = parse(FILE, &with_description(&format!("\"{written}\""))).unwrap();
        let rust = to_rust(&content);
        assert!(
            rust.contains(&format!("    description: {written:?},")),
            "{rust}"
        );
        // Without it, the description made from the data, which the editor's replaces.
        let generated = to_rust(&parse(FILE, REAL).unwrap());
        assert!(
            generated.contains("    description: \"The number of people rose from 15 in early 2013 to 74 in February 2015"),
            "{generated}"
        );
        assert!(!generated.contains(written));
    }

    #[test]
    fn a_bad_editors_description_is_refused_with_why() {
        let cases = [
            ("\"\"", "is empty"),
            ("\" From 15 to 74.\"", "starts or ends with spaces"),
            (
                "\"From 15 to <b>74</b>.\"",
                "is plain text: no markup (< or >)",
            ),
            ("\"From 15 to 74\"", "must end a sentence (., ! or ?)"),
            // The value of a data update that the description did not follow.
            (
                "\"From 15 to 35 people.\"",
                "does not state the latest value, 74; describe the data as it is now",
            ),
            // 74 inside another number is not 74.
            (
                "\"From 15 to 174 people.\"",
                "does not state the latest value, 74; describe the data as it is now",
            ),
        ];
        for (text, problem) in cases {
            assert_eq!(
                error_for(&with_description(text)).to_string(),
                format!("content/article.toml: chart.description: {problem}"),
                "{text}"
            );
        }
        // 84 × "word " and " 74.": 424 characters.
        let long = format!("\"{} 74.\"", "word ".repeat(84));
        assert_eq!(
            error_for(&with_description(&long)).to_string(),
            "content/article.toml: chart.description: has 424 characters; at most 420, so that alternative text keeps all of it"
        );
    }

    #[test]
    fn an_annotation_that_ends_before_it_starts_is_refused() {
        assert_eq!(
            refusal("to = \"2014-12\"", "to = \"2013-12\""),
            "content/article.toml: chart.annotation.to: 2013-12 is before chart.annotation.from (2014-01)"
        );
    }

    #[test]
    fn key_figures_must_be_in_the_text() {
        // 520 appears only inside "1,520": not a match.
        assert_eq!(
            refusal("value = 1520", "value = 520"),
            "content/article.toml: key_figures.count.value: 520 does not appear in the article text; the figures must match it"
        );
        assert_eq!(
            refusal("value = 400", "value = 40"),
            "content/article.toml: key_figures.total.value: 40 does not appear in the article text; the figures must match it"
        );
        // The number as the article writes it, with its thousands separator.
        let text = real_with("1,520 biker", "1520 biker");
        assert_eq!(
            error_for(&text).to_string(),
            "content/article.toml: key_figures.count.value: 1,520 does not appear in the article text; the figures must match it"
        );
    }

    #[test]
    fn a_zero_count_is_refused_even_when_the_article_prints_it() {
        // Checked before the text: the article has no "0", and the zero is what is wrong.
        assert_eq!(
            refusal("value = 1520", "value = 0"),
            "content/article.toml: key_figures.count.value: is zero; the average divides by it"
        );
        // "0" in the text too: still refused.
        let text = real_with("value = 1520", "value = 0")
            .replace("were sentenced", "were sentenced (0 acquitted)");
        assert_eq!(
            error_for(&text).to_string(),
            "content/article.toml: key_figures.count.value: is zero; the average divides by it"
        );
        assert_eq!(
            refusal("per_total_unit = 12", "per_total_unit = 0"),
            "content/article.toml: key_figures.average.per_total_unit: is zero"
        );
    }

    #[test]
    fn generated_rust_and_csv_carry_the_data() {
        let content = parse(FILE, REAL).unwrap();
        let rust = to_rust(&content);
        assert!(rust.contains("Point { period: \"early 2013\", date: YearMonth { year: 2013, month: 2 }, approximate: true, value: 15 }"));
        assert!(rust.contains(
            "count: Figure { label: \"Members sentenced\", value: 1520, unit: \"people\" },"
        ));
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

    /// The second story (content/tests/second-story.toml) builds the same app: its checks pass
    /// and the generated words are right for a series with a fall and an unchanged step.
    #[test]
    fn the_second_story_is_valid_and_described_right() {
        let mut content = parse("content/tests/second-story.toml", SECOND).expect("valid");
        assert_eq!(content.chart.points.len(), 7);
        // The file has the editor's description; it is used as written.
        let editor = content
            .chart
            .description
            .take()
            .expect("an editor's description");
        assert!(
            to_rust(&parse("content/tests/second-story.toml", SECOND).unwrap())
                .contains(&format!("    description: {editor:?},"))
        );
        // Without it, the one made from the data.
        let rust = to_rust(&content);
        // Worked by hand: 30 / 12 = 2.5, 54 / 30 = 1.8, 88 / 41 = 2.15, 120 / 88 = 1.36;
        // 120 / 12 = 10 in 6 years: 10^(1/6) = 1.468 a year.
        let description = "The number of members rose from 12 in December 2017 to 120 in \
            December 2023, growing about ×1.5 a year. It grew ×2.5 from December 2017 to 2019, \
            ×1.8 from 2019 to March 2020, ×2.1 from December 2021 to autumn 2022 and ×1.4 from \
            autumn 2022 to December 2023. It fell from 54 in March 2020 to 41 in September 2020. It \
            stayed at 41 from September 2020 to December 2021. The date of “2019” is approximate; it \
            is drawn at June 2019. The date of “autumn 2022” is approximate; it is drawn at \
            October 2022.";
        assert!(
            rust.contains(&format!("    description: {description:?},")),
            "{rust}"
        );
        // +47% a year; ln 2 / ln 1.468 = 1.81 years = 22 months.
        assert!(rust.contains(
            "growth_note: \"From December 2017 to December 2023: ×1.5 a year on average (+47% a year, doubling in about 22 months).\""
        ));
        // Linear: 0 to 150 by 50; log: doubling from the smallest value, 12.
        assert!(rust.contains("ticks: &[AxisTick { at: 0.0, label: \"0\" }, AxisTick { at: 50.0, label: \"50\" }, AxisTick { at: 100.0, label: \"100\" }, AxisTick { at: 150.0, label: \"150\" }]"));
        for label in ["12", "24", "48", "96"] {
            assert!(rust.contains(&format!("label: \"{label}\" }}")), "{label}");
        }
        assert!(!rust.contains("label: \"192\""));
        assert!(rust.contains("PointWords { period: \"September 2020\", value: \"41 members\", change: Some(\"−13 members, −24% since March 2020\"), announcement: \"September 2020: 41 members, −13 members, −24% since March 2020. Point 4 of 7.\" }"));
        assert!(rust.contains("PointWords { period: \"December 2021\", value: \"41 members\", change: Some(\"0 members, 0% since September 2020\"),"));
        assert!(rust.contains("PointWords { period: \"2019 (approximate date)\", value: \"30 members\", change: Some(\"+18 members, +150% since December 2017\"),"));
        assert!(rust.contains("average: Average { label: \"Volunteer minutes per bike, on average\", unit: \"minutes\", per_total_unit: 60 },"));
    }
}
