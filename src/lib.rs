//! A news article with an interactive chart, both from one content file (`content/article.toml`,
//! or the file `WAY_OUT_CONTENT` names at build time).
//!
//! Data flows one way: the content file → (build.rs, checked) → `content::{ARTICLE, CHART, CHART_PAGE, KEY_FIGURES}` →
//! pure chart logic (`chart::scale`, `chart::selection`, `stats`, `format`) → `chart::draw`
//! (plotters, any backend) → components (Leptos). See README.md for the map.

// Leptos view types nest deeply; the default limit (128) is too low for the figure.
#![recursion_limit = "256"]

pub mod chart;
pub mod components;
pub mod content;
pub mod edge;
pub mod embed;
pub mod format;
pub mod share;
pub mod stats;
pub mod view_state;

#[cfg(feature = "hydrate")]
pub mod interactive;
#[cfg(feature = "ssr")]
pub mod prerender;
