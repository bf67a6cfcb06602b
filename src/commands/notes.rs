//! `clusterdex notes [ENTITY] [--since DATE] [--json | --format md]`: the
//! user's notes, grouped by entity (newest first), as a list, a Markdown
//! meeting minute, or JSON. Notes on entities the open dataset lacks are listed
//! too, marked.

use std::io::{self, Write};

use jiff::Timestamp;
use serde::Serialize;

use super::memory::{self, MISSING, local};
use super::{Env, exit, open};
use crate::load::Loaded;
use crate::store::{DatasetRef, Note};
use crate::text::{clean, clean_multiline};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A list grouped by entity
    Text,
    /// A Markdown meeting minute grouped by entity, with name and kind
    Md,
}

#[derive(Debug, clap::Args)]
pub struct NotesArgs {
    /// Only the notes on this entity (an id, a name or alias, as `show` takes it)
    pub entity: Vec<String>,
    /// Only notes written since DATE: 2026-03-02, today, yesterday, or a span back such as 7d or 2w
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Print the notes as JSON (newest first)
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// text, or md for a meeting minute
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(
    env: &Env,
    args: &NotesArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    if let Some(code) = memory::refuse_off(env, err)? {
        return Ok(code);
    }
    let since = match args.since.as_deref().map(|s| since(s, Timestamp::now())) {
        None => None,
        Some(Ok(t)) => Some(t),
        Some(Err(e)) => {
            writeln!(err, "error: {e}")?;
            return Ok(exit::ERROR);
        }
    };
    let loaded = match open(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let notes = match env.store.notes() {
        Ok(o) => memory::report(o, err)?,
        Err(e) => return memory::failed(&e, err),
    };
    let mut notes: Vec<Note> = notes;
    if !args.entity.is_empty() {
        let remembered: Vec<_> = notes.iter().map(|n| &n.entity).collect();
        let Some(e) = memory::entity(&loaded, &args.entity.join(" "), &remembered, err)? else {
            return Ok(exit::NO);
        };
        notes.retain(|n| n.entity.id == e.id);
    }
    notes.retain(|n| since.is_none_or(|t| n.written >= t));
    memory::newest_first(&mut notes);
    if args.json {
        let rows: Vec<JsonNote> = notes.iter().map(|n| JsonNote::new(&loaded, n)).collect();
        super::write_json(out, &rows)?;
        return Ok(exit::OK);
    }
    if notes.is_empty() {
        writeln!(
            err,
            "no notes{}; add one with `clusterdex note ENTITY TEXT`",
            if since.is_some() || !args.entity.is_empty() {
                " match"
            } else {
                " yet"
            }
        )?;
        return Ok(exit::OK);
    }
    let groups = group(&notes);
    match args.format {
        Format::Text => text(&loaded, &groups, out),
        Format::Md => markdown(&loaded, &groups, out),
    }?;
    Ok(exit::OK)
}

/// Notes by entity: the entity with the newest note first (notes come sorted).
pub fn group(notes: &[Note]) -> Vec<Vec<&Note>> {
    let mut groups: Vec<Vec<&Note>> = Vec::new();
    for n in notes {
        match groups.iter_mut().find(|g| g[0].entity.id == n.entity.id) {
            Some(g) => g.push(n),
            None => groups.push(vec![n]),
        }
    }
    groups
}

fn text(loaded: &Loaded, groups: &[Vec<&Note>], out: &mut impl Write) -> io::Result<()> {
    for (i, g) in groups.iter().enumerate() {
        let (name, kind, missing) = memory::shown(loaded, &g[0].entity);
        let mark = if missing {
            format!(": {MISSING}")
        } else {
            String::new()
        };
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{} ({kind}, {}){mark}",
            clean(&name),
            clean(&g[0].entity.id)
        )?;
        for n in g {
            writeln!(out, "{}", memory::note_line(n))?;
        }
    }
    Ok(())
}

/// A meeting minute: a heading per entity with name and kind, a bullet per
/// note with its date and time.
fn markdown(loaded: &Loaded, groups: &[Vec<&Note>], out: &mut impl Write) -> io::Result<()> {
    let count: usize = groups.iter().map(Vec::len).sum();
    let times = groups.iter().flatten().map(|n| n.written);
    let (first, last) = (times.clone().min(), times.max());
    writeln!(out, "# Notes\n")?;
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let span = match (first, last) {
        (Some(a), Some(b)) if local(a)[..10] == local(b)[..10] => format!("on {}", &local(a)[..10]),
        (Some(a), Some(b)) => format!("from {} to {}", &local(a)[..10], &local(b)[..10]),
        _ => String::new(),
    };
    writeln!(
        out,
        "{} on {}, written {span}.",
        plural(count, "note"),
        plural(groups.len(), "entity").replace("entitys", "entities")
    )?;
    for g in groups {
        let (name, kind, missing) = memory::shown(loaded, &g[0].entity);
        let mark = if missing {
            format!(" — {MISSING}")
        } else {
            String::new()
        };
        writeln!(out, "\n## {} ({kind}){mark}\n", clean(&name))?;
        for n in g {
            writeln!(out, "{}", bullet(n))?;
        }
    }
    Ok(())
}

/// One note as a Markdown bullet, its later lines indented under it.
pub fn bullet(n: &Note) -> String {
    let body = clean_multiline(n.text.trim_end()).replace('\n', "\n  ");
    format!("- **{}**: {body}", local(n.written))
}

#[derive(Serialize)]
struct JsonDataset {
    builtin: bool,
    title: Option<String>,
    path: Option<String>,
}

#[derive(Serialize)]
struct JsonNote {
    id: String,
    entity: String,
    name: String,
    kind: String,
    in_dataset: bool,
    dataset: JsonDataset,
    written: String,
    edited: Option<String>,
    text: String,
}

impl JsonNote {
    fn new(loaded: &Loaded, n: &Note) -> JsonNote {
        let (name, kind, missing) = memory::shown(loaded, &n.entity);
        let dataset = match &n.dataset {
            DatasetRef::Builtin => JsonDataset {
                builtin: true,
                title: None,
                path: None,
            },
            DatasetRef::File { title, path } => JsonDataset {
                builtin: false,
                title: Some(title.clone()),
                path: Some(path.clone()),
            },
            DatasetRef::Other(_) => JsonDataset {
                builtin: false,
                title: None,
                path: None,
            },
        };
        JsonNote {
            id: n.id.clone(),
            entity: n.entity.id.clone(),
            name,
            kind,
            in_dataset: !missing,
            dataset,
            written: n.written.to_string(),
            edited: n.edited.map(|t| t.to_string()),
            text: n.text.clone(),
        }
    }
}

/// When `--since` starts: a day (its start, in the user's zone), `today`,
/// `yesterday`, a time, or a span back from now (`7d`, `2w`, `3 days`).
pub fn since(text: &str, now: Timestamp) -> Result<Timestamp, String> {
    use jiff::tz::TimeZone;
    let tz = TimeZone::system();
    let today = now.to_zoned_datetime(tz.clone()).date();
    let day = |d: jiff::civil::Date| {
        d.to_zoned_datetime(tz.clone())
            .map(|z| z.timestamp())
            .map_err(|e| e.to_string())
    };
    let t = text.trim();
    match t.to_ascii_lowercase().as_str() {
        "today" => return day(today),
        "yesterday" => return day(today.yesterday().map_err(|e| e.to_string())?),
        _ => {}
    }
    if let Ok(d) = t.parse::<jiff::civil::Date>() {
        return day(d);
    }
    if let Ok(ts) = t.parse::<Timestamp>() {
        return Ok(ts);
    }
    if let Ok(dt) = t.replacen(' ', "T", 1).parse::<jiff::civil::DateTime>() {
        return dt
            .to_zoned_datetime(tz.clone())
            .map(|z| z.timestamp())
            .map_err(|e| e.to_string());
    }
    if let Ok(span) = t.parse::<jiff::Span>() {
        return now
            .to_zoned_datetime(tz.clone())
            .checked_sub(span.abs())
            .map(|z| z.timestamp())
            .map_err(|e| e.to_string());
    }
    Err(format!(
        "--since {:?} is not a date; write a day (2026-03-02), today, yesterday, or a span back such as 7d or 2w",
        clean(text)
    ))
}
