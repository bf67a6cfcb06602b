//! Folding: what a user types (no accents, any case, a hyphen or a space) is
//! compared with folded text. Word separators (hyphens and dashes, dots,
//! slashes, apostrophes, underscores, `&`, `+`) fold to a space, so that
//! `bio-merieux`, `flanders/dc` and `d.g. grow` are the words a user would
//! type with spaces. Each folded char remembers which original char it came
//! from, so highlights land on the original text.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folded text and, for each of its chars, the index of the original char.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Folded {
    pub text: String,
    pub origin: Vec<u32>,
}

/// Letters that canonical decomposition leaves whole, spelled as users type them.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'ł' | 'Ł' => "l",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ø' | 'Ø' => "o",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        // Every kind of space (no-break, thin, ideographic, ...) is a space.
        '\u{A0}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}'
        | '\t'
        | '\n'
        | '\r' => " ",
        c if is_separator(c) => " ",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '«' | '»' => "\"",
        _ => return None,
    })
}

/// Whether a char separates words the way a space does: hyphens and dashes,
/// dots, slashes, apostrophes (straight and curly), underscores, `&` and `+`.
pub fn is_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '.' | '/' | '\'' | '_' | '&' | '+' | '\u{2010}'
            ..='\u{2015}'
                | '\u{2212}'
                | '\u{2018}'
                | '\u{2019}'
                | '\u{201B}'
                | '\u{2032}'
                | '`'
                | '´'
    )
}

/// An ASCII char as folded: lowercase, a separator a space (a `+` that ends
/// a word aside: see [`fold`]).
pub fn fold_ascii(b: u8) -> u8 {
    if is_separator(char::from(b)) {
        b' '
    } else {
        b.to_ascii_lowercase()
    }
}

/// The letters and digits of folded text alone: how a name is written run
/// together (`flandersdc`, `health2care`), to compare whole names and queries
/// whatever their spaces and separators.
pub fn compact(folded: &str) -> String {
    folded.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Folds one char into `out`, calling `mark` once per char written.
fn fold_char(c: char, out: &mut String, mut mark: impl FnMut()) {
    if c.is_ascii() {
        out.push(char::from(fold_ascii(c as u8)));
        mark();
        return;
    }
    if let Some(s) = special(c) {
        out.push_str(s);
        s.chars().for_each(|_| mark());
        return;
    }
    for d in std::iter::once(c).nfd().filter(|d| !is_combining_mark(*d)) {
        for l in d.to_lowercase() {
            out.push(l);
            mark();
        }
    }
}

/// Whether the `+` at a char is read "plus": it ends a word (`BioXclusters+`,
/// `Canal+`), rather than joining two.
fn plus_word(prev: Option<char>, c: char, next: Option<char>) -> bool {
    c == '+' && prev.is_some_and(char::is_alphanumeric) && !next.is_some_and(char::is_alphanumeric)
}

/// Folds each char of `text` into `out`, calling `mark` with the original
/// char's index once per char written.
fn fold_into(text: &str, out: &mut String, mut mark: impl FnMut(u32)) {
    // Plain ASCII with no `+` (most names): a byte each, as `fold_char` folds it.
    if text.is_ascii() && !text.contains('+') {
        for (i, b) in text.bytes().enumerate() {
            out.push(char::from(fold_ascii(b)));
            mark(i as u32);
        }
        return;
    }
    let mut chars = text.chars().enumerate().peekable();
    let mut prev = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if plus_word(prev, c, next) {
            out.push_str(" plus");
            (0..5).for_each(|_| mark(i as u32));
        } else {
            fold_char(c, out, || mark(i as u32));
        }
        prev = Some(c);
    }
}

/// Folds text, keeping the way back to original char positions.
pub fn fold(text: &str) -> Folded {
    let mut text_out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    fold_into(text, &mut text_out, |i| origin.push(i));
    Folded {
        text: text_out,
        origin,
    }
}

/// Folds text when the way back is not needed (queries, keys).
pub fn fold_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out, |_| {});
    out
}

/// Folds text into `out`, emptied first: many texts folded in turn without
/// an allocation each.
pub fn fold_to(text: &str, out: &mut String) {
    out.clear();
    fold_into(text, out, |_| {});
}

/// Maps ascending char indices in folded text back to the original's char
/// indices. Several folded chars made from one original (`ß` to `ss`) give it
/// once; the origins only grow, so the result ascends too.
pub fn to_original(origin: &[u32], folded_indices: &[usize]) -> Vec<usize> {
    let mut v: Vec<usize> = folded_indices
        .iter()
        .filter_map(|&i| origin.get(i).map(|&o| o as usize))
        .collect();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_special_letters_fold_to_what_users_type() {
        assert_eq!(fold_str("Lyonbiopôle"), "lyonbiopole");
        assert_eq!(fold_str("ACCIÓ"), "accio");
        assert_eq!(fold_str("Auvergne-Rhône-Alpes"), "auvergne rhone alpes");
        assert_eq!(
            fold_str("Gaßmann Łódź Œuvre Æther Ødegaard"),
            "gassmann lodz oeuvre aether odegaard"
        );
        assert_eq!(fold_str("Lyon\u{a0}Biopôle’s"), "lyon biopole s");
        assert_eq!(fold_str("Cancéropôle – «Clara»"), "canceropole   \"clara\"");
    }

    #[test]
    fn separators_fold_to_spaces_and_compact_drops_them() {
        for typed in [
            "bio-merieux",
            "bio.merieux",
            "bio/merieux",
            "bio'merieux",
            "bio_merieux",
            "bio&merieux",
            "bio+merieux",
            "bio–merieux",
            "bio—merieux",
            "bio’merieux",
        ] {
            assert_eq!(fold_str(typed), "bio merieux", "{typed}");
        }
        assert_eq!(compact(&fold_str("Flanders DC")), "flandersdc");
        assert_eq!(fold_str("BioXclusters+"), "bioxclusters plus");
        assert_eq!(fold_str("c++ a+b"), "c plus  a b");
        assert_eq!(fold("X+").origin, vec![0, 1, 1, 1, 1, 1]);
        assert_eq!(compact(&fold_str("Health 2 CARE")), "health2care");
    }

    #[test]
    fn highlights_map_back_through_expanding_letters() {
        let f = fold("Weiß ô");
        assert_eq!(f.text, "weiss o");
        assert_eq!(f.origin, vec![0, 1, 2, 3, 3, 4, 5]);
        // "ss" at folded 3..5 is the original ß at 3; "o" at 6 is ô at 5.
        assert_eq!(to_original(&f.origin, &[3, 4, 6]), vec![3, 5]);
    }

    #[test]
    fn other_scripts_survive_folding() {
        assert_eq!(fold_str("Θεσσαλονίκη"), "θεσσαλονικη");
        assert_eq!(fold_str("東京"), "東京");
    }

    proptest::proptest! {
        /// Plain ASCII folds a byte at a time as it folds a char at a time
        /// beside other text: the same letters, each from its own char.
        #[test]
        fn plain_ascii_folds_as_the_char_by_char_way(text in "[ -*,-~]{0,40}") {
            let fast = fold(&text);
            let beside = fold(&format!("{text}é"));
            proptest::prop_assert_eq!(format!("{}e", fast.text), beside.text);
            let n = text.len() as u32;
            proptest::prop_assert_eq!(fast.origin, (0..n).collect::<Vec<_>>());
        }
    }
}
