//! Trunk post-build hook: writes the prerendered article and static chart into the staged
//! `index.html` (`$TRUNK_STAGING_DIR/index.html`, or the path given as the first argument), and
//! its embed version, `embed.html`, beside it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use way_out::embed::EMBED_PAGE;
use way_out::prerender::{embed_page, fill_template};

fn main() -> ExitCode {
    let path = match std::env::args().nth(1) {
        Some(path) => PathBuf::from(path),
        None => match std::env::var_os("TRUNK_STAGING_DIR") {
            Some(dir) => PathBuf::from(dir).join("index.html"),
            None => {
                eprintln!("prerender: give the index.html path, or run as a Trunk hook");
                return ExitCode::FAILURE;
            }
        },
    };
    match prerender(&path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn prerender(index: &Path) -> Result<(), String> {
    let template = std::fs::read_to_string(index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let page = fill_template(&template)?;
    let embed = embed_page(&page)?;
    write(index, &page)?;
    write(&index.with_file_name(EMBED_PAGE), &embed)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
