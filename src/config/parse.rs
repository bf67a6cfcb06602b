//! The config file read entry by entry with the place of each, so that every
//! problem is reported at its `line:col`, all of them at once. RON's parser
//! reports positions only for syntax errors; values are borrowed from the text
//! (`&RawValue`), so where a value sits in the file is where its slice starts.

use ron::value::RawValue;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::diagnostic::Position;

/// One `name: value` of a struct or a map, both borrowed from the file's text.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub name: &'a str,
    pub value: &'a RawValue,
}

struct Entries<'a>(Vec<Entry<'a>>);

impl<'de> de::Deserialize<'de> for Entries<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("settings in parentheses or braces")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<'de>, A::Error> {
                let mut out = Vec::new();
                while let Some(name) = map.next_key::<&'de str>()? {
                    out.push(Entry {
                        name,
                        value: map.next_value()?,
                    });
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_any(EntriesVisitor)
    }
}

/// The file as text, with the way from a slice of it back to a position.
pub struct Source<'a> {
    pub text: &'a str,
}

impl<'a> Source<'a> {
    /// The entries of a struct `(a: 1)` or a map `{"a": 1}`: the whole file, or
    /// a value inside it. The error is RON's, placed in the file.
    pub fn entries(&self, part: &'a str) -> Result<Vec<Entry<'a>>, (Position, String)> {
        match ron::from_str::<Entries<'a>>(part) {
            Ok(e) => Ok(e.0),
            Err(e) => {
                let base = self.at(part);
                let position = if e.span.start.line <= 1 {
                    Position {
                        line: base.line,
                        col: base.col + e.span.start.col.saturating_sub(1),
                    }
                } else {
                    Position {
                        line: base.line + e.span.start.line - 1,
                        col: e.span.start.col,
                    }
                };
                Err((position, e.code.to_string()))
            }
        }
    }

    /// The items of a list value, each borrowed.
    pub fn items(&self, value: &'a RawValue) -> Option<Vec<&'a RawValue>> {
        value.into_rust::<Vec<&'a RawValue>>().ok()
    }

    /// Where a slice of the text starts (a quoted name: its opening quote).
    pub fn at(&self, part: &str) -> Position {
        let start = self.text.as_ptr() as usize;
        let at = (part.as_ptr() as usize).wrapping_sub(start);
        let mut offset = at.min(self.text.len());
        // Leading blanks and comments belong to the slice but not to the value.
        let lead = part.len() - trim_start(part).len();
        offset = (offset + lead).min(self.text.len());
        if offset > 0 && self.text.as_bytes()[offset - 1] == b'"' {
            offset -= 1;
        }
        let before = &self.text[..floor_char_boundary(self.text, offset)];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Position { line, col }
    }
}

/// Skips blanks and comments before a value.
fn trim_start(mut s: &str) -> &str {
    loop {
        let t = s.trim_start();
        if let Some(rest) = t.strip_prefix("//") {
            s = rest.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(rest) = t.strip_prefix("/*") {
            s = rest.split_once("*/").map_or("", |(_, r)| r);
        } else {
            return t;
        }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A value as written, for messages: one line, cut when long.
pub fn shown(value: &RawValue) -> String {
    let text = trim_start(value.get_ron()).trim_end();
    let one: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() > 40 {
        format!("{}…", one.chars().take(39).collect::<String>())
    } else {
        one
    }
}
