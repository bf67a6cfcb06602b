//! A large file checked and built piece by piece as its pieces parse, so that
//! its file structs (several times the size of the dataset they become) never
//! exist all at once. Each piece goes through the very rules of the whole-file
//! check; what only the whole file can tell (ids given twice, relations given
//! twice, part_of cycles) is checked on the built dataset. At the first sign of
//! any problem it steps aside, and the whole-file check reports it with its
//! position: this path only ever returns a dataset with nothing to say about it.

use rustc_hash::FxHashMap;

use super::build::{entity, relation, sources};
use super::{Ctx, Rule, inferred, relations, sources as cites, text};
use crate::data::format::{FileDataset, FileEntity, FileRelation};
use crate::data::spans::Spans;
use crate::data::split::{Split, Which};
use crate::model::{Dataset, Entity, Kind, Relation, RelationType};

/// The rules a piece of relations can judge without the entities.
const RELATION_RULES: &[Rule] = &[
    cites::unknown_sources,
    cites::missing_sources,
    text::unsafe_text,
    relations::unknown_types,
    relations::self_relations,
    relations::impossible_periods,
    inferred::unexplained,
];

/// Whether `rules` find nothing in `file`.
fn clean(file: &FileDataset, rules: &[Rule]) -> bool {
    let unplaced = Spans::default();
    let ctx = Ctx::new(file, &unplaced);
    rules.iter().all(|rule| rule(&ctx).is_empty())
}

/// The dataset of a file in which no rule finds anything, or `None`. Each
/// list's text is freed once parsed, before the dataset's lookups are built.
pub fn build_streamed(mut split: Split) -> Option<Dataset> {
    let head = split.head()?;
    if !clean(&head, super::RULES) {
        return None;
    }
    let (sources, source_ix) = sources(&head.sources);
    // Each piece is checked as a file of its own, with the head's sources.
    let alone = |entities: Vec<FileEntity>, relations: Vec<FileRelation>| FileDataset {
        title: String::new(),
        sources: head.sources.clone(),
        entities,
        relations,
        synonyms: Vec::new(),
    };
    let mut entities: Vec<Entity> = Vec::with_capacity(split.items(Which::Entities));
    split.each(
        Which::Entities,
        |piece: Vec<FileEntity>| {
            let mut file = alone(piece, Vec::new());
            clean(&file, super::RULES).then(|| {
                let built = file.entities.iter_mut().map(|e| entity(e, &source_ix));
                built.collect::<Vec<_>>()
            })
        },
        |mut built| entities.append(&mut built),
    )?;
    entities.shrink_to_fit();
    let mut ids: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(entities.len(), Default::default());
    for (i, e) in entities.iter().enumerate() {
        if ids.insert(&e.id, i).is_some() {
            return None; // an id given twice, in two pieces
        }
    }
    let kinds: Vec<Kind> = entities.iter().map(|e| e.kind).collect();
    let mut relations: Vec<Relation> = Vec::with_capacity(split.items(Which::Relations));
    split.each(
        Which::Relations,
        |piece: Vec<FileRelation>| {
            let mut file = alone(Vec::new(), piece);
            if !clean(&file, RELATION_RULES) {
                return None;
            }
            let built = file.relations.iter_mut().map(|r| {
                let rel = RelationType::parse(&r.rel)?;
                let (from, to) = (*ids.get(r.from.as_str())?, *ids.get(r.to.as_str())?);
                // Periods were checked by the rules; ends and kinds are checked here.
                rel.fits(kinds[from], kinds[to])
                    .then(|| relation(r, (from, rel, to), &source_ix))
            });
            built.collect::<Option<Vec<_>>>()
        },
        |mut built| relations.append(&mut built),
    )?;
    drop(ids);
    let mut ds = Dataset::new(head.title, sources, entities, relations);
    ds.synonyms = head.synonyms;
    (!repeats(&ds) && !part_of_cycle(&ds)).then_some(ds)
}

/// Whether any relation is given twice (same ends, type and role).
fn repeats(ds: &Dataset) -> bool {
    let mut mine = Vec::new();
    (0..ds.len()).any(|e| {
        mine.clear();
        mine.extend(
            ds.outgoing(e)
                .map(|l| (l.relation.rel, l.other, l.relation.role())),
        );
        mine.sort_unstable();
        mine.windows(2).any(|w| w[0] == w[1])
    })
}

/// Whether following part_of from some entity leads back to it.
fn part_of_cycle(ds: &Dataset) -> bool {
    let Some(part_of) = RelationType::parse("part_of") else {
        return false;
    };
    // Iterative depth-first search: 0 unseen, 1 on the current path, 2 done.
    let mut state = vec![0u8; ds.len()];
    for start in 0..ds.len() {
        if state[start] != 0 {
            continue;
        }
        state[start] = 1;
        let mut path = vec![(start, ds.targets(start, part_of).collect::<Vec<_>>())];
        while let Some((node, parents)) = path.last_mut() {
            match parents.pop() {
                Some(p) if state[p] == 1 => return true,
                Some(p) if state[p] == 0 => {
                    state[p] = 1;
                    path.push((p, ds.targets(p, part_of).collect()));
                }
                Some(_) => {}
                None => {
                    state[*node] = 2;
                    path.pop();
                }
            }
        }
    }
    false
}
