//! Rules about citations: every entity, fact and relation cites at least one
//! source, and every cited source exists. Owners are described only when a
//! problem is found, so a large sound file costs no formatting.

use super::{Ctx, closest};
use crate::diagnostic::{Diagnostic, Position};

/// Something that cites sources.
#[derive(Clone, Copy)]
enum Owner {
    Entity(usize),
    Fact(usize, usize),
    Date(usize, usize),
    Relation(usize),
}

impl Owner {
    fn describe(self, ctx: &Ctx) -> String {
        let e = |i: usize| &ctx.file.entities[i];
        match self {
            Owner::Entity(i) => format!("entity {:?}", e(i).id),
            Owner::Fact(i, j) => format!("fact {:?} of {:?}", e(i).facts[j].label, e(i).id),
            Owner::Date(i, j) => format!("date {:?} of {:?}", e(i).dates[j].label, e(i).id),
            Owner::Relation(i) => {
                let r = &ctx.file.relations[i];
                format!("relation {} {} {}", r.from, r.rel, r.to)
            }
        }
    }

    fn position(self, ctx: &Ctx) -> Option<Position> {
        match self {
            Owner::Entity(i) => ctx.spans.entity(i),
            Owner::Fact(i, j) => ctx.spans.fact(i, j),
            Owner::Date(i, j) => ctx.spans.date(i, j),
            Owner::Relation(i) => ctx.spans.relation(i),
        }
    }
}

/// Calls `f` for every citing owner, dates last (they may cite nothing).
fn each_citation<'a>(ctx: &Ctx<'a>, mut f: impl FnMut(Owner, &'a [String])) {
    for (i, e) in ctx.file.entities.iter().enumerate() {
        f(Owner::Entity(i), &e.sources);
        for (j, fact) in e.facts.iter().enumerate() {
            f(Owner::Fact(i, j), &fact.sources);
        }
    }
    for (i, r) in ctx.file.relations.iter().enumerate() {
        f(Owner::Relation(i), &r.sources);
    }
}

pub fn unknown_sources(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut check = |owner: Owner, cited: &[String]| {
        for s in cited
            .iter()
            .filter(|s| !ctx.sources.contains_key(s.as_str()))
        {
            let suggestion = if out.len() < super::MAX_PER_RULE {
                closest(s, ctx.sources.keys().copied())
            } else {
                None
            };
            let hint = match suggestion {
                Some(c) => format!("did you mean {c:?}? every cited source must be in `sources`"),
                None => "add it to `sources` or cite an existing one".to_string(),
            };
            out.push(Diagnostic::error(
                "unknown-source",
                owner.position(ctx),
                format!("{} cites unknown source {s:?}", owner.describe(ctx)),
                &hint,
            ));
        }
    };
    each_citation(ctx, &mut check);
    for (i, e) in ctx.file.entities.iter().enumerate() {
        for (j, d) in e.dates.iter().enumerate() {
            check(Owner::Date(i, j), &d.sources);
        }
    }
    out
}

pub fn missing_sources(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    each_citation(ctx, |owner, cited| {
        if cited.is_empty() {
            out.push(Diagnostic::error(
                "no-source",
                owner.position(ctx),
                format!("{} cites no source", owner.describe(ctx)),
                "add sources: [\"...\"] naming the document that states it",
            ));
        }
    });
    out
}
