//! Text at the terminal boundary: dataset strings are untrusted, so control
//! characters, bidirectional overrides and invisible characters are shown as
//! visible escapes, never sent raw; and widths are measured in terminal cells.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Characters that could drive a terminal or hide or reorder text on screen.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}')
}

fn escape(c: char, out: &mut String) {
    match c {
        '\n' | '\t' | '\r' => out.push(' '),
        _ => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
    }
}

/// Whether `s` holds no unsafe character, read a byte at a time: every
/// unsafe character is an ASCII control or starts with one of three bytes
/// in UTF-8 (0xC2 the C1 controls, 0xE2 the zero-width and bidi marks, 0xEF
/// the byte-order mark and the annotation marks), and only there is a
/// character decoded. Every row and cell is asked this before it is shown.
fn all_safe(s: &str) -> bool {
    s.bytes().enumerate().all(|(at, b)| match b {
        0x00..=0x1f | 0x7f => false,
        0xc2 | 0xe2 | 0xef => !s[at..].chars().next().is_some_and(is_unsafe),
        _ => true,
    })
}

/// One line of safe text: line breaks and tabs become spaces, other unsafe
/// characters become visible `\u{..}` escapes.
pub fn clean(s: &str) -> Cow<'_, str> {
    if all_safe(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Safe text that keeps its line breaks.
pub fn clean_multiline(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c != '\n' && is_unsafe(c) {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// How many characters of a user's input a message quotes: enough to recognise
/// it, never a wall of text (a pasted page, a runaway script's argument).
pub const QUOTE_MAX: usize = 80;

/// User input quoted for a message: in double quotes, control characters made
/// visible, cut to [`QUOTE_MAX`] characters with `…`. Only the quoted part is
/// cleaned, so a 100 KB argument costs no more than a short one.
pub fn quote(s: &str) -> String {
    let mut head: String = s.chars().take(QUOTE_MAX).collect();
    let cut = head.len() < s.len();
    head = clean(&head).into_owned();
    if cut {
        head.push('…');
    }
    format!("\"{head}\"")
}

/// A one-line message built elsewhere that may embed user input whole (a query
/// error, a line of clap's): clean, and cut to a readable length.
pub fn brief(message: &str) -> String {
    truncate(&clean(message), 3 * QUOTE_MAX).into_owned()
}

/// Display width in terminal cells (accents 1, CJK and most emoji 2). Text
/// of printable ASCII alone, most of what a table or a frame measures, is
/// one cell a byte without a table lookup for each character.
pub fn width(s: &str) -> usize {
    if s.bytes().all(|b| matches!(b, 0x20..=0x7e)) {
        return s.len();
    }
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` cells, ending with `…` when anything was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// Pads with spaces to exactly `cells` wide (truncating first if needed).
pub fn pad(s: &str, cells: usize) -> String {
    let t = truncate(s, cells);
    let fill = cells.saturating_sub(width(&t));
    let mut out = String::with_capacity(t.len() + fill);
    out.push_str(&t);
    out.extend(std::iter::repeat_n(' ', fill));
    out
}

/// At most `max` chars of `text` (ellipses included), centred on the matched
/// word: the highlighted chars near the first one. The highlight positions are
/// shifted to match; `…` marks what was cut.
pub fn excerpt(text: &str, indices: &[usize], max: usize) -> (String, Vec<usize>) {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        return (text.to_string(), indices.to_vec());
    }
    // Room for the text between the two ellipses.
    let room = max.saturating_sub(2).max(1);
    let first = indices.first().copied().unwrap_or(0);
    let last = indices
        .iter()
        .copied()
        .take_while(|&i| i < first + room)
        .last()
        .unwrap_or(first);
    let centre = first + (last - first) / 2;
    let start = centre
        .saturating_sub(room / 2)
        .min(chars.len().saturating_sub(room));
    let end = (start + room).min(chars.len());
    let mut s: String = chars[start..end].iter().collect();
    let mut shift = start as isize;
    if start > 0 {
        s.insert(0, '…');
        shift -= 1;
    }
    if end < chars.len() {
        s.push('…');
    }
    let moved = indices
        .iter()
        .filter(|&&i| i >= start && i < end)
        .map(|&i| (i as isize - shift) as usize)
        .collect();
    (s, moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_is_centred_on_the_matched_word() {
        let text = "a long description that mentions oncology somewhere in its middle part";
        let at = text.find("oncology").expect("word");
        let indices: Vec<usize> = (at..at + 8).collect();
        let (s, moved) = excerpt(text, &indices, 30);
        assert_eq!(s.chars().count(), 30);
        let shown: String = moved
            .iter()
            .map(|&i| s.chars().nth(i).unwrap_or('?'))
            .collect();
        assert_eq!(shown, "oncology");
        let before = s.find("oncology").expect("kept");
        let after = s.len() - before - "oncology".len();
        assert!(before.abs_diff(after) <= 3, "{s:?} is not centred");
        assert!(s.starts_with('…') && s.ends_with('…'));
    }

    #[test]
    fn escape_sequences_become_visible_text() {
        let hostile = "Evil\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}31m\u{202e}txt";
        let safe = clean(hostile);
        assert!(!safe.chars().any(is_unsafe), "{safe}");
        assert_eq!(
            safe,
            "Evil\\u{1b}]52;c;ZXZpbA==\\u{7}\\u{9b}31m\\u{202e}txt"
        );
    }

    #[test]
    fn the_byte_scan_finds_every_unsafe_character() {
        let ranges = [
            0x00..=0x1f,
            0x7f..=0x9f,
            0x200b..=0x200f,
            0x202a..=0x202e,
            0x2060..=0x2064,
            0x2066..=0x2069,
            0xfeff..=0xfeff,
            0xfff9..=0xfffb,
        ];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            assert!(is_unsafe(c), "{c:?}");
            for text in [format!("{c}"), format!("ab{c}"), format!("é{c}ô")] {
                assert!(!all_safe(&text), "{text:?}");
            }
        }
        // Their neighbours, sharing their first byte, are safe.
        for c in [
            '\u{a0}', 'é', '\u{2010}', '–', '€', '\u{2070}', '\u{fefe}', '\u{fffc}', '�',
        ] {
            assert!(all_safe(&format!("x{c}y")), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_agrees_with_the_characters(text in "\\PC*|.*") {
            proptest::prop_assert_eq!(all_safe(&text), !text.chars().any(is_unsafe));
        }
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        assert!(matches!(clean("Lyonbiopôle – ACCIÓ"), Cow::Borrowed(_)));
        assert_eq!(clean_multiline("a\nb\u{0}"), "a\nb\\u{0}");
    }

    proptest::proptest! {
        #[test]
        fn width_is_the_tables_width(text in "[ -~]*|\\PC*|.*") {
            proptest::prop_assert_eq!(width(&text), UnicodeWidthStr::width(text.as_str()));
        }
    }

    #[test]
    fn truncation_counts_cells_not_bytes() {
        assert_eq!(truncate("Lyonbiopôle", 6), "Lyonb…");
        assert_eq!(truncate("東京都庁", 5), "東京…");
        assert_eq!(width(&truncate("🧬🧬🧬", 4)), 3);
        assert_eq!(pad("ACCIÓ", 7), "ACCIÓ  ");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn quotes_are_clean_and_short() {
        assert_eq!(quote("magia"), "\"magia\"");
        assert_eq!(quote("\u{1b}]0;PWNED\u{7}"), "\"\\u{1b}]0;PWNED\\u{7}\"");
        let long = "é".repeat(100_000);
        let q = quote(&long);
        assert_eq!(q.chars().count(), QUOTE_MAX + 3, "{q}");
        assert!(q.ends_with("…\""));
        assert_eq!(quote(&"x".repeat(QUOTE_MAX)).chars().count(), QUOTE_MAX + 2);
    }
}

/// Word-wraps text to lines of at most `max` cells; words longer than a line are cut.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in para.split_whitespace() {
            let w = width(word);
            if used > 0 && used + 1 + w > max {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            if w > max {
                for c in word.chars() {
                    let cw = c.width().unwrap_or(0);
                    if used + cw > max {
                        lines.push(std::mem::take(&mut line));
                        used = 0;
                    }
                    line.push(c);
                    used += cw;
                }
                continue;
            }
            if used > 0 {
                line.push(' ');
                used += 1;
            }
            line.push_str(word);
            used += w;
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod wrap_tests {
    use super::*;

    #[test]
    fn wraps_by_display_width_and_cuts_long_words() {
        assert_eq!(
            wrap("Lyonbiopôle is a health cluster", 12),
            ["Lyonbiopôle", "is a health", "cluster"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("東京 東京都", 5), ["東京", "東京", "都"]);
        assert!(wrap("x", 0).iter().all(|l| width(l) <= 1));
    }
}
