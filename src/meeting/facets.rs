//! Facets and partner search: which entities fit a kind, a tag, a place (or
//! any place inside it), an alliance they belong to, a target market; and how
//! many fall under each value (clusters per country, per tag, per market).

use crate::model::{Dataset, Direction, Kind, RelationType};

/// Facets to match; every term must hold (the same facet given twice too).
#[derive(Debug, Clone, Default)]
pub struct Facets {
    pub kind: Option<Kind>,
    /// Folded substrings, each of some tag.
    pub tags: Vec<String>,
    /// Place entities: the entity is in each, or in a place inside it.
    pub places: Vec<usize>,
    /// Groups (alliances, clusters, organisations...) the entity belongs to, each.
    pub member_of: Vec<usize>,
    /// Markets (places) the entity targets, each.
    pub markets: Vec<usize>,
}

/// How `entity` belongs to `group`: the relation and, when the group supported
/// it, what support it gave. None when it does not belong. Which relations
/// make a member is a column of the relation type table (`belongs`).
pub fn belongs(ds: &Dataset, entity: usize, group: usize) -> Option<(usize, Option<String>)> {
    ds.links(entity).find_map(|l| {
        if l.other != group || !l.relation.rel.spec().makes_member(l.direction) {
            return None;
        }
        let support = match l.direction {
            Direction::Incoming => l.relation.role().map(str::to_string),
            Direction::Outgoing => None,
        };
        Some((l.index, support))
    })
}

fn targets(ds: &Dataset, entity: usize, market: usize) -> bool {
    RelationType::parse("targets_market")
        .is_some_and(|t| ds.targets(entity, t).any(|m| m == market))
}

/// Entities matching every given facet, in name order.
pub fn filter(ds: &Dataset, f: &Facets) -> Vec<usize> {
    let fold = crate::search::fold::fold_str;
    let mut out: Vec<usize> = (0..ds.len())
        .filter(|&e| {
            let entity = ds.entity(e);
            f.kind.is_none_or(|k| entity.kind == k)
                && f.tags
                    .iter()
                    .all(|t| entity.tags.iter().any(|x| fold(x).contains(t.as_str())))
                && f.places.iter().all(|&p| e != p && ds.is_in(e, p))
                && f.member_of.iter().all(|&g| belongs(ds, e, g).is_some())
                && f.markets.iter().all(|&m| targets(ds, e, m))
        })
        .collect();
    // Each name folded once, not at every comparison: at 100,000 entities
    // the folds were most of `list`'s time.
    out.sort_by_cached_key(|&e| fold(&ds.entity(e).name));
    out
}

/// (value, count) pairs, most first, then by name.
pub type Counts = Vec<(String, usize)>;

fn tally(values: impl Iterator<Item = String>) -> Counts {
    let mut map: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for v in values {
        *map.entry(v).or_default() += 1;
    }
    let mut v: Counts = map.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// Counts over a set of entities: per country, per tag, per target market.
pub fn counts(ds: &Dataset, entities: &[usize]) -> [(&'static str, Counts); 3] {
    let countries = entities.iter().flat_map(|&e| {
        ds.places_of(e)
            .into_iter()
            .filter(|&p| ds.entity(p).subkind.as_deref() == Some("country"))
            .map(|p| ds.entity(p).name.to_string())
            .collect::<Vec<_>>()
    });
    let tags = entities.iter().flat_map(|&e| ds.entity(e).tags.clone());
    let market = RelationType::parse("targets_market");
    let markets = entities.iter().flat_map(|&e| {
        market.map_or_else(Vec::new, |t| {
            ds.targets(e, t)
                .map(|m| ds.entity(m).name.to_string())
                .collect::<Vec<_>>()
        })
    });
    [
        ("country", tally(countries)),
        ("tag", tally(tags)),
        ("market", tally(markets)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{DataSource, load};

    fn ds() -> Dataset {
        load(&DataSource::Builtin, crate::data::DEFAULT_MAX_BYTES)
            .expect("built-in")
            .dataset
    }

    fn ids(d: &Dataset, v: Vec<usize>) -> Vec<&str> {
        v.into_iter().map(|e| d.entity(e).id.as_ref()).collect()
    }

    #[test]
    fn clusters_working_on_oncology_in_france() {
        let d = ds();
        let f = Facets {
            kind: Some(Kind::Cluster),
            tags: vec!["oncology".into()],
            places: d.index_of("france").into_iter().collect(),
            ..Facets::default()
        };
        assert_eq!(
            ids(&d, filter(&d, &f)),
            ["cancer_bio_sante", "clara", "lyonbiopole"]
        );
    }

    #[test]
    fn the_health2care_directory_is_its_supported_projects() {
        let d = ds();
        let h = d.index_of("health2care").unwrap();
        let f = Facets {
            kind: Some(Kind::Project),
            member_of: vec![h],
            ..Facets::default()
        };
        let found = filter(&d, &f);
        assert!(ids(&d, found.clone()).contains(&"voicepatch"));
        let vp = d.index_of("voicepatch").unwrap();
        assert_eq!(
            belongs(&d, vp, h).and_then(|(_, s)| s).as_deref(),
            Some("voucher on regulatory affairs (CE mark)")
        );
    }

    #[test]
    fn two_groups_combine_with_and() {
        let d = ds();
        let group = |id: &str| d.index_of(id).expect(id);
        let f = Facets {
            kind: Some(Kind::Cluster),
            member_of: vec![
                group("health2care"),
                group("french_health_clusters_network"),
            ],
            ..Facets::default()
        };
        assert_eq!(ids(&d, filter(&d, &f)), ["lyonbiopole"]);
        let one = Facets {
            member_of: vec![group("french_health_clusters_network")],
            ..f.clone()
        };
        assert!(filter(&d, &one).len() > 1, "one group alone keeps more");
    }

    #[test]
    fn counts_per_country_and_market() {
        let d = ds();
        let clusters = filter(
            &d,
            &Facets {
                kind: Some(Kind::Cluster),
                ..Facets::default()
            },
        );
        let [(_, countries), _, _] = counts(&d, &clusters);
        assert_eq!(countries.first(), Some(&("France".to_string(), 11)));
        let bxc = vec![d.index_of("bioxclusters_plus").unwrap()];
        let [_, _, (_, markets)] = counts(&d, &bxc);
        assert_eq!(markets.len(), 7);
    }
}
