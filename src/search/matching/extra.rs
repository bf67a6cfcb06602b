//! The matches of a word beyond the text of an entity's fields: its relation
//! labels, a typo of a name or alias word, the initials of a name or alias,
//! the user's notes on it, and an optional word (a stop word) starting a
//! name word.

use super::super::fieldmatch::{self, Class, in_label};
use super::super::index::Index;
use super::super::index::words;
use super::super::labels;
use super::super::prepared::{Prepared, PreparedWord};
use super::super::syntax::MatchMode;
use super::super::{Field, fold, literal, typo};
use super::{AtomMatch, Lead, Pass};

/// The word's matches beyond the entity's fields: its relation labels, a
/// typo of a name or alias word, the initials of a name or alias.
pub(super) fn extra_matches(
    ix: &Index,
    w: &PreparedWord,
    e: usize,
    indices: bool,
    maybe: bool,
) -> Vec<(i64, AtomMatch)> {
    let mut out = Vec::new();
    // Most words match no label, and most entities no typo nor initials
    // (`maybe`: the search's own list of those entities holds `e`).
    let maybe = maybe && !(w.typos.is_empty() && w.initials.is_empty());
    if w.label_mask == 0 && !maybe {
        return out;
    }
    let mut bits = ix.relation_labels(e) & w.label_mask;
    while bits != 0 {
        let n = bits.trailing_zeros() as u8;
        bits &= bits - 1;
        let raw = w.label_scores.get(usize::from(n)).copied().unwrap_or(0);
        let score = fieldmatch::score(Class::Tight, raw, Field::Relation(n));
        let folded = match indices {
            true => in_label(&fold::fold_str(labels::text(n)), w.text, MatchMode::Fuzzy)
                .map_or_else(Vec::new, |(_, f)| f),
            false => Vec::new(),
        };
        let lead = Some(Lead::Relation(n));
        out.push((
            score,
            AtomMatch {
                score,
                lead,
                folded,
                rematch: false,
            },
        ));
    }
    if !maybe {
        return out;
    }
    if let Some(m) = typo_match(ix, w, e, indices) {
        out.push(m);
    }
    if let Some(m) = initials_match(ix, w, e, indices) {
        out.push(m);
    }
    out
}

/// The entity's best note holding the word, if the user wrote one (the
/// notes were matched once per word, see [`PreparedWord::notes`]).
pub(super) fn note_match(
    p: &Prepared,
    w: &PreparedWord,
    e: usize,
    mode: MatchMode,
    indices: bool,
) -> Option<AtomMatch> {
    if w.notes.is_empty() {
        return None;
    }
    let i = w
        .notes
        .binary_search_by_key(&(e as u32), |n| n.entity)
        .ok()?;
    let n = w.notes[i];
    let folded = match indices {
        true => p.personal.positions(n.note, w.text, mode),
        false => Vec::new(),
    };
    Some(AtomMatch {
        score: n.score,
        lead: Some(Lead::Note(n.note)),
        folded,
        rematch: false,
    })
}

/// The entity's best name or alias word a typo away from the word: the
/// nearest, in the shortest name ("Rinascimento" over its long name).
fn typo_match(ix: &Index, w: &PreparedWord, e: usize, indices: bool) -> Option<(i64, AtomMatch)> {
    let from = w.typos.partition_point(|t| (t.entity as usize) < e);
    let to = w.typos.partition_point(|t| (t.entity as usize) <= e);
    // Most entities scored have no name word a typo away: nothing to read.
    if from == to {
        return None;
    }
    let first = ix.first_span(e);
    let names = ix
        .fields(e)
        .iter()
        .enumerate()
        .filter(|(_, s)| s.field.is_name());
    let mut best: Option<(i64, usize, u32, usize)> = None;
    for (i, s) in names {
        let text = ix.text(s);
        let field_chars = text.chars().count();
        for (offset, word) in words::split(text) {
            for t in &w.typos[from..to] {
                if w.typo_words
                    .get(t.word as usize)
                    .is_some_and(|tw| tw == word)
                {
                    let chars = word.chars().count();
                    let score = typo::score(chars, t.distance, s.field, field_chars);
                    if best.is_none_or(|b| score > b.0) {
                        best = Some((score, first + i, offset, chars));
                    }
                }
            }
        }
    }
    let (score, span, offset, chars) = best?;
    let folded = match indices {
        true => (offset as usize..offset as usize + chars).collect(),
        false => Vec::new(),
    };
    let lead = Some(Lead::Span(span));
    Some((
        score,
        AtomMatch {
            score,
            lead,
            folded,
            rematch: true,
        },
    ))
}

/// The entity's name or alias whose initials the word spells, if any.
fn initials_match(
    ix: &Index,
    w: &PreparedWord,
    e: usize,
    indices: bool,
) -> Option<(i64, AtomMatch)> {
    w.initials
        .binary_search_by_key(&(e as u32), |&(i, _)| i)
        .ok()?;
    let key = words::initials_key(w.text)?;
    let first = ix.first_span(e);
    let names = ix
        .fields(e)
        .iter()
        .enumerate()
        .filter(|(_, s)| s.field.is_name());
    let (i, s) = names
        .into_iter()
        .find(|(_, s)| words::initials(ix.text(s)).contains(&key))?;
    let raw = 16 * w.text.chars().count() as i64 + 24;
    let score = fieldmatch::score(Class::Typo, raw, s.field);
    let folded = match indices {
        true => initial_positions(ix.text(s), w.text),
        false => Vec::new(),
    };
    let lead = Some(Lead::Span(first + i));
    Some((
        score,
        AtomMatch {
            score,
            lead,
            folded,
            rematch: true,
        },
    ))
}

/// The first chars of the words whose initials spell `initials`: of every
/// word, or of the words left once small ones are dropped.
fn initial_positions(folded: &str, initials: &str) -> Vec<usize> {
    let all: Vec<(u32, &str)> = words::split(folded).collect();
    let big: Vec<(u32, &str)> = all
        .iter()
        .copied()
        .filter(|(_, w)| !words::is_small(w))
        .collect();
    [all, big]
        .into_iter()
        .find_map(|ws| {
            let spelt: String = ws.iter().filter_map(|(_, w)| w.chars().next()).collect();
            (spelt == initials).then(|| ws.iter().map(|&(o, _)| o as usize).collect())
        })
        .unwrap_or_default()
}

/// An optional word (a stop word beside others) adds to a name or alias it
/// starts a word of; anywhere else it is ignored.
pub(super) fn optional(ix: &Index, e: usize, text: &str, pass: Pass) -> Option<AtomMatch> {
    let indices = matches!(pass, Pass::Highlight);
    let first = ix.first_span(e);
    let fields = ix.fields(e).iter().enumerate();
    fields
        .filter(|(_, s)| s.field.is_name())
        .find_map(|(i, s)| {
            let (raw, _, folded) =
                literal::literal(ix.text(s), text, MatchMode::Prefix, None, indices)?;
            let score = fieldmatch::score(Class::Named, raw, s.field);
            let lead = Some(Lead::Span(first + i));
            Some(AtomMatch {
                score,
                lead,
                folded,
                rematch: false,
            })
        })
}
