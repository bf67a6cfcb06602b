//! Scoring the candidates of a search, on every core when there are many: the
//! letter tests that rule most entities out first, then the match of each one
//! left, as a match to rank, a near miss kept for narrowing, or nothing.

use rayon::prelude::*;

use super::index::Index;
use super::letters::letter_mask;
use super::matching::{self, Known, Lead, Outcome, Pass};
use super::prepared::Prepared;
use super::syntax::Query;
use super::{Matcher, Memo};

/// From this many candidates on, scoring runs on every core: most candidates
/// hold a word's letters in order and cost the matcher a call or more.
const PARALLEL_FROM: usize = 1_000;

/// Candidates per chunk: enough to make taking a chunk cheap, few enough to
/// balance the threads.
const CHUNK: usize = 512;

/// The field rank of a hit that points at no field (scopes alone), after all.
pub(super) const NO_FIELD: u8 = u8::MAX;

/// One entity's score, before the kept ones get their highlights.
#[derive(Debug, Clone, Copy)]
pub(super) struct Scored {
    pub entity: u32,
    pub score: i64,
    pub field_rank: u8,
    /// What the match that counts most points at, when scoring found it.
    pub lead: Option<Lead>,
    /// That match's score.
    pub lead_score: i64,
    /// The lead is a typo or initials: showing it means matching again.
    pub rematch: bool,
    /// False for a near miss, kept only for narrowing.
    pub matched: bool,
}

impl Scored {
    fn near_miss(entity: u32) -> Scored {
        Scored {
            entity,
            score: 0,
            field_rank: NO_FIELD,
            lead: None,
            lead_score: 0,
            rematch: false,
            matched: false,
        }
    }

    /// What its groups came to, for a query that adds words to this one.
    pub fn known(&self, exact: &[u32]) -> Known {
        let bonus = if exact.contains(&self.entity) {
            EXACT
        } else {
            0
        };
        Known {
            score: self.score - bonus,
            lead: (self.lead).map(|lead| (self.lead_score, lead, self.rematch)),
        }
    }
}

/// The entities a run scores: all of them, or a list in index order.
#[derive(Clone, Copy)]
pub(super) enum Pool<'a> {
    All(usize),
    List(&'a [u32]),
}

/// What a scoring run is given besides the candidates.
pub(super) struct Run<'a> {
    pub ix: &'a Index,
    pub p: &'a Prepared<'a>,
    /// Entities whose name or alias is the whole query (ascending): first.
    pub exact: &'a [u32],
    /// Asked between chunks: true gives up the run (see [`Stop`]).
    pub stop: &'a Stop<'a>,
    /// The matches of the answer the query adds words to, and what its
    /// groups came to on each, in the same order (see [`Known`]).
    pub known: Option<super::rank::KeptOn<'a>>,
}

/// Whether a run worked out ahead of the user is no longer wanted; once it
/// says so it keeps saying so, so a run either stops or sees every chunk.
pub struct Stop<'a> {
    asked: Option<&'a (dyn Fn() -> bool + Sync)>,
    said: std::sync::atomic::AtomicBool,
}

impl<'a> Stop<'a> {
    /// A run nobody stops: a search the user is waiting for.
    pub fn never() -> Stop<'static> {
        Stop {
            asked: None,
            said: std::sync::atomic::AtomicBool::new(false),
        }
    }

    pub fn when(asked: &'a (dyn Fn() -> bool + Sync)) -> Stop<'a> {
        Stop {
            asked: Some(asked),
            said: std::sync::atomic::AtomicBool::new(false),
        }
    }

    pub fn now(&self) -> bool {
        use std::sync::atomic::Ordering::Relaxed;
        let Some(asked) = self.asked else {
            return false;
        };
        if self.said.load(Relaxed) || asked() {
            self.said.store(true, Relaxed);
            return true;
        }
        false
    }
}

/// Scores candidates, on every core when there are many.
pub(super) fn score_split(run: &Run, pool: Pool) -> Vec<Scored> {
    let len = match pool {
        Pool::All(n) => n,
        Pool::List(list) => list.len(),
    };
    let worker = || Worker {
        skim: Matcher::default(),
        memo: Memo::new(run.ix, run.p.words.len()),
    };
    let chunk = |w: &mut Worker, k: usize| {
        let range = k * CHUNK..((k + 1) * CHUNK).min(len);
        let mut out = Vec::new();
        if run.stop.now() {
            return out;
        }
        match pool {
            Pool::All(_) => score_all(run, range.map(|e| e as u32), w, &mut out),
            Pool::List(list) => score_all(run, list[range].iter().copied(), w, &mut out),
        }
        out
    };
    let chunks = len.div_ceil(CHUNK);
    if len < PARALLEL_FROM {
        let mut w = worker();
        return (0..chunks).flat_map(|k| chunk(&mut w, k)).collect();
    }
    // Chunks, not single candidates, so that a thread's worker and a chunk's
    // set-up serve many; rayon hands them out as threads come free, since
    // costly candidates come in runs, and gives the results back in order.
    (0..chunks)
        .into_par_iter()
        .map_init(worker, chunk)
        .flatten_iter()
        .collect()
}

