//! The text of a note being written: several lines with a cursor and the
//! editing keys of the search line (Ctrl-a, Ctrl-e, Ctrl-u, Ctrl-w,
//! Backspace), plus Enter for a new line and the arrows between lines. A paste
//! is one edit that keeps its line breaks; control and invisible characters
//! are dropped, so a note never carries them. The cursor counts chars.

use crate::text::{is_unsafe, width};

/// The most characters a note holds: a page of meeting notes, and few enough
/// that every edit stays cheap whatever is pasted.
pub const MAX_CHARS: usize = 4000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Editor {
    chars: Vec<char>,
    /// Cursor position in chars, 0..=len.
    cursor: usize,
    /// The column Up and Down aim for, kept over short lines.
    goal: Option<usize>,
    /// The last insertion was cut at [`MAX_CHARS`] (until the next edit).
    cut: bool,
}

/// One screen row of the text, soft-wrapped: its text, and the char index
/// of its first char.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreenRow {
    pub text: String,
    pub start: usize,
}

impl Editor {
    pub fn with_text(text: &str) -> Editor {
        let mut e = Editor::default();
        e.insert_str(text);
        e.cut = false;
        e
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// What the editor says about itself: that the last insertion was cut.
    pub fn notice(&self) -> Option<String> {
        self.cut
            .then(|| format!("cut at {MAX_CHARS} characters, the most a note holds"))
    }

    fn line_start(&self, at: usize) -> usize {
        self.chars[..at]
            .iter()
            .rposition(|&c| c == '\n')
            .map_or(0, |i| i + 1)
    }

    fn line_end(&self, at: usize) -> usize {
        (self.chars[at..].iter())
            .position(|&c| c == '\n')
            .map_or(self.chars.len(), |i| at + i)
    }

    fn edited(&mut self) {
        self.goal = None;
        self.cut = false;
    }

    pub fn insert(&mut self, c: char) {
        self.edited();
        if c != '\n' && is_unsafe(c) {
            return;
        }
        if self.chars.len() >= MAX_CHARS {
            self.cut = true;
            return;
        }
        self.chars.insert(self.cursor, c);
        self.cursor += 1;
    }

    pub fn newline(&mut self) {
        self.insert('\n');
    }

    /// Inserts pasted text as one edit: line breaks kept (`\r\n` is one),
    /// tabs as spaces, other control and invisible characters dropped, and
    /// what does not fit under [`MAX_CHARS`] cut (the editor says so).
    pub fn insert_str(&mut self, pasted: &str) {
        self.edited();
        let text = pasted.replace("\r\n", "\n").replace('\r', "\n");
        let room = MAX_CHARS.saturating_sub(self.chars.len());
        let mut kept: Vec<char> = Vec::new();
        for c in text.trim_end_matches('\n').chars() {
            let c = match c {
                '\t' => ' ',
                '\n' => '\n',
                c if is_unsafe(c) => continue,
                c => c,
            };
            if kept.len() == room {
                self.cut = true;
                break;
            }
            kept.push(c);
        }
        let n = kept.len();
        self.chars.splice(self.cursor..self.cursor, kept);
        self.cursor += n;
    }

    pub fn delete_back(&mut self) {
        self.edited();
        if self.cursor > 0 {
            self.cursor -= 1;
            self.chars.remove(self.cursor);
        }
    }

    pub fn delete_forward(&mut self) {
        self.edited();
        if self.cursor < self.chars.len() {
            self.chars.remove(self.cursor);
        }
    }

    /// Deletes back to the start of the word before the cursor (and the
    /// spaces after it); at the start of a line, the line break.
    pub fn delete_word(&mut self) {
        self.edited();
        let from = self.line_start(self.cursor);
        if from == self.cursor {
            return self.delete_back();
        }
        let mut start = self.cursor;
        while start > from && self.chars[start - 1].is_whitespace() {
            start -= 1;
        }
        while start > from && !self.chars[start - 1].is_whitespace() {
            start -= 1;
        }
        self.chars.drain(start..self.cursor);
        self.cursor = start;
    }

    /// Deletes from the start of the line to the cursor.
    pub fn delete_to_start(&mut self) {
        self.edited();
        let from = self.line_start(self.cursor);
        self.chars.drain(from..self.cursor);
        self.cursor = from;
    }

    pub fn start(&mut self) {
        self.goal = None;
        self.cursor = self.line_start(self.cursor);
    }

    pub fn end(&mut self) {
        self.goal = None;
        self.cursor = self.line_end(self.cursor);
    }

    pub fn left(&mut self) {
        self.goal = None;
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.goal = None;
        self.cursor = (self.cursor + 1).min(self.chars.len());
    }

    /// To the line above (`up`) or below, at the same column or the line's
    /// end when it is shorter; the column is kept for the next move.
    pub fn vertical(&mut self, up: bool) {
        let start = self.line_start(self.cursor);
        let column = *self.goal.get_or_insert(self.cursor - start);
        let target = if up {
            if start == 0 {
                return;
            }
            self.line_start(start - 1)
        } else {
            let end = self.line_end(self.cursor);
            if end == self.chars.len() {
                return;
            }
            end + 1
        };
        self.cursor = (target + column).min(self.line_end(target));
    }

    /// The text soft-wrapped to `cells` columns, and the row and cell the
    /// cursor is on.
    pub fn rows(&self, cells: usize) -> (Vec<ScreenRow>, (usize, usize)) {
        let cells = cells.max(2);
        let mut rows = vec![ScreenRow {
            text: String::new(),
            start: 0,
        }];
        let mut used = 0;
        let mut at = (0, 0);
        for (i, &c) in self.chars.iter().enumerate() {
            if i == self.cursor {
                at = (rows.len() - 1, used);
            }
            if c == '\n' {
                rows.push(ScreenRow {
                    text: String::new(),
                    start: i + 1,
                });
                used = 0;
                continue;
            }
            let w = width(c.encode_utf8(&mut [0; 4]));
            if used + w > cells {
                rows.push(ScreenRow {
                    text: String::new(),
                    start: i,
                });
                used = 0;
                if i == self.cursor {
                    at = (rows.len() - 1, 0);
                }
            }
            if let Some(row) = rows.last_mut() {
                row.text.push(c);
            }
            used += w;
        }
        if self.cursor == self.chars.len() {
            // The cursor after a full row goes to the next one.
            at = if used >= cells {
                rows.push(ScreenRow {
                    text: String::new(),
                    start: self.chars.len(),
                });
                (rows.len() - 1, 0)
            } else {
                (rows.len() - 1, used)
            };
        }
        (rows, at)
    }

    /// Whether there is anything but spaces to save.
    pub fn is_blank(&self) -> bool {
        self.chars.iter().all(|c| c.is_whitespace())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> Editor {
        let mut e = Editor::default();
        for c in s.chars() {
            match c {
                '\n' => e.newline(),
                c => e.insert(c),
            }
        }
        e
    }

    #[test]
    fn enter_starts_a_line_and_the_arrows_move_between_lines_keeping_the_column() {
        let mut e = typed("China in March\nok\nask Lieve");
        e.vertical(true);
        assert_eq!(
            e.cursor(),
            "China in March\nok".chars().count(),
            "the short line's end"
        );
        e.vertical(true);
        assert_eq!(
            e.cursor(),
            "China in ".chars().count(),
            "the column came back"
        );
        e.vertical(true);
        assert_eq!(
            e.cursor(),
            "China in ".chars().count(),
            "no line above the first"
        );
        e.vertical(false);
        e.vertical(false);
        assert_eq!(e.cursor(), "China in March\nok\nask Lieve".chars().count());
    }

    #[test]
    fn the_shell_keys_work_on_the_line_of_the_cursor() {
        let mut e = typed("first line\nsecond wörd");
        e.delete_word();
        assert_eq!(e.text(), "first line\nsecond ");
        e.delete_to_start();
        assert_eq!(e.text(), "first line\n");
        e.delete_word();
        assert_eq!(e.text(), "first line", "at a line's start: the line break");
        e.start();
        e.delete_forward();
        e.end();
        e.insert('!');
        assert_eq!((e.text(), e.cursor()), ("irst line!".to_string(), 10));
        e.left();
        e.delete_back();
        assert_eq!(e.text(), "irst lin!");
    }

    #[test]
    fn a_paste_keeps_its_line_breaks_and_drops_what_could_drive_a_terminal() {
        let mut e = typed("x");
        e.start();
        e.insert_str("one\r\ntwo\tthree\u{1b}[31m\u{202e}\n");
        assert_eq!(e.text(), "one\ntwo three[31mx");
        assert_eq!(e.cursor(), "one\ntwo three[31m".chars().count());
        e.insert('\u{7}');
        assert_eq!(
            e.text(),
            "one\ntwo three[31mx",
            "a typed control char is dropped"
        );
    }

    #[test]
    fn a_note_holds_at_most_max_chars_and_says_when_it_cut() {
        let mut e = Editor::default();
        e.insert_str(&"é\n".repeat(10_000));
        assert_eq!(e.text().chars().count(), MAX_CHARS);
        assert!(e.notice().is_some_and(|n| n.contains("4000")));
        e.insert('a');
        assert!(
            e.notice().is_some(),
            "a key at the cap is refused and said so"
        );
        e.delete_back();
        assert_eq!(e.notice(), None);
    }

    #[test]
    fn rows_wrap_at_the_width_and_place_the_cursor() {
        let e = typed("abcdefgh\nxy");
        let (rows, at) = e.rows(5);
        let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["abcde", "fgh", "xy"]);
        assert_eq!(at, (2, 2));
        let mut e = typed("abcde");
        assert_eq!(e.rows(5).1, (1, 0), "after a full row, the next one");
        e.start();
        assert_eq!(e.rows(5).1, (0, 0));
        let e = typed("東京都");
        assert_eq!(e.rows(5).0.len(), 2, "wide chars wrap by cells");
    }
}
