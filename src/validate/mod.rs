//! Checks a dataset file against every rule and reports all problems at once,
//! each with its position and a hint, while it builds the sound part into a
//! [`Dataset`](crate::model::Dataset), so that a file with problems still
//! opens with what is right.
//!
//! There is one way through (`pipeline.rs`), whether the file was parsed whole
//! or arrives in pieces parsed on every core: the rules on one source, entity
//! or relation run on each as it comes, and the few that need the whole file
//! (ids and relations given twice, `part_of` cycles) run once on what the
//! pieces left. Rules name the element a problem is about; positions in the
//! text are looked up once at the end (`place.rs`), and only if there is
//! something to place.

mod build;
mod entities;
mod given;
mod inferred;
mod lists;
mod pipeline;
mod place;
mod relations;
mod sources;
mod synonyms;
#[cfg(test)]
mod tests;
mod text;

use rustc_hash::FxHashMap;

use crate::data::format::{FileEntity, FileRelation, FileSource};
use crate::diagnostic::{Diagnostic, Element};
use crate::model::{Kind, RelationType};

pub use pipeline::{Checked, build, check_pieces, check_whole};

/// What the rules on one item see besides the item.
pub(crate) struct Scope<'a> {
    /// Source id to the index of its first definition in the file.
    pub sources: &'a FxHashMap<&'a str, usize>,
    /// Per file entity, its kind (empty while the entities themselves are checked).
    pub kinds: &'a [Kind],
}

/// A relation's type and ends (file entity indices) as far as they exist in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    pub rel: Option<RelationType>,
    pub from: Option<usize>,
    pub to: Option<usize>,
}

/// A rule on one source of the file's head.
pub(crate) type SourceRule = fn(&Scope, usize, &FileSource, &mut Findings);
/// A rule on one entity, its facts and dates.
pub(crate) type EntityRule = fn(&Scope, usize, &FileEntity, &mut Findings);
/// A rule on one relation, given its type and ends looked up.
pub(crate) type RelationRule = fn(&Scope, usize, &FileRelation, Resolved, &mut Findings);

const SOURCE_RULES: &[SourceRule] = &[
    sources::empty_sources,
    sources::duplicate_sources,
    text::unsafe_source_text,
];

const ENTITY_RULES: &[EntityRule] = &[
    entities::empty_names,
    entities::id_format,
    sources::unknown_entity_sources,
    sources::missing_entity_sources,
    entities::impossible_dates,
    text::unsafe_entity_text,
    entities::long_text,
    entities::unknown_subkinds,
    inferred::inferred_parts,
    inferred::unexplained_entity,
];

const RELATION_RULES: &[RelationRule] = &[
    sources::unknown_relation_sources,
    sources::missing_relation_sources,
    text::unsafe_relation_text,
    relations::unknown_types,
    relations::dangling,
    relations::self_relations,
    relations::kind_misfits,
    relations::impossible_periods,
    inferred::unexplained_relation,
];

/// A rule's finding: the diagnostic, its position not yet looked up, and what
/// is worked out only for the findings that are shown.
#[derive(Debug)]
pub(crate) struct Finding {
    pub diagnostic: Diagnostic,
    /// Another element the message points at; its position ends the message
    /// ("already used by "Alpha" at 4:5").
    pub see: Option<Element>,
    /// An unknown id to suggest the closest known one for.
    pub suggest: Option<Suggest>,
}

/// "did you mean" help, looked for only for the findings shown: it compares
/// the id with every known one.
#[derive(Debug)]
pub(crate) struct Suggest {
    pub given: String,
    pub among: Among,
    /// What the hint says after the suggestion.
    pub then: &'static str,
}

/// Which ids a suggestion is taken from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Among {
    Entities,
    Sources,
}

/// The findings of the rules, in the order they were made.
#[derive(Debug, Default)]
pub(crate) struct Findings(pub Vec<Finding>);

impl Findings {
    pub fn error(
        &mut self,
        rule: &'static str,
        element: Element,
        message: String,
        hint: &str,
    ) -> &mut Finding {
        self.push(Diagnostic::error(rule, element, message, hint))
    }

    pub fn warning(
        &mut self,
        rule: &'static str,
        element: Element,
        message: String,
        hint: &str,
    ) -> &mut Finding {
        self.push(Diagnostic::warning(rule, element, message, hint))
    }

    fn push(&mut self, diagnostic: Diagnostic) -> &mut Finding {
        self.0.push(Finding {
            diagnostic,
            see: None,
            suggest: None,
        });
        let last = self.0.len() - 1;
        &mut self.0[last]
    }
}

impl Finding {
    /// Ends the message with where `element` is.
    pub fn see(&mut self, element: Element) {
        self.see = Some(element);
    }

    /// Suggests the closest of `among` to `given` in the hint, if the finding is shown.
    pub fn suggest(&mut self, given: &str, among: Among, then: &'static str) {
        self.suggest = Some(Suggest {
            given: given.to_string(),
            among,
            then,
        });
    }
}

/// "did you mean" help: the candidate closest to `given` by edit distance
/// (in characters), if close.
pub(crate) fn closest<'a>(
    given: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    if given.chars().count() > 64 {
        return None;
    }
    candidates
        .map(|c| (strsim::levenshtein(given, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4))
        .min()
        .map(|(_, c)| c)
}
