//! `clusterdex search QUERY [--kind K] [--limit N] [--json]`: ranked hits as a
//! table (matched letters emphasised on a terminal) or as JSON for scripts. A
//! query that asks a question ("magia coordinator") has its answers first.
//! The user's notes are searched too (`note:china`; not with `--no-state`);
//! frecency is the explorer's alone, so a script's results never depend on
//! what was opened lately.

use std::io::{self, Write};

use serde::Serialize;

use super::{Env, emphasise, exit, open};
use crate::model::Kind;
use crate::search::Query;
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
    /// On an answer hit: the label, value or targets, and sources.
    #[serde(skip_serializing_if = "Option::is_none")]
    answer: Option<super::ask::JsonAnswer<'a>>,
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
    let mut loaded = match open(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let index = loaded.take_index();
    let ds = &loaded.dataset;
    let personal = super::memory::notes_to_search(env, ds, err)?;
    let hits = match index.search_with(&query, &personal, args.limit) {
        Ok(h) => h,
        Err(e) => {
            writeln!(err, "error: invalid query: {}", crate::text::brief(&e.0))?;
            return Ok(exit::ERROR);
        }
    };
    // A kind given apart is a scope, not part of a question.
    let answers = match args.kind {
        None => crate::search::answer::answers(ds, &index, &query),
        Some(_) => Vec::new(),
    };
    let texts: Vec<String> = answers.iter().map(|a| answer_text(ds, a)).collect();
    if args.json {
        // Answers rank first, scored above every hit.
        let top = hits.first().map_or(0, |h| h.score) + 1;
        let answer_rows = answers.iter().zip(&texts).map(|(a, text)| {
            let e = ds.entity(a.entity);
            JsonHit {
                rank: 0,
                id: &e.id,
                kind: e.kind.as_str(),
                name: &e.name,
                score: top,
                field: "answer",
                text,
                indices: &[],
                answer: Some(super::ask::JsonAnswer::of(ds, a)),
            }
        });
        let hit_rows = hits.iter().map(|h| {
            let e = ds.entity(h.entity);
            JsonHit {
                rank: 0,
                id: &e.id,
                kind: e.kind.as_str(),
                name: &e.name,
                score: h.score,
                field: h.field.as_str(),
                text: personal.hit_text(ds, h),
                indices: &h.indices,
                answer: None,
            }
        });
        let mut rows: Vec<JsonHit> = answer_rows.chain(hit_rows).take(args.limit).collect();
        for (i, row) in rows.iter_mut().enumerate() {
            row.rank = i + 1;
        }
        super::write_json(out, &rows)?;
    } else {
        for a in &answers {
            writeln!(out, "answer  {}", super::ask::answer_line(ds, a))?;
        }
        if !answers.is_empty() && !hits.is_empty() {
            writeln!(out)?;
        }
    }
    if !args.json && !hits.is_empty() {
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
                    let (text, at) = excerpt(personal.hit_text(ds, h), &h.indices, 40);
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
    if hits.is_empty() && answers.is_empty() {
        writeln!(err, "no match for {}", crate::text::quote(&args.query))?;
        return Ok(exit::NO);
    }
    Ok(exit::OK)
}

/// An answer's label and what it points to: "coordinated by Lyonbiopôle".
fn answer_text(ds: &crate::model::Dataset, a: &crate::search::Answer) -> String {
    let what = match &a.value {
        Some(v) => v.clone(),
        None => (a.targets.iter())
            .map(|&t| ds.entity(t).name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    };
    format!("{} {what}", a.label)
}
