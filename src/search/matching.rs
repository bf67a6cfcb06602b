//! Matching one query against one entity: each atom against each field, the
//! best field per atom, the groups combined. Fuzzy matching (fuzzy-matcher's
//! skim algorithm) is used on short fields: names, aliases, ids, tags, places.
//! Prose (descriptions, fact values) is matched by substring, since letters
//! scattered over a paragraph match almost anything.

use memchr::memmem;

use super::Field;
use super::index::{Index, NOT_SHARED, Span, is_prose, span_mask};
use super::literal::{char_index, in_order, literal, literal_at, occurrence};
use super::masks::Could;
pub use super::matcher::Matcher;
pub use super::memo::Memo;
use super::syntax::{Atom, AtomKind, Mode, Query, Scope};

/// Score weight per field, in tenths: names outrank tags, which outrank prose.
fn weight(field: Field) -> i64 {
    match field {
        Field::Name => 30,
        Field::Alias(_) => 28,
        Field::Id => 20,
        Field::Tag(_) => 20,
        Field::Place(_) => 15,
        Field::Description | Field::Fact(_) => 10,
    }
}

/// What a one-atom query of `chars` letters scores for a word of `field` that
/// starts with them: the same sum [`atom`] makes for a prefix match there.
pub fn word_start_score(field: Field, chars: usize) -> i64 {
    (16 * chars as i64 + 24).max(1) * weight(field) / 10 + 4
}

/// The best match of one atom in one entity.
#[derive(Debug, Clone)]
pub struct AtomMatch {
    pub score: i64,
    /// Index into the index's spans; None for scopes and negations.
    pub span: Option<usize>,
    /// Char positions in the span's folded text.
    pub folded: Vec<usize>,
}

/// A query's place scopes, resolved to place entities once per search.
pub struct Prepared<'q> {
    pub query: &'q Query,
    /// For each `in:` scope text, the places it names.
    pub places: Vec<(String, Vec<u32>)>,
    /// Entities whose name words are within a typo of each fuzzy term: (entity, span, folded, distance).
    pub typos: Vec<(String, Vec<super::typo::Near>)>,
    /// For each term, a prepared substring search (vectorised, set up once per
    /// query) and its letters (see [`span_mask`]).
    pub finders: Vec<(memmem::Finder<'q>, u32)>,
    /// What rules entities out for the query's first long term, when the
    /// search is over all entities (see [`Could`]).
    pub could: Option<Could<'q>>,
}

impl Prepared<'_> {
    /// Whether entity `e`'s prose is known not to hold `text` as typed.
    fn prose_lacks(&self, text: &str, e: usize) -> bool {
        self.could.as_ref().is_some_and(|c| c.prose_lacks(text, e))
    }

    /// The term's number, prepared search and letters (the letters are worked
    /// out for a term the query was not prepared with).
    fn term(&self, text: &str) -> (Option<usize>, Option<&memmem::Finder<'_>>, u32) {
        match self
            .finders
            .iter()
            .position(|(f, _)| f.needle() == text.as_bytes())
        {
            Some(i) => (Some(i), Some(&self.finders[i].0), self.finders[i].1),
            None => (None, None, span_mask(text)),
        }
    }
}

