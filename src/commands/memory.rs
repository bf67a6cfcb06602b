//! What the commands on the user's own files share: the dataset a note is
//! written against, times in the user's zone, telling the user about a file
//! moved aside, and finding an entity that may no longer be in the dataset.

use std::io::{self, Write};

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::{Env, exit};
use crate::load::{DataSource, Loaded};
use crate::store::{DatasetRef, EntityRef, Outcome, StoreError};
use crate::text::clean;

/// The dataset behind the loaded source, as a note records it.
pub fn dataset_ref(env: &Env, loaded: &Loaded) -> DatasetRef {
    match &env.source {
        DataSource::Builtin => DatasetRef::Builtin,
        DataSource::File(p) => DatasetRef::new(&loaded.dataset.title, Some(p)),
    }
}

/// A time in the user's zone, to the minute (`TZ` is honoured).
pub fn local(t: Timestamp) -> String {
    t.to_zoned_datetime(TimeZone::system())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// Tells the user, on `err`, about a file the store moved aside.
pub fn report<T>(outcome: Outcome<T>, err: &mut impl Write) -> io::Result<T> {
    if let Some(moved) = &outcome.moved_aside {
        writeln!(err, "warning: {}", clean(&moved.to_string()))?;
    }
    Ok(outcome.value)
}

/// A store error as a message and exit code.
pub fn failed(e: &StoreError, err: &mut impl Write) -> io::Result<u8> {
    writeln!(err, "error: {}", clean(&e.to_string()))?;
    Ok(exit::ERROR)
}

/// Stops a command that needs the user's files when `--no-state` is set.
pub fn refuse_off(env: &Env, err: &mut impl Write) -> io::Result<Option<u8>> {
    if env.store.paths().is_some() {
        return Ok(None);
    }
    failed(&StoreError::Off, err).map(Some)
}

/// An entity named by the user's words: found in the dataset as `show` finds
/// it, or, for one the dataset no longer has, by the exact id a saved entry
/// remembers. Messages about failures go to `err`.
pub fn entity(
    loaded: &Loaded,
    words: &str,
    remembered: &[&EntityRef],
    err: &mut impl Write,
) -> io::Result<Option<EntityRef>> {
    let ds = &loaded.dataset;
    if ds.get(words).is_none()
        && let Some(e) = remembered.iter().find(|e| e.id == words)
    {
        return Ok(Some((*e).clone()));
    }
    let built;
    let index = match &loaded.index {
        Some(index) => index,
        None => {
            built = crate::search::Index::new(ds);
            &built
        }
    };
    Ok(super::find(ds, index, words, err)?.map(|i| EntityRef::of(ds, i)))
}

/// How lists name an entity: its name and kind now, or as remembered when the
/// dataset lacks it (then `missing` is true).
pub fn shown(loaded: &Loaded, e: &EntityRef) -> (String, String, bool) {
    match loaded.dataset.get(&e.id) {
        Some(x) => (x.name.to_string(), x.kind.as_str().to_string(), false),
        None => (e.name.clone(), e.kind.clone(), true),
    }
}

/// What a list says of an entity the open dataset lacks.
pub const MISSING: &str = "entity not in this dataset";

/// Rows of cells, each column padded to its widest cell (the last is not).
pub fn table(rows: &[Vec<String>], out: &mut impl Write) -> io::Result<()> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| crate::text::width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            if c + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(&crate::text::pad(cell, widths[c]));
                line.push_str("  ");
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Records that an entity was looked up. The lookup itself succeeded: a
/// failure to record it is a warning, never the command's failure.
pub fn remember(
    env: &Env,
    ds: &crate::model::Dataset,
    entity: usize,
    err: &mut impl Write,
) -> io::Result<()> {
    match env
        .store
        .record_visit(&EntityRef::of(ds, entity), Timestamp::now())
    {
        Ok(o) => report(o, err),
        Err(StoreError::Off) => Ok(()),
        Err(e) => writeln!(err, "warning: {}", clean(&e.to_string())),
    }
}

/// The notes for a briefing, newest first; without them (said on `err`) when
/// they cannot be read, since the briefing is still worth having.
pub fn notes_for_export(env: &Env, err: &mut impl Write) -> io::Result<Vec<crate::store::Note>> {
    let mut notes = match env.store.notes() {
        Ok(o) => report(o, err)?,
        Err(e) => {
            writeln!(
                err,
                "warning: {}; the briefing has no notes",
                clean(&e.to_string())
            )?;
            Vec::new()
        }
    };
    newest_first(&mut notes);
    Ok(notes)
}

/// An entity's notes under its card in a Markdown briefing, if it has any.
pub fn write_notes(notes: &[crate::store::Note], id: &str, out: &mut impl Write) -> io::Result<()> {
    let mut mine = notes.iter().filter(|n| n.entity.id == id).peekable();
    if mine.peek().is_none() {
        return Ok(());
    }
    writeln!(out, "### My notes\n")?;
    for n in mine {
        writeln!(out, "{}", super::notes::bullet(n))?;
    }
    writeln!(out)
}

/// "My notes" at the end of a card `show` prints, newest first, if any.
pub fn write_my_notes(
    env: &Env,
    id: &str,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<()> {
    let notes = match env.store.notes() {
        Ok(o) => report(o, err)?,
        Err(e) => {
            writeln!(err, "warning: {}", clean(&e.to_string()))?;
            return Ok(());
        }
    };
    let mut mine: Vec<_> = notes.into_iter().filter(|n| n.entity.id == id).collect();
    if mine.is_empty() {
        return Ok(());
    }
    newest_first(&mut mine);
    writeln!(out, "\nMy notes")?;
    for n in &mine {
        writeln!(out, "{}", note_line(n))?;
    }
    Ok(())
}

/// A note as a list shows it: its local time, then its text, later lines
/// indented under the first.
pub fn note_line(n: &crate::store::Note) -> String {
    let when = local(n.written);
    let indent = " ".repeat(when.len() + 4);
    let body =
        crate::text::clean_multiline(n.text.trim_end()).replace('\n', &format!("\n{indent}"));
    format!("  {when}  {body}")
}

/// Newest first; notes of the same second in reverse file order too (the file
/// keeps them in the order they were added).
pub fn newest_first(notes: &mut [crate::store::Note]) {
    notes.reverse();
    notes.sort_by_key(|n| std::cmp::Reverse(n.written));
}

/// The user's notes, for a search to read (none with `--no-state`, or
/// when they cannot be read: said on `err`, the search goes on without).
pub fn notes_to_search(env: &Env, err: &mut impl Write) -> io::Result<Vec<crate::store::Note>> {
    match env.store.notes() {
        Ok(o) => report(o, err),
        Err(e) => {
            writeln!(
                err,
                "warning: {}; your notes are not searched",
                clean(&e.to_string())
            )?;
            Ok(Vec::new())
        }
    }
}

/// The notes as the search reads them, by entity of `ds`.
pub fn personal(
    notes: Vec<crate::store::Note>,
    ds: &crate::model::Dataset,
) -> crate::search::Personal {
    let notes = (notes.into_iter()).filter_map(|n| Some((ds.index_of(&n.entity.id)?, n.text)));
    crate::search::Personal::new(notes, [])
}
