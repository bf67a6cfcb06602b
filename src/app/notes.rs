//! Notes in the explorer. `n` opens a small editor for a note on the row or
//! card the user is on; Ctrl-s saves, and so does Esc then Enter; Esc then
//! Esc discards (the first Esc asks). A save goes to the store at once (on
//! the writer's thread), never at exit. The card lists the entity's notes
//! under "My notes", newest first; the one selected is edited (`e`, Enter) or
//! deleted (`d`, which asks first).

use super::editor::Editor;
use super::memory::Draft;
use super::writer::Job;
use super::{Action, App, Mode};
use crate::store::EntityRef;

mod card;
pub use card::{CardNote, NoteKey, NoteState};

/// The note being written.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    pub editor: Editor,
    /// The entity it is about, as it was when the editor opened.
    pub entity: EntityRef,
    /// The note it changes, if it is not a new one.
    pub editing: Option<NoteKey>,
    /// The text it started with, to tell whether there is anything to lose.
    pub original: String,
}

/// A question waiting for Yes or No.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// Save the note being written (yes) or discard it (no)?
    Close,
    /// The same, then quit.
    Quit,
    /// Delete this note?
    Delete(NoteKey),
}

impl App {
    /// `n`: a new note on the row or card the user is on.
    pub(super) fn new_note(&mut self) {
        if let Some(entity) = self.note_target() {
            self.open_editor(entity, None, "");
        }
    }

    /// The entity a note would be about, or why there is none (flashed).
    fn note_target(&mut self) -> Option<EntityRef> {
        if !self.memory.on {
            self.flash = Some("--no-state is set: notes are neither read nor written".into());
            return None;
        }
        let Some(e) = self.pin_target() else {
            self.flash = Some("nothing to write a note on here".to_string());
            return None;
        };
        Some(EntityRef::of(&self.ds, e))
    }

    fn open_editor(&mut self, entity: EntityRef, editing: Option<NoteKey>, text: &str) {
        self.note = Some(NoteEditor {
            editor: Editor::with_text(text),
            entity,
            editing,
            original: text.to_string(),
        });
        self.mode = Mode::Note;
    }

    /// `e` (or Enter) on a note of the card: its text in the editor.
    pub(super) fn edit_note(&mut self) {
        let Some(note) = self.selected_note() else {
            let key = self.keymap.key_for(super::Context::Entity, Action::Down);
            self.flash = Some(format!("select a note under \"My notes\" first ({key})"));
            return;
        };
        let Some(entity) = self.note_target() else {
            return;
        };
        self.open_editor(entity, Some(note.key), &note.text);
    }

    /// `d` on a note of the card: asks first.
    pub(super) fn ask_delete(&mut self) {
        match self.selected_note() {
            Some(note) => {
                self.question = Some(Question::Delete(note.key));
                self.mode = Mode::Confirm;
            }
            None => {
                let key = self.keymap.key_for(super::Context::Entity, Action::Down);
                self.flash = Some(format!("select a note under \"My notes\" first ({key})"));
            }
        }
    }

    /// Keys while a note is written.
    pub(super) fn update_note(&mut self, action: Action) {
        let Some(n) = self.note.as_mut() else {
            self.mode = Mode::Browse;
            return;
        };
        let ed = &mut n.editor;
        match action {
            Action::InsertChar(c) => ed.insert(c),
            Action::NewLine => ed.newline(),
            Action::DeleteBack => ed.delete_back(),
            Action::DeleteForward => ed.delete_forward(),
            Action::DeleteWord => ed.delete_word(),
            Action::DeleteToStart => ed.delete_to_start(),
            Action::CursorStart => ed.start(),
            Action::CursorEnd => ed.end(),
            Action::CursorLeft => ed.left(),
            Action::CursorRight => ed.right(),
            Action::Up => ed.vertical(true),
            Action::Down => ed.vertical(false),
            Action::SaveNote => self.save_note(),
            Action::Close | Action::Quit => {
                let quit = action == Action::Quit;
                if ed.text() == n.original {
                    self.close_editor();
                    self.quit = quit;
                } else {
                    self.question = Some(if quit {
                        Question::Quit
                    } else {
                        Question::Close
                    });
                    self.mode = Mode::Confirm;
                }
            }
            _ => {}
        }
    }

