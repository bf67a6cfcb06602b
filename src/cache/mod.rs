//! The compiled cache: a sound dataset file of 1 MiB or more, once loaded,
//! is written with its search index in a binary form to
//! `$XDG_CACHE_HOME/clusterdex/` (`~/.cache/clusterdex/` when unset), and the
//! next load of the same bytes reads that instead of parsing. The key is the
//! file's content (xxh3-128 of its bytes) and the program that wrote it, so a
//! changed file, even of the same size and time, never meets a stale entry.
//! A cache file that does not check out is ignored, removed and rebuilt.
//! Files with problems are never cached: `check` and the banner always see
//! the real file.

pub mod ahead;
pub mod builtin;
pub mod check;
pub mod columns;
pub mod dir;
pub mod format;
pub mod glance;
pub mod pages;
pub mod parted;
pub mod parts;
pub mod payload;
pub mod relations;
pub mod runs;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::data::LoadError;
use crate::model::Dataset;
use crate::search::Index;

/// Files smaller than this parse about as fast as a cache reads.
pub const MIN_BYTES: u64 = 1024 * 1024;

/// Where compiled datasets go, or nowhere (`--no-cache`, or no home).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cache {
    Off,
    Dir(PathBuf),
}

/// Which cache entry a file's bytes have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub content: u128,
}

impl Cache {
    /// The user's cache folder, from `XDG_CACHE_HOME` (an absolute path) or
    /// `~/.cache`; off when `no_cache` or when neither can be found.
    pub fn of_user(no_cache: bool) -> Cache {
        if no_cache {
            return Cache::Off;
        }
        use etcetera::BaseStrategy;
        match etcetera::choose_base_strategy() {
            Ok(base) => Cache::Dir(base.cache_dir().join("clusterdex")),
            Err(_) => Cache::Off,
        }
    }

    pub fn dir(&self) -> Option<&Path> {
        match self {
            Cache::Off => None,
            Cache::Dir(d) => Some(d),
        }
    }

    /// The key of a file's bytes, when the cache is on and the file is big
    /// enough to be worth it.
    pub fn key(&self, bytes: &[u8]) -> Option<Key> {
        let big = bytes.len() as u64 >= MIN_BYTES;
        (big && self.dir().is_some()).then(|| Key {
            content: xxhash_rust::xxh3::xxh3_128(bytes),
        })
    }

    /// The key of a file's bytes, hashed as they are read, a megabyte at a
    /// time: a load that then finds them in the cache never holds the file
    /// in memory. `None` when the cache is off, the file is small, or it
    /// could not be read to its end (the load then reads it and says why).
    /// A file the load would refuse (not a regular file, too large) is refused
    /// here the same way.
    pub fn key_of_file(&self, path: &Path, max_bytes: u64) -> Result<Option<Key>, LoadError> {
        if self.dir().is_none() {
            return Ok(None);
        }
        let (file, size) = crate::data::open_checked(path, max_bytes)?;
        if size < MIN_BYTES {
            return Ok(None);
        }
        Ok(hash_key(file, max_bytes))
    }

    /// [`Cache::key_of_file`] whatever the file's size: for the benchmark,
    /// which times small files' cached loads too.
    pub fn key_of_any_file(path: &Path, max_bytes: u64) -> Result<Option<Key>, LoadError> {
        let (file, _) = crate::data::open_checked(path, max_bytes)?;
        Ok(hash_key(file, max_bytes))
    }

    /// The dataset and index compiled from these bytes, if a sound entry is
    /// there; a damaged or foreign one is removed. Huge pages are the caller's
    /// ([`Cache::read_file`]).
    fn read_now(&self, key: Key) -> Option<(Dataset, Index)> {
        let path = self.path(key)?;
        if !path.is_file() {
            return None;
        }
        let start = std::time::Instant::now();
        let decoded = parted::Parted::open(&path).and_then(|file| {
            for_key(&file.header, key)?;
            Ok((file.header.clone(), parted::decode(&file)?))
        });
        self.decode(&path, decoded, key, start)
    }

