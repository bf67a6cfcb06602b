//! Runs a query over all entities (or the previous hits when narrowing), orders
//! the matches deterministically — score, field rank, shorter name, id, with an
//! exact name or alias match always first — and computes highlights only for
//! the hits that will be shown.

use super::index::Index;
use super::masks::Could;
use super::matching::{self, Matcher, Pass, Prepared};
use super::score::{Pool, Scored, score_split};
use super::syntax::{AtomKind, Mode, Query, Scope};
use super::{Field, Hit, QueryError, typo};

/// The result of a run: the shown hits and every matching entity (for narrowing).
#[derive(Debug, Clone, Default)]
pub struct Ranked {
    pub hits: Vec<Hit>,
    /// Every matching entity, in index order.
    pub all: Vec<u32>,
    /// Every entity a longer query could still match, in index order: the
    /// matches, and the near misses (see [`matching::Outcome::Loose`]).
    pub base: Vec<u32>,
}

/// Resolves place scopes once per query. Typo candidates are looked for only
/// when the query finds nothing as typed (see [`run`]).
fn prepare<'q>(ix: &Index, query: &'q Query) -> Result<Prepared<'q>, QueryError> {
    let mut places = Vec::new();
    for atom in query.groups.iter().flatten() {
        if let AtomKind::Scope(Scope::In(name)) = &atom.kind {
            let found = ix.places_named(name);
            if found.is_empty() {
                return Err(QueryError(format!(
                    "in:{name} names no place in this dataset; try a country, region or city, e.g. in:france"
                )));
            }
            places.push((name.clone(), found));
        }
    }
    let finders = query
        .groups
        .iter()
        .flatten()
        .filter_map(|a| match &a.kind {
            AtomKind::Term { text, .. } => Some((
                memchr::memmem::Finder::new(text.as_str()),
                super::index::span_mask(text),
            )),
            AtomKind::Scope(_) => None,
        })
        .collect();
    Ok(Prepared {
        query,
        places,
        typos: Vec::new(),
        finders,
        could: None,
    })
}

/// Typo candidates for every positive fuzzy term.
fn typos(ix: &Index, query: &Query) -> Vec<(String, Vec<typo::Near>)> {
    query
        .groups
        .iter()
        .flatten()
        .filter(|a| !a.negate)
        .filter_map(|a| match &a.kind {
            AtomKind::Term {
                text,
                mode: Mode::Fuzzy,
            } => Some((text.clone(), typo::candidates(ix, text))),
            _ => None,
        })
        .collect()
}

/// A group that is one positive term alone: its text and mode. Such a group
/// must match, so it can rule entities out.
pub(super) fn lone_term(group: &[super::syntax::Atom]) -> Option<(&str, Mode)> {
    match group {
        [a] if !a.negate => match &a.kind {
            AtomKind::Term { text, mode } => Some((text, *mode)),
            AtomKind::Scope(_) => None,
        },
        _ => None,
    }
}

/// A group's one- or two-letter fuzzy word, if it has one.
fn short_term(group: &[super::syntax::Atom]) -> Option<&str> {
    lone_term(group)
        .filter(|&(text, mode)| mode == Mode::Fuzzy && text.chars().count() <= 2)
        .map(|(text, _)| text)
}

/// The entities with a name, alias, id or tag word starting with `text`, each
/// with the best such field.
fn short_list<'i>(ix: &'i Index, text: &str) -> &'i [(u32, Field)] {
    ix.short
        .get(&super::index::short_key(text))
        .map_or(&[], Vec::as_slice)
}

/// For a query with a one- or two-letter word, only entities with a name,
/// alias, id or tag word starting with it can match: a lookup, not a scan.
fn short_candidates(ix: &Index, query: &Query) -> Option<Vec<u32>> {
    let text = query.groups.iter().find_map(|g| short_term(g))?;
    Some(short_list(ix, text).iter().map(|&(e, _)| e).collect())
}

/// A query's first word of three letters or more that must match, fuzzy or
/// exact: what it needs rules out most entities before any matching (see [`Could`]).
fn long_term(query: &Query) -> Option<&str> {
    query.groups.iter().find_map(|g| {
        lone_term(g)
            .filter(|&(text, mode)| {
                matches!(mode, Mode::Fuzzy | Mode::Exact) && text.chars().count() >= 3
            })
            .map(|(text, _)| text)
    })
}

