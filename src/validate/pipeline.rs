//! The one way from a parsed file to its diagnostics and the dataset of its
//! sound part, whether the file was parsed whole or arrives in pieces parsed
//! on every core (a large file: its file structs, several times the size of
//! the dataset they become, then never exist all at once).
//!
//! In order: the synonym groups and the sources, and their rules; each piece of entities through the
//! entity rules and built at once; the id table, which reports ids given
//! twice; each piece of relations through the relation rules, the sound ones
//! built at once and the others kept as written; then the two rules that need
//! every relation (repeats, `part_of` cycles); and last, only if there is
//! something to report, the positions (see [`super::place`]).

use rustc_hash::FxHashMap;

use super::given::{Given, Other};
use super::lists::Lists;
use super::place::{Known, place};
use super::{ENTITY_RULES, Findings, RELATION_RULES, Resolved, SOURCE_RULES, Scope};
use super::{build as make, entities, relations, synonyms};
use crate::data::format::{FileDataset, FileEntity, FileRelation, FileSource};
use crate::data::spans::Spans;
use crate::data::split::{Split, Which};
use crate::diagnostic::Diagnostic;
use crate::model::{Dataset, Entity, Kind, Relation, RelationType, Source, SourceLists};

/// A file checked: its diagnostics, and its sound part ready to become a
/// [`Dataset`] (whose lookups the caller builds once the file's text is gone).
#[derive(Debug)]
pub struct Checked {
    title: String,
    sources: Vec<Source>,
    entities: Vec<Entity>,
    relations: Vec<Relation>,
    /// The sound part of the file's synonym groups.
    synonyms: Vec<Vec<String>>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn into_dataset(self) -> (Dataset, Vec<Diagnostic>) {
        let mut ds = Dataset::new(self.title, self.sources, self.entities, self.relations);
        ds.synonyms = self.synonyms;
        (ds, self.diagnostics)
    }
}

/// A file parsed whole, checked. `locate` finds the elements' positions in
/// the text; it is called only if there is a problem to place.
pub fn check_whole(mut file: FileDataset, locate: impl FnOnce() -> Spans) -> Checked {
    let head = FileDataset {
        title: std::mem::take(&mut file.title),
        sources: std::mem::take(&mut file.sources),
        synonyms: std::mem::take(&mut file.synonyms),
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

/// The whole way; `None` when a piece fails to parse.
fn run(mut head: FileDataset, mut lists: Lists, locate: impl FnOnce() -> Spans) -> Option<Checked> {
    let mut findings = Findings::default();
    synonyms::synonym_groups(&head.synonyms, &mut findings);
    let synonyms = synonyms::sound(std::mem::take(&mut head.synonyms));
    let cited = Cited::new(&head.sources, &mut findings);
    let entities = check_entities(&mut lists, &cited, &mut findings)?;
    let ids = entities::duplicate_ids(&entities, &mut findings);
    let keep = kept(&entities, &ids);
    let kinds: Vec<Kind> = entities.iter().map(|e| e.kind).collect();
    let scope = Scope {
        sources: &cited.first,
        kinds: &kinds,
    };
    let (built, others) = check_relations(&mut lists, &scope, &cited, &ids, &mut findings)?;
    let given = Given::new(&built, &others);
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
                sources: &cited.first,
            };
            place(findings, &locate(), &known)
        }
    };
    drop(ids);
    let sources = cited.sources;
    let (entities, relations) = keep_sound(entities, built, &repeats, keep);
    Some(Checked {
        title: head.title,
        sources,
        entities,
        relations,
        synonyms,
        diagnostics,
    })
}

/// The file's sources checked and built, with the lookups citations need.
struct Cited<'a> {
    /// Source id to the file index of its first definition (for the rules).
    first: FxHashMap<&'a str, usize>,
    /// Source id to its index among the sources built (for the build).
    index: FxHashMap<&'a str, usize>,
    sources: Vec<Source>,
}

