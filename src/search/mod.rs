//! Search over the dataset. The only module that uses fuzzy-matcher, behind our
//! own [`Query`], [`Hit`], [`Index`] and [`Searcher`] types.
//!
//! STUB: a plain substring match on names, so other modules can be built
//! against the API. The search issue replaces the inside, keeping the API.

use crate::model::Dataset;

/// Which text of an entity a hit matched, best-ranked first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Name,
    /// Index into the entity's aliases.
    Alias(u16),
    Id,
    /// Index into the entity's tags.
    Tag(u16),
    /// A place the entity is in (index into `Dataset::places_of`).
    Place(u16),
    Description,
    /// Index into the entity's facts; matches the value.
    Fact(u16),
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Alias(_) => "alias",
            Field::Id => "id",
            Field::Tag(_) => "tag",
            Field::Place(_) => "place",
            Field::Description => "description",
            Field::Fact(_) => "fact",
        }
    }

    /// The original (unfolded) text of this field of an entity.
    pub fn text<'a>(self, ds: &'a Dataset, entity: usize) -> &'a str {
        let e = ds.entity(entity);
        match self {
            Field::Name => &e.name,
            Field::Alias(i) => e.aliases.get(usize::from(i)).map_or("", String::as_str),
            Field::Id => &e.id,
            Field::Tag(i) => e.tags.get(usize::from(i)).map_or("", String::as_str),
            Field::Place(i) => ds
                .places_of(entity)
                .get(usize::from(i))
                .map_or("", |&p| ds.entity(p).name.as_str()),
            Field::Description => &e.description,
            Field::Fact(i) => e.facts.get(usize::from(i)).map_or("", |f| f.value.as_str()),
        }
    }
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entity: usize,
    pub score: i64,
    /// The field whose match ranked this hit.
    pub field: Field,
    /// Matched positions, as char indices into `field.text(..)` (for highlighting).
    pub indices: Vec<usize>,
}

/// A query that could not be understood; the message says what is valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct QueryError(pub String);

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    raw: String,
}

impl Query {
    pub fn parse(text: &str) -> Result<Query, QueryError> {
        Ok(Query {
            raw: text.trim().to_lowercase(),
        })
    }

    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }
}

/// The search text of a dataset, prepared once at load.
#[derive(Debug, Clone, Default)]
pub struct Index {
    names: Vec<String>,
}

impl Index {
    pub fn new(ds: &Dataset) -> Index {
        Index {
            names: ds.entities.iter().map(|e| e.name.to_lowercase()).collect(),
        }
    }

    /// Every entity matching the query, best first; an empty query matches nothing.
    pub fn search(&self, _ds: &Dataset, query: &Query) -> Vec<Hit> {
        if query.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<Hit> = self
            .names
            .iter()
            .enumerate()
            .filter_map(|(i, n)| {
                let start = n.find(&query.raw)?;
                let first = n[..start].chars().count();
                Some(Hit {
                    entity: i,
                    score: 100 - first as i64,
                    field: Field::Name,
                    indices: (first..first + query.raw.chars().count()).collect(),
                })
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entity.cmp(&b.entity)));
        hits
    }
}

/// Per-keystroke search: remembers the last query so that a longer one can
/// narrow the previous hits instead of scanning everything.
#[derive(Debug, Default)]
pub struct Searcher {
    last: Option<(String, Vec<Hit>)>,
}

impl Searcher {
    pub fn new() -> Searcher {
        Searcher::default()
    }

    /// The hits for `text`, best first.
    pub fn search(
        &mut self,
        index: &Index,
        ds: &Dataset,
        text: &str,
    ) -> Result<&[Hit], QueryError> {
        let query = Query::parse(text)?;
        let hits = index.search(ds, &query);
        self.last = Some((text.to_string(), hits));
        Ok(self.last.as_ref().map_or(&[][..], |(_, h)| h.as_slice()))
    }
}

/// How a user's words for one entity (as `show` and `path` take them) resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    Found(usize),
    /// Nothing clearly ahead: the best candidates, for "did you mean".
    Ambiguous(Vec<usize>),
    NotFound,
}

/// Exact id, then exact name or alias (case-insensitive), then the best hit when clearly ahead.
pub fn resolve(ds: &Dataset, index: &Index, text: &str) -> Resolution {
    if let Some(i) = ds.index_of(text.trim()) {
        return Resolution::Found(i);
    }
    let lower = text.trim().to_lowercase();
    if let Some(i) = ds.entities.iter().position(|e| {
        e.name.to_lowercase() == lower || e.aliases.iter().any(|a| a.to_lowercase() == lower)
    }) {
        return Resolution::Found(i);
    }
    let Ok(q) = Query::parse(text) else {
        return Resolution::NotFound;
    };
    let hits = index.search(ds, &q);
    match hits.as_slice() {
        [] => Resolution::NotFound,
        [one] => Resolution::Found(one.entity),
        [a, b, ..] if a.score > b.score + 20 => Resolution::Found(a.entity),
        many => Resolution::Ambiguous(many.iter().take(5).map(|h| h.entity).collect()),
    }
}
