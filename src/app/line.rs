//! The search line: text with a cursor and the editing keys of a shell
//! (Ctrl-a, Ctrl-e, Ctrl-u, Ctrl-w, Backspace). The cursor counts chars.

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    text: String,
    /// Cursor position in chars, 0..=len.
    cursor: usize,
}

impl Line {
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(b, _)| b)
    }

    pub fn insert(&mut self, c: char) {
        let at = self.byte(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    pub fn delete_back(&mut self) {
        if self.cursor > 0 {
            let at = self.byte(self.cursor - 1);
            self.text.remove(at);
            self.cursor -= 1;
        }
    }

    /// Deletes back to the start of the word before the cursor (and the spaces after it).
    pub fn delete_word(&mut self) {
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
        let b = self.byte(self.cursor);
        self.text.replace_range(..b, "");
        self.cursor = 0;
    }

    pub fn start(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn clear(&mut self) {
        *self = Line::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> Line {
        let mut l = Line::default();
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
}
