//! How one query word matches one field, and how much that is worth. Fuzzy
//! matching (fuzzy-matcher's skim algorithm) is used on short fields: names,
//! aliases, ids, tags, places, fact labels. Prose (descriptions, fact values)
//! is matched as typed, since letters scattered over a paragraph match almost
//! anything.
//!
//! Every match has a class, and a better class always outranks a worse one
//! whatever the scores within them: the word as typed at the start of a word
//! of a name, alias or id; then a typo of a name or alias word (or its
//! initials); then the word as typed anywhere else; then letters in order,
//! apart. So a misspelt name is not lost behind letters scattered through
//! some long name or description.

use memchr::memmem;

use super::Field;
use super::index::{Index, Span};
use super::literal::{char_index, fits_pieces, in_order, is_word_start, literal, occurrence};
use super::matcher::{Matcher, runs};
use super::memo::Memo;
use super::skim::MAX_TERM;
use super::syntax::MatchMode;

/// What kind of match, worst first (see the module's doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// The letters in order, in a few pieces.
    Scattered = 0,
    /// The word as typed, not at the start of a name word.
    Tight = 1,
    /// A typo of a name or alias word, or the initials of a name or alias.
    Typo = 2,
    /// The word as typed at the start of a word of a name, alias or id.
    Named = 3,
}

/// The score between two classes: more than any score within one.
pub const CLASS_GAP: i64 = 10_000;

/// Score weight per field, in tenths: names outrank tags, which outrank prose.
fn weight(field: Field) -> i64 {
    match field {
        Field::Name => 30,
        Field::Alias(_) => 28,
        Field::Id => 20,
        Field::Tag(_) => 20,
        Field::Place(_) | Field::Relation(_) | Field::FactLabel(_) => 15,
        Field::Description | Field::Fact(_) | Field::Note(_) => 10,
    }
}

/// A word's score: its class, then the matcher's score weighted by the field.
pub fn score(class: Class, raw: i64, field: Field) -> i64 {
    let within = (raw.max(1) * weight(field) / 10).min(CLASS_GAP - 1);
    class as i64 * CLASS_GAP + within
}

/// A match of a synonym of the word typed: in the same class, worth half as
/// much, so that what was typed comes first ("santé" finds Cancer-Bio-Santé
/// before Health2CARE).
pub fn as_synonym(score: i64) -> i64 {
    let within = score.rem_euclid(CLASS_GAP);
    score - within + within / 2
}

/// What a word of `chars` letters scores at the start of a word of `field`:
/// the same sum [`term_in_field`] and [`score`] make for a prefix match there.
pub fn word_start_score(field: Field, chars: usize) -> i64 {
    let class = if named(field) {
        Class::Named
    } else {
        Class::Tight
    };
    score(class, 16 * chars as i64 + 24, field)
}

/// Fields where a word as typed at a word start is a [`Class::Named`] hit.
fn named(field: Field) -> bool {
    matches!(field, Field::Name | Field::Alias(_) | Field::Id)
}

/// The class of a word found as typed at byte `at` of a field's text.
fn as_typed(field: Field, hay: &str, at: usize) -> Class {
    if named(field) && is_word_start(hay, at) {
        Class::Named
    } else {
        Class::Tight
    }
}

/// How a word fared in one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldMatch {
    /// A match: its class, the matcher's score, and char positions in the
    /// field's folded text (when asked for).
    Match(Class, i64, Vec<usize>),
    /// No match, but a fuzzy word's letters are there in order: a longer word
    /// could match, so narrowing to the next keystroke must keep the entity
    /// (scores of scattered letters grow faster with a word's length than its
    /// thresholds do).
    NearMiss,
    Miss,
}

impl FieldMatch {
    /// As one number for the memo of shared texts (scores alone, no positions).
    pub fn to_memo(&self) -> i64 {
        match self {
            FieldMatch::Match(class, score, _) => {
                *class as i64 * CLASS_GAP + (*score).clamp(0, CLASS_GAP - 1)
            }
            FieldMatch::NearMiss => -1,
            FieldMatch::Miss => -2,
        }
    }

    /// Back from [`FieldMatch::to_memo`].
    pub fn from_memo(known: i64) -> FieldMatch {
        let class = match known / CLASS_GAP {
            0 => Class::Scattered,
            1 => Class::Tight,
            2 => Class::Typo,
            _ => Class::Named,
        };
        match known {
            -1 => FieldMatch::NearMiss,
            k if k < 0 => FieldMatch::Miss,
            k => FieldMatch::Match(class, k % CLASS_GAP, Vec::new()),
        }
    }
}

/// The bonus for a word that is the whole field, scaled down as the field grows.
pub const COVERAGE: i64 = 48;

/// The least skim score per query letter that counts as a match (a clean run
/// of letters scores about 20 per letter, scattered letters about 10).
const MIN_SCORE_PER_CHAR: i64 = 12;

/// A word to match: its folded text, mode, prepared substring search, and
/// number in the search's memo (None for a word the query was not prepared with).
#[derive(Clone, Copy)]
pub struct Word<'a> {
    pub text: &'a str,
    pub mode: MatchMode,
    pub finder: Option<&'a memmem::Finder<'a>>,
    pub number: Option<usize>,
}