/// What a scoring thread keeps from one chunk to the next: its matcher and
/// its memo of shared texts.
struct Worker {
    skim: Matcher,
    memo: Memo,
}

/// Letters each single-word group needs: an entity lacking one cannot match
/// (a one-instruction test before any matching).
fn required_masks(query: &Query) -> Vec<u64> {
    query
        .groups
        .iter()
        .filter_map(|g| Query::lone_term(g).map(|(text, _)| letter_mask(text)))
        .filter(|&m| m != 0)
        .collect()
}

/// One chunk of candidates: the letter tests rule most out, then each one
/// left is matched.
fn score_all(
    run: &Run,
    candidates: impl Iterator<Item = u32>,
    w: &mut Worker,
    out: &mut Vec<Scored>,
) {
    let ix = run.ix;
    let masks = required_masks(run.p.query);
    let mut tested = Vec::new();
    let mut extra = Vec::new();
    for e in candidates {
        // A typo or initials may match an entity lacking the letters tested.
        if run.p.may_be_extra(e as usize) {
            extra.push(e);
        } else if masks.iter().all(|&m| m & !ix.mask(e as usize) == 0) {
            tested.push(e);
        }
    }
    let mut kept = match &run.p.prefilter {
        Some(filter) => filter.keep(ix, tested.into_iter()),
        None => tested,
    };
    if !extra.is_empty() {
        // Both lists ascend: the standard stable sort finds the two runs and
        // merges them in one pass instead of sorting all again.
        kept.extend(extra);
        kept.sort();
    }
    warm(ix, &kept);
    score_each(run, kept.into_iter(), (&w.skim, &w.memo), out);
}

/// Reads where each candidate's fields start, their first mask, the start of
/// their name's text and their relation labels, in a loop of its own before
/// they are matched one by one: its reads do not wait on each other, so the
/// memory serves many at once, where matching waited on each in turn (at a
/// million entities a narrowing step's candidates lie far apart).
fn warm(ix: &Index, candidates: &[u32]) {
    let touched = candidates.iter().fold(0u64, |acc, &e| {
        let e = e as usize;
        let mask = ix.field_masks(e).first().copied().unwrap_or(0);
        let name = ix.fields(e).first().map_or(0, |s| {
            u64::from(ix.text(s).as_bytes().first().copied().unwrap_or(0))
        });
        acc ^ u64::from(mask) ^ name ^ ix.relation_labels(e)
    });
    std::hint::black_box(touched);
}

/// Matches each candidate: a match to rank, a near miss kept for narrowing,
/// or nothing.
fn score_each(
    run: &Run,
    candidates: impl Iterator<Item = u32>,
    (skim, memo): (&Matcher, &Memo),
    out: &mut Vec<Scored>,
) {
    // A candidate the answer narrowed matched is matched on the added words
    // alone; one it did not (a typo or initials of an added word) on all.
    let known = |e: u32| {
        let (matched, kept) = run.known?;
        let at = matched.binary_search(&e).ok()?;
        Some((kept.groups, kept.each.get(at)?))
    };
    let scored = candidates.filter_map(|e| {
        let (ix, p, pass) = (run.ix, run.p, Pass::Score(memo));
        let m = match matching::outcome_after(skim, ix, p, e as usize, pass, known(e)) {
            Outcome::Match(m) => m,
            Outcome::NearMiss => return Some(Scored::near_miss(e)),
            Outcome::Miss => return None,
        };
        let bonus = if run.exact.contains(&e) { EXACT } else { 0 };
        Some(Scored {
            entity: e,
            score: m.score + bonus,
            field_rank: field_rank(run.ix, m.lead),
            lead: m.lead,
            lead_score: m.lead_score,
            rematch: m.rematch,
            matched: true,
        })
    });
    out.extend(scored);
}

/// The bonus of an entity whose name or alias is the whole query: it comes first.
pub(super) const EXACT: i64 = 1_000_000;

/// The rank of the field a lead points at (see [`super::Field::rank`]).
pub(super) fn field_rank(ix: &Index, lead: Option<Lead>) -> u8 {
    match lead {
        Some(Lead::Span(s)) => ix.span(s).0.field.rank(),
        Some(Lead::Relation(n)) => super::Field::Relation(n).rank(),
        Some(Lead::Note(_)) => super::Field::Note(0).rank(),
        None => NO_FIELD,
    }
}
