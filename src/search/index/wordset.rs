//! The distinct name and alias words that typo search walks, in order: a
//! finite-state map when there are many, so that a Levenshtein automaton
//! visits only the words within reach, and a plain list when there are few,
//! where running the automaton over every word takes microseconds while
//! building the map does not (its builder alone zeroes about a megabyte:
//! about a third of a whole-process lookup in the built-in dataset).

use fst::{Automaton, IntoStreamer, Streamer};
use levenshtein_automata::{DFA, Distance};

/// Up to this many words, a list.
const PLAIN_UP_TO: usize = 4096;

pub enum WordSet {
    Map(fst::Map<Vec<u8>>),
    /// The words one a line (the form the compiled cache stores, so that a
    /// read keeps the string it decoded), and where each ends.
    Plain {
        joined: String,
        ends: Vec<u32>,
    },
}

impl Default for WordSet {
    fn default() -> WordSet {
        WordSet::Plain {
            joined: String::new(),
            ends: Vec::new(),
        }
    }
}

impl WordSet {
    /// The set of these words, numbered in their order; `None` unless they
    /// are distinct and in ascending order, as both forms need.
    pub fn from_sorted(words: &[&str]) -> Option<WordSet> {
        WordSet::build(words, PLAIN_UP_TO)
    }

    /// The set of the words of `joined`, one a line, as [`WordSet::joined`]
    /// gives them; `None` unless they are distinct and in ascending order.
    /// A list keeps `joined` itself.
    pub fn from_joined(joined: String) -> Option<WordSet> {
        if joined.is_empty() {
            return Some(WordSet::default());
        }
        let mut ends = memchr::memchr_iter(b'\n', joined.as_bytes())
            .map(|at| u32::try_from(at).ok())
            .collect::<Option<Vec<u32>>>()?;
        ends.push(u32::try_from(joined.len()).ok()?);
        if ends.len() > PLAIN_UP_TO {
            let words: Vec<&str> = joined.split('\n').collect();
            return WordSet::build(&words, PLAIN_UP_TO);
        }
        let mut words = plain(&joined, &ends);
        let mut last = words.next();
        for word in words {
            if last >= Some(word) {
                return None;
            }
            last = Some(word);
        }
        Some(WordSet::Plain { joined, ends })
    }

    fn build(words: &[&str], plain_up_to: usize) -> Option<WordSet> {
        if words.windows(2).any(|w| w[0] >= w[1]) {
            return None;
        }
        if words.len() <= plain_up_to {
            let size = words.iter().map(|w| w.len() + 1).sum();
            let mut joined = String::with_capacity(size);
            let mut ends = Vec::with_capacity(words.len());
            for word in words {
                if !ends.is_empty() {
                    joined.push('\n');
                }
                joined.push_str(word);
                ends.push(u32::try_from(joined.len()).ok()?);
            }
            return Some(WordSet::Plain { joined, ends });
        }
        let mut map = fst::MapBuilder::memory();
        for (n, word) in words.iter().enumerate() {
            map.insert(word.as_bytes(), n as u64).ok()?;
        }
        fst::Map::new(map.into_inner().ok()?).ok().map(WordSet::Map)
    }

    pub fn len(&self) -> usize {
        match self {
            WordSet::Map(map) => map.len(),
            WordSet::Plain { ends, .. } => ends.len(),
        }
    }

