//! Runs a query over all entities (or the previous hits when narrowing), orders
//! the matches deterministically — score, field rank, then how often and
//! lately the user opened each (frecency), shorter name, id, with a name or
//! alias that is the whole query always first — and computes highlights only
//! for the hits that will be shown.

use rayon::prelude::*;

use super::index::Index;
use super::matching::{self, Known, Lead, Outcome, Pass};
use super::personal::Personal;
use super::placed;
use super::prefilter::Prefilter;
use super::prepared::{Expanded, Prepared, prepare, with_synonyms};
use super::score::{Pool, Run, Scored, Stop, score_split};
use super::syntax::{Atom, AtomKind, MatchMode, Query, Scope};
use super::{Field, Hit, Matcher, QueryError};

mod order;
mod short;
mod whole;

use order::{best, order};

/// The result of a run: the shown hits, how many matched, and the entities
/// a longer query is narrowed from.
#[derive(Debug, Clone, Default)]
pub struct Ranked {
    pub hits: Vec<Hit>,
    /// How many entities matched (more than are kept as hits).
    pub total: usize,
    /// Every entity a longer query could still match. `None` where none is
    /// kept: a longer query then searches everything.
    pub base: Option<Base>,
}

/// The entities a longer query can still match, each list in index order.
#[derive(Debug, Clone, Default)]
pub struct Base {
    /// The matches: all a query that adds words can match.
    pub matched: Vec<u32>,
    /// The near misses: the last word's letters are there, in order, but
    /// score too little (see [`matching::Outcome::NearMiss`]); the same
    /// word longer may match them.
    pub near: Vec<u32>,
    /// What the query's groups came to on each match, in the same order,
    /// when there are not too many of them (see [`KNOWN_UP_TO`]).
    pub known: Option<Kept>,
}

/// What a query's groups came to on each of its matches (see [`Known`]).
#[derive(Debug, Clone, Default)]
pub struct Kept {
    /// How many groups the query had.
    pub groups: usize,
    pub each: Vec<Known>,
}

/// Up to this many matches, an answer keeps what its groups came to on each
/// (40 bytes a match): a query adding a word to it then matches only that
/// word. More would cost more memory than their matching costs time.
pub const KNOWN_UP_TO: usize = 100_000;

/// What a narrowed run starts from: the entities to score (all when None),
/// and the matches of the answer it adds words to, with what that answer's
/// groups came to on each.
#[derive(Clone, Copy, Default)]
pub struct Narrow<'a> {
    pub candidates: Option<&'a [u32]>,
    pub known: Option<KeptOn<'a>>,
}

/// An answer's matches, and what its groups came to on each.
pub type KeptOn<'a> = (&'a [u32], &'a Kept);

impl Base {
    /// Both lists as one, in index order: all a longer last word can match.
    pub fn all(&self) -> Vec<u32> {
        let (m, n) = (&self.matched, &self.near);
        let mut all = Vec::with_capacity(m.len() + n.len());
        let (mut i, mut j) = (0, 0);
        while i < m.len() && j < n.len() {
            if m[i] < n[j] {
                all.push(m[i]);
                i += 1;
            } else {
                all.push(n[j]);
                j += 1;
            }
        }
        all.extend_from_slice(&m[i..]);
        all.extend_from_slice(&n[j..]);
        all
    }
}

/// The query's first group of words of three letters or more that must match,
/// fuzzy or exact (a word and its synonyms): what they need rules out most
/// entities before any matching (see [`Prefilter`]).
fn long_group(query: &Query) -> Option<Vec<&str>> {
    query.groups.iter().find_map(|g| {
        g.iter()
            .map(|a| match &a.kind {
                AtomKind::Term { text, mode }
                    if !a.negate
                        && !a.optional
                        && matches!(mode, MatchMode::Fuzzy | MatchMode::Exact)
                        && text.chars().count() >= 3 =>
                {
                    Some(text.as_str())
                }
                _ => None,
            })
            .collect::<Option<Vec<&str>>>()
    })
}

/// The entities the query's `note:` scopes leave (ascending), when it has one
/// that must hold: a few, where the scope is the whole query.
fn note_scoped(p: &Prepared) -> Option<Vec<u32>> {
    p.query.groups.iter().find_map(|g| match g.as_slice() {
        [
            Atom {
                kind: AtomKind::Scope(Scope::Note(text)),
                negate: false,
                ..
            },
        ] => Some(p.personal.entities_with(text)),
        _ => None,
    })
}

/// From this many kept hits on, their highlights are worked out on every core.
const PARALLEL_SHOWN_FROM: usize = 100;

/// Kept hits per chunk of that work.
const SHOWN_CHUNK: usize = 32;

