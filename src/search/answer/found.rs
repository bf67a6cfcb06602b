//! What an entity has that a question asks for: its relations (grouped by
//! the label read from it), facts, dates, or the documents it is known
//! from, and how near each answer's label is to the words asked.

use super::phrases::Meaning;
use super::{Answer, KNOWN_FROM};
use crate::model::{Dataset, Link};
use crate::search::fold::fold_str;

/// What the entity has that the phrase asks for: its relations (grouped by
/// label, as read from it), facts and dates.
pub(super) fn answers_for(ds: &Dataset, e: usize, phrase: &str, meaning: &Meaning) -> Vec<Answer> {
    let mut out: Vec<Answer> = Vec::new();
    for (label, links) in ds.grouped_links(e) {
        let asked: Vec<Link> = (links.into_iter())
            .filter(|l| relation_asked(ds, l, meaning))
            .collect();
        if !asked.is_empty() {
            out.push(relation_answer(e, label, &asked));
        }
    }
    let entity = ds.entity(e);
    // A fact that only names what a relation already points to ("president:
    // Philippe Archinard" beside the relation) would answer twice.
    let pointed: Vec<String> = (out.iter())
        .flat_map(|a| a.targets.iter().map(|&t| fold_str(&ds.entity(t).name)))
        .collect();
    for f in &entity.facts {
        if pointed.contains(&fold_str(&f.value)) {
            continue;
        }
        let label = fold_str(&f.label);
        let by_row = meaning
            .rows
            .iter()
            .any(|r| r.fact_words.iter().any(|w| has_word(&label, w)));
        if by_row || phrase.split(' ').all(|w| has_word(&label, w)) {
            let value = match &f.when {
                Some(when) => format!("{} ({when})", f.value),
                None => f.value.clone(),
            };
            out.push(Answer {
                entity: e,
                label: f.label.clone(),
                value: Some(value),
                targets: Vec::new(),
                sources: f.sources.clone(),
                gap: false,
            });
        }
    }
    if meaning.rows.iter().any(|r| r.sources) {
        let cited: Vec<&str> = (entity.sources.iter())
            .filter_map(|&s| ds.sources.get(s))
            .map(|s| s.id.as_str())
            .collect();
        out.push(Answer {
            entity: e,
            label: KNOWN_FROM.to_string(),
            value: Some(match cited.is_empty() {
                true => "no source cited".to_string(),
                false => cited.join(", "),
            }),
            targets: Vec::new(),
            sources: entity.sources.to_vec(),
            gap: false,
        });
    }
    for d in &entity.dates {
        let asked = meaning.rows.iter().any(|r| r.dates)
            || phrase.split(' ').all(|w| has_word(&fold_str(&d.label), w));
        if asked {
            out.push(Answer {
                entity: e,
                label: d.label.clone(),
                value: Some(d.when.to_string()),
                targets: Vec::new(),
                sources: d.sources.clone(),
                gap: false,
            });
        }
    }
    out
}

/// Whether a link answers what the phrase asks for.
fn relation_asked(ds: &Dataset, link: &Link, meaning: &Meaning) -> bool {
    let rel = link.relation.rel;
    meaning.relations.contains(&rel)
        || meaning.rows.iter().any(|r| {
            r.relations.contains(&rel.name())
                || r.other_kind
                    .is_some_and(|k| ds.entity(link.other).kind == k)
        })
}

/// One relation answer: a label as read from the entity, every entity it
/// points to, the sources of all of them.
fn relation_answer(e: usize, label: &str, links: &[Link]) -> Answer {
    let mut sources: Vec<usize> = links
        .iter()
        .flat_map(|l| l.relation.sources().iter().copied())
        .collect();
    sources.sort_unstable();
    sources.dedup();
    Answer {
        entity: e,
        label: label.to_string(),
        value: None,
        targets: links.iter().map(|l| l.other).collect(),
        sources,
        gap: false,
    }
}

/// How far an answer's label is from the words asked (the nearest first):
/// "founding members" is nearer "founding member" (Sanofi Pasteur, ...) than
/// "founding member of" (CEBR). Fewer words of the phrase in the label, then
/// more other words, is farther.
pub(super) fn closeness(label: &str, phrase: &str) -> (usize, usize) {
    let label = fold_str(label);
    let words: Vec<&str> = label.split_whitespace().collect();
    let asked: Vec<&str> = phrase.split(' ').collect();
    let shared = asked.iter().filter(|w| has_word(&label, w)).count();
    let other = words
        .iter()
        .filter(|w| !asked.iter().any(|a| has_word(w, a)))
        .count();
    (asked.len() - shared, other)
}

/// Whether folded `text` has `word` as a word (a plural `s` either side aside).
fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        w == word || w.strip_suffix('s') == Some(word) || word.strip_suffix('s') == Some(w)
    })
}
