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
use crate::model::{Dataset, Entity, Kind};
use crate::search::{Answer, Field, Hit, Query, Unmatched};
use crate::text::{clean, excerpt, pad, truncate, width};

/// `--limit` when not given.
pub const LIMIT: usize = 20;

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The query, e.g. "lyonbiopole", "medtec aliance", "kind:cluster in:france"
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Only entities of this kind (cluster, alliance, event, organisation, person, project, place)
    #[arg(long, value_name = "K")]
    pub kind: Option<Kind>,
    /// At most this many hits
    #[arg(long, value_name = "N", default_value_t = LIMIT, value_parser = at_least_one::<usize>)]
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
    answer: Option<&'a super::ask::JsonAnswer<'a>>,
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
        Err(e) => return invalid(&e, err),
    };
    let notes = super::memory::notes_to_search(env, err)?;
    // A kind given apart is a scope, not part of a question.
    let asks = args.kind.is_none() && crate::search::answer::may_answer(&query);
    if !asks
        && let Some(code) = super::glance::search(env, (args, &query, &typed), &notes, out, err)?
    {
        return Ok(code);
    }
    let mut loaded = match open(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let index = loaded.take_index();
    let ds = &loaded.dataset;
    let personal = super::memory::personal(notes, ds);
    let hits = match index.search_with(&query, &personal, args.limit) {
        Ok(h) => h,
        Err(e) => return invalid(&e, err),
    };
    let answers = match asks {
        true => crate::search::answer::answers_or_gap(ds, &index, &query),
        false => Vec::new(),
    };
    let rows = (hits.iter())
        .map(|hit| Row {
            entity: ds.entity(hit.entity),
            hit,
            text: personal.hit_text(ds, hit),
        })
        .collect();
    let found = Found {
        said: answers.iter().map(|a| Said::of(ds, a)).collect(),
        unmatched: (hits.is_empty() && answers.is_empty())
            .then(|| index.unmatched(&query, &personal))
            .flatten(),
        rows,
    };
    write(&found, args, env.color, &typed, out, err)
}

/// A query the index refused.
pub(super) fn invalid(e: &crate::search::QueryError, err: &mut impl Write) -> io::Result<u8> {
    writeln!(err, "error: invalid query: {}", crate::text::brief(&e.0))?;
    Ok(exit::ERROR)
}

/// What a search found, ready to be written: the answers, then the hits.
pub(super) struct Found<'a> {
    pub said: Vec<Said<'a>>,
    pub rows: Vec<Row<'a>>,
    /// When nothing was found: which words are at fault.
    pub unmatched: Option<Unmatched>,
}

/// One hit with its entity and the text of the field it matched.
pub(super) struct Row<'a> {
    pub entity: &'a Entity,
    pub hit: &'a Hit,
    pub text: &'a str,
}

/// One answer as it is written: a line of the table, a row of the JSON.
pub(super) struct Said<'a> {
    entity: &'a Entity,
    line: String,
    text: String,
    json: super::ask::JsonAnswer<'a>,
}

impl<'a> Said<'a> {
    fn of(ds: &'a Dataset, a: &'a Answer) -> Said<'a> {
        Said {
            entity: ds.entity(a.entity),
            line: super::ask::answer_line(ds, a),
            text: answer_text(ds, a),
            json: super::ask::JsonAnswer::of(ds, a),
        }
    }
}

/// Writes what was found as the table or JSON `args` ask for; the exit code.
pub(super) fn write(
    found: &Found,
    args: &SearchArgs,
    color: bool,
    typed: &str,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    if args.json {
        json(found, args.limit, out)?;
    } else {
        table(found, color, out)?;
    }
    if found.rows.is_empty() && found.said.is_empty() {
        write!(err, "no match for {}", crate::text::quote(typed))?;
        match &found.unmatched {
            Some(why) => writeln!(err, ": {}", clean(&why.to_string()))?,
            None => writeln!(err)?,
        }
        return Ok(exit::NO);
    }
    Ok(exit::OK)
}

/// The answers and hits as one ranked JSON list, answers first.
fn json(found: &Found, limit: usize, out: &mut impl Write) -> io::Result<()> {
    // Answers rank first, scored above every hit.
    let top = found.rows.first().map_or(0, |r| r.hit.score) + 1;
    let answer_rows = found.said.iter().map(|a| JsonHit {
        rank: 0,
        id: &a.entity.id,
        kind: a.entity.kind.as_str(),
        name: &a.entity.name,
        score: top,
        field: "answer",
        text: &a.text,
        indices: &[],
        answer: Some(&a.json),
    });
    let hit_rows = found.rows.iter().map(|r| JsonHit {
        rank: 0,
        id: &r.entity.id,
        kind: r.entity.kind.as_str(),
        name: &r.entity.name,
        score: r.hit.score,
        field: r.hit.field.as_str(),
        text: r.text,
        indices: &r.hit.indices,
        answer: None,
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
    for a in &found.said {
        writeln!(out, "answer  {}", a.line)?;
    }
    let rows = &found.rows;
    if rows.is_empty() {
        return Ok(());
    }
    if !found.said.is_empty() {
        writeln!(out)?;
    }
    let name_w = (rows.iter())
        .map(|r| width(&clean(&r.entity.name)).min(48))
        .max()
        .unwrap_or(4)
        .max(4);
    let id_w = (rows.iter())
        .map(|r| width(&r.entity.id).min(32))
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
    for (i, r) in rows.iter().enumerate() {
        let (e, h) = (r.entity, r.hit);
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
                let (text, at) = excerpt(r.text, &h.indices, 40);
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
            .map(|&t| ds.entity(t).name.as_ref())
            .collect::<Vec<_>>()
            .join(", "),
    };
    format!("{} {what}", a.label)
}
