//! The neighbourhood and its layout: what a user reading the picture relies on
//! (each entity once, hubs cut, labels never over one another, nothing lost).

use super::layout::{Role, layout, natural_height};
use super::*;
use crate::load::{DataSource, load};
use crate::model::{Entity, Kind, Relation, RelationType};

fn builtin() -> Dataset {
    load(&DataSource::Builtin, crate::data::DEFAULT_MAX_BYTES)
        .expect("built-in")
        .dataset
}

fn id(ds: &Dataset, hood: &Neighbourhood, node: usize) -> String {
    ds.entity(hood.nodes[node].entity).id.to_string()
}

/// A country with `n` organisations located in it, each also in a city.
fn hub(n: usize) -> Dataset {
    let mut entities = vec![
        Entity::new("france", Kind::Place, "France"),
        Entity::new("lyon", Kind::Place, "Lyon"),
    ];
    let rel = |from, name, to| Relation::new(from, RelationType::parse(name).unwrap(), to, vec![]);
    let mut relations = vec![rel(1, "part_of", 0)];
    for i in 0..n {
        entities.push(Entity::new(
            &format!("org_{i}"),
            Kind::Organisation,
            &format!("Org {i:03}"),
        ));
        relations.push(rel(i + 2, "located_in", 0));
        relations.push(rel(i + 2, "located_in", 1));
    }
    Dataset::new(String::new(), vec![], entities, relations)
}

#[test]
fn an_entity_related_in_two_ways_is_one_node_in_a_group_named_by_both() {
    let ds = builtin();
    let magia = ds.index_of("magia").unwrap();
    let hood = Neighbourhood::build(&ds, magia, 1, Limits::default());
    let groups: Vec<String> = hood.groups.iter().map(|g| g.labels.join(" · ")).collect();
    assert_eq!(
        groups,
        [
            "coordinated by · member",
            "member",
            "funded by · certified by"
        ]
    );
    let ids: Vec<String> = (1..hood.nodes.len()).map(|n| id(&ds, &hood, n)).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "each entity once: {ids:?}");
    assert_eq!(ids[0], "biopmed");
    assert_eq!(
        hood.reading(&ds, 1),
        "BioPmed coordinates and member of Medtech Alliance for Global Internationalisation (MAGIA)"
    );
}

#[test]
fn a_hub_keeps_the_first_neighbours_per_label_and_counts_the_rest() {
    let ds = hub(312);
    let hood = Neighbourhood::build(&ds, 0, 1, Limits::default());
    let located = hood
        .groups
        .iter()
        .find(|g| g.labels == ["location of"])
        .expect("a group");
    assert_eq!(located.members.len(), 10);
    assert_eq!(located.more, 302);
    let names: Vec<&str> = located
        .members
        .iter()
        .map(|&m| ds.entity(hood.nodes[m].entity).name.as_ref())
        .collect();
    assert_eq!(names[..2], ["Org 000", "Org 001"], "the card's order");
    let all = Neighbourhood::build(
        &ds,
        0,
        1,
        Limits {
            per_label: 0,
            per_node: 0,
        },
    );
    assert_eq!(all.nodes.len(), 1 + 313, "0 keeps every neighbour");
}

#[test]
fn the_second_ring_holds_only_entities_two_steps_away_each_once() {
    let ds = builtin();
    for id in ["magia", "lyonbiopole", "france"] {
        let centre = ds.index_of(id).unwrap();
        let hood = Neighbourhood::build(&ds, centre, 2, Limits::default());
        let first: Vec<usize> = ds.links(centre).map(|l| l.other).collect();
        let mut seen = std::collections::HashSet::new();
        for n in &hood.nodes {
            assert!(seen.insert(n.entity), "{} twice around {id}", n.entity);
            if n.depth == 2 {
                assert!(!first.contains(&n.entity) && n.entity != centre);
                let parent = hood.nodes[n.parent].entity;
                assert!(ds.links(parent).any(|l| l.other == n.entity));
            }
        }
        assert!(hood.nodes.iter().all(|n| n.children.len() <= 4));
    }
}

