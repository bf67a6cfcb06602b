//! Where a dataset comes from (the built-in one, a file) and the whole way from
//! bytes to an indexed dataset plus its diagnostics: read, parse, validate and
//! build (one pass, see [`crate::validate`]), place the problems; or, for a
//! large file met before, its compiled form from the cache (see [`crate::cache`]).

use std::path::{Path, PathBuf};

use crate::cache::Cache;
use crate::data::{self, LoadError};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Dataset;
use crate::progress::{Progress, Stage};
use crate::search::Index;
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
    /// The search index, when the cache gave it or it was built to be cached.
    pub index: Option<Index>,
}

impl Loaded {
    /// Nothing loaded: what is left where a loaded dataset was taken out.
    pub fn empty() -> Loaded {
        Loaded {
            dataset: Dataset::default(),
            diagnostics: Vec::new(),
            name: String::new(),
            index: None,
        }
    }

    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// The search index: the one already made, or one built now.
    pub fn take_index(&mut self) -> Index {
        self.index
            .take()
            .unwrap_or_else(|| Index::new(&self.dataset))
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
        DataSource::Builtin => return builtin(),
        DataSource::File(path) => path,
    };
    load_file(path, read(path, max_bytes, progress)?, progress)
}

/// The built-in dataset as the build compiled it, with its index: decoded,
/// not parsed. Parsed from its text only if the build compiled nothing.
fn builtin() -> Result<Loaded, LoadError> {
    match crate::cache::builtin::load() {
        Some((dataset, index)) => Ok(Loaded {
            dataset,
            diagnostics: Vec::new(),
            name: data::BUILTIN_NAME.to_string(),
            index: Some(index),
        }),
        None => builtin_text(),
    }
}

/// The built-in dataset parsed from its text, as a file of the user's is:
/// what `check` reads.
pub fn builtin_text() -> Result<Loaded, LoadError> {
    load_text(Path::new(data::BUILTIN_NAME), data::BUILTIN)
}

/// Reads a file of the user's, telling `progress` its size.
fn read(path: &Path, max_bytes: u64, progress: &Progress) -> Result<Vec<u8>, LoadError> {
    if let Ok(meta) = std::fs::metadata(path) {
        progress.set_total(meta.len());
    }
    let bytes = data::read(path, max_bytes)?;
    progress.set_total(bytes.len() as u64);
    Ok(bytes)
}

/// Loads as [`load`] does, through the compiled cache: a file of 1 MiB or
/// more whose bytes were cached is read from there; one that was not is
/// loaded, and if it has no problem at all, its index is built and both are
/// cached. The built-in dataset comes compiled into the program.
pub fn load_cached(
    source: &DataSource,
    max_bytes: u64,
    cache: &Cache,
) -> Result<Loaded, LoadError> {
    load_cached_watched(source, max_bytes, cache, &Progress::default())
}

/// [`load_cached`], telling `progress` how far it has got.
pub fn load_cached_watched(
    source: &DataSource,
    max_bytes: u64,
    cache: &Cache,
    progress: &Progress,
) -> Result<Loaded, LoadError> {
    let DataSource::File(path) = source else {
        return builtin();
    };
    let hit = cache.read_file(path, max_bytes, false)?;
    if let Some((dataset, index)) = hit {
        return Ok(Loaded {
            dataset,
            diagnostics: Vec::new(),
            name: path.display().to_string(),
            index: Some(index),
        });
    }
    // Keyed again by the bytes read now: the file may have changed since.
    let bytes = read(path, max_bytes, progress)?;
    let Some(key) = cache.key(&bytes) else {
        return load_file(path, bytes, progress);
    };
    let mut loaded = load_file(path, bytes, progress)?;
    if loaded.diagnostics.is_empty() {
        let index = Index::new(&loaded.dataset);
        cache.write(key, path, &loaded.dataset, &index);
        loaded.index = Some(index);
    }
    Ok(loaded)
}

/// Loads a file of the user's, read once, with the built-in synonyms beside
/// its own. Its text stays until its problems, if any, are placed, and goes
/// before the dataset's lookups are built.
fn load_file(path: &Path, bytes: Vec<u8>, progress: &Progress) -> Result<Loaded, LoadError> {
    progress.set_stage(Stage::Cutting);
    let (checked, warnings) = check(path, data::decode(path, &bytes)?, progress)?;
    drop(bytes);
    progress.set_stage(Stage::Finishing);
    let mut loaded = loaded(path, checked, warnings);
    (loaded.dataset.synonyms).extend(crate::cache::builtin::synonyms().iter().cloned());
    Ok(loaded)
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
        index: None,
    }
}
