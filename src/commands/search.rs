//! `clusterdex search QUERY [--kind K] [--limit N] [--json]`: ranked hits as a
//! table (matched letters emphasised on a terminal) or as JSON for scripts.

use std::io::{self, Write};

use serde::Serialize;

use super::{Env, emphasise, exit, open};
use crate::model::Kind;
use crate::search::{Index, Query};
use crate::text::{clean, excerpt, pad, truncate, width};

pub struct Args {
    pub query: String,
    pub kind: Option<Kind>,
    pub limit: usize,
    pub json: bool,
}

#[derive(Serialize)]
struct JsonHit<'a> {
    rank: usize,
    id: &'a str,
    kind: &'a str,
    name: &'a str,
    score: i64,
    field: &'a str,
    text: &'a str,
    indices: &'a [usize],
}

pub fn run(env: &Env, args: &Args, out: &mut impl Write, err: &mut impl Write) -> io::Result<u8> {
    let text = match args.kind {
        Some(k) => format!("{} kind:{k}", args.query),
        None => args.query.clone(),
    };
    let query = match Query::parse(&text) {
        Ok(q) => q,
        Err(e) => {
            writeln!(err, "error: invalid query: {}", crate::text::brief(&e.0))?;
            return Ok(exit::ERROR);
        }
    };
    let loaded = match open(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let ds = &loaded.dataset;
    let index = Index::new(ds);
    let hits = match index.search_top(&query, args.limit) {
        Ok(h) => h,
        Err(e) => {
            writeln!(err, "error: invalid query: {}", crate::text::brief(&e.0))?;
            return Ok(exit::ERROR);
        }
    };
    if args.json {
        let rows: Vec<JsonHit> = hits
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let e = ds.entity(h.entity);
                JsonHit {
                    rank: i + 1,
                    id: &e.id,
                    kind: e.kind.as_str(),
                    name: &e.name,
                    score: h.score,
                    field: h.field.as_str(),
                    text: h.field.text(ds, h.entity),
                    indices: &h.indices,
                }
            })
            .collect();
        super::write_json(out, &rows)?;
    } else if !hits.is_empty() {
        let name_w = hits
            .iter()
            .map(|h| width(&clean(&ds.entity(h.entity).name)).min(48))
            .max()
            .unwrap_or(4)
            .max(4);
        let id_w = hits
            .iter()
            .map(|h| width(&ds.entity(h.entity).id).min(32))
            .max()
            .unwrap_or(2)
            .max(2);
        writeln!(
            out,
            "{:>3}  {:<12}  {}  {}  matched",
            "#",
            "kind",
            pad("name", name_w),
            pad("id", id_w)
        )?;
        for (i, h) in hits.iter().enumerate() {
            let e = ds.entity(h.entity);
            let shown_name = truncate(&e.name, name_w);
            let name_indices: &[usize] = if h.field == crate::search::Field::Name {
                &h.indices
            } else {
                &[]
            };
            let name = emphasise(&shown_name, name_indices, env.color);
            let fill = " ".repeat(name_w.saturating_sub(width(&clean(&shown_name))));
            let matched = match h.field {
                crate::search::Field::Name => "name".to_string(),
                f => {
                    let (text, at) = excerpt(f.text(ds, h.entity), &h.indices, 40);
                    format!("{}: {}", f.as_str(), emphasise(&text, &at, env.color))
                }
            };
            writeln!(
                out,
                "{:>3}  {:<12}  {name}{fill}  {}  {matched}",
                i + 1,
                e.kind.as_str(),
                pad(&clean(&e.id), id_w)
            )?;
        }
    }
    if hits.is_empty() {
        writeln!(err, "no match for {}", crate::text::quote(&args.query))?;
        return Ok(exit::NO);
    }
    Ok(exit::OK)
}
