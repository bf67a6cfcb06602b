//! The words of names and aliases, for the two ways a query word can point at
//! a name without holding its letters as typed: a typo of one of its words
//! (`ingleheim`, `archinrad`), or its initials (`cbs` for Cancer-Bio-Santé).
//!
//! Typo candidates come from the set of every distinct word, walked by a
//! Levenshtein automaton that counts a swap of neighbours as one edit: in a
//! large dataset a finite-state set, so that only the words within reach are
//! visited, not every word of 100,000 names (see [`WordSet`]).

use std::sync::LazyLock;

use levenshtein_automata::LevenshteinAutomatonBuilder;
use rustc_hash::FxHashMap;

use super::super::Field;
use super::super::flat::Lists;
use super::wordset::WordSet;

/// Shortest word indexed for typos: a typo of two letters is any word.
const MIN_WORD: usize = 3;

/// Automata builders for one and two edits, a swap counted as one: building
/// one takes a while (two edits, a millisecond or more), the automaton for a
/// word is then quick to make.
static ONE_EDIT: LazyLock<LevenshteinAutomatonBuilder> =
    LazyLock::new(|| LevenshteinAutomatonBuilder::new(1, true));
static TWO_EDITS: LazyLock<LevenshteinAutomatonBuilder> =
    LazyLock::new(|| LevenshteinAutomatonBuilder::new(2, true));

/// Every distinct name and alias word, with the entities that have it (which
/// name or alias, and where in it, is found again for the few a search needs).
#[derive(Default)]
pub struct Words {
    set: WordSet,
    pub(super) entities: Lists<u32>,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Words({} words)", self.set.len())
    }
}

/// Words gathered while the index is built.
#[derive(Debug, Default)]
pub struct WordsBuilder {
    found: FxHashMap<String, Vec<u32>>,
    count: usize,
}

/// The words of folded text with their char offsets.
pub fn split(folded: &str) -> impl Iterator<Item = (u32, &str)> {
    let mut offset = 0u32;
    folded
        .split(|c: char| !c.is_alphanumeric())
        .map(move |word| {
            let at = offset;
            offset += word.chars().count() as u32 + 1;
            (at, word)
        })
        .filter(|(_, w)| !w.is_empty())
}

/// Builds the typo automata now, on the thread building the index, rather
/// than on the first keystroke that needs them.
pub fn prepare_automata() {
    LazyLock::force(&ONE_EDIT);
    LazyLock::force(&TWO_EDITS);
}

impl WordsBuilder {
    /// Notes the words of a folded name or alias of an entity (entities are
    /// added in order).
    pub fn add(&mut self, entity: usize, folded: &str) {
        for (_, word) in split(folded) {
            if word.chars().count() < MIN_WORD {
                continue;
            }
            let e = entity as u32;
            match self.found.get_mut(word) {
                Some(list) if list.last() == Some(&e) => {}
                Some(list) => list.push(e),
                None => {
                    self.found.insert(word.to_string(), vec![e]);
                }
            }
            self.count += 1;
        }
    }

    pub fn finish(self) -> Words {
        let mut found: Vec<(String, Vec<u32>)> = self.found.into_iter().collect();
        found.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let words: Vec<&str> = found.iter().map(|(w, _)| w.as_str()).collect();
        // Sorted and distinct keys always make a set.
        let set = WordSet::from_sorted(&words).unwrap_or_default();
        let mut entities = Lists::with_capacity(found.len(), self.count);
        for (_, list) in &found {
            entities.push(list);
        }
        entities.shrink_to_fit();
        Words { set, entities }
    }
}

impl Words {
    /// The words within `max` edits of `term` (1 or 2, a swap of neighbours
    /// counting as one), other than `term` itself, each with its distance as
    /// `strsim` counts it and the entities that have it.
    pub fn near(&self, term: &str, max: usize) -> Vec<(usize, String, &[u32])> {
        if max == 1
            && let Some(found) = self.set.one_edit_from(term)
        {
            let with_entities = found.into_iter();
            return with_entities
                .map(|(n, w)| (1, w, self.entities.of(n)))
                .collect();
        }
        let builder: &LevenshteinAutomatonBuilder = match max {
            1 => &ONE_EDIT,
            2 => &TWO_EDITS,
            _ => return Vec::new(),
        };
        let dfa = builder.build_dfa(term);
        let mut out = Vec::new();
        for (n, word) in self.set.accepted(&dfa) {
            let d = strsim::osa_distance(term, &word);
            if (1..=max).contains(&d) {
                out.push((d, word, self.entities.of(n)));
            }
        }
        out
    }

    pub fn len(&self) -> usize {
        self.set.len()
    }

