//! A one-off lookup's look into a cache entry. `search lyon` from a script
//! prints twenty rows, yet a whole cached load decodes every entity, every
//! relation and the dataset's lookups first: two thirds of its time and
//! most of its memory. A glance reads and decodes the search index alone,
//! then only the entities the command prints, each from its run
//! (`runs.rs`), every part held to its checksum (`parts.rs`) and every
//! entity to the checks a whole load makes (`check.rs`).
//!
//! The built-in dataset, compiled into the program in the same layout, is
//! glanced at the same way ([`Glance::embedded`]).
//!
//! A glance never removes or rewrites an entry: anything it cannot use
//! (no entry, another program's, a damaged part) gives `None` or [`Bad`],
//! and the command then takes the whole load, which reports, removes and
//! rebuilds as always.

use std::collections::BTreeMap;
use std::path::Path;

use super::format::Bad;
use super::parted::Parted;
use super::payload::whole;
use super::runs::RUN;
use super::{Cache, Key, ahead, dir, pages};
use crate::data::LoadError;
use crate::model::Entity;
use crate::search::{Exact, Index};

/// An entry opened for a one-off lookup: its index decoded and checked, its
/// entities still on disk.
pub struct Glance {
    file: Parted,
    pub index: Index,
}

impl Cache {
    /// The index of the entry for the bytes of the file at `path`, with its
    /// entities left to [`Glance::entities`]; `None` when there is no usable
    /// entry. The file is hashed on a thread of its own while the entry last
    /// used for a file of that name is opened and its index decoded, as
    /// [`Cache::read_file`] does.
    pub fn glance(&self, path: &Path, max_bytes: u64) -> Result<Option<Glance>, LoadError> {
        let Some(folder) = self.dir() else {
            return Ok(None);
        };
        if !std::fs::metadata(path).is_ok_and(|m| m.len() >= super::MIN_BYTES) {
            return Ok(None);
        }
        let start = std::time::Instant::now();
        pages::huge_while(|| {
            std::thread::scope(|s| {
                let hashing = s.spawn(|| self.key_of_file(path, max_bytes));
                let guess = ahead::last_for(folder, path).map(|file| (Glance::open(&file), file));
                let key = match hashing.join() {
                    Ok(key) => key?,
                    Err(panic) => std::panic::resume_unwind(panic),
                };
                let Some((key, wanted)) = key.and_then(|k| Some((k, self.path(k)?))) else {
                    return Ok(None);
                };
                let opened = match guess {
                    Some((opened, file)) if file == wanted => opened,
                    _ if wanted.is_file() => Glance::open(&wanted),
                    _ => return Ok(None),
                };
                Ok(match opened.and_then(|g| g.for_key(key)) {
                    Ok(glance) => {
                        let ms = start.elapsed().as_secs_f64() * 1000.0;
                        super::trace(&format!(
                            "cache: glanced at {} in {ms:.0} ms",
                            wanted.display()
                        ));
                        dir::touch(&wanted);
                        Some(glance)
                    }
                    Err(bad) => {
                        super::trace(&format!("cache: no glance at {} ({bad})", wanted.display()));
                        None
                    }
                })
            })
        })
    }
}

impl Glance {
    /// Opens a cache file (`parted.rs`) and decodes its index, held to its
    /// checksum and checked.
    fn open(path: &Path) -> Result<Glance, Bad> {
        Glance::over(Parted::open(path)?)
    }

    /// A glance at bytes laid out as a cache file and embedded in the
    /// program (the built-in dataset's), held to the same checks.
    pub fn embedded(bytes: &'static [u8]) -> Result<Glance, Bad> {
        Glance::over(Parted::embedded(bytes)?)
    }

    fn over(file: Parted) -> Result<Glance, Bad> {
        let mut index = file.index()?;
        index.check(file.entities())?;
        Ok(Glance { file, index })
    }

    /// This glance, if it is the entry for `key` written by this program.
    fn for_key(self, key: Key) -> Result<Glance, Bad> {
        super::for_key(&self.file.header, key)?;
        Ok(self)
    }

    /// The entity of each id, where there is one: the ids part, decoded
    /// while it is checksummed, held to its order and to the entities there
    /// are.
    pub fn entities_of<'a>(
        &self,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> Result<Vec<Option<usize>>, Bad> {
        let mut ids = ids.into_iter().peekable();
        if ids.peek().is_none() {
            return Ok(Vec::new());
        }
        let table = self.file.decoded(self.file.count() - 3, whole::<Exact>)?;
        if !table.sound_below(self.file.entities()) {
            return Err(Bad("an id points outside the dataset"));
        }
        Ok(ids
            .map(|id| table.get(id).first().map(|&e| e as usize))
            .collect())
    }

    /// The entities numbered `wanted` (numbers the index gave), each read
    /// from its run and checked as a whole load checks it.
    pub fn entities(
        &self,
        wanted: impl IntoIterator<Item = usize>,
    ) -> Result<BTreeMap<usize, Entity>, Bad> {
        let mut by_run: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for e in wanted {
            by_run.entry(e / RUN).or_default().push(e);
        }
        let sources = self.file.header.sources;
        let sources = usize::try_from(sources).map_err(|_| Bad("too many sources"))?;
        let mut out = BTreeMap::new();
        for (run, wanted) in by_run {
            // Part 0 is the head; the runs follow it, then the ids and the
            // index's two halves.
            if run + 4 >= self.file.count() {
                return Err(Bad("an entity points outside the dataset"));
            }
            let bytes = self.file.part(run + 1)?;
            for e in wanted {
                let entity = super::runs::one(&bytes, e % RUN)?;
                if !super::check::entity_sound(&entity, sources) {
                    return Err(Bad("an entity points outside the dataset"));
                }
                out.insert(e, entity);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
#[path = "glance_tests.rs"]
mod tests;
