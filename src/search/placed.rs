//! A kind of entity in a place, said in words: `clusters in france`,
//! `french clusters`, `pôles en france`, `events in lyon`. Matched word by
//! word, such a query found what is *named* with those words (the network
//! of French clusters, the cluster policy) and missed the clusters located
//! in France, whose names say neither. When the words are exactly a kind
//! and a place's name or other name (with small words such as `in`, `en`,
//! `les` around them), the query is read as the scopes `kind:` and `in:`,
//! which list what the user asked for.
//!
//! A word that only starts a place's name (`clusters in fra`) is left as
//! typed, so the list does not jump while the name is being typed.
//!
//! A kind said before a name (`pôle medicen`, `the biowin cluster`, `event
//! medica`) is read the same way: when the other words are a whole name or
//! alias of an entity of that kind, the kind is a `kind:` scope over those
//! words. Matched as a word, `pole` was found scattered in a long name and
//! put a partnership above Medicen.

use super::fold::compact;
use super::index::Index;
use super::syntax::{Atom, AtomKind, MatchMode, Query, Scope};
use crate::model::Kind;

/// Folded words that name a kind, in English and French, singular and plural.
const KIND_WORDS: &[(&str, Kind)] = &[
    ("cluster", Kind::Cluster),
    ("clusters", Kind::Cluster),
    ("pole", Kind::Cluster),
    ("poles", Kind::Cluster),
    ("alliance", Kind::Alliance),
    ("alliances", Kind::Alliance),
    ("network", Kind::Alliance),
    ("networks", Kind::Alliance),
    ("reseau", Kind::Alliance),
    ("reseaux", Kind::Alliance),
    ("event", Kind::Event),
    ("events", Kind::Event),
    ("evenement", Kind::Event),
    ("evenements", Kind::Event),
    ("organisation", Kind::Organisation),
    ("organisations", Kind::Organisation),
    ("organization", Kind::Organisation),
    ("organizations", Kind::Organisation),
    ("person", Kind::Person),
    ("people", Kind::Person),
    ("personne", Kind::Person),
    ("personnes", Kind::Person),
    ("project", Kind::Project),
    ("projects", Kind::Project),
    ("projet", Kind::Project),
    ("projets", Kind::Project),
];

/// `query` read as a kind in a place, or a kind and a name of that kind,
/// when its words are exactly that.
pub(super) fn reading(ix: &Index, query: &Query) -> Option<Query> {
    let mut words = query.needed_words()?;
    let (at, kind) = (words.iter().enumerate()).find_map(|(i, w)| {
        KIND_WORDS
            .iter()
            .find(|(k, _)| k == w)
            .map(|&(_, k)| (i, k))
    })?;
    words.remove(at);
    let atom = |kind| {
        vec![Atom {
            kind,
            negate: false,
            optional: false,
        }]
    };
    let scope = |s| atom(AtomKind::Scope(s));
    let raw = query.raw.clone();
    let place = words.join(" ");
    if ix.names_a_place(&place) {
        let groups = vec![scope(Scope::Kind(kind)), scope(Scope::In(place))];
        return Some(Query {
            groups,
            raw,
            exact: None,
        });
    }
    let name = compact(&place);
    let named = ix.exact(&name).iter().any(|&e| ix.kind(e as usize) == kind);
    let term = |w: &str| {
        atom(AtomKind::Term {
            text: w.to_string(),
            mode: MatchMode::Fuzzy,
        })
    };
    named.then(|| Query {
        groups: std::iter::once(scope(Scope::Kind(kind)))
            .chain(words.iter().map(|w| term(w)))
            .collect(),
        raw,
        exact: Some(name),
    })
}
