//! A search's memory of shared texts: thousands of entities carry the same tag,
//! place or fact label, and a word is matched against each such text once per
//! search. It also remembers what the matcher scores a word found as typed,
//! which depends only on the character before it.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::fieldmatch::{CLASS_GAP, Class, FieldMatch};
use super::index::Index;

/// One thread's memory of a search.
pub struct Memo {
    texts: usize,
    /// `UNKNOWN`, `MISS`, `NEAR_MISS` or the match (class and score, see
    /// [`encode`]) of each word in each shared text, at `word * texts + text`.
    known: RefCell<Vec<i64>>,
    /// The matcher's score of a word found as typed, by word number and the
    /// character before it (None at the start of a field).
    runs: RefCell<FxHashMap<RunKey, Option<i64>>>,
}

/// A word's number and the character before where it was found.
type RunKey = (usize, Option<char>);

const UNKNOWN: i64 = -1;
const MISS: i64 = -2;
const NEAR_MISS: i64 = -3;

/// A match's class and score as one number (a score is below [`CLASS_GAP`]).
fn encode(class: Class, score: i64) -> i64 {
    class as i64 * CLASS_GAP + score.clamp(0, CLASS_GAP - 1)
}

fn decode(known: i64) -> FieldMatch {
    let class = match known / CLASS_GAP {
        0 => Class::Scattered,
        1 => Class::Tight,
        2 => Class::Typo,
        _ => Class::Named,
    };
    FieldMatch::Match(class, known % CLASS_GAP, Vec::new())
}

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

    /// How word number `word` matches shared text number `text` (scores
    /// alone, no positions), worked out by `f` the first time.
    pub(super) fn shared_match(
        &self,
        word: usize,
        text: u32,
        f: impl FnOnce() -> FieldMatch,
    ) -> FieldMatch {
        let at = word * self.texts + text as usize;
        let known = self.known.borrow().get(at).copied();
        match known {
            Some(MISS) => FieldMatch::Miss,
            Some(NEAR_MISS) => FieldMatch::NearMiss,
            Some(UNKNOWN) => {
                let known = match f() {
                    FieldMatch::Match(class, score, _) => encode(class, score),
                    FieldMatch::NearMiss => NEAR_MISS,
                    FieldMatch::Miss => MISS,
                };
                self.known.borrow_mut()[at] = known;
                // Read back as later calls will, so that every call agrees.
                match known {
                    MISS => FieldMatch::Miss,
                    NEAR_MISS => FieldMatch::NearMiss,
                    known => decode(known),
                }
            }
            Some(known) => decode(known),
            None => f(), // a text the memo was not made for
        }
    }
}
