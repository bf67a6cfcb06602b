//! Per-keystroke search. Typing one more letter of the last word can only
//! narrow the result, so only the previous hits are searched again; a stack of
//! earlier results makes Backspace free.

use std::sync::Arc;

use super::personal::Personal;
use super::rank::{self, Ranked};
use super::syntax::{Atom, AtomKind, MatchMode, Query, Scope};
use super::{Hit, Index, QueryError};

/// How many hits a search keeps with highlights (more than any screen shows).
pub const SHOWN: usize = 500;

/// One keystroke's answer. Each step's query is a prefix of the last one, so
/// a step keeps only its length: holding every query whole made the stack's
/// memory grow with the square of the query's length.
#[derive(Debug)]
struct Step {
    raw_len: usize,
    ranked: Ranked,
}

/// Remembers the queries typed so far in one search session.
#[derive(Debug, Default)]
pub struct Searcher {
    stack: Vec<Step>,
    /// The query of the top step; the others' are prefixes of its text.
    top: Option<Query>,
    /// The user's notes and frecency, searched alongside the index.
    personal: Arc<Personal>,
}

/// Whether the last atom only grew in a way that can only match fewer entities.
fn narrows(prev: &Atom, next: &Atom) -> bool {
    // A word that becomes a stop word ("whe" to "when") no longer has to match.
    if prev.negate || next.negate || prev.optional != next.optional {
        return false;
    }
    match (&prev.kind, &next.kind) {
        (AtomKind::Term { text: a, mode: ma }, AtomKind::Term { text: b, mode: mb }) => {
            ma == mb
                && matches!(ma, MatchMode::Fuzzy | MatchMode::Exact | MatchMode::Prefix)
                // Below three letters fuzzy terms match word starts instead.
                && (*ma != MatchMode::Fuzzy || a.chars().count() >= 3)
                && b.starts_with(a.as_str())
        }
        (AtomKind::Scope(Scope::Tag(a)), AtomKind::Scope(Scope::Tag(b)))
        | (AtomKind::Scope(Scope::Note(a)), AtomKind::Scope(Scope::Note(b))) => {
            b.starts_with(a.as_str())
        }
        _ => false,
    }
}

/// Whether `next` is `prev` with its last word extended (so its hits are a subset).
fn extends(prev: &Query, next: &Query) -> bool {
    let (Some((pl, pg)), Some((nl, ng))) = (prev.groups.split_last(), next.groups.split_last())
    else {
        return false;
    };
    let (Some((pa, pr)), Some((na, nr))) = (pl.split_last(), nl.split_last()) else {
        return false;
    };
    pg == ng && pr == nr && narrows(pa, na)
}

impl Searcher {
    pub fn new() -> Searcher {
        Searcher::default()
    }

    /// The best hits for `text` (at most [`SHOWN`], with highlights).
    pub fn search(&mut self, index: &Index, text: &str) -> Result<&[Hit], QueryError> {
        let query = Query::parse(text)?;
        let old = self.top.as_ref().map(|q| q.raw.clone()).unwrap_or_default();
        // Backspace: drop the steps that are longer than what is typed now.
        while self.stack.last().is_some_and(|s| {
            s.raw_len > query.raw.len()
                || old
                    .get(..s.raw_len)
                    .is_none_or(|p| !query.raw.starts_with(p))
        }) {
            self.stack.pop();
        }
        // The query of the step now on top, parsed again from its text.
        let below = match self.stack.last() {
            Some(s) => Some(Query::parse(old.get(..s.raw_len).unwrap_or_default())?),
            None => None,
        };
        if below.as_ref().is_some_and(|b| *b == query) {
            self.top = Some(query);
        } else {
            let base = self
                .stack
                .last()
                .filter(|_| below.as_ref().is_some_and(|b| extends(b, &query)));
            let base = base.map(|s| s.ranked.base.as_slice());
            let ranked = rank::run(index, &query, &self.personal, base, SHOWN)?;
            self.stack.push(Step {
                raw_len: query.raw.len(),
                ranked,
            });
            self.top = Some(query);
        }
        Ok(self
            .stack
            .last()
            .map_or(&[][..], |s| s.ranked.hits.as_slice()))
    }

    /// How many entities matched the last query (more than are kept as hits).
    pub fn total(&self) -> usize {
        self.stack.last().map_or(0, |s| s.ranked.all.len())
    }

    /// Searches the user's notes too and orders ties by their frecency from
    /// now on (earlier answers are forgotten when these change).
    pub fn set_personal(&mut self, personal: Arc<Personal>) {
        if !Arc::ptr_eq(&self.personal, &personal) {
            self.personal = personal;
            self.clear();
        }
    }

    /// Forgets everything, e.g. when the dataset is reloaded.
    pub fn clear(&mut self) {
        self.stack.clear();
        self.top = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Typing, deleting and retyping answers as a fresh search for each text.
    #[test]
    fn every_step_answers_as_a_fresh_search_would() {
        let loaded = crate::load::load(&crate::load::DataSource::Builtin, u64::MAX).expect("loads");
        let index = Index::new(&loaded.dataset);
        let ids = |hits: &[Hit]| hits.iter().map(|h| h.entity).collect::<Vec<_>>();
        let mut typed = Searcher::new();
        let texts = [
            "l",
            "ly",
            "lyo",
            "lyon",
            "lyonb",
            "lyon",
            "ly",
            "lyx",
            "ly",
            "lyonbio",
            "lyonbiopole",
            "lyonbiopole x",
            "lyonbiopole",
            "",
        ];
        for text in texts {
            let step = ids(typed.search(&index, text).expect("valid"));
            let fresh = ids(Searcher::new().search(&index, text).expect("valid"));
            assert_eq!(step, fresh, "after typing to {text:?}");
        }
    }
}
