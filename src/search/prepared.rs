//! A query made ready once per search: its words' synonyms (a plural's
//! singular, and a place's name for another name of it) added as
//! alternatives, place scopes resolved, and each word's substring search,
//! typos, initials, relation labels and the user's notes it is in worked out
//! before any entity is read.

use memchr::memmem;

use super::index::Index;
use super::personal::{NoteMatch, Personal};
use super::prefilter::Prefilter;
use super::syntax::{Atom, AtomKind, MatchMode, Query, Scope};
use super::typo::Near;
use super::{Field, QueryError, fieldmatch, labels, typo};

/// One word of the query, prepared once per search.
pub struct PreparedWord<'q> {
    pub text: &'q str,
    /// A vectorised substring search, set up once.
    pub finder: memmem::Finder<'q>,
    /// Its letters (see [`span_mask`]).
    pub letters: u32,
    /// Name and alias words a typo away (a [`Near`]'s `word` is a number in
    /// this list).
    pub typo_words: Vec<String>,
    /// The entities that have one of them, ascending, the nearest word first
    /// for each.
    pub typos: Vec<Near>,
    /// Entities with a name or alias of these initials (ascending), with the
    /// kind of field that has them (see [`Index::initials`]).
    pub initials: Vec<(u32, Field)>,
    /// The relation labels it matches, one bit each, and their scores by number.
    pub label_mask: u64,
    pub label_scores: Vec<i64>,
    /// A synonym of a word typed, not typed itself (see [`fieldmatch::as_synonym`]).
    pub synonym: bool,
    /// The user's notes it is in, the best per entity (by entity).
    pub notes: Vec<NoteMatch>,
}

/// A query with its place scopes resolved and its words prepared.
pub struct Prepared<'q> {
    pub query: &'q Query,
    /// The user's notes and frecency.
    pub personal: &'q Personal,
    /// For each `in:` scope text, the places it names.
    pub places: Vec<(String, Vec<u32>)>,
    pub words: Vec<PreparedWord<'q>>,
    /// What rules entities out before matching, when the search is over all
    /// entities (see [`Prefilter`]).
    pub prefilter: Option<Prefilter<'q>>,
    /// The entities a typo, initials or a note may match, ascending, and the
    /// same one bit each: every candidate of a search asks, and a bit answers
    /// where a search of the list cost each of thousands of candidates a
    /// dozen reads or more.
    extra: Vec<u32>,
    extra_bits: Vec<u64>,
}

impl Prepared<'_> {
    /// The entities a typo, initials or a note may match (ascending): they
    /// may lack the letters the letter tests ask for.
    pub(super) fn extra(&self) -> &[u32] {
        &self.extra
    }

    /// Whether a typo, initials or a note may match entity `e`.
    pub(super) fn may_be_extra(&self, e: usize) -> bool {
        (self.extra_bits.get(e / 64)).is_some_and(|w| w >> (e % 64) & 1 == 1)
    }

    /// Whether entity `e`'s prose is known not to hold `text` as typed.
    pub(super) fn prose_lacks(&self, text: &str, e: usize) -> bool {
        self.prefilter
            .as_ref()
            .is_some_and(|f| f.prose_lacks(text, e))
    }

    /// The prepared word for `text`, with its number.
    pub(super) fn word(&self, text: &str) -> Option<(usize, &PreparedWord<'_>)> {
        self.words.iter().enumerate().find(|(_, w)| w.text == text)
    }
}

/// A query with each plain word's synonyms as alternatives to it (the
/// dataset's synonym groups), added after the atoms typed.
pub(super) struct Expanded {
    pub query: Query,
    /// Per group, how many of its atoms were typed.
    pub typed: Vec<usize>,
    /// Whether the last group gained words that may match what the word
    /// typed before it (a letter shorter) did not: synonyms, or a singular
    /// that does not start the word typed. A singular that does (`member`
    /// for `members`) matches only what every shorter word typed before it
    /// matched, so a narrowed search still holds.
    pub last: bool,
}

pub(super) fn with_synonyms(ix: &Index, query: &Query) -> Expanded {
    let typed = query.groups.iter().map(Vec::len).collect();
    let mut expanded = query.clone();
    let mut last = false;
    let groups = expanded.groups.len();
    for (i, group) in expanded.groups.iter_mut().enumerate() {
        let Some((text, MatchMode::Fuzzy)) = Query::lone_term(group) else {
            continue;
        };
        let mut others: Vec<String> = ix.synonyms(text).map(str::to_string).collect();
        let mut wider = !others.is_empty();
        if let Some(one) = singular(text) {
            wider |= !text.starts_with(one.as_str());
            for word in std::iter::once(one.as_str()).chain(ix.synonyms(&one)) {
                if word != text && !others.iter().any(|o| o == word) {
                    wider |= word != one;
                    others.push(word.to_string());
                }
            }
        }
        // A place's other names (`wallonie`, and `italian` for `italiens`)
        // stand for its name, which is what entities in it hold.
        let places: Vec<String> = (std::iter::once(text).chain(others.iter().map(String::as_str)))
            .flat_map(|w| ix.place_names_for(w))
            .map(str::to_string)
            .collect();
        for place in places {
            if place != text && !others.contains(&place) {
                wider = true;
                others.push(place);
            }
        }
        let others: Vec<Atom> = others
            .into_iter()
            .map(|s| Atom {
                kind: AtomKind::Term {
                    text: s,
                    mode: MatchMode::Fuzzy,
                },
                negate: false,
                optional: false,
            })
            .collect();
        last |= i + 1 == groups && wider;
        group.extend(others);
    }
    Expanded {
        query: expanded,
        typed,
        last,
    }
}

