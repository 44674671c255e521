//! The chart: pure geometry (scales, selection, theme) and the plotters drawing code shared by
//! the canvas in the browser and the static SVG made at build time.

pub mod annotation;
pub mod draw;
pub mod marker;
pub mod mentions;
pub mod scale;
pub mod selection;
pub mod sonify;
pub mod theme;
pub mod words;
