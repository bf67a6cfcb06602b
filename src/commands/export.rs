//! `clusterdex export --format json|csv|md|dot [--kind K] [--relations] [ID...]`:
//! the dataset, or some entities, for other tools: JSON, CSV, a Markdown
//! briefing, or a Graphviz graph of the relations.

use std::io::{self, Write};

use serde::Serialize;

use super::{Env, exit, open};
use crate::model::{Dataset, Kind, Relation};
use crate::text::clean;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Md,
    Dot,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Output format
    #[arg(long, value_enum)]
    pub format: Format,
    /// Only entities of this kind
    #[arg(long, value_name = "K")]
    pub kind: Option<Kind>,
    /// With --format csv: the relations instead of the entities
    #[arg(long)]
    pub relations: bool,
    /// Entity ids (all when none)
    pub ids: Vec<String>,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: &'a str,
    kind: &'static str,
    subkind: Option<&'a str>,
    name: &'a str,
    aliases: &'a [String],
    description: &'a str,
    tags: &'a [String],
    facts: Vec<(&'a str, &'a str)>,
    sources: Vec<&'a str>,
}

#[derive(Serialize)]
struct RelationOut<'a> {
    from: &'a str,
    rel: &'static str,
    to: &'a str,
    role: Option<&'a str>,
    period: Option<String>,
    certainty: &'static str,
    note: Option<&'a str>,
    sources: Vec<&'a str>,
}

/// A CSV field, quoted when it must be (RFC 4180), control characters neutralised.
fn csv(field: &str) -> String {
    let f = clean(field);
    if f.contains([',', '"']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.into_owned()
    }
}

/// A DOT string literal.
fn dot(s: &str) -> String {
    format!(
        "\"{}\"",
        clean(s).replace('\\', "\\\\").replace('"', "\\\"")
    )
}

fn relation_out<'a>(ds: &'a Dataset, r: &'a Relation) -> RelationOut<'a> {
    RelationOut {
        from: &ds.entity(r.from()).id,
        rel: r.rel.name(),
        to: &ds.entity(r.to()).id,
        role: r.role(),
        period: r.period().map(|p| p.iso()),
        certainty: r.certainty.as_str(),
        note: r.note(),
        sources: source_ids(ds, r.sources()),
    }
}

pub fn run(
    env: &Env,
    args: &ExportArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    // A terminal's stdout is flushed at every line: a large export would
    // then be one write per line.
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let code = export(env, args, &mut out, err)?;
    out.flush()?;
    Ok(code)
}

fn export(
    env: &Env,
    args: &ExportArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    if args.relations && args.format != Format::Csv {
        writeln!(
            err,
            "error: --relations applies to --format csv only; JSON, Markdown and DOT already carry the relations"
        )?;
        return Ok(exit::ERROR);
    }
    let loaded = match open(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let ds = &loaded.dataset;
    let Some(chosen) = chosen(ds, args, err)? else {
        return Ok(exit::NO);
    };
    // By entity number: a search of the list per relation end was quadratic.
    let mut member = vec![false; ds.len()];
    for &e in &chosen {
        member[e] = true;
    }
    let inside = |e: usize| member.get(e).copied().unwrap_or(false);
    let relations: Vec<&Relation> = (ds.relations.iter())
        .filter(|r| inside(r.from()) && inside(r.to()))
        .collect();
    match args.format {
        Format::Json => json(ds, &chosen, &relations, out)?,
        Format::Csv if args.relations => csv_relations(ds, &relations, out)?,
        Format::Csv => csv_entities(ds, &chosen, out)?,
        Format::Md => markdown(env, ds, &chosen, out, err)?,
        Format::Dot => dot_graph(ds, &chosen, &relations, out)?,
    }
    Ok(exit::OK)
}

/// The entities asked for (all without ids) of the kind asked for, in order;
/// `None` when an id names no entity, said on `err`.
fn chosen(ds: &Dataset, args: &ExportArgs, err: &mut impl Write) -> io::Result<Option<Vec<usize>>> {
    let mut chosen: Vec<usize> = Vec::new();
    for id in &args.ids {
        match ds.index_of(id) {
            Some(e) => chosen.push(e),
            None => {
                writeln!(
                    err,
                    "error: no entity has the id {}",
                    crate::text::quote(id)
                )?;
                return Ok(None);
            }
        }
    }
    if args.ids.is_empty() {
        chosen = (0..ds.len()).collect();
    }
    chosen.retain(|&e| args.kind.is_none_or(|k| ds.entity(e).kind == k));
    Ok(Some(chosen))
}

fn source_ids<'a>(ds: &'a Dataset, sources: &[usize]) -> Vec<&'a str> {
    (sources.iter())
        .map(|&i| ds.sources[i].id.as_str())
        .collect()
}