/// The singular of a folded English or French plural (`clusters`,
/// `agencies`, `reseaux`), which a text holding the word once does not
/// hold letter for letter: looked for as a synonym is. Short words and
/// endings that are rarely plurals (`paris`, `campus`, `swiss`) are left.
pub(super) fn singular(word: &str) -> Option<String> {
    if word.chars().count() < 5 || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    if word.ends_with("eaux") {
        return Some(word[..word.len() - 1].to_string());
    }
    let stem = word.strip_suffix('s')?;
    (!(stem.ends_with('s') || stem.ends_with('u') || stem.ends_with('i'))).then(|| stem.to_string())
}

/// Resolves place scopes and prepares each word once per query: its
/// substring search, its typos, initials and relation labels.
pub(super) fn prepare<'q>(
    ix: &Index,
    personal: &'q Personal,
    query: &'q Query,
    typed: &[usize],
) -> Result<Prepared<'q>, QueryError> {
    let mut places = Vec::new();
    for atom in query.groups.iter().flatten() {
        if let AtomKind::Scope(Scope::In(name)) = &atom.kind {
            let found = ix.places_named(name);
            if found.is_empty() {
                return Err(QueryError(format!(
                    "in:{name} names no place in this dataset; try a country, region or city, e.g. in:france"
                )));
            }
            places.push((name.clone(), found));
        }
    }
    let words = (query.groups.iter().zip(typed))
        .flat_map(|(g, &typed)| g.iter().enumerate().map(move |(i, a)| (a, i >= typed)))
        .filter_map(|(a, synonym)| match &a.kind {
            AtomKind::Term { text, mode } => {
                let mut w = prepare_word(ix, a, text, *mode, synonym);
                if !a.negate && !a.optional {
                    w.notes = personal.matches(text, *mode);
                }
                Some(w)
            }
            AtomKind::Scope(_) => None,
        })
        .collect::<Vec<PreparedWord>>();
    let extra = extra_entities(&words);
    let mut extra_bits = Vec::new();
    if let Some(&last) = extra.last() {
        extra_bits.resize(ix.len().max(last as usize + 1).div_ceil(64), 0);
        for &e in &extra {
            extra_bits[e as usize / 64] |= 1 << (e % 64);
        }
    }
    Ok(Prepared {
        query,
        personal,
        places,
        words,
        prefilter: None,
        extra,
        extra_bits,
    })
}

/// The entities the words' typos, initials and notes name, ascending.
fn extra_entities(words: &[PreparedWord]) -> Vec<u32> {
    let mut extra: Vec<u32> = (words.iter())
        .flat_map(|w| {
            w.typos
                .iter()
                .map(|t| t.entity)
                .chain(w.initials.iter().map(|i| i.0))
                .chain(w.notes.iter().map(|n| n.entity))
        })
        .collect();
    extra.sort_unstable();
    extra.dedup();
    extra
}

fn prepare_word<'q>(
    ix: &Index,
    a: &Atom,
    text: &'q str,
    mode: MatchMode,
    synonym: bool,
) -> PreparedWord<'q> {
    let searched = !a.negate && !a.optional;
    // A synonym's typos and initials would be guesses upon a guess (and the
    // typo automaton is built once per process, a millisecond of a one-off
    // lookup, for a short word whose synonyms are long).
    let fuzzy = searched && mode == MatchMode::Fuzzy && !synonym;
    let ((typo_words, typos), initials) = match fuzzy {
        true => (typo::candidates(ix, text), ix.initials(text).collect()),
        false => ((Vec::new(), Vec::new()), Vec::new()),
    };
    let mut label_mask = 0u64;
    let mut label_scores = vec![0; labels::count()];
    for (n, score) in label_scores.iter_mut().enumerate().filter(|_| searched) {
        let label = super::fold::fold_str(labels::text(n as u8));
        if let Some((raw, _)) = fieldmatch::in_label(&label, text, mode) {
            label_mask |= 1 << n;
            *score = raw;
        }
    }
    PreparedWord {
        text,
        finder: memchr::memmem::Finder::new(text),
        letters: super::letters::span_mask(text),
        typo_words,
        typos,
        initials,
        label_mask,
        label_scores,
        synonym,
        notes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::singular;

    /// Plurals typed in either language find the word a text holds once;
    /// words that only look plural, and initials, are left alone.
    #[test]
    fn a_plural_gives_its_singular_and_other_words_none() {
        for (plural, one) in [
            ("clusters", "cluster"),
            ("italiens", "italien"),
            ("agencies", "agency"),
            ("reseaux", "reseau"),
            ("members", "member"),
        ] {
            assert_eq!(singular(plural).as_deref(), Some(one), "{plural}");
        }
        for word in ["paris", "campus", "swiss", "cbs", "plus", "2015s", "lyon"] {
            assert_eq!(singular(word), None, "{word}");
        }
    }
}
