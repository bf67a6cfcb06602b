//! Answers to questions: a query that names an entity together with a
//! relation or fact label ("bioxclusters plus coordinator", "who coordinates
//! magia", "qui préside lyonbiopôle", "health2care forum when") is answered
//! with the entity, the label and what it points to, with its sources.
//!
//! The label is read at the start of the query (after question words and
//! small words) or at its end, from the plain-language table
//! (`phrases`), the relation labels, or the entity's own fact labels; the
//! rest of the query names the entity, resolved as `show` resolves a name.

mod found;
mod phrases;

use super::fold::fold_str;
use super::syntax::{Query, STOP_WORDS};
use super::{Index, Resolution, resolve_named};
use crate::model::{Dataset, Kind};
use found::{answers_for, closeness};
use phrases::{LONGEST, QUESTION_WORDS};

/// The label of the answer to "how do we know X": the documents X is cited from.
pub const KNOWN_FROM: &str = "known from";

/// One answer: a relation, fact or date of the entity asked about, or the
/// documents it is known from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The entity asked about.
    pub entity: usize,
    /// As read from the entity: "coordinated by", or the fact's or date's label.
    pub label: String,
    /// A fact's value or a date, as people read it.
    pub value: Option<String>,
    /// The entities a relation points to, in the dataset's order.
    pub targets: Vec<usize>,
    /// Indices into the dataset's sources, without repeats.
    pub sources: Vec<usize>,
    /// The dataset does not state what was asked (see [`answers_or_gap`]).
    pub gap: bool,
}

/// What a question was read as: the entity it names (if any was found), the
/// label asked for, and the answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    pub entity: Option<usize>,
    /// The label words, as typed (folded).
    pub label: String,
    pub answers: Vec<Answer>,
    /// The words named that entity alone, not one of several candidates.
    pub clear: bool,
}

/// The answers to a query, if it asks a question (empty otherwise).
pub fn answers(ds: &Dataset, ix: &Index, query: &Query) -> Vec<Answer> {
    read(ds, ix, query).answers
}

/// The answers to a query, as [`answers`]; when it names an entity and asks
/// for something the dataset does not state ("eccp coordinator"), one
/// answer saying so, with what can be asked instead, so that a meeting
/// hears "not stated" rather than nothing. Only of an entity the words name
/// alone: "appel à projets" is no question about one of the calls. A bare
/// "who is X" asks for no label, and gets none.
pub fn answers_or_gap(ds: &Dataset, ix: &Index, query: &Query) -> Vec<Answer> {
    let reading = read(ds, ix, query);
    match reading.entity {
        Some(e)
            if reading.clear
                && reading.answers.is_empty()
                && !["who", "qui"].contains(&&*reading.label) =>
        {
            vec![Answer {
                entity: e,
                label: reading.label,
                value: Some(format!(
                    "{NOT_STATED}; ask for: {}",
                    labels(ds, e).join(", ")
                )),
                targets: Vec::new(),
                sources: Vec::new(),
                gap: true,
            }]
        }
        _ => reading.answers,
    }
}

/// What a gap answer says first.
pub const NOT_STATED: &str = "not stated in the sources";

/// Whether a query can be read as a question at all: a label and, beside
/// it, a word that is not a small word. When not, [`answers`] finds none
/// without looking at the dataset, so a one-off search need not load it.
pub fn may_answer(query: &Query) -> bool {
    query.words().is_some_and(|words| {
        splits(&words)
            .iter()
            .any(|(_, entity)| entity.iter().any(|w| !STOP_WORDS.contains(w)))
    })
}

