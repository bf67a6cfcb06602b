//! A search's memory of shared texts: thousands of entities carry the same tag,
//! place or fact label, and a word is matched against each such text once per
//! search. It also remembers what the matcher scores a word found as typed,
//! which depends only on the character before it.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::index::Index;

/// One thread's memory of a search.
pub struct Memo {
    texts: usize,
    /// How each word matched each shared text, at `word * texts + text`, as
    /// the caller wrote it down (`UNKNOWN` when not yet worked out).
    known: RefCell<Vec<i64>>,
    /// The matcher's score of a word found as typed, by word number and the
    /// character before it (None at the start of a field).
    runs: RefCell<FxHashMap<RunKey, Option<i64>>>,
}

/// A word's number and the character before where it was found.
type RunKey = (usize, Option<char>);

const UNKNOWN: i64 = i64::MIN;

impl Memo {
    pub fn new(ix: &Index, words: usize) -> Memo {
        let texts = ix.shared_texts();
        Memo {
            texts,
            known: RefCell::new(vec![UNKNOWN; texts * words]),
            runs: RefCell::default(),
        }
    }

    /// The score of word number `word` found as typed after `before`, worked
    /// out by `f` the first time.
    pub(super) fn run_score(
        &self,
        word: usize,
        before: Option<char>,
        f: impl FnOnce() -> Option<i64>,
    ) -> Option<i64> {
        let known = self.runs.borrow().get(&(word, before)).copied();
        known.unwrap_or_else(|| {
            let found = f();
            self.runs.borrow_mut().insert((word, before), found);
            found
        })
    }

    /// How word number `word` matches shared text number `text`, as one
    /// number (never `i64::MIN`), worked out by `f` the first time.
    pub(super) fn shared(&self, word: usize, text: u32, f: impl FnOnce() -> i64) -> i64 {
        let at = word * self.texts + text as usize;
        let known = self.known.borrow().get(at).copied();
        match known {
            Some(UNKNOWN) => {
                let found = f();
                self.known.borrow_mut()[at] = found;
                found
            }
            Some(known) => known,
            None => f(), // a text the memo was not made for
        }
    }
}