/// Matches one text term against one field.
fn term_in_field(
    skim: &Matcher,
    ix: &Index,
    span: &Span,
    (text, mode): (&str, Mode),
    finder: Option<&memmem::Finder>,
    indices: bool,
    runs: Option<(&Memo, usize)>,
) -> Option<(i64, Vec<usize>)> {
    let hay = ix.text(span);
    if mode != Mode::Fuzzy {
        return literal(hay, text, mode, finder, indices);
    }
    let chars = text.chars().count();
    let short_field = matches!(
        span.field,
        Field::Name | Field::Alias(_) | Field::Id | Field::Tag(_)
    );
    // One or two letters match the start of a word of a name, alias, id or tag:
    // scattered single letters would match nearly everything and rank nothing well.
    if chars <= 2 {
        return if short_field {
            literal(hay, text, Mode::Prefix, finder, indices)
        } else {
            None
        };
    }
    // Prose is matched as typed, by the vectorised search: no letter-by-letter walk.
    if is_prose(span.field) {
        return literal(hay, text, Mode::Exact, finder, indices);
    }
    if !in_order(hay.as_bytes(), text.as_bytes()) {
        return None;
    }
    // The letters are here in order: whatever the thresholds below decide, a
    // longer term may still match this field (see `Outcome::Loose`).
    if let Some((memo, _)) = runs {
        memo.saw_loose();
    }
    let field_chars = hay.chars().count().max(1);
    // A term that covers more of a short name says more about it than the same
    // letters inside a long one ("European Medtech Alliance" over MAGIA's long
    // name for `medtec aliance`).
    let bonus = COVERAGE * chars.min(field_chars) as i64 / field_chars as i64;
    // The term as typed, found by a vectorised search: the letters in one run are
    // the match a user means, scored by the matcher on that run and the char before
    // it (for the word-start bonus) instead of over the whole field.
    if let Some(at) = occurrence(hay, text, finder, false) {
        let from = hay[..at].char_indices().next_back().map_or(at, |(i, _)| i);
        let run = &hay[from..at + text.len()];
        // Scoring only: the run's score depends on the char before it alone,
        // and thousands of fields share the few there are.
        if let (false, Some((memo, term))) = (indices, runs) {
            let before = hay[from..at].chars().next();
            let score = memo.run_score(term, before, || skim.score(run, text))?;
            return Some((score + bonus, Vec::new()));
        }
        let (score, idx) = skim.indices(run, text)?;
        let idx = if indices {
            let offset = char_index(hay, from);
            idx.into_iter().map(|i| i + offset).collect()
        } else {
            Vec::new()
        };
        return Some((score + bonus, idx));
    }
    // Up to four letters make at most as many pieces as the limit allows, so
    // scoring alone needs no positions, and the matcher's two-row pass will do.
    if !indices && chars <= 4 {
        let score = skim.score(hay, text)?;
        return (score >= MIN_SCORE_PER_CHAR * chars as i64).then_some((score + bonus, Vec::new()));
    }
    let (score, idx) = skim.indices(hay, text)?;
    // Letters scattered across a long name are noise, not a match: a low score
    // per letter, or more separate pieces than an abbreviation would have.
    let pieces = 1 + idx.windows(2).filter(|w| w[1] != w[0] + 1).count();
    let max_pieces = if chars <= 4 { chars } else { chars / 3 + 1 };
    if score < MIN_SCORE_PER_CHAR * chars as i64 || pieces > max_pieces {
        return None;
    }
    Some((score + bonus, if indices { idx } else { Vec::new() }))
}

/// The bonus for a term that is the whole field, scaled down as the field grows.
const COVERAGE: i64 = 48;

/// The least skim score per query letter that counts as a match (a clean run
/// of letters scores about 20 per letter, scattered letters about 10).
const MIN_SCORE_PER_CHAR: i64 = 12;

impl AtomMatch {
    /// A condition that holds without pointing at any text (scopes, negations).
    fn plain() -> AtomMatch {
        AtomMatch {
            score: 0,
            span: None,
            folded: Vec::new(),
        }
    }
}

/// Evaluates one atom on one entity; None when it does not hold.
fn atom(
    skim: &Matcher,
    ix: &Index,
    p: &Prepared,
    e: usize,
    a: &Atom,
    pass: Pass,
) -> Option<AtomMatch> {
    let (indices, memo) = match pass {
        Pass::Score(memo) => (false, Some(memo)),
        Pass::Show => (true, None),
    };
    let (text, mode) = match &a.kind {
        AtomKind::Scope(scope) => {
            return (scope_holds(ix, p, e, scope) != a.negate).then(AtomMatch::plain);
        }
        AtomKind::Term { text, mode } => (text, *mode),
    };
    let fields = ix.fields(e);
    if a.negate {
        let found = fields
            .iter()
            .any(|s| literal_at(ix.text(s), text, mode, None).is_some());
        return (!found).then(AtomMatch::plain);
    }
    let (term, finder, letters) = p.term(text);
    let first = ix.first_span(e);
    let best = ix
        .field_masks(e)
        .iter()
        .enumerate()
        // Most fields lack a letter of the term: ruled out from their mask alone.
        .filter(|&(_, &m)| letters & !m == 0)
        .map(|(i, _)| (i, &fields[i]))
        .filter(|(_, s)| !(is_prose(s.field) && p.prose_lacks(text, e)))
        .filter_map(|(i, s)| {
            let found = match (memo, term) {
                (Some(memo), Some(term)) if s.shared != NOT_SHARED => memo
                    .get_or(term, s.shared, || {
                        let runs = Some((memo, term));
                        term_in_field(skim, ix, s, (text, mode), finder, false, runs).map(|m| m.0)
                    })
                    .map(|score| (score, Vec::new())),
                _ => {
                    let runs = memo.zip(term);
                    term_in_field(skim, ix, s, (text, mode), finder, indices, runs)
                }
            };
            found.map(|(score, folded)| (score.max(1) * weight(s.field) / 10, i, folded))
        })
        // Highest score; on a tie the earlier (better-ranked) field.
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    match best {
        // True matches score above every typo (at most 3).
        Some((score, i, folded)) => Some(AtomMatch {
            score: score + 4,
            span: Some(first + i),
            folded,
        }),
        None if mode == Mode::Fuzzy => typo(ix, p, e, text),
        None => None,
    }
}

