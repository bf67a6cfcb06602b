//! The highlight of a hit: the positions its lead lights up, for every
//! word typed that matches there, not only the one that chose the lead.

use super::super::fieldmatch::{FieldMatch, Word, in_label, term_in_field};
use super::super::index::Index;
use super::super::letters::span_mask;
use super::super::prepared::Prepared;
use super::super::syntax::{AtomKind, MatchMode, Scope};
use super::super::{Matcher, fold, labels};
use super::Lead;

/// The lead's highlight, plus every other positive word that also matches in
/// it ("rhone alpes" lights up both words of "Rhône-Alpes").
pub fn highlight_all(
    skim: &Matcher,
    ix: &Index,
    p: &Prepared,
    lead: Lead,
    folded: &[usize],
) -> Vec<usize> {
    let query = p.query;
    let mut all = folded.to_vec();
    let terms = query.groups.iter().flatten().filter(|a| !a.negate);
    for atom in terms {
        let (text, mode) = match (&atom.kind, lead) {
            (AtomKind::Term { text, mode }, _) => (text, mode),
            (AtomKind::Scope(Scope::Note(text)), Lead::Note(n)) => {
                all.extend(p.personal.positions(n, text, MatchMode::Exact));
                continue;
            }
            (AtomKind::Scope(_), _) => continue,
        };
        match lead {
            Lead::Span(span) => {
                let (s, mask) = ix.span(span);
                if span_mask(text) & !mask != 0 {
                    continue;
                }
                let word = Word {
                    text,
                    mode: *mode,
                    finder: None,
                    number: None,
                };
                if let FieldMatch::Match(_, _, f) = term_in_field(skim, ix, s, word, true, None) {
                    all.extend(f);
                }
            }
            Lead::Relation(n) => {
                let label = fold::fold_str(labels::text(n));
                all.extend(in_label(&label, text, *mode).map_or_else(Vec::new, |m| m.1));
            }
            Lead::Note(n) => all.extend(p.personal.positions(n, text, *mode)),
        }
    }
    all.sort_unstable();
    all.dedup();
    all
}
