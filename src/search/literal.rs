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
