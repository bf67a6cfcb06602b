//! JSON that is safe to print. serde_json escapes only what JSON requires (C0
//! controls, quotes, backslashes), so a dataset's DEL, C1 controls (U+009B is
//! a one-byte CSI), bidirectional overrides and zero-width characters would
//! reach a terminal raw through `--json`. Every JSON clusterdex writes goes
//! through [`write_pretty`], whose formatter writes those characters as
//! `\uXXXX` escapes: the value a JSON reader gets is the same, and no byte of
//! the output can drive a terminal.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

/// Characters written as escapes: the terminal-unsafe ones, and the line and
/// paragraph separators that JavaScript once refused in strings.
fn must_escape(c: char) -> bool {
    crate::text::is_unsafe(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// serde_json's pretty layout, with the stricter string escaping.
struct SafeFormatter(PrettyFormatter<'static>);

impl Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, s: &str) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in s.char_indices().filter(|&(_, c)| must_escape(c)) {
            w.write_all(&s.as_bytes()[start..i])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(w, "\\u{unit:04x}")?;
            }
            start = i + c.len_utf8();
        }
        w.write_all(&s.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Writes `value` as pretty JSON with every unsafe character escaped, and a
/// newline. A write error comes back as it was, so a closed pipe stays recognisable.
pub fn write_pretty(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut ser =
        serde_json::Serializer::with_formatter(&mut *out, SafeFormatter(PrettyFormatter::new()));
    // serde_json hands back the writer's own error when there is one.
    value.serialize(&mut ser).map_err(io::Error::from)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(value: &impl Serialize) -> String {
        let mut out = Vec::new();
        write_pretty(&mut out, value).expect("writes");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn unsafe_characters_become_escapes_and_read_back_the_same() {
        let hostile =
            "a\u{1b}]0;x\u{7}b\u{7f}c\u{9b}31m\u{202e}d\u{200b}e\u{200d}f\u{feff}g\u{2028}";
        let text = json(&serde_json::json!({ hostile: [hostile] }));
        assert!(
            !text.chars().any(|c| must_escape(c) && c != '\n'),
            "{text:?}"
        );
        assert!(
            text.contains("\\u001b]0;x\\u0007b\\u007fc\\u009b31m\\u202ed\\u200be\\u200df"),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(back[hostile][0], hostile);
    }

    #[test]
    fn ordinary_text_is_written_as_serde_json_writes_it() {
        let value = serde_json::json!({ "name": "Lyonbiopôle – ACCIÓ 東京 🧬", "n": [1, 2] });
        let ours = json(&value);
        let theirs = serde_json::to_string_pretty(&value).expect("writes") + "\n";
        assert_eq!(ours, theirs);
    }
}
