//! Pasted text. With bracketed paste the terminal delivers a paste as one
//! event: it becomes one edit of the line being typed, searched or applied
//! once, instead of one keystroke per character (a 100 KB paste used to run
//! 100,000 searches, and its letters were taken for commands while browsing).
//! A mode with a line editor joins by naming its line in [`App::editing_line`]
//! and what follows an edit in [`App::line_edited`]; the note editor takes a
//! paste whole, line breaks included.

use super::{Action, App, Mode, line::InputLine};

impl App {
    /// Inserts pasted text into the line being typed. While browsing, a paste
    /// opens the search with it; where nothing is typed, it is ignored.
    pub fn paste(&mut self, text: &str) {
        self.flash = None;
        if self.mode == Mode::Browse {
            self.update(Action::StartSearch);
        }
        if let (Mode::Note, Some(n)) = (self.mode, self.note.as_mut()) {
            n.editor.insert_str(text);
            return;
        }
        let Some(line) = self.editing_line() else {
            return;
        };
        line.insert_str(text);
        self.line_edited();
    }

    /// The line the keyboard types into in this mode, if any.
    pub fn editing_line(&mut self) -> Option<&mut InputLine> {
        match self.mode {
            Mode::Search => Some(&mut self.search.line),
            Mode::Filter => Some(&mut self.filter.line),
            _ => None,
        }
    }

    /// What an edit of the mode's line sets off: a search, a filter.
    fn line_edited(&mut self) {
        match self.mode {
            Mode::Search => self.run_search(),
            Mode::Filter => self.apply_filter(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::line::MAX_CHARS;

    fn app() -> App {
        let loaded = crate::load::load(&crate::load::DataSource::Builtin, u64::MAX).expect("loads");
        App::new(loaded.dataset, loaded.diagnostics)
    }

    #[test]
    fn a_paste_while_browsing_searches_for_it_and_its_letters_are_not_commands() {
        let mut a = app();
        a.paste("lyonbiopole\n");
        assert_eq!(a.mode, Mode::Search);
        assert!(!a.quit, "the q of a paste is no command");
        assert_eq!(a.search.line.text(), "lyonbiopole");
        let first = a
            .search
            .hits
            .first()
            .map(|h| a.ds.entity(h.entity).id.as_ref());
        assert_eq!(first, Some("lyonbiopole"));
    }

    #[test]
    fn a_huge_paste_is_cut_once_and_searched_once() {
        let mut a = app();
        a.update(Action::StartSearch);
        a.paste(&"qzx".repeat(40_000));
        assert_eq!(a.search.line.text().chars().count(), MAX_CHARS);
        assert!(a.search.line.notice().is_some());
        assert!(a.search.hits.is_empty());
        a.update(Action::DeleteToStart);
        a.paste("magia");
        let first = a
            .search
            .hits
            .first()
            .map(|h| a.ds.entity(h.entity).id.as_ref());
        assert_eq!(first, Some("magia"));
    }

    #[test]
    fn a_paste_into_the_filter_line_applies_the_filter() {
        let mut a = app();
        let all = a.rows[0].len();
        a.update(Action::StartFilter);
        a.paste("in:france");
        assert_eq!(a.filter.line.text(), "in:france");
        assert!(a.filter.error.is_none(), "{:?}", a.filter.error);
        assert!(a.rows[0].len() < all, "the filter narrows the clusters");
    }
}
