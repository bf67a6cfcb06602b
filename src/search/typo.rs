//! The typo fallback: a term that matches nothing may be a misspelt word of a
//! name or alias (`minalogik`, `medika`). Words within a small edit distance
//! (1 for words up to 5 letters, 2 beyond) count, ranked below true matches.

use super::Field;
use super::index::Index;

/// How many edits a term of this many chars may be away from a word.
pub fn allowed(chars: usize) -> usize {
    match chars {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    }
}

/// Optimal string alignment distance (a swap of neighbours is one edit), or
/// None as soon as it must exceed `max`.
pub fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev2: Vec<usize> = Vec::new();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
        }
        if cur.iter().min().is_some_and(|&m| m > max) {
            return None;
        }
        prev2 = std::mem::replace(&mut prev, cur);
    }
    (prev[b.len()] <= max).then_some(prev[b.len()])
}

/// A name or alias word near a term: (entity, field, char offset of the word, edit distance).
pub type Near = (u32, Field, u32, usize);

/// Every name or alias word within the allowed distance of `term`.
pub fn candidates(ix: &Index, term: &str) -> Vec<Near> {
    let t: Vec<char> = term.chars().collect();
    let max = allowed(t.len());
    if max == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (word, places) in &ix.words {
        let w: Vec<char> = word.chars().collect();
        if let Some(d) = distance(&t, &w, max).filter(|&d| d > 0) {
            out.extend(places.iter().map(|&(e, f, o)| (e, f, o, d)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str) -> Option<usize> {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        distance(&a, &b, 2)
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(d("minalogik", "minalogic"), Some(1));
        assert_eq!(d("medika", "medica"), Some(1));
        assert_eq!(d("biowni", "biowin"), Some(1));
        assert_eq!(d("lyonbiopol", "lyonbiopole"), Some(1));
        assert_eq!(d("abc", "xyz"), None);
    }

    #[test]
    fn short_words_allow_fewer_edits() {
        assert_eq!(allowed(2), 0);
        assert_eq!(allowed(5), 1);
        assert_eq!(allowed(9), 2);
    }
}