fn json(
    ds: &Dataset,
    chosen: &[usize],
    relations: &[&Relation],
    out: &mut impl Write,
) -> io::Result<()> {
    let entity = |e: usize| {
        let x = ds.entity(e);
        EntityOut {
            id: &x.id,
            kind: x.kind.as_str(),
            subkind: x.subkind.as_deref(),
            name: &x.name,
            aliases: &x.aliases,
            description: &x.description,
            tags: &x.tags,
            facts: (x.facts.iter())
                .map(|f| (f.label.as_str(), f.value.as_str()))
                .collect(),
            sources: source_ids(ds, &x.sources),
        }
    };
    let entities: Vec<EntityOut> = chosen.iter().map(|&e| entity(e)).collect();
    let rels: Vec<RelationOut> = relations.iter().map(|r| relation_out(ds, r)).collect();
    super::write_json(
        out,
        &serde_json::json!({ "entities": entities, "relations": rels }),
    )
}

fn csv_relations(ds: &Dataset, relations: &[&Relation], out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "from,rel,to,role,period,certainty,note,sources")?;
    for r in relations.iter().map(|r| relation_out(ds, r)) {
        let row = [
            r.from,
            r.rel,
            r.to,
            r.role.unwrap_or(""),
            r.period.as_deref().unwrap_or(""),
            r.certainty,
            r.note.unwrap_or(""),
            &r.sources.join(";"),
        ];
        writeln!(out, "{}", row.map(csv).join(","))?;
    }
    Ok(())
}

fn csv_entities(ds: &Dataset, chosen: &[usize], out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "id,kind,subkind,name,aliases,tags,description,sources")?;
    for &e in chosen {
        let x = ds.entity(e);
        let row = [
            &x.id,
            x.kind.as_str(),
            x.subkind.as_deref().unwrap_or(""),
            &x.name,
            &x.aliases.join(";"),
            &x.tags.join(";"),
            &x.description,
            &source_ids(ds, &x.sources).join(";"),
        ];
        writeln!(out, "{}", row.map(csv).join(","))?;
    }
    Ok(())
}

/// The briefing: each entity's card with the user's notes on it.
fn markdown(
    env: &Env,
    ds: &Dataset,
    chosen: &[usize],
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<()> {
    writeln!(
        out,
        "# Briefing: {}\n",
        clean(if ds.title.is_empty() {
            "clusterdex"
        } else {
            &ds.title
        })
    )?;
    let notes = super::memory::notes_for_export(env, err)?;
    for &e in chosen {
        writeln!(out, "{}", crate::meeting::card::markdown(ds, e))?;
        super::memory::write_notes(&notes, &ds.entity(e).id, out)?;
    }
    Ok(())
}

fn dot_graph(
    ds: &Dataset,
    chosen: &[usize],
    relations: &[&Relation],
    out: &mut impl Write,
) -> io::Result<()> {
    writeln!(
        out,
        "digraph clusterdex {{\n  rankdir=LR;\n  node [shape=box];"
    )?;
    for &e in chosen {
        let x = ds.entity(e);
        writeln!(
            out,
            "  {} [label={}];",
            dot(&x.id),
            dot(&format!("{}\n({})", x.name, x.kind))
        )?;
    }
    for r in relations {
        let style = if r.certainty == crate::model::Certainty::Inferred {
            ", style=dashed"
        } else {
            ""
        };
        writeln!(
            out,
            "  {} -> {} [label={}{style}];",
            dot(&ds.entity(r.from()).id),
            dot(&ds.entity(r.to()).id),
            dot(r.rel.forward())
        )?;
    }
    writeln!(out, "}}")
}
