//! A short Markdown card of one entity — name, kind, key facts, relations,
//! sources — for the explorer's copy key and the Markdown export. What the
//! sources only imply is marked "(inferred)", with its reason, as on screen.

use crate::model::{Certainty, Dataset};
use crate::text::{clean, clean_multiline};

const MARK: &str = " (inferred)";

fn mark(inferred: bool) -> &'static str {
    if inferred { MARK } else { "" }
}

pub fn markdown(ds: &Dataset, e: usize) -> String {
    let x = ds.entity(e);
    let mut s = format!(
        "## {}{}\n\n*{}{}*",
        clean(&x.name),
        mark(x.certainty == Certainty::Inferred),
        x.kind_label(),
        mark(x.kind_inferred())
    );
    if !x.aliases.is_empty() {
        let aliases: Vec<String> = x
            .aliases
            .iter()
            .map(|a| format!("{}{}", clean(a), mark(x.alias_inferred(a))))
            .collect();
        s.push_str(&format!(" — also {}", aliases.join(", ")));
    }
    s.push_str("\n\n");
    if !x.description.is_empty() {
        let m = mark(x.description_inferred());
        s.push_str(&format!("{}{m}\n\n", clean_multiline(&x.description)));
    }
    for d in &x.dates {
        s.push_str(&format!("- **{}**: {}\n", clean(&d.label), d.when));
    }
    for f in &x.facts {
        let m = mark(f.certainty == Certainty::Inferred);
        s.push_str(&format!(
            "- **{}**: {}{m}\n",
            clean(&f.label),
            clean(&f.value)
        ));
    }
    for (label, links) in ds.grouped_links(e) {
        let names: Vec<String> = links
            .iter()
            .map(|l| {
                let m = mark(l.relation.certainty == Certainty::Inferred);
                format!("{}{m}", clean(&ds.entity(l.other).name))
            })
            .collect();
        s.push_str(&format!("- {label}: {}\n", names.join(", ")));
    }
    for p in &x.inferred {
        s.push_str(&format!(
            "- *inferred {}*: {}\n",
            clean(&p.part.label()),
            clean(&p.why)
        ));
    }
    let sources: Vec<String> = x
        .sources
        .iter()
        .map(|&i| {
            format!(
                "{} ({})",
                clean(&ds.sources[i].title),
                clean(&ds.sources[i].publisher)
            )
        })
        .collect();
    s.push_str(&format!("\nSources: {}\n", sources.join("; ")));
    s
}