    /// The answer to the question asked.
    pub(super) fn update_confirm(&mut self, action: Action) {
        let Some(q) = self.question.take() else {
            self.mode = Mode::Browse;
            return;
        };
        match (q, action) {
            // Ctrl-c again: the user means it.
            (_, Action::Quit) => self.quit = true,
            (Question::Close | Question::Quit, Action::Close) => self.mode = Mode::Note,
            (q @ (Question::Close | Question::Quit), answer) => {
                self.mode = Mode::Note;
                match answer {
                    Action::Yes => self.save_note(),
                    _ => {
                        self.close_editor();
                        self.flash = Some("note discarded".to_string());
                    }
                }
                self.quit = q == Question::Quit;
            }
            (Question::Delete(key), Action::Yes) => {
                self.mode = Mode::Browse;
                self.delete_note(key);
            }
            (Question::Delete(_), _) => self.mode = Mode::Browse,
        }
    }

    fn close_editor(&mut self) {
        self.note = None;
        self.mode = Mode::Browse;
    }

    /// Ctrl-s: the note goes to the store now; the card shows it at once,
    /// marked until the write is confirmed.
    fn save_note(&mut self) {
        let Some(n) = self.note.take() else { return };
        let text = n.editor.text().trim_end().to_string();
        if n.editor.is_blank() {
            if n.editing.is_some() {
                let key = self
                    .keymap
                    .key_for(super::Context::Entity, Action::DeleteNote);
                self.flash = Some(format!(
                    "an empty note is not saved: to delete the note, {key} on it"
                ));
                self.note = Some(n);
                return;
            }
            self.close_editor();
            self.flash = Some("empty note: nothing saved".to_string());
            return;
        }
        self.close_editor();
        if text == n.original.trim_end() {
            return;
        }
        let m = &mut self.memory;
        // Saving a draft again replaces it.
        let (editing, written) = match &n.editing {
            Some(NoteKey::Draft(t)) => {
                let old = m.drafts.iter().find(|d| d.ticket == *t).cloned();
                m.drafts.retain(|d| d.ticket != *t);
                let editing = old.as_ref().and_then(|d| d.editing.clone());
                (editing, old.map(|d| d.written))
            }
            Some(NoteKey::Saved(id)) => (
                Some(id.clone()),
                m.notes.iter().find(|x| &x.id == id).map(|x| x.written),
            ),
            None => (None, None),
        };
        let job = match &editing {
            Some(id) => Job::EditNote {
                id: id.clone(),
                text: text.clone(),
            },
            None => Job::AddNote {
                dataset: m
                    .dataset
                    .clone()
                    .unwrap_or(crate::store::DatasetRef::Builtin),
                entity: n.entity.clone(),
                text: text.clone(),
            },
        };
        let written = written.unwrap_or_else(|| m.now());
        let Some(ticket) = m.send(job) else { return };
        m.drafts.push(Draft {
            ticket,
            entity: n.entity,
            text,
            editing,
            written,
            failed: None,
        });
        self.flash = Some("saving the note…".to_string());
        self.refresh_personal();
    }

    fn delete_note(&mut self, key: NoteKey) {
        let m = &mut self.memory;
        match key {
            NoteKey::Draft(t) => {
                m.drafts.retain(|d| d.ticket != t);
                self.flash = Some("note deleted".to_string());
            }
            NoteKey::Saved(id) => {
                if let Some(ticket) = m.send(Job::DeleteNote { id: id.clone() }) {
                    m.deleting.push((ticket, id));
                }
            }
        }
        let n = self.open_entity().map_or(0, |e| self.card_notes(e).len());
        self.note_selected = self.note_selected.filter(|_| n > 0).map(|i| i.min(n - 1));
        self.refresh_personal();
    }
}
