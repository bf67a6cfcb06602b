//! Folding: what a user types (no accents, any case, plain apostrophes) is
//! compared with folded text. Each folded char remembers which original char it
//! came from, so highlights land on the original text.

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
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '´' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '«' | '»' => "\"",
        '\u{2010}'..='\u{2015}' | '\u{2212}' => "-",
        _ => return None,
    })
}

/// Folds one char into `out`, calling `mark` once per char written.
fn fold_char(c: char, out: &mut String, mut mark: impl FnMut()) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
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

/// Folds text, keeping the way back to original char positions.
pub fn fold(text: &str) -> Folded {
    let mut f = Folded {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
    };
    for (i, c) in text.chars().enumerate() {
        let origin = &mut f.origin;
        fold_char(c, &mut f.text, || origin.push(i as u32));
    }
    f
}

/// Folds text when the way back is not needed (queries, keys).
pub fn fold_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out, || {});
    }
    out
}

/// Maps char indices in folded text back to original char indices, merged and sorted.
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
        assert_eq!(fold_str("Auvergne-Rhône-Alpes"), "auvergne-rhone-alpes");
        assert_eq!(
            fold_str("Gaßmann Łódź Œuvre Æther Ødegaard"),
            "gassmann lodz oeuvre aether odegaard"
        );
        assert_eq!(fold_str("Lyon\u{a0}Biopôle’s"), "lyon biopole's");
        assert_eq!(fold_str("Cancéropôle – «Clara»"), "canceropole - \"clara\"");
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
}
