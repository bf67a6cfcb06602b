//! A relation as serde sees it: the compiled cache writes relations by
//! column (`cache/relations.rs`), but the comparison of serialization formats
//! (`examples/cache_formats.rs`) writes them through serde, with their
//! qualifiers apart from their sources as they were before the two shared a
//! block.

use serde::{Deserialize, Serialize};

use super::{Certainty, Details, Relation, RelationType, SourceList};

#[derive(Serialize, Deserialize)]
pub(super) struct Plain {
    from: u32,
    to: u32,
    rel: RelationType,
    certainty: Certainty,
    details: Option<Details>,
    sources: Vec<usize>,
}

impl From<Relation> for Plain {
    fn from(r: Relation) -> Plain {
        Plain {
            from: r.from,
            to: r.to,
            rel: r.rel,
            certainty: r.certainty,
            details: r.sources.details().cloned(),
            sources: r.sources.to_vec(),
        }
    }
}

impl From<Plain> for Relation {
    fn from(p: Plain) -> Relation {
        let sources = SourceList::from(p.sources).with_details(p.details.unwrap_or_default());
        Relation {
            from: p.from,
            to: p.to,
            rel: p.rel,
            certainty: p.certainty,
            sources,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relation_with_qualifiers_reads_back_whole() {
        let t = RelationType::parse("member_of").unwrap();
        let period = crate::model::When::parse("2015").ok();
        let with = Relation::new(3, t, 8, vec![0, 2]).with_details(
            Some("as president".into()),
            period,
            None,
        );
        for r in [with, Relation::new(1, t, 2, vec![1])] {
            let bytes = postcard::to_allocvec(&r).expect("writes");
            let back: Relation = postcard::from_bytes(&bytes).expect("reads");
            assert_eq!(back, r);
            assert_eq!(
                (back.role(), back.period(), back.sources()),
                (r.role(), r.period(), r.sources())
            );
        }
    }
}
