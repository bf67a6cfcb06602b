//! Turns file structs into the indexed [`Dataset`], keeping only what is sound:
//! the first entity of a duplicated id, relations whose type, ends and kinds are
//! right, dates that parse, citations of sources that exist. The rules report
//! everything dropped here. It reuses the id resolution the rules made, and
//! takes the kept text out of the file instead of copying it.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Ctx, Resolved};
use crate::data::format::{FileDataset, FileEntity, FileRelation, FileSource};
use crate::model::{
    Dataset, DateEntry, Entity, Fact, InferredPart, Kind, Relation, RelationType, Source, When,
};

/// What the build keeps, decided from the rules' lookups.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Per file entity, its index in the dataset (None: dropped as a duplicate or id-less).
    pub slot: Vec<Option<usize>>,
    /// Per file relation, its resolved type and ends (file entity indices).
    pub resolved: Vec<Resolved>,
    /// Whether a relation may be given twice; when the rules found no repeat,
    /// the build need not remember every relation to drop repeats.
    pub repeats: bool,
}

impl Plan {
    pub fn new(ctx: &Ctx) -> Plan {
        let mut next = 0;
        let slot = ctx
            .file
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let first = !e.id.is_empty() && ctx.ids.get(e.id.as_str()) == Some(&i);
                first.then(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect();
        Plan {
            slot,
            resolved: ctx.resolved.clone(),
            repeats: true,
        }
    }
}

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
        id: take(&mut e.id),
        kind: e.kind.into(),
        subkind: e.subkind.take(),
        name: take(&mut e.name),
        aliases: std::mem::take(&mut e.aliases),
        description: take(&mut e.description),
        tags: std::mem::take(&mut e.tags),
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
        notes: std::mem::take(&mut e.notes),
        certainty: e.certainty.into(),
        inferred: Vec::new(),
        sources: resolve(&e.sources, sources),
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

/// The sound part of a file as an indexed dataset.
pub fn build(file: &FileDataset) -> Dataset {
    let spans = crate::data::spans::Spans::default();
    let plan = Plan::new(&Ctx::new(file, &spans));
    build_with(&mut file.clone(), &plan)
}

/// A relation with resolved ends, its qualifiers taken out of the file struct
/// (a period that does not parse is left out; the rules report it).
pub(super) fn relation(
    r: &mut FileRelation,
    (from, rel, to): (usize, RelationType, usize),
    sources: &FxHashMap<&str, usize>,
) -> Relation {
    let period = r.period.as_deref().and_then(|p| When::parse(p).ok());
    let mut relation = Relation::new(from, rel, to, resolve(&r.sources, sources)).with_details(
        r.role.take(),
        period,
        r.note.take(),
    );
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

/// The sound part of a file, following a plan made from the rules' lookups.
/// The kept text is taken out of `file`, which is left to be thrown away.
pub fn build_with(file: &mut FileDataset, plan: &Plan) -> Dataset {
    let (sources, source_ix) = sources(&file.sources);
    let mut entities: Vec<Entity> =
        Vec::with_capacity(plan.slot.iter().filter(|s| s.is_some()).count());
    entities.extend(
        file.entities
            .iter_mut()
            .zip(&plan.slot)
            .filter(|(_, s)| s.is_some())
            .map(|(e, _)| entity(e, &source_ix)),
    );
    let kinds: Vec<Kind> = entities.iter().map(|e| e.kind).collect();
    let mut seen = FxHashSet::default();
    if plan.repeats {
        seen.reserve(file.relations.len());
    }
    let mut relations = Vec::with_capacity(file.relations.len());
    for (r, res) in file.relations.iter_mut().zip(&plan.resolved) {
        let (Some(rel), Some(a), Some(b)) = (res.rel, res.from, res.to) else {
            continue;
        };
        let (Some(from), Some(to)) = (plan.slot[a], plan.slot[b]) else {
            continue;
        };
        if from == to
            || !rel.fits(kinds[from], kinds[to])
            || (plan.repeats && !seen.insert((from, rel, to, r.role.clone())))
        {
            continue;
        }
        relations.push(relation(r, (from, rel, to), &source_ix));
    }
    let mut ds = Dataset::new(
        std::mem::take(&mut file.title),
        sources,
        entities,
        relations,
    );
    ds.synonyms = super::synonyms::sound(std::mem::take(&mut file.synonyms));
    ds
}