    /// The words the automaton accepts, with their numbers, in order.
    pub fn accepted(&self, dfa: &DFA) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        match self {
            WordSet::Map(map) => {
                let mut stream = map.search(dfa).into_stream();
                while let Some((word, n)) = stream.next() {
                    if let Ok(word) = std::str::from_utf8(word) {
                        out.push((n as usize, word.to_string()));
                    }
                }
            }
            WordSet::Plain { joined, ends } => {
                for (n, word) in plain(joined, ends).enumerate() {
                    if matches!(dfa.eval(word), Distance::Exact(_)) {
                        out.push((n, word.to_string()));
                    }
                }
            }
        }
        out
    }

    /// The words exactly one edit from `term` (see [`super::edits`]), with
    /// their numbers, in order, when the set is a list; `None` for a map,
    /// whose automaton visits only the words within reach.
    pub fn one_edit_from(&self, term: &str) -> Option<Vec<(usize, String)>> {
        let WordSet::Plain { joined, ends } = self else {
            return None;
        };
        let letters: Vec<char> = term.chars().collect();
        let (ascii, mut word_letters) = (term.is_ascii(), Vec::new());
        let mut out = Vec::new();
        for (n, word) in plain(joined, ends).enumerate() {
            // Within a letter of the term's length, counted in bytes first:
            // a letter takes at most four.
            if word.len() + 1 < letters.len() || word.len() > 4 * (letters.len() + 1) {
                continue;
            }
            let apart = if ascii && word.is_ascii() {
                super::edits::one_apart(term.as_bytes(), word.as_bytes())
            } else {
                word_letters.clear();
                word_letters.extend(word.chars());
                super::edits::one_apart(&letters, &word_letters)
            };
            if apart {
                out.push((n, word.to_string()));
            }
        }
        Some(out)
    }

    /// The words that start with `prefix` and are longer, with their
    /// numbers, in order: at most `max` of them.
    pub fn longer(&self, prefix: &str, max: usize) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        match self {
            WordSet::Map(map) => {
                let starts = fst::automaton::Str::new(prefix).starts_with();
                let mut stream = map.search(starts).into_stream();
                while let (Some((word, n)), true) = (stream.next(), out.len() < max) {
                    if let (Ok(word), true) = (std::str::from_utf8(word), word.len() > prefix.len())
                    {
                        out.push((n as usize, word.to_string()));
                    }
                }
            }
            WordSet::Plain { joined, ends } => {
                let words = plain(joined, ends).enumerate();
                let found = words.filter(|(_, w)| w.len() > prefix.len() && w.starts_with(prefix));
                out.extend(found.take(max).map(|(n, w)| (n, w.to_string())));
            }
        }
        out
    }

    /// Every word in order, one a line (words hold no line breaks): the
    /// form the compiled cache stores.
    pub fn joined(&self) -> String {
        if let WordSet::Plain { joined, .. } = self {
            return joined.clone();
        }
        let mut out = String::new();
        let mut add = |word: &str| {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(word);
        };
        match self {
            WordSet::Map(map) => {
                let mut stream = map.stream();
                while let Some((word, _)) = stream.next() {
                    add(&String::from_utf8_lossy(word));
                }
            }
            WordSet::Plain { .. } => {}
        }
        out
    }
}

/// The words of a plain list, in order: each ends where a line break or
/// the text does, and the next starts after it.
fn plain<'a>(joined: &'a str, ends: &'a [u32]) -> impl Iterator<Item = &'a str> + 'a {
    let starts = std::iter::once(0).chain(ends.iter().map(|&e| e as usize + 1));
    (starts.zip(ends)).map(|(s, &e)| &joined[s..e as usize])
}

#[cfg(test)]
mod tests {
    use super::*;
    use levenshtein_automata::LevenshteinAutomatonBuilder;

    #[test]
    fn a_list_and_a_map_accept_the_same_words() {
        let words = [
            "archimed",
            "archinrad",
            "bio",
            "biomerieux",
            "biowin",
            "boehringer",
            "ingelheim",
            "lyon",
            "lyonbiopole",
            "medicen",
        ];
        let list = WordSet::build(&words, usize::MAX).expect("sorted");
        let map = WordSet::build(&words, 0).expect("sorted");
        assert!(matches!(list, WordSet::Plain { .. }) && matches!(map, WordSet::Map(_)));
        assert_eq!((list.len(), list.joined()), (map.len(), map.joined()));
        for (edits, term) in [
            (1, "lyn"),
            (2, "archinard"),
            (2, "ingleheim"),
            (1, "bio"),
            (2, "zzz"),
        ] {
            let dfa = LevenshteinAutomatonBuilder::new(edits, true).build_dfa(term);
            assert_eq!(list.accepted(&dfa), map.accepted(&dfa), "{term}");
        }
        let dfa = LevenshteinAutomatonBuilder::new(2, true).build_dfa("ingleheim");
        assert_eq!(list.accepted(&dfa), vec![(6, "ingelheim".to_string())]);
    }

