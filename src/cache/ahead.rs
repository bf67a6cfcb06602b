//! A cached load's two reads at once. The cache file is named by the hash of
//! the dataset file's bytes, so a load used to hash the whole file first and
//! only then read the cache file, each on one core. Now the file is hashed
//! on a thread of its own while this one reads the cache file that last held
//! a compiled form of a file of the same name; that guess is used only if it
//! is the entry for the hash of the bytes now (its header says which bytes
//! it was made from, and the decode checks that too), and a wrong guess costs
//! one read: the entry for the hash is read after it as before.

use std::path::{Path, PathBuf};

use super::format::{Bad, Header, Parts};
use super::parted::{self, Parted};
use super::{Cache, dir, pages, program_id};
use crate::data::LoadError;
use crate::model::Dataset;
use crate::search::Index;

impl Cache {
    /// The dataset and index the cache holds for the bytes of the file at
    /// `path`, if any; `any_size` for a file under [`super::MIN_BYTES`] too
    /// (the benchmark's). A file a load would refuse (not a regular file,
    /// too large) is refused the same way.
    pub fn read_file(
        &self,
        path: &Path,
        max_bytes: u64,
        any_size: bool,
    ) -> Result<Option<(Dataset, Index)>, LoadError> {
        let Some(folder) = self.dir() else {
            return Ok(None);
        };
        // A file too small to be cached has no entry to read ahead: it is
        // only checked as a load would check it.
        let big = std::fs::metadata(path).is_ok_and(|m| m.len() >= super::MIN_BYTES);
        if !(big || any_size) {
            return self.key_of_file(path, max_bytes).map(|_| None);
        }
        pages::huge_while(|| {
            std::thread::scope(|s| {
                let hashing = s.spawn(|| {
                    if any_size {
                        Cache::key_of_any_file(path, max_bytes)
                    } else {
                        self.key_of_file(path, max_bytes)
                    }
                });
                let start = std::time::Instant::now();
                // Decoded while the file is hashed; kept only if it is the
                // entry for the hash.
                let guess = last_for(folder, path).map(|file| (read(&file), file));
                let key = match hashing.join() {
                    Ok(key) => key?,
                    Err(panic) => std::panic::resume_unwind(panic),
                };
                let Some(key) = key else {
                    return Ok(None);
                };
                Ok(match guess {
                    Some((decoded, file)) if self.path(key).as_ref() == Some(&file) => {
                        self.decode(&file, decoded, key, start)
                    }
                    _ => self.read_now(key),
                })
            })
        })
    }
}

/// The header and decoded parts of a cache file, read a part at a time.
fn read(path: &Path) -> Result<(Header, Parts), Bad> {
    let file = Parted::open(path)?;
    let parts = parted::decode(&file)?;
    Ok((file.header, parts))
}

/// The entry this program last wrote or read for a dataset file named
/// `source`.
pub(super) fn last_for(folder: &Path, source: &Path) -> Option<PathBuf> {
    let (name, program) = (source.display().to_string(), program_id());
    let entries = dir::entries(folder).into_iter();
    let ours = |h: &super::format::Header| h.source == name && h.program == program;
    entries
        .filter(|e| e.header.as_ref().is_ok_and(ours))
        .map(|e| e.path)
        .next()
}
