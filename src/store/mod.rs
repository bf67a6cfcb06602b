//! The user's own files: notes, pins, recent lookups. The store is the only
//! module that writes a file, and it never writes the dataset. Every change
//! takes a lock, re-reads the file, applies only its own change and replaces
//! the file atomically (`file.rs`); a file that does not parse is moved aside,
//! never overwritten, and the caller is told where it went. The store knows
//! nothing of terminals: what it has to tell comes back in [`Outcome`].

pub mod fields;
pub mod file;
pub mod frecency;
pub mod notes;
pub mod paths;
pub mod state;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use jiff::Timestamp;

pub use file::MovedAside;
pub use frecency::{Frecency, RECENT_LEN};
pub use notes::{DatasetRef, Note};
pub use paths::Paths;
pub use state::{Pin, Visit};

use notes::NotesFile;
use state::{PinsFile, RecentFile};

/// An entity as the user's files remember it: its id, and its name and kind at
/// the time, so that it can be named when the open dataset lacks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRef {
    pub id: String,
    pub name: String,
    /// The kind's name, e.g. `cluster`.
    pub kind: String,
}

impl EntityRef {
    pub fn of(ds: &crate::model::Dataset, entity: usize) -> EntityRef {
        let e = ds.entity(entity);
        EntityRef {
            id: e.id.to_string(),
            name: e.name.to_string(),
            kind: e.kind.as_str().to_string(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("--no-state is set: notes, pins and recent lookups are neither read nor written")]
    Off,
    #[error("cannot find where to keep notes: {0}")]
    NoHome(String),
}

impl StoreError {
    fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> StoreError {
        let path = path.to_path_buf();
        move |source| StoreError::Io {
            action,
            path,
            source,
        }
    }
}

/// What an operation gives back, and a file it had to move aside, if any (the
/// user must be told where it went).
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct Outcome<T> {
    pub value: T,
    pub moved_aside: Option<MovedAside>,
}

impl<T> Outcome<T> {
    fn of((value, moved_aside): (T, Option<MovedAside>)) -> Outcome<T> {
        Outcome { value, moved_aside }
    }
}

/// The user's files, or none at all (`--no-state`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    paths: Option<Paths>,
}

type Result<T> = std::result::Result<Outcome<T>, StoreError>;

impl Store {
    /// The user's files, found through the XDG variables.
    pub fn of_user() -> std::result::Result<Store, StoreError> {
        Ok(Store::at(Paths::of_user().map_err(StoreError::NoHome)?))
    }

    pub fn at(paths: Paths) -> Store {
        Store { paths: Some(paths) }
    }

    /// No files: reads give nothing, writes refuse ([`StoreError::Off`]).
    pub fn off() -> Store {
        Store { paths: None }
    }

    pub fn paths(&self) -> Option<&Paths> {
        self.paths.as_ref()
    }

    fn path(&self, which: fn(&Paths) -> &PathBuf) -> std::result::Result<&Path, StoreError> {
        self.paths
            .as_ref()
            .map(|p| which(p).as_path())
            .ok_or(StoreError::Off)
    }

    /// Every note, in the order they were written.
    pub fn notes(&self) -> Result<Vec<Note>> {
        match self.path(|p| &p.notes) {
            Err(StoreError::Off) => Ok(Outcome::of((Vec::new(), None))),
            Err(e) => Err(e),
            Ok(path) => file::read::<NotesFile>(path).map(|(f, m)| Outcome::of((f.notes, m))),
        }
    }

    /// Adds a note and gives it back with its id.
    pub fn add_note(
        &self,
        dataset: &DatasetRef,
        entity: &EntityRef,
        text: &str,
        now: Timestamp,
    ) -> Result<Note> {
        let now = whole_seconds(now);
        file::update(self.path(|p| &p.notes)?, |f: &mut NotesFile| {
            let note = Note {
                id: notes::new_id(now, &f.notes),
                dataset: dataset.clone(),
                entity: entity.clone(),
                written: now,
                edited: None,
                text: text.to_string(),
                unknown: Vec::new(),
            };
            f.notes.push(note.clone());
            note
        })
        .map(Outcome::of)
    }

