//! The changes the user makes to their files from the explorer (an entity
//! opened, a pin), shown at once and sent to the writer; and the writer's
//! replies taken back: the file as it is now, or what failed and where.

use super::super::panes::{self, Tab};
use super::super::writer::{Fresh, Job, Reply};
use super::super::{Action, App, Focus};
use super::Problem;
use crate::store::{EntityRef, Pin, frecency};

impl App {
    /// Records that an entity was opened: at once in the Recent pane, and
    /// in the file by the writer.
    pub(in crate::app) fn record_visit(&mut self, e: usize) {
        if !self.memory.on {
            return;
        }
        let entity = EntityRef::of(&self.ds, e);
        let now = self.memory.now();
        frecency::visit(&mut self.memory.visits, &entity, now);
        self.memory.send(Job::Visit { entity });
        self.refill_kept();
        self.refresh_personal();
    }

    /// `p`: pins the row or card the user is on, or unpins it.
    pub(in crate::app) fn toggle_pin(&mut self) {
        let Some(e) = self.pin_target() else {
            self.flash = Some("nothing to pin here".to_string());
            return;
        };
        let name = crate::text::clean(&self.ds.entity(e).name).into_owned();
        if !self.memory.on {
            self.flash = Some("--no-state is set: pins are neither read nor written".into());
            return;
        }
        let entity = EntityRef::of(&self.ds, e);
        let pinned = !self.is_pinned(e);
        if pinned {
            let now = self.memory.now();
            self.memory.pins.push(Pin {
                entity: entity.clone(),
                pinned: now,
                unknown: Vec::new(),
            });
        } else {
            self.memory.pins.retain(|p| p.entity.id != entity.id);
        }
        self.memory.send(Job::SetPin { entity, pinned });
        self.refill_kept();
        let key = self
            .keymap
            .key_for(self.context(), Action::GoTab(pinned_pane()));
        self.flash = Some(match pinned {
            true => format!("pinned {name} ({key} shows the pins)"),
            false => format!("unpinned {name}"),
        });
    }

    /// The entity `p` and `n` act on: the open card, or the row the user is on.
    pub fn pin_target(&self) -> Option<usize> {
        match self.focus {
            Focus::Entity => self.open_entity(),
            Focus::List => self.list_entity(),
        }
    }

    /// Takes the writer's replies; true when the screen changes.
    pub fn poll_store(&mut self) -> bool {
        let replies = match self.memory.writer.as_mut() {
            Some(w) => w.poll(),
            None => return false,
        };
        let changed = !replies.is_empty();
        self.take_replies(replies);
        changed
    }

    /// Waits until every write sent is on disk (headless runs and tests).
    pub fn wait_store(&mut self) {
        let replies = match self.memory.writer.as_mut() {
            Some(w) => w.wait(),
            None => return,
        };
        self.take_replies(replies);
    }

    /// Ends the explorer's state as the process ends: the writes queued
    /// finish and the writer's thread is joined; a large dataset and its
    /// index are left to the process's end (see [`crate::load::LEFT_FROM`]):
    /// freed piece by piece, a million entities kept the shell waiting a
    /// quarter of a second after `q`.
    pub fn end(mut self) {
        self.memory.writer = None;
        if self.ds.len() >= crate::load::LEFT_FROM {
            std::mem::forget(self);
        }
    }

    fn take_replies(&mut self, replies: Vec<Reply>) {
        if replies.is_empty() {
            return;
        }
        let settled = !self.memory.busy();
        let mut fresh: Vec<Fresh> = Vec::new();
        for r in replies {
            let m = &mut self.memory;
            m.problems.extend(r.moved.iter().map(Problem::moved));
            if let Some(f) = r.fresh {
                fresh.retain(|x| std::mem::discriminant(x) != std::mem::discriminant(&f));
                fresh.push(f);
            }
            self.take_outcome(r.ticket, &r.job, r.error, r.found);
        }
        // A list is taken from the file once no other write is on its way,
        // so that what the user just did never flickers away.
        if settled {
            for f in fresh {
                match f {
                    Fresh::Notes(n) => self.memory.notes = n,
                    Fresh::Pins(p) => self.memory.pins = p,
                    Fresh::Visits(v) => self.memory.visits = v,
                }
            }
        }
        self.refill_kept();
        self.refresh_personal();
    }

    /// What a reply means for the user: a note saved, or why not.
    fn take_outcome(&mut self, ticket: u64, job: &Job, error: Option<String>, found: bool) {
        let m = &mut self.memory;
        match (job, error) {
            (Job::AddNote { entity, .. }, None) => {
                m.drafts.retain(|d| d.ticket != ticket);
                self.flash = Some(format!("note on {} saved", entity.name));
            }
            (Job::EditNote { .. }, None) if found => {
                m.drafts.retain(|d| d.ticket != ticket);
                self.flash = Some("note saved".to_string());
            }
            (Job::EditNote { .. }, None) => {
                let why = "the note was deleted meanwhile (by another clusterdex?); ⏎ on it saves it as a new note";
                if let Some(d) = m.drafts.iter_mut().find(|d| d.ticket == ticket) {
                    d.failed = Some(why.to_string());
                    d.editing = None;
                }
                self.flash = Some(format!("note not saved: {why}"));
            }
            (Job::AddNote { .. } | Job::EditNote { .. }, Some(e)) => {
                if let Some(d) = m.drafts.iter_mut().find(|d| d.ticket == ticket) {
                    d.failed = Some(e.clone());
                }
                let msg =
                    format!("a note was not saved: {e}; it stays on its card, ⏎ on it tries again");
                m.problems.push(Problem::said(msg.clone()));
                self.flash = Some(msg);
            }
            (Job::DeleteNote { .. }, e) => {
                m.deleting.retain(|(t, _)| *t != ticket);
                if let Some(e) = e {
                    let msg = format!("a note was not deleted: {e}");
                    m.problems.push(Problem::said(msg.clone()));
                    self.flash = Some(msg);
                } else {
                    self.flash = Some("note deleted".to_string());
                }
            }
            (Job::SetPin { .. }, Some(e)) => {
                let msg = format!("the pins were not saved: {e}");
                m.problems.push(Problem::said(msg.clone()));
                self.flash = Some(msg);
            }
            (Job::Visit { .. }, Some(e)) => {
                // Said once: every later lookup would fail the same way.
                let msg = Problem::said(format!("recent lookups are not being saved: {e}"));
                if !m.problems.contains(&msg) {
                    m.problems.push(msg);
                }
            }
            (Job::SetPin { .. } | Job::Visit { .. }, None) => {}
        }
    }
}

/// The pane of pins (for the key that shows it).
fn pinned_pane() -> usize {
    Tab::all()
        .find(|t| t.spec().holds == panes::Holds::Pinned)
        .map_or(0, Tab::index)
}
