//! Search over the dataset: folding, the fzf-like query syntax, the index built
//! once at load, ranking (typos, initials and synonyms included), per-keystroke
//! narrowing, name resolution for `show` and `path`, and answers to questions
//! ("who coordinates MAGIA"). The only module that uses fuzzy-matcher;
//! everything outside sees our own [`Query`], [`Hit`], [`Index`], [`Searcher`]
//! and [`Answer`].

pub mod answer;
mod fieldmatch;
mod flat;
pub mod fold;
mod index;
pub mod labels;
mod letters;
mod literal;
mod matcher;
mod matching;
mod memo;
pub mod names;
mod personal;
mod placed;
mod prefilter;
mod prepared;
mod rank;
mod resolve;
mod score;
mod searcher;
mod skim;
mod skim_path;
pub mod syntax;
mod typo;
mod unmatched;

#[cfg(test)]
mod tests;

pub use answer::Answer;
pub use index::{Exact, Index, halves};
pub use matcher::Matcher;
use memo::Memo;
pub use personal::Personal;
pub use resolve::{Resolution, resolve, resolve_named};
pub use searcher::Searcher;
pub use syntax::Query;
pub use unmatched::Unmatched;

use crate::model::{Dataset, Entity};

/// Which text of an entity a hit matched, best-ranked first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Field {
    Name,
    /// Index into the entity's aliases.
    Alias(u16),
    Id,
    /// Index into the entity's tags.
    Tag(u16),
    /// A place the entity is in (index into `Dataset::places_of`).
    Place(u16),
    /// A label of the entity's relations, read from it (see [`labels`]).
    Relation(u8),
    /// Index into the entity's facts; matches the label.
    FactLabel(u16),
    Description,
    /// Index into the entity's facts; matches the value.
    Fact(u16),
    /// The user's i-th note on the entity (see [`Personal::note_text`]).
    Note(u16),
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Alias(_) => "alias",
            Field::Id => "id",
            Field::Tag(_) => "tag",
            Field::Place(_) => "place",
            Field::Relation(_) => "relation",
            Field::FactLabel(_) => "label",
            Field::Description => "description",
            Field::Fact(_) => "fact",
            Field::Note(_) => "note",
        }
    }

    /// Descriptions, fact values and notes: matched as typed (the first two
    /// kept in the index's own buffer).
    pub fn is_prose(self) -> bool {
        matches!(self, Field::Description | Field::Fact(_) | Field::Note(_))
    }

    /// A name or an alias: what typos, initials and exact hits are about.
    pub fn is_name(self) -> bool {
        matches!(self, Field::Name | Field::Alias(_))
    }

    /// Rank for ordering equal scores: names before aliases before tags ...
    pub fn rank(self) -> u8 {
        match self {
            Field::Name => 0,
            Field::Alias(_) => 1,
            Field::Id => 2,
            Field::Tag(_) => 3,
            Field::Place(_) => 4,
            Field::Relation(_) => 5,
            Field::FactLabel(_) => 6,
            Field::Description => 7,
            Field::Fact(_) => 8,
            Field::Note(_) => 9,
        }
    }

    /// The original (unfolded) text of this field of an entity. A note is the
    /// user's, not the dataset's: its text is [`Personal::note_text`].
    pub fn text(self, ds: &Dataset, entity: usize) -> &str {
        let place = |i: usize| {
            let places = ds.places_of(entity);
            places.get(i).map(|&p| ds.entity(p).name.as_ref())
        };
        self.text_in(ds.entity(entity), place)
    }

    /// The text this field names in `e`, the names of its places given by
    /// `place` (nearest first, as [`Index::place`] numbers them).
    pub fn text_in<'a>(
        self,
        e: &'a Entity,
        place: impl FnOnce(usize) -> Option<&'a str>,
    ) -> &'a str {
        match self {
            Field::Name => &e.name,
            Field::Alias(i) => e.aliases.get(usize::from(i)).map_or("", String::as_str),
            Field::Id => &e.id,
            Field::Tag(i) => e.tags.get(usize::from(i)).map_or("", String::as_str),
            Field::Place(i) => place(usize::from(i)).unwrap_or(""),
            Field::Relation(n) => labels::text(n),
            Field::FactLabel(i) => e.facts.get(usize::from(i)).map_or("", |f| f.label.as_str()),
            Field::Description => &e.description,
            Field::Fact(i) => e.facts.get(usize::from(i)).map_or("", |f| f.value.as_str()),
            Field::Note(_) => "",
        }
    }
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entity: usize,
    pub score: i64,
    /// The field whose match counts most for this hit.
    pub field: Field,
    /// Matched positions, as char indices into `field.text(..)` (for highlighting).
    pub indices: Vec<usize>,
}

/// A query that could not be understood; the message says what is valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct QueryError(pub String);

impl Index {
    /// Every entity matching the query, best first, each with its highlight.
    /// An empty query matches nothing.
    pub fn search(&self, query: &Query) -> Result<Vec<Hit>, QueryError> {
        self.search_with(query, &Personal::default(), usize::MAX)
    }

    /// The best `limit` hits only (highlights are computed for these alone).
    pub fn search_top(&self, query: &Query, limit: usize) -> Result<Vec<Hit>, QueryError> {
        self.search_with(query, &Personal::default(), limit)
    }

    /// The best `limit` hits, the user's notes searched too and their
    /// frecency breaking ties.
    pub fn search_with(
        &self,
        query: &Query,
        personal: &Personal,
        limit: usize,
    ) -> Result<Vec<Hit>, QueryError> {
        Ok(rank::run(self, query, personal, None, limit)?.hits)
    }
}
