//! Which letters a text holds, as bits: a term with a letter that an entity or
//! a field lacks cannot match there, and this is known before any text is read.

/// Bits for the ASCII letters and digits in folded text; other chars add nothing.
pub(super) fn letter_mask(text: &str) -> u64 {
    text.bytes().fold(0u64, |m, b| match b {
        b'a'..=b'z' => m | 1 << (b - b'a'),
        b'0'..=b'9' => m | 1 << (26 + b - b'0'),
        _ => m,
    })
}

/// A [`letter_mask`] in 32 bits: the letters, and the digits folded onto five
/// bits (a digit class present or not is enough to rule a field out). The top
/// bit is left for [`SHORT`].
pub(super) fn span_mask(text: &str) -> u32 {
    narrow(letter_mask(text))
}

/// A [`letter_mask`] as a [`span_mask`].
pub(super) fn narrow(m: u64) -> u32 {
    let digits = (0..10)
        .filter(|d| m >> (26 + d) & 1 == 1)
        .fold(0u32, |acc, d| acc | 1 << (26 + d % 5));
    (m & 0x3FF_FFFF) as u32 | digits
}

/// Set in the mask of every field that is not prose: a term's letters with
/// this bit rule out all prose fields by the same one test.
pub(super) const SHORT: u32 = 1 << 31;

/// One or two chars packed in a number: cheaper map keys than strings.
pub(super) fn short_key(prefix: &str) -> u64 {
    prefix
        .chars()
        .take(2)
        .fold(1u64, |k, c| (k << 21) | u64::from(c))
}
