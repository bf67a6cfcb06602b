//! The way back from folded text to the original's characters, for the few
//! texts that folding did not keep char for char (`ß` to `ss`, `+` to
//! "plus"). Kept apart from the spans, which every keystroke reads, and
//! found by where the text starts in its buffer: an offset in every span
//! cost four of its twenty bytes (27 MiB at a million entities) for the
//! handful of texts that need one. A shared text's spans all start where
//! it does, so one entry serves them all.

use serde::{Deserialize, Serialize};

use super::Span;

#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Origins {
    /// Per folded char of a moved text, its original char's number.
    #[serde(with = "crate::cache::columns")]
    chars: Vec<u32>,
    /// (start in the short-field buffer, offset in `chars`), by start.
    #[serde(with = "crate::cache::columns")]
    short: Vec<(u32, u32)>,
    /// The same for texts in the prose buffer.
    #[serde(with = "crate::cache::columns")]
    prose: Vec<(u32, u32)>,
}

impl Origins {
    fn table(&self, prose: bool) -> &[(u32, u32)] {
        if prose { &self.prose } else { &self.short }
    }

    /// Records `map` for the text stored at `start`; texts are stored in the
    /// order of their starts, so each table stays sorted.
    pub(super) fn add(&mut self, prose: bool, start: u32, map: &[u32]) {
        let at = self.chars.len() as u32;
        self.chars.extend_from_slice(map);
        let table = if prose {
            &mut self.prose
        } else {
            &mut self.short
        };
        table.push((start, at));
    }

    /// The original char of each of the `len` folded chars of `span`'s
    /// text, or None when folding kept them in place.
    pub(super) fn of(&self, span: &Span, len: usize) -> Option<&[u32]> {
        let table = self.table(span.field.is_prose());
        let k = table.binary_search_by_key(&span.start, |e| e.0).ok()?;
        let at = table[k].1 as usize;
        // A damaged cache cannot be read past its end; `check` refuses it.
        self.chars.get(at..at.saturating_add(len))
    }

    /// Whether each table ascends and points inside `chars` (a compiled
    /// cache is checked before it is used).
    pub(super) fn sound(&self) -> bool {
        [&self.short, &self.prose].into_iter().all(|t| {
            t.windows(2).all(|w| w[0].0 < w[1].0)
                && t.iter().all(|e| e.1 as usize <= self.chars.len())
        })
    }

    pub(super) fn shrink_to_fit(&mut self) {
        self.chars.shrink_to_fit();
        self.short.shrink_to_fit();
        self.prose.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dataset, Entity, Kind, thin_vec};
    use crate::search::syntax::Query;
    use crate::search::{Field, Index};

    fn span(field: Field, start: u32) -> Span {
        let shared = super::super::NOT_SHARED;
        Span {
            field,
            start,
            end: start + 3,
            shared,
        }
    }

    #[test]
    fn short_fields_and_prose_keep_their_own_tables() {
        let mut o = Origins::default();
        o.add(false, 4, &[0, 1, 1]);
        o.add(true, 4, &[0, 0, 1]);
        o.add(false, 9, &[0, 1, 2, 2]);
        assert_eq!(o.of(&span(Field::Name, 4), 3), Some(&[0, 1, 1][..]));
        assert_eq!(o.of(&span(Field::Description, 4), 3), Some(&[0, 0, 1][..]));
        assert_eq!(o.of(&span(Field::Tag(0), 9), 4), Some(&[0, 1, 2, 2][..]));
        // A text stored in place has no entry; nor is one read past the end.
        assert_eq!(o.of(&span(Field::Name, 5), 3), None);
        assert_eq!(o.of(&span(Field::Tag(0), 9), 5), None);
        assert!(o.sound());
    }

    #[test]
    fn a_table_out_of_order_or_past_its_chars_is_unsound() {
        let mut o = Origins::default();
        o.add(false, 9, &[0]);
        o.add(false, 4, &[0]);
        assert!(!o.sound(), "starts must ascend");
        let mut o = Origins::default();
        o.add(true, 1, &[0, 1]);
        o.prose[0].1 = 3;
        assert!(!o.sound(), "an offset past the chars");
    }

    /// "Weiß" folds to "weiss", one char more: both entities carrying the
    /// tag, and prose, light the original characters.
    #[test]
    fn a_shared_text_and_prose_that_folding_moved_light_the_original() {
        let mut a = Entity::new("a", Kind::Organisation, "Alpha");
        a.tags = thin_vec!["Weiß Lab".into()];
        let mut b = Entity::new("b", Kind::Organisation, "Beta");
        b.tags = thin_vec!["Weiß Lab".into()];
        let mut c = Entity::new("c", Kind::Organisation, "Gamma");
        c.description = "Run by Groß and Weiß.".into();
        let ds = Dataset::new(String::new(), vec![], vec![a, b, c], vec![]);
        let ix = Index::new(&ds);
        let hits = ix.search(&Query::parse("weiss").unwrap()).unwrap();
        let lit = |e: usize| {
            let hit = hits.iter().find(|h| h.entity == e).expect("a hit");
            (hit.field, hit.indices.clone())
        };
        assert_eq!(lit(0), (Field::Tag(0), vec![0, 1, 2, 3]));
        assert_eq!(lit(1), (Field::Tag(0), vec![0, 1, 2, 3]));
        // "Run by Groß and Weiß.": W is char 16, ß char 19.
        assert_eq!(lit(2), (Field::Description, vec![16, 17, 18, 19]));
    }
}
