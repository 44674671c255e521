//! Where the article's text states a value the chart shows: the phrases that the browser ties
//! to their points (pointing at one selects its point; selecting a point marks its phrases).
//! Pure, run at build time (`build.rs` writes the result into `CHART.mentions`), so the link
//! follows the content file: no number is named in the code.
//!
//! A phrase is a chart value written as in the chart ("1,520", as a whole number: not inside
//! "11,520" or "2015"), with the chart's unit when it follows ("35 people"). A value that
//! belongs to one point links every phrase stating it. A value shared by several points (a
//! series that stays flat) links its phrases to those points in order only when there are as
//! many phrases as points; otherwise which is which cannot be told, and none is linked.

use crate::format::thousands;

/// A phrase that states point `point`'s value, in paragraph `paragraph` (counted among the
/// body's paragraphs and quotes, as `<p>` children of the article), from `start` to `end` in
/// UTF-16 code units (the browser's text offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub paragraph: usize,
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub point: usize,
}

/// Where `number` (as written, e.g. "1,520") stands in `text` as a whole number, not glued to
/// other digits or to a separator that continues a number ("11,520", "2015", "1.5"): byte
/// offsets, in order.
pub fn whole_numbers<'a>(text: &'a str, number: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(number).filter_map(move |(at, _)| {
        let is_digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        let is_separator = |c: Option<char>| matches!(c, Some(',' | '.'));
        let mut before = text[..at].chars().rev();
        let mut after = text[at + number.len()..].chars();
        let (b1, b2) = (before.next(), before.next());
        let (a1, a2) = (after.next(), after.next());
        let joined_before = is_digit(b1) || (is_separator(b1) && is_digit(b2));
        let joined_after = is_digit(a1) || (is_separator(a1) && is_digit(a2));
        (!(joined_before || joined_after)).then_some(at)
    })
}

/// The phrases of `paragraphs` that state one of `values` (the chart's points, in order),
/// in reading order.
pub fn mentions(paragraphs: &[&str], values: &[u32], unit: &str) -> Vec<Phrase> {
    let mut found = Vec::new();
    let mut done = Vec::new();
    for &value in values {
        if done.contains(&value) {
            continue;
        }
        done.push(value);
        let points: Vec<usize> = (0..values.len()).filter(|&i| values[i] == value).collect();
        let written = thousands(value);
        let places: Vec<(usize, usize)> = paragraphs
            .iter()
            .enumerate()
            .flat_map(|(p, text)| whole_numbers(text, &written).map(move |at| (p, at)))
            .collect();
        let owner = |k: usize| match points.as_slice() {
            [one] => Some(*one),
            _ if places.len() == points.len() => Some(points[k]),
            _ => None,
        };
        for (k, &(paragraph, at)) in places.iter().enumerate() {
            let Some(point) = owner(k) else { continue };
            let text = paragraphs[paragraph];
            let end = at + written.len() + unit_after(&text[at + written.len()..], unit);
            let utf16 = |bytes: usize| text[..bytes].encode_utf16().count() as u32;
            found.push(Phrase {
                paragraph,
                start: utf16(at),
                end: utf16(end),
                text: text[at..end].to_string(),
                point,
            });
        }
    }
    found.sort_by_key(|phrase| (phrase.paragraph, phrase.start));
    found
}

/// The length in bytes of " unit" (a space or a no-break space, then the unit as a whole word)
/// at the start of `rest`, or 0.
fn unit_after(rest: &str, unit: &str) -> usize {
    let Some(space) = rest.chars().next().filter(|c| matches!(c, ' ' | '\u{a0}')) else {
        return 0;
    };
    let word = &rest[space.len_utf8()..];
    let whole = word.starts_with(unit)
        && !word[unit.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
    if whole {
        space.len_utf8() + unit.len()
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase(paragraph: usize, start: u32, text: &str, point: usize) -> Phrase {
        Phrase {
            paragraph,
            start,
            end: start + text.encode_utf16().count() as u32,
            text: text.into(),
            point,
        }
    }

    #[test]
    fn the_published_numbers_are_found_with_their_unit() {
        let paragraphs = [
            "An increasing number of members, up from 2013.",
            "In early 2013, 15 people had taken part in or completed an exit strategy under the framework model “A way out”.",
            "By\u{a0}February 2014, the number had increased to 35 people, and a year later, the figure has grown even further to 74.",
        ];
        assert_eq!(
            mentions(&paragraphs, &[15, 35, 74], "people"),
            [
                phrase(1, 15, "15 people", 0),
                phrase(2, 46, "35 people", 1),
                phrase(2, 112, "74", 2),
            ]
        );
    }

    #[test]
    fn offsets_count_utf16_units_not_bytes() {
        // "“", "’" and the no-break space are one UTF-16 unit each, two or three bytes.
        let paragraphs = ["“It’s\u{a0}40\u{a0}bikes,” she said."];
        assert_eq!(
            mentions(&paragraphs, &[40, 60], "bikes"),
            [phrase(0, 6, "40\u{a0}bikes", 0)]
        );
    }

    #[test]
    fn only_whole_numbers_and_whole_unit_words() {
        let paragraphs =
            ["In 2015, 1,520 people; 11,520 peoples; 520 and 15.5 people, 1,520 peoples."];
        assert_eq!(
            mentions(&paragraphs, &[520, 1520, 15], "people"),
            [
                phrase(0, 9, "1,520 people", 1),
                phrase(0, 39, "520", 0),
                phrase(0, 60, "1,520", 1),
            ]
        );
    }

    #[test]
    fn a_shared_value_links_in_order_only_when_the_counts_match() {
        let two = [
            "41 remained in September.",
            "In December, still 41\u{a0}members.",
        ];
        assert_eq!(
            mentions(&two, &[12, 41, 41], "members"),
            [phrase(0, 0, "41", 1), phrase(1, 19, "41\u{a0}members", 2)]
        );
        // Three phrases for two points: which is which cannot be told.
        let three = ["41, 41 and 41."];
        assert_eq!(mentions(&three, &[41, 41], "members"), []);
        // One point, two phrases: both are its.
        assert_eq!(
            mentions(&["9 and 9."], &[9, 10], "x"),
            [phrase(0, 0, "9", 0), phrase(0, 6, "9", 0)]
        );
    }

    #[test]
    fn the_built_chart_carries_its_mentions() {
        use crate::content::CHART;
        // Every mention points at a point, and its text is that point's value as written.
        assert!(!CHART.mentions.is_empty());
        for mention in CHART.mentions {
            let value = thousands(CHART.points[mention.point].value);
            assert!(mention.text.starts_with(&value), "{mention:?}");
            assert_eq!(
                mention.end - mention.start,
                mention.text.encode_utf16().count() as u32
            );
        }
    }
}
