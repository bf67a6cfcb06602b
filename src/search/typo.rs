//! Typos: a query word may be a misspelt word of a name or alias
//! (`minalogik`, `ingleheim`, `archinrad`). Words within a small edit distance
//! (1 for words up to 5 letters, 2 beyond; a swap of neighbours is one edit)
//! count, scored alongside every other match (see [`super::fieldmatch`]).

use super::Field;
use super::fieldmatch::{self, Class};
use super::index::Index;

/// How many edits a word of this many chars may be away from a name word.
pub fn allowed(chars: usize) -> usize {
    match chars {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    }
}

/// An entity with a name or alias word a typo away from a query word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Near {
    pub entity: u32,
    /// The word, by its number in the list [`candidates`] gives.
    pub word: u32,
    pub distance: u32,
}

/// The name and alias words within reach of `term`, and the entities that
/// have them (ascending, the nearest word first for each). The edits allowed
/// go by the shorter of the two words (`h2care` is no typo of `icare`). A
/// word that holds the term as typed is left out: the term matches it as it is.
pub fn candidates(ix: &Index, term: &str) -> (Vec<String>, Vec<Near>) {
    let term_chars = term.chars().count();
    let max = allowed(term_chars);
    if max == 0 {
        return (Vec::new(), Vec::new());
    }
    let (mut words, mut out) = (Vec::new(), Vec::new());
    for (distance, word, entities) in ix.near_words(term, max) {
        let chars = word.chars().count();
        if word.contains(term) || distance > allowed(chars.min(term_chars)) {
            continue;
        }
        let n = words.len() as u32;
        words.push(word);
        out.extend(entities.iter().map(|&entity| Near {
            entity,
            word: n,
            distance: distance as u32,
        }));
    }
    out.sort_unstable_by_key(|n| (n.entity, n.distance, n.word));
    (words, out)
}

/// A typo's score: a [`Class::Typo`] match, worth what a word of `chars`
/// chars would be worth typed right in `field` of `field_chars` chars (the
/// word covering more of a short name says more about it), less for each edit.
pub fn score(chars: usize, distance: u32, field: Field, field_chars: usize) -> i64 {
    let chars = chars as i64;
    let coverage = fieldmatch::COVERAGE * chars / field_chars.max(1) as i64;
    let raw = 16 * chars + 24 + coverage - 20 * i64::from(distance);
    fieldmatch::score(Class::Typo, raw, field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_allow_fewer_edits() {
        assert_eq!(allowed(2), 0);
        assert_eq!(allowed(5), 1);
        assert_eq!(allowed(9), 2);
    }

    #[test]
    fn the_nearer_typo_scores_higher_and_below_a_word_typed_right() {
        let near = |distance, field_chars| score(9, distance, Field::Name, field_chars);
        assert!(near(1, 20) > near(2, 20));
        assert!(near(1, 9) > near(1, 40), "a shorter name");
        assert!(near(1, 9) < fieldmatch::word_start_score(Field::Name, 3));
    }
}
