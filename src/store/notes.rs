//! The notes file: what a user wrote about an entity, against which dataset,
//! and when. One file for all datasets; a note outlives its entity (it stays
//! listed, marked, when the open dataset lacks the entity).

use std::path::Path;

use jiff::Timestamp;
use serde::Deserialize;

use super::EntityRef;
use super::fields::{self, Fields, StructText, Unknown};
use super::file::Document;

/// The format version this clusterdex writes. A newer file is read all the
/// same: its unknown fields are kept, and its version number too.
pub const VERSION: u32 = 1;

/// The dataset a note was written against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatasetRef {
    /// The dataset built into clusterdex.
    Builtin,
    /// A dataset file: its title and where it was.
    File { title: String, path: String },
    /// A form this version does not know (from a newer one), kept as written.
    Other(String),
}

/// The file form of the two known cases; unknown fields make it fail, so that
/// they are kept by [`DatasetRef::Other`] rather than dropped.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
enum DatasetRon {
    Builtin,
    File { title: String, path: String },
}

impl DatasetRef {
    /// The dataset behind a source: its title and absolute path, or built-in.
    pub fn new(title: &str, path: Option<&Path>) -> DatasetRef {
        match path {
            None => DatasetRef::Builtin,
            Some(p) => DatasetRef::File {
                title: title.to_string(),
                path: std::path::absolute(p)
                    .unwrap_or_else(|_| p.to_path_buf())
                    .display()
                    .to_string(),
            },
        }
    }

    /// How lists name it: "built-in", or the title and path.
    pub fn label(&self) -> String {
        match self {
            DatasetRef::Builtin => "built-in".to_string(),
            DatasetRef::File { title, path } if title.is_empty() => path.clone(),
            DatasetRef::File { title, path } => format!("{title} ({path})"),
            DatasetRef::Other(raw) => raw.clone(),
        }
    }

    fn read(raw: &ron::value::RawValue) -> DatasetRef {
        match raw.into_rust::<DatasetRon>() {
            Ok(DatasetRon::Builtin) => DatasetRef::Builtin,
            Ok(DatasetRon::File { title, path }) => DatasetRef::File { title, path },
            Err(_) => DatasetRef::Other(raw.get_ron().trim().to_string()),
        }
    }

    fn text(&self) -> String {
        match self {
            DatasetRef::Builtin => "Builtin".to_string(),
            DatasetRef::File { title, path } => format!(
                "File(title: {}, path: {})",
                fields::value(title),
                fields::value(path)
            ),
            DatasetRef::Other(raw) => raw.clone(),
        }
    }
}

/// One note.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// Unique in the file; edits and deletions name the note by it.
    pub id: String,
    pub dataset: DatasetRef,
    /// The entity's id, by which the note finds its entity in any dataset.
    pub entity: EntityRef,
    pub written: Timestamp,
    pub edited: Option<Timestamp>,
    pub text: String,
    /// Fields of a newer version, kept as written.
    pub unknown: Unknown,
}

impl Note {
    fn read(raw: &ron::value::RawValue, n: usize) -> Result<Note, String> {
        let mut f = Fields::of(raw, format!("note {n}"))?;
        let dataset = match f.take_raw("dataset") {
            Some(raw) => DatasetRef::read(&raw),
            None => DatasetRef::Other("None".to_string()),
        };
        let written = f.take_time("written")?;
        Ok(Note {
            id: f.require("id")?,
            dataset,
            entity: EntityRef {
                id: f.require("entity")?,
                name: f.take("name")?.unwrap_or_default(),
                kind: f.take("kind")?.unwrap_or_default(),
            },
            written: written.ok_or_else(|| f.wrong("written", &"it is missing"))?,
            edited: f.take_time("edited")?,
            text: f.require("text")?,
            unknown: f.unknown(),
        })
    }

    fn text(&self) -> String {
        let time = |t: &Timestamp| fields::value(&t.to_string());
        let mut s = StructText::new(2)
            .field("id", &fields::value(&self.id))
            .field("dataset", &self.dataset.text())
            .field("entity", &fields::value(&self.entity.id))
            .field("name", &fields::value(&self.entity.name))
            .field("kind", &fields::value(&self.entity.kind))
            .field("written", &time(&self.written));
        if let Some(t) = &self.edited {
            s = s.field("edited", &time(t));
        }
        s.field("text", &fields::value(&self.text))
            .unknown(&self.unknown)
            .finish()
    }
}

/// The whole notes file, notes in the order they were added.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NotesFile {
    pub version: u32,
    pub notes: Vec<Note>,
    pub unknown: Unknown,
}

impl Document for NotesFile {
    fn parse(text: &str) -> Result<NotesFile, String> {
        let mut f = Fields::parse(text)?;
        let version = f.take::<u32>("version")?.unwrap_or(VERSION);
        let notes = match f.take_raw("notes") {
            None => Vec::new(),
            Some(raw) => fields::list_items(&raw, "notes")?
                .iter()
                .enumerate()
                .map(|(i, raw)| Note::read(raw, i + 1))
                .collect::<Result<_, _>>()?,
        };
        Ok(NotesFile {
            version,
            notes,
            unknown: f.unknown(),
        })
    }

    fn emit(&self) -> String {
        let notes: Vec<String> = self.notes.iter().map(Note::text).collect();
        let body = StructText::new(0)
            .field("version", &self.version.max(VERSION).to_string())
            .field("notes", &fields::list_text(&notes, 1))
            .unknown(&self.unknown)
            .finish();
        format!(
            "// clusterdex notes. Written by clusterdex, one note at a time; safe to read,\n\
             // and to edit by hand while no clusterdex is writing. A file that fails to\n\
             // parse is moved aside, never overwritten.\n{body}\n"
        )
    }
}

/// A fresh id, unique in `taken`: the time, then a random tail (two processes
/// adding a note in the same second under the lock still differ).
pub fn new_id(now: Timestamp, taken: &[Note]) -> String {
    use std::hash::{BuildHasher, Hasher};
    let stamp = now.strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut salt = 0u64;
    loop {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u32(std::process::id());
        h.write_u64(salt);
        let id = format!("{stamp}-{:04x}", h.finish() & 0xffff);
        if !taken.iter().any(|n| n.id == id) {
            return id;
        }
        salt += 1;
    }
}