/// The kept hits with their fields and highlights, in order.
fn shown(ix: &Index, p: &Prepared, scored: &[Scored]) -> Vec<Hit> {
    let hit = |skim: &Matcher, s: &Scored| {
        let e = s.entity as usize;
        // The lead scoring chose is lit by every word that matches in it; a
        // typo's or initials' letters (no word typed matches them), or a hit
        // ranked from the index alone, need the entity matched again.
        let lead = match s.lead {
            Some(lead) if !s.rematch => Some((lead, Vec::new())),
            _ => match matching::outcome(skim, ix, p, e, Pass::Highlight) {
                Outcome::Match(m) => m.lead.map(|l| (l, m.folded)),
                _ => None,
            },
        };
        let (field, indices) = match lead {
            Some((lead, folded)) => {
                let folded = matching::highlight_all(skim, ix, p, lead, &folded);
                match lead {
                    Lead::Span(sp) => {
                        let span = ix.span(sp).0;
                        (span.field, ix.original(span, &folded))
                    }
                    Lead::Relation(n) => (Field::Relation(n), folded),
                    Lead::Note(n) => p.personal.field_of(n, &folded),
                }
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
    if scored.len() < PARALLEL_SHOWN_FROM {
        let skim = Matcher::default();
        return scored.iter().map(|s| hit(&skim, s)).collect();
    }
    scored
        .par_iter()
        .with_min_len(SHOWN_CHUNK)
        .map_init(Matcher::default, |skim, s| hit(skim, s))
        .collect()
}

/// Runs `query` over `candidates` (all entities when None), keeping `limit` hits.
pub fn run(
    ix: &Index,
    query: &Query,
    personal: &Personal,
    candidates: Option<&[u32]>,
    limit: usize,
) -> Result<Ranked, QueryError> {
    let from = Narrow {
        candidates,
        known: None,
    };
    let ranked = run_until(ix, query, personal, (from, limit), &Stop::never())?;
    Ok(ranked.unwrap_or_default())
}

/// [`run`], given up (`None`) when `stop` says so.
pub fn run_until(
    ix: &Index,
    query: &Query,
    personal: &Personal,
    (from, limit): (Narrow, usize),
    stop: &Stop,
) -> Result<Option<Ranked>, QueryError> {
    if query.is_empty() {
        return Ok(Some(Ranked::default()));
    }
    // A kind in a place, or a kind with a name, said in words is searched as
    // its scopes, over every entity, and kept for no narrowing: its hits are
    // not its words' hits. Where the scopes find nothing, the words are
    // searched as typed.
    if let Some(scoped) = placed::reading(ix, query) {
        match run_until(ix, &scoped, personal, (Narrow::default(), limit), stop)? {
            Some(r) if r.total > 0 => return Ok(Some(Ranked { base: None, ..r })),
            None => return Ok(None),
            Some(_) => {}
        }
    }
    let Expanded {
        query: expanded,
        typed,
        last,
    } = with_synonyms(ix, query);
    // The last word's synonyms may match what the previous, shorter word did not.
    let candidates = from.candidates.filter(|_| !last);
    let known = (from.known.filter(|_| !last)).filter(|(_, k)| k.groups < expanded.groups.len());
    let mut p = prepare(ix, personal, &expanded, &typed)?;
    let exact = query.exact.as_deref().map_or(&[][..], |k| ix.exact(k));
    let fast = match candidates {
        None => short::score_short(ix, &expanded, exact),
        Some(_) => None,
    };
    let (mut scored, total, base) = match fast {
        Some(hits) => {
            let mut total = 0;
            let kept = best(ix, personal, hits.inspect(|_| total += 1), limit);
            // A longer query is never narrowed from a one- or two-letter
            // word's answer (see the searcher's `narrows`): no base kept.
            (kept, total, None)
        }
        None => {
            let list = pool_list(ix, &p, &expanded, candidates, p.extra());
            if list.is_none() {
                p.prefilter = long_group(&expanded).map(|words| Prefilter::new(ix, &words));
            }
            let pool = match &list {
                Some(list) => Pool::List(list),
                None => Pool::All(ix.len()),
            };
            let run = Run {
                ix,
                p: &p,
                exact,
                stop,
                known,
            };
            let mut scored = score_split(&run, pool);
            let near = (scored.iter().filter(|s| !s.matched))
                .map(|s| s.entity)
                .collect();
            scored.retain(|s| s.matched);
            let matched = scored.iter().map(|s| s.entity).collect();
            let known = (scored.len() <= KNOWN_UP_TO).then(|| Kept {
                groups: expanded.groups.len(),
                each: scored.iter().map(|s| s.known(exact)).collect(),
            });
            whole::add_missed(ix, query, exact, &mut scored);
            let total = scored.len();
            if scored.len() > limit {
                scored = best(ix, personal, scored, limit);
            }
            let base = Base {
                matched,
                near,
                known,
            };
            (scored, total, Some(base))
        }
    };
    // A chunk left unscored makes the answer wrong: none at all.
    if stop.now() {
        return Ok(None);
    }
    scored.sort_unstable_by(|a, b| order(ix, personal, a, b));
    let hits = shown(ix, &p, &scored);
    Ok(Some(Ranked { hits, total, base }))
}

/// The entities worth scoring when fewer than all: the candidates of the
/// previous keystroke, those with a short word's prefix, each with the
/// extra entities, kept to those a `note:` scope holds. `None`: all.
fn pool_list(
    ix: &Index,
    p: &Prepared,
    expanded: &Query,
    candidates: Option<&[u32]>,
    extra: &[u32],
) -> Option<Vec<u32>> {
    let short = short::short_candidates(ix, expanded);
    let with_extra = |mut v: Vec<u32>| {
        v.extend(extra);
        v.sort_unstable();
        v.dedup();
        v
    };
    let list = match (candidates, short) {
        (Some(c), Some(short)) => Some(with_extra(
            (c.iter().copied())
                .filter(|e| short.binary_search(e).is_ok())
                .collect(),
        )),
        (Some(c), None) => Some(with_extra(c.to_vec())),
        (None, Some(short)) => Some(with_extra(short)),
        (None, None) => None,
    };
    let Some(noted) = note_scoped(p) else {
        return list;
    };
    Some(match list {
        Some(l) => (l.into_iter())
            .filter(|e| noted.binary_search(e).is_ok())
            .collect(),
        None => noted,
    })
}