    /// The letters most likely to follow `prefix` (folded) in a name or alias
    /// word, most entities first: at most `k`, from the first 20,000 words
    /// that start with it.
    pub fn next_letters(&self, prefix: &str, k: usize) -> Vec<char> {
        let mut counts: Vec<(char, usize)> = Vec::new();
        for (n, word) in self.set.longer(prefix, 20_000) {
            let Some(next) = word[prefix.len()..].chars().next() else {
                continue;
            };
            let many = self.entities.of(n).len();
            match counts.iter_mut().find(|(c, _)| *c == next) {
                Some((_, count)) => *count += many,
                None => counts.push((next, many)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counts.into_iter().take(k).map(|(c, _)| c).collect()
    }

    /// Every word in order, one a line (words hold no line breaks), as the
    /// compiled cache stores them.
    pub(super) fn joined(&self) -> String {
        self.set.joined()
    }

    /// The words back from [`Words::joined`]; `None` unless they are sorted
    /// and distinct, as the set needs.
    pub(super) fn from_joined(joined: String, entities: Lists<u32>) -> Option<Words> {
        let set = WordSet::from_joined(joined)?;
        Some(Words { set, entities })
    }
}

/// Small words left out of initials: "Council of European Bio Regions" is CEBR.
const SMALL: &[&str] = &[
    "a", "and", "at", "d", "de", "del", "della", "der", "des", "di", "die", "du", "en", "et",
    "for", "in", "l", "la", "le", "les", "of", "on", "the", "to", "und", "y",
];

/// Whether a word is left out of initials.
pub fn is_small(word: &str) -> bool {
    SMALL.contains(&word)
}

/// Initials from 2 to 6 letters long.
pub const INITIALS: std::ops::RangeInclusive<usize> = 2..=6;

/// Initials packed in a number: base 37, a letter or a digit a place (six
/// places fit in 32 bits).
pub fn initials_key(text: &str) -> Option<u32> {
    if !INITIALS.contains(&text.len()) {
        return None;
    }
    text.bytes().try_fold(0u32, |k, b| {
        let code = match b {
            b'a'..=b'z' => b - b'a' + 1,
            b'0'..=b'9' => b - b'0' + 27,
            _ => return None,
        };
        Some(k * 37 + u32::from(code))
    })
}

/// The initials of a folded name of two words or more: of every word, and of
/// the words left once small ones are dropped.
pub fn initials(folded: &str) -> Vec<u32> {
    let words: Vec<&str> = split(folded).map(|(_, w)| w).collect();
    if words.len() < 2 {
        return Vec::new();
    }
    let first = |ws: &mut dyn Iterator<Item = &&str>| -> String {
        ws.filter_map(|w| w.chars().next()).collect()
    };
    let all = first(&mut words.iter());
    let big = first(&mut words.iter().filter(|w| !is_small(w)));
    let mut keys: Vec<u32> = [all, big].iter().filter_map(|s| initials_key(s)).collect();
    keys.dedup();
    keys
}

/// Where each name's or alias's initials point: (key, entity) sorted, the
/// entity's top bit set when only an alias has them. Which alias, and where
/// its words start, is found again for the few entities a search shows.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Initials {
    #[serde(with = "crate::cache::columns")]
    entries: Vec<(u32, u32)>,
}

/// Marks an entity whose initials are an alias's only.
pub(super) const ALIAS: u32 = 1 << 31;

impl Initials {
    pub fn add(&mut self, entity: usize, field: Field, folded: &str) {
        let alias = if field == Field::Name { 0 } else { ALIAS };
        for key in initials(folded) {
            self.entries.push((key, entity as u32 | alias));
        }
    }

    pub(super) fn entries(&self) -> &[(u32, u32)] {
        &self.entries
    }

    pub fn finish(&mut self) {
        // Per key and entity, the name (no mark) before any alias.
        self.entries
            .sort_unstable_by_key(|&(k, e)| (k, e & !ALIAS, e & ALIAS));
        self.entries.dedup_by_key(|&mut (k, e)| (k, e & !ALIAS));
        self.entries.shrink_to_fit();
    }

    /// The entities (ascending) with a name or alias of these initials, each
    /// with the kind of field that has them: the name, or some alias.
    pub fn of(&self, term: &str) -> impl Iterator<Item = (u32, Field)> + '_ {
        let key = initials_key(term);
        let from = self.entries.partition_point(|e| Some(e.0) < key);
        let to = self.entries.partition_point(|e| Some(e.0) <= key);
        let field = |e: u32| {
            if e & ALIAS == 0 {
                Field::Name
            } else {
                Field::Alias(0)
            }
        };
        self.entries[from..to.max(from)]
            .iter()
            .filter(move |_| key.is_some())
            .map(move |&(_, e)| (e & !ALIAS, field(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_every_word_and_of_the_big_words() {
        let key = |s| initials_key(s).expect("a key");
        assert_eq!(initials("cancer bio sante"), vec![key("cbs")]);
        assert_eq!(
            initials("council of european bio regions"),
            vec![key("coebr"), key("cebr")]
        );
        assert!(initials("minalogic").is_empty());
        assert_eq!(initials_key("abcdefg"), None);
        assert_eq!(initials_key("é"), None);
    }

    #[test]
    fn initials_point_to_the_name_before_an_alias() {
        let mut i = Initials::default();
        i.add(3, Field::Alias(1), "cancer bio sante");
        i.add(3, Field::Name, "cancer-bio-sante");
        i.add(5, Field::Alias(0), "club bio sud");
        i.finish();
        let found: Vec<(u32, Field)> = i.of("cbs").collect();
        assert_eq!(found, vec![(3, Field::Name), (5, Field::Alias(0))]);
        assert_eq!(i.of("xyz").count(), 0);
        assert_eq!(i.of("c").count(), 0);
    }

    #[test]
    fn words_within_reach_count_a_swap_as_one_edit() {
        let mut b = WordsBuilder::default();
        b.add(0, "philippe archinard");
        b.add(1, "minalogic");
        b.add(2, "boehringer ingelheim");
        let words = b.finish();
        assert_eq!(words.len(), 5);
        let near = |t: &str, max| -> Vec<(usize, u32)> {
            words
                .near(t, max)
                .into_iter()
                .flat_map(|(d, _, es)| es.iter().map(move |&e| (d, e)))
                .collect()
        };
        assert_eq!(near("archinrad", 2), vec![(1, 0)]);
        assert_eq!(near("ingleheim", 2), vec![(1, 2)]);
        assert_eq!(near("minalogik", 1), vec![(1, 1)]);
        assert_eq!(near("minalogic", 2), vec![], "the word itself is no typo");
        assert_eq!(near("xyzzy", 2), vec![]);
    }
}
