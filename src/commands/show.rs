//! `clusterdex show ID_OR_NAME [--json]`: the entity card a person reads in a
//! meeting — what it is, its facts and dates, every relation both ways, and the
//! sources each line comes from.

use std::io::{self, Write};

use serde::Serialize;

use super::{Env, exit, open};
use crate::model::{Dataset, Direction, InferredPart, Part};
use crate::text::{clean, clean_multiline};

#[derive(Serialize)]
struct Related {
    label: &'static str,
    direction: &'static str,
    id: String,
    name: String,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    certainty: &'static str,
    sources: Vec<String>,
}

#[derive(Serialize)]
struct Dated {
    label: String,
    date: String,
    iso: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    sources: Vec<String>,
}

#[derive(Serialize)]
struct FactOut {
    label: String,
    value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    certainty: &'static str,
    sources: Vec<String>,
}

/// A part of the entity the sources only imply, and why.
#[derive(Serialize)]
struct InferredOut {
    part: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
    why: String,
}

#[derive(Serialize)]
struct SourceOut {
    id: String,
    title: String,
    publisher: String,
    language: String,
    about: String,
}

#[derive(Serialize)]
struct Card {
    id: String,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    subkind: Option<String>,
    name: String,
    aliases: Vec<String>,
    description: String,
    places: Vec<String>,
    tags: Vec<String>,
    dates: Vec<Dated>,
    facts: Vec<FactOut>,
    relations: Vec<Related>,
    notes: Vec<String>,
    certainty: &'static str,
    inferred: Vec<InferredOut>,
    sources: Vec<SourceOut>,
}

fn source_ids(ds: &Dataset, s: &[usize]) -> Vec<String> {
    s.iter().map(|&i| ds.sources[i].id.clone()).collect()
}

fn card(ds: &Dataset, i: usize) -> Card {
    let e = ds.entity(i);
    let mut cited: Vec<usize> = e.sources.clone();
    let relations = ds
        .grouped_links(i)
        .into_iter()
        .flat_map(|(_, links)| links)
        .map(|l| {
            let r = l.relation;
            cited.extend(&r.sources);
            let other = ds.entity(l.other);
            Related {
                label: l.label(),
                direction: match l.direction {
                    Direction::Outgoing => "out",
                    Direction::Incoming => "in",
                },
                id: other.id.clone(),
                name: other.name.clone(),
                kind: other.kind.as_str(),
                role: r.role().map(str::to_string),
                period: r.period().map(|p| p.to_string()),
                note: r.note().map(str::to_string),
                certainty: r.certainty.as_str(),
                sources: source_ids(ds, &r.sources),
            }
        })
        .collect();
    for f in &e.facts {
        cited.extend(&f.sources);
    }
    for d in &e.dates {
        cited.extend(&d.sources);
    }
    cited.sort_unstable();
    cited.dedup();
    Card {
        id: e.id.clone(),
        kind: e.kind.as_str(),
        subkind: e.subkind.clone(),
        name: e.name.clone(),
        aliases: e.aliases.clone(),
        description: e.description.clone(),
        places: ds
            .places_of(i)
            .iter()
            .map(|&p| ds.entity(p).name.clone())
            .collect(),
        tags: e.tags.clone(),
        dates: e
            .dates
            .iter()
            .map(|d| Dated {
                label: d.label.clone(),
                date: d.when.to_string(),
                iso: d.when.iso(),
                note: d.note.clone(),
                sources: source_ids(ds, &d.sources),
            })
            .collect(),
        facts: e
            .facts
            .iter()
            .map(|f| FactOut {
                label: f.label.clone(),
                value: f.value.clone(),
                date: crate::ui::entity::fact_date(f),
                note: f.note.clone(),
                certainty: f.certainty.as_str(),
                sources: source_ids(ds, &f.sources),
            })
            .collect(),
        relations,
        notes: e.notes.clone(),
        certainty: e.certainty.as_str(),
        inferred: e.inferred.iter().map(inferred_out).collect(),
        sources: cited
            .into_iter()
            .map(|s| {
                let s = &ds.sources[s];
                SourceOut {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    publisher: s.publisher.clone(),
                    language: s.language.clone(),
                    about: s.about.clone(),
                }
            })
            .collect(),
    }
}

fn inferred_out(p: &InferredPart) -> InferredOut {
    let (part, value) = match &p.part {
        Part::Kind => ("kind", None),
        Part::Description => ("description", None),
        Part::Alias(a) => ("alias", Some(a.clone())),
        Part::Tag(t) => ("tag", Some(t.clone())),
    };
    InferredOut {
        part,
        value,
        why: p.why.clone(),
    }
}

/// The card's aliases or tags, each inferred one marked.
fn marked(items: &[String], inferred: &[InferredOut], part: &str) -> Vec<String> {
    items
        .iter()
        .map(|x| {
            let hit = inferred
                .iter()
                .any(|p| p.part == part && p.value.as_ref() == Some(x));
            if hit {
                format!("{x} (inferred)")
            } else {
                x.clone()
            }
        })
        .collect()
}

