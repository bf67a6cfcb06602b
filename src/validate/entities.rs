//! Rules about entities, their facts and dates, and the one rule that needs
//! every entity at once: ids given twice.

use rustc_hash::FxHashMap;

use super::{Findings, Scope};
use crate::data::format::FileEntity;
use crate::diagnostic::Element;
use crate::model::{Entity, Kind, When};

/// Longer names than this are almost surely an accident or an attack.
const MAX_NAME_CHARS: usize = 300;

const DATE_HINT: &str = "write YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD (year unknown) or START/END";

fn is_snake_case(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('a'..='z'))
        && id.chars().all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
        && !id.ends_with('_')
        && !id.contains("__")
}

pub fn empty_names(_: &Scope, i: usize, e: &FileEntity, out: &mut Findings) {
    if e.id.trim().is_empty() {
        out.error(
            "empty-id",
            Element::Entity(i),
            format!("entity {:?} has an empty id", e.name),
            "give it a snake_case id such as \"biowin\"",
        );
    }
    if e.name.trim().is_empty() {
        out.error(
            "empty-name",
            Element::Entity(i),
            format!("entity {:?} has an empty name", e.id),
            "give the name as the sources spell it",
        );
    }
}

pub fn id_format(_: &Scope, i: usize, e: &FileEntity, out: &mut Findings) {
    if !e.id.trim().is_empty() && !is_snake_case(&e.id) {
        out.error(
            "id-format",
            Element::Entity(i),
            format!("id {:?} is not snake_case", e.id),
            "use lowercase ASCII letters, digits and single underscores, starting with a letter, e.g. \"life_science_nord\"",
        );
    }
}

/// The id table of a file's entities (each id to its first entity, in file
/// order), reporting every later entity that gives an id again; the build
/// keeps the first. It runs once all entities are in, whatever the pieces.
pub fn duplicate_ids<'a>(entities: &'a [Entity], out: &mut Findings) -> FxHashMap<&'a str, usize> {
    let mut ids: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(entities.len(), Default::default());
    for (i, e) in entities.iter().enumerate() {
        let first = *ids.entry(e.id.as_ref()).or_insert(i);
        if first != i && !e.id.is_empty() {
            out.error(
                "duplicate-id",
                Element::Entity(i),
                format!(
                    "id {:?} is already used by {:?}",
                    e.id, entities[first].name
                ),
                "give each entity its own id; this one is ignored",
            )
            .see(Element::Entity(first));
        }
    }
    ids
}

pub fn impossible_dates(_: &Scope, i: usize, e: &FileEntity, out: &mut Findings) {
    for (index, d) in e.dates.iter().enumerate() {
        if let Err(err) = When::parse(&d.when) {
            out.error(
                "bad-date",
                Element::Date { entity: i, index },
                format!("date {:?} of {:?}: {err}", d.label, e.id),
                DATE_HINT,
            );
        }
    }
    for (index, f) in e.facts.iter().enumerate() {
        if let Some(Err(err)) = f.when.as_deref().map(When::parse) {
            out.error(
                "bad-date",
                Element::Fact { entity: i, index },
                format!("fact {:?} of {:?}: {err}", f.label, e.id),
                DATE_HINT,
            );
        }
    }
}

pub fn long_text(_: &Scope, i: usize, e: &FileEntity, out: &mut Findings) {
    let n = e.name.chars().count();
    if n > MAX_NAME_CHARS {
        out.warning(
            "long-name",
            Element::Entity(i),
            format!(
                "the name of {:?} is {n} characters long",
                crate::text::clean(&e.id)
            ),
            "names over 300 characters are shown cut; put the rest in the description",
        );
    }
}

pub fn unknown_subkinds(_: &Scope, i: usize, e: &FileEntity, out: &mut Findings) {
    let kind = Kind::from(e.kind);
    if let Some(sub) = e
        .subkind
        .as_deref()
        .filter(|s| !kind.subkinds().contains(s))
    {
        out.warning(
            "unknown-subkind",
            Element::Entity(i),
            format!(
                "subkind {sub:?} of {:?} is not a known {kind} subkind",
                e.id
            ),
            &format!("use one of: {}", kind.subkinds().join(", ")),
        );
    }
}
