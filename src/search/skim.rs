//! fuzzy-matcher's skim score (v2, default settings, a fresh matcher) redone
//! on bytes for ASCII text, the score alone. Scoring is most of a search's
//! work once the letter tests have ruled out what they can, and the crate's
//! version works on chars: it copies both texts into char vectors and sorts
//! each char into a class through Unicode tables. Every step below mirrors
//! the crate's two-row pass, down to cells it leaves from an earlier row and
//! reads again, so the scores are the same (a test compares them on random
//! texts); anything else (non-ASCII text, long terms) goes to the crate.

use std::cell::RefCell;

/// The longest term scored here; longer ones go to the crate.
pub const MAX_TERM: usize = 32;

pub(super) const NEG: i32 = i16::MIN as i32;
const SCORE_MATCH: i32 = 16;
pub(super) const GAP_START: i32 = -3;
pub(super) const GAP_EXTENSION: i32 = -1;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;
const FIRST_CHAR_MULTIPLIER: i32 = 2;

#[derive(Clone, Copy)]
struct Cell {
    m: i32,
    p: i32,
    bonus: i32,
}

const FRESH: Cell = Cell {
    m: NEG,
    p: NEG,
    bonus: 0,
};

#[derive(Clone, Copy, PartialEq)]
enum Class {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

/// Each byte's class, worked out once.
const CLASSES: [Class; 256] = {
    let mut table = [Class::Lower; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = class_of(b as u8);
        b += 1;
    }
    table
};

fn class(b: u8) -> Class {
    CLASSES[usize::from(b)]
}

const fn class_of(b: u8) -> Class {
    match b {
        0 => Class::Empty,
        b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Class::HardSep,
        b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => Class::SoftSep,
        b'0'..=b'9' => Class::Number,
        b'A'..=b'Z' => Class::Upper,
        _ => Class::Lower,
    }
}

/// The bonus for a char by what comes before it: a word start, a camel hump.
fn in_place(prev: Class, cur: Class) -> i32 {
    match (prev, cur) {
        (Class::Empty | Class::HardSep, _) => BONUS_HEAD,
        (Class::SoftSep, _) => BONUS_BREAK,
        (Class::Lower | Class::Number, Class::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// How letters of one pattern compare and score: smart case, as the crate's
/// default (an upper-case letter in the pattern makes case count).
pub(super) struct Scoring {
    sensitive: bool,
}

impl Scoring {
    pub(super) fn new(pattern: &[u8]) -> Scoring {
        Scoring {
            sensitive: pattern.iter().any(u8::is_ascii_uppercase),
        }
    }

    pub(super) fn equal(&self, c: u8, p: u8) -> bool {
        if self.sensitive {
            c == p
        } else {
            c.eq_ignore_ascii_case(&p)
        }
    }

    /// A letter's own score where it matches, a case mismatch costing.
    pub(super) fn matched(&self, c: u8, p: u8) -> Option<i32> {
        if !self.equal(c, p) {
            return None;
        }
        let mismatch = !self.sensitive && p != c;
        Some((SCORE_MATCH + if mismatch { PENALTY_CASE_MISMATCH } else { 0 }).max(0))
    }

    /// The bonus of a letter matched after the one before it: the better of
    /// what that one carried and its own place.
    pub(super) fn consecutive(&self, carried: i32, in_place: i32) -> i32 {
        carried.max(in_place.max(BONUS_CONSECUTIVE))
    }
}

/// Scratch rows kept from one call to the next (each call starts them afresh).
#[derive(Default)]
pub struct Skim {
    cells: RefCell<Vec<Cell>>,
    bonus: RefCell<Vec<i32>>,
}

impl Skim {
    /// The score the crate gives `pattern` in `choice`, or None when its
    /// letters are not all there in order. Both must be ASCII and the
    /// pattern at most [`MAX_TERM`] bytes.
    pub fn score(&self, choice: &[u8], pattern: &[u8]) -> Option<i64> {
        if pattern.is_empty() {
            return Some(0);
        }
        let (s, first) = start(choice, pattern)?;
        let cols = choice.len() + 1;
        let mut bonus = self.bonus.borrow_mut();
        bonuses(choice, &mut bonus);
        let mut m = self.cells.borrow_mut();
        m.clear();
        m.resize(2 * cols, FRESH);
        m[cols + first[0]] = FRESH;
        for cell in &mut m[..cols] {
            *cell = Cell {
                p: GAP_EXTENSION,
                ..FRESH
            };
        }
        let bonus = bonus.as_slice();
        for (i, &p_ch) in pattern.iter().enumerate() {
            // Row i + 1 is written over the older of the two rows; row i is read.
            let (even, odd) = m.split_at_mut(cols);
            let (row, prev) = if i % 2 == 0 {
                (odd, &*even)
            } else {
                (even, &*odd)
            };
            let start = first[i] + 1;
            // The cell to the left, carried along: its bonus may be raised.
            let mut last = row[start - 1];
            for col in start..cols {
                let mut cur = row[col];
                if let Some(matched) = s.matched(choice[col - 1], p_ch) {
                    let consecutive = s.consecutive(last.bonus, bonus[col]);
                    last.bonus = consecutive;
                    let diag = prev[col - 1];
                    cur.m = (diag.m + consecutive).max(diag.p + bonus[col]) + matched;
                } else {
                    cur.m = NEG;
                    cur.bonus = 0;
                }
                cur.p = (GAP_START + GAP_EXTENSION + last.m).max(GAP_EXTENSION + last.p);
                row[col - 1] = last;
                last = cur;
            }
            row[cols - 1] = last;
        }
        let last_row = (pattern.len() & 1) * cols;
        let best = m[last_row + first[pattern.len() - 1]..last_row + cols]
            .iter()
            .map(|c| c.m)
            .max()?;
        Some(i64::from(best))
    }
}

/// What both passes start from (this one and the full one of
/// [`super::skim_path`]): how letters compare, and where each letter of the
/// pattern is first found in order; None when they are not all there.
pub(super) fn start(choice: &[u8], pattern: &[u8]) -> Option<(Scoring, [usize; MAX_TERM])> {
    debug_assert!(choice.is_ascii() && pattern.is_ascii() && pattern.len() <= MAX_TERM);
    let s = Scoring::new(pattern);
    let mut first = [0usize; MAX_TERM];
    first_places(choice, pattern, |c, p| s.equal(c, p), &mut first).then_some((s, first))
}

/// Where each letter of the pattern is first found in order, written into
/// `first` (in place: this runs for every field scored); false when they are
/// not all there.
fn first_places(
    choice: &[u8],
    pattern: &[u8],
    equal: impl Fn(u8, u8) -> bool,
    first: &mut [usize; MAX_TERM],
) -> bool {
    let mut k = 0;
    for (j, &c) in choice.iter().enumerate() {
        if k == pattern.len() {
            break;
        }
        if equal(c, pattern[k]) {
            first[k] = j;
            k += 1;
        }
    }
    k == pattern.len()
}

/// Each column's bonus by what comes before its char (column 0 is before
/// the text), the first char's doubled.
pub(super) fn bonuses(choice: &[u8], bonus: &mut Vec<i32>) {
    bonus.clear();
    bonus.resize(choice.len() + 1, 0);
    let mut prev = 0u8;
    for (j, &c) in choice.iter().enumerate() {
        bonus[j + 1] = in_place(class(prev), class(c));
        prev = c;
    }
    if bonus.len() > 1 {
        bonus[1] *= FIRST_CHAR_MULTIPLIER;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    fn same(choice: &str, pattern: &str) {
        let crate_score = SkimMatcherV2::default().fuzzy_match(choice, pattern);
        let ours = Skim::default().score(choice.as_bytes(), pattern.as_bytes());
        assert_eq!(ours, crate_score, "{pattern:?} in {choice:?}");
    }

    /// Texts like the ones searched: words, separators, doubled letters, case.
    #[test]
    fn known_texts_score_as_the_crate_scores_them() {
        for choice in [
            "lyonbiopole",
            "cellular llo lyon",
            "ally only yolo",
            "Oncomed Antwerpen",
            "garcia diagnosticos s.a.",
            "in vitro diagnostics",
            "a-llo yo",
            "fooBar 2baz/qux(x)",
            "",
            "l",
        ] {
            for pattern in ["lyo", "lyon", "llo", "ly", "o", "dia", "Bar", "xq", "aaaa"] {
                same(choice, pattern);
            }
        }
    }

    proptest! {
        /// Any ASCII text, any term of up to six letters: the crate's score.
        #[test]
        fn random_texts_score_as_the_crate_scores_them(
            choice in "[a-dA-D0-9 ._/(-]{0,40}",
            pattern in "[a-dA-D0-9 .]{1,6}",
        ) {
            same(&choice, &pattern);
        }

        /// A term taken from the text itself (so it always matches), scattered
        /// or in runs, its case changed or not.
        #[test]
        fn terms_taken_from_the_text_score_as_the_crate_scores_them(
            choice in "[a-dA-D0-9 ._/(-]{1,40}",
            picks in proptest::collection::vec(any::<bool>(), 40),
            upper in any::<bool>(),
        ) {
            let mut pattern: String = choice
                .chars()
                .zip(&picks)
                .filter(|&(_, &pick)| pick)
                .map(|(c, _)| c)
                .take(MAX_TERM)
                .collect();
            if upper {
                pattern = pattern.to_ascii_uppercase();
            }
            prop_assume!(!pattern.is_empty());
            same(&choice, &pattern);
        }

        /// Scratch rows reused from one call to the next change nothing.
        #[test]
        fn one_scorer_for_many_calls_scores_each_alike(
            pairs in proptest::collection::vec(("[a-c ]{0,20}", "[a-c]{1,4}"), 1..8),
        ) {
            let skim = Skim::default();
            for (choice, pattern) in &pairs {
                let alone = SkimMatcherV2::default().fuzzy_match(choice, pattern);
                prop_assert_eq!(skim.score(choice.as_bytes(), pattern.as_bytes()), alone);
            }
        }
    }
}
