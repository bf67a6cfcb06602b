//! Where a dataset comes from (the built-in one, a file) and the whole way from
//! bytes to an indexed dataset plus its diagnostics: read, parse, validate, build.

use std::path::{Path, PathBuf};

use crate::data::{self, LoadError};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Dataset;

/// The dataset to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataSource {
    Builtin,
    File(PathBuf),
}

impl DataSource {
    pub fn from_option(path: Option<PathBuf>) -> DataSource {
        path.map_or(DataSource::Builtin, DataSource::File)
    }

    /// How messages name it.
    pub fn display_name(&self) -> String {
        match self {
            DataSource::Builtin => data::BUILTIN_NAME.to_string(),
            DataSource::File(p) => p.display().to_string(),
        }
    }
}

/// A dataset that parsed: everything sound in it, and what was wrong.
#[derive(Debug)]
pub struct Loaded {
    pub dataset: Dataset,
    pub diagnostics: Vec<Diagnostic>,
    /// The name diagnostics are rendered with.
    pub name: String,
}

impl Loaded {
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }
}

/// Loads from wherever the source says, refusing files over `max_bytes`. A
/// file of the user's gets the built-in synonyms beside its own.
pub fn load(source: &DataSource, max_bytes: u64) -> Result<Loaded, LoadError> {
    let path = match source {
        DataSource::Builtin => return load_text(Path::new(data::BUILTIN_NAME), data::BUILTIN),
        DataSource::File(path) => path,
    };
    let mut loaded = load_file(path, max_bytes)?;
    (loaded.dataset.synonyms).extend(data::builtin_synonyms().iter().cloned());
    Ok(loaded)
}

/// Loads a file of the user's.
fn load_file(path: &Path, max_bytes: u64) -> Result<Loaded, LoadError> {
    let bytes = data::read(path, max_bytes)?;
    let (split, warnings) = {
        let text = data::decode(path, &bytes)?;
        match split(text) {
            Some(split) => split,
            None => return load_whole(path, text),
        }
    };
    // The lists are copied out: the file's text goes before they are parsed.
    drop(bytes);
    if let Some(dataset) = crate::validate::build_streamed(split) {
        return Ok(loaded(path, dataset, warnings));
    }
    // Something to report: the whole-file way, which places every problem.
    let bytes = data::read(path, max_bytes)?;
    load_whole(path, data::decode(path, &bytes)?)
}

/// Pieces this small keep few file structs alive at once while a large file
/// streams into its dataset, and still amortise each piece's parser set-up.
const STREAM_PIECE_BYTES: usize = 256 << 10;

/// A large file cut to be built as it parses (see [`crate::validate::build_streamed`]),
/// with the warning about a byte-order mark if it has one.
fn split(text: &str) -> Option<(data::split::Split, Vec<Diagnostic>)> {
    let (body, warnings) = data::strip_bom(text);
    Some((data::split_large(body, STREAM_PIECE_BYTES)?, warnings))
}

fn loaded(path: &Path, dataset: Dataset, diagnostics: Vec<Diagnostic>) -> Loaded {
    Loaded {
        dataset,
        diagnostics,
        name: path.display().to_string(),
    }
}

/// Loads RON text already in memory; `path` only names it in messages.
pub fn load_text(path: &Path, text: &str) -> Result<Loaded, LoadError> {
    let streamed = split(text).and_then(|(split, warnings)| {
        crate::validate::build_streamed(split).map(|ds| loaded(path, ds, warnings))
    });
    match streamed {
        Some(loaded) => Ok(loaded),
        None => load_whole(path, text),
    }
}

/// The whole file parsed at once, checked against every rule, and built.
fn load_whole(path: &Path, text: &str) -> Result<Loaded, LoadError> {
    let mut parsed = data::parse_unlocated(path, text)?;
    let body = parsed.body;
    let (dataset, mut diagnostics) =
        crate::validate::check(&mut parsed.file, || data::spans::locate(body));
    diagnostics.splice(0..0, parsed.warnings);
    // Freeing a large file's structs takes a while and nobody waits for it.
    if parsed.file.relations.len() > 10_000 {
        std::thread::spawn(move || drop(parsed.file));
    }
    Ok(loaded(path, dataset, diagnostics))
}
