//! What `show ID_OR_NAME` and `path A B` do with a user's words: an exact id,
//! then an exact name or alias (folded: case and accents ignored), then the
//! best search hit when it is clearly ahead of the next.

use super::fold::fold_str;
use super::{Index, Query};
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
    let text = text.trim();
    if let Some(i) = ds.index_of(text) {
        return Resolution::Found(i);
    }
    match index.exact.get(&fold_str(text)).map(Vec::as_slice) {
        Some([one]) => return Resolution::Found(*one as usize),
        Some(many) if many.len() > 1 => {
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
        [a, b, ..] if a.score >= b.score + b.score / 4 + 8 => Resolution::Found(a.entity),
        many => Resolution::Ambiguous(many.iter().map(|h| h.entity).collect()),
    }
}
