//! fuzzy-matcher's skim match (v2, default settings, a fresh matcher) with
//! the positions it matched, redone on bytes for ASCII text: the full pass
//! over one row per letter of the term and the way back through it. A word
//! of five letters or more found scattered is matched this way to count its
//! pieces, and every hit shown is lit this way; the crate's version copies
//! both texts into char vectors and sorts each char through Unicode tables.
//! Every step mirrors the crate's, ties included, so the scores and positions
//! are the same (a test compares them on random texts); anything else goes to
//! the crate.

use std::cell::RefCell;

/// One cell of the full pass: the best score with the term's letter matched
/// here or skipped, which way each came, and the bonus carried to the next.
#[derive(Clone, Copy)]
struct Cell {
    m: i32,
    p: i32,
    bonus: i32,
    m_matched: bool,
    p_matched: bool,
}

const FRESH: Cell = Cell {
    m: super::skim::NEG,
    p: super::skim::NEG,
    bonus: 0,
    m_matched: false,
    p_matched: false,
};

/// Scratch kept from one call to the next (each call starts it afresh).
#[derive(Default)]
pub struct SkimPath {
    cells: RefCell<Vec<Cell>>,
    bonus: RefCell<Vec<i32>>,
}

impl SkimPath {
    /// The score and byte positions the crate gives `pattern` in `choice`, or
    /// None when its letters are not all there in order. Both must be ASCII
    /// and the pattern at most [`super::skim::MAX_TERM`] bytes.
    pub fn indices(&self, choice: &[u8], pattern: &[u8]) -> Option<(i64, Vec<usize>)> {
        let mut positions = Vec::with_capacity(pattern.len());
        let score = self.walk(choice, pattern, |j| positions.push(j))?;
        positions.reverse();
        Some((score, positions))
    }

    /// The score [`SkimPath::indices`] gives and how many separate runs its
    /// positions make, without keeping them (scoring alone needs no more).
    pub fn pieces(&self, choice: &[u8], pattern: &[u8]) -> Option<(i64, usize)> {
        let (mut pieces, mut next) = (0, usize::MAX);
        let score = self.walk(choice, pattern, |j| {
            if j + 1 != next {
                pieces += 1;
            }
            next = j;
        })?;
        Some((score, pieces))
    }

    /// The full pass and the way back: the score, each position matched
    /// given to `visit`, the last first.
    fn walk(&self, choice: &[u8], pattern: &[u8], mut visit: impl FnMut(usize)) -> Option<i64> {
        if pattern.is_empty() {
            return Some(0);
        }
        let (s, first) = super::skim::start(choice, pattern)?;
        let cols = choice.len() + 1;
        let mut bonus = self.bonus.borrow_mut();
        super::skim::bonuses(choice, &mut bonus);
        let mut m = self.cells.borrow_mut();
        m.clear();
        m.resize((pattern.len() + 1) * cols, FRESH);
        for cell in &mut m[..cols] {
            cell.p = super::skim::GAP_EXTENSION;
        }
        for (i, &p_ch) in pattern.iter().enumerate() {
            let (done, rest) = m.split_at_mut((i + 1) * cols);
            let prev = &done[i * cols..];
            let row = &mut rest[..cols];
            for col in first[i] + 1..cols {
                let c_ch = choice[col - 1];
                let last = row[col - 1];
                let mut cur = row[col];
                match s.matched(c_ch, p_ch) {
                    Some(matched) => {
                        let consecutive = s.consecutive(last.bonus, bonus[col]);
                        row[col - 1].bonus = consecutive;
                        let diag = prev[col - 1];
                        let (by_match, by_skip) = (diag.m + consecutive, diag.p + bonus[col]);
                        cur.m_matched = by_match >= by_skip;
                        cur.m = by_match.max(by_skip) + matched;
                    }
                    None => {
                        cur.m = super::skim::NEG;
                        cur.m_matched = false;
                        cur.bonus = 0;
                    }
                }
                let last_m = row[col - 1].m;
                let by_match = super::skim::GAP_START + super::skim::GAP_EXTENSION + last_m;
                let by_skip = super::skim::GAP_EXTENSION + last.p;
                cur.p_matched = by_match >= by_skip;
                cur.p = by_match.max(by_skip);
                row[col] = cur;
            }
        }
        // The crate keeps the last of equal bests.
        let last_row = &m[pattern.len() * cols..];
        let from = first[pattern.len() - 1];
        let (at, best) = (from..cols).fold((from, i32::MIN), |(at, best), j| {
            if last_row[j].m >= best {
                (j, last_row[j].m)
            } else {
                (at, best)
            }
        });
        let (mut i, mut j, mut track_m, mut matched) = (pattern.len(), at, true, true);
        while i > 0 && j > first[0] {
            if matched {
                visit(j - 1);
            }
            let cell = m[i * cols + j];
            matched = if track_m {
                cell.m_matched
            } else {
                cell.p_matched
            };
            if track_m {
                i -= 1;
            }
            j -= 1;
            track_m = matched;
        }
        Some(i64::from(best))
    }
}

