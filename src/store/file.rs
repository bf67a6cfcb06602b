//! The one way a user file is read and changed, kept as a database keeps its
//! pages:
//! - a change takes an advisory lock (`fd-lock`, on `<file>.lock`, since the file
//!   itself is replaced by each write), re-reads the file under it, applies only
//!   its own change and writes;
//! - a write goes to a temporary file in the same folder, is flushed to disk,
//!   renamed over the old file (`tempfile`'s `persist`), and the folder is
//!   flushed too, so a crash leaves either the old file or the new one;
//! - a file that does not parse is never overwritten: it is renamed aside, byte
//!   for byte, to `<file>.corrupt-<time>`, and the caller is told where.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::StoreError;

/// A file format: how it parses and how it is written.
pub trait Document: Default {
    /// Parses the file's text; the error says where and what is wrong.
    fn parse(text: &str) -> Result<Self, String>;
    /// The whole file.
    fn emit(&self) -> String;
}

/// A file that did not parse and was renamed aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovedAside {
    pub file: PathBuf,
    pub to: PathBuf,
    /// What the parser said.
    pub reason: String,
}

impl std::fmt::Display for MovedAside {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} could not be read ({}); it was moved aside, unchanged, to {} and a new file was started",
            self.file.display(),
            self.reason,
            self.to.display()
        )
    }
}

/// Reads a file without changing it (a missing file is an empty document). A
/// file that does not parse is moved aside under the lock, as a change would.
pub fn read<D: Document>(path: &Path) -> Result<(D, Option<MovedAside>), StoreError> {
    match load::<D>(path)? {
        Loaded::Parsed(doc) => Ok((doc, None)),
        Loaded::Missing => Ok((D::default(), None)),
        // Moving aside needs the lock, under which the file is read again: another
        // process may have moved it already.
        Loaded::Broken(_) => {
            let ((), moved) = update(path, |_: &mut D| ())?;
            match load::<D>(path)? {
                Loaded::Parsed(doc) => Ok((doc, moved)),
                _ => Ok((D::default(), moved)),
            }
        }
    }
}

/// Applies `change` to the file under the lock and writes the result, if it
/// changed anything, atomically.
pub fn update<D: Document, R>(
    path: &Path,
    change: impl FnOnce(&mut D) -> R,
) -> Result<(R, Option<MovedAside>), StoreError> {
    let dir = folder(path)?;
    let lock_path = with_suffix(path, ".lock");
    let lock_file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(StoreError::io("open the lock file", &lock_path))?;
    let mut lock = fd_lock::RwLock::new(lock_file);
    let _guard = lock.write().map_err(StoreError::io("lock", &lock_path))?;
    remove_stale_temporaries(path, &dir);

    let (mut doc, before, moved) = match load::<D>(path)? {
        Loaded::Parsed(doc) => {
            let text = doc.emit();
            (doc, Some(text), None)
        }
        Loaded::Missing => (D::default(), None, None),
        Loaded::Broken(reason) => (D::default(), None, Some(move_aside(path, &dir, reason)?)),
    };
    let result = change(&mut doc);
    let after = doc.emit();
    let unchanged = match &before {
        Some(text) => *text == after,
        // Nothing on disk: an empty document needs no file, unless a broken
        // one was just moved aside and a new one must take its place.
        None => moved.is_none() && after == D::default().emit(),
    };
    if !unchanged {
        write_atomically(path, &dir, after.as_bytes())?;
    }
    Ok((result, moved))
}

enum Loaded<D> {
    Parsed(D),
    Missing,
    Broken(String),
}

fn load<D: Document>(path: &Path) -> Result<Loaded<D>, StoreError> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Loaded::Missing),
        Err(e) => return Err(StoreError::io("read", path)(e)),
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Ok(Loaded::Broken("it is not UTF-8 text".to_string()));
    };
    Ok(match D::parse(text) {
        Ok(doc) => Loaded::Parsed(doc),
        Err(reason) => Loaded::Broken(reason),
    })
}

/// The file's folder, created (owner-only, as XDG asks) when missing.
fn folder(path: &Path) -> Result<PathBuf, StoreError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(&dir)
        .map_err(StoreError::io("create the folder", &dir))?;
    Ok(dir)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// Renames the broken file aside (a rename keeps every byte) and flushes the
/// folder, so the new file written next can never be mistaken for it.
fn move_aside(path: &Path, dir: &Path, reason: String) -> Result<MovedAside, StoreError> {
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let mut to = with_suffix(path, &format!(".corrupt-{stamp}"));
    let mut n = 2;
    while to.exists() {
        to = with_suffix(path, &format!(".corrupt-{stamp}-{n}"));
        n += 1;
    }
    fs::rename(path, &to).map_err(StoreError::io("move aside", path))?;
    sync_folder(dir)?;
    Ok(MovedAside {
        file: path.to_path_buf(),
        to,
        reason,
    })
}

/// Temporary file in the same folder, flushed, renamed over the old one, then
/// the folder flushed so that the rename itself survives a power cut.
fn write_atomically(path: &Path, dir: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let mut tmp = tempfile::Builder::new()
        .prefix(&temporary_prefix(path))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(StoreError::io("create a temporary file in", dir))?;
    let write = |tmp: &mut tempfile::NamedTempFile| -> io::Result<()> {
        tmp.write_all(bytes)?;
        // Keep the permissions the user gave the old file (tempfile makes 0600).
        if let Ok(meta) = fs::metadata(path) {
            tmp.as_file().set_permissions(meta.permissions())?;
        }
        tmp.as_file().sync_all()
    };
    write(&mut tmp).map_err(StoreError::io("write", tmp.path()))?;
    tmp.persist(path)
        .map_err(|e| StoreError::io("replace", path)(e.error))?;
    sync_folder(dir)
}

/// Temporary files of `path` are `.<name>.<random>.tmp`, beside it.
fn temporary_prefix(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.")
}

/// Temporary files are written only under the lock, so one found while
/// holding it was left by a process killed mid-write: it is removed. (It never
/// replaced the file, so nothing in it was promised to anyone.)
fn remove_stale_temporaries(path: &Path, dir: &Path) {
    let prefix = temporary_prefix(path);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn sync_folder(dir: &Path) -> Result<(), StoreError> {
    // Only Unix lets a folder be opened and flushed; elsewhere the rename is
    // as durable as the file system makes it.
    #[cfg(unix)]
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(StoreError::io("flush the folder", dir))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