    /// The list's direct check finds what the automaton for one edit
    /// accepts, less the term itself, over the built-in dataset's name
    /// words, each typed right and with each kind of edit.
    #[test]
    fn one_edit_from_a_list_is_what_the_automaton_accepts() {
        let ds = crate::load::load(&crate::load::DataSource::Builtin, u64::MAX)
            .expect("built-in")
            .dataset;
        let words = crate::search::Index::new(&ds).words.joined();
        let set = WordSet::from_joined(words.clone()).expect("sorted");
        let builder = LevenshteinAutomatonBuilder::new(1, true);
        let mut terms: Vec<String> = Vec::new();
        for word in words.lines() {
            let chars: Vec<char> = word.chars().collect();
            terms.push(word.to_string());
            terms.push(chars[1..].iter().collect());
            terms.push(format!("{word}s"));
            let mut swapped = chars.clone();
            swapped.swap(0, 1.min(chars.len() - 1));
            terms.push(swapped.into_iter().collect());
        }
        // Terms with a letter beyond ASCII read letter by letter.
        terms.extend(["lyön", "biowïn", "médicen", "ñ"].map(String::from));
        let mut found = 0;
        for term in &terms {
            let dfa = builder.build_dfa(term);
            let accepted: Vec<(usize, String)> = (set.accepted(&dfa).into_iter())
                .filter(|(_, w)| w != term)
                .collect();
            found += accepted.len();
            assert_eq!(set.one_edit_from(term), Some(accepted), "{term}");
        }
        // Each word with a letter added is a term one edit from it, at least.
        assert!(found >= words.lines().count(), "edits found: {found}");
        let map = WordSet::build(&["lyon"], 0).expect("sorted");
        assert_eq!(map.one_edit_from("lyn"), None);
    }

    #[test]
    fn words_out_of_order_or_twice_make_no_set() {
        assert!(WordSet::from_sorted(&["b", "a"]).is_none());
        assert!(WordSet::from_sorted(&["a", "a"]).is_none());
        assert_eq!(WordSet::from_sorted(&[]).map(|s| s.len()), Some(0));
        for joined in ["b\na", "a\na", "a\nc\nb", "a\n"] {
            assert!(WordSet::from_joined(joined.into()).is_none(), "{joined:?}");
        }
    }

    /// What the compiled cache stores reads back as the same set, a list or
    /// a map, the words in order with the same numbers.
    #[test]
    fn a_set_comes_back_from_its_lines() {
        let few = ["", "bio", "biowin", "lyon", "lyonbiopole"];
        let many: Vec<String> = (0..=PLAIN_UP_TO).map(|n| format!("w{n:05}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        for words in [&few[..], &few[1..2], &[], &many] {
            let set = WordSet::from_sorted(words).expect("sorted");
            let back = WordSet::from_joined(set.joined()).expect("sorted");
            assert_eq!(
                matches!(back, WordSet::Plain { .. }),
                words.len() <= PLAIN_UP_TO
            );
            assert_eq!((back.len(), back.joined()), (words.len(), words.join("\n")));
            assert_eq!(back.longer("", usize::MAX), set.longer("", usize::MAX));
            let numbered: Vec<(usize, String)> =
                words.iter().map(|w| w.to_string()).enumerate().collect();
            let nonempty = numbered.iter().filter(|(_, w)| !w.is_empty()).cloned();
            assert_eq!(back.longer("", usize::MAX), nonempty.collect::<Vec<_>>());
        }
    }
}
