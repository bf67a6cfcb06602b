//! Finding a term as typed in a field: by a prepared vectorised search (or the
//! standard one), at a word start when it is anywhere, with the literal modes'
//! scores ('exact, ^prefix, suffix$, ^whole$) and char positions for highlights.

use memchr::memmem;

use super::syntax::MatchMode;

/// Where `text` occurs as typed in `hay`: at a word start if it does anywhere,
/// else (unless `word_start_only`) the first place.
pub(super) fn occurrence(
    hay: &str,
    text: &str,
    finder: Option<&memmem::Finder>,
    word_start_only: bool,
) -> Option<usize> {
    let step = text.chars().next().map_or(1, char::len_utf8);
    let find = |from: usize| match finder {
        Some(f) => f.find(&hay.as_bytes()[from..]),
        None => hay[from..].find(text),
    };
    let (mut from, mut first) = (0, None);
    while let Some(at) = find(from).map(|i| i + from) {
        if is_word_start(hay, at) {
            return Some(at);
        }
        first.get_or_insert(at);
        from = at + step;
    }
    first.filter(|_| !word_start_only)
}

/// Whether the bytes of `needle` occur in `hay` in order (a vectorised find
/// per byte: far fewer mispredicted branches than a walk byte by byte).
pub(super) fn in_order(hay: &[u8], needle: &[u8]) -> bool {
    let mut rest = hay;
    for &b in needle {
        match memchr::memchr(b, rest) {
            Some(i) => rest = &rest[i + 1..],
            None => return false,
        }
    }
    true
}

/// Whether the bytes of `needle` can be found in order in `hay` in at most
/// `most` separate runs, ASCII case aside. Any match of the matcher is one
/// such way, so a word whose letters cannot is a near miss without the
/// matcher's full pass. `needle` is ASCII, of 1 to 32 bytes.
pub(super) fn fits_pieces(hay: &[u8], needle: &[u8], most: usize) -> bool {
    let m = needle.len();
    debug_assert!((1..=32).contains(&m) && needle.is_ascii());
    // More pieces than bytes are never needed.
    let most = most.min(m);
    if most == 0 {
        return false;
    }
    // Bit j of a byte's mask: the needle's byte j is that byte.
    let mut masks = [0u32; 128];
    for (j, &b) in needle.iter().enumerate() {
        masks[usize::from(b.to_ascii_lowercase())] |= 1 << j;
        masks[usize::from(b.to_ascii_uppercase())] |= 1 << j;
    }
    let whole = 1u32 << (m - 1);
    // For at most k pieces: bit j of `ends[k]` when the needle's first j+1
    // bytes can be found with the last on the byte just read, of `seen[k]`
    // on any byte read so far (`seen[0]` is the empty start). Each k reads
    // the values of k-1 from the byte before, so k goes down.
    let (mut ends, mut seen) = ([0u32; 33], [0u32; 33]);
    for &c in hay {
        let b = masks.get(usize::from(c)).copied().unwrap_or(0);
        for k in (1..=most).rev() {
            ends[k] = ((ends[k] << 1) | (seen[k - 1] << 1) | 1) & b;
            seen[k] |= ends[k];
        }
        if seen[most] & whole != 0 {
            return true;
        }
    }
    false
}

pub(super) fn char_index(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

pub(super) fn is_word_start(text: &str, byte: usize) -> bool {
    byte == 0
        || !text[..byte]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// Where `needle` occurs in `text` under a mode (not fuzzy): score and byte offset.
pub(super) fn literal_at(
    text: &str,
    needle: &str,
    mode: MatchMode,
    finder: Option<&memmem::Finder>,
) -> Option<(i64, usize)> {
    let base = 16 * needle.chars().count() as i64;
    match mode {
        MatchMode::Whole => (text == needle).then_some((base + 48, 0)),
        MatchMode::Suffix => text
            .ends_with(needle)
            .then(|| (base + 16, text.len() - needle.len())),
        MatchMode::Prefix => {
            let at = occurrence(text, needle, finder, true)?;
            is_word_start(text, at).then_some((base + 24, at))
        }
        MatchMode::Exact | MatchMode::Fuzzy => {
            let at = occurrence(text, needle, finder, false)?;
            Some((base + if is_word_start(text, at) { 16 } else { 0 }, at))
        }
    }
}

/// The char positions of `needle` found at byte `at` of `text`, when wanted.
fn positions(text: &str, at: usize, needle: &str, indices: bool) -> Vec<usize> {
    if !indices {
        return Vec::new();
    }
    let first = char_index(text, at);
    (first..first + needle.chars().count()).collect()
}

/// Where `needle` occurs in `text` under a mode (not fuzzy): score, byte
/// offset, and char positions when wanted.
pub(super) fn literal(
    text: &str,
    needle: &str,
    mode: MatchMode,
    finder: Option<&memmem::Finder>,
    indices: bool,
) -> Option<(i64, usize, Vec<usize>)> {
    let (score, at) = literal_at(text, needle, mode, finder)?;
    Some((score, at, positions(text, at, needle, indices)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    /// The fewest runs by trying every way the needle's bytes can be found.
    fn fewest(hay: &[u8], needle: &[u8], after: Option<usize>) -> Option<usize> {
        let Some((&b, rest)) = needle.split_first() else {
            return Some(0);
        };
        let from = after.map_or(0, |a| a + 1);
        (from..hay.len())
            .filter(|&i| hay[i].eq_ignore_ascii_case(&b))
            .filter_map(|i| {
                let more = fewest(hay, rest, Some(i))?;
                // Going on from the byte before costs no new run.
                let new_run = after.is_none_or(|a| a + 1 != i);
                Some(more + usize::from(new_run))
            })
            .min()
    }

    #[test]
    fn a_word_typed_on_from_a_name_fits_where_scattered_letters_do_not() {
        assert!(fits_pieces(b"lyon biotech", b"lyonb", 2));
        assert!(!fits_pieces(b"lyon biotech", b"lyonb", 1));
        assert!(!fits_pieces(b"laboratory young oncology bio", b"lyonb", 2));
        assert!(fits_pieces(b"Medical Devices", b"medice", 2), "case aside");
        assert!(!fits_pieces(b"medic", b"medice", 3), "letters missing");
    }

    proptest! {
        /// The answer is whether the fewest runs, found the slow way, fit.
        #[test]
        fn fits_exactly_when_the_fewest_runs_do(
            hay in "[abcAB .]{0,12}",
            needle in "[abc]{1,5}",
            most in 0usize..6,
        ) {
            let slow = fewest(hay.as_bytes(), needle.as_bytes(), None);
            let fits = fits_pieces(hay.as_bytes(), needle.as_bytes(), most);
            prop_assert_eq!(fits, slow.is_some_and(|n| n <= most), "{:?} in {:?}", needle, hay);
        }

        /// What the search relies on: when the letters cannot fit in so few
        /// runs, the matcher's own match makes more.
        #[test]
        fn the_matcher_never_finds_fewer_runs(
            hay in "[a-dA-D -]{0,30}",
            needle in "[a-d]{1,8}",
            most in 1usize..4,
        ) {
            let found = SkimMatcherV2::default().fuzzy_indices(&hay, &needle);
            if let (false, Some((_, at))) = (fits_pieces(hay.as_bytes(), needle.as_bytes(), most), found) {
                let runs = crate::search::matcher::runs(&at);
                prop_assert!(runs > most, "{:?} in {:?}: {:?}", needle, hay, at);
            }
        }
    }
}
