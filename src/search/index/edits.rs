//! Whether two words are one edit apart, read straight off their letters: a
//! letter changed, added or dropped, or two neighbours swapped, as `strsim`'s
//! optimal string alignment counts edits. A short word's typos are the
//! words one edit from it, and over the few hundred words of a small
//! dataset this check finds them in a few thousand instructions, where
//! building the Levenshtein automaton (its parametric tables, then its
//! states for the word) took some 80,000 in every one-off lookup.

/// Whether `b` is exactly one edit from `a` (the same word is not), letter
/// by letter: `char`s, or bytes when both words are ASCII.
pub fn one_apart<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let Some(i) = short.iter().zip(long).position(|(x, y)| x != y) else {
        // One is the other with a letter added at its end, or the same.
        return short.len() != long.len();
    };
    if short.len() < long.len() {
        return short[i..] == long[i + 1..];
    }
    let changed = short[i + 1..] == long[i + 1..];
    let swapped = i + 1 < short.len()
        && short[i] == long[i + 1]
        && short[i + 1] == long[i]
        && short[i + 2..] == long[i + 2..];
    changed || swapped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apart(a: &str, b: &str) -> bool {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        one_apart(&a, &b)
    }

    #[test]
    fn bytes_of_ascii_words_read_as_their_letters() {
        for (a, b) in [
            ("lyon", "lyno"),
            ("lyon", "lxox"),
            ("bio", "biow"),
            ("", ""),
        ] {
            assert_eq!(
                one_apart(a.as_bytes(), b.as_bytes()),
                apart(a, b),
                "{a} {b}"
            );
        }
    }

    #[test]
    fn each_kind_of_edit_is_one_and_two_of_them_are_not() {
        for (a, b) in [
            ("lyon", "lion"),
            ("lyon", "lyons"),
            ("lyon", "yon"),
            ("lyon", "lyno"),
            ("lyon", "loyn"),
            ("lyon", "ylon"),
            ("magia", "mgia"),
            ("liege", "liège"),
            ("", "a"),
        ] {
            assert!(apart(a, b), "{a} {b}");
            assert!(apart(b, a), "{b} {a}");
        }
        for (a, b) in [
            ("lyon", "lyon"),
            ("lyon", "lxox"),
            ("lyon", "ly"),
            ("lyon", "nyol"),
            ("magia", "mgiaa"),
            ("", ""),
        ] {
            assert!(!apart(a, b), "{a} {b}");
        }
    }

    proptest::proptest! {
        #[test]
        fn it_agrees_with_the_optimal_string_alignment(
            a in "[a-eé]{0,7}",
            edits in proptest::collection::vec((0usize..4, 0usize..8, "[a-eé]"), 0..3),
        ) {
            // Words drawn near each other, so that one edit apart is common.
            let mut b: Vec<char> = a.chars().collect();
            for (kind, at, c) in edits {
                let c = c.chars().next().unwrap_or('a');
                let at = at.min(b.len());
                match kind {
                    0 if at < b.len() => b[at] = c,
                    1 => b.insert(at, c),
                    2 if at < b.len() => { b.remove(at); }
                    3 if at + 1 < b.len() => b.swap(at, at + 1),
                    _ => {}
                }
            }
            let b: String = b.into_iter().collect();
            proptest::prop_assert_eq!(apart(&a, &b), strsim::osa_distance(&a, &b) == 1, "{} {}", a, b);
        }
    }
}
