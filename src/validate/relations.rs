//! Rules about relations: known types, both ends present and of fitting kinds,
//! no self-links, sound periods; and the two that need every relation at once:
//! no duplicates, no part_of cycles.

use rustc_hash::FxHashSet;

use super::given::Given;
use super::{Among, Findings, Resolved, Scope, closest};
use crate::data::format::FileRelation;
use crate::diagnostic::Element;
use crate::model::{Entity, Kind, RELATION_TYPES, RelationType, When};

pub fn unknown_types(_: &Scope, i: usize, r: &FileRelation, res: Resolved, out: &mut Findings) {
    if res.rel.is_some() {
        return;
    }
    let names = || RELATION_TYPES.iter().map(|s| s.name);
    let hint = match closest(&r.rel, names()) {
        Some(c) => format!("did you mean {c:?}?"),
        None => format!("valid types: {}", names().collect::<Vec<_>>().join(", ")),
    };
    out.error(
        "unknown-relation-type",
        Element::Relation(i),
        format!("relation type {:?} is unknown", r.rel),
        &hint,
    );
}

pub fn dangling(_: &Scope, i: usize, r: &FileRelation, res: Resolved, out: &mut Findings) {
    for (end, id, found) in [("from", &r.from, res.from), ("to", &r.to, res.to)] {
        if found.is_none() {
            out.error(
                "dangling-relation",
                Element::Relation(i),
                format!(
                    "relation {} {} {}: {end} id {id:?} is not an entity",
                    r.from, r.rel, r.to
                ),
                "add an entity with this id, or correct the id; the relation is ignored",
            )
            .suggest(
                id,
                Among::Entities,
                "the relation is ignored until the id exists",
            );
        }
    }
}

pub fn self_relations(_: &Scope, i: usize, r: &FileRelation, _: Resolved, out: &mut Findings) {
    if r.from == r.to {
        out.error(
            "self-relation",
            Element::Relation(i),
            format!("{:?} is related to itself by {}", r.from, r.rel),
            "a relation joins two different entities; remove it or correct one end",
        );
    }
}

pub fn kind_misfits(scope: &Scope, i: usize, r: &FileRelation, res: Resolved, out: &mut Findings) {
    let (Some(t), Some(a), Some(b)) = (res.rel, res.from, res.to) else {
        return;
    };
    let (ka, kb) = (scope.kinds[a], scope.kinds[b]);
    if !t.fits(ka, kb) {
        let s = t.spec();
        out.error(
            "relation-kinds",
            Element::Relation(i),
            format!(
                "{} joins {} to {}, but {:?} is {} {ka} and {:?} is {} {kb}",
                s.name,
                s.from.names(),
                s.to.names(),
                r.from,
                article(ka),
                r.to,
                article(kb)
            ),
            "use a relation type that fits these kinds, or correct the entities' kinds",
        );
    }
}

pub fn impossible_periods(_: &Scope, i: usize, r: &FileRelation, _: Resolved, out: &mut Findings) {
    if let Some(Err(err)) = r.period.as_deref().map(When::parse) {
        out.error(
            "bad-date",
            Element::Relation(i),
            format!("period of relation {} {} {}: {err}", r.from, r.rel, r.to),
            "write YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD (year unknown) or START/END",
        );
    }
}

/// "a cluster", "an alliance".
fn article(kind: Kind) -> &'static str {
    if matches!(
        kind.as_str().as_bytes()[0],
        b'a' | b'e' | b'i' | b'o' | b'u'
    ) {
        "an"
    } else {
        "a"
    }
}

