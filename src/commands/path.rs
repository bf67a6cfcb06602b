//! `clusterdex path A B [--max N] [--json]`: how two entities are connected —
//! the shortest chains of relations, each hop with its label, certainty and
//! sources.

use std::io::{self, Write};

use serde::Serialize;

use super::{Env, exit, open};
use crate::meeting::path::{describe, shortest};
use crate::model::Direction;
use crate::text::clean;

#[derive(Serialize)]
struct HopOut {
    from: String,
    label: &'static str,
    direction: &'static str,
    to: String,
    to_name: String,
    certainty: &'static str,
    sources: Vec<String>,
}

#[derive(Serialize)]
struct ChainOut {
    text: String,
    hops: Vec<HopOut>,
}

pub fn run(
    env: &Env,
    a: &str,
    b: &str,
    max: usize,
    json: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let mut loaded = match open(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let index = loaded.take_index();
    let ds = &loaded.dataset;
    let (Some(from), Some(to)) = (
        super::find(ds, &index, a, err)?,
        super::find(ds, &index, b, err)?,
    ) else {
        return Ok(exit::NO);
    };
    if from == to {
        // One entity: connected to itself by the empty chain.
        let name = &ds.entity(from).name;
        if json {
            let same = [ChainOut {
                text: name.clone(),
                hops: Vec::new(),
            }];
            super::write_json(out, &same)?;
        } else {
            writeln!(
                out,
                "{} is at both ends: the same entity, 0 hops",
                clean(name)
            )?;
        }
        return Ok(exit::OK);
    }
    let chains = shortest(ds, from, to, max.max(1));
    if chains.is_empty() {
        writeln!(
            err,
            "no path connects {} and {}",
            clean(&ds.entity(from).name),
            clean(&ds.entity(to).name)
        )?;
        return Ok(exit::NO);
    }
    let rendered: Vec<ChainOut> = chains
        .iter()
        .map(|c| {
            let mut prev = c.start;
            let hops = c
                .hops
                .iter()
                .map(|h| {
                    let r = &ds.relations[h.relation];
                    let hop = HopOut {
                        from: ds.entity(prev).id.clone(),
                        label: r.rel.label(h.direction),
                        direction: if h.direction == Direction::Outgoing {
                            "->"
                        } else {
                            "<-"
                        },
                        to: ds.entity(h.to).id.clone(),
                        to_name: ds.entity(h.to).name.clone(),
                        certainty: r.certainty.as_str(),
                        sources: r
                            .sources
                            .iter()
                            .map(|&s| ds.sources[s].id.clone())
                            .collect(),
                    };
                    prev = h.to;
                    hop
                })
                .collect();
            ChainOut {
                text: describe(ds, c),
                hops,
            }
        })
        .collect();
    if json {
        super::write_json(out, &rendered)?;
        return Ok(exit::OK);
    }
    let hops = chains[0].hops.len();
    writeln!(
        out,
        "{} shortest path{} of {hops} hop{}:",
        chains.len(),
        if chains.len() == 1 { "" } else { "s" },
        if hops == 1 { "" } else { "s" }
    )?;
    for (i, c) in rendered.iter().enumerate() {
        writeln!(out, "\n{}. {}", i + 1, clean(&c.text))?;
        for h in &c.hops {
            writeln!(
                out,
                "   {} {} {}  ({}; {})",
                h.direction,
                h.label,
                clean(&h.to_name),
                h.certainty,
                h.sources.join(", ")
            )?;
        }
    }
    Ok(exit::OK)
}