/// A fuzzy term with no real match may still be a typo of a name word.
fn typo(ix: &Index, p: &Prepared, e: usize, text: &str) -> Option<AtomMatch> {
    let (_, hits) = p.typos.iter().find(|(t, _)| t == text)?;
    let &(_, field, offset, distance) = hits
        .iter()
        .filter(|h| h.0 as usize == e)
        .min_by_key(|h| h.3)?;
    let span = ix.fields(e).iter().position(|s| s.field == field)? + ix.first_span(e);
    let len = text.chars().count().saturating_sub(distance).max(1);
    Some(AtomMatch {
        score: (3 - distance as i64).max(1),
        span: Some(span),
        folded: (offset as usize..offset as usize + len).collect(),
    })
}

fn scope_holds(ix: &Index, p: &Prepared, e: usize, scope: &Scope) -> bool {
    match scope {
        Scope::Kind(k) => ix.kinds[e] == *k,
        Scope::Year(y) => ix.years.of(e).binary_search(y).is_ok(),
        Scope::Tag(t) => ix
            .fields(e)
            .iter()
            .any(|s| matches!(s.field, Field::Tag(_)) && ix.text(s).contains(t.as_str())),
        Scope::In(name) => p
            .places
            .iter()
            .find(|(n, _)| n == name)
            .is_some_and(|(_, places)| {
                places
                    .iter()
                    .any(|&pl| pl as usize == e || ix.places.of(e).contains(&pl))
            }),
    }
}

/// How one entity matched a whole query.
#[derive(Debug, Clone)]
pub struct EntityMatch {
    pub score: i64,
    /// The span whose match counts most (for the reported field and highlight).
    pub span: Option<usize>,
    /// Folded positions in that span, from every atom that matched it.
    pub folded: Vec<usize>,
}

/// Why an entity is matched: to score it among all candidates (with the
/// thread's memo), or to show it (with highlight positions).
#[derive(Clone, Copy)]
pub enum Pass<'m> {
    Score(&'m Memo),
    Show,
}

/// Matches a query against one entity: every group must hold.
pub fn entity(
    skim: &Matcher,
    ix: &Index,
    p: &Prepared,
    e: usize,
    pass: Pass,
) -> Option<EntityMatch> {
    match outcome(skim, ix, p, e, pass) {
        Outcome::Match(m) => Some(m),
        Outcome::Loose | Outcome::Miss => None,
    }
}

/// How a query fares on an entity when scoring.
pub enum Outcome {
    Match(EntityMatch),
    /// No match, but every group holds once each fuzzy term is only asked for
    /// its letters in order: a longer term could match, so narrowing to the
    /// next keystroke must keep the entity (scores of scattered letters grow
    /// faster with a term's length than its thresholds do).
    Loose,
    Miss,
}

/// Matches a query against one entity, telling a near miss from a miss when
/// scoring (a showing pass has only matches and misses).
pub fn outcome(skim: &Matcher, ix: &Index, p: &Prepared, e: usize, pass: Pass) -> Outcome {
    let memo = match pass {
        Pass::Score(memo) => Some(memo),
        Pass::Show => None,
    };
    let mut total = 0;
    let mut matches: Vec<AtomMatch> = Vec::new();
    let mut loose = false;
    for group in &p.query.groups {
        if let Some(memo) = memo {
            memo.take_loose(); // a group's own near misses only
        }
        let best = group
            .iter()
            .filter_map(|a| atom(skim, ix, p, e, a, pass))
            .max_by_key(|m| m.score);
        match best {
            Some(best) => {
                total += best.score;
                matches.push(best);
            }
            None if memo.is_some_and(Memo::take_loose) => loose = true,
            None => return Outcome::Miss,
        }
    }
    if loose {
        return Outcome::Loose;
    }
    let lead = matches
        .iter()
        .filter(|m| m.span.is_some())
        .max_by_key(|m| m.score)
        .and_then(|m| m.span);
    let mut folded: Vec<usize> = matches
        .iter()
        .filter(|m| m.span == lead)
        .flat_map(|m| m.folded.iter().copied())
        .collect();
    folded.sort_unstable();
    folded.dedup();
    Outcome::Match(EntityMatch {
        score: total,
        span: lead,
        folded,
    })
}

/// The lead span's highlight, plus every other positive term that also matches
/// in that span ("rhone alpes" lights up both words of "Rhône-Alpes").
pub fn highlight_all(
    skim: &Matcher,
    ix: &Index,
    query: &Query,
    span: usize,
    lead: &[usize],
) -> Vec<usize> {
    let s = &ix.spans[span];
    let mut all = lead.to_vec();
    for atom in query.groups.iter().flatten().filter(|a| !a.negate) {
        if let AtomKind::Term { text, mode } = &atom.kind
            && span_mask(text) & !ix.span_masks[span] == 0
            && let Some((_, folded)) = term_in_field(skim, ix, s, (text, *mode), None, true, None)
        {
            all.extend(folded);
        }
    }
    all.sort_unstable();
    all.dedup();
    all
}
