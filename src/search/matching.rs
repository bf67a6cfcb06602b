//! Matching one query against one entity: each word against each field (see
//! [`super::fieldmatch`]), against the entity's relation labels, and as a
//! typo or the initials of a name; the best per word, the groups combined.

mod extra;
mod highlight;
mod scope;

use super::fieldmatch::{self, FieldMatch, Word, term_in_field};
use super::index::{Index, NOT_SHARED};
use super::letters::span_mask;
use super::prepared::Prepared;
use super::syntax::{Atom, AtomKind, MatchMode, Scope};
use super::{Field, Matcher, Memo};
use extra::{extra_matches, optional};
pub use highlight::highlight_all;
use scope::scope_holds;

/// What a match points at, for the reported field and its highlight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// A span of the index, by its global number.
    Span(usize),
    /// A relation label of the entity, by its number.
    Relation(u8),
    /// One of the user's notes, by its place in [`super::Personal`].
    Note(u32),
}

/// The best match of one atom in one entity.
#[derive(Debug, Clone)]
pub struct AtomMatch {
    pub score: i64,
    /// None for scopes, negations and optional words that matched nothing.
    pub lead: Option<Lead>,
    /// Char positions in the lead's folded text.
    pub folded: Vec<usize>,
    /// The match is a typo or initials: the words typed do not hold its
    /// positions, so showing it needs the entity matched again.
    pub rematch: bool,
}

impl AtomMatch {
    /// A condition that holds without pointing at any text.
    fn plain() -> AtomMatch {
        AtomMatch {
            score: 0,
            lead: None,
            folded: Vec::new(),
            rematch: false,
        }
    }
}

/// Why an entity is matched: to score it among all candidates (with the
/// thread's memo), or to highlight it (with char positions).
#[derive(Clone, Copy)]
pub enum Pass<'m> {
    Score(&'m Memo),
    Highlight,
}

/// How one atom or a whole query fares on an entity.
pub enum Outcome<M> {
    Match(M),
    /// No match, but a fuzzy word's letters are there in order (see
    /// [`FieldMatch::NearMiss`]).
    NearMiss,
    Miss,
}

/// Evaluates one atom on one entity.
fn atom(
    skim: &Matcher,
    ix: &Index,
    p: &Prepared,
    e: usize,
    a: &Atom,
    pass: Pass,
) -> Outcome<AtomMatch> {
    let holds = |ok: bool| match ok {
        true => Outcome::Match(AtomMatch::plain()),
        false => Outcome::Miss,
    };
    let (text, mode) = match &a.kind {
        // A note the scope holds in is what the hit points at, unless a word
        // matches better.
        AtomKind::Scope(Scope::Note(text)) if !a.negate => {
            return match p.personal.note_with(e as u32, text) {
                Some(note) => Outcome::Match(AtomMatch {
                    lead: Some(Lead::Note(note)),
                    ..AtomMatch::plain()
                }),
                None => Outcome::Miss,
            };
        }
        AtomKind::Scope(scope) => return holds(scope_holds(ix, p, e, scope) != a.negate),
        AtomKind::Term { text, mode } => (text.as_str(), *mode),
    };
    let fields = ix.fields(e);
    // A negated word rules out what the entity is called and said to be, not
    // the labels of its facts ("!calls" keeps Health2CARE, which has a fact
    // labelled "calls for expression of interest").
    if a.negate {
        let found = (fields.iter())
            .filter(|s| !matches!(s.field, Field::FactLabel(_)))
            .any(|s| super::literal::literal_at(ix.text(s), text, mode, None).is_some());
        return holds(!found);
    }
    if a.optional {
        return Outcome::Match(optional(ix, e, text, pass).unwrap_or_else(AtomMatch::plain));
    }
    term(skim, (ix, p, e), text, mode, pass)
}

/// A word of the query on one entity: its best field (ruled out by letter
/// masks first, shared texts read through the memo), then what the index
/// adds (typos, initials, relation labels) and the user's notes; a synonym's
/// match counts for less.
fn term(
    skim: &Matcher,
    (ix, p, e): (&Index, &Prepared, usize),
    text: &str,
    mode: MatchMode,
    pass: Pass,
) -> Outcome<AtomMatch> {
    let fields = ix.fields(e);
    let (indices, memo) = match pass {
        Pass::Score(memo) => (false, Some(memo)),
        Pass::Highlight => (true, None),
    };
    let prepared = p.word(text);
    let word = Word {
        text,
        mode,
        finder: prepared.map(|(_, w)| &w.finder),
        number: prepared.map(|(n, _)| n),
    };
    let letters = prepared.map_or_else(|| span_mask(text), |(_, w)| w.letters);
    let first = ix.first_span(e);
    let mut near = false;
    let mut best: Option<(i64, usize, AtomMatch)> = None;
    let mut offer = |score: i64, order: usize, m: AtomMatch| {
        if best
            .as_ref()
            .is_none_or(|b| (score, usize::MAX - order) > (b.0, usize::MAX - b.1))
        {
            best = Some((score, order, m));
        }
    };
    let masks = ix.field_masks(e).iter().enumerate();
    // Most fields lack a letter of the word: ruled out from their mask alone.
    for (i, _) in masks.filter(|&(_, &m)| letters & !m == 0) {
        let s = &fields[i];
        if s.field.is_prose() && p.prose_lacks(text, e) {
            continue;
        }
        let found = match (memo, word.number) {
            // Read back from the memo every time, so every call agrees.
            (Some(memo), Some(n)) if s.shared != NOT_SHARED => {
                FieldMatch::from_memo(memo.shared(n, s.shared, || {
                    term_in_field(skim, ix, s, word, false, Some(memo)).to_memo()
                }))
            }
            _ => term_in_field(skim, ix, s, word, indices, memo),
        };
        match found {
            FieldMatch::Match(class, raw, folded) => {
                let score = fieldmatch::score(class, raw, s.field);
                let lead = Some(Lead::Span(first + i));
                let m = AtomMatch {
                    score,
                    lead,
                    folded,
                    rematch: false,
                };
                offer(score, i, m);
            }
            FieldMatch::NearMiss => near = true,
            FieldMatch::Miss => {}
        }
    }
    if let Some((_, w)) = prepared {
        let maybe = p.may_be_extra(e);
        for (score, m) in extra_matches(ix, w, e, indices, maybe) {
            offer(score, usize::MAX, m);
        }
        if let Some(m) = maybe
            .then(|| extra::note_match(p, w, e, mode, indices))
            .flatten()
        {
            offer(m.score, usize::MAX, m);
        }
    }
    let synonym = prepared.is_some_and(|(_, w)| w.synonym);
    finish(best.map(|b| b.2), near, synonym)
}

