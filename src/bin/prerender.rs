//! Trunk post-build hook: writes the prerendered article and static chart into the staged
//! `index.html` (`$TRUNK_STAGING_DIR/index.html`, or the path given as the first argument).

use std::path::PathBuf;
use std::process::ExitCode;

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
    let result = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
        .and_then(|template| way_out::prerender::fill_template(&template))
        .and_then(|page| {
            std::fs::write(&path, page).map_err(|e| format!("cannot write {}: {e}", path.display()))
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}
