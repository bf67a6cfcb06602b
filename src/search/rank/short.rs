//! The first keystrokes: a query of one- or two-letter words is answered
//! from the index's lists of word starts and initials, not by matching
//! every entity. The first letter at a million entities lists over a
//! hundred thousand; they are streamed to the pick of the best, never held.

use super::{Index, Scored};
use crate::search::fieldmatch;
use crate::search::score::EXACT;
use crate::search::syntax::{Atom, AtomKind, MatchMode, Query};
use crate::search::{Field, fieldmatch::Class};

/// A group's one- or two-letter fuzzy word, if it has one.
fn short_term(group: &[Atom]) -> Option<&str> {
    Query::lone_term(group)
        .filter(|&(text, mode)| mode == MatchMode::Fuzzy && text.chars().count() <= 2)
        .map(|(text, _)| text)
}

/// For a query with a group of one- or two-letter words (a word, or a word
/// and its synonyms), only entities with a name, alias, id or tag word
/// starting with one of them, or initials spelling it, can match: a lookup,
/// not a scan.
pub(super) fn short_candidates(ix: &Index, query: &Query) -> Option<Vec<u32>> {
    fn short(a: &Atom) -> Option<&str> {
        match &a.kind {
            AtomKind::Term {
                text,
                mode: MatchMode::Fuzzy,
            } if !a.negate && !a.optional && text.chars().count() <= 2 => Some(text.as_str()),
            _ => None,
        }
    }
    let texts =
        (query.groups.iter()).find_map(|g| g.iter().map(short).collect::<Option<Vec<&str>>>())?;
    let mut v: Vec<u32> = Vec::new();
    for text in texts {
        v.extend_from_slice(ix.short_list(text).entities());
        v.extend(ix.initials(text).map(|(e, _)| e));
    }
    v.sort_unstable();
    v.dedup();
    Some(v)
}

/// A query that is one or two letters and nothing else (the first
/// keystrokes) is scored from the index alone: every listed entity matches,
/// in its best field, with the score the matcher gives a word start there,
/// or its initials. The hits come in entity order, each once.
pub(super) fn score_short<'a>(
    ix: &'a Index,
    query: &Query,
    exact: &'a [u32],
) -> Option<impl Iterator<Item = Scored> + 'a> {
    let [group] = query.groups.as_slice() else {
        return None;
    };
    let text = short_term(group)?;
    let chars = text.chars().count();
    let scored = move |e: u32, score: i64, field: Field| Scored {
        entity: e,
        score: score + if exact.contains(&e) { EXACT } else { 0 },
        field_rank: field.rank(),
        lead: None,
        lead_score: 0,
        rematch: false,
        matched: true,
    };
    // Initials are few (a name's, then an alias's): gathered, each entity's
    // best kept.
    let raw = 16 * chars as i64 + 24;
    let mut initials: Vec<Scored> = Vec::new();
    for (e, field) in ix.initials(text) {
        let s = scored(e, fieldmatch::score(Class::Typo, raw, field), field);
        match initials.binary_search_by_key(&e, |s| s.entity) {
            Ok(i) if initials[i].score < s.score => initials[i] = s,
            Ok(_) => {}
            Err(i) => initials.insert(i, s),
        }
    }
    let listed = (ix.short_list(text).iter())
        .map(move |(e, field)| scored(e, fieldmatch::word_start_score(field, chars), field));
    Some(merged(listed, initials))
}

/// Two lists of hits in entity order as one, an entity in both once: with
/// the initials' score where it is higher than the word start's.
fn merged(
    listed: impl Iterator<Item = Scored>,
    initials: Vec<Scored>,
) -> impl Iterator<Item = Scored> {
    let mut listed = listed.peekable();
    let mut initials = initials.into_iter().peekable();
    std::iter::from_fn(move || match (listed.peek(), initials.peek()) {
        (Some(l), Some(i)) if l.entity == i.entity => {
            let (l, i) = (listed.next()?, initials.next()?);
            Some(if i.score > l.score { i } else { l })
        }
        (Some(l), Some(i)) if i.entity < l.entity => initials.next(),
        (Some(_), _) => listed.next(),
        (None, _) => initials.next(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(entity: u32, score: i64) -> Scored {
        Scored {
            entity,
            score,
            field_rank: 0,
            lead: None,
            lead_score: 0,
            rematch: false,
            matched: true,
        }
    }

    /// Every entity of either list comes once, in order, with its better
    /// score (the word start's on a tie).
    #[test]
    fn the_merge_keeps_each_entity_once_at_its_best() {
        let listed = [hit(1, 5), hit(3, 5), hit(4, 9), hit(8, 2)];
        let initials = vec![hit(0, 7), hit(3, 6), hit(4, 9), hit(9, 1)];
        let mut tie = hit(4, 9);
        tie.field_rank = 3;
        let initials: Vec<Scored> = (initials.into_iter())
            .map(|s| if s.entity == 4 { tie } else { s })
            .collect();
        let out: Vec<(u32, i64, u8)> = merged(listed.into_iter(), initials)
            .map(|s| (s.entity, s.score, s.field_rank))
            .collect();
        let want = vec![
            (0, 7, 0),
            (1, 5, 0),
            (3, 6, 0),
            (4, 9, 0),
            (8, 2, 0),
            (9, 1, 0),
        ];
        assert_eq!(out, want);
    }
}
