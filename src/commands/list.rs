//! `clusterdex list [--kind K] [--tag T] [--in PLACE] [--member-of GROUP]
//! [--market M] [--json]`: partner search by facets (each flag may be given
//! several times; every one must hold), with the support each member received
//! from the first group, and counts per country, tag and market.

use std::io::{self, Write};

use serde::Serialize;

use super::{Env, exit, open};
use crate::meeting::facets::{Filter, belongs, counts, filter};
use crate::model::Kind;
use crate::text::{clean, pad};

/// The facets asked for; each one given several times must hold each time.
pub struct Args {
    pub kind: Option<Kind>,
    pub tag: Vec<String>,
    pub place: Vec<String>,
    pub member_of: Vec<String>,
    pub market: Vec<String>,
    pub json: bool,
}

#[derive(Serialize)]
struct Row {
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
    entities: Vec<Row>,
    counts: std::collections::BTreeMap<&'static str, Vec<(String, usize)>>,
}

pub fn run(env: &Env, args: &Args, out: &mut impl Write, err: &mut impl Write) -> io::Result<u8> {
    let mut loaded = match open(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let index = loaded.take_index();
    let ds = &loaded.dataset;
    let mut f = Filter {
        kind: args.kind,
        tags: args
            .tag
            .iter()
            .map(|t| crate::search::fold::fold_str(t))
            .collect(),
        ..Filter::default()
    };
    for (words, slot) in [
        (&args.place, &mut f.places),
        (&args.member_of, &mut f.member_of),
        (&args.market, &mut f.markets),
    ] {
        for w in words {
            match super::find(ds, &index, w, err)? {
                Some(e) => slot.push(e),
                None => return Ok(exit::NO),
            }
        }
    }
    let found = filter(ds, &f);
    let rows: Vec<Row> = found
        .iter()
        .map(|&e| {
            let link = f.member_of.first().and_then(|&g| belongs(ds, e, g));
            Row {
                id: ds.entity(e).id.clone(),
                kind: ds.entity(e).kind.as_str(),
                name: ds.entity(e).name.clone(),
                relation: link
                    .as_ref()
                    .map(|(r, _)| ds.relations[*r].rel.name().to_string()),
                support: link.and_then(|(_, s)| s),
            }
        })
        .collect();
    let tallies = counts(ds, &found);
    if args.json {
        let listing = Listing {
            entities: rows,
            counts: tallies.into_iter().collect(),
        };
        super::write_json(out, &listing)?;
    } else {
        let name_w = rows
            .iter()
            .map(|r| crate::text::width(&clean(&r.name)).min(50))
            .max()
            .unwrap_or(4);
        for r in &rows {
            let support = r
                .support
                .as_ref()
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
            let shown: Vec<String> = values
                .iter()
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
    }
    Ok(if found.is_empty() { exit::NO } else { exit::OK })
}
