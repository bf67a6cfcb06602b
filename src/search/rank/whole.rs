//! A name typed in pieces. A lone letter matches only the start of a name's
//! word, so `bio x clusters plus`, `bio-x-clusters` and `bio p med` found
//! nothing or the wrong thing: their words run together are the names
//! BioXclusters Plus, bioXclusters and BioPmed, whose letters `x` and `p`
//! sit inside a word. An entity whose name or alias is the whole query run
//! together (the index's exact names) is therefore a hit even when its words,
//! matched one by one, miss it; its exact-name bonus puts it first.
//!
//! Such a hit is shown, not kept for narrowing: a longer query either names
//! it whole again (and adds it again) or, as its words did, misses it. It
//! must be of the kind a `kind:` scope of the query names (`pôle medicen`
//! is read as `kind:cluster medicen`, see `search/placed.rs`).

use super::super::fold::compact;
use super::super::index::Index;
use super::super::matching::Lead;
use super::super::syntax::{AtomKind, Query, Scope};
use super::super::{Field, fieldmatch};
use super::Scored;
use crate::search::score::EXACT;

/// Adds to `scored` each entity of `exact` (named by the query's words run
/// together) that the words did not match, led by the name or alias that is
/// the query.
pub(super) fn add_missed(ix: &Index, query: &Query, exact: &[u32], scored: &mut Vec<Scored>) {
    let Some(key) = query.exact.as_deref() else {
        return;
    };
    let missed: Vec<u32> = (exact.iter().copied())
        .filter(|e| of_its_kinds(ix, query, *e as usize))
        .filter(|e| !scored.iter().any(|s| s.entity == *e))
        .collect();
    for &e in &missed {
        let (lead, field) = naming(ix, e as usize, key);
        let lead_score = fieldmatch::word_start_score(field, key.chars().count());
        scored.push(Scored {
            entity: e,
            score: EXACT + lead_score,
            field_rank: field.rank(),
            lead,
            lead_score,
            rematch: false,
            matched: true,
        });
    }
}

/// Whether entity `e` is of the kind each `kind:` scope of the query names.
fn of_its_kinds(ix: &Index, query: &Query, e: usize) -> bool {
    (query.groups.iter().flatten()).all(|a| match &a.kind {
        AtomKind::Scope(Scope::Kind(k)) if !a.negate => ix.kind(e) == *k,
        _ => true,
    })
}

/// The name or alias of entity `e` that is `key` run together, and its field
/// (the name when none is found, which the index's exact names rule out).
fn naming(ix: &Index, e: usize, key: &str) -> (Option<Lead>, Field) {
    let first = ix.first_span(e);
    (ix.fields(e).iter().enumerate())
        .find(|(_, span)| {
            matches!(span.field, Field::Name | Field::Alias(_)) && compact(ix.text(span)) == key
        })
        .map_or((None, Field::Name), |(i, span)| {
            (Some(Lead::Span(first + i)), span.field)
        })
}