fn refs(sources: &[String]) -> String {
    if sources.is_empty() {
        String::new()
    } else {
        format!("  [{}]", sources.join(", "))
    }
}

fn qualifiers(r: &Related) -> String {
    let mut q: Vec<String> = Vec::new();
    q.extend(r.role.as_ref().map(|x| format!("as {x}")));
    q.extend(r.period.clone());
    if r.certainty != "stated" {
        q.push(r.certainty.to_string());
    }
    q.extend(r.note.clone());
    if q.is_empty() {
        String::new()
    } else {
        format!(" ({})", q.join("; "))
    }
}

/// The name line (kind, id, what is inferred), aliases, places, tags, description.
fn print_head(c: &Card, out: &mut impl Write) -> io::Result<()> {
    let is = |part: &str| c.inferred.iter().any(|p| p.part == part);
    let mut kind = match &c.subkind {
        Some(s) => format!("{} · {s}", c.kind),
        None => c.kind.to_string(),
    };
    if is("kind") {
        kind.push_str(" (inferred)");
    }
    let whole = if c.certainty == "inferred" {
        "  (inferred)"
    } else {
        ""
    };
    writeln!(
        out,
        "{}  [{kind}]  id: {}{whole}",
        clean(&c.name),
        clean(&c.id)
    )?;
    let line = |label: &str, items: &[String]| -> Option<String> {
        (!items.is_empty()).then(|| format!("{label}: {}", clean(&items.join(", "))))
    };
    for l in [
        line("also", &marked(&c.aliases, &c.inferred, "alias")),
        line("in", &c.places),
        line("tags", &marked(&c.tags, &c.inferred, "tag")),
    ]
    .into_iter()
    .flatten()
    {
        writeln!(out, "{l}")?;
    }
    if !c.description.is_empty() {
        let mark = if is("description") { " (inferred)" } else { "" };
        writeln!(out, "\n{}{mark}", clean_multiline(&c.description))?;
    }
    Ok(())
}

/// Each inferred part of the entity and what it rests on.
fn print_inferred(c: &Card, out: &mut impl Write) -> io::Result<()> {
    if !c.inferred.is_empty() {
        writeln!(out, "\nInferred")?;
        for p in &c.inferred {
            let what = match &p.value {
                Some(v) => format!("{} \"{v}\"", p.part),
                None => p.part.to_string(),
            };
            writeln!(out, "  {}: {}", clean(&what), clean(&p.why))?;
        }
    }
    Ok(())
}

fn print(c: &Card, out: &mut impl Write) -> io::Result<()> {
    print_head(c, out)?;
    if !c.dates.is_empty() {
        writeln!(out, "\nDates")?;
        for d in &c.dates {
            let note = d
                .note
                .as_ref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            writeln!(
                out,
                "  {}: {}{}{}",
                clean(&d.label),
                d.date,
                clean(&note),
                refs(&d.sources)
            )?;
        }
    }
    if !c.facts.is_empty() {
        writeln!(out, "\nFacts")?;
        for f in &c.facts {
            let mut q: Vec<String> = f.date.iter().cloned().collect();
            if f.certainty != "stated" {
                q.push(f.certainty.to_string());
            }
            q.extend(f.note.clone());
            let q = if q.is_empty() {
                String::new()
            } else {
                format!(" ({})", q.join("; "))
            };
            writeln!(
                out,
                "  {}: {}{}{}",
                clean(&f.label),
                clean(&f.value),
                clean(&q),
                refs(&f.sources)
            )?;
        }
    }
    if !c.relations.is_empty() {
        writeln!(out, "\nRelations")?;
        let mut last = "";
        for r in &c.relations {
            if r.label != last {
                writeln!(out, "  {}", r.label)?;
                last = r.label;
            }
            writeln!(
                out,
                "    {} — {} {}{}{}",
                clean(&r.name),
                r.kind,
                clean(&r.id),
                clean(&qualifiers(r)),
                refs(&r.sources)
            )?;
        }
    }
    print_inferred(c, out)?;
    if !c.notes.is_empty() {
        writeln!(out, "\nNotes")?;
        for n in &c.notes {
            writeln!(out, "  - {}", clean(n))?;
        }
    }
    writeln!(out, "\nSources")?;
    for s in &c.sources {
        writeln!(
            out,
            "  [{}] {} — {} ({})",
            clean(&s.id),
            clean(&s.title),
            clean(&s.publisher),
            clean(&s.language)
        )?;
    }
    Ok(())
}

pub fn run(
    env: &Env,
    target: &str,
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
    let Some(i) = super::find(ds, &index, target, err)? else {
        return Ok(exit::NO);
    };
    super::memory::remember(env, ds, i, err)?;
    let c = card(ds, i);
    if json {
        super::write_json(out, &c)?;
    } else {
        print(&c, out)?;
        super::memory::write_my_notes(env, &c.id, out, err)?;
    }
    Ok(exit::OK)
}
