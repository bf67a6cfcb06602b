//! `clusterdex pins`, `pin ENTITY`, `unpin ENTITY` and `recent`: the pinned
//! entities and the last ones opened, as lists or JSON, and pinning from a
//! script. Entries whose entity the open dataset lacks are listed, marked.

use std::io::{self, Write};

use jiff::Timestamp;
use serde::Serialize;

use super::memory::{self, MISSING, local};
use super::{Env, exit, open};
use crate::load::Loaded;
use crate::store::EntityRef;
use crate::text::clean;

#[derive(Debug, clap::Args)]
pub struct ListingArgs {
    /// Print the list as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct PinArgs {
    /// The entity: an id, a name or alias (accents optional)
    #[arg(required = true, num_args = 1..)]
    pub entity: Vec<String>,
}

#[derive(Serialize)]
struct JsonEntry {
    id: String,
    name: String,
    kind: String,
    in_dataset: bool,
    /// When it was pinned, or last opened.
    time: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    visits: Option<f64>,
}

struct Entry<'a> {
    entity: &'a EntityRef,
    time: Timestamp,
    rank: Option<f64>,
}

/// `clusterdex pins`: in the order they were made.
pub fn list_pins(
    env: &Env,
    args: &ListingArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let loaded = match start(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let pins = match env.store.pins() {
        Ok(o) => memory::report(o, err)?,
        Err(e) => return memory::failed(&e, err),
    };
    let entries: Vec<Entry> = pins
        .iter()
        .map(|p| Entry {
            entity: &p.entity,
            time: p.pinned,
            rank: None,
        })
        .collect();
    print(
        &loaded,
        &entries,
        args.json,
        "no pins yet; pin one with `clusterdex pin ENTITY`",
        out,
        err,
    )
}

/// `clusterdex recent`: the last entities opened, the most recent first.
pub fn list_recent(
    env: &Env,
    args: &ListingArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let loaded = match start(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let visits = match env.store.recent() {
        Ok(o) => memory::report(o, err)?,
        Err(e) => return memory::failed(&e, err),
    };
    let entries: Vec<Entry> = visits
        .iter()
        .map(|v| Entry {
            entity: &v.entity,
            time: v.last,
            rank: Some(v.rank),
        })
        .collect();
    print(
        &loaded,
        &entries,
        args.json,
        "nothing opened yet (`clusterdex show` and the explorer record it)",
        out,
        err,
    )
}

/// `clusterdex pin` and `unpin`.
pub fn set(
    env: &Env,
    args: &PinArgs,
    pinned: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let loaded = match start(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let pins = match env.store.pins() {
        Ok(o) => memory::report(o, err)?,
        Err(e) => return memory::failed(&e, err),
    };
    let remembered: Vec<&EntityRef> = pins.iter().map(|p| &p.entity).collect();
    let Some(entity) = memory::entity(&loaded, &args.entity.join(" "), &remembered, err)? else {
        return Ok(exit::NO);
    };
    let changed = match env.store.set_pinned(&entity, pinned, Timestamp::now()) {
        Ok(o) => memory::report(o, err)?,
        Err(e) => return memory::failed(&e, err),
    };
    let what = match (pinned, changed) {
        (true, true) => "pinned",
        (true, false) => "already pinned",
        (false, true) => "unpinned",
        (false, false) => "not pinned",
    };
    writeln!(
        out,
        "{what}: {} ({}, {})",
        clean(&entity.name),
        entity.kind,
        clean(&entity.id)
    )?;
    Ok(exit::OK)
}

/// Refuses under `--no-state`, then loads the dataset (to mark missing entities).
fn start(env: &Env, err: &mut impl Write) -> io::Result<Result<super::Opened, u8>> {
    if let Some(code) = memory::refuse_off(env, err)? {
        return Ok(Err(code));
    }
    open(env, err)
}

fn print(
    loaded: &Loaded,
    entries: &[Entry],
    json: bool,
    empty: &str,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    if json {
        let rows: Vec<JsonEntry> = entries
            .iter()
            .map(|e| {
                let (name, kind, missing) = memory::shown(loaded, e.entity);
                JsonEntry {
                    id: e.entity.id.clone(),
                    name,
                    kind,
                    in_dataset: !missing,
                    time: e.time.to_string(),
                    visits: e.rank.map(|r| (r * 1000.0).round() / 1000.0),
                }
            })
            .collect();
        super::write_json(out, &rows)?;
        return Ok(exit::OK);
    }
    if entries.is_empty() {
        writeln!(err, "{empty}")?;
        return Ok(exit::OK);
    }
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            let (name, kind, missing) = memory::shown(loaded, e.entity);
            let id = if missing {
                format!("{}  ({MISSING})", clean(&e.entity.id))
            } else {
                clean(&e.entity.id).into_owned()
            };
            vec![local(e.time), kind, clean(&name).into_owned(), id]
        })
        .collect();
    memory::table(&rows, out)?;
    Ok(exit::OK)
}
