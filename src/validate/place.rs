//! The rules' findings become the diagnostics a user reads: each is given the
//! position of the element it is about, a rule that found more than anyone
//! reads is cut to its first findings by position and a line that counts the
//! rest, and only the findings kept get their "did you mean" suggestion.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::{Among, Finding, Findings, closest};
use crate::data::spans::Spans;
use crate::diagnostic::{Diagnostic, Element};

/// More findings of one rule than anyone reads are summed up in one line.
pub(crate) const MAX_PER_RULE: usize = 100;

/// The ids suggestions are taken from.
pub(crate) struct Known<'a> {
    pub entities: &'a FxHashMap<&'a str, usize>,
    pub sources: &'a FxHashMap<&'a str, usize>,
}

/// The findings placed, cut per rule, with their suggestions, sorted by position.
pub(crate) fn place(findings: Findings, spans: &Spans, known: &Known) -> Vec<Diagnostic> {
    let mut by_rule: BTreeMap<&'static str, Vec<Finding>> = BTreeMap::new();
    for mut f in findings.0 {
        let d = &mut f.diagnostic;
        d.position = spans.position(d.element);
        if let Some(p) = f.see.and_then(|e| spans.position(e)) {
            d.message.push_str(&format!(" at {p}"));
        }
        by_rule.entry(d.rule).or_default().push(f);
    }
    let mut out = Vec::new();
    for (_, mut found) in by_rule {
        found.sort_by(|a, b| crate::diagnostic::order(&a.diagnostic, &b.diagnostic));
        let more = found.len().saturating_sub(MAX_PER_RULE);
        found.truncate(MAX_PER_RULE);
        out.extend(found.into_iter().map(|f| suggested(f, known)));
        if more > 0 {
            out.push(summary(&out[out.len() - 1], more));
        }
    }
    crate::diagnostic::sort(&mut out);
    out
}

/// The diagnostic with its hint naming the closest known id, if one is close.
fn suggested(f: Finding, known: &Known) -> Diagnostic {
    let mut d = f.diagnostic;
    if let Some(s) = f.suggest {
        let ids = match s.among {
            Among::Entities => known.entities,
            Among::Sources => known.sources,
        };
        if let Some(c) = closest(&s.given, ids.keys().copied()) {
            d.hint = format!("did you mean {c:?}? {}", s.then);
        }
    }
    d
}

/// The line that counts a rule's findings not listed (a million dangling
/// relations are one mistake repeated).
fn summary(last: &Diagnostic, more: usize) -> Diagnostic {
    Diagnostic::new(
        last.severity,
        last.rule,
        Element::File,
        format!(
            "{more} more {} {}s after line {} are not listed",
            last.rule,
            last.severity.as_str(),
            last.position.map_or(0, |p| p.line)
        ),
        "fix the ones listed (they are often one mistake repeated) and check again",
    )
}
