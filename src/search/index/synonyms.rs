//! The dataset's synonym groups as the index keeps them: every folded word
//! once, in one sorted text, with the numbers of the words it equals. A map
//! from each word to a vector of its synonyms held some 600 small
//! allocations for the built-in dataset's 155 words, each made again when a
//! one-off lookup decoded the index (a tenth of its instructions), for the
//! one or two words a query looks up.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::Exact;

/// Word `i` is key `i` of the table; its list holds the numbers of the
/// other words of its group, in the order the build gave them.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Synonyms(Exact);

impl Synonyms {
    /// The table of a map from each word to the other words of its group.
    pub fn from_map(map: &FxHashMap<String, Vec<String>>) -> Synonyms {
        let mut words: Vec<&str> = (map.iter())
            .flat_map(|(w, others)| std::iter::once(w).chain(others))
            .map(String::as_str)
            .collect();
        words.sort_unstable();
        words.dedup();
        let number = |w: &str| words.binary_search(&w).map_or(0, |i| i as u32);
        let numbered: FxHashMap<String, Vec<u32>> = (words.iter())
            .map(|&w| {
                let others = map.get(w).map_or(&[][..], Vec::as_slice);
                (w.to_string(), others.iter().map(|o| number(o)).collect())
            })
            .collect();
        Synonyms(Exact::from_map(numbered))
    }

    /// The other words of `word`'s group, none when it has no synonym.
    pub fn of<'a>(&'a self, word: &str) -> impl Iterator<Item = &'a str> + 'a {
        let others = self.0.get(word);
        others.iter().map(|&i| self.0.key(i as usize))
    }

    /// Whether a decoded table can be read: sorted, cut on char boundaries,
    /// each number a word of the table.
    pub fn is_sound(&self) -> bool {
        self.0.sound_below(self.0.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(groups: &[&[&str]]) -> FxHashMap<String, Vec<String>> {
        let mut map = FxHashMap::default();
        for group in groups {
            for w in *group {
                let others = group.iter().filter(|o| *o != w).map(|o| o.to_string());
                map.insert(w.to_string(), others.collect());
            }
        }
        map
    }

    #[test]
    fn each_word_gives_the_others_of_its_group_in_their_order() {
        let groups: &[&[&str]] = &[
            &["cancerologie", "oncologie", "oncology"],
            &["organisation", "organization"],
        ];
        let table = Synonyms::from_map(&map(groups));
        let of = |w: &str| table.of(w).collect::<Vec<_>>();
        assert_eq!(of("oncology"), ["cancerologie", "oncologie"]);
        assert_eq!(of("cancerologie"), ["oncologie", "oncology"]);
        assert_eq!(of("organization"), ["organisation"]);
        for none in ["", "onco", "oncologyy", "health"] {
            assert!(of(none).is_empty(), "{none}");
        }
        assert!(table.is_sound());
    }

    #[test]
    fn a_decoded_table_naming_a_word_it_lacks_is_refused() {
        let table = Synonyms::from_map(&map(&[&["eu", "europe"]]));
        let bytes = postcard::to_allocvec(&table).expect("encodes");
        let back: Synonyms = postcard::from_bytes(&bytes).expect("decodes");
        assert!(back.is_sound());
        assert_eq!(back.of("eu").collect::<Vec<_>>(), ["europe"]);
        // One word's list pointing past the two words.
        let stray = Exact::from_map(FxHashMap::from_iter([
            ("eu".to_string(), vec![1]),
            ("europe".to_string(), vec![2]),
        ]));
        assert!(!Synonyms(stray).is_sound());
    }
}
