//! Per-keystroke search. Typing one more letter of the last word can only
//! narrow the result, so only the previous hits are searched again; a stack of
//! earlier results makes Backspace free.

use std::borrow::Cow;
use std::sync::Arc;

use super::personal::Personal;
use super::rank::{self, KeptOn, Narrow, Ranked};
use super::score::Stop;
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
    /// Answers worked out ahead, while the user paused, for texts that extend
    /// the top step's by a key, with their queries and the depth of the stack
    /// they were worked out on. Any search drops them.
    ahead: Vec<(Query, Ranked, usize)>,
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

/// Whether two queries ask the same search, however typed: `sante` and
/// `Santé` fold alike, and nothing but the folded words counts.
fn same_search(a: &Query, b: &Query) -> bool {
    a.groups == b.groups && a.exact == b.exact
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

/// Whether `next` keeps every group of `prev` as it is and adds more
/// ("lyon" to "lyon b"): an entity must then hold `prev`'s groups, so it is
/// among `prev`'s matches.
fn adds_groups(prev: &Query, next: &Query) -> bool {
    !prev.groups.is_empty()
        && next.groups.len() > prev.groups.len()
        && next.groups.starts_with(&prev.groups)
}

impl Searcher {
    pub fn new() -> Searcher {
        Searcher::default()
    }

    /// The best hits for `text` (at most `SHOWN`, with highlights).
    pub fn search(&mut self, index: &Index, text: &str) -> Result<&[Hit], QueryError> {
        let query = Query::parse(text)?;
        let ahead = std::mem::take(&mut self.ahead);
        let below = self.pop_to(&query)?;
        if below.as_ref().is_some_and(|b| *b == query) {
            self.top = Some(query);
        } else {
            // Worked out ahead atop the same step, none dropped since: the
            // same answer, ready.
            let depth = self.stack.len();
            let ready = (ahead.into_iter())
                .find(|(q, _, on)| same_search(q, &query) && *on == depth && depth > 0);
            let ranked = match ready {
                Some((_, ranked, _)) => Some(ranked),
                None => self.ranked(index, below.as_ref(), &query, &Stop::never())?,
            };
            let ranked = ranked.unwrap_or_default();
            self.forget_known(below.as_ref(), &query);
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

    /// Works out, while the user pauses, the answer to `text` (the last query
    /// and one more key), so that typing it answers at once; `stop` gives it
    /// up (a different key came). True when the answer is ready.
    pub fn look_ahead(
        &mut self,
        index: &Index,
        text: &str,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> bool {
        let (Some(top), Ok(query)) = (self.top.as_ref(), Query::parse(text)) else {
            return false;
        };
        if self.stack.is_empty() || !query.raw.starts_with(top.raw.as_str()) || query == *top {
            return false;
        }
        if self.ahead.iter().any(|(q, _, _)| same_search(q, &query)) {
            return true;
        }
        let top = top.clone();
        match self.ranked(index, Some(&top), &query, &Stop::when(stop)) {
            Ok(Some(ranked)) => {
                self.ahead.push((query, ranked, self.stack.len()));
                true
            }
            _ => false,
        }
    }

    /// The texts most likely typed next after `line`, the text last searched:
    /// `line` and one more letter of the word being typed, the likeliest
    /// first (by the name and alias words of the dataset); at most `k`.
    pub fn likely_next(&self, index: &Index, line: &str, k: usize) -> Vec<String> {
        let Some(last) = (self.top.as_ref())
            .and_then(|q| q.groups.last())
            .and_then(|g| g.last())
        else {
            return Vec::new();
        };
        let word = line.rsplit(|c: char| !c.is_alphanumeric()).next();
        match &last.kind {
            AtomKind::Term {
                text,
                mode: MatchMode::Fuzzy,
            } if !last.negate
                && !last.optional
                && word.is_some_and(|w| !w.is_empty() && super::fold::fold_str(w) == *text) =>
            {
                (index.next_letters(text, k).into_iter())
                    .map(|c| format!("{line}{c}"))
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    /// Drops the steps longer than `query` or not its prefix (Backspace, an
    /// edit); the query of the step now on top, parsed again from its text.
    fn pop_to(&mut self, query: &Query) -> Result<Option<Query>, QueryError> {
        let old = self.top.as_ref().map(|q| q.raw.clone()).unwrap_or_default();
        while self.stack.last().is_some_and(|s| {
            s.raw_len > query.raw.len()
                || old
                    .get(..s.raw_len)
                    .is_none_or(|p| !query.raw.starts_with(p))
        }) {
            self.stack.pop();
        }
        match self.stack.last() {
            Some(s) => Ok(Some(Query::parse(
                old.get(..s.raw_len).unwrap_or_default(),
            )?)),
            None => Ok(None),
        }
    }

    /// The answer to `query`, narrowed from the top step's (whose query is
    /// `below`) when it only extends it.
    fn ranked(
        &self,
        index: &Index,
        below: Option<&Query>,
        query: &Query,
        stop: &Stop,
    ) -> Result<Option<Ranked>, QueryError> {
        let base = below.and_then(|below| self.base_for(below, query));
        let from = match &base {
            Some((list, known)) => Narrow {
                candidates: Some(list),
                known: *known,
            },
            None => Narrow::default(),
        };
        rank::run_until(index, query, &self.personal, (from, SHOWN), stop)
    }

    /// The fewest entities on the stack that hold every entity `query` can
    /// match: the top step's base when `query` only extends its last word,
    /// the matches of the top step or a lower one when `query` adds words to
    /// it ("lyon bio" is searched among the matches of "lyon", not among
    /// everything, though "lyon bi" matched its last word's start only).
    /// With them, the matches of the highest step whose words the query adds
    /// to, and what its words came to on each, when it kept that: "lyon
    /// biot" is searched among the candidates of "lyon bio", each matched on
    /// "biot" alone, "lyon" known from its own answer.
    /// `below` is the top step's query; the others' are prefixes of its text.
    fn base_for(
        &self,
        below: &Query,
        query: &Query,
    ) -> Option<(Cow<'_, [u32]>, Option<KeptOn<'_>>)> {
        let mut list = None;
        for step in self.stack.iter().rev() {
            let Some(base) = &step.ranked.base else {
                continue;
            };
            let parsed;
            let prev = match below.raw.get(..step.raw_len) {
                Some(text) if text.len() == below.raw.len() => below,
                Some(text) => match Query::parse(text) {
                    Ok(q) => {
                        parsed = q;
                        &parsed
                    }
                    Err(_) => continue,
                },
                None => continue,
            };
            if adds_groups(prev, query) {
                let known = (base.known.as_ref()).map(|k| (base.matched.as_slice(), k));
                return Some((list.unwrap_or(Cow::Borrowed(&base.matched)), known));
            }
            if list.is_none() && extends(prev, query) {
                list = Some(Cow::Owned(base.all()));
            }
        }
        list.map(|list| (list, None))
    }

    /// Lets the top step (whose query is `below`) forget what its words came
    /// to on its matches when `query` changes its last word rather than
    /// adding one: no query typed on from `query` adds words to it, so what
    /// it kept would wait for a Backspace, a megabyte or more a step.
    fn forget_known(&mut self, below: Option<&Query>, query: &Query) {
        let (Some(below), Some(top)) = (below, self.stack.last_mut()) else {
            return;
        };
        if below.groups.len() == query.groups.len()
            && let Some(base) = &mut top.ranked.base
        {
            base.known = None;
        }
    }

    /// How many entities matched the last query (more than are kept as hits).
    pub fn total(&self) -> usize {
        self.stack.last().map_or(0, |s| s.ranked.total)
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
        self.ahead.clear();
    }
}

#[cfg(test)]
mod tests;