/// A query that is one or two letters and nothing else (the first keystrokes)
/// is scored from the index alone: every listed entity matches, in its best
/// field, with the score the matcher gives a word start there.
fn score_short(ix: &Index, query: &Query, exact: &[u32]) -> Option<Vec<Scored>> {
    let [group] = query.groups.as_slice() else {
        return None;
    };
    let text = short_term(group)?;
    let chars = text.chars().count();
    Some(
        short_list(ix, text)
            .iter()
            .map(|&(e, field)| Scored {
                entity: e,
                score: matching::word_start_score(field, chars)
                    + if exact.contains(&e) { 1_000_000 } else { 0 },
                field_rank: field.rank(),
                span: None,
                matched: true,
            })
            .collect(),
    )
}

fn order(ix: &Index, a: &Scored, b: &Scored) -> std::cmp::Ordering {
    b.score
        .cmp(&a.score)
        .then(a.field_rank.cmp(&b.field_rank))
        .then(ix.tiebreak[a.entity as usize].cmp(&ix.tiebreak[b.entity as usize]))
}

/// From this many kept hits on, their highlights are worked out on every core.
const PARALLEL_SHOWN_FROM: usize = 100;

/// Kept hits per chunk of that work.
const SHOWN_CHUNK: usize = 32;

/// The kept hits with their fields and highlights, in order.
fn shown(ix: &Index, p: &Prepared, scored: &[Scored]) -> Vec<Hit> {
    let hit = |skim: &Matcher, s: &Scored| {
        let e = s.entity as usize;
        // The span scoring chose is lit by every term that matches in it; only
        // a typo's letters (no term matches) need the entity matched again.
        let lead = match s.span {
            Some(sp) if p.typos.is_empty() => Some((sp as usize, Vec::new())),
            _ => matching::entity(skim, ix, p, e, Pass::Show)
                .and_then(|m| m.span.map(|sp| (sp, m.folded))),
        };
        let (field, indices) = match lead {
            Some((sp, folded)) => {
                let folded = matching::highlight_all(skim, ix, p.query, sp, &folded);
                (ix.spans[sp].field, ix.original(&ix.spans[sp], &folded))
            }
            None => (Field::Name, Vec::new()),
        };
        Hit {
            entity: e,
            score: s.score,
            field,
            indices,
        }
    };
    crate::parallel::run(
        scored.len(),
        (SHOWN_CHUNK, PARALLEL_SHOWN_FROM),
        Matcher::default,
        |skim, range, out| out.extend(scored[range].iter().map(|s| hit(skim, s))),
    )
}

/// Runs `query` over `candidates` (all entities when None), keeping `limit` hits.
pub fn run(
    ix: &Index,
    query: &Query,
    candidates: Option<&[u32]>,
    limit: usize,
) -> Result<Ranked, QueryError> {
    if query.is_empty() {
        return Ok(Ranked::default());
    }
    let mut p = prepare(ix, query)?;
    let exact = ix.exact.get(&query.folded).cloned().unwrap_or_default();
    let fast = match candidates {
        None => score_short(ix, query, &exact),
        Some(_) => None,
    };
    let mut scored = match fast {
        Some(scored) => scored,
        None => {
            let short = short_candidates(ix, query);
            let within: Vec<u32>;
            let pool = match (candidates, &short) {
                (Some(c), Some(short)) => {
                    within = (c.iter().copied())
                        .filter(|e| short.binary_search(e).is_ok())
                        .collect();
                    Pool::List(&within)
                }
                (Some(c), None) => Pool::List(c),
                (None, Some(short)) => Pool::List(short),
                (None, None) => {
                    p.could = long_term(query).map(|text| Could::new(ix, text));
                    Pool::All(ix.len())
                }
            };
            score_split(ix, &p, &exact, pool)
        }
    };
    let base: Vec<u32> = scored.iter().map(|s| s.entity).collect();
    scored.retain(|s| s.matched);
    if scored.is_empty() {
        // Nothing as typed: perhaps a misspelt name word (`minalogik`).
        p.typos = typos(ix, query);
        let mut near: Vec<u32> = p
            .typos
            .iter()
            .flat_map(|(_, t)| t.iter().map(|h| h.0))
            .collect();
        near.sort_unstable();
        near.dedup();
        scored = score_split(ix, &p, &exact, Pool::List(&near));
        scored.retain(|s| s.matched);
    }
    let matched: Vec<u32> = scored.iter().map(|s| s.entity).collect();
    let cmp = |a: &Scored, b: &Scored| order(ix, a, b);
    if scored.len() > limit {
        scored.select_nth_unstable_by(limit, cmp);
        scored.truncate(limit);
    }
    scored.sort_unstable_by(cmp);
    let hits = shown(ix, &p, &scored);
    Ok(Ranked {
        hits,
        all: matched,
        base,
    })
}
