//! The one way from a parsed file to its diagnostics and the dataset of its
//! sound part, whether the file was parsed whole or arrives in pieces parsed
//! on every core (a large file: its file structs, several times the size of
//! the dataset they become, then never exist all at once).
//!
//! In order: the sources and their rules; each piece of entities through the
//! entity rules and built at once; the id table, which reports ids given
//! twice; each piece of relations through the relation rules, the sound ones
//! built at once and the others kept as written; then the two rules that need
//! every relation (repeats, `part_of` cycles); and last, only if there is
//! something to report, the positions (see [`super::place`]).

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::place::{Known, place};
use super::{ENTITY_RULES, Findings, RELATION_RULES, Resolved, SOURCE_RULES, Scope};
use super::{build as make, entities, relations};
use crate::data::format::{FileDataset, FileEntity, FileRelation};
use crate::data::spans::Spans;
use crate::data::split::{Split, Which};
use crate::diagnostic::Diagnostic;
use crate::model::{Dataset, Entity, Kind, Relation, RelationType, Source};

/// A file checked: its diagnostics, and its sound part ready to become a
/// [`Dataset`] (whose lookups the caller builds once the file's text is gone).
#[derive(Debug)]
pub struct Checked {
    title: String,
    sources: Vec<Source>,
    entities: Vec<Entity>,
    relations: Vec<Relation>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn into_dataset(self) -> (Dataset, Vec<Diagnostic>) {
        let ds = Dataset::new(self.title, self.sources, self.entities, self.relations);
        (ds, self.diagnostics)
    }
}

/// A file parsed whole, checked. `locate` finds the elements' positions in
/// the text; it is called only if there is a problem to place.
pub fn check_whole(mut file: FileDataset, locate: impl FnOnce() -> Spans) -> Checked {
    let head = FileDataset {
        title: std::mem::take(&mut file.title),
        sources: std::mem::take(&mut file.sources),
        ..FileDataset::default()
    };
    let checked = run(head, Lists::Whole(&mut file), locate);
    // Freeing a large file's emptied structs takes a while and nobody waits for it.
    if file.relations.len() > 10_000 {
        std::thread::spawn(move || drop(file));
    }
    checked.unwrap_or_else(|| unreachable!("a file parsed whole has no piece to fail"))
}

/// A file cut into pieces, checked as they parse; `None` as soon as a piece
/// does not parse, for the caller to parse the file whole and report it.
pub fn check_pieces(split: &Split, locate: impl FnOnce() -> Spans) -> Option<Checked> {
    run(split.head()?, Lists::Pieces(split), locate)
}

/// The sound part of a file as an indexed dataset, its problems left unsaid.
pub fn build(file: &FileDataset) -> Dataset {
    check_whole(file.clone(), Spans::default).into_dataset().0
}

/// Where the two long lists' items come from.
enum Lists<'a, 't> {
    Whole(&'a mut FileDataset),
    Pieces(&'a Split<'t>),
}

/// Below this many items a list is worked through on the calling thread.
const PARALLEL_FROM: usize = 2_000;

/// The items a rule and build step takes at once from a list parsed whole.
const CHUNK: usize = 256;

/// `work` over `items` in chunks on every core, each with the index of its
/// first item; `keep` receives the results in order. Never fails: a list
/// parsed whole has no piece left to parse (the `Option` is [`Split::each`]'s).
fn chunks<T: Send, R: Send>(
    items: &mut [T],
    work: impl Fn(usize, &mut [T]) -> R + Sync,
    keep: impl FnMut(R),
) -> Option<()> {
    let done: Vec<R> = if items.len() < PARALLEL_FROM {
        vec![work(0, items)]
    } else {
        items
            .par_chunks_mut(CHUNK)
            .enumerate()
            .map(|(k, chunk)| work(k * CHUNK, chunk))
            .collect()
    };
    done.into_iter().for_each(keep);
    Some(())
}

impl Lists<'_, '_> {
    fn len(&self, which: Which) -> usize {
        match (self, which) {
            (Lists::Whole(file), Which::Entities) => file.entities.len(),
            (Lists::Whole(file), Which::Relations) => file.relations.len(),
            (Lists::Pieces(split), which) => split.items(which),
        }
    }

    fn entities<R: Send>(
        &mut self,
        work: impl Fn(usize, &mut [FileEntity]) -> R + Sync,
        keep: impl FnMut(R),
    ) -> Option<()> {
        match self {
            Lists::Whole(file) => chunks(&mut file.entities, work, keep),
            Lists::Pieces(split) => split.each(Which::Entities, work, keep),
        }
    }

