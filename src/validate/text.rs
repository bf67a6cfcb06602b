//! The rule against control, bidirectional and invisible characters in any text
//! of the file: they could drive or garble a user's terminal. Plain printable
//! ASCII, the bulk of any file, is passed over with a byte check.

use super::{Findings, Resolved, Scope};
use crate::data::format::{FileEntity, FilePart, FileRelation, FileSource};
use crate::diagnostic::Element;

/// The first unsafe character of a text, if any (line breaks are allowed).
fn first_unsafe(text: &str) -> Option<char> {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return None;
    }
    text.chars()
        .find(|&c| crate::text::is_unsafe(c) && c != '\n')
}

/// Calls `f` with every text of an entity and the name of its field.
fn entity_texts<'a>(e: &'a FileEntity, mut f: impl FnMut(&'static str, &'a str)) {
    f("id", &e.id);
    f("name", &e.name);
    f("description", &e.description);
    if let Some(s) = &e.subkind {
        f("subkind", s);
    }
    e.aliases.iter().for_each(|a| f("alias", a));
    e.tags.iter().for_each(|t| f("tag", t));
    e.notes.iter().for_each(|n| f("note", n));
    for p in &e.inferred {
        if let FilePart::Alias(t) | FilePart::Tag(t) = &p.part {
            f("inferred part", t);
        }
        f("inferred reason", &p.why);
    }
    for fact in &e.facts {
        f("fact label", &fact.label);
        f("fact value", &fact.value);
        if let Some(n) = &fact.note {
            f("fact note", n);
        }
    }
    for d in &e.dates {
        f("date label", &d.label);
        if let Some(n) = &d.note {
            f("date note", n);
        }
    }
}

fn report(out: &mut Findings, element: Element, owner: &str, field: &str, c: char) {
    out.error(
        "control-character",
        element,
        format!(
            "{field} of {owner} contains the invisible or control character U+{:04X}",
            c as u32
        ),
        "remove it: such characters can drive or garble a terminal; they are shown escaped",
    );
}

pub fn unsafe_entity_text(_: &Scope, i: usize, e: &FileEntity, out: &mut Findings) {
    entity_texts(e, |field, text| {
        if let Some(c) = first_unsafe(text) {
            let owner = format!("entity {:?}", crate::text::clean(&e.id));
            report(out, Element::Entity(i), &owner, field, c);
        }
    });
}

pub fn unsafe_relation_text(
    _: &Scope,
    i: usize,
    r: &FileRelation,
    _: Resolved,
    out: &mut Findings,
) {
    for (field, text) in [
        ("from", Some(&r.from)),
        ("to", Some(&r.to)),
        ("rel", Some(&r.rel)),
        ("role", r.role.as_ref()),
        ("note", r.note.as_ref()),
    ] {
        if let Some(c) = text.and_then(|t| first_unsafe(t)) {
            let owner = format!("relation {}", i + 1);
            report(out, Element::Relation(i), &owner, field, c);
        }
    }
}

pub fn unsafe_source_text(_: &Scope, i: usize, s: &FileSource, out: &mut Findings) {
    for (field, text) in [
        ("id", &s.id),
        ("title", &s.title),
        ("publisher", &s.publisher),
        ("about", &s.about),
    ] {
        if let Some(c) = first_unsafe(text) {
            let owner = format!("source {}", i + 1);
            report(out, Element::Source(i), &owner, field, c);
        }
    }
}
