//! Rules about relations: known types, both ends present and of fitting kinds,
//! no self-links, no duplicates, sound periods, and no part_of cycles.

use rustc_hash::FxHashSet;

use super::{Ctx, closest};
use crate::diagnostic::Diagnostic;
use crate::model::{Kind, RELATION_TYPES, When};

pub fn unknown_types(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, r) in ctx.file.relations.iter().enumerate() {
        if ctx.resolved[i].rel.is_none() {
            let hint = match closest(&r.rel, RELATION_TYPES.iter().map(|s| s.name)) {
                Some(c) => format!("did you mean {c:?}?"),
                None => format!(
                    "valid types: {}",
                    RELATION_TYPES
                        .iter()
                        .map(|s| s.name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            out.push(Diagnostic::error(
                "unknown-relation-type",
                ctx.spans.relation(i),
                format!("relation type {:?} is unknown", r.rel),
                &hint,
            ));
        }
    }
    out
}

pub fn dangling(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, r) in ctx.file.relations.iter().enumerate() {
        let ends = [
            ("from", &r.from, ctx.resolved[i].from),
            ("to", &r.to, ctx.resolved[i].to),
        ];
        for (end, id, found) in ends {
            if found.is_none() {
                // Suggestions cost a pass over all ids: only for the findings that will be shown.
                let suggestion = if out.len() < super::MAX_PER_RULE {
                    closest(id, ctx.ids.keys().copied())
                } else {
                    None
                };
                let hint = match suggestion {
                    Some(c) => {
                        format!("did you mean {c:?}? the relation is ignored until the id exists")
                    }
                    None => {
                        "add an entity with this id, or correct the id; the relation is ignored"
                            .to_string()
                    }
                };
                out.push(Diagnostic::error(
                    "dangling-relation",
                    ctx.spans.relation(i),
                    format!(
                        "relation {} {} {}: {end} id {id:?} is not an entity",
                        r.from, r.rel, r.to
                    ),
                    &hint,
                ));
            }
        }
    }
    out
}

pub fn self_relations(ctx: &Ctx) -> Vec<Diagnostic> {
    ctx.file
        .relations
        .iter()
        .enumerate()
        .filter(|(_, r)| r.from == r.to)
        .map(|(i, r)| {
            Diagnostic::error(
                "self-relation",
                ctx.spans.relation(i),
                format!("{:?} is related to itself by {}", r.from, r.rel),
                "a relation joins two different entities; remove it or correct one end",
            )
        })
        .collect()
}

pub fn kind_misfits(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, r) in ctx.file.relations.iter().enumerate() {
        let (Some(t), Some(a), Some(b)) = (
            ctx.resolved[i].rel,
            ctx.resolved[i].from,
            ctx.resolved[i].to,
        ) else {
            continue;
        };
        let (ka, kb) = (
            Kind::from(ctx.file.entities[a].kind),
            Kind::from(ctx.file.entities[b].kind),
        );
        if !t.fits(ka, kb) {
            let s = t.spec();
            out.push(Diagnostic::error(
                "relation-kinds",
                ctx.spans.relation(i),
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
            ));
        }
    }
    out
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

pub fn duplicates(ctx: &Ctx) -> Vec<Diagnostic> {
    // Resolved relations compare by index (cheap); the rest, already reported
    // as dangling or unknown, by their text.
    // Sized up front: growing a set of half a million relations rehashes it often.
    let mut seen =
        FxHashSet::with_capacity_and_hasher(ctx.file.relations.len(), Default::default());
    let mut seen_text = FxHashSet::default();
    let mut out = Vec::new();
    for (i, r) in ctx.file.relations.iter().enumerate() {
        let fresh = match ctx.resolved[i] {
            super::Resolved {
                rel: Some(t),
                from: Some(a),
                to: Some(b),
            } => seen.insert((a, t, b, r.role.as_deref())),
            _ => seen_text.insert((
                r.from.as_str(),
                r.rel.as_str(),
                r.to.as_str(),
                r.role.as_deref(),
            )),
        };
        if !fresh {
            out.push(Diagnostic::error(
                "duplicate-relation",
                ctx.spans.relation(i),
                format!("relation {} {} {} is given twice", r.from, r.rel, r.to),
                "state each relation once, with all its sources; the repeat is ignored",
            ));
        }
    }
    out
}

pub fn impossible_periods(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, r) in ctx.file.relations.iter().enumerate() {
        if let Some(Err(err)) = r.period.as_deref().map(When::parse) {
            out.push(Diagnostic::error(
                "bad-date",
                ctx.spans.relation(i),
                format!("period of relation {} {} {}: {err}", r.from, r.rel, r.to),
                "write YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD (year unknown) or START/END",
            ));
        }
    }
    out
}

pub fn part_of_cycles(ctx: &Ctx) -> Vec<Diagnostic> {
    let n = ctx.file.entities.len();
    let mut parents: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (ri, r) in ctx.file.relations.iter().enumerate() {
        if r.rel == "part_of"
            && let (Some(&a), Some(&b)) = (ctx.ids.get(r.from.as_str()), ctx.ids.get(r.to.as_str()))
            && a != b
        {
            parents[a].push((b, ri));
        }
    }
    // Iterative depth-first search: 0 unseen, 1 on the current path, 2 done.
    let mut state = vec![0u8; n];
    let mut out = Vec::new();
    for start in 0..n {
        if state[start] != 0 || parents[start].is_empty() {
            continue;
        }
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(&mut (node, ref mut next)) = path.last_mut() {
            if let Some(&(parent, ri)) = parents[node].get(*next) {
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
                            .map(|&(p, _)| ctx.file.entities[p].id.as_str())
                            .collect();
                        chain.push(&ctx.file.entities[parent].id);
                        out.push(Diagnostic::error("part-of-cycle", ctx.spans.relation(ri), format!("part_of goes round in a circle: {}", chain.join(" -> ")), "a place or body cannot be part of itself; remove one of these part_of relations"));
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                path.pop();
            }
        }
    }
    out
}