    fn relations<R: Send>(
        &mut self,
        work: impl Fn(usize, &mut [FileRelation]) -> R + Sync,
        keep: impl FnMut(R),
    ) -> Option<()> {
        match self {
            Lists::Whole(file) => chunks(&mut file.relations, work, keep),
            Lists::Pieces(split) => split.each(Which::Relations, work, keep),
        }
    }
}

/// A relation the build did not keep, as written, with what its type and
/// ends resolved to: the whole-file rules still compare it with the others.
#[derive(Debug)]
pub(crate) struct Other {
    index: usize,
    relation: FileRelation,
    resolved: Resolved,
}

/// A relation of the file as the whole-file rules see it.
#[derive(Clone, Copy)]
pub(crate) enum Said<'a> {
    Built(&'a Relation),
    Other(&'a Other),
}

impl<'a> Said<'a> {
    /// Its type and both ends (file entity indices), when all were found.
    pub fn ends(self) -> Option<(usize, RelationType, usize)> {
        match self {
            Said::Built(r) => Some((r.from, r.rel, r.to)),
            Said::Other(o) => Some((o.resolved.from?, o.resolved.rel?, o.resolved.to?)),
        }
    }

    pub fn role(self) -> Option<&'a str> {
        match self {
            Said::Built(r) => r.role(),
            Said::Other(o) => o.relation.role.as_deref(),
        }
    }

    /// Its ends and type as the file names them.
    pub fn names(self, entities: &'a [Entity]) -> (&'a str, &'a str, &'a str) {
        match self {
            Said::Built(r) => (&entities[r.from].id, r.rel.name(), &entities[r.to].id),
            Said::Other(o) => (&o.relation.from, &o.relation.rel, &o.relation.to),
        }
    }
}

/// Every relation of the file by its index: the built ones, and between them
/// (by index) the few others.
pub(crate) struct Given<'a> {
    built: &'a [Relation],
    others: &'a [Other],
}

impl<'a> Given<'a> {
    pub fn len(&self) -> usize {
        self.built.len() + self.others.len()
    }

    /// Where relation `i` is: among the others, or among the built ones.
    fn find(&self, i: usize) -> Result<usize, usize> {
        match self.others.binary_search_by_key(&i, |o| o.index) {
            Ok(k) => Ok(k),
            Err(before) => Err(i - before),
        }
    }

    /// The index among the built relations of relation `i`, if it was built.
    fn built_index(&self, i: usize) -> Option<usize> {
        self.find(i).err()
    }

    pub fn get(&self, i: usize) -> Said<'a> {
        match self.find(i) {
            Ok(k) => Said::Other(&self.others[k]),
            Err(k) => Said::Built(&self.built[k]),
        }
    }

    /// In file order, with their indices.
    pub fn iter(&self) -> impl Iterator<Item = (usize, Said<'a>)> + '_ {
        (0..self.len()).scan((0, 0), |(b, o), i| {
            let said = match self.others.get(*o) {
                Some(other) if other.index == i => {
                    *o += 1;
                    Said::Other(other)
                }
                _ => {
                    *b += 1;
                    Said::Built(&self.built[*b - 1])
                }
            };
            Some((i, said))
        })
    }
}

