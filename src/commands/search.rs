//! `clusterdex search QUERY [--kind K] [--limit N] [--json]`: ranked hits as a
//! table (matched letters emphasised on a terminal) or as JSON for scripts. A
//! query that asks a question ("magia coordinator") has its answers first.
//! The user's notes are searched too (`note:china`; not with `--no-state`);
//! frecency is the explorer's alone, so a script's results never depend on
//! what was opened lately.

use std::io::{self, Write};

use serde::Serialize;

use super::{Env, emphasise, exit, open};
use crate::cli::at_least_one;
use crate::model::Dataset;
use crate::model::Kind;
use crate::search::{Answer, Field, Hit, Personal, Query};
use crate::text::{clean, excerpt, pad, truncate, width};

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The query, e.g. "lyonbiopole", "medtec aliance", "kind:cluster in:france"
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Only entities of this kind (cluster, alliance, event, organisation, person, project, place)
    #[arg(long, value_name = "K")]
    pub kind: Option<Kind>,
    /// At most this many hits
    #[arg(long, value_name = "N", default_value_t = 20, value_parser = at_least_one::<usize>)]
    pub limit: usize,
    /// Print hits as JSON
    #[arg(long)]
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

pub fn run(
    env: &Env,
    args: &SearchArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let typed = args.query.join(" ");
    let text = match args.kind {
        Some(k) => format!("{typed} kind:{k}"),
        None => typed.clone(),
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
    let found = Found {
        ds,
        personal: &personal,
        answers: &answers,
        hits: &hits,
    };
    if args.json {
        json(&found, args.limit, out)?;
    } else {
        table(&found, env.color, out)?;
    }
    if hits.is_empty() && answers.is_empty() {
        writeln!(err, "no match for {}", crate::text::quote(&typed))?;
        return Ok(exit::NO);
    }
    Ok(exit::OK)
}

/// What a search found, with what it needs to be written.
struct Found<'a> {
    ds: &'a Dataset,
    personal: &'a Personal,
    answers: &'a [Answer],
    hits: &'a [Hit],
}

/// The answers and hits as one ranked JSON list, answers first.
fn json(found: &Found, limit: usize, out: &mut impl Write) -> io::Result<()> {
    let Found {
        ds,
        personal,
        answers,
        hits,
    } = *found;
    let texts: Vec<String> = answers.iter().map(|a| answer_text(ds, a)).collect();
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
    let mut rows: Vec<JsonHit> = answer_rows.chain(hit_rows).take(limit).collect();
    for (i, row) in rows.iter_mut().enumerate() {
        row.rank = i + 1;
    }
    super::write_json(out, &rows)
}

/// The answers a line each, then the hits as a table, the matched letters
/// emphasised with `color`.
fn table(found: &Found, color: bool, out: &mut impl Write) -> io::Result<()> {
    let Found {
        ds,
        personal,
        answers,
        hits,
    } = *found;
    for a in answers {
        writeln!(out, "answer  {}", super::ask::answer_line(ds, a))?;
    }
    if hits.is_empty() {
        return Ok(());
    }
    if !answers.is_empty() {
        writeln!(out)?;
    }
    let name_w = (hits.iter())
        .map(|h| width(&clean(&ds.entity(h.entity).name)).min(48))
        .max()
        .unwrap_or(4)
        .max(4);
    let id_w = (hits.iter())
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
        let name_indices: &[usize] = match h.field {
            Field::Name => &h.indices,
            _ => &[],
        };
        let name = emphasise(&shown_name, name_indices, color);
        let fill = " ".repeat(name_w.saturating_sub(width(&clean(&shown_name))));
        let matched = match h.field {
            Field::Name => "name".to_string(),
            f => {
                let (text, at) = excerpt(personal.hit_text(ds, h), &h.indices, 40);
                format!("{}: {}", f.as_str(), emphasise(&text, &at, color))
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
    Ok(())
}

/// An answer's label and what it points to: "coordinated by Lyonbiopôle".
fn answer_text(ds: &Dataset, a: &Answer) -> String {
    let what = match &a.value {
        Some(v) => v.clone(),
        None => (a.targets.iter())
            .map(|&t| ds.entity(t).name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    };
    format!("{} {what}", a.label)
}
