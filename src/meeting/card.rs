//! A short Markdown card of one entity — name, kind, key facts, relations,
//! sources — for the explorer's copy key and the Markdown export.

use crate::model::Dataset;
use crate::text::{clean, clean_multiline};

pub fn markdown(ds: &Dataset, e: usize) -> String {
    let x = ds.entity(e);
    let mut s = format!("## {}\n\n*{}*", clean(&x.name), x.kind_label());
    if !x.aliases.is_empty() {
        s.push_str(&format!(" — also {}", clean(&x.aliases.join(", "))));
    }
    s.push_str("\n\n");
    if !x.description.is_empty() {
        s.push_str(&format!("{}\n\n", clean_multiline(&x.description)));
    }
    for d in &x.dates {
        s.push_str(&format!("- **{}**: {}\n", clean(&d.label), d.when));
    }
    for f in &x.facts {
        s.push_str(&format!("- **{}**: {}\n", clean(&f.label), clean(&f.value)));
    }
    for (label, links) in ds.grouped_links(e) {
        let names: Vec<String> = links
            .iter()
            .map(|l| clean(&ds.entity(l.other).name).into_owned())
            .collect();
        s.push_str(&format!("- {label}: {}\n", names.join(", ")));
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
