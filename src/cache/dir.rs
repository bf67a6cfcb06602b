//! The cache folder: one file per compiled dataset (`<key>.cdx`), written the
//! way the store writes the user's files (a temporary file in the same
//! folder, renamed over the name; see `store/file.rs`), so a reader sees a
//! whole file or none. Writers take an advisory lock on `lock` for the write
//! and the pruning after it, so two processes caching at once neither remove
//! each other's temporaries nor prune past the bound; readers take no lock.
//! The most recently used entries are kept: a hit sets the file's time.

use std::fs::{self, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::format::{self, Header};

/// How many compiled datasets the folder keeps.
pub const KEEP: usize = 5;

const SUFFIX: &str = ".cdx";

/// One file of the folder, for `cache --list`.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    pub bytes: u64,
    pub used: SystemTime,
    /// The header, or why it could not be read.
    pub header: Result<Header, format::Bad>,
}

/// The file for a key.
pub fn file(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!("{name}{SUFFIX}"))
}

/// Writes `pieces`, one after the other, as `path` atomically, then keeps
/// the [`KEEP`] most recent.
pub fn write(dir: &Path, path: &Path, pieces: &[Vec<u8>]) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let lock_file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join("lock"))?;
    let mut lock = fd_lock::RwLock::new(lock_file);
    let _guard = lock.write()?;
    remove_temporaries(dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(".cdx.")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    // No flush to disk: a file cut short by a crash fails its checksum and is
    // rebuilt, which costs less than a flush of a large file on every write.
    for piece in pieces {
        tmp.write_all(piece)?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    prune(dir, KEEP);
    Ok(())
}

/// Marks a file as just used, for the bound.
pub fn touch(path: &Path) {
    if let Ok(f) = OpenOptions::new().write(true).open(path) {
        let _ = f.set_modified(SystemTime::now());
    }
}

/// Removes a file that could not be used (a writer replaces it).
pub fn discard(path: &Path) {
    let _ = fs::remove_file(path);
}

/// The cache files, most recently used first.
pub fn entries(dir: &Path) -> Vec<Entry> {
    let Ok(read) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<Entry> = read
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(SUFFIX))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            let path = e.path();
            Some(Entry {
                header: read_header(&path),
                bytes: meta.len(),
                used: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
                path,
            })
        })
        .collect();
    out.sort_by(|a, b| b.used.cmp(&a.used).then(a.path.cmp(&b.path)));
    out
}

/// Removes every cache file (and temporaries); how many were removed.
pub fn clear(dir: &Path) -> io::Result<usize> {
    let mut removed = 0;
    for e in entries(dir) {
        match fs::remove_file(&e.path) {
            Ok(()) => removed += 1,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {}
            Err(err) => return Err(err),
        }
    }
    remove_temporaries(dir);
    Ok(removed)
}

/// Keeps the `keep` most recently used files.
fn prune(dir: &Path, keep: usize) {
    for e in entries(dir).into_iter().skip(keep) {
        let _ = fs::remove_file(&e.path);
    }
}

/// Temporaries are written only under the lock: one found while holding it
/// was left by a process killed mid-write.
fn remove_temporaries(dir: &Path) {
    let Ok(read) = fs::read_dir(dir) else {
        return;
    };
    for e in read.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(".cdx.") && name.ends_with(".tmp") {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Only the start of the file, for listing.
fn read_header(path: &Path) -> Result<Header, format::Bad> {
    let unreadable = format::Bad("unreadable");
    let mut file = fs::File::open(path).map_err(|_| unreadable)?;
    let mut start = vec![0u8; 24];
    file.read_exact(&mut start)
        .map_err(|_| format::Bad("shorter than a header"))?;
    let end = format::header_end(&start)?;
    start.resize(end, 0);
    file.read_exact(&mut start[24..])
        .map_err(|_| format::Bad("truncated header"))?;
    format::header(&start).map(|(h, _)| h)
}
