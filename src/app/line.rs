//! A line being typed (the search line, the filter line, any line editor to
//! come): text with a cursor and the editing keys of a shell (Ctrl-a, Ctrl-e,
//! Ctrl-u, Ctrl-w, Backspace), pastes inserted as one edit, and a length cap.
//! The cursor counts chars.

use crate::text::{clean, width};

/// The most characters a line holds: more than any real query or filter
/// needs, and few enough that every edit stays cheap whatever is pasted.
pub const MAX_CHARS: usize = 256;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputLine {
    text: String,
    /// Cursor position in chars, 0..=len.
    cursor: usize,
    /// The last insertion was cut at [`MAX_CHARS`] (until the next edit).
    cut: bool,
}

impl InputLine {
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// What the line says about itself: that the last insertion was cut.
    pub fn notice(&self) -> Option<String> {
        self.cut
            .then(|| format!("cut at {MAX_CHARS} characters, the most a line holds"))
    }

    fn byte(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(b, _)| b)
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Inserts pasted text as one edit: line breaks and tabs become spaces,
    /// other control and invisible characters are dropped, and what does not
    /// fit under [`MAX_CHARS`] is cut (the line says so).
    pub fn insert_str(&mut self, pasted: &str) {
        let room = MAX_CHARS.saturating_sub(self.len());
        let mut kept = String::new();
        let mut n = 0;
        let mut more = false;
        let mut last_space = false;
        for c in pasted.trim_end_matches(['\n', '\r']).chars() {
            let c = match c {
                '\n' | '\r' | '\t' => ' ',
                c if crate::text::is_unsafe(c) => continue,
                c => c,
            };
            // A line break pasted as "\r\n" is one space, not two.
            if c == ' ' && last_space && kept.ends_with(' ') {
                continue;
            }
            last_space = c == ' ';
            if n == room {
                more = true;
                break;
            }
            kept.push(c);
            n += 1;
        }
        let at = self.byte(self.cursor);
        self.text.insert_str(at, &kept);
        self.cursor += n;
        self.cut = more;
    }

    /// The visible part of the line in `cells` terminal cells, scrolled so the
    /// cursor shows, with the cursor's cell in it. The text is cleaned.
    pub fn window(&self, cells: usize) -> (String, usize) {
        let pieces: Vec<(String, usize)> = self
            .text
            .chars()
            .map(|c| {
                let p = clean(c.encode_utf8(&mut [0; 4])).into_owned();
                let w = width(&p);
                (p, w)
            })
            .collect();
        let cells = cells.max(1);
        // The first char shown: the cursor and the cell it sits on must fit.
        let mut start = 0;
        let mut before: usize = pieces[..self.cursor].iter().map(|p| p.1).sum();
        while before + 1 > cells && start < self.cursor {
            before -= pieces[start].1;
            start += 1;
        }
        let mut shown = String::new();
        let mut used = 0;
        for (p, w) in &pieces[start..] {
            if used + w > cells {
                break;
            }
            shown.push_str(p);
            used += w;
        }
        (shown, before)
    }

    pub fn insert(&mut self, c: char) {
        self.cut = self.len() >= MAX_CHARS;
        if self.cut {
            return;
        }
        let at = self.byte(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    pub fn delete_back(&mut self) {
        self.cut = false;
        if self.cursor > 0 {
            let at = self.byte(self.cursor - 1);
            self.text.remove(at);
            self.cursor -= 1;
        }
    }

    /// Deletes back to the start of the word before the cursor (and the spaces after it).
    pub fn delete_word(&mut self) {
        self.cut = false;
        let chars: Vec<char> = self.text.chars().collect();
        let mut start = self.cursor;
        while start > 0 && chars[start - 1].is_whitespace() {
            start -= 1;
        }
        while start > 0 && !chars[start - 1].is_whitespace() {
            start -= 1;
        }
        let (a, b) = (self.byte(start), self.byte(self.cursor));
        self.text.replace_range(a..b, "");
        self.cursor = start;
    }

    pub fn delete_to_start(&mut self) {
        self.cut = false;
        let b = self.byte(self.cursor);
        self.text.replace_range(..b, "");
        self.cursor = 0;
    }

    pub fn start(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.len();
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    pub fn clear(&mut self) {
        *self = InputLine::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> InputLine {
        let mut l = InputLine::default();
        s.chars().for_each(|c| l.insert(c));
        l
    }

    #[test]
    fn shell_editing_keys_work_on_chars_not_bytes() {
        let mut l = typed("médica 2015");
        l.delete_word();
        assert_eq!((l.text(), l.cursor()), ("médica ", 7));
        l.delete_word();
        assert_eq!(l.text(), "");
        let mut l = typed("lyonbiopôle");
        l.left();
        l.left();
        l.delete_back();
        assert_eq!((l.text(), l.cursor()), ("lyonbiople", 8));
    }

    #[test]
    fn start_end_and_kill_to_start() {
        let mut l = typed("abc def");
        l.start();
        l.insert('x');
        assert_eq!(l.text(), "xabc def");
        l.end();
        l.left();
        l.delete_to_start();
        assert_eq!((l.text(), l.cursor()), ("f", 0));
    }

    #[test]
    fn a_paste_is_one_edit_at_the_cursor_with_line_breaks_as_spaces() {
        let mut l = typed("lyon2015");
        for _ in 0..4 {
            l.left();
        }
        l.insert_str("bio\r\npôle\t\u{1b}[31m\u{200b}x\n");
        assert_eq!(l.text(), "lyonbio pôle [31mx2015");
        assert_eq!(l.cursor(), "lyonbio pôle [31mx".chars().count());
        assert_eq!(l.notice(), None);
    }

    #[test]
    fn the_line_holds_at_most_max_chars_and_says_when_it_cut() {
        let mut l = InputLine::default();
        l.insert_str(&"é".repeat(100_000));
        assert_eq!(l.text().chars().count(), MAX_CHARS);
        assert_eq!(l.cursor(), MAX_CHARS);
        assert!(l.notice().is_some_and(|n| n.contains("256")));
        l.delete_back();
        assert_eq!(l.notice(), None);
        l.insert('a');
        assert_eq!((l.text().chars().count(), l.notice()), (MAX_CHARS, None));
        l.insert('b');
        assert_eq!(l.text().chars().count(), MAX_CHARS);
        assert!(l.notice().is_some());
        // Typing a key at the cap refuses the key, like a paste that is cut.
        assert!(l.text().ends_with("éa"));
    }

    #[test]
    fn the_window_scrolls_to_keep_the_cursor_in_view() {
        let l = typed("abcdefghij");
        assert_eq!(l.window(20), ("abcdefghij".to_string(), 10));
        assert_eq!(l.window(5), ("ghij".to_string(), 4));
        let mut l = typed("東京都庁x");
        l.start();
        assert_eq!(l.window(5), ("東京".to_string(), 0));
        let l = typed("a\u{1b}b");
        assert_eq!(l.window(40), ("a\\u{1b}b".to_string(), 8));
    }
}
