//! What the user adds to a search: their notes, searched as text of their
//! entity, and how often and lately they opened each entity (frecency). Notes
//! are few, so they are a small list matched once per query word beside the
//! index, never inside its loops over entities; frecency only orders hits the
//! index ranks equal (same score, same field), so it never lifts a weaker
//! match over a better one.

use super::fieldmatch::{self, Class};
use super::fold;
use super::literal::literal;
use super::syntax::MatchMode;
use super::{Field, Hit};
use crate::model::Dataset;

/// One note as the search reads it: its entity, its text, folded with the way
/// back to the text's chars for highlights.
#[derive(Debug, Clone)]
struct NoteText {
    entity: u32,
    text: String,
    folded: String,
    origin: Vec<u32>,
}

/// The user's notes and frecency scores, by entity of the open dataset.
#[derive(Debug, Clone, Default)]
pub struct Personal {
    /// By entity; each entity's notes in the order given.
    notes: Vec<NoteText>,
    /// Each entity's score by its number, up to the last entity that has
    /// one: read in the ordering's comparisons, so a lookup must be cheap.
    frecency: Vec<f64>,
}

/// The best note of an entity for one query word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct NoteMatch {
    pub entity: u32,
    /// Its place in [`Personal`]'s list of notes.
    pub note: u32,
    pub score: i64,
}

impl Personal {
    /// Notes as (entity, text), in the order they should be numbered per
    /// entity (`Field::Note(i)` is an entity's i-th), and frecency scores.
    pub fn new(
        notes: impl IntoIterator<Item = (usize, String)>,
        frecency: impl IntoIterator<Item = (usize, f64)>,
    ) -> Personal {
        let mut notes: Vec<NoteText> = notes
            .into_iter()
            .map(|(e, text)| {
                let f = fold::fold(&text);
                NoteText {
                    entity: e as u32,
                    text,
                    folded: f.text,
                    origin: f.origin,
                }
            })
            .collect();
        notes.sort_by_key(|n| n.entity);
        let scores: Vec<(usize, f64)> = frecency
            .into_iter()
            .filter(|(_, s)| s.is_finite() && *s > 0.0)
            .collect();
        let len = scores.iter().map(|&(e, _)| e + 1).max().unwrap_or(0);
        let mut frecency = vec![0.0_f64; len];
        for (e, s) in scores {
            frecency[e] = frecency[e].max(s);
        }
        Personal { notes, frecency }
    }

    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.frecency.is_empty()
    }

    /// The first of an entity's notes in the list, and how many it has.
    fn range(&self, e: u32) -> std::ops::Range<usize> {
        let from = self.notes.partition_point(|n| n.entity < e);
        let to = self.notes.partition_point(|n| n.entity <= e);
        from..to
    }

    /// The text of an entity's i-th note (a hit's `Field::Note(i)`).
    pub fn note_text(&self, entity: usize, i: u16) -> &str {
        let r = self.range(entity as u32);
        self.notes
            .get(r.start + usize::from(i))
            .filter(|_| usize::from(i) < r.len())
            .map_or("", |n| n.text.as_str())
    }

    /// The text a hit matched: a note's, or the dataset's field.
    pub fn hit_text<'a>(&'a self, ds: &'a Dataset, hit: &Hit) -> &'a str {
        match hit.field {
            Field::Note(i) => self.note_text(hit.entity, i),
            f => f.text(ds, hit.entity),
        }
    }

    /// How often and lately the entity was opened; 0 when never.
    pub fn frecency(&self, e: u32) -> f64 {
        self.frecency.get(e as usize).copied().unwrap_or(0.0)
    }

    /// Each entity's best note for a word, by entity. A word is matched as
    /// prose is: as typed (three letters or more for a plain word).
    pub(super) fn matches(&self, text: &str, mode: MatchMode) -> Vec<NoteMatch> {
        let mut out: Vec<NoteMatch> = Vec::new();
        for (i, n) in self.notes.iter().enumerate() {
            let Some(score) = note_score(&n.folded, text, mode) else {
                continue;
            };
            let m = NoteMatch {
                entity: n.entity,
                note: i as u32,
                score,
            };
            match out.last_mut() {
                Some(last) if last.entity == n.entity => {
                    if score > last.score {
                        *last = m;
                    }
                }
                _ => out.push(m),
            }
        }
        out
    }

    /// Folded char positions of a word in a note, for highlights.
    pub(super) fn positions(&self, note: u32, text: &str, mode: MatchMode) -> Vec<usize> {
        let Some(n) = self.notes.get(note as usize) else {
            return Vec::new();
        };
        literal(
            &n.folded,
            text,
            as_prose(text, mode).unwrap_or(mode),
            None,
            true,
        )
        .map_or_else(Vec::new, |(_, _, idx)| idx)
    }

    /// A note's field and its folded positions as positions in its text.
    pub(super) fn field_of(&self, note: u32, folded: &[usize]) -> (Field, Vec<usize>) {
        let Some(n) = self.notes.get(note as usize) else {
            return (Field::Note(0), Vec::new());
        };
        let first = self.range(n.entity).start;
        let i = u16::try_from(note as usize - first).unwrap_or(u16::MAX);
        (Field::Note(i), fold::to_original(&n.origin, folded))
    }

    /// Whether one of the entity's notes holds the folded text (`note:` scope).
    pub(super) fn entity_has(&self, e: u32, folded: &str) -> bool {
        self.notes[self.range(e)]
            .iter()
            .any(|n| n.folded.contains(folded))
    }

    /// The entity's first note holding the folded text (`note:` scope).
    pub(super) fn note_with(&self, e: u32, folded: &str) -> Option<u32> {
        let r = self.range(e);
        let first = r.start;
        (self.notes[r].iter())
            .position(|n| n.folded.contains(folded))
            .map(|i| (first + i) as u32)
    }

    /// The entities with a note holding the folded text, ascending.
    pub(super) fn entities_with(&self, folded: &str) -> Vec<u32> {
        let mut v: Vec<u32> = (self.notes.iter())
            .filter(|n| n.folded.contains(folded))
            .map(|n| n.entity)
            .collect();
        v.dedup();
        v
    }
}

