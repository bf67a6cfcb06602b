//! The relation index seen from both ends, and place containment.

use super::*;

fn rel(from: usize, name: &str, to: usize) -> Relation {
    Relation::new(
        from,
        RelationType::parse(name).expect("known type"),
        to,
        vec![0],
    )
}

fn sample() -> Dataset {
    let entities = vec![
        Entity::new("magia", Kind::Alliance, "MAGIA"),
        Entity::new("biopmed", Kind::Cluster, "BioPmed"),
        Entity::new("lyonbiopole", Kind::Cluster, "Lyonbiopôle"),
        Entity::new("lyon", Kind::Place, "Lyon"),
        Entity::new("auvergne_rhone_alpes", Kind::Place, "Auvergne-Rhône-Alpes"),
        Entity::new("france", Kind::Place, "France"),
    ];
    let relations = vec![
        rel(1, "coordinates", 0),
        rel(1, "member_of", 0),
        rel(2, "member_of", 0),
        rel(2, "located_in", 3),
        rel(3, "part_of", 4),
        rel(4, "part_of", 5),
    ];
    Dataset::new(String::new(), Vec::new(), entities, relations)
}

#[test]
fn a_relation_stored_once_is_reachable_from_both_ends() {
    let d = sample();
    let biopmed = d.index_of("biopmed").unwrap();
    let magia = d.index_of("magia").unwrap();
    let out: Vec<_> = d.outgoing(biopmed).map(|l| (l.label(), l.other)).collect();
    assert_eq!(out, vec![("coordinates", magia), ("member of", magia)]);
    let inc: Vec<_> = d
        .incoming(magia)
        .map(|l| (l.label(), d.entity(l.other).id.as_ref()))
        .collect();
    assert_eq!(
        inc,
        vec![
            ("coordinated by", "biopmed"),
            ("member", "biopmed"),
            ("member", "lyonbiopole")
        ]
    );
}

#[test]
fn links_group_by_their_label_from_this_end() {
    let d = sample();
    let groups = d.grouped_links(d.index_of("magia").unwrap());
    let shape: Vec<_> = groups.iter().map(|(l, v)| (*l, v.len())).collect();
    assert_eq!(shape, vec![("coordinated by", 1), ("member", 2)]);
}

#[test]
fn an_entity_in_a_city_is_in_the_region_and_country_around_it() {
    let d = sample();
    let lyonbiopole = d.index_of("lyonbiopole").unwrap();
    let france = d.index_of("france").unwrap();
    assert!(d.is_in(lyonbiopole, france));
    assert!(d.is_in(d.index_of("lyon").unwrap(), france));
    assert!(!d.is_in(d.index_of("biopmed").unwrap(), france));
}

#[test]
fn kinds_are_indexed_and_summarised() {
    let d = sample();
    assert_eq!(d.of_kind(Kind::Cluster).len(), 2);
    assert_eq!(
        d.summary(),
        "6 entities (2 clusters, 1 alliance, 3 places), 6 relations, 0 sources"
    );
}

#[test]
fn a_large_dataset_built_on_two_cores_finds_every_id_and_both_ends_of_every_relation() {
    let ds = crate::validate::build(&crate::synth::generate(25_000, 5));
    assert!(
        ds.len() >= 20_000,
        "large enough for the lookups' two cores"
    );
    for (i, e) in ds.entities.iter().enumerate() {
        assert_eq!(ds.index_of(&e.id), Some(i), "{}", e.id);
    }
    let kinds: usize = Kind::ALL.iter().map(|&k| ds.count(k)).sum();
    assert_eq!(kinds, ds.len());
    let (mut out, mut inc) = (0, 0);
    for e in 0..ds.len() {
        out += ds.outgoing(e).filter(|l| l.relation.from() == e).count();
        inc += ds.incoming(e).filter(|l| l.relation.to() == e).count();
    }
    assert_eq!((out, inc), (ds.relations.len(), ds.relations.len()));
}

#[test]
fn an_entity_stays_small() {
    // A million of them make a large dataset: lists as one pointer, texts
    // without spare room (see `Entity`).
    assert!(std::mem::size_of::<Entity>() <= 128);
    let mut e = Entity::new("lyon", Kind::Place, "Lyon");
    e.aliases.push("Lugdunum".into());
    assert_eq!(
        (&*e.id, &*e.name, &e.aliases[..]),
        ("lyon", "Lyon", &["Lugdunum".to_string()][..])
    );
    assert!(e.tags.is_empty() && e.description.is_empty());
}
