//! Where a dataset comes from (the built-in one, a file) and the whole way from
//! bytes to an indexed dataset plus its diagnostics: read, parse, validate and
//! build (one pass, see [`crate::validate`]), place the problems.

use std::path::{Path, PathBuf};

use crate::data::{self, LoadError};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Dataset;
use crate::progress::{Progress, Stage};
use crate::validate::{self, Checked};

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
    load_watched(source, max_bytes, &Progress::default())
}

/// [`load`], telling `progress` how far it has got, for a bar or a loading
/// screen drawn by another thread.
pub fn load_watched(
    source: &DataSource,
    max_bytes: u64,
    progress: &Progress,
) -> Result<Loaded, LoadError> {
    let path = match source {
        DataSource::Builtin => return load_text(Path::new(data::BUILTIN_NAME), data::BUILTIN),
        DataSource::File(path) => path,
    };
    let mut loaded = load_file(path, max_bytes, progress)?;
    (loaded.dataset.synonyms).extend(data::builtin_synonyms().iter().cloned());
    Ok(loaded)
}

/// Loads a file of the user's. The file is read once; its text stays until
/// its problems, if any, are placed, and goes before the dataset's lookups
/// are built.
fn load_file(path: &Path, max_bytes: u64, progress: &Progress) -> Result<Loaded, LoadError> {
    if let Ok(meta) = std::fs::metadata(path) {
        progress.set_total(meta.len());
    }
    let bytes = data::read(path, max_bytes)?;
    progress.set_total(bytes.len() as u64);
    progress.set_stage(Stage::Cutting);
    let (checked, warnings) = check(path, data::decode(path, &bytes)?, progress)?;
    drop(bytes);
    progress.set_stage(Stage::Finishing);
    Ok(loaded(path, checked, warnings))
}

/// Loads RON text already in memory; `path` only names it in messages.
pub fn load_text(path: &Path, text: &str) -> Result<Loaded, LoadError> {
    let (checked, warnings) = check(path, text, &Progress::default())?;
    Ok(loaded(path, checked, warnings))
}

/// Parses and checks a file's text, with the warning about a byte-order mark
/// if it has one. A large file is parsed in pieces on every core, each checked
/// and built as it parses; a small one, or one whose pieces do not all parse,
/// is parsed whole, so that a syntax error is the plain parse's, with its
/// position. Element positions are looked for only if there is a problem.
fn check(
    path: &Path,
    text: &str,
    progress: &Progress,
) -> Result<(Checked, Vec<Diagnostic>), LoadError> {
    let (body, warnings) = data::strip_bom(text);
    let locate = || data::spans::locate(body);
    let split = data::split_large(body);
    progress.set_stage(Stage::Parsing);
    let in_pieces =
        split.and_then(|split| validate::check_pieces(&split.watched(progress), locate));
    let checked = match in_pieces {
        Some(checked) => checked,
        None => validate::check_whole(data::parse(path, body)?, locate),
    };
    Ok((checked, warnings))
}

fn loaded(path: &Path, checked: Checked, warnings: Vec<Diagnostic>) -> Loaded {
    let (dataset, found) = checked.into_dataset();
    let mut diagnostics = warnings;
    diagnostics.extend(found);
    Loaded {
        dataset,
        diagnostics,
        name: path.display().to_string(),
    }
}