#[cfg(test)]
mod tests {
    use super::super::skim::MAX_TERM;
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    fn same(choice: &str, pattern: &str) -> Result<(), TestCaseError> {
        let fresh = SkimMatcherV2::default().fuzzy_indices(choice, pattern);
        let path = SkimPath::default();
        let ours = path.indices(choice.as_bytes(), pattern.as_bytes());
        prop_assert_eq!(&ours, &fresh, "{:?} in {:?}", pattern, choice);
        // The pieces counted without the positions are the runs they make.
        let runs = fresh.map(|(score, at)| (score, super::super::matcher::runs(&at)));
        prop_assert_eq!(path.pieces(choice.as_bytes(), pattern.as_bytes()), runs);
        Ok(())
    }

    /// Texts like the ones searched: words, separators, doubled letters, case.
    #[test]
    fn known_texts_match_where_the_crate_matches_them() {
        for choice in [
            "lyonbiopole",
            "cellular llo lyon",
            "innovations medicales lyon sarl",
            "Oncomed Antwerpen",
            "a-llo yo",
            "fooBar 2baz/qux(x)",
            "",
            "l",
        ] {
            for pattern in [
                "lyo", "medice", "llo", "ly", "o", "Bar", "xq", "aaaa", "nnova",
            ] {
                same(choice, pattern).expect("same");
            }
        }
    }

    proptest! {
        /// Any ASCII text, any term of up to eight letters.
        #[test]
        fn random_texts_match_where_the_crate_matches_them(
            choice in "[a-dA-D0-9 ._/(-]{0,40}",
            pattern in "[a-dA-D0-9 .]{1,8}",
        ) {
            same(&choice, &pattern)?;
        }

        /// A term taken from the text itself (so it always matches), its case
        /// changed or not; one scratch for many calls.
        #[test]
        fn terms_taken_from_the_text_match_where_the_crate_matches_them(
            texts in proptest::collection::vec(("[a-cA-C ._-]{1,30}", any::<u32>()), 1..6),
            upper in any::<bool>(),
        ) {
            let path = SkimPath::default();
            for (choice, picks) in &texts {
                let mut pattern: String = (choice.chars().enumerate())
                    .filter(|(k, _)| picks >> (k % 32) & 1 == 1)
                    .map(|(_, c)| c)
                    .take(MAX_TERM)
                    .collect();
                if upper {
                    pattern = pattern.to_ascii_uppercase();
                }
                if pattern.is_empty() {
                    continue;
                }
                let fresh = SkimMatcherV2::default().fuzzy_indices(choice, &pattern);
                prop_assert_eq!(path.indices(choice.as_bytes(), pattern.as_bytes()), fresh);
            }
        }
    }
}
