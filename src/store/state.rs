//! The state files: pinned entities (`pins.ron`) and entities opened, with how
//! often and how lately (`recent.ron`). Each entry keeps the entity's name and
//! kind at the time, so that a list can still name an entity the open dataset
//! lacks.

use jiff::Timestamp;

use super::EntityRef;
use super::fields::{self, Fields, StructText, Unknown};
use super::file::Document;

/// The format version this clusterdex writes (see `notes::VERSION`).
pub const VERSION: u32 = 1;

/// One pinned entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Pin {
    pub entity: EntityRef,
    pub pinned: Timestamp,
    pub unknown: Unknown,
}

/// One entity opened: how often (aged, see `frecency`) and when last.
#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    pub entity: EntityRef,
    pub rank: f64,
    pub last: Timestamp,
    pub unknown: Unknown,
}

/// `pins.ron`: pins in the order they were made.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PinsFile {
    pub version: u32,
    pub pins: Vec<Pin>,
    pub unknown: Unknown,
}

/// `recent.ron`: visits, the most recent first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecentFile {
    pub version: u32,
    pub visits: Vec<Visit>,
    pub unknown: Unknown,
}

fn entity(f: &mut Fields) -> Result<EntityRef, String> {
    Ok(EntityRef {
        id: f.require("entity")?,
        name: f.take("name")?.unwrap_or_default(),
        kind: f.take("kind")?.unwrap_or_default(),
    })
}

fn entity_fields(s: StructText, e: &EntityRef) -> StructText {
    s.field("entity", &fields::value(&e.id))
        .field("name", &fields::value(&e.name))
        .field("kind", &fields::value(&e.kind))
}

fn time(t: &Timestamp) -> String {
    fields::value(&t.to_string())
}

/// Parses a top-level file whose entries sit in the list `key`.
fn parse_file<T>(
    text: &str,
    key: &str,
    item: &str,
    read: impl Fn(&mut Fields) -> Result<T, String>,
) -> Result<(u32, Vec<T>, Unknown), String> {
    let mut f = Fields::parse(text)?;
    let version = f.take::<u32>("version")?.unwrap_or(VERSION);
    let mut items = Vec::new();
    if let Some(raw) = f.take_raw(key) {
        for (i, raw) in fields::list_items(&raw, key)?.iter().enumerate() {
            let mut fields = Fields::of(raw, format!("{item} {}", i + 1))?;
            items.push(read(&mut fields)?);
        }
    }
    Ok((version, items, f.unknown()))
}

fn emit_file(header: &str, version: u32, key: &str, items: &[String], unknown: &Unknown) -> String {
    let body = StructText::new(0)
        .field("version", &version.max(VERSION).to_string())
        .field(key, &fields::list_text(items, 1))
        .unknown(unknown)
        .finish();
    format!("{header}\n{body}\n")
}

impl Document for PinsFile {
    fn parse(text: &str) -> Result<PinsFile, String> {
        let (version, pins, unknown) = parse_file(text, "pins", "pin", |f| {
            let entity = entity(f)?;
            let pinned = f.take_time("pinned")?.unwrap_or(Timestamp::UNIX_EPOCH);
            Ok(Pin {
                entity,
                pinned,
                unknown: std::mem::take(f).unknown(),
            })
        })?;
        Ok(PinsFile {
            version,
            pins,
            unknown,
        })
    }

    fn emit(&self) -> String {
        let items: Vec<String> = self
            .pins
            .iter()
            .map(|p| {
                entity_fields(StructText::new(2), &p.entity)
                    .field("pinned", &time(&p.pinned))
                    .unknown(&p.unknown)
                    .finish()
            })
            .collect();
        let header = "// clusterdex pins, in the order they were made. Written by clusterdex.";
        emit_file(header, self.version, "pins", &items, &self.unknown)
    }
}

impl Document for RecentFile {
    fn parse(text: &str) -> Result<RecentFile, String> {
        let (version, visits, unknown) = parse_file(text, "visits", "visit", |f| {
            let entity = entity(f)?;
            let rank = f.take::<f64>("rank")?.unwrap_or(1.0);
            let last = f.take_time("last")?.unwrap_or(Timestamp::UNIX_EPOCH);
            Ok(Visit {
                entity,
                rank: if rank.is_finite() { rank.max(0.0) } else { 1.0 },
                last,
                unknown: std::mem::take(f).unknown(),
            })
        })?;
        Ok(RecentFile {
            version,
            visits,
            unknown,
        })
    }

    fn emit(&self) -> String {
        let items: Vec<String> = self
            .visits
            .iter()
            .map(|v| {
                entity_fields(StructText::new(2), &v.entity)
                    .field("rank", &format_rank(v.rank))
                    .field("last", &time(&v.last))
                    .unknown(&v.unknown)
                    .finish()
            })
            .collect();
        let header = "// clusterdex: entities opened, the most recent first, with an aged count of\n\
                      // visits (frecency). Written by clusterdex.";
        emit_file(header, self.version, "visits", &items, &self.unknown)
    }
}

/// A rank as RON reads it back as a float (`2.0`, not `2`), rounded so that the
/// file does not fill with long decimals.
fn format_rank(rank: f64) -> String {
    let r = (rank * 1000.0).round() / 1000.0;
    if r.fract() == 0.0 {
        format!("{r:.1}")
    } else {
        format!("{r}")
    }
}
