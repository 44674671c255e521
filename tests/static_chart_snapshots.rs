//! Picture regression test: the prerendered static charts (wide and compact) in each theme, as
//! the page shows them, against the snapshots committed in `tests/snapshots/`.
//!
//! Each snapshot is the SVG exactly as prerendered into the page, with its colour classes
//! resolved through `style/main.css` for that theme (`class="f-accent"` → `fill="#1f5fa8"`),
//! the page's background, font and line rule written in, so it opens as the reader sees it.
//!
//! A change fails with a line diff and writes the new picture to `target/snapshots/`. After
//! looking at it, update the snapshots with
//!
//! ```sh
//! UPDATE_SNAPSHOTS=1 cargo test --features ssr --test static_chart_snapshots
//! ```
#![cfg(feature = "ssr")]

use std::path::PathBuf;

use way_out::chart::theme::FONT_FAMILY;
use way_out::prerender::render_app;

const STYLESHEET: &str = include_str!("../style/main.css");

/// The first rule of `css` whose text starts at `from`: its `name: value;` declarations.
fn declarations<'a>(css: &'a str, from: &str) -> Vec<(&'a str, &'a str)> {
    let start = css
        .find(from)
        .unwrap_or_else(|| panic!("no `{from}` in style/main.css"));
    let body = &css[start + from.len()..];
    let body = &body[..body.find('}').expect("an unclosed rule")];
    body.split(';')
        .filter_map(|declaration| {
            let (name, value) = declaration.split_once(':')?;
            Some((name.trim(), value.trim()))
        })
        .collect()
}

/// A theme's custom properties (`--accent` → `#1f5fa8`).
struct Theme {
    name: &'static str,
    properties: Vec<(&'static str, &'static str)>,
}

impl Theme {
    fn light() -> Theme {
        Theme {
            name: "light",
            properties: declarations(STYLESHEET, ":root {"),
        }
    }

    /// The light properties with the dark theme's over them.
    fn dark() -> Theme {
        let mut properties = Theme::light().properties;
        for (name, value) in declarations(
            STYLESHEET,
            "@media screen and (prefers-color-scheme: dark) {\n  :root:where(:not(.theme-light)) {",
        ) {
            properties.retain(|(n, _)| *n != name);
            properties.push((name, value));
        }
        Theme {
            name: "dark",
            properties,
        }
    }

    fn var(&self, name: &str) -> &'static str {
        self.properties
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
            .unwrap_or_else(|| panic!("no {name} in the {} theme", self.name))
    }

    /// `f-accent` → `fill="#1f5fa8"`: the class's one declaration in the stylesheet, with its
    /// `var(--…)` resolved.
    fn class_as_attribute(&self, class: &str) -> String {
        let rule = declarations(STYLESHEET, &format!("\n.{class} {{"));
        let [(property, value)] = rule[..] else {
            panic!(".{class} in style/main.css is not one declaration: {rule:?}");
        };
        let variable = value
            .strip_prefix("var(")
            .and_then(|v| v.strip_suffix(')'))
            .unwrap_or_else(|| panic!(".{class}: {value} is not a var()"));
        format!(r#"{property}="{}""#, self.var(variable))
    }
}

/// The static SVGs in the prerendered page, by layout.
fn prerendered_svgs() -> Vec<(String, String)> {
    let html = render_app();
    let mut svgs = Vec::new();
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<svg ") {
        let end = start + rest[start..].find("</svg>").expect("an unclosed <svg>") + "</svg>".len();
        let svg = &rest[start..end];
        let layout = svg
            .split("chart-svg--")
            .nth(1)
            .and_then(|s| s.split(['"', ' ']).next())
            .expect("an SVG without its layout class");
        svgs.push((layout.to_string(), svg.to_string()));
        rest = &rest[end..];
    }
    svgs
}

