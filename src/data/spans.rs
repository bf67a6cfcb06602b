//! Where each source, entity, fact, date and relation starts in the file, so that
//! validation messages can say file:line:col. RON's parser reports positions only
//! for syntax errors, so this one pass over the (already parsed) text finds the
//! opening bracket of every list element under a known key.

use crate::diagnostic::Position;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Spans {
    pub sources: Vec<Position>,
    pub entities: Vec<Position>,
    pub relations: Vec<Position>,
    /// Per entity, the start of each of its facts.
    pub facts: Vec<Vec<Position>>,
    /// Per entity, the start of each of its dates.
    pub dates: Vec<Vec<Position>>,
    /// The start of each group of the top-level `synonyms` list.
    pub synonyms: Vec<Position>,
}

impl Spans {
    pub fn source(&self, i: usize) -> Option<Position> {
        self.sources.get(i).copied()
    }
    pub fn entity(&self, i: usize) -> Option<Position> {
        self.entities.get(i).copied()
    }
    pub fn relation(&self, i: usize) -> Option<Position> {
        self.relations.get(i).copied()
    }
    pub fn fact(&self, entity: usize, i: usize) -> Option<Position> {
        self.facts
            .get(entity)
            .and_then(|f| f.get(i))
            .copied()
            .or(self.entity(entity))
    }
    pub fn synonym_group(&self, i: usize) -> Option<Position> {
        self.synonyms.get(i).copied()
    }
    pub fn date(&self, entity: usize, i: usize) -> Option<Position> {
        self.dates
            .get(entity)
            .and_then(|f| f.get(i))
            .copied()
            .or(self.entity(entity))
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Frame {
    /// A `(`: the root, an entity, or anything else.
    Paren { entity: bool },
    /// A `[` opened after `key:`; `top` when directly inside the root.
    List { key: ListKey, top: bool },
}

#[derive(Clone, Copy, PartialEq)]
enum ListKey {
    Sources,
    Entities,
    Relations,
    Facts,
    Dates,
    Synonyms,
    Other,
}

/// Scans RON text that has already parsed. Strings and comments are skipped.
pub fn locate(text: &str) -> Spans {
    let mut spans = Spans::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut key = ListKey::Other;
    let bytes = text.as_bytes();
    let (mut i, mut line, mut col) = (0usize, 1usize, 1usize);
    let mut ident_start: Option<usize> = None;
    let mut last_ident = "";
    while i < bytes.len() {
        let b = bytes[i];
        let pos = Position { line, col };
        let is_ident = b.is_ascii_alphanumeric() || b == b'_';
        if is_ident && ident_start.is_none() {
            ident_start = Some(i);
        } else if !is_ident && let Some(s) = ident_start.take() {
            last_ident = &text[s..i];
        }
        let mut skip_to = None;
        match b {
            b'"' => skip_to = Some(skip_string(bytes, i)),
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                skip_to = Some(
                    bytes[i..]
                        .iter()
                        .position(|&c| c == b'\n')
                        .map_or(bytes.len(), |p| i + p),
                )
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                skip_to = Some(
                    text[i + 2..]
                        .find("*/")
                        .map_or(bytes.len(), |p| i + 2 + p + 2),
                )
            }
            b':' => {
                key = match last_ident {
                    "sources" => ListKey::Sources,
                    "entities" => ListKey::Entities,
                    "relations" => ListKey::Relations,
                    "facts" => ListKey::Facts,
                    "dates" => ListKey::Dates,
                    "synonyms" => ListKey::Synonyms,
                    _ => ListKey::Other,
                };
            }
            b'[' => {
                if stack.last()
                    == Some(&Frame::List {
                        key: ListKey::Synonyms,
                        top: true,
                    })
                {
                    spans.synonyms.push(pos);
                }
                let top = stack.len() == 1;
                stack.push(Frame::List { key, top });
                key = ListKey::Other;
            }
            b'(' => {
                let mut entity = false;
                if let Some(&Frame::List { key: k, top }) = stack.last() {
                    match (k, top) {
                        (ListKey::Sources, true) => spans.sources.push(pos),
                        (ListKey::Relations, true) => spans.relations.push(pos),
                        (ListKey::Entities, true) => {
                            spans.entities.push(pos);
                            spans.facts.push(Vec::new());
                            spans.dates.push(Vec::new());
                            entity = true;
                        }
                        (ListKey::Facts, false) if in_entity(&stack) => {
                            if let Some(f) = spans.facts.last_mut() {
                                f.push(pos)
                            }
                        }
                        (ListKey::Dates, false) if in_entity(&stack) => {
                            if let Some(d) = spans.dates.last_mut() {
                                d.push(pos)
                            }
                        }
                        _ => {}
                    }
                }
                stack.push(Frame::Paren { entity });
                key = ListKey::Other;
            }
            b')' | b']' => {
                stack.pop();
            }
            b',' => key = ListKey::Other,
            _ => {}
        }
        let end = skip_to.unwrap_or(i + 1);
        for &c in &bytes[i..end] {
            if c == b'\n' {
                line += 1;
                col = 1;
            } else if c & 0xC0 != 0x80 {
                col += 1;
            }
        }
        i = end;
    }
    spans
}

fn in_entity(stack: &[Frame]) -> bool {
    stack.len() >= 2 && stack[stack.len() - 2] == Frame::Paren { entity: true }
}

/// The index just past the closing quote of the string that opens at `start`.
fn skip_string(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_element_start_and_skips_strings_and_comments() {
        let text = "(\n  // entities: [(\n  sources: [(id: \"s\", title: \"a ( [ \\\" b\")],\n  entities: [\n    (id: \"a\", facts: [(label: \"x\")]),\n    (id: \"ô\", dates: [(label: \"held\"), (label: \"b\")]),\n  ],\n  relations: [(from: \"a\")],\n  synonyms: [[\"a\", \"b\"], [\"c\"]],\n)";
        let s = locate(text);
        assert_eq!(s.sources, vec![Position { line: 3, col: 13 }]);
        assert_eq!(
            s.entities,
            vec![Position { line: 5, col: 5 }, Position { line: 6, col: 5 }]
        );
        assert_eq!(s.facts[0], vec![Position { line: 5, col: 23 }]);
        assert_eq!(s.dates[1].len(), 2);
        assert_eq!(s.relations, vec![Position { line: 8, col: 15 }]);
        assert_eq!(
            s.synonyms,
            vec![Position { line: 9, col: 14 }, Position { line: 9, col: 26 }]
        );
    }
}
