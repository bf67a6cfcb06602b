//! What `show ID_OR_NAME` and `path A B` do with a user's words: an exact id,
//! then an exact name or alias (folded: case and accents ignored), then the
//! best search hit when it is clearly ahead of the next.

use super::fold::{compact, fold_str};
use super::{Field, Hit, Index, Query};
use crate::model::Dataset;

/// How a user's words for one entity resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    Found(usize),
    /// Nothing clearly ahead: the best candidates, for "did you mean".
    Ambiguous(Vec<usize>),
    NotFound,
}

pub fn resolve(ds: &Dataset, index: &Index, text: &str) -> Resolution {
    resolve_keeping(ds, index, text, |_| true)
}

/// As [`resolve`], but when no hit is clearly ahead, only the candidates the
/// words name (matched on a name, alias or id): a hit on a label or in prose
/// is about the words, not named by them (`appel` is in Health2CARE's fact
/// label "calls for expression of interest", yet Health2CARE is not "the
/// call"). What a question is read as naming.
pub fn resolve_named(ds: &Dataset, index: &Index, text: &str) -> Resolution {
    resolve_keeping(ds, index, text, |h| {
        matches!(h.field, Field::Name | Field::Alias(_) | Field::Id)
    })
}

fn resolve_keeping(
    ds: &Dataset,
    index: &Index,
    text: &str,
    keep: impl Fn(&Hit) -> bool,
) -> Resolution {
    let text = text.trim();
    if let Some(i) = ds.index_of(text) {
        return Resolution::Found(i);
    }
    match index.exact(&compact(&fold_str(text))) {
        [one] => return Resolution::Found(*one as usize),
        many if many.len() > 1 => {
            let mut v: Vec<usize> = many.iter().map(|&e| e as usize).collect();
            v.dedup();
            if let [one] = v.as_slice() {
                return Resolution::Found(*one);
            }
            return Resolution::Ambiguous(v);
        }
        _ => {}
    }
    let Ok(query) = Query::parse(text) else {
        return Resolution::NotFound;
    };
    match index.search_top(&query, 5).unwrap_or_default().as_slice() {
        [] => Resolution::NotFound,
        [one] => Resolution::Found(one.entity),
        [a, b, ..] if clearly_ahead(a.score, b.score) => Resolution::Found(a.entity),
        many => Resolution::Ambiguous(many.iter().filter(|h| keep(h)).map(|h| h.entity).collect()),
    }
}

/// Whether the best score is clearly ahead of the next: in a better class of
/// match, or a quarter above it within the same one.
fn clearly_ahead(best: i64, next: i64) -> bool {
    let within = next.rem_euclid(super::fieldmatch::CLASS_GAP);
    best - next >= within / 4 + 8
}
