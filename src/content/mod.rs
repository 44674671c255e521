//! The article and the chart's data, embedded at compile time.
//!
//! `build.rs` reads `content/article.toml` (or the file `WAY_OUT_CONTENT` names), checks it
//! with `schema.rs` (a malformed file fails the build with the file, field and problem) and
//! writes it out as Rust source, included here:
//! `ARTICLE`, `CHART`, `CHART_PAGE` and `KEY_FIGURES`, separate statics so that the browser
//! build, which hydrates only the chart, carries only what the chart itself uses (`CHART`).

mod model;
#[cfg(test)]
mod schema;

pub use model::*;

include!(concat!(env!("OUT_DIR"), "/content.rs"));