/// Reads a query as a question: which entity, which label, what answers.
pub fn read(ds: &Dataset, ix: &Index, query: &Query) -> Reading {
    let Some(words) = query.words() else {
        return Reading::default();
    };
    let mut first = Reading::default();
    for (label, entity) in splits(&words) {
        let entity: Vec<&str> = entity
            .iter()
            .copied()
            .filter(|w| !STOP_WORDS.contains(w))
            .collect();
        if entity.is_empty() {
            continue;
        }
        let typed = label.join(" ");
        let phrase = phrases::near(&typed).unwrap_or(typed);
        let meaning = phrases::meaning(&phrase);
        let known = !meaning.is_empty();
        let candidates = candidates(ds, ix, &entity.join(" "), known);
        for &e in &candidates {
            if names_its_kind(&phrase, ds.entity(e).kind) {
                continue;
            }
            let answers = answers_for(ds, e, &phrase, &meaning);
            let reading = Reading {
                entity: Some(e),
                label: phrase.clone(),
                answers,
                clear: candidates.len() == 1,
            };
            if !reading.answers.is_empty() {
                let mut reading = reading;
                // Relations (they point to entities) before facts and dates,
                // each the nearest to the words asked first.
                (reading.answers)
                    .sort_by_key(|a| (a.value.is_some(), closeness(&a.label, &phrase)));
                return reading;
            }
            if first.entity.is_none() && known {
                first = reading;
            }
        }
    }
    first
}

/// "event medica", "projet voicepatch": the entity's own kind, said in the
/// singular with its name, names it and asks nothing ("MEDICA 2015 › event ›
/// not stated" was the answer). The plural still asks for those around it.
fn names_its_kind(phrase: &str, kind: Kind) -> bool {
    matches!(
        (phrase, kind),
        ("event" | "evenement", Kind::Event) | ("project" | "projet", Kind::Project)
    )
}

/// Ways to cut a question into a label and the words naming the entity:
/// the label after leading small words (its longest reading first), the
/// question word alone, then the label at the end.
fn splits<'w>(words: &'w [&'w str]) -> Vec<(&'w [&'w str], &'w [&'w str])> {
    let mut out = Vec::new();
    let lead = words.iter().take_while(|w| STOP_WORDS.contains(w)).count();
    for len in (1..=LONGEST).rev() {
        if lead + len < words.len() {
            out.push((&words[lead..lead + len], &words[lead + len..]));
        }
    }
    if let Some(q) = words[..lead]
        .iter()
        .position(|w| QUESTION_WORDS.contains(w))
    {
        out.push((&words[q..q + 1], &words[lead..]));
    }
    // "how do we know X": a label among the small words, the last one.
    if let Some(k) = (words[..lead].iter())
        .rposition(|w| !QUESTION_WORDS.contains(w) && !phrases::meaning(w).is_empty())
    {
        out.push((&words[k..k + 1], &words[lead..]));
    }
    for len in (1..=LONGEST).rev() {
        if len < words.len() {
            let at = words.len() - len;
            out.push((&words[at..], &words[..at]));
        }
    }
    out
}

/// The entities the words may name. With a label phrase of the table, a
/// search resolves them as `show` does (of several, those the words name);
/// with a phrase that may only be a fact label, only a name or alias typed
/// whole counts (cheap at any size).
fn candidates(ds: &Dataset, ix: &Index, text: &str, known: bool) -> Vec<usize> {
    if !known {
        let exact = ix.exact(&super::fold::compact(&fold_str(text)));
        return exact.iter().map(|&e| e as usize).collect();
    }
    match resolve_named(ds, ix, text) {
        Resolution::Found(e) => vec![e],
        Resolution::Ambiguous(v) => v,
        Resolution::NotFound => Vec::new(),
    }
}

/// Every label an entity can be asked about: its relations' (as read from
/// it), then its facts' and dates', each once, and last its sources, which
/// any entity can be asked for.
pub fn labels(ds: &Dataset, e: usize) -> Vec<String> {
    let entity = ds.entity(e);
    let relations = ds.grouped_links(e).into_iter().map(|(l, _)| l.to_string());
    let facts = entity.facts.iter().map(|f| f.label.clone());
    let dates = entity.dates.iter().map(|d| d.label.clone());
    let mut out: Vec<String> = Vec::new();
    for label in relations.chain(facts).chain(dates) {
        if !out.contains(&label) {
            out.push(label);
        }
    }
    out.push("sources".to_string());
    out
}

#[cfg(test)]
mod tests;
