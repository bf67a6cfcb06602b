//! `clusterdex path A B [--max N] [--json]`: how two entities are connected —
//! the shortest chains of relations, each hop with its label, certainty and
//! sources.

use std::io::{self, Write};

use serde::Serialize;

use super::{Env, exit, open};
use crate::cli::at_least_one;
use crate::meeting::path::{Chain, describe, shortest};
use crate::model::{Dataset, Direction};
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

#[derive(Debug, clap::Args)]
pub struct PathArgs {
    /// The first entity (id, name or alias)
    pub from: String,
    /// The second entity (id, name or alias)
    pub to: String,
    /// At most this many chains
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = at_least_one::<usize>)]
    pub max: usize,
    /// Print the chains as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(
    env: &Env,
    args: &PathArgs,
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
        super::find(ds, &index, &args.from, err)?,
        super::find(ds, &index, &args.to, err)?,
    ) else {
        return Ok(exit::NO);
    };
    if from == to {
        same(ds, from, args.json, out)?;
        return Ok(exit::OK);
    }
    let chains = shortest(ds, from, to, args.max.max(1));
    if chains.is_empty() {
        writeln!(
            err,
            "no path connects {} and {}",
            clean(&ds.entity(from).name),
            clean(&ds.entity(to).name)
        )?;
        return Ok(exit::NO);
    }
    let rendered: Vec<ChainOut> = chains.iter().map(|c| chain_out(ds, c)).collect();
    if args.json {
        super::write_json(out, &rendered)?;
    } else {
        text(&rendered, out)?;
    }
    Ok(exit::OK)
}

/// One entity at both ends: connected to itself by the empty chain.
fn same(ds: &Dataset, e: usize, json: bool, out: &mut impl Write) -> io::Result<()> {
    let name = &ds.entity(e).name;
    if json {
        let same = [ChainOut {
            text: name.to_string(),
            hops: Vec::new(),
        }];
        super::write_json(out, &same)
    } else {
        writeln!(
            out,
            "{} is at both ends: the same entity, 0 hops",
            clean(name)
        )
    }
}

/// A chain as it is written out: its sentence, and each hop with its ends.
fn chain_out(ds: &Dataset, c: &Chain) -> ChainOut {
    let mut prev = c.start;
    let hops = (c.hops.iter())
        .map(|h| {
            let r = &ds.relations[h.relation];
            let hop = HopOut {
                from: ds.entity(prev).id.to_string(),
                label: r.rel.label(h.direction),
                direction: if h.direction == Direction::Outgoing {
                    "->"
                } else {
                    "<-"
                },
                to: ds.entity(h.to).id.to_string(),
                to_name: ds.entity(h.to).name.to_string(),
                certainty: r.certainty.as_str(),
                sources: (r.sources().iter())
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
}

/// The chains as numbered paragraphs, a hop a line.
fn text(chains: &[ChainOut], out: &mut impl Write) -> io::Result<()> {
    let hops = chains[0].hops.len();
    writeln!(
        out,
        "{} shortest path{} of {hops} hop{}:",
        chains.len(),
        if chains.len() == 1 { "" } else { "s" },
        if hops == 1 { "" } else { "s" }
    )?;
    for (i, c) in chains.iter().enumerate() {
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
    Ok(())
}
