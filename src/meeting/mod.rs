//! The questions of a meeting beyond "what is X": how two entities are
//! connected, what happened when, and which entities fit a set of facets.
//! Pure functions over the dataset; the commands and the explorer format them.

pub mod card;
pub mod facets;
pub mod network;
pub mod path;
pub mod periods;
pub mod timeline;