/// Matches one word against one field. `memo`, when scoring, remembers the
/// scores of runs found as typed; highlights need `indices`.
pub fn term_in_field(
    skim: &Matcher,
    ix: &Index,
    span: &Span,
    word: Word,
    indices: bool,
    memo: Option<&Memo>,
) -> FieldMatch {
    let hay = ix.text(span);
    let (text, field) = (word.text, span.field);
    let found = |m: Option<(i64, usize, Vec<usize>)>| match m {
        Some((score, at, idx)) => FieldMatch::Match(as_typed(field, hay, at), score, idx),
        None => FieldMatch::Miss,
    };
    if word.mode != MatchMode::Fuzzy {
        return found(literal(hay, text, word.mode, word.finder, indices));
    }
    let chars = text.chars().count();
    // One or two letters match the start of a word of a name, alias, id or tag:
    // scattered single letters would match nearly everything and rank nothing well.
    if chars <= 2 {
        let short = named(field) || matches!(field, Field::Tag(_));
        return match short {
            true => found(literal(hay, text, MatchMode::Prefix, word.finder, indices)),
            false => FieldMatch::Miss,
        };
    }
    // Prose is matched as typed, by the vectorised search: no letter-by-letter walk.
    if field.is_prose() {
        return found(literal(hay, text, MatchMode::Exact, word.finder, indices));
    }
    if !in_order(hay.as_bytes(), text.as_bytes()) {
        return FieldMatch::Miss;
    }
    // A word that covers more of a short name says more about it than the same
    // letters inside a long one ("European Medtech Alliance" over MAGIA's long
    // name for `medtec aliance`). Counted only for a match: most fields whose
    // letters are in order are near misses.
    let bonus = || {
        let field_chars = hay.chars().count().max(1);
        COVERAGE * chars.min(field_chars) as i64 / field_chars as i64
    };
    // The word as typed, found by a vectorised search: the letters in one run are
    // the match a user means, scored by the matcher on that run and the char before
    // it (for the word-start bonus) instead of over the whole field.
    if let Some(at) = occurrence(hay, text, word.finder, false) {
        let class = as_typed(field, hay, at);
        let from = hay[..at].char_indices().next_back().map_or(at, |(i, _)| i);
        let run = &hay[from..at + text.len()];
        // Scoring only: the run's score depends on the char before it alone,
        // and thousands of fields share the few there are.
        if let (false, Some(memo), Some(n)) = (indices, memo, word.number) {
            let before = hay[from..at].chars().next();
            return match memo.run_score(n, before, || skim.score(run, text)) {
                Some(score) => FieldMatch::Match(class, score + bonus(), Vec::new()),
                None => FieldMatch::NearMiss,
            };
        }
        let Some((score, idx)) = skim.indices(run, text) else {
            return FieldMatch::NearMiss;
        };
        let idx = if indices {
            let offset = char_index(hay, from);
            idx.into_iter().map(|i| i + offset).collect()
        } else {
            Vec::new()
        };
        return FieldMatch::Match(class, score + bonus(), idx);
    }
    scattered(skim, hay, text, indices, bonus)
}

/// The word's letters in order but apart: a match only when they make few
/// pieces with a good score per letter (an abbreviation), else a near miss.
fn scattered(
    skim: &Matcher,
    hay: &str,
    text: &str,
    indices: bool,
    bonus: impl Fn() -> i64,
) -> FieldMatch {
    let chars = text.chars().count();
    let enough = |score: i64| score >= MIN_SCORE_PER_CHAR * chars as i64;
    // Up to four letters make at most as many pieces as the limit allows, so
    // scoring alone needs no positions, and the matcher's two-row pass will do.
    if !indices && chars <= 4 {
        return match skim.score(hay, text) {
            Some(score) if enough(score) => {
                FieldMatch::Match(Class::Scattered, score + bonus(), Vec::new())
            }
            _ => FieldMatch::NearMiss,
        };
    }
    // Letters scattered across a long name are noise, not a match: a low score
    // per letter, or more separate pieces than an abbreviation would have.
    let max_pieces = if chars <= 4 { chars } else { chars / 3 + 1 };
    // Most fields a longer word's letters are scattered over cannot give so
    // few pieces, whatever the matcher picks: no full pass for those.
    // (ASCII only: the matcher folds the case of other text its own way.)
    let ascii = hay.is_ascii() && text.is_ascii() && text.len() <= MAX_TERM;
    if ascii && !fits_pieces(hay.as_bytes(), text.as_bytes(), max_pieces) {
        return FieldMatch::NearMiss;
    }
    let found = match indices {
        true => (skim.indices(hay, text)).map(|(score, idx)| (score, runs(&idx), idx)),
        // Scoring alone: the pieces counted, no positions kept.
        false => (skim.pieces(hay, text)).map(|(score, pieces)| (score, pieces, Vec::new())),
    };
    let Some((score, pieces, idx)) = found else {
        return FieldMatch::NearMiss;
    };
    if !enough(score) || pieces > max_pieces {
        return FieldMatch::NearMiss;
    }
    FieldMatch::Match(Class::Scattered, score + bonus(), idx)
}

/// How a word matches a relation label (folded `label`): as typed at the start
/// of one of its words, for a word of three letters or more (fewer would
/// match every relation).
pub fn in_label(label: &str, text: &str, mode: MatchMode) -> Option<(i64, Vec<usize>)> {
    let mode = match mode {
        MatchMode::Fuzzy if text.chars().count() < 3 => return None,
        MatchMode::Fuzzy => MatchMode::Prefix,
        other => other,
    };
    literal(label, text, mode, None, true).map(|(score, _, idx)| (score, idx))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_better_class_outranks_any_score_in_a_worse_one() {
        let best_scattered = score(Class::Scattered, 9_999_999, Field::Name);
        let worst_tight = score(Class::Tight, 1, Field::Fact(0));
        assert!(best_scattered < worst_tight);
        let typo = score(Class::Typo, 1, Field::Alias(0));
        assert!(score(Class::Tight, 9_999_999, Field::Name) < typo);
        assert!(typo < score(Class::Named, 1, Field::Id));
    }
}
