//! The pure domain: what an entity, a relation, a date and a source are, and the
//! indexed dataset. No I/O, no terminal, no file format, no matcher.

pub mod dataset;
pub mod date;
pub mod entity;
pub mod kind;
pub mod relation;
pub mod source_list;

pub use dataset::{Dataset, Link};
pub use date::{DateError, PartialDate, When};
pub use entity::{DateEntry, Entity, Fact, InferredPart, Part, Source};
pub use kind::Kind;
pub use relation::{Certainty, Direction, Kinds, RELATION_TYPES, Relation, RelationType};
pub use source_list::{SourceList, SourceLists};
/// The list type inside every entity (one pointer; see [`Entity`]).
pub use thin_vec::{ThinVec, thin_vec};

#[cfg(test)]
mod tests;
