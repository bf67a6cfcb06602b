//! Turns file structs into the indexed [`Dataset`], keeping only what is sound:
//! the first entity of a duplicated id, relations whose type, ends and kinds are
//! right, dates that parse, citations of sources that exist. The rules report
//! everything dropped here.

use std::collections::{HashMap, HashSet};

use crate::data::format::{FileDataset, FileEntity};
use crate::model::{Dataset, DateEntry, Entity, Fact, Relation, RelationType, Source, When};

fn resolve(cited: &[String], sources: &HashMap<&str, usize>) -> Vec<usize> {
    cited
        .iter()
        .filter_map(|s| sources.get(s.as_str()).copied())
        .collect()
}

fn entity(e: &FileEntity, sources: &HashMap<&str, usize>) -> Entity {
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
    let mut source_ix: HashMap<&str, usize> = HashMap::new();
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
    let mut ids: HashMap<&str, usize> = HashMap::with_capacity(file.entities.len());
    let mut entities = Vec::with_capacity(file.entities.len());
    for e in &file.entities {
        if e.id.is_empty() || ids.contains_key(e.id.as_str()) {
            continue;
        }
        ids.insert(&e.id, entities.len());
        entities.push(entity(e, &source_ix));
    }
    let mut seen = HashSet::new();
    let mut relations = Vec::with_capacity(file.relations.len());
    for r in &file.relations {
        let (Some(rel), Some(&from), Some(&to)) = (
            RelationType::parse(&r.rel),
            ids.get(r.from.as_str()),
            ids.get(r.to.as_str()),
        ) else {
            continue;
        };
        if from == to
            || !rel.fits(entities[from].kind, entities[to].kind)
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
