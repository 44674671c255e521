//! The article and the chart's data, embedded at compile time.
//!
//! `build.rs` reads `content/article.toml`, checks it with `schema.rs` (a malformed file fails
//! the build with the file, field and problem) and writes it out as Rust source, included here:
//! `ARTICLE`, `CHART` and `KEY_FIGURES`, separate statics so that the browser build, which
//! hydrates only the chart, carries only the chart's data.

mod model;
#[cfg(test)]
mod schema;

pub use model::*;

include!(concat!(env!("OUT_DIR"), "/content.rs"));