/// The mode a word is looked for in prose with: a plain word as typed, and
/// not at all under three letters (they would match nearly every note).
fn as_prose(text: &str, mode: MatchMode) -> Option<MatchMode> {
    match mode {
        MatchMode::Fuzzy if text.chars().count() < 3 => None,
        MatchMode::Fuzzy => Some(MatchMode::Exact),
        other => Some(other),
    }
}

/// A word's score in a note's folded text, in the class and weight of prose.
fn note_score(folded: &str, text: &str, mode: MatchMode) -> Option<i64> {
    let (raw, _, _) = literal(folded, text, as_prose(text, mode)?, None, false)?;
    Some(fieldmatch::score(Class::Tight, raw, Field::Note(0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn personal() -> Personal {
        Personal::new(
            [
                (7, "Wants to talk about Chine in March".to_string()),
                (3, "ask Lieve Apers".to_string()),
                (7, "China, then Japan".to_string()),
            ],
            [(3, 2.0), (9, 0.0)],
        )
    }

    #[test]
    fn notes_are_numbered_per_entity_in_the_order_given() {
        let p = personal();
        assert_eq!(p.note_text(7, 0), "Wants to talk about Chine in March");
        assert_eq!(p.note_text(7, 1), "China, then Japan");
        assert_eq!(p.note_text(3, 0), "ask Lieve Apers");
        assert_eq!(p.note_text(3, 1), "", "entity 3 has one note");
        assert_eq!(p.note_text(5, 0), "");
    }

    #[test]
    fn a_word_matches_a_note_as_typed_and_the_best_note_of_each_entity_is_kept() {
        let p = personal();
        let m = p.matches("chin", MatchMode::Fuzzy);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].entity, 7);
        assert!(
            p.matches("ch", MatchMode::Fuzzy).is_empty(),
            "two letters match no note"
        );
        assert!(
            p.matches("cna", MatchMode::Fuzzy).is_empty(),
            "no scattered letters"
        );
        let m = p.matches("lieve", MatchMode::Fuzzy);
        let (field, at) = p.field_of(
            m[0].note,
            &p.positions(m[0].note, "lieve", MatchMode::Fuzzy),
        );
        assert_eq!((field, at), (Field::Note(0), vec![4, 5, 6, 7, 8]));
    }

    #[test]
    fn the_note_scope_and_frecency_read_by_entity() {
        let p = personal();
        assert!(p.entity_has(7, "japan"));
        assert!(!p.entity_has(3, "japan"));
        assert_eq!(p.entities_with("a"), vec![3, 7]);
        assert_eq!(p.frecency(3), 2.0);
        assert_eq!(p.frecency(9), 0.0, "a score of zero is no score");
        assert_eq!(p.frecency(4), 0.0);
    }
}
