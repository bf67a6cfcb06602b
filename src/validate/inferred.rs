//! Rules about what a dataset marks `Inferred`: each mark points at something
//! the entity has, and each says what it rests on. A reader trusts a card line
//! by line, so an inference without its reason is worth a warning.

use super::{Findings, Resolved, Scope};
use crate::data::format::{FileCertainty, FileEntity, FilePart, FileRelation};
use crate::diagnostic::Element;

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
pub fn inferred_parts(_: &Scope, i: usize, e: &FileEntity, out: &mut Findings) {
    for (j, p) in e.inferred.iter().enumerate() {
        if let Some(what) = misfit(e, &p.part) {
            out.error(
                "inferred-part",
                Element::Entity(i),
                format!("entity {:?} {what}", e.id),
                "write the alias or tag exactly as the entity lists it, or remove the entry",
            );
        } else if e.inferred[..j].iter().any(|q| q.part == p.part) {
            out.error(
                "inferred-part",
                Element::Entity(i),
                format!("entity {:?} marks the same part as inferred twice", e.id),
                "keep one entry and give both reasons in its `why`",
            );
        }
    }
}

fn label(part: &FilePart) -> String {
    crate::model::Part::from(part.clone()).label()
}

fn blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

/// An entity, its parts or facts marked inferred with no reason given.
pub fn unexplained_entity(_: &Scope, i: usize, e: &FileEntity, out: &mut Findings) {
    let mut warn = |element, what: String| {
        out.warning("inferred-without-reason", element, what, REASON_HINT);
    };
    if e.certainty == FileCertainty::Inferred && e.notes.iter().all(|n| blank(Some(n))) {
        let what = format!("entity {:?} is inferred but has no note saying why", e.id);
        warn(Element::Entity(i), what);
    }
    for p in e.inferred.iter().filter(|p| blank(Some(&p.why))) {
        let what = format!(
            "the inferred {} of {:?} has an empty `why`",
            label(&p.part),
            e.id
        );
        warn(Element::Entity(i), what);
    }
    for (index, f) in e.facts.iter().enumerate() {
        if f.certainty == FileCertainty::Inferred && blank(f.note.as_deref()) {
            let what = format!(
                "fact {:?} of {:?} is inferred but has no note",
                f.label, e.id
            );
            warn(Element::Fact { entity: i, index }, what);
        }
    }
}

/// A relation marked inferred with no reason given.
pub fn unexplained_relation(
    _: &Scope,
    i: usize,
    r: &FileRelation,
    _: Resolved,
    out: &mut Findings,
) {
    if r.certainty == FileCertainty::Inferred && blank(r.note.as_deref()) {
        out.warning(
            "inferred-without-reason",
            Element::Relation(i),
            format!(
                "relation {} {} {} is inferred but has no note",
                r.from, r.rel, r.to
            ),
            REASON_HINT,
        );
    }
}
