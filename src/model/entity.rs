//! Entities, their facts and dated items, and the source documents they cite.

use serde::{Deserialize, Serialize};
use thin_vec::ThinVec;

use super::date::When;
use super::kind::Kind;
use super::relation::Certainty;

/// A source document: where every entity, fact and relation comes from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// BCP 47 code, e.g. "en", "fr".
    pub language: String,
    /// What the document is ("press release", "web page").
    pub about: String,
    pub file: Option<String>,
    pub url: Option<String>,
    pub note: Option<String>,
}

/// A labelled value a source states: "members at end of 2017" = "208".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
    pub when: Option<When>,
    pub note: Option<String>,
    pub certainty: Certainty,
    /// Indices into the dataset's sources.
    pub sources: Vec<usize>,
}

/// A dated item on an entity: when an event was held, the period an alliance ran.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateEntry {
    pub label: String,
    pub when: When,
    pub note: Option<String>,
    pub sources: Vec<usize>,
}

/// A part of an entity that a dataset can mark as inferred on its own: the
/// entity is stated, but its kind, its description, one alias or one tag is
/// only implied by the sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Part {
    /// The kind and sub-kind shown beside the name.
    Kind,
    Description,
    Alias(String),
    Tag(String),
}

impl Part {
    /// How the part is named to a reader: `kind`, `alias "ESCP"`.
    pub fn label(&self) -> String {
        match self {
            Part::Kind => "kind".to_string(),
            Part::Description => "description".to_string(),
            Part::Alias(a) => format!("alias \"{a}\""),
            Part::Tag(t) => format!("tag \"{t}\""),
        }
    }
}

/// An inferred part and what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InferredPart {
    pub part: Part,
    pub why: String,
}

/// A cluster, alliance, event, organisation, person, project or place.
///
/// A large dataset holds a million of these, most of whose lists are short or
/// empty: each list is one pointer (its length and room live with its items,
/// and an empty list allocates nothing, 16 bytes less than `Vec`'s three
/// words), and each text a boxed `str` (its room is its length, 8 bytes less
/// than a `String`): 128 bytes an entity instead of 272.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: Box<str>,
    pub kind: Kind,
    pub subkind: Option<Box<str>>,
    /// The display name as the sources spell it.
    pub name: Box<str>,
    /// Other spellings, acronyms, accent-free and other-language forms.
    pub aliases: ThinVec<String>,
    pub description: Box<str>,
    pub tags: ThinVec<String>,
    pub facts: ThinVec<Fact>,
    pub dates: ThinVec<DateEntry>,
    /// Doubts and gaps: what the sources leave unsaid.
    pub notes: ThinVec<String>,
    /// The whole entity: `Inferred` when the sources only imply that it exists.
    pub certainty: Certainty,
    /// Parts of a stated entity that the sources only imply, each with its reason.
    pub inferred: ThinVec<InferredPart>,
    pub sources: ThinVec<usize>,
}

impl Entity {
    /// A bare entity, for tests and generators; the rest is filled by field.
    pub fn new(id: &str, kind: Kind, name: &str) -> Entity {
        Entity {
            id: id.into(),
            kind,
            subkind: None,
            name: name.into(),
            aliases: ThinVec::new(),
            description: Box::default(),
            tags: ThinVec::new(),
            facts: ThinVec::new(),
            dates: ThinVec::new(),
            notes: ThinVec::new(),
            certainty: Certainty::Stated,
            inferred: ThinVec::new(),
            sources: ThinVec::new(),
        }
    }

    /// Whether the entity has the part: an alias or tag it lists, a description it gives.
    pub fn has(&self, part: &Part) -> bool {
        match part {
            Part::Kind => true,
            Part::Description => !self.description.is_empty(),
            Part::Alias(a) => self.aliases.contains(a),
            Part::Tag(t) => self.tags.contains(t),
        }
    }

    fn marks(&self, hit: impl Fn(&Part) -> bool) -> bool {
        self.inferred.iter().any(|p| hit(&p.part))
    }

    pub fn kind_inferred(&self) -> bool {
        self.marks(|p| *p == Part::Kind)
    }

    pub fn description_inferred(&self) -> bool {
        self.marks(|p| *p == Part::Description)
    }

    pub fn alias_inferred(&self, alias: &str) -> bool {
        self.marks(|p| matches!(p, Part::Alias(a) if a == alias))
    }

    pub fn tag_inferred(&self, tag: &str) -> bool {
        self.marks(|p| matches!(p, Part::Tag(t) if t == tag))
    }

    /// The kind word shown beside the name: the sub-kind when given ("conference").
    pub fn kind_label(&self) -> &str {
        self.subkind.as_deref().unwrap_or(self.kind.as_str())
    }

    /// The name, then each alias: the texts a name lookup reads.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&*self.name).chain(self.aliases.iter().map(String::as_str))
    }

    /// Every date on the entity and its facts, for year scopes and the timeline.
    pub fn all_dates(&self) -> impl Iterator<Item = &When> {
        self.dates
            .iter()
            .map(|d| &d.when)
            .chain(self.facts.iter().filter_map(|f| f.when.as_ref()))
    }
}
