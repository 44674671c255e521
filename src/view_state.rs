//! The reader's view of the figure, as kept in the URL so that a link reopens it:
//! `?view=table&scale=log&point=2` (point numbers start at 1, as a reader counts).
//!
//! Parsing never fails: anything unknown, malformed, hostile or out of range is ignored and
//! the default is kept. Pure string handling, tested on the host.

use crate::chart::scale::YScale;

/// Chart or table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Chart,
    Table,
}

impl View {
    /// The table when `table_shown`, else the chart: the app keeps this choice as a `bool`.
    pub fn table_if(table_shown: bool) -> View {
        if table_shown {
            View::Table
        } else {
            View::Chart
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub view: View,
    pub scale: YScale,
    /// Index of the selected point (0-based).
    pub point: Option<usize>,
    /// The page is shown in an `<iframe>`: only the figure.
    pub embed: bool,
}

/// Longer queries are not ours: ignore them whole rather than scan them.
const MAX_QUERY_LENGTH: usize = 256;

impl ViewState {
    /// From `location.search` (with or without the leading `?`), for a chart of `points` points.
    pub fn from_query(query: &str, points: usize) -> ViewState {
        let mut state = ViewState::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        if query.len() > MAX_QUERY_LENGTH {
            return state;
        }
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match (key, value) {
                ("view", "chart") => state.view = View::Chart,
                ("view", "table") => state.view = View::Table,
                ("scale", "linear") => state.scale = YScale::Linear,
                ("scale", "log") => state.scale = YScale::Log,
                ("point", number) => {
                    state.point = parse_point(number, points).or(state.point);
                }
                ("embed", "" | "1" | "true") => state.embed = true,
                _ => {}
            }
        }
        state
    }

    /// The query for this state ("" for the default view), e.g. `?view=table&point=2`.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if self.embed {
            parts.push("embed".to_string());
        }
        if self.view == View::Table {
            parts.push("view=table".into());
        }
        if self.scale == YScale::Log {
            parts.push("scale=log".into());
        }
        if let Some(index) = self.point {
            parts.push(format!("point={}", index + 1));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// "1" … "points" (as a reader counts) → 0-based index. Only plain ASCII digits, no signs,
/// no leading zeros, nothing out of range.
fn parse_point(text: &str, points: usize) -> Option<usize> {
    if text.is_empty() || text.len() > 3 || text.starts_with('0') {
        return None;
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: usize = text.parse().ok()?;
    (1..=points).contains(&number).then(|| number - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const POINTS: usize = 3;

    fn parse(query: &str) -> ViewState {
        ViewState::from_query(query, POINTS)
    }

    #[test]
    fn the_apps_table_flag_maps_to_the_view() {
        assert_eq!(View::table_if(true), View::Table);
        assert_eq!(View::table_if(false), View::Chart);
    }

    #[test]
    fn the_default_view_has_an_empty_query() {
        assert_eq!(parse(""), ViewState::default());
        assert_eq!(parse("?"), ViewState::default());
        assert_eq!(ViewState::default().to_query(), "");
    }

    #[test]
    fn a_state_survives_the_round_trip() {
        let state = ViewState {
            view: View::Table,
            scale: YScale::Log,
            point: Some(1),
            embed: true,
        };
        assert_eq!(state.to_query(), "?embed&view=table&scale=log&point=2");
        assert_eq!(parse(&state.to_query()), state);
        for point in [None, Some(0), Some(2)] {
            let state = ViewState {
                point,
                ..ViewState::default()
            };
            assert_eq!(parse(&state.to_query()), state);
        }
    }

    #[test]
    fn points_count_from_one() {
        assert_eq!(parse("point=1").point, Some(0));
        assert_eq!(parse("point=3").point, Some(2));
    }

    #[test]
    fn out_of_range_and_malformed_points_are_ignored() {
        for query in [
            "point=0",
            "point=4",
            "point=-1",
            "point=+2",
            "point=02",
            "point=2.0",
            "point=",
            "point=1e1",
            "point=99999999999999999999",
            "point=%32",
            "point=２",
            "point",
        ] {
            assert_eq!(parse(query).point, None, "{query}");
        }
    }

    #[test]
    fn hostile_and_unknown_values_are_ignored() {
        for query in [
            "view=<script>alert(1)</script>",
            "scale=LOG",
            "view=table%00",
            "%E0%A4%A",
            "%%%%%%",
            "view==table",
            "&&&=&=",
            "javascript:alert(1)",
            "embed=0",
            "\u{202e}view=table",
        ] {
            assert_eq!(parse(query), ViewState::default(), "{query}");
        }
    }

    #[test]
    fn valid_parts_survive_garbage_around_them() {
        let state = parse("?utm_source=x&view=table&junk=%ZZ&scale=log&point=7");
        assert_eq!(state.view, View::Table);
        assert_eq!(state.scale, YScale::Log);
        assert_eq!(state.point, None);
    }

    #[test]
    fn very_long_queries_are_ignored_whole() {
        let long = format!("view=table&x={}", "a".repeat(100_000));
        assert_eq!(parse(&long), ViewState::default());
    }

    #[test]
    fn the_last_valid_value_wins() {
        assert_eq!(parse("view=table&view=chart").view, View::Chart);
        assert_eq!(parse("point=1&point=9").point, Some(0));
    }
}
