//! The content as the app sees it: plain static data, generated at build time from the
//! content file (see `schema.rs` and `build.rs`). Nothing here parses anything.

#[derive(Debug)]
pub struct Article {
    pub headline: &'static str,
    pub standfirst: &'static str,
    pub body: &'static [Block],
    pub related: &'static [Teaser],
}

/// One piece of the article body, in reading order.
#[derive(Debug)]
pub enum Block {
    Paragraph(&'static str),
    Subhead(&'static str),
    /// A paragraph that opens with a quotation, then says who said it.
    Quote(Quote),
    /// Where the chart sits in the text.
    Chart,
    /// Where the key-figures panel sits in the text.
    KeyFigures,
}

#[derive(Debug)]
pub struct Quote {
    /// The quoted words, with their typographic quotation marks, as published.
    pub text: &'static str,
    /// The words after the quotation, as published ("he continued.").
    pub attribution: &'static str,
    /// Who said it, spelled correctly.
    pub speaker: &'static str,
}

/// A related article teaser.
#[derive(Debug)]
pub struct Teaser {
    pub title: &'static str,
    pub summary: &'static str,
}

#[derive(Debug)]
pub struct Chart {
    pub title: &'static str,
    pub subtitle: &'static str,
    /// What a value counts, in the plural ("people", "items").
    pub unit: &'static str,
    pub source: &'static str,
    /// Names downloaded files: `<slug>.csv`, `<slug>.png`.
    pub slug: &'static str,
    /// At least two points, dates strictly increasing.
    pub points: &'static [Point],
    pub annotation: Annotation,
    /// What the chart shows, in words, generated from the data (`stats::describe`).
    pub description: &'static str,
    /// What the chart says about each point (`chart::words`), one per point, in order.
    pub words: &'static [PointWords],
    /// Ranges and ticks (`chart::scale`), made at build time: the browser carries no tick
    /// arithmetic.
    pub axes: Axes,
    /// Each point's tone for "Play the trend", in Hz (`chart::sonify`), one per point.
    pub pitches: &'static [f64],
    /// The body's phrases that state a point's value (`chart::mentions`), in reading order.
    pub mentions: &'static [Mention],
}

/// A phrase of the article that states a point's value: in the body's `paragraph`-th `<p>`
/// (paragraphs and quotes), from `start` to `end` in UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub paragraph: usize,
    pub start: u32,
    pub end: u32,
    /// The phrase as published ("35 people"): the browser checks the page says it there.
    pub text: &'static str,
    /// The point whose value it states.
    pub point: usize,
}

/// The x axis in years; the y axis in axis units for each scale (see `chart::scale`).
#[derive(Debug)]
pub struct Axes {
    pub x: Axis,
    pub linear: Axis,
    pub log: Axis,
}

/// The range an axis shows and its labelled ticks.
#[derive(Debug)]
pub struct Axis {
    pub from: f64,
    pub to: f64,
    pub ticks: &'static [AxisTick],
}

#[derive(Debug, PartialEq)]
pub struct AxisTick {
    pub at: f64,
    pub label: &'static str,
}

/// What only the prerendered page shows of the figure: the caption's growth note and the data
/// file. Kept apart from `Chart` on purpose: the browser build hydrates the chart and carries
/// `CHART` whole, but never reads these.
#[derive(Debug)]
pub struct ChartPage {
    /// Growth rates and doubling times, with their method (`stats::growth_note`).
    pub growth_note: &'static str,
    /// The data as CSV (header row, ISO dates, period labels, source), made at build time and
    /// written next to the page (`bin/prerender`): a download that needs no script, and costs
    /// the readers who do not download it nothing.
    pub csv: &'static str,
    /// The CSV's file name, `<slug>.csv`, which the link names (relative: next to the page).
    pub csv_name: &'static str,
}

/// One point in words, made at build time: the tooltip's lines and the live region's sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointWords {
    /// "Spring 2019 (approximate date)".
    pub period: &'static str,
    /// "40 bikes".
    pub value: &'static str,
    /// "+10 bikes, +33% since 2018"; `None` for the first point.
    pub change: Option<&'static str>,
    /// "Spring 2019 (approximate date): 40 bikes, +10 bikes, +33% since 2018. Point 2 of 5."
    pub announcement: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// The period as the article names it ("spring 2019", "June 2020", "2021").
    pub period: &'static str,
    /// The month the count refers to: the point's place on the time axis.
    pub date: YearMonth,
    /// The source gives no exact month for this point.
    pub approximate: bool,
    pub value: u32,
}

/// A calendar month, the precision of the source's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    pub year: u16,
    /// 1 = January.
    pub month: u8,
}

/// A span of time shaded on the chart, with a short label and a sentence for the caption.
#[derive(Debug)]
pub struct Annotation {
    pub label: &'static str,
    pub from: YearMonth,
    /// Inclusive: the span ends at the end of this month.
    pub to: YearMonth,
    pub note: &'static str,
}

/// Other figures from the article: a count, a total, and the total's average per counted
/// unit (`stats::average`), shown with its arithmetic.
#[derive(Debug)]
pub struct KeyFigures {
    /// The panel's heading.
    pub title: &'static str,
    /// What the average is per (never zero).
    pub count: Figure,
    pub total: Figure,
    pub average: Average,
    /// A sentence after the arithmetic: what the average does not tell.
    pub note: &'static str,
}

/// One figure of the panel: its label, its value, and what it counts, in the plural.
#[derive(Debug)]
pub struct Figure {
    pub label: &'static str,
    pub value: u32,
    pub unit: &'static str,
}

/// The average's label and unit.
#[derive(Debug)]
pub struct Average {
    pub label: &'static str,
    pub unit: &'static str,
    /// How many of `unit` make one of the total's unit (12 months in a year; never zero).
    pub per_total_unit: u32,
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl YearMonth {
    /// Position on a continuous time axis, in years: the start of the month.
    pub fn as_year_fraction(self) -> f64 {
        f64::from(self.year) + f64::from(self.month - 1) / 12.0
    }

    /// The year fraction at the end of the month (the start of the next one).
    pub fn end_as_year_fraction(self) -> f64 {
        self.as_year_fraction() + 1.0 / 12.0
    }

    /// "June".
    pub fn month_name(self) -> &'static str {
        MONTH_NAMES[usize::from(self.month - 1)]
    }
}

impl std::fmt::Display for YearMonth {
    /// ISO 8601 year and month: "2020-06".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}
