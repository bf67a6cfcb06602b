//! The card as text: the head, then a section for each part the entity has,
//! each line with the sources it comes from.

use std::io::{self, Write};

use super::card::{Card, InferredOut, RelatedOut};
use crate::text::{clean, clean_multiline};

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

fn qualifiers(r: &RelatedOut) -> String {
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

/// The whole card.
pub(super) fn print(c: &Card, out: &mut impl Write) -> io::Result<()> {
    print_head(c, out)?;
    print_dates(c, out)?;
    print_facts(c, out)?;
    print_relations(c, out)?;
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

fn print_dates(c: &Card, out: &mut impl Write) -> io::Result<()> {
    if !c.dates.is_empty() {
        writeln!(out, "\nDates")?;
        for d in &c.dates {
            let note = (d.note.as_ref())
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
    Ok(())
}

fn print_facts(c: &Card, out: &mut impl Write) -> io::Result<()> {
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
    Ok(())
}

/// The relations under their labels, in the order the card has them.
fn print_relations(c: &Card, out: &mut impl Write) -> io::Result<()> {
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
    Ok(())
}