    /// Replaces a note's text; false when no note has that id (any more).
    pub fn edit_note(&self, id: &str, text: &str, now: Timestamp) -> Result<bool> {
        let now = whole_seconds(now);
        file::update(self.path(|p| &p.notes)?, |f: &mut NotesFile| {
            let note = f.notes.iter_mut().find(|n| n.id == id);
            note.map(|n| {
                n.text = text.to_string();
                n.edited = Some(now);
            })
            .is_some()
        })
        .map(Outcome::of)
    }

    /// Deletes a note; false when no note has that id (any more).
    pub fn delete_note(&self, id: &str) -> Result<bool> {
        file::update(self.path(|p| &p.notes)?, |f: &mut NotesFile| {
            let before = f.notes.len();
            f.notes.retain(|n| n.id != id);
            f.notes.len() < before
        })
        .map(Outcome::of)
    }

    /// The pins, in the order they were made.
    pub fn pins(&self) -> Result<Vec<Pin>> {
        match self.path(|p| &p.pins) {
            Err(StoreError::Off) => Ok(Outcome::of((Vec::new(), None))),
            Err(e) => Err(e),
            Ok(path) => file::read::<PinsFile>(path).map(|(f, m)| Outcome::of((f.pins, m))),
        }
    }

    /// Pins or unpins an entity; true when that changed anything.
    pub fn set_pinned(&self, entity: &EntityRef, pinned: bool, now: Timestamp) -> Result<bool> {
        let now = whole_seconds(now);
        file::update(self.path(|p| &p.pins)?, |f: &mut PinsFile| {
            let at = f.pins.iter().position(|p| p.entity.id == entity.id);
            match (at, pinned) {
                (None, true) => f.pins.push(Pin {
                    entity: entity.clone(),
                    pinned: now,
                    unknown: Vec::new(),
                }),
                (Some(i), false) => {
                    f.pins.remove(i);
                }
                _ => return false,
            }
            true
        })
        .map(Outcome::of)
    }

    /// Pins an entity that is not pinned and unpins one that is; gives whether
    /// it is pinned now. The state is read under the lock, so two explorers
    /// toggling at once end as two toggles, not one.
    pub fn toggle_pin(&self, entity: &EntityRef, now: Timestamp) -> Result<bool> {
        let now = whole_seconds(now);
        file::update(self.path(|p| &p.pins)?, |f: &mut PinsFile| {
            match f.pins.iter().position(|p| p.entity.id == entity.id) {
                Some(i) => {
                    f.pins.remove(i);
                    false
                }
                None => {
                    f.pins.push(Pin {
                        entity: entity.clone(),
                        pinned: now,
                        unknown: Vec::new(),
                    });
                    true
                }
            }
        })
        .map(Outcome::of)
    }

    /// Every entity opened (the most recent first), with rank and time; the
    /// Recent list is the first [`RECENT_LEN`], frecency uses them all.
    pub fn visits(&self) -> Result<Vec<Visit>> {
        match self.path(|p| &p.recent) {
            Err(StoreError::Off) => Ok(Outcome::of((Vec::new(), None))),
            Err(e) => Err(e),
            Ok(path) => file::read::<RecentFile>(path).map(|(f, m)| Outcome::of((f.visits, m))),
        }
    }

    /// The Recent list: the last [`RECENT_LEN`] entities opened, the most recent first.
    pub fn recent(&self) -> Result<Vec<Visit>> {
        self.visits().map(|mut o| {
            o.value.truncate(RECENT_LEN);
            o
        })
    }

    /// Records that an entity was opened.
    pub fn record_visit(&self, entity: &EntityRef, now: Timestamp) -> Result<()> {
        let now = whole_seconds(now);
        file::update(self.path(|p| &p.recent)?, |f: &mut RecentFile| {
            frecency::visit(&mut f.visits, entity, now);
        })
        .map(Outcome::of)
    }

    /// Frecency scores now, for ordering hits of equal quality.
    pub fn frecency(&self, now: Timestamp) -> Result<Frecency> {
        self.visits().map(|o| Outcome {
            value: Frecency::new(&o.value, now),
            moved_aside: o.moved_aside,
        })
    }
}

/// Times are kept to the second: the files stay readable, and nothing needs more.
fn whole_seconds(t: Timestamp) -> Timestamp {
    Timestamp::from_second(t.as_second()).unwrap_or(t)
}
