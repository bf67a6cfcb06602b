//! Where a dataset comes from (the built-in one, a file) and the whole way from
//! bytes to an indexed dataset plus its diagnostics: read, parse, validate and
//! build (one pass, see [`crate::validate`]), place the problems; or, for a
//! large file met before, its compiled form from the cache (see [`crate::cache`]).

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::cache::Cache;
use crate::data::{self, LoadError};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Dataset;
use crate::progress::{Progress, Stage};
use crate::search::Index;
use crate::validate::{self, Checked};
#[cfg(unix)]
use xxhash_rust::xxh3::xxh3_64;

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

/// From this many entities, a dataset a command or the explorer is done
/// with is left to the process's end rather than freed piece by piece: at a
/// million entities that took 0.45 s after a command's last line, while the
/// process's end gives all its memory back at once.
pub const LEFT_FROM: usize = 10_000;

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
    let (file, bytes) = read(path, max_bytes, progress)?;
    load_file(path, file, bytes, progress)
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

/// Reads a file of the user's, telling `progress` its size; the file stays
/// open for its pieces to be read again (see [`check_file`]).
fn read(path: &Path, max_bytes: u64, progress: &Progress) -> Result<(File, Vec<u8>), LoadError> {
    if let Ok(meta) = std::fs::metadata(path) {
        progress.set_total(meta.len());
    }
    let (file, bytes) = data::read_open(path, max_bytes)?;
    progress.set_total(bytes.len() as u64);
    Ok((file, bytes))
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
    let (file, bytes) = read(path, max_bytes, progress)?;
    let Some(key) = cache.key(&bytes) else {
        return load_file(path, file, bytes, progress);
    };
    let mut loaded = load_file(path, file, bytes, progress)?;
    if loaded.diagnostics.is_empty() {
        let index = Index::new(&loaded.dataset);
        cache.write(key, path, &loaded.dataset, &index);
        loaded.index = Some(index);
    }
    Ok(loaded)
}

/// Loads a file of the user's with the built-in synonyms beside its own. Its
/// text goes before the dataset's lookups are built (a large file's as soon
/// as it is cut, see [`check_file`]).
fn load_file(
    path: &Path,
    file: File,
    bytes: Vec<u8>,
    progress: &Progress,
) -> Result<Loaded, LoadError> {
    progress.set_stage(Stage::Cutting);
    let (checked, warnings) = check_file(path, &file, bytes, progress)?;
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

/// [`check`] for a file read whole into `bytes`, which a large file lets go
/// of as soon as it is cut: each piece is read again from `file` as it
/// parses (the file is in the system's cache by then), so that the text, 633
/// MiB at a million entities, is not held beside the dataset built from it.
/// A piece that does not parse, or problems to place, read the file whole
/// again, and only if its bytes are still those read first.
#[cfg(unix)]
fn check_file(
    path: &Path,
    file: &File,
    bytes: Vec<u8>,
    progress: &Progress,
) -> Result<(Checked, Vec<Diagnostic>), LoadError> {
    let text = data::decode(path, &bytes)?;
    let (body, warnings) = data::strip_bom(text);
    let Some(split) = data::split_large(body) else {
        progress.set_stage(Stage::Parsing);
        return Ok((whole(path, body)?, warnings));
    };
    let base = (text.len() - body.len()) as u64;
    let (len, sum) = (bytes.len(), xxh3_64(&bytes));
    let split = split.detach(file, base);
    drop(bytes);
    let again = || reread(file, len, sum);
    // Changed since the first read: the problems keep their words, without
    // a line and column, rather than take another file's.
    let locate = || {
        let bytes = again().unwrap_or_default();
        let text = std::str::from_utf8(&bytes).unwrap_or_default();
        data::spans::locate(data::strip_bom(text).0)
    };
    progress.set_stage(Stage::Parsing);
    if let Some(checked) = validate::check_pieces(&split.watched(progress), locate) {
        return Ok((checked, warnings));
    }
    let changed = || LoadError::Changed {
        path: path.to_path_buf(),
    };
    let bytes = again().ok_or_else(changed)?;
    let body = data::strip_bom(data::decode(path, &bytes)?).0;
    Ok((whole(path, body)?, warnings))
}

/// A text (without its byte-order mark) parsed whole and checked, its
/// problems placed in it.
#[cfg(unix)]
fn whole(path: &Path, body: &str) -> Result<Checked, LoadError> {
    let locate = || data::spans::locate(body);
    Ok(validate::check_whole(data::parse(path, body)?, locate))
}

#[cfg(not(unix))]
fn check_file(
    path: &Path,
    _file: &File,
    bytes: Vec<u8>,
    progress: &Progress,
) -> Result<(Checked, Vec<Diagnostic>), LoadError> {
    check(path, data::decode(path, &bytes)?, progress)
}

/// The file's bytes read again whole, if they are still those first read.
#[cfg(unix)]
fn reread(file: &File, len: usize, sum: u64) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    let mut bytes = vec![0; len];
    file.read_exact_at(&mut bytes, 0).ok()?;
    (xxh3_64(&bytes) == sum).then_some(bytes)
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

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