/// The whole way; `None` when a piece fails to parse.
fn run(head: FileDataset, mut lists: Lists, locate: impl FnOnce() -> Spans) -> Option<Checked> {
    let mut findings = Findings::default();
    let mut first_source = FxHashMap::default();
    for (i, s) in head.sources.iter().enumerate() {
        first_source.entry(s.id.as_str()).or_insert(i);
    }
    let (sources, source_ix) = make::sources(&head.sources);
    let scope = Scope {
        sources: &first_source,
        kinds: &[],
    };
    for (i, s) in head.sources.iter().enumerate() {
        SOURCE_RULES
            .iter()
            .for_each(|rule| rule(&scope, i, s, &mut findings));
    }

    let mut entities: Vec<Entity> = Vec::with_capacity(lists.len(Which::Entities));
    let entity_step = |first: usize, items: &mut [FileEntity]| {
        let mut found = Findings::default();
        for (k, e) in items.iter().enumerate() {
            for rule in ENTITY_RULES {
                rule(&scope, first + k, e, &mut found);
            }
        }
        let built: Vec<Entity> = items
            .iter_mut()
            .map(|e| make::entity(e, &source_ix))
            .collect();
        (built, found)
    };
    lists.entities(entity_step, |(mut built, found)| {
        entities.append(&mut built);
        findings.0.extend(found.0);
    })?;
    entities.shrink_to_fit();

    let ids = entities::duplicate_ids(&entities, &mut findings);
    // Each id once and none empty: every entity is kept, the usual case.
    let keep: Option<Vec<bool>> =
        (ids.len() != entities.len() || ids.contains_key("")).then(|| {
            let first =
                |(i, e): (usize, &Entity)| !e.id.is_empty() && ids.get(e.id.as_str()) == Some(&i);
            entities.iter().enumerate().map(first).collect()
        });
    let kinds: Vec<Kind> = entities.iter().map(|e| e.kind).collect();
    let scope = Scope {
        sources: &first_source,
        kinds: &kinds,
    };
    let mut built: Vec<Relation> = Vec::with_capacity(lists.len(Which::Relations));
    let mut others: Vec<Other> = Vec::new();
    let relation_step = |first: usize, items: &mut [FileRelation]| {
        let mut found = Findings::default();
        let (mut kept, mut other) = (Vec::with_capacity(items.len()), Vec::new());
        for (k, r) in items.iter_mut().enumerate() {
            let res = Resolved {
                rel: RelationType::parse(&r.rel),
                from: ids.get(r.from.as_str()).copied(),
                to: ids.get(r.to.as_str()).copied(),
            };
            for rule in RELATION_RULES {
                rule(&scope, first + k, r, res, &mut found);
            }
            match sound(res, &entities, &kinds) {
                Some(ends) => kept.push(make::relation(r, ends, &source_ix)),
                None => other.push(Other {
                    index: first + k,
                    relation: std::mem::take(r),
                    resolved: res,
                }),
            }
        }
        (kept, other, found)
    };
    lists.relations(relation_step, |(mut kept, mut other, found)| {
        built.append(&mut kept);
        others.append(&mut other);
        findings.0.extend(found.0);
    })?;

    let given = Given {
        built: &built,
        others: &others,
    };
    let repeats = relations::duplicates(&given, &entities, &mut findings);
    relations::part_of_cycles(&given, &entities, &mut findings);
    let repeats: Vec<usize> = repeats
        .into_iter()
        .filter_map(|i| given.built_index(i))
        .collect();
    let diagnostics = match findings.0.is_empty() {
        true => Vec::new(),
        false => {
            let known = Known {
                entities: &ids,
                sources: &first_source,
            };
            place(findings, &locate(), &known)
        }
    };
    drop(ids);
    drop(others);
    let (entities, relations) = keep_sound(entities, built, &repeats, keep);
    Some(Checked {
        title: head.title,
        sources,
        entities,
        relations,
        diagnostics,
    })
}

/// A relation's type and ends if the build keeps it: all found, both ends
/// kept entities (not id-less), two different ones, of kinds the type joins.
fn sound(
    res: Resolved,
    entities: &[Entity],
    kinds: &[Kind],
) -> Option<(usize, RelationType, usize)> {
    let (rel, a, b) = (res.rel?, res.from?, res.to?);
    // An id resolves to its first entity, kept unless the id is empty.
    let kept = |i: usize| !entities[i].id.is_empty();
    (kept(a) && kept(b) && a != b && rel.fits(kinds[a], kinds[b])).then_some((a, rel, b))
}

/// The entities kept (`keep`: `None` when all are) and the built relations
/// without their repeats (indices into `relations`, ascending), their ends
/// renumbered if an entity was left out.
fn keep_sound(
    mut entities: Vec<Entity>,
    mut relations: Vec<Relation>,
    repeats: &[usize],
    keep: Option<Vec<bool>>,
) -> (Vec<Entity>, Vec<Relation>) {
    if !repeats.is_empty() {
        let mut at = 0;
        let mut repeats = repeats.iter().peekable();
        relations.retain(|_| {
            at += 1;
            repeats.next_if_eq(&&(at - 1)).is_none()
        });
    }
    let Some(keep) = keep else {
        return (entities, relations);
    };
    let mut slot = Vec::with_capacity(keep.len());
    let mut next = 0;
    for &k in &keep {
        slot.push(next);
        next += usize::from(k);
    }
    let mut kept = keep.iter();
    entities.retain(|_| kept.next().copied().unwrap_or(false));
    for r in &mut relations {
        (r.from, r.to) = (slot[r.from], slot[r.to]);
    }
    (entities, relations)
}
