//! The light lexer behind the parse in pieces (see [`super::split`]): it finds
//! the entity and relation lists of a dataset file and the commas that end
//! their items, knowing strings, raw strings, chars and nested comments well
//! enough never to cut inside one. Anything it is unsure of is `None`.

/// Where a list's items lie: the byte after its `[`, its `]`, and the commas
/// that end an item (a comma right after a `)` at the list's own depth).
#[derive(Debug, Default, Clone)]
pub(super) struct List {
    pub open: usize,
    pub close: usize,
    pub cuts: Vec<usize>,
}

/// The two lists of a file, found by [`scan`].
#[derive(Debug, Default)]
pub(super) struct Layout {
    pub entities: Option<List>,
    pub relations: Option<List>,
}

/// The end of the string, raw string or char literal starting at `i`, if it is one.
fn skip_literal(b: &[u8], i: usize) -> Option<Option<usize>> {
    let find_quote = |mut j: usize, quote: u8| {
        // Strings are half of a dataset's bytes: jump from quote or backslash to the next.
        while let Some(k) = memchr::memchr2(quote, b'\\', &b[j.min(b.len())..]) {
            if b[j + k] == quote {
                return Some(j + k + 1);
            }
            j += k + 2;
        }
        None
    };
    match b[i] {
        b'"' => Some(find_quote(i + 1, b'"')),
        b'\'' => Some(find_quote(i + 1, b'\'')),
        b'b' if matches!(b.get(i + 1), Some(b'"' | b'\'')) => Some(find_quote(i + 2, b[i + 1])),
        b'r' | b'b' => {
            let start = if b[i] == b'b' && b.get(i + 1) == Some(&b'r') {
                i + 2
            } else if b[i] == b'r' {
                i + 1
            } else {
                return None;
            };
            let hashes = b[start..].iter().take_while(|&&c| c == b'#').count();
            if b.get(start + hashes) != Some(&b'"') {
                return None; // an identifier (raw or not), not a raw string
            }
            let mut close = vec![b'"'];
            close.extend(std::iter::repeat_n(b'#', hashes));
            let body = start + hashes + 1;
            Some(
                b[body..]
                    .windows(close.len())
                    .position(|w| w == close.as_slice())
                    .map(|p| body + p + close.len()),
            )
        }
        _ => None,
    }
}

/// The end of the comment starting at `i` (block comments nest in RON).
fn skip_comment(b: &[u8], i: usize) -> Option<Option<usize>> {
    match (b[i], b.get(i + 1)) {
        (b'/', Some(b'/')) => Some(Some(
            b[i..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |p| i + p),
        )),
        (b'/', Some(b'*')) => {
            let (mut depth, mut j) = (1, i + 2);
            while j + 1 < b.len() {
                match (b[j], b[j + 1]) {
                    (b'/', b'*') => (depth, j) = (depth + 1, j + 2),
                    (b'*', b'/') => {
                        (depth, j) = (depth - 1, j + 2);
                        if depth == 0 {
                            return Some(Some(j));
                        }
                    }
                    _ => j += 1,
                }
            }
            Some(None)
        }
        _ => None,
    }
}

/// Finds the two lists and their item ends; `None` when unsure.
pub(super) fn scan(text: &str) -> Option<Layout> {
    let b = text.as_bytes();
    let mut layout = Layout::default();
    let (mut depth, mut i) = (0usize, 0usize);
    // The last significant byte; a key just read at depth 1; a list key and its ':'.
    let mut last = 0u8;
    let (mut key, mut pending): (Option<&str>, Option<&str>) = (None, None);
    let mut current: Option<(&str, List)> = None;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if let Some(end) = skip_comment(b, i) {
            i = end?;
            continue;
        }
        if let Some(end) = skip_literal(b, i) {
            (i, last, key, pending) = (end?, b'"', None, None);
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' {
            let len = b[i..]
                .iter()
                .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'_')
                .count();
            key = (depth == 1).then(|| &text[i..i + len]);
            (i, last, pending) = (i + len, b'a', None);
            continue;
        }
        let list_key = pending.take();
        let read = key.take();
        match c {
            b'#' if depth == 0 => return None, // extension attributes: parse whole
            b':' => pending = read.filter(|k| matches!(*k, "entities" | "relations")),
            b'(' | b'{' => depth += 1,
            b'[' => {
                depth += 1;
                if let Some(name) = list_key {
                    let list = List {
                        open: i + 1,
                        ..List::default()
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
                        "entities" => &mut layout.entities,
                        _ => &mut layout.relations,
                    };
                    if slot.replace(list).is_some() {
                        return None; // a repeated list is the plain parse's to report
                    }
                }
            }
            b',' if depth == 2 && last == b')' => {
                if let Some((_, list)) = current.as_mut() {
                    list.cuts.push(i);
                }
            }
            _ => {} // numbers, other punctuation, non-ASCII: the parse judges them
        }
        last = c;
        i += 1;
    }
    (depth == 0 && current.is_none()).then_some(layout)
}