#[test]
fn groups_split_into_sides_in_reading_order() {
    let ds = builtin();
    let centre = ds.index_of("lyonbiopole").unwrap();
    let hood = Neighbourhood::build(&ds, centre, 1, Limits::default());
    let sides: Vec<Side> = hood.groups.iter().map(|g| g.side).collect();
    let cut = sides
        .iter()
        .position(|s| *s == Side::Left)
        .expect("two sides");
    assert!(sides[..cut].iter().all(|s| *s == Side::Right));
    assert!(sides[cut..].iter().all(|s| *s == Side::Left));
    let rows = |side| {
        (0..hood.groups.len())
            .filter(|&g| hood.groups[g].side == side)
            .map(|g| hood.group_rows(g, usize::MAX))
            .sum::<usize>()
    };
    assert!(rows(Side::Right).abs_diff(rows(Side::Left)) <= 6);
}

/// No two labels or marks share a cell, and all lie inside the picture.
fn assert_no_overlap(l: &super::layout::Layout, what: &str) {
    let mut taken = vec![false; usize::from(l.width) * usize::from(l.height)];
    let mut take = |x: u16, y: u16, len: usize| {
        for dx in 0..len {
            let x = usize::from(x) + dx;
            assert!(x < usize::from(l.width) && y < l.height, "{what}: outside");
            let cell = &mut taken[usize::from(y) * usize::from(l.width) + x];
            assert!(!*cell, "{what}: two labels at ({x}, {y})");
            *cell = true;
        }
    };
    for t in &l.texts {
        take(t.x, t.y, crate::text::width(&t.text));
    }
    for m in &l.marks {
        take(m.x, m.y, 1);
    }
}

#[test]
fn labels_never_overlap_and_every_node_is_drawn_or_left_out_at_any_size() {
    let ds = builtin();
    for centre in 0..ds.len() {
        for depth in [1, 2] {
            let hood = Neighbourhood::build(&ds, centre, depth, Limits::default());
            for (w, h) in [(56, 14), (76, 18), (116, 34), (196, 54), (296, 94)] {
                let l = layout(&ds, &hood, w, h);
                let what = format!("{} depth {depth} at {w}x{h}", ds.entity(centre).id);
                assert_no_overlap(&l, &what);
                for (n, node) in hood.nodes.iter().enumerate() {
                    let shown = l.drawn.contains(&n) || l.left_out.contains(&n);
                    let summarised = node.depth == 2
                        && hood.nodes[node.parent]
                            .children
                            .iter()
                            .position(|&c| c == n)
                            >= Some(l.per_node);
                    assert!(shown || summarised, "{what}: node {n} lost");
                }
                assert_eq!(l, layout(&ds, &hood, w, h), "{what}: not deterministic");
            }
        }
    }
}

#[test]
fn the_natural_height_fits_everything() {
    let ds = builtin();
    let centre = ds.index_of("lyonbiopole").unwrap();
    let hood = Neighbourhood::build(&ds, centre, 2, Limits::default());
    let l = layout(&ds, &hood, 120, natural_height(&hood));
    assert!(l.left_out.is_empty());
    assert_eq!(l.drawn.len(), hood.nodes.len());
}

#[test]
fn a_short_picture_shows_fewer_neighbours_of_neighbours_before_leaving_any_out() {
    let ds = builtin();
    let centre = ds.index_of("lyonbiopole").unwrap();
    let hood = Neighbourhood::build(&ds, centre, 2, Limits::default());
    let tall = layout(&ds, &hood, 120, natural_height(&hood));
    let short = layout(&ds, &hood, 120, 24);
    assert!(short.per_node < tall.per_node);
    assert!(short.left_out.is_empty(), "{:?}", short.left_out);
    let more = short.texts.iter().filter(|t| t.role == Role::More).count();
    assert!(more > 0, "hidden neighbours are counted");
}

#[test]
fn a_long_name_is_shortened_to_its_column_and_a_hub_says_how_many_more() {
    let ds = hub(312);
    let hood = Neighbourhood::build(&ds, 0, 1, Limits::default());
    let l = layout(&ds, &hood, 60, 20);
    assert!(l.texts.iter().any(|t| t.text == "+ 302 more"));
    let ds = builtin();
    let centre = ds.index_of("lyonbiopole").unwrap();
    let hood = Neighbourhood::build(&ds, centre, 1, Limits::default());
    let l = layout(&ds, &hood, 80, 40);
    assert!(l.texts.iter().any(|t| t.text.ends_with('…')));
}
