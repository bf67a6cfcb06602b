//! fuzzy-matcher's skim scoring behind one small type of ours. The matcher
//! keeps its score matrix from one call to the next (fuzzy-matcher 0.3.7), and
//! one cell is read before it is written when two neighbouring characters of the
//! field are the same letter of the term (the `ll` of "Cellular" for `lyo`): it
//! then carries a bonus over from the field scored before, so a score, a
//! ranking, even whether typing a query letter by letter keeps a hit, would
//! depend on what was matched earlier. Such fields are scored by a fresh
//! matcher (its own switch to drop the matrix after each call panics in that
//! version); every score then depends on the field and the term alone.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::skim::{MAX_TERM, Skim};
use super::skim_path::SkimPath;

/// One thread's matcher: kept for the fields it scores alike either way.
#[derive(Default)]
pub struct Matcher {
    kept: SkimMatcherV2,
    /// The same score on bytes, for ASCII text (most folded text).
    bytes: Skim,
    /// The same positions on bytes, for ASCII text.
    path: SkimPath,
}

impl Matcher {
    /// The score alone: from our byte version of the matcher's two-row pass
    /// for ASCII text. Other text (rare once folded) takes the full pass: the
    /// crate's two-row pass can give it one point less than its full pass
    /// (`aab` in "éab- éb'é--- -b'-é--bbb  -éé'baéb": 12 against 13), and a
    /// ranking must not depend on which pass ran.
    pub fn score(&self, hay: &str, text: &str) -> Option<i64> {
        if hay.is_ascii() && text.is_ascii() && text.len() <= MAX_TERM {
            return self.bytes.score(hay.as_bytes(), text.as_bytes());
        }
        self.indices(hay, text).map(|(score, _)| score)
    }

    /// The score [`Matcher::indices`] gives and how many separate runs its
    /// positions make.
    pub fn pieces(&self, hay: &str, text: &str) -> Option<(i64, usize)> {
        if hay.is_ascii() && text.is_ascii() && text.len() <= MAX_TERM {
            return self.path.pieces(hay.as_bytes(), text.as_bytes());
        }
        let (score, at) = self.indices(hay, text)?;
        Some((score, runs(&at)))
    }

    /// The crate's `fuzzy_indices` as it comes, one matcher for every call:
    /// the benchmark's naive baseline (a score may then carry a bonus over
    /// from the call before; see above).
    pub fn plain_indices(&self, hay: &str, text: &str) -> Option<(i64, Vec<usize>)> {
        self.kept.fuzzy_indices(hay, text)
    }

    /// The score and the char positions matched: from our byte version of
    /// a fresh matcher's full pass for ASCII text (a char is a byte there).
    pub fn indices(&self, hay: &str, text: &str) -> Option<(i64, Vec<usize>)> {
        if hay.is_ascii() && text.is_ascii() && text.len() <= MAX_TERM {
            return self.path.indices(hay.as_bytes(), text.as_bytes());
        }
        if doubled(hay, text) {
            return SkimMatcherV2::default().fuzzy_indices(hay, text);
        }
        self.kept.fuzzy_indices(hay, text)
    }
}

/// How many separate runs of neighbours ascending positions make.
pub(super) fn runs(positions: &[usize]) -> usize {
    let breaks = positions.windows(2).filter(|w| w[1] != w[0] + 1).count();
    if positions.is_empty() { 0 } else { 1 + breaks }
}

/// Whether two neighbouring chars of `hay` are one and the same char of `text`
/// (compared as the matcher compares them, ASCII case aside).
fn doubled(hay: &str, text: &str) -> bool {
    let mut prev: Option<char> = None;
    for c in hay.chars() {
        if prev.is_some_and(|p| p.eq_ignore_ascii_case(&c))
            && text.chars().any(|t| t.eq_ignore_ascii_case(&c))
        {
            return true;
        }
        prev = Some(c);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A field's score is the same whatever was scored before it.
    #[test]
    fn a_score_does_not_depend_on_the_field_scored_before() {
        let words = [
            "hello lyon",
            "llyy oo",
            "a-llo yo",
            "lly",
            "x lllyyyooo",
            "ll-yy/oo",
            "lyon",
            "ally only yolo",
            "poly lyo",
            "cellular llo",
            "célula llo yó",
        ];
        let m = Matcher::default();
        for before in words {
            for field in words {
                for term in ["ly", "lyo", "lo", "yo", "llo"] {
                    let _ = m.score(before, "lly");
                    let _ = m.indices(before, "ayo");
                    let alone = Matcher::default().score(field, term);
                    assert_eq!(
                        m.score(field, term),
                        alone,
                        "{before:?}, then {field:?} for {term:?}"
                    );
                    let alone = Matcher::default().indices(field, term);
                    assert_eq!(
                        m.indices(field, term),
                        alone,
                        "{before:?}, then {field:?} for {term:?}"
                    );
                }
            }
        }
    }
}
