//! The user's notes on the open card: the list "My notes" shows (saved
//! notes, and drafts whose save is on its way or failed, in their place),
//! the selection that `j` and `k` move over them before the related rows,
//! and what was never saved, printed at exit rather than lost.

use jiff::Timestamp;

use super::super::{App, Focus};

/// Which note a card row is: saved in the file, or a draft whose save is on
/// its way or failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteKey {
    Saved(String),
    Draft(u64),
}

/// How far a note is from the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteState {
    Saved,
    Saving,
    Failed(String),
}

/// A note as the card shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CardNote {
    pub key: NoteKey,
    pub text: String,
    pub written: Timestamp,
    pub edited: Option<Timestamp>,
    pub state: NoteState,
}

impl App {
    /// The notes on an entity, newest first: saved ones (hidden while their
    /// deletion is on its way), then drafts in their place.
    pub fn card_notes(&self, e: usize) -> Vec<CardNote> {
        let id = &self.ds.entity(e).id;
        let m = &self.memory;
        let draft_of = |note: &str| m.drafts.iter().any(|d| d.editing.as_deref() == Some(note));
        let saved = (m.notes.iter())
            .filter(|n| *n.entity.id == **id)
            .filter(|n| !m.deleting.iter().any(|(_, d)| *d == n.id) && !draft_of(&n.id))
            .map(|n| CardNote {
                key: NoteKey::Saved(n.id.clone()),
                text: n.text.clone(),
                written: n.written,
                edited: n.edited,
                state: NoteState::Saved,
            });
        let drafts = (m.drafts.iter())
            .filter(|d| *d.entity.id == **id)
            .map(|d| CardNote {
                key: NoteKey::Draft(d.ticket),
                text: d.text.clone(),
                written: d.written,
                edited: None,
                state: match &d.failed {
                    Some(why) => NoteState::Failed(why.clone()),
                    None => NoteState::Saving,
                },
            });
        let mut all: Vec<CardNote> = saved.chain(drafts).collect();
        // Newest first; of the same second, the one added last first.
        all.reverse();
        all.sort_by_key(|n| std::cmp::Reverse(n.written));
        all
    }

    /// Notes that are not on disk: the one being written, if changed, and
    /// drafts whose save failed (printed at exit rather than lost).
    pub fn unsaved(&self) -> Vec<String> {
        let open = (self.note.iter())
            .filter(|n| n.editor.text() != n.original && !n.editor.is_blank())
            .map(|n| n.editor.text());
        let failed = (self.memory.drafts.iter())
            .filter(|d| d.failed.is_some())
            .map(|d| d.text.clone());
        open.chain(failed).collect()
    }

    /// The note selected on the open card, if the selection is on one.
    pub fn selected_note(&self) -> Option<CardNote> {
        let i = self.note_selected?;
        self.card_notes(self.open_entity()?).into_iter().nth(i)
    }

    /// `j`/`k` on a card with notes: the notes come first, then the related
    /// rows. True when the move stayed among the notes or entered them.
    pub(in crate::app) fn step_notes(&mut self, down: bool) -> bool {
        let Some(e) = self.open_entity().filter(|_| self.focus == Focus::Entity) else {
            return false;
        };
        let n = self.card_notes(e).len();
        if n == 0 {
            self.note_selected = None;
            return false;
        }
        match (self.note_selected, down) {
            (Some(i), true) if i + 1 < n => self.note_selected = Some(i + 1),
            (Some(_), true) if self.related.is_empty() => {}
            (Some(_), true) => {
                self.note_selected = None;
                self.related_selected = 0;
                self.related_picked = true;
            }
            (Some(i), false) => self.note_selected = Some(i.saturating_sub(1)),
            // A fresh card: the first move lands on the first note.
            (None, true) if !self.related_picked => self.note_selected = Some(0),
            (None, false) if self.related_selected == 0 || !self.related_picked => {
                self.note_selected = Some(n - 1);
            }
            (None, _) => return false,
        }
        self.related_picked = true;
        self.card_follow = true;
        true
    }
}
