//! Which letters a text holds, as bits, and what that rules out before any
//! text is read: an entity or field lacking a letter of a term cannot match it.

use super::Field;
use super::index::Index;

/// Bits for the ASCII letters and digits in folded text; other chars add nothing.
pub(super) fn letter_mask(text: &str) -> u64 {
    text.bytes().fold(0u64, |m, b| match b {
        b'a'..=b'z' => m | 1 << (b - b'a'),
        b'0'..=b'9' => m | 1 << (26 + b - b'0'),
        _ => m,
    })
}

/// A [`letter_mask`] in 32 bits: the letters, and the digits folded onto six bits
/// (a digit class present or not is enough to rule a field out).
pub(super) fn span_mask(text: &str) -> u32 {
    let m = letter_mask(text);
    let digits = (0..10)
        .filter(|d| m >> (26 + d) & 1 == 1)
        .fold(0u32, |acc, d| acc | 1 << (26 + d % 6));
    (m & 0x3FF_FFFF) as u32 | digits
}

/// Descriptions and fact values: matched as typed, kept in their own buffer.
pub(super) fn is_prose(field: Field) -> bool {
    matches!(field, Field::Description | Field::Fact(_))
}

/// One or two chars packed in a number: cheaper map keys than strings.
pub(super) fn short_key(prefix: &str) -> u64 {
    prefix
        .chars()
        .take(2)
        .fold(1u64, |k, c| (k << 21) | u64::from(c))
}

impl Index {
    /// The entities that could match `text` (three letters or more) as a fuzzy
    /// or exact term: those whose short fields hold all its letters, and those
    /// whose prose holds it as typed, found by one vectorised pass over all prose.
    pub(super) fn could_match(&self, text: &str) -> Vec<u32> {
        let (need, letters) = (letter_mask(text), span_mask(text));
        // All the letters in one field, not spread over several.
        let one_field = |e: u32| {
            let fields = self.fields(e as usize).iter();
            fields
                .into_iter()
                .any(|s| !is_prose(s.field) && letters & !s.mask == 0)
        };
        let mut in_prose = memchr::memmem::find_iter(self.prose.as_bytes(), text.as_bytes())
            .map(|at| {
                let k = self.prose_owner.partition_point(|o| o.0 as usize <= at);
                self.prose_owner[k.saturating_sub(1)].1
            })
            .peekable();
        let mut out = Vec::new();
        for (e, &m) in self.short_masks.iter().enumerate() {
            let e = e as u32;
            let mut hit = need & !m == 0 && one_field(e);
            while let Some(&p) = in_prose.peek().filter(|&&p| p <= e) {
                hit |= p == e;
                in_prose.next();
            }
            if hit {
                out.push(e);
            }
        }
        out
    }
}
