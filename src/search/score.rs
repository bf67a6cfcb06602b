//! Scoring the candidates of a search, on every core when there are many: the
//! letter tests that rule most entities out first, then the match of each one
//! left, as a match to rank, a near miss kept for narrowing, or nothing.

use super::index::Index;
use super::matching::{self, Matcher, Memo, Outcome, Pass, Prepared};
use super::rank::lone_term;
use super::syntax::Query;

/// From this many candidates on, scoring runs on every core: most candidates
/// hold a term's letters in order and cost the matcher a call or more.
const PARALLEL_FROM: usize = 1_000;

/// Candidates per chunk: enough to make taking a chunk cheap, few enough to
/// balance the threads.
const CHUNK: usize = 512;

/// One entity's score, before the kept ones get their highlights.
#[derive(Debug, Clone, Copy)]
pub(super) struct Scored {
    pub entity: u32,
    pub score: i64,
    pub field_rank: u8,
    /// The span whose match counts most, when scoring found it.
    pub span: Option<u32>,
    /// False for a near miss, kept only for narrowing.
    pub matched: bool,
}

impl Scored {
    fn near_miss(entity: u32) -> Scored {
        Scored {
            entity,
            score: 0,
            field_rank: 7,
            span: None,
            matched: false,
        }
    }
}

/// The entities a run scores: all of them, or a list in index order.
#[derive(Clone, Copy)]
pub(super) enum Pool<'a> {
    All(usize),
    List(&'a [u32]),
}

/// Scores candidates, on every core when there are many.
pub(super) fn score_split(ix: &Index, p: &Prepared, exact: &[u32], pool: Pool) -> Vec<Scored> {
    let len = match pool {
        Pool::All(n) => n,
        Pool::List(list) => list.len(),
    };
    let worker = || Worker {
        skim: Matcher::default(),
        memo: Memo::new(ix, p.finders.len()),
        shared: Vec::new(),
    };
    crate::parallel::run(
        len,
        (CHUNK, PARALLEL_FROM),
        worker,
        |w, range, out| match pool {
            Pool::All(_) => score_all(ix, p, exact, range.map(|e| e as u32), w, out),
            Pool::List(list) => score_all(ix, p, exact, list[range].iter().copied(), w, out),
        },
    )
}

/// What a scoring thread keeps from one chunk to the next: its matcher, its
/// memo of shared texts, and which shared texts hold the letters of the
/// query's long word in order (see [`super::masks::Could::keep`]).
struct Worker {
    skim: Matcher,
    memo: Memo,
    shared: Vec<u8>,
}

/// Letters each single-term group needs: an entity lacking one cannot match
/// (a one-instruction test before any matching).
fn required_masks(query: &Query) -> Vec<u64> {
    query
        .groups
        .iter()
        .filter_map(|g| lone_term(g).map(|(text, _)| super::index::letter_mask(text)))
        .filter(|&m| m != 0)
        .collect()
}

/// One chunk of candidates: the letter tests rule most out, then each one
/// left is matched.
fn score_all(
    ix: &Index,
    p: &Prepared,
    exact: &[u32],
    candidates: impl Iterator<Item = u32>,
    w: &mut Worker,
    out: &mut Vec<Scored>,
) {
    // Typo matches may lack a letter of the term, so the letter tests are off for them.
    let (masks, could) = if p.typos.is_empty() {
        (required_masks(p.query), p.could.as_ref())
    } else {
        (Vec::new(), None)
    };
    let candidates = candidates.filter(|&e| masks.iter().all(|&m| m & !ix.masks[e as usize] == 0));
    match could {
        Some(could) => {
            let kept = could.keep(ix, candidates, &mut w.shared);
            score_each(ix, p, exact, kept.into_iter(), (&w.skim, &w.memo), out);
        }
        None => score_each(ix, p, exact, candidates, (&w.skim, &w.memo), out),
    }
}

/// Matches each candidate: a match to rank, a near miss kept for narrowing,
/// or nothing.
fn score_each(
    ix: &Index,
    p: &Prepared,
    exact: &[u32],
    candidates: impl Iterator<Item = u32>,
    (skim, memo): (&Matcher, &Memo),
    out: &mut Vec<Scored>,
) {
    let scored = candidates.filter_map(|e| {
        let m = match matching::outcome(skim, ix, p, e as usize, Pass::Score(memo)) {
            Outcome::Match(m) => m,
            Outcome::Loose => return Some(Scored::near_miss(e)),
            Outcome::Miss => return None,
        };
        let bonus = if exact.contains(&e) { 1_000_000 } else { 0 };
        Some(Scored {
            entity: e,
            score: m.score + bonus,
            field_rank: m.span.map_or(7, |s| ix.spans[s].field.rank()),
            span: m.span.map(|s| s as u32),
            matched: true,
        })
    });
    out.extend(scored);
}
