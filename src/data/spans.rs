//! Where each source, entity, fact, date and relation starts in the file, so that
//! validation messages can say file:line:col. RON's parser reports positions only
//! for syntax errors, so this one pass over the (already parsed) text finds the
//! opening bracket of every list element under a known key. It runs only when
//! there is a problem to place.

use super::token::{Token, Tokens};
use crate::diagnostic::{Element, Position};

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
    /// Where an element starts; a fact or date not found falls back to its entity.
    pub fn position(&self, element: Element) -> Option<Position> {
        match element {
            Element::File => None,
            Element::At(p) => Some(p),
            Element::Source(i) => self.source(i),
            Element::Entity(i) => self.entity(i),
            Element::Fact { entity, index } => self.fact(entity, index),
            Element::Date { entity, index } => self.date(entity, index),
            Element::Relation(i) => self.relation(i),
            Element::SynonymGroup(i) => self.synonym_group(i),
        }
    }
    pub fn source(&self, i: usize) -> Option<Position> {
        self.sources.get(i).copied()
    }
    pub fn entity(&self, i: usize) -> Option<Position> {
        self.entities.get(i).copied()
    }
    pub fn relation(&self, i: usize) -> Option<Position> {
        self.relations.get(i).copied()
    }
    pub fn synonym_group(&self, i: usize) -> Option<Position> {
        self.synonyms.get(i).copied()
    }
    pub fn fact(&self, entity: usize, i: usize) -> Option<Position> {
        self.facts
            .get(entity)
            .and_then(|f| f.get(i))
            .copied()
            .or(self.entity(entity))
    }
    pub fn date(&self, entity: usize, i: usize) -> Option<Position> {
        self.dates
            .get(entity)
            .and_then(|f| f.get(i))
            .copied()
            .or(self.entity(entity))
    }
}

/// An open bracket on the way down to the current token.
#[derive(Clone, Copy, PartialEq)]
enum Bracket {
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

impl ListKey {
    fn of(name: &[u8]) -> ListKey {
        match name {
            b"sources" => ListKey::Sources,
            b"entities" => ListKey::Entities,
            b"relations" => ListKey::Relations,
            b"facts" => ListKey::Facts,
            b"dates" => ListKey::Dates,
            b"synonyms" => ListKey::Synonyms,
            _ => ListKey::Other,
        }
    }
}

/// Scans RON text through the loader's tokenizer, so strings, raw strings,
/// chars and nested comments are skipped exactly as the cutting lexer skips
/// them. Text that does not close (not sound RON) is scanned up to there.
pub fn locate(text: &str) -> Spans {
    let mut spans = Spans::default();
    let mut stack: Vec<Bracket> = Vec::new();
    let mut key = ListKey::Other;
    let mut last_ident: &[u8] = b"";
    let mut place = Placer::new(text);
    for token in Tokens::new(text) {
        let Ok((at, token)) = token else { break };
        let c = match token {
            Token::Ident(name) => {
                last_ident = name;
                continue;
            }
            Token::Literal => continue,
            Token::Byte(c) => c,
        };
        match c {
            b':' => key = ListKey::of(last_ident),
            b'[' => {
                let group = Bracket::List {
                    key: ListKey::Synonyms,
                    top: true,
                };
                if stack.last() == Some(&group) {
                    spans.synonyms.push(place.at(at));
                }
                let top = stack.len() == 1;
                stack.push(Bracket::List { key, top });
                key = ListKey::Other;
            }
            b'(' => {
                let entity = element(&mut spans, &stack, || place.at(at));
                stack.push(Bracket::Paren { entity });
                key = ListKey::Other;
            }
            b')' | b']' => {
                stack.pop();
            }
            b',' => key = ListKey::Other,
            _ => {}
        }
    }
    spans
}

/// Records the element a `(` opens, if it is one; true when it opens an entity.
fn element(spans: &mut Spans, stack: &[Bracket], pos: impl FnOnce() -> Position) -> bool {
    let Some(&Bracket::List { key, top }) = stack.last() else {
        return false;
    };
    let in_entity =
        || stack.len() >= 2 && stack[stack.len() - 2] == Bracket::Paren { entity: true };
    match (key, top) {
        (ListKey::Sources, true) => spans.sources.push(pos()),
        (ListKey::Relations, true) => spans.relations.push(pos()),
        (ListKey::Entities, true) => {
            spans.entities.push(pos());
            spans.facts.push(Vec::new());
            spans.dates.push(Vec::new());
            return true;
        }
        (ListKey::Facts, false) if in_entity() => {
            if let Some(f) = spans.facts.last_mut() {
                f.push(pos())
            }
        }
        (ListKey::Dates, false) if in_entity() => {
            if let Some(d) = spans.dates.last_mut() {
                d.push(pos())
            }
        }
        _ => {}
    }
    false
}

/// Turns byte offsets, asked for in increasing order, into lines and columns
/// (in characters), reading each stretch of text once.
struct Placer<'t> {
    text: &'t str,
    offset: usize,
    at: Position,
}

impl<'t> Placer<'t> {
    fn new(text: &'t str) -> Placer<'t> {
        Placer {
            text,
            offset: 0,
            at: Position { line: 1, col: 1 },
        }
    }

    fn at(&mut self, offset: usize) -> Position {
        let stretch = &self.text[self.offset..offset];
        let lines = memchr::memchr_iter(b'\n', stretch.as_bytes()).count();
        if lines == 0 {
            self.at.col += stretch.chars().count();
        } else {
            let start = stretch.rfind('\n').map_or(0, |p| p + 1);
            self.at.line += lines;
            self.at.col = 1 + stretch[start..].chars().count();
        }
        self.offset = offset;
        self.at
    }
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

    /// What the cutting lexer skips, the positions skip too: a nested comment
    /// once ended at its inner `*/`, and a raw string's `(` opened a bracket.
    #[test]
    fn nested_comments_and_raw_strings_hide_their_brackets() {
        let text = "(\n  entities: [\n    /* a /* ( */ (id: \"x\") */\n    (id: \"a\", name: r#\"a \"(\" b\"#, facts: [(label: r\"(\")]),\n    (id: \"b\", facts: [(label: '(')]),\n  ],\n  relations: [(from: br##\"(\"#\"##)],\n)";
        let s = locate(text);
        assert_eq!(
            s.entities,
            vec![Position { line: 4, col: 5 }, Position { line: 5, col: 5 }]
        );
        assert_eq!(s.facts[0], vec![Position { line: 4, col: 43 }]);
        assert_eq!(s.facts[1], vec![Position { line: 5, col: 23 }]);
        assert_eq!(s.relations, vec![Position { line: 7, col: 15 }]);
    }
}
