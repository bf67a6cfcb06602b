//! Whether a scope of the query (`note:`, `kind:`, `year:`, `tag:`, `in:`)
//! holds for an entity: a condition on it, not a text to match.

use super::super::Field;
use super::super::index::Index;
use super::super::prepared::Prepared;
use super::super::syntax::Scope;

pub(super) fn scope_holds(ix: &Index, p: &Prepared, e: usize, scope: &Scope) -> bool {
    match scope {
        Scope::Note(text) => p.personal.entity_has(e as u32, text),
        Scope::Kind(k) => ix.kind(e) == *k,
        Scope::Year(y) => ix.years_of(e).binary_search(y).is_ok(),
        Scope::Tag(t) => ix
            .fields(e)
            .iter()
            .any(|s| matches!(s.field, Field::Tag(_)) && ix.text(s).contains(t.as_str())),
        Scope::In(name) => p
            .places
            .iter()
            .find(|(n, _)| n == name)
            .is_some_and(|(_, places)| {
                places
                    .iter()
                    .any(|&pl| pl as usize == e || ix.places_of(e).contains(&pl))
            }),
    }
}
