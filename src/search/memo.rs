//! A search's memory of shared texts: thousands of entities carry the same tag
//! or place, and a term is matched against each such text once per search.

use std::cell::RefCell;

use super::index::Index;

/// One thread's memory of a search: how each term matched each shared tag and
/// place text (thousands of entities share them), by term and text number.
pub struct Memo {
    texts: usize,
    /// `UNKNOWN`, `NO_MATCH` or the score, at `term * texts + text`.
    known: RefCell<Vec<i64>>,
}

const UNKNOWN: i64 = i64::MIN;
const NO_MATCH: i64 = i64::MIN + 1;

impl Memo {
    pub fn new(ix: &Index, terms: usize) -> Memo {
        let texts = ix.shared_texts();
        Memo {
            texts,
            known: RefCell::new(vec![UNKNOWN; texts * terms]),
        }
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
            Some(UNKNOWN) => {
                let found = f();
                self.known.borrow_mut()[at] = found.unwrap_or(NO_MATCH);
                found
            }
            Some(score) => Some(score),
            None => f(), // a text the memo was not made for
        }
    }
}
