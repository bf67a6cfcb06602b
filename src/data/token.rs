//! The one RON tokenizer of the loader. Two passes read a dataset file's
//! structure without parsing it: the cutting lexer of the parse in pieces
//! ([`super::lex`]) and the search for element positions ([`super::spans`]).
//! Both must agree on what is code and what is text, or a bracket inside a raw
//! string or a nested comment moves every position after it; so both read the
//! file through this tokenizer, which knows strings with escapes, raw strings
//! with any number of `#`, byte strings, chars, line comments and nested block
//! comments.

/// A token: only what the two passes look at is told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token<'t> {
    /// An identifier or keyword: `entities`, `Cluster`, `true`, `r#type`
    /// (ASCII, so its bytes; no char boundary to check on every one).
    Ident(&'t [u8]),
    /// A string, raw string, byte string or char literal; its content is never read.
    Literal,
    /// Any other byte: brackets, `:`, `,`, `#`, digits, signs, a byte of a
    /// non-ASCII character outside a literal.
    Byte(u8),
}

/// A literal or block comment that never closes: the text is not sound RON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unclosed;

/// How far a literal or comment starting at some byte reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// No literal or comment starts there.
    NotOne,
    /// It ends just before this byte.
    To(usize),
    /// It runs to the end of the text without closing.
    Unclosed,
}

/// The tokens of a text with the byte offset each starts at; comments and
/// whitespace are skipped. After an [`Unclosed`] item it yields nothing more.
pub(super) struct Tokens<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Tokens<'t> {
    pub(super) fn new(text: &'t str) -> Tokens<'t> {
        Tokens { text, at: 0 }
    }
}

impl<'t> Iterator for Tokens<'t> {
    type Item = Result<(usize, Token<'t>), Unclosed>;

    fn next(&mut self) -> Option<Self::Item> {
        let b = self.text.as_bytes();
        let mut i = self.at;
        // One look at the first byte decides what a token can be: this runs
        // for every token of a large file before its pieces parse.
        let (reach, token) = loop {
            let &c = b.get(i)?;
            match c {
                b' ' | b'\n' | b'\t' | b'\r' => i += 1,
                b'/' => match comment(b, i) {
                    Reach::To(end) => i = end,
                    Reach::NotOne => break (Reach::To(i + 1), Token::Byte(c)),
                    Reach::Unclosed => break (Reach::Unclosed, Token::Literal),
                },
                b'"' | b'\'' | b'b' | b'r' => match literal(b, i) {
                    Reach::NotOne => break self.word(b, i),
                    reach => break (reach, Token::Literal),
                },
                c if is_ident_start(c) => break self.word(b, i),
                c if c.is_ascii_whitespace() => i += 1,
                c => break (Reach::To(i + 1), Token::Byte(c)),
            }
        };
        match reach {
            Reach::To(end) => {
                self.at = end;
                Some(Ok((i, token)))
            }
            _ => {
                self.at = b.len();
                Some(Err(Unclosed))
            }
        }
    }
}

impl<'t> Tokens<'t> {
    /// The identifier at `i`, or the byte there if none starts there.
    fn word(&self, b: &'t [u8], i: usize) -> (Reach, Token<'t>) {
        match identifier(b, i) {
            0 => (Reach::To(i + 1), Token::Byte(b[i])),
            len => (Reach::To(i + len), Token::Ident(&b[i..i + len])),
        }
    }
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The length of the identifier (raw ones included) starting at `i`, or 0.
fn identifier(b: &[u8], i: usize) -> usize {
    let raw = b[i..].starts_with(b"r#") && b.get(i + 2).is_some_and(|&c| is_ident_start(c));
    let start = if raw { i + 2 } else { i };
    if !is_ident_start(b[start]) {
        return 0;
    }
    start - i + b[start..].iter().take_while(|&&c| is_ident_byte(c)).count()
}

/// How far the string, raw string, byte string or char literal at `i` reaches.
fn literal(b: &[u8], i: usize) -> Reach {
    match b[i] {
        b'"' | b'\'' => quoted(b, i + 1, b[i]),
        b'b' if matches!(b.get(i + 1), Some(b'"' | b'\'')) => quoted(b, i + 2, b[i + 1]),
        b'b' if b.get(i + 1) == Some(&b'r') => raw(b, i + 2),
        b'r' => raw(b, i + 1),
        _ => Reach::NotOne,
    }
}

/// The end of a quoted literal whose body starts at `from`, escapes skipped.
fn quoted(b: &[u8], mut from: usize, quote: u8) -> Reach {
    // Strings are half of a dataset's bytes: jump from quote or backslash to the next.
    while let Some(k) = memchr::memchr2(quote, b'\\', b.get(from..).unwrap_or_default()) {
        if b[from + k] == quote {
            return Reach::To(from + k + 1);
        }
        from += k + 2;
    }
    Reach::Unclosed
}

/// The end of a raw string whose `#`s (if any) start at `from`; `NotOne` when
/// no quote follows them (`r` is then an identifier, or starts a raw one).
fn raw(b: &[u8], from: usize) -> Reach {
    let hashes = b[from..].iter().take_while(|&&c| c == b'#').count();
    if b.get(from + hashes) != Some(&b'"') {
        return Reach::NotOne;
    }
    let body = from + hashes + 1;
    let mut at = body;
    // A quote followed by as many `#`s as opened it closes the string.
    while let Some(k) = memchr::memchr(b'"', &b[at..]) {
        let quote = at + k;
        let closing = b[quote + 1..]
            .iter()
            .take(hashes)
            .take_while(|&&c| c == b'#');
        if closing.count() == hashes {
            return Reach::To(quote + 1 + hashes);
        }
        at = quote + 1;
    }
    Reach::Unclosed
}

/// How far the comment at `i` reaches: to the line's end, or past the `*/`
/// that closes a block comment (they nest in RON).
fn comment(b: &[u8], i: usize) -> Reach {
    match (b[i], b.get(i + 1)) {
        (b'/', Some(b'/')) => Reach::To(memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |p| i + p)),
        (b'/', Some(b'*')) => {
            let (mut depth, mut j) = (1, i + 2);
            while j + 1 < b.len() {
                match (b[j], b[j + 1]) {
                    (b'/', b'*') => (depth, j) = (depth + 1, j + 2),
                    (b'*', b'/') => {
                        (depth, j) = (depth - 1, j + 2);
                        if depth == 0 {
                            return Reach::To(j);
                        }
                    }
                    _ => j += 1,
                }
            }
            Reach::Unclosed
        }
        _ => Reach::NotOne,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<Token<'_>> {
        Tokens::new(text).map(|t| t.expect("closed").1).collect()
    }

