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
    // Each source by its title, so that a pasted card says where it comes from.
    s.push_str("\nSources:\n");
    for &i in &x.sources {
        let src = &ds.sources[i];
        s.push_str(&format!("- {}", clean(&src.title)));
        if !src.publisher.is_empty() {
            s.push_str(&format!(" — {}", clean(&src.publisher)));
        }
        if let Some(url) = &src.url {
            s.push_str(&format!(" <{}>", clean(url)));
        }
        s.push_str(&format!(" [{}]\n", clean(&src.id)));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_card_lists_its_sources_by_title() {
        let ds = crate::load::load(
            &crate::load::DataSource::Builtin,
            crate::data::DEFAULT_MAX_BYTES,
        )
        .expect("built-in")
        .dataset;
        let e = ds.index_of("magia").expect("magia");
        let card = markdown(&ds, e);
        let sources = card.split("\nSources:\n").nth(1).expect("a sources list");
        let first = &ds.sources[ds.entity(e).sources[0]];
        assert!(
            sources.starts_with(&format!("- {}", first.title)),
            "{sources}"
        );
        assert!(sources.contains(&format!("[{}]", first.id)));
    }
}
