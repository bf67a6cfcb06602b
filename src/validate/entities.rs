//! Rules about entities, sources, facts and dates.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::{Kind, When};

/// Longer names than this are almost surely an accident or an attack.
const MAX_NAME_CHARS: usize = 300;

fn is_snake_case(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('a'..='z'))
        && id.chars().all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
        && !id.ends_with('_')
        && !id.contains("__")
}

pub fn empty_names(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, e) in ctx.file.entities.iter().enumerate() {
        if e.id.trim().is_empty() {
            out.push(Diagnostic::error(
                "empty-id",
                ctx.spans.entity(i),
                format!("entity {:?} has an empty id", e.name),
                "give it a snake_case id such as \"biowin\"",
            ));
        }
        if e.name.trim().is_empty() {
            out.push(Diagnostic::error(
                "empty-name",
                ctx.spans.entity(i),
                format!("entity {:?} has an empty name", e.id),
                "give the name as the sources spell it",
            ));
        }
    }
    for (i, s) in ctx.file.sources.iter().enumerate() {
        if s.id.trim().is_empty() || s.title.trim().is_empty() {
            out.push(Diagnostic::error(
                "empty-source",
                ctx.spans.source(i),
                format!("source {:?} has an empty id or title", s.id),
                "give every source an id and a title",
            ));
        }
    }
    out
}

pub fn id_format(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, e) in ctx.file.entities.iter().enumerate() {
        if !e.id.trim().is_empty() && !is_snake_case(&e.id) {
            out.push(Diagnostic::error("id-format", ctx.spans.entity(i), format!("id {:?} is not snake_case", e.id), "use lowercase ASCII letters, digits and single underscores, starting with a letter, e.g. \"life_science_nord\""));
        }
    }
    out
}

pub fn duplicate_ids(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, e) in ctx.file.entities.iter().enumerate() {
        let first = ctx.ids[e.id.as_str()];
        if first != i && !e.id.is_empty() {
            let at = ctx
                .spans
                .entity(first)
                .map_or(String::new(), |p| format!(" at {p}"));
            out.push(Diagnostic::error(
                "duplicate-id",
                ctx.spans.entity(i),
                format!(
                    "id {:?} is already used by {:?}{at}",
                    e.id, ctx.file.entities[first].name
                ),
                "give each entity its own id; this one is ignored",
            ));
        }
    }
    out
}

pub fn duplicate_sources(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, s) in ctx.file.sources.iter().enumerate() {
        if ctx.sources[s.id.as_str()] != i {
            out.push(Diagnostic::error(
                "duplicate-source",
                ctx.spans.source(i),
                format!("source id {:?} is defined twice", s.id),
                "give each source its own id",
            ));
        }
    }
    out
}

pub fn impossible_dates(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, e) in ctx.file.entities.iter().enumerate() {
        for (j, d) in e.dates.iter().enumerate() {
            if let Err(err) = When::parse(&d.when) {
                out.push(Diagnostic::error(
                    "bad-date",
                    ctx.spans.date(i, j),
                    format!("date {:?} of {:?}: {err}", d.label, e.id),
                    "write YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD (year unknown) or START/END",
                ));
            }
        }
        for (j, f) in e.facts.iter().enumerate() {
            if let Some(Err(err)) = f.when.as_deref().map(When::parse) {
                out.push(Diagnostic::error(
                    "bad-date",
                    ctx.spans.fact(i, j),
                    format!("fact {:?} of {:?}: {err}", f.label, e.id),
                    "write YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD (year unknown) or START/END",
                ));
            }
        }
    }
    out
}

pub fn long_text(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, e) in ctx.file.entities.iter().enumerate() {
        let n = e.name.chars().count();
        if n > MAX_NAME_CHARS {
            out.push(Diagnostic::warning(
                "long-name",
                ctx.spans.entity(i),
                format!(
                    "the name of {:?} is {n} characters long",
                    crate::text::clean(&e.id)
                ),
                "names over 300 characters are shown cut; put the rest in the description",
            ));
        }
    }
    out
}

pub fn unknown_subkinds(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, e) in ctx.file.entities.iter().enumerate() {
        let kind = Kind::from(e.kind);
        if let Some(sub) = e
            .subkind
            .as_deref()
            .filter(|s| !kind.subkinds().contains(s))
        {
            out.push(Diagnostic::warning(
                "unknown-subkind",
                ctx.spans.entity(i),
                format!(
                    "subkind {sub:?} of {:?} is not a known {kind} subkind",
                    e.id
                ),
                &format!("use one of: {}", kind.subkinds().join(", ")),
            ));
        }
    }
    out
}