/// Relations given twice: the same type, ends and role as one before. Those
/// with both ends found are compared within the group of their `from` end
/// (half a million relations then need no hash set and no key each, only an
/// index), the rest, already reported as dangling or unknown, by their text.
/// Returns the repeats, which the build leaves out.
pub fn duplicates(given: &Given, entities: &[Entity], out: &mut Findings) -> Vec<usize> {
    let mut repeats = Vec::new();
    // Relation indices grouped by `from` end, in file order within a group (a
    // counting sort); 32 bits each, since a file holds far fewer relations.
    let mut start = vec![0u32; entities.len() + 1];
    for (_, said) in given.iter() {
        if let Some((a, ..)) = said.ends() {
            start[a + 1] += 1;
        }
    }
    for a in 0..entities.len() {
        start[a + 1] += start[a];
    }
    let mut next = start.clone();
    let mut by_from = vec![0u32; start[entities.len()] as usize];
    let mut seen_text = FxHashSet::default();
    for (i, said) in given.iter() {
        if let Some((a, ..)) = said.ends() {
            by_from[next[a] as usize] = i as u32;
            next[a] += 1;
        } else if !seen_text.insert((said.names(entities), said.role())) {
            repeats.push(i);
        }
    }
    drop(next);
    let other_end = |i: &u32| given.get(*i as usize).ends().map(|(_, t, b)| (b, t));
    for group in start.windows(2) {
        let group = &mut by_from[group[0] as usize..group[1] as usize];
        if group.len() < 2 {
            continue;
        }
        group.sort_by_key(other_end);
        for same in group.chunk_by(|x, y| other_end(x) == other_end(y)) {
            for (k, &i) in same.iter().enumerate().skip(1) {
                let role = given.get(i as usize).role();
                if same[..k]
                    .iter()
                    .any(|&e| given.get(e as usize).role() == role)
                {
                    repeats.push(i as usize);
                }
            }
        }
    }
    repeats.sort_unstable();
    for &i in &repeats {
        let (from, rel, to) = given.get(i).names(entities);
        out.error(
            "duplicate-relation",
            Element::Relation(i),
            format!("relation {from} {rel} {to} is given twice"),
            "state each relation once, with all its sources; the repeat is ignored",
        );
    }
    repeats
}

/// `part_of` chains that come back to where they started.
pub fn part_of_cycles(given: &Given, entities: &[Entity], out: &mut Findings) {
    let Some(part_of) = RelationType::parse("part_of") else {
        return;
    };
    let n = entities.len();
    // The part_of links (child, parent, relation), by child, in file order.
    let mut links: Vec<(usize, usize, usize)> = given
        .iter()
        .filter_map(|(ri, said)| match said.ends() {
            Some((a, t, b)) if t == part_of && a != b => Some((a, b, ri)),
            _ => None,
        })
        .collect();
    links.sort_by_key(|l| l.0);
    let parents = |child: usize| {
        let from = links.partition_point(|l| l.0 < child);
        let to = links.partition_point(|l| l.0 <= child);
        &links[from..to]
    };
    // Iterative depth-first search: 0 unseen, 1 on the current path, 2 done.
    let mut state = vec![0u8; n];
    for start in 0..n {
        if state[start] != 0 || parents(start).is_empty() {
            continue;
        }
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(&mut (node, ref mut next)) = path.last_mut() {
            let Some(&(_, parent, ri)) = parents(node).get(*next) else {
                state[node] = 2;
                path.pop();
                continue;
            };
            *next += 1;
            match state[parent] {
                0 => {
                    state[parent] = 1;
                    path.push((parent, 0));
                }
                1 => {
                    let from = path.iter().position(|&(p, _)| p == parent).unwrap_or(0);
                    let mut chain: Vec<&str> = path[from..]
                        .iter()
                        .map(|&(p, _)| entities[p].id.as_ref())
                        .collect();
                    chain.push(&entities[parent].id);
                    out.error(
                        "part-of-cycle",
                        Element::Relation(ri),
                        format!("part_of goes round in a circle: {}", chain.join(" -> ")),
                        "a place or body cannot be part of itself; remove one of these part_of relations",
                    );
                }
                _ => {}
            }
        }
    }
}