    /// The dataset and index decoded from the cache file `path` since
    /// `start`, if they are sound and for `key`; the file is removed if not.
    fn decode(
        &self,
        path: &Path,
        decoded: Result<(format::Header, format::Parts), format::Bad>,
        key: Key,
        start: std::time::Instant,
    ) -> Option<(Dataset, Index)> {
        let decoded_in = start.elapsed();
        let found = decoded.and_then(|(header, parts)| {
            for_key(&header, key)?;
            check::into_loaded(parts.assemble())
        });
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        let took = format!(
            "{:.0} ms (read and decode {:.0}, check and lookups {:.0})",
            ms(start.elapsed()),
            ms(decoded_in),
            ms(start.elapsed() - decoded_in)
        );
        match found {
            Ok(loaded) => {
                trace(&format!("cache: read {} in {took}", path.display()));
                dir::touch(path);
                Some(loaded)
            }
            Err(bad) => {
                trace(&format!("cache: ignored {} ({bad})", path.display()));
                dir::discard(path);
                None
            }
        }
    }

    /// Writes the entry for these bytes; a failure only costs the next load
    /// its speed, so it is reported on the trace alone.
    pub fn write(&self, key: Key, source: &Path, ds: &Dataset, index: &Index) {
        let (Some(dir), Some(path)) = (self.dir(), self.path(key)) else {
            return;
        };
        let name = source.display().to_string();
        let pieces = format::pieces(key.content, &program_id(), &name, ds, index);
        match dir::write(dir, &path, &pieces) {
            Ok(()) => trace(&format!("cache: wrote {}", path.display())),
            Err(e) => trace(&format!("cache: could not write {}: {e}", path.display())),
        }
    }

    fn path(&self, key: Key) -> Option<PathBuf> {
        let program = xxhash_rust::xxh3::xxh3_64(program_id().as_bytes());
        let name = format!("{:032x}-{program:016x}", key.content);
        Some(dir::file(self.dir()?, &name))
    }
}

/// Whether a cache file's header says it is the entry for `key`, written by
/// this program.
fn for_key(header: &format::Header, key: Key) -> Result<(), format::Bad> {
    if header.content != key.content || header.program != program_id() {
        return Err(format::Bad("for another file or program"));
    }
    Ok(())
}

/// The key of an opened file's bytes, held to the size limit.
fn hash_key(file: std::fs::File, max_bytes: u64) -> Option<Key> {
    hash(file.take(max_bytes.saturating_add(1))).map(|content| Key { content })
}

/// xxh3-128 of everything `from` gives, as [`Cache::key`] hashes bytes in
/// memory.
fn hash(mut from: impl Read) -> Option<u128> {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut chunk = vec![0; 1 << 20];
    loop {
        match from.read(&mut chunk) {
            Ok(0) => return Some(hasher.digest128()),
            Ok(n) => hasher.update(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
}

/// The program that writes and reads cache files: its version, the cache
/// format, and the executable's size and time, so that a rebuilt or
/// reinstalled program never reads what another build wrote.
pub fn program_id() -> String {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(|| {
        let exe = std::env::current_exe().and_then(std::fs::metadata);
        let stamp = exe.map_or_else(
            |_| "unknown".to_string(),
            |m| {
                let time = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
                format!("{}:{}", m.len(), time.map_or(0, |t| t.as_nanos()))
            },
        );
        format!(
            "clusterdex {} format {} exe {stamp}",
            env!("CARGO_PKG_VERSION"),
            format::FORMAT
        )
    })
    .clone()
}

/// `CLUSTERDEX_CACHE_TRACE=1` says on stderr what the cache did: a way to see
/// it work, used by the tests.
fn trace(message: &str) {
    if std::env::var_os("CLUSTERDEX_CACHE_TRACE").is_some_and(|v| v == "1") {
        eprintln!("{}", crate::text::clean(message));
    }
}

#[cfg(test)]
mod tests;
