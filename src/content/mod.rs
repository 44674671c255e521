//! The article and the chart's data, embedded at compile time.
//!
//! `build.rs` reads `content/article.toml`, checks it with `schema.rs` (a malformed file fails
//! the build with the file, field and problem) and writes it out as Rust source, included here.

mod model;
#[cfg(test)]
mod schema;

pub use model::*;

include!(concat!(env!("OUT_DIR"), "/content.rs"));
