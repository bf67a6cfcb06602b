//! File structs turned into the model's sources, entities and relations,
//! keeping only what is sound within each: dates that parse, citations of
//! sources that exist. Which entities and relations are kept at all is the
//! pipeline's to decide ([`super::pipeline`]); the rules report everything
//! left out. The kept text is taken out of the file structs, not copied.

use rustc_hash::FxHashMap;

use crate::data::format::{FileEntity, FileRelation, FileSource};
use crate::model::{
    DateEntry, Entity, Fact, InferredPart, Relation, RelationType, Source, SourceLists, ThinVec,
    When,
};

/// The cited sources' indices, in a vector of exactly their number: a large
/// dataset has a list per entity, fact and relation.
pub(super) fn resolve(cited: &[String], sources: &FxHashMap<&str, usize>) -> Vec<usize> {
    let mut out = Vec::with_capacity(cited.len());
    out.extend(
        cited
            .iter()
            .filter_map(|s| sources.get(s.as_str()).copied()),
    );
    out
}

/// The entity's text is taken out of the file struct, not copied: the file is
/// thrown away after the build, and copying every string of a large file would
/// cost time and double the memory for a moment.
pub(super) fn entity(e: &mut FileEntity, sources: &FxHashMap<&str, usize>) -> Entity {
    let take = std::mem::take::<String>;
    let parts = inferred_parts(e);
    let mut out = Entity {
        id: take(&mut e.id).into(),
        kind: e.kind.into(),
        subkind: e.subkind.take().map(String::into_boxed_str),
        name: take(&mut e.name).into(),
        aliases: std::mem::take(&mut e.aliases).into(),
        description: take(&mut e.description).into(),
        tags: std::mem::take(&mut e.tags).into(),
        facts: e
            .facts
            .iter_mut()
            .map(|f| Fact {
                label: take(&mut f.label),
                value: take(&mut f.value),
                when: f.when.as_deref().and_then(|w| When::parse(w).ok()),
                note: f.note.take(),
                certainty: f.certainty.into(),
                sources: resolve(&f.sources, sources),
            })
            .collect(),
        dates: e
            .dates
            .iter_mut()
            .filter_map(|d| {
                Some(DateEntry {
                    when: When::parse(&d.when).ok()?,
                    label: take(&mut d.label),
                    note: d.note.take(),
                    sources: resolve(&d.sources, sources),
                })
            })
            .collect(),
        notes: std::mem::take(&mut e.notes).into(),
        certainty: e.certainty.into(),
        inferred: ThinVec::new(),
        sources: resolve(&e.sources, sources).into(),
    };
    out.inferred = parts.into_iter().filter(|p| out.has(&p.part)).collect();
    out
}

/// The entity's inferred parts; those that point at nothing it has are
/// dropped once it is built (the rules report them).
fn inferred_parts(e: &mut FileEntity) -> Vec<InferredPart> {
    std::mem::take(&mut e.inferred)
        .into_iter()
        .map(|i| InferredPart {
            part: i.part.into(),
            why: i.why,
        })
        .collect()
}

/// A relation with resolved ends, its qualifiers taken out of the file struct
/// (a period that does not parse is left out; the rules report it).
pub(super) fn relation(
    r: &mut FileRelation,
    (from, rel, to): (usize, RelationType, usize),
    sources: &FxHashMap<&str, usize>,
    lists: &mut SourceLists,
) -> Relation {
    let period = r.period.as_deref().and_then(|p| When::parse(p).ok());
    let cited = lists.get(&resolve(&r.sources, sources));
    let mut relation =
        Relation::new(from, rel, to, cited).with_details(r.role.take(), period, r.note.take());
    relation.certainty = r.certainty.into();
    relation
}

/// The file's sources, the first of each id, and their indices by id.
pub(super) fn sources(file: &[FileSource]) -> (Vec<Source>, FxHashMap<&str, usize>) {
    let mut source_ix: FxHashMap<&str, usize> = FxHashMap::default();
    let mut sources = Vec::new();
    for s in file {
        if !source_ix.contains_key(s.id.as_str()) {
            source_ix.insert(&s.id, sources.len());
            sources.push(Source {
                id: s.id.clone(),
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                language: s.language.clone(),
                about: s.about.clone(),
                file: s.file.clone(),
                url: s.url.clone(),
                note: s.note.clone(),
            });
        }
    }
    (sources, source_ix)
}
