//! Turns `content/article.toml` into static Rust data (`$OUT_DIR/content.rs`).
//! Malformed content stops the build here, with the file, the field and the problem.

#[path = "src/format.rs"]
#[allow(dead_code)]
mod format;
#[path = "src/content/schema.rs"]
mod schema;

const CONTENT_FILE: &str = "content/article.toml";

fn main() {
    println!("cargo::rerun-if-changed={CONTENT_FILE}");
    println!("cargo::rerun-if-changed=src/content/schema.rs");
    let text = std::fs::read_to_string(CONTENT_FILE)
        .unwrap_or_else(|e| fail(&format!("{CONTENT_FILE}: cannot read: {e}")));
    let content = schema::parse(CONTENT_FILE, &text).unwrap_or_else(|e| fail(&e.to_string()));
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
