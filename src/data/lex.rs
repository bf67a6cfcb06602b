//! The light lexer behind the parse in pieces (see [`super::split`]): it finds
//! the entity and relation lists of a dataset file and the commas that end
//! their items, reading the file through the loader's one tokenizer
//! ([`super::token`]), so that it never cuts inside a string, raw string, char
//! or comment. Anything it is unsure of is `None`.

use super::token::{Token, Tokens};

/// Where a list's items lie: the byte after its `[`, its `]`, and the commas
/// that end an item (a comma right after a `)` at the list's own depth).
#[derive(Debug, Default, Clone)]
pub(super) struct ListBounds {
    pub open: usize,
    pub close: usize,
    pub item_ends: Vec<usize>,
}

/// Where the two long lists of a file lie, found by [`scan`].
#[derive(Debug, Default)]
pub(super) struct Outline {
    pub entities: Option<ListBounds>,
    pub relations: Option<ListBounds>,
}

/// Finds the two lists and their item ends; `None` when unsure.
pub(super) fn scan(text: &str) -> Option<Outline> {
    let mut outline = Outline::default();
    let mut depth = 0usize;
    // The last token was a `)`; a key just read at depth 1; a list key and its ':'.
    let mut after_paren = false;
    let (mut key, mut pending): (Option<&[u8]>, Option<&[u8]>) = (None, None);
    let mut current: Option<(&[u8], ListBounds)> = None;
    for token in Tokens::new(text) {
        let (i, token) = token.ok()?;
        let c = match token {
            Token::Literal => {
                (after_paren, key, pending) = (false, None, None);
                continue;
            }
            Token::Ident(name) => {
                key = (depth == 1).then_some(name);
                (after_paren, pending) = (false, None);
                continue;
            }
            Token::Byte(c) => c,
        };
        let list_key = pending.take();
        let read = key.take();
        match c {
            b'#' if depth == 0 => return None, // extension attributes: parse whole
            b':' => pending = read.filter(|k| matches!(*k, b"entities" | b"relations")),
            b'(' | b'{' => depth += 1,
            b'[' => {
                depth += 1;
                if let Some(name) = list_key {
                    let list = ListBounds {
                        open: i + 1,
                        ..ListBounds::default()
                    };
                    current = Some((name, list));
                }
            }
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                let closes_list = c == b']' && depth == 1;
                if let Some((name, mut list)) = current.take_if(|_| closes_list) {
                    list.close = i;
                    let slot = match name {
                        b"entities" => &mut outline.entities,
                        _ => &mut outline.relations,
                    };
                    if slot.replace(list).is_some() {
                        return None; // a repeated list is the plain parse's to report
                    }
                }
            }
            b',' if depth == 2 && after_paren => {
                if let Some((_, list)) = current.as_mut() {
                    list.item_ends.push(i);
                }
            }
            _ => {} // numbers, other punctuation, non-ASCII: the parse judges them
        }
        after_paren = c == b')';
    }
    (depth == 0 && current.is_none()).then_some(outline)
}
