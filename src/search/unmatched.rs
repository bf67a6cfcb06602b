//! Why a query of several words found nothing. In a meeting, "eurobiomed
//! marseille" giving "no match" leaves the user guessing which word is at
//! fault; the sources may simply never mention Marseille. The words that
//! find nothing even alone are named, so the user drops them (or learns
//! that the sources are silent) instead of retyping the name.

use super::index::Index;
use super::personal::Personal;
use super::syntax::{AtomKind, MatchMode, Query};

/// Why the words of `query`, which found nothing together, found nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unmatched {
    /// These words, as typed, find nothing even alone (the others do).
    Words(Vec<String>),
    /// Each word finds something alone, but no entity has them all.
    NotTogether,
    /// No word finds anything, even alone.
    Nowhere,
}

impl Index {
    /// For a query of two or more plain words that found nothing: which of
    /// them find nothing alone. `None` for any other query (one word, or
    /// scopes and operators, which say what they rule out themselves).
    pub fn unmatched(&self, query: &Query, personal: &Personal) -> Option<Unmatched> {
        let mut words = Vec::new();
        for group in &query.groups {
            let [atom] = group.as_slice() else {
                return None;
            };
            match &atom.kind {
                AtomKind::Term {
                    text,
                    mode: MatchMode::Fuzzy,
                } if !atom.negate => {
                    if !atom.optional {
                        words.push(text.as_str());
                    }
                }
                _ => return None,
            }
        }
        if words.len() < 2 {
            return None;
        }
        let finds_nothing = |word: &str| {
            Query::parse(word)
                .ok()
                .and_then(|q| self.search_with(&q, personal, 1).ok())
                .is_some_and(|hits| hits.is_empty())
        };
        let lost: Vec<String> = (words.iter())
            .filter(|w| finds_nothing(w))
            .map(|w| w.to_string())
            .collect();
        Some(match lost.len() {
            0 => Unmatched::NotTogether,
            n if n == words.len() => Unmatched::Nowhere,
            _ => Unmatched::Words(lost),
        })
    }
}