/// The SVG as the reader sees it in `theme`: colour classes as colours, the root's classes
/// and `aria-hidden` dropped, the page's background, font and `polyline { fill: none }` added.
fn as_rendered(svg: &str, theme: &Theme) -> String {
    let mut out = String::with_capacity(svg.len() * 2);
    for (i, tag) in svg.split('<').enumerate() {
        if i == 0 {
            out.push_str(tag);
            continue;
        }
        out.push('<');
        let mut tag = tag.to_string();
        if let Some(start) = tag.find(r#" class=""#) {
            let end = start + 8 + tag[start + 8..].find('"').expect("an unclosed class");
            let classes = &tag[start + 8..end];
            let replacement: String = if tag.starts_with("svg ") {
                // The root: its layout classes pick it in the page; here it stands alone.
                format!(
                    r#" font-family="{}" font-size="14""#,
                    FONT_FAMILY.replace('"', "'")
                )
            } else {
                classes
                    .split(' ')
                    .map(|class| format!(" {}", theme.class_as_attribute(class)))
                    .collect()
            };
            tag.replace_range(start..=end, &replacement);
        }
        if tag.starts_with("polyline ") {
            tag.insert_str("polyline".len(), r#" fill="none""#);
        }
        tag = tag.replacen(r#" aria-hidden="true""#, "", 1);
        out.push_str(&tag);
        if tag.starts_with("svg ") {
            out.push_str(&format!(
                "<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n",
                theme.var("--bg")
            ));
        }
    }
    out.push('\n');
    out
}

/// A line diff (longest common subsequence), at most `limit` changed lines, numbered by the
/// snapshot's lines (`-`) and the new picture's (`+`).
fn line_diff(old: &str, new: &str, limit: usize) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let mut common = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            common[i][j] = if a[i] == b[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut shown, mut out) = (0, 0, 0, String::new());
    while (i < a.len() || j < b.len()) && shown < limit {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || common[i + 1][j] >= common[i][j + 1]) {
            out.push_str(&format!("-{:>4} {}\n", i + 1, a[i]));
            i += 1;
            shown += 1;
        } else {
            out.push_str(&format!("+{:>4} {}\n", j + 1, b[j]));
            j += 1;
            shown += 1;
        }
    }
    if i < a.len() || j < b.len() {
        out.push_str("… (more changes)\n");
    }
    out
}

#[test]
fn the_static_charts_match_their_snapshots() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let snapshots = root.join("tests/snapshots");
    let changed_dir = root.join("target/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1");
    let svgs = prerendered_svgs();
    let layouts: Vec<&str> = svgs.iter().map(|(layout, _)| layout.as_str()).collect();
    assert_eq!(layouts, ["wide", "compact"]);
    let mut failures = Vec::new();
    let mut names = Vec::new();
    for (layout, svg) in &svgs {
        for theme in [Theme::light(), Theme::dark()] {
            let name = format!("chart-{layout}-{}.svg", theme.name);
            let picture = as_rendered(svg, &theme);
            let path = snapshots.join(&name);
            names.push(name.clone());
            if update {
                std::fs::create_dir_all(&snapshots).unwrap();
                std::fs::write(&path, &picture).unwrap();
                continue;
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            if committed != picture {
                std::fs::create_dir_all(&changed_dir).unwrap();
                let new_path = changed_dir.join(&name);
                std::fs::write(&new_path, &picture).unwrap();
                failures.push(format!(
                    "{name} changed (new picture: {}):\n{}",
                    new_path.display(),
                    line_diff(&committed, &picture, 40)
                ));
            }
        }
    }
    // No stale snapshot of a layout or theme that is gone.
    let mut on_disk: Vec<String> = std::fs::read_dir(&snapshots)
        .map(|dir| {
            dir.filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|n| n.ends_with(".svg"))
                .collect()
        })
        .unwrap_or_default();
    on_disk.sort();
    names.sort();
    if !update && on_disk != names {
        failures.push(format!(
            "tests/snapshots/ holds {on_disk:?}, the page has {names:?}"
        ));
    }
    assert!(
        failures.is_empty(),
        "\n{}\nIf the change is intended, look at the new pictures, then update the snapshots:\n  \
         UPDATE_SNAPSHOTS=1 cargo test --features ssr --test static_chart_snapshots\n",
        failures.join("\n")
    );
}

#[test]
fn the_diff_names_each_changed_line() {
    let diff = line_diff("a\nb\nc\n", "a\nB\nc\nd\n", 40);
    assert_eq!(diff, "-   2 b\n+   2 B\n+   4 d\n");
    assert!(line_diff("a\n", "b\n", 1).ends_with("… (more changes)\n"));
}

#[test]
fn colour_classes_resolve_per_theme() {
    let (light, dark) = (Theme::light(), Theme::dark());
    assert_eq!(light.class_as_attribute("f-accent"), r##"fill="#1f5fa8""##);
    assert_eq!(dark.class_as_attribute("s-rule"), r##"stroke="#30343a""##);
    let svg = r#"<svg class="chart-svg chart-svg--wide" aria-hidden="true" viewBox="0 0 2 2">
<polyline class="s-accent" points="0,0 1,1"/>
</svg>"#;
    let rendered = as_rendered(svg, &light);
    assert!(rendered.starts_with(r#"<svg font-family=""#), "{rendered}");
    assert!(rendered.contains(r##"<rect width="100%" height="100%" fill="#ffffff"/>"##));
    assert!(rendered.contains(r##"<polyline fill="none" stroke="#1f5fa8" points="0,0 1,1"/>"##));
    assert!(!rendered.contains("aria-hidden"));
}
