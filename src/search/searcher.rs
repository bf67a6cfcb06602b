//! Per-keystroke search. Typing one more letter of the last word can only
//! narrow the result, so only the previous hits are searched again; a stack of
//! earlier results makes Backspace free.

use super::rank::{self, Ranked};
use super::syntax::{Atom, AtomKind, Mode, Query, Scope};
use super::{Hit, Index, QueryError};

/// How many hits a search keeps with highlights (more than any screen shows).
pub const SHOWN: usize = 500;

#[derive(Debug)]
struct Step {
    query: Query,
    ranked: Ranked,
}

/// Remembers the queries typed so far in one search session.
#[derive(Debug, Default)]
pub struct Searcher {
    stack: Vec<Step>,
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
                && matches!(ma, Mode::Fuzzy | Mode::Exact | Mode::Prefix)
                // Below three letters fuzzy terms match word starts instead.
                && (*ma != Mode::Fuzzy || a.chars().count() >= 3)
                && b.starts_with(a.as_str())
        }
        (AtomKind::Scope(Scope::Tag(a)), AtomKind::Scope(Scope::Tag(b))) => {
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
        // Backspace: drop the steps that are longer than what is typed now.
        while self.stack.last().is_some_and(|s| {
            !query.raw.starts_with(s.query.raw.as_str()) || s.query.raw.len() > query.raw.len()
        }) {
            self.stack.pop();
        }
        if self.stack.last().is_none_or(|s| s.query != query) {
            let base = self.stack.last().filter(|s| extends(&s.query, &query));
            let ranked = rank::run(index, &query, base.map(|s| s.ranked.base.as_slice()), SHOWN)?;
            self.stack.push(Step { query, ranked });
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

    /// Forgets everything, e.g. when the dataset is reloaded.
    pub fn clear(&mut self) {
        self.stack.clear();
    }
}
