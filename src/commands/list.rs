//! `clusterdex list [--kind K] [--tag T] [--in PLACE] [--member-of GROUP]
//! [--market M] [--json]`: partner search by facets (each flag may be given
//! several times; every one must hold), with the support each member received
//! from the first group, and counts per country, tag and market.

use std::io::{self, Write};

use serde::Serialize;

use super::{Env, exit, open};
use crate::meeting::facets::{Counts, Facets, belongs, counts, filter};
use crate::model::{Dataset, Kind};
use crate::search::Index;
use crate::text::{clean, pad};

// The facets asked for; each one given several times must hold each time.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only entities of this kind
    #[arg(long, value_name = "K")]
    pub kind: Option<Kind>,
    /// With a tag containing this text, e.g. oncology (repeat: every one)
    #[arg(long, value_name = "T")]
    pub tag: Vec<String>,
    /// In this place or any place inside it, e.g. france (repeat: every one)
    #[arg(long = "in", value_name = "PLACE")]
    pub place: Vec<String>,
    /// Belonging to this alliance or group (member, partner, project, ...; repeat: every one)
    #[arg(long, value_name = "GROUP")]
    pub member_of: Vec<String>,
    /// Targeting this market, e.g. china (repeat: every one)
    #[arg(long, value_name = "M")]
    pub market: Vec<String>,
    /// Print the list and counts as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Listed {
    id: String,
    kind: &'static str,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    relation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    support: Option<String>,
}

#[derive(Serialize)]
struct Listing {
    entities: Vec<Listed>,
    counts: std::collections::BTreeMap<&'static str, Vec<(String, usize)>>,
}

pub fn run(
    env: &Env,
    args: &ListArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let mut loaded = match open(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let index = loaded.take_index();
    let ds = &loaded.dataset;
    let Some(f) = facets(ds, &index, args, err)? else {
        return Ok(exit::NO);
    };
    let found = filter(ds, &f);
    let rows: Vec<Listed> = found.iter().map(|&e| listed(ds, &f, e)).collect();
    let tallies = counts(ds, &found);
    if args.json {
        let listing = Listing {
            entities: rows,
            counts: tallies.into_iter().collect(),
        };
        super::write_json(out, &listing)?;
    } else {
        text(&rows, &tallies, out)?;
    }
    Ok(if found.is_empty() { exit::NO } else { exit::OK })
}

/// The facets asked for, each place and group found as `show` finds an
/// entity; `None` when one is not (said on `err`).
fn facets(
    ds: &Dataset,
    index: &Index,
    args: &ListArgs,
    err: &mut impl Write,
) -> io::Result<Option<Facets>> {
    let mut f = Facets {
        kind: args.kind,
        tags: (args.tag.iter())
            .map(|t| crate::search::fold::fold_str(t))
            .collect(),
        ..Facets::default()
    };
    for (words, slot) in [
        (&args.place, &mut f.places),
        (&args.member_of, &mut f.member_of),
        (&args.market, &mut f.markets),
    ] {
        for w in words {
            match super::find(ds, index, w, err)? {
                Some(e) => slot.push(e),
                None => return Ok(None),
            }
        }
    }
    Ok(Some(f))
}

/// An entity found, with how it belongs to the first group asked for.
fn listed(ds: &Dataset, f: &Facets, e: usize) -> Listed {
    let link = f.member_of.first().and_then(|&g| belongs(ds, e, g));
    Listed {
        id: ds.entity(e).id.to_string(),
        kind: ds.entity(e).kind.as_str(),
        name: ds.entity(e).name.to_string(),
        relation: (link.as_ref()).map(|(r, _)| ds.relations[*r].rel.name().to_string()),
        support: link.and_then(|(_, s)| s),
    }
}

/// The entities a line each, their number, then the counts by facet.
fn text(rows: &[Listed], tallies: &[(&str, Counts)], out: &mut impl Write) -> io::Result<()> {
    let name_w = (rows.iter())
        .map(|r| crate::text::width(&clean(&r.name)).min(50))
        .max()
        .unwrap_or(4);
    for r in rows {
        let support = (r.support.as_ref())
            .map(|s| format!("  support: {s}"))
            .unwrap_or_default();
        writeln!(
            out,
            "{:<12}  {}  {}{}",
            r.kind,
            pad(&clean(&r.name), name_w),
            clean(&r.id),
            clean(&support)
        )?;
    }
    writeln!(
        out,
        "\n{} entit{}",
        rows.len(),
        if rows.len() == 1 { "y" } else { "ies" }
    )?;
    for (facet, values) in tallies.iter().filter(|(_, v)| !v.is_empty()) {
        let shown: Vec<String> = (values.iter())
            .take(8)
            .map(|(v, n)| format!("{} {n}", clean(v)))
            .collect();
        let more = if values.len() > 8 {
            format!(", … {} more", values.len() - 8)
        } else {
            String::new()
        };
        writeln!(out, "by {facet}: {}{more}", shown.join(", "))?;
    }
    Ok(())
}
