//! Why a query of several words found nothing. In a meeting, "eurobiomed
//! marseille" giving "no match" leaves the user guessing which word is at
//! fault; the sources may simply never mention Marseille. The words that
//! find nothing even alone are named, so the user drops them (or learns
//! that the sources are silent) instead of retyping the name.

use super::index::Index;
use super::personal::Personal;
use super::syntax::Query;

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

/// The reason as a clause, its words quoted as folded; a writer to a
/// terminal cleans it as any text that holds what was typed.
impl std::fmt::Display for Unmatched {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unmatched::Words(words) => {
                let quoted: Vec<String> = words.iter().map(|w| quoted(w)).collect();
                let drop = if words.len() == 1 { "it" } else { "them" };
                write!(
                    f,
                    "no entity holds {}; try without {drop}",
                    quoted.join(", ")
                )
            }
            Unmatched::NotTogether => {
                write!(
                    f,
                    "each word is found, but no entity has them all; try fewer words"
                )
            }
            Unmatched::Nowhere => write!(f, "no entity holds any of its words"),
        }
    }
}

/// The most words looked up one by one.
const MAX_WORDS: usize = 8;

/// A word in quotes, cut short: a pasted query may hold a word of pages.
fn quoted(word: &str) -> String {
    const MAX: usize = 40;
    let mut head: String = word.chars().take(MAX).collect();
    if head.len() < word.len() {
        head.push('…');
    }
    format!("\"{head}\"")
}

impl Index {
    /// [`Index::unmatched`] for a query line as typed.
    pub fn unmatched_line(&self, line: &str, personal: &Personal) -> Option<Unmatched> {
        self.unmatched(&Query::parse(line).ok()?, personal)
    }

    /// For a query of two to eight plain words that found nothing: which of
    /// them find nothing alone. `None` for any other query (one word, a
    /// paste of many, or scopes and operators, which say what they rule out
    /// themselves).
    pub fn unmatched(&self, query: &Query, personal: &Personal) -> Option<Unmatched> {
        let words = query.needed_words()?;
        // A paste of many words is not asked about word by word: each word
        // is a search of its own.
        if !(2..=MAX_WORDS).contains(&words.len()) {
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
