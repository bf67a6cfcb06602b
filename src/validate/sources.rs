//! Rules about sources and citations: every source has an id and a title and
//! is defined once; every entity, fact and relation cites at least one source,
//! and every cited source exists. Owners are described only when a problem is
//! found, so a large sound file costs no formatting.

use super::{Among, Findings, Scope};
use crate::data::format::{FileEntity, FileRelation, FileSource};
use crate::diagnostic::Element;

pub fn empty_sources(_: &Scope, i: usize, s: &FileSource, out: &mut Findings) {
    if s.id.trim().is_empty() || s.title.trim().is_empty() {
        out.error(
            "empty-source",
            Element::Source(i),
            format!("source {:?} has an empty id or title", s.id),
            "give every source an id and a title",
        );
    }
}

pub fn duplicate_sources(scope: &Scope, i: usize, s: &FileSource, out: &mut Findings) {
    if scope.sources.get(s.id.as_str()) != Some(&i) {
        out.error(
            "duplicate-source",
            Element::Source(i),
            format!("source id {:?} is defined twice", s.id),
            "give each source its own id",
        );
    }
}

/// Each of an entity's citing parts, with how a message names it: the entity,
/// its facts, and (for unknown sources only: they may cite nothing) its dates.
fn entity_citations(
    i: usize,
    e: &FileEntity,
    dates: bool,
    mut f: impl FnMut(Element, &dyn Fn() -> String, &[String]),
) {
    f(
        Element::Entity(i),
        &|| format!("entity {:?}", e.id),
        &e.sources,
    );
    for (index, fact) in e.facts.iter().enumerate() {
        let name = || format!("fact {:?} of {:?}", fact.label, e.id);
        f(Element::Fact { entity: i, index }, &name, &fact.sources);
    }
    for (index, date) in e.dates.iter().enumerate().filter(|_| dates) {
        let name = || format!("date {:?} of {:?}", date.label, e.id);
        f(Element::Date { entity: i, index }, &name, &date.sources);
    }
}

fn relation_name(r: &FileRelation) -> String {
    format!("relation {} {} {}", r.from, r.rel, r.to)
}

/// Reports each cited source that is not in the file's `sources`.
fn unknown(
    scope: &Scope,
    element: Element,
    owner: &dyn Fn() -> String,
    cited: &[String],
    out: &mut Findings,
) {
    for s in cited
        .iter()
        .filter(|s| !scope.sources.contains_key(s.as_str()))
    {
        out.error(
            "unknown-source",
            element,
            format!("{} cites unknown source {s:?}", owner()),
            "add it to `sources` or cite an existing one",
        )
        .suggest(s, Among::Sources, "every cited source must be in `sources`");
    }
}

fn missing(element: Element, owner: &dyn Fn() -> String, cited: &[String], out: &mut Findings) {
    if cited.is_empty() {
        out.error(
            "no-source",
            element,
            format!("{} cites no source", owner()),
            "add sources: [\"...\"] naming the document that states it",
        );
    }
}

pub fn unknown_entity_sources(scope: &Scope, i: usize, e: &FileEntity, out: &mut Findings) {
    entity_citations(i, e, true, |element, owner, cited| {
        unknown(scope, element, owner, cited, out)
    });
}

pub fn missing_entity_sources(_: &Scope, i: usize, e: &FileEntity, out: &mut Findings) {
    entity_citations(i, e, false, |element, owner, cited| {
        missing(element, owner, cited, out)
    });
}

pub fn unknown_relation_sources(
    scope: &Scope,
    i: usize,
    r: &FileRelation,
    _: super::Resolved,
    out: &mut Findings,
) {
    let owner = || relation_name(r);
    unknown(scope, Element::Relation(i), &owner, &r.sources, out);
}

pub fn missing_relation_sources(
    _: &Scope,
    i: usize,
    r: &FileRelation,
    _: super::Resolved,
    out: &mut Findings,
) {
    missing(Element::Relation(i), &|| relation_name(r), &r.sources, out);
}