impl<'a> Cited<'a> {
    fn new(file: &'a [FileSource], findings: &mut Findings) -> Cited<'a> {
        let mut first = FxHashMap::default();
        for (i, s) in file.iter().enumerate() {
            first.entry(s.id.as_str()).or_insert(i);
        }
        let scope = Scope {
            sources: &first,
            kinds: &[],
        };
        for (i, s) in file.iter().enumerate() {
            SOURCE_RULES
                .iter()
                .for_each(|rule| rule(&scope, i, s, findings));
        }
        let (sources, index) = make::sources(file);
        Cited {
            first,
            index,
            sources,
        }
    }
}

/// Every entity through the entity rules and built, piece by piece, in file order.
fn check_entities(
    lists: &mut Lists,
    cited: &Cited,
    findings: &mut Findings,
) -> Option<Vec<Entity>> {
    let scope = Scope {
        sources: &cited.first,
        kinds: &[],
    };
    let mut entities: Vec<Entity> = Vec::with_capacity(lists.len(Which::Entities));
    let step = |first: usize, items: &mut [FileEntity]| {
        let mut found = Findings::default();
        for (k, e) in items.iter().enumerate() {
            for rule in ENTITY_RULES {
                rule(&scope, first + k, e, &mut found);
            }
        }
        let built: Vec<Entity> = items
            .iter_mut()
            .map(|e| make::entity(e, &cited.index))
            .collect();
        (built, found)
    };
    lists.entities(step, |(mut built, found)| {
        entities.append(&mut built);
        findings.0.extend(found.0);
    })?;
    entities.shrink_to_fit();
    Some(entities)
}

/// Which entities the build keeps (the first of each id, none without one);
/// `None` when all are, the usual case.
fn kept(entities: &[Entity], ids: &FxHashMap<&str, usize>) -> Option<Vec<bool>> {
    let all = ids.len() == entities.len() && !ids.contains_key("");
    let first = |(i, e): (usize, &Entity)| !e.id.is_empty() && ids.get(e.id.as_ref()) == Some(&i);
    (!all).then(|| entities.iter().enumerate().map(first).collect())
}

/// Every relation through the relation rules, piece by piece: the sound ones
/// built, the others kept as written, both in file order.
fn check_relations(
    lists: &mut Lists,
    scope: &Scope,
    cited: &Cited,
    ids: &FxHashMap<&str, usize>,
    findings: &mut Findings,
) -> Option<(Vec<Relation>, Vec<Other>)> {
    let mut built: Vec<Relation> = Vec::with_capacity(lists.len(Which::Relations));
    let mut others: Vec<Other> = Vec::new();
    let step = |first: usize, items: &mut [FileRelation]| {
        let mut found = Findings::default();
        let (mut kept, mut other) = (Vec::with_capacity(items.len()), Vec::new());
        let mut lists = SourceLists::default();
        for (k, r) in items.iter_mut().enumerate() {
            let res = Resolved {
                rel: RelationType::parse(&r.rel),
                from: ids.get(r.from.as_str()).copied(),
                to: ids.get(r.to.as_str()).copied(),
            };
            for rule in RELATION_RULES {
                rule(scope, first + k, r, res, &mut found);
            }
            match sound(res, ids, scope.kinds) {
                Some(ends) => kept.push(make::relation(r, ends, &cited.index, &mut lists)),
                None => other.push(Other::new(first + k, std::mem::take(r), res)),
            }
        }
        (kept, other, found)
    };
    lists.relations(step, |(mut kept, mut other, found)| {
        built.append(&mut kept);
        others.append(&mut other);
        findings.0.extend(found.0);
    })?;
    Some((built, others))
}

/// A relation's type and ends if the build keeps it: all found, both ends
/// kept entities (not id-less), two different ones, of kinds the type joins.
fn sound(
    res: Resolved,
    ids: &FxHashMap<&str, usize>,
    kinds: &[Kind],
) -> Option<(usize, RelationType, usize)> {
    let (rel, a, b) = (res.rel?, res.from?, res.to?);
    // An id resolves to its first entity, kept unless the id is empty.
    let id_less = ids.get("");
    let kept = |i: usize| id_less != Some(&i);
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
        r.set_ends(slot[r.from()], slot[r.to()]);
    }
    (entities, relations)
}