    fn unclosed(text: &str) -> bool {
        Tokens::new(text).any(|t| t.is_err())
    }

    #[test]
    fn literals_of_every_kind_are_one_token_whatever_they_hold() {
        let text = r####"("a \" ( b", r#"c "( "#, r##"d "# ("##, r"e (", b"f (", br#"g ("#, '(', '\'', b'(')"####;
        let literals = tokens(text)
            .iter()
            .filter(|&&t| t == Token::Literal)
            .count();
        assert_eq!(literals, 9);
        let brackets = tokens(text)
            .iter()
            .filter(|&&t| t == Token::Byte(b'('))
            .count();
        assert_eq!(brackets, 1, "only the opening bracket is code");
    }

    #[test]
    fn comments_nest_and_line_comments_end_at_the_line() {
        let text = "( /* a /* ( */ ( */ x // ( [\n y )";
        assert_eq!(
            tokens(text),
            [
                Token::Byte(b'('),
                Token::Ident(b"x"),
                Token::Ident(b"y"),
                Token::Byte(b')')
            ]
        );
    }

    #[test]
    fn identifiers_raw_or_not_are_told_from_raw_strings() {
        assert_eq!(
            tokens("r#type: r, rx: br"),
            [
                Token::Ident(b"r#type"),
                Token::Byte(b':'),
                Token::Ident(b"r"),
                Token::Byte(b','),
                Token::Ident(b"rx"),
                Token::Byte(b':'),
                Token::Ident(b"br")
            ]
        );
    }

    #[test]
    fn offsets_are_where_each_token_starts() {
        let starts: Vec<usize> = Tokens::new(" (é: \"x\")")
            .map(|t| t.expect("closed").0)
            .collect();
        // `é` is two bytes outside a literal: each is a byte of its own.
        assert_eq!(starts, [1, 2, 3, 4, 6, 9]);
    }

    #[test]
    fn what_never_closes_is_unclosed() {
        for text in [
            "\"open",
            "\"ends in a backslash\\",
            "r#\"open\"",
            "r##\"open\"#",
            "'",
            "/* open",
            "/* /* */",
        ] {
            assert!(unclosed(text), "{text}");
        }
        for text in ["\"\"", "r#\"\"#", "/**/", "/* /* */ */", "// open", "r"] {
            assert!(!unclosed(text), "{text}");
        }
    }
}
