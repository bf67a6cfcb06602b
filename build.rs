//! Compiles the built-in dataset at build time: `assets/ecosystem.ron` is
//! parsed, checked and indexed here, by the crate's own model, parser,
//! checks and index (the modules below are the crate's files, compiled a
//! second time into this script), and written as a compiled cache file is
//! to `$OUT_DIR/builtin.cdx`. The binary embeds those bytes
//! (`src/cache/builtin.rs`), so `search`, `show` and the explorer on the
//! built-in dataset decode it instead of parsing RON at every start.
//!
//! A built-in dataset with any problem is not compiled: the script says why
//! in a warning and writes an empty file, and the program then parses the
//! text at run time, where `check` shows the problems with their positions.

// Only the load path of these modules is used here; the rest serves the binary.
#![allow(dead_code, unused_imports)]

#[path = "src/data/mod.rs"]
mod data;
#[path = "src/diagnostic.rs"]
mod diagnostic;
#[path = "src/model/mod.rs"]
mod model;
#[path = "src/progress.rs"]
mod progress;
#[path = "src/search/mod.rs"]
mod search;
#[path = "src/text.rs"]
mod text;
#[path = "src/validate/mod.rs"]
mod validate;

#[path = "src/cache/columns.rs"]
pub mod cache_columns;
#[path = "src/cache/format.rs"]
pub mod cache_format;
#[path = "src/cache/parts.rs"]
pub mod cache_parts;
#[path = "src/cache/payload.rs"]
pub mod cache_payload;
#[path = "src/cache/relations.rs"]
pub mod cache_relations;
#[path = "src/cache/runs.rs"]
pub mod cache_runs;

/// Where the crate's files look for the cache's format and payload.
mod cache {
    pub use super::cache_columns as columns;
    pub use super::cache_format as format;
    pub use super::cache_parts as parts;
    pub use super::cache_payload as payload;
    pub use super::cache_relations as relations;
    pub use super::cache_runs as runs;
}

use std::path::{Path, PathBuf};

/// Everything the compiled form is made from: a change in any of them makes
/// it again.
const INPUTS: &[&str] = &[
    "assets/ecosystem.ron",
    "src/data",
    "src/diagnostic.rs",
    "src/model",
    "src/progress.rs",
    "src/search",
    "src/text.rs",
    "src/validate",
    "src/cache/format.rs",
    "src/cache/payload.rs",
    "src/cache/columns.rs",
    "src/cache/relations.rs",
    "src/cache/parts.rs",
    "src/cache/runs.rs",
];

fn main() {
    for input in INPUTS {
        println!("cargo::rerun-if-changed={input}");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let bytes = compile().unwrap_or_else(|why| {
        println!("cargo::warning=the built-in dataset is parsed at run time: {why}");
        Vec::new()
    });
    std::fs::write(out.join("builtin.cdx"), bytes).expect("OUT_DIR is writable");
    huge_pages_off_before_main();
}

/// Links `src/cache/pages.c` on Linux, whole, since nothing calls its
/// constructor by name.
fn huge_pages_off_before_main() {
    println!("cargo::rerun-if-changed=src/cache/pages.c");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        cc::Build::new()
            .file("src/cache/pages.c")
            .link_lib_modifier("+whole-archive")
            .compile("clusterdex_pages");
    }
}

/// The compiled built-in dataset, or why there is none.
fn compile() -> Result<Vec<u8>, String> {
    let path = Path::new(data::BUILTIN_NAME);
    let (body, warnings) = data::strip_bom(data::BUILTIN);
    let file = data::parse(path, body).map_err(|e| e.to_string())?;
    let (dataset, found) = validate::check_whole(file, || data::spans::locate(body)).into_dataset();
    if let Some(first) = warnings.iter().chain(&found).next() {
        let count = warnings.len() + found.len();
        return Err(format!(
            "{count} problem(s), first: {}",
            first.render(data::BUILTIN_NAME)
        ));
    }
    let index = search::Index::new(&dataset);
    // Laid out as a cache file, so that it is opened and checked as one.
    let content = xxhash_rust::xxh3::xxh3_128(data::BUILTIN.as_bytes());
    let program = concat!("clusterdex ", env!("CARGO_PKG_VERSION"), " build");
    let name = data::BUILTIN_NAME;
    Ok(cache::format::encode(
        content, program, name, &dataset, &index,
    ))
}