/// The best match found, counting for less when the word is a synonym.
fn finish(best: Option<AtomMatch>, near: bool, synonym: bool) -> Outcome<AtomMatch> {
    match best {
        Some(mut m) => {
            if synonym {
                m.score = fieldmatch::as_synonym(m.score);
            }
            Outcome::Match(m)
        }
        None if near => Outcome::NearMiss,
        None => Outcome::Miss,
    }
}

/// How one entity matched a whole query.
#[derive(Debug, Clone)]
pub struct EntityMatch {
    pub score: i64,
    /// What the match that counts most points at.
    pub lead: Option<Lead>,
    /// That match's score (0 without a lead).
    pub lead_score: i64,
    /// Folded positions in the lead, from every atom that matched it.
    pub folded: Vec<usize>,
    /// The lead came from a typo or initials (see [`AtomMatch::rematch`]).
    pub rematch: bool,
}

/// What the first groups of a query came to on one entity, kept with an
/// answer for the queries that add words to it: a candidate is then matched
/// on the added words alone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Known {
    /// The groups' scores summed (no bonus for a name that is the query).
    pub score: i64,
    /// Their match that counts most, if one points at text: its score, what
    /// it points at, and whether it is a typo or initials.
    pub lead: Option<(i64, Lead, bool)>,
}

/// Matches a query against one entity: every group must hold (a group of an
/// optional word always does). A near miss is told from a miss when scoring,
/// and only for the last group: the one a longer query changes.
pub fn outcome(
    skim: &Matcher,
    ix: &Index,
    p: &Prepared,
    e: usize,
    pass: Pass,
) -> Outcome<EntityMatch> {
    outcome_after(skim, ix, p, e, pass, None)
}

/// [`outcome`] for an entity whose first `n` groups are `known` to match:
/// only the groups after them are matched. The positions of the known
/// groups are not kept, so this is for scoring, not for highlights.
pub fn outcome_after(
    skim: &Matcher,
    ix: &Index,
    p: &Prepared,
    e: usize,
    pass: Pass,
    known: Option<(usize, &Known)>,
) -> Outcome<EntityMatch> {
    let held = |group: &[Atom]| {
        let mut best: Option<AtomMatch> = None;
        let mut near = false;
        for a in group {
            match atom(skim, ix, p, e, a, pass) {
                Outcome::Match(m) if best.as_ref().is_none_or(|b| m.score > b.score) => {
                    best = Some(m);
                }
                Outcome::Match(_) | Outcome::Miss => {}
                Outcome::NearMiss => near = true,
            }
        }
        match best {
            Some(best) => Outcome::Match(best),
            None if near => Outcome::NearMiss,
            None => Outcome::Miss,
        }
    };
    let mut matches: Vec<AtomMatch> = Vec::new();
    let groups = p.query.groups.get(known.map_or(0, |(n, _)| n)..);
    if let Some((last, others)) = groups.unwrap_or_default().split_last() {
        // A narrowed query's candidates hold its other words already (they
        // matched the answer it narrows), so its last word rules most of
        // them out: tried first, such a miss costs one word.
        let last = held(last);
        if matches!(last, Outcome::Miss) {
            return Outcome::Miss;
        }
        for group in others {
            match held(group) {
                Outcome::Match(best) => matches.push(best),
                // Only the last word grows as the user types: a near miss
                // of any other can never turn into a match.
                Outcome::NearMiss | Outcome::Miss => return Outcome::Miss,
            }
        }
        match last {
            Outcome::Match(best) => matches.push(best),
            Outcome::NearMiss | Outcome::Miss => return Outcome::NearMiss,
        }
    }
    let known = known.map(|(_, k)| k);
    let total = known.map_or(0, |k| k.score) + matches.iter().map(|m| m.score).sum::<i64>();
    // The last of the best wins a tie, as if the known groups were matched
    // again before the others.
    let leads = (matches.iter()).filter_map(|m| m.lead.map(|lead| (m.score, lead, m.rematch)));
    let best = (known.and_then(|k| k.lead).into_iter().chain(leads)).max_by_key(|l| l.0);
    let (lead_score, lead, rematch) = match best {
        Some((score, lead, rematch)) => (score, Some(lead), rematch),
        None => (0, None, false),
    };
    let mut folded: Vec<usize> = matches
        .iter()
        .filter(|m| m.lead == lead)
        .flat_map(|m| m.folded.iter().copied())
        .collect();
    folded.sort_unstable();
    folded.dedup();
    Outcome::Match(EntityMatch {
        score: total,
        lead,
        lead_score,
        folded,
        rematch,
    })
}
