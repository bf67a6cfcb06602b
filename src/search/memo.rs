//! A search's memory of shared texts: thousands of entities carry the same tag
//! or place, and a term is matched against each such text once per search. It
//! also remembers what the matcher scores a term found as typed, which depends
//! only on the character before it.

use std::cell::{Cell, RefCell};

use rustc_hash::FxHashMap;

use super::index::Index;

/// One thread's memory of a search: how each term matched each shared tag and
/// place text (thousands of entities share them), by term and text number.
pub struct Memo {
    texts: usize,
    /// `UNKNOWN`, `NO_MATCH` or the score, at `term * texts + text`.
    known: RefCell<Vec<i64>>,
    /// The matcher's score of a term found as typed, by term number and the
    /// character before it (None at the start of a field).
    runs: RefCell<FxHashMap<RunKey, Option<i64>>>,
    /// Raised when a fuzzy term had its letters in order in a field that its
    /// thresholds then turned down (see [`Memo::take_loose`]).
    loose: Cell<bool>,
}

/// A term's number and the character before where it was found.
type RunKey = (usize, Option<char>);

const UNKNOWN: i64 = i64::MIN;
const NO_MATCH: i64 = i64::MIN + 1;
/// No match, but the letters were there in order.
const LOOSE: i64 = i64::MIN + 2;

impl Memo {
    pub fn new(ix: &Index, terms: usize) -> Memo {
        let texts = ix.shared_texts();
        Memo {
            texts,
            known: RefCell::new(vec![UNKNOWN; texts * terms]),
            runs: RefCell::default(),
            loose: Cell::new(false),
        }
    }

    /// Notes that a field held a fuzzy term's letters in order without matching.
    pub(super) fn saw_loose(&self) {
        self.loose.set(true);
    }

    /// Whether a field held a term's letters in order without matching since
    /// the flag was last taken; lowers it.
    pub(super) fn take_loose(&self) -> bool {
        self.loose.replace(false)
    }

    /// The score of term number `term` found as typed after `before`, worked
    /// out by `f` the first time.
    pub(super) fn run_score(
        &self,
        term: usize,
        before: Option<char>,
        f: impl FnOnce() -> Option<i64>,
    ) -> Option<i64> {
        let known = self.runs.borrow().get(&(term, before)).copied();
        known.unwrap_or_else(|| {
            let found = f();
            self.runs.borrow_mut().insert((term, before), found);
            found
        })
    }

    pub(super) fn get_or(
        &self,
        term: usize,
        text: u32,
        f: impl FnOnce() -> Option<i64>,
    ) -> Option<i64> {
        let at = term * self.texts + text as usize;
        let known = self.known.borrow().get(at).copied();
        match known {
            Some(NO_MATCH) => None,
            Some(LOOSE) => {
                self.saw_loose();
                None
            }
            Some(UNKNOWN) => {
                let before = self.take_loose();
                let found = f();
                let loose = self.take_loose();
                self.known.borrow_mut()[at] = match found {
                    Some(score) => score,
                    None if loose => LOOSE,
                    None => NO_MATCH,
                };
                self.loose.set(before || loose);
                found
            }
            Some(score) => Some(score),
            None => f(), // a text the memo was not made for
        }
    }
}
