//! Turns file structs into the indexed [`Dataset`], keeping only what is sound:
//! the first entity of a duplicated id, relations whose type, ends and kinds are
//! right, dates that parse, citations of sources that exist. The rules report
//! everything dropped here. It reuses the id resolution the rules made, and
//! borrows the file so that it can run beside the rules on another core.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Ctx, Resolved};
use crate::data::format::{FileDataset, FileEntity};
use crate::model::{Dataset, DateEntry, Entity, Fact, Kind, Relation, Source, When};

/// What the build keeps, decided from the rules' lookups.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Per file entity, its index in the dataset (None: dropped as a duplicate or id-less).
    pub slot: Vec<Option<usize>>,
    /// Per file relation, its resolved type and ends (file entity indices).
    pub resolved: Vec<Resolved>,
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
        }
    }
}

fn resolve(cited: &[String], sources: &FxHashMap<&str, usize>) -> Vec<usize> {
    cited
        .iter()
        .filter_map(|s| sources.get(s.as_str()).copied())
        .collect()
}

fn entity(e: &FileEntity, sources: &FxHashMap<&str, usize>) -> Entity {
    Entity {
        id: e.id.clone(),
        kind: e.kind.into(),
        subkind: e.subkind.clone(),
        name: e.name.clone(),
        aliases: e.aliases.clone(),
        description: e.description.clone(),
        tags: e.tags.clone(),
        facts: e
            .facts
            .iter()
            .map(|f| Fact {
                label: f.label.clone(),
                value: f.value.clone(),
                when: f.when.as_deref().and_then(|w| When::parse(w).ok()),
                note: f.note.clone(),
                certainty: f.certainty.into(),
                sources: resolve(&f.sources, sources),
            })
            .collect(),
        dates: e
            .dates
            .iter()
            .filter_map(|d| {
                Some(DateEntry {
                    label: d.label.clone(),
                    when: When::parse(&d.when).ok()?,
                    note: d.note.clone(),
                    sources: resolve(&d.sources, sources),
                })
            })
            .collect(),
        notes: e.notes.clone(),
        certainty: e.certainty.into(),
        sources: resolve(&e.sources, sources),
    }
}

/// The sound part of a file as an indexed dataset.
pub fn build(file: &FileDataset) -> Dataset {
    let spans = crate::data::spans::Spans::default();
    build_with(file, &Plan::new(&Ctx::new(file, &spans)))
}

/// The sound part of a file, following a plan made from the rules' lookups.
pub fn build_with(file: &FileDataset, plan: &Plan) -> Dataset {
    let mut source_ix: FxHashMap<&str, usize> = FxHashMap::default();
    let mut sources = Vec::new();
    for s in &file.sources {
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
    let entities: Vec<Entity> = file
        .entities
        .iter()
        .zip(&plan.slot)
        .filter(|(_, s)| s.is_some())
        .map(|(e, _)| entity(e, &source_ix))
        .collect();
    let kinds: Vec<Kind> = entities.iter().map(|e| e.kind).collect();
    let mut seen = FxHashSet::default();
    let mut relations = Vec::with_capacity(file.relations.len());
    for (r, res) in file.relations.iter().zip(&plan.resolved) {
        let (Some(rel), Some(a), Some(b)) = (res.rel, res.from, res.to) else {
            continue;
        };
        let (Some(from), Some(to)) = (plan.slot[a], plan.slot[b]) else {
            continue;
        };
        if from == to
            || !rel.fits(kinds[from], kinds[to])
            || !seen.insert((from, rel, to, r.role.as_deref()))
        {
            continue;
        }
        relations.push(Relation {
            from,
            rel,
            to,
            role: r.role.clone(),
            period: r.period.as_deref().and_then(|p| When::parse(p).ok()),
            note: r.note.clone(),
            certainty: r.certainty.into(),
            sources: resolve(&r.sources, &source_ix),
        });
    }
    Dataset::new(file.title.clone(), sources, entities, relations)
}
