//! `clusterdex timeline [--from YEAR] [--to YEAR] [--kind K] [--json]`: what
//! happened when, grouped by year, with undated years kept apart.

use std::io::{self, Write};

use serde::Serialize;

use super::{Env, exit, open};
use crate::meeting::timeline::{TimelineFilter, build};
use crate::model::Kind;
use crate::text::clean;

#[derive(Serialize)]
struct EntryOut {
    year: Option<i32>,
    date: String,
    iso: String,
    id: String,
    name: String,
    kind: &'static str,
    label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct TimelineArgs {
    /// From this year on
    #[arg(long, value_name = "YEAR")]
    pub from: Option<i32>,
    /// Up to this year
    #[arg(long, value_name = "YEAR")]
    pub to: Option<i32>,
    /// Only entities of this kind
    #[arg(long, value_name = "K")]
    pub kind: Option<Kind>,
    /// Print the entries as JSON
    #[arg(long, conflicts_with = "chart")]
    pub json: bool,
    /// Draw a chart of periods: one row per dated entity on a year axis
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub chart: bool,
    /// With --chart: columns of the chart (default: the terminal's width)
    #[arg(long, value_name = "W", requires = "chart")]
    pub width: Option<u16>,
    /// With --chart: the year marked as today (default: the system clock's)
    #[arg(long, value_name = "YEAR", requires = "chart")]
    pub today: Option<i32>,
}

/// The entries as text or JSON, or with `--chart` the period chart.
pub fn run(
    env: &Env,
    args: &TimelineArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    if args.chart {
        let chart = super::chart::ChartArgs {
            kind: args.kind,
            width: args.width.unwrap_or_else(super::picture_width),
            today: args.today.unwrap_or_else(crate::app::chart::this_year),
        };
        return super::chart::run(env, &chart, out, err);
    }
    let (from, to, kind) = (args.from, args.to, args.kind);
    let filter = &TimelineFilter { from, to, kind };
    let json = args.json;
    let loaded = match open(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let ds = &loaded.dataset;
    let years = build(ds, filter);
    if years.is_empty() {
        writeln!(err, "nothing dated in that range")?;
        return Ok(exit::NO);
    }
    if json {
        let rows: Vec<EntryOut> = years
            .iter()
            .flat_map(|y| y.entries.iter().map(move |e| (y.year, e)))
            .map(|(year, e)| EntryOut {
                year,
                date: e.when.to_string(),
                iso: e.when.iso(),
                id: ds.entity(e.entity).id.to_string(),
                name: ds.entity(e.entity).name.to_string(),
                kind: ds.entity(e.entity).kind.as_str(),
                label: e.label(ds).to_string(),
                value: e.value(ds).map(str::to_string),
                note: e.note(ds).map(str::to_string),
            })
            .collect();
        super::write_json(out, &rows)?;
        return Ok(exit::OK);
    }
    for (i, y) in years.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        match y.year {
            Some(year) => writeln!(out, "{year}")?,
            None => writeln!(out, "year unknown")?,
        }
        for e in &y.entries {
            let entity = ds.entity(e.entity);
            let what = match e.value(ds) {
                Some(v) => format!("{}: {v}", e.label(ds)),
                None => e.label(ds).to_string(),
            };
            let note = e.note(ds).map(|n| format!(" ({n})")).unwrap_or_default();
            writeln!(
                out,
                "  {:<26} {} [{}] — {}{}",
                e.when.to_string(),
                clean(&entity.name),
                entity.kind,
                clean(&what),
                clean(&note)
            )?;
        }
    }
    Ok(exit::OK)
}
