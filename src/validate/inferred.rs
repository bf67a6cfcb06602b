//! Rules about what a dataset marks `Inferred`: each mark points at something
//! the entity has, and each says what it rests on. A reader trusts a card line
//! by line, so an inference without its reason is worth a warning.

use super::Ctx;
use crate::data::format::{FileCertainty, FileEntity, FilePart};
use crate::diagnostic::Diagnostic;

const REASON_HINT: &str =
    "say what it rests on (a name, the page layout, two documents read together) in a note";

/// Why a part marked inferred does not fit the entity, if it does not.
fn misfit(e: &FileEntity, part: &FilePart) -> Option<String> {
    match part {
        FilePart::Kind => None,
        FilePart::Description => e
            .description
            .is_empty()
            .then(|| "marks its description as inferred, but has none".to_string()),
        FilePart::Alias(a) => (!e.aliases.contains(a))
            .then(|| format!("marks alias {a:?} as inferred, but has no such alias")),
        FilePart::Tag(t) => (!e.tags.contains(t))
            .then(|| format!("marks tag {t:?} as inferred, but has no such tag")),
    }
}

/// Inferred parts that name no alias, tag or description of their entity, or
/// that are given twice.
pub fn inferred_parts(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, e) in ctx.file.entities.iter().enumerate() {
        for (j, p) in e.inferred.iter().enumerate() {
            if let Some(what) = misfit(e, &p.part) {
                out.push(Diagnostic::error(
                    "inferred-part",
                    ctx.spans.entity(i),
                    format!("entity {:?} {what}", e.id),
                    "write the alias or tag exactly as the entity lists it, or remove the entry",
                ));
            } else if e.inferred[..j].iter().any(|q| q.part == p.part) {
                out.push(Diagnostic::error(
                    "inferred-part",
                    ctx.spans.entity(i),
                    format!("entity {:?} marks the same part as inferred twice", e.id),
                    "keep one entry and give both reasons in its `why`",
                ));
            }
        }
    }
    out
}

fn label(part: &FilePart) -> String {
    crate::model::Part::from(part.clone()).label()
}

fn blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

/// Entities, parts, facts and relations marked inferred with no reason given.
pub fn unexplained(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let warn = |position, what: String| {
        Diagnostic::warning("inferred-without-reason", position, what, REASON_HINT)
    };
    for (i, e) in ctx.file.entities.iter().enumerate() {
        if e.certainty == FileCertainty::Inferred && e.notes.iter().all(|n| blank(Some(n))) {
            let what = format!("entity {:?} is inferred but has no note saying why", e.id);
            out.push(warn(ctx.spans.entity(i), what));
        }
        for p in e.inferred.iter().filter(|p| blank(Some(&p.why))) {
            let what = format!(
                "the inferred {} of {:?} has an empty `why`",
                label(&p.part),
                e.id
            );
            out.push(warn(ctx.spans.entity(i), what));
        }
        for (j, f) in e.facts.iter().enumerate() {
            if f.certainty == FileCertainty::Inferred && blank(f.note.as_deref()) {
                let what = format!(
                    "fact {:?} of {:?} is inferred but has no note",
                    f.label, e.id
                );
                out.push(warn(ctx.spans.fact(i, j), what));
            }
        }
    }
    for (i, r) in ctx.file.relations.iter().enumerate() {
        if r.certainty == FileCertainty::Inferred && blank(r.note.as_deref()) {
            let what = format!(
                "relation {} {} {} is inferred but has no note",
                r.from, r.rel, r.to
            );
            out.push(warn(ctx.spans.relation(i), what));
        }
    }
    out
}
