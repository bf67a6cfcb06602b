//! The naive way to answer a keystroke, kept as the benchmark's baseline:
//! fuzzy-matcher's `fuzzy_indices` over every entity name, then a full sort.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model::Dataset;

/// (score, entity) for every name matching `text`, best first.
pub fn search(ds: &Dataset, text: &str) -> Vec<(i64, usize)> {
    let skim = SkimMatcherV2::default();
    let mut hits: Vec<(i64, usize)> = ds
        .entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| skim.fuzzy_indices(&e.name, text).map(|(s, _)| (s, i)))
        .collect();
    hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    hits
}
