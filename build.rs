//! Turns the content file into static Rust data (`$OUT_DIR/content.rs`): `content/article.toml`,
//! or the file `WAY_OUT_CONTENT` names (absolute, or relative to the repository root), e.g.
//! `WAY_OUT_CONTENT=content/tests/second-story.toml`, to build the same app with another story.
//! Malformed content stops the build here, with the file, the field and the problem.

// The same modules the app uses: the checks, and the statistics, axes and words that write
// the chart's description, its ticks and each point's tooltip and announcement (computed here
// once, so the browser build carries text and numbers, not arithmetic and formatting).
#[path = "src/chart/mentions.rs"]
mod mentions;
#[path = "src/chart/scale.rs"]
#[allow(dead_code)]
mod scale;
#[path = "src/chart/sonify.rs"]
#[allow(dead_code)]
mod sonify;
#[path = "src/chart/words.rs"]
mod words;
// Where the app has them: `crate::chart::{mentions, scale, sonify, words}`.
mod chart {
    pub(crate) use super::{mentions, scale, sonify, words};
}
#[path = "src/content/model.rs"]
#[allow(dead_code)]
mod content;
#[path = "src/format.rs"]
#[allow(dead_code)]
mod format;
#[path = "src/content/schema.rs"]
mod schema;
#[path = "src/stats.rs"]
#[allow(dead_code)]
mod stats;

/// The story the app is built with unless `WAY_OUT_CONTENT` names another file.
const CONTENT_FILE: &str = "content/article.toml";

fn main() {
    println!("cargo::rerun-if-env-changed=WAY_OUT_CONTENT");
    let file = std::env::var("WAY_OUT_CONTENT")
        .ok()
        .filter(|path| !path.is_empty())
        .unwrap_or_else(|| CONTENT_FILE.to_string());
    println!("cargo::rerun-if-changed={file}");
    for source in [
        "src/content/schema.rs",
        "src/content/model.rs",
        "src/format.rs",
        "src/stats.rs",
        "src/chart/scale.rs",
        "src/chart/words.rs",
        "src/chart/sonify.rs",
        "src/chart/mentions.rs",
    ] {
        println!("cargo::rerun-if-changed={source}");
    }
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| fail(&format!("{file}: cannot read: {e}")));
    let content = schema::parse(&file, &text).unwrap_or_else(|e| fail(&e.to_string()));
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("content.rs");
    std::fs::write(&out, schema::to_rust(&content))
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
}

fn fail(message: &str) -> ! {
    // `cargo::error=` shows the message without the build script's backtrace noise.
    println!("cargo::error=invalid content: {message}");
    std::process::exit(1);
}
