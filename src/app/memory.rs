//! What the explorer remembers for the user: their notes, pins and recent
//! lookups, read from the store at start and changed through it at once (on
//! the writer's thread, see `writer.rs`), never at exit. The lists on screen
//! change as soon as the user acts; each reply from the writer brings the
//! file as it is, and a failure or a file moved aside is said in the banner
//! and the problems list, with where the file went.

use std::sync::Arc;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::panes::{self, Kept, Tab};
use super::writer::{Job, Writer};
use super::{App, Mode};
use crate::search::Personal;
use crate::store::{DatasetRef, EntityRef, Frecency, Note, Pin, Store, Visit};

mod changes;

/// A note the user saved whose write has not been confirmed, or failed.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The writer's ticket for the job.
    pub ticket: u64,
    pub entity: EntityRef,
    pub text: String,
    /// The note it changes, for an edit.
    pub editing: Option<String>,
    pub written: Timestamp,
    /// Why it was not saved, once the writer said so.
    pub failed: Option<String>,
}

/// Something that went wrong with the user's files: in brief for the
/// banner, in full (with whole paths) for the problems list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub brief: String,
    pub full: String,
}

impl Problem {
    pub(super) fn said(text: String) -> Problem {
        Problem {
            brief: text.clone(),
            full: text,
        }
    }

    /// A file moved aside: where it went, by name in brief (it stays in
    /// its folder), by whole path in full.
    pub(super) fn moved(m: &crate::store::MovedAside) -> Problem {
        let name = |p: &std::path::Path| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        };
        Problem {
            brief: format!(
                "{} could not be read; it was moved aside to {}",
                name(&m.file),
                name(&m.to)
            ),
            full: m.to_string(),
        }
    }
}

/// The user's files as the explorer holds them.
#[derive(Debug, Default)]
pub struct Memory {
    /// The user's files are in use (not `--no-state`).
    pub on: bool,
    pub dataset: Option<DatasetRef>,
    pub notes: Vec<Note>,
    pub pins: Vec<Pin>,
    /// Entities opened, the most recent first.
    pub visits: Vec<Visit>,
    pub drafts: Vec<Draft>,
    /// Notes whose deletion has been sent (hidden until the writer answers).
    pub deleting: Vec<(u64, String)>,
    pub(super) writer: Option<Writer>,
    /// What went wrong with the user's files, newest last: for the banner
    /// and the problems list.
    pub problems: Vec<Problem>,
    /// A fixed clock and zone (tests and scripts); else the system's.
    pub clock: Option<Timestamp>,
    pub zone: Option<TimeZone>,
    /// The notes and frecency the search reads (rebuilt when they change).
    pub personal: Arc<Personal>,
}

impl Memory {
    pub fn now(&self) -> Timestamp {
        self.clock.unwrap_or_else(Timestamp::now)
    }

    /// A time in the user's zone, to the minute.
    pub fn local(&self, t: Timestamp) -> String {
        let zone = self.zone.clone().unwrap_or_else(TimeZone::system);
        t.to_zoned_datetime(zone)
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// Sends a job to the writer; its ticket.
    pub(super) fn send(&mut self, job: Job) -> Option<u64> {
        let now = self.now();
        self.writer.as_mut().map(|w| w.send(job, now))
    }

    /// Whether writes are still on their way to disk.
    pub fn busy(&self) -> bool {
        self.writer.as_ref().is_some_and(|w| w.waiting > 0)
    }
}

impl App {
    /// Gives the explorer the user's files (none with [`Store::off`]): reads
    /// the notes, pins and recent lookups, and starts the writer.
    pub fn with_store(mut self, store: Store, dataset: DatasetRef) -> App {
        let m = &mut self.memory;
        m.on = store.paths().is_some();
        m.dataset = Some(dataset);
        let mut said: Vec<Problem> = Vec::new();
        let mut take = |what: &str, r: Result<Option<crate::store::MovedAside>, _>| match r {
            Ok(moved) => said.extend(moved.as_ref().map(Problem::moved)),
            Err(e) => said.push(Problem::said(format!("cannot read the {what}: {e}"))),
        };
        let r = store.notes().map(|o| {
            m.notes = o.value;
            o.moved_aside
        });
        take("notes", r);
        let r = store.pins().map(|o| {
            m.pins = o.value;
            o.moved_aside
        });
        take("pins", r);
        let r = store.visits().map(|o| {
            m.visits = o.value;
            o.moved_aside
        });
        take("recent lookups", r);
        // Said in full once, then kept in the banner and the problems list.
        let flash = said.last().map(|p| p.full.clone());
        m.problems.extend(said);
        if m.on {
            m.writer = Some(Writer::start(store));
        }
        self.flash = flash;
        self.refresh_personal();
        // Only the user's panes change: the others keep their rows (at a
        // million entities, sorting them again took most of a second).
        self.refill_kept();
        self.relink(true);
        self
    }

    /// The user's panes' entities, in their order (pins and lookups of
    /// entities this dataset lacks are left out).
    pub(super) fn kept(&self) -> Kept {
        let ds = &self.ds;
        let of = |id: &str| ds.index_of(id);
        Kept {
            pinned: self
                .memory
                .pins
                .iter()
                .filter_map(|p| of(&p.entity.id))
                .collect(),
            recent: (self.memory.visits.iter())
                .filter_map(|v| of(&v.entity.id))
                .take(crate::store::RECENT_LEN)
                .collect(),
        }
    }

    /// When the entity was last opened, shortly ("2 Mar 14:32"), if it was.
    pub fn last_opened(&self, e: usize) -> Option<String> {
        let id = &self.ds.entity(e).id;
        let v = self.memory.visits.iter().find(|v| *v.entity.id == **id)?;
        let zone = self.memory.zone.clone().unwrap_or_else(TimeZone::system);
        Some(
            v.last
                .to_zoned_datetime(zone)
                .strftime("%-d %b %H:%M")
                .to_string(),
        )
    }

    /// How many of a user's pane's entries name an entity this dataset
    /// lacks (kept in the file, not shown).
    pub fn kept_elsewhere(&self, tab: Tab) -> usize {
        let ds = &self.ds;
        let missing = |id: &str| ds.index_of(id).is_none();
        match tab.spec().holds {
            panes::Holds::Pinned => (self.memory.pins.iter())
                .filter(|p| missing(&p.entity.id))
                .count(),
            panes::Holds::Recent => (self.memory.visits.iter())
                .take(crate::store::RECENT_LEN)
                .filter(|v| missing(&v.entity.id))
                .count(),
            panes::Holds::Kinds(_) => 0,
        }
    }

    /// Whether an entity is pinned.
    pub fn is_pinned(&self, e: usize) -> bool {
        let id = &self.ds.entity(e).id;
        self.memory.pins.iter().any(|p| *p.entity.id == **id)
    }

    /// Fills the user's panes again, keeping each one's selected entity.
    pub(super) fn refill_kept(&mut self) {
        let kept = self.kept();
        for t in Tab::all().filter(|t| t.is_kept()) {
            let before = self.row_entity(t);
            let rows = self.filtered(panes::fill_kept(t, &kept));
            if let Some(total) = self.board.totals.get_mut(t.index()) {
                *total = rows.len();
            }
            if let Some(base) = self.board.base.get_mut(t.index()) {
                *base = rows;
            }
            self.rows[t.index()] = self.laid_out_rows(t, self.board_active());
            let n = self.rows[t.index()].len();
            let pos = before.and_then(|e| self.rows[t.index()].iter().position(|&r| r == e));
            self.selected[t.index()] = pos
                .unwrap_or(self.selected[t.index()])
                .min(n.saturating_sub(1));
        }
    }

    /// What the search reads of the user's: every note (those being saved
    /// too) and the frecency of each entity, by entity of this dataset.
    pub(super) fn refresh_personal(&mut self) {
        let m = &self.memory;
        let ds = &self.ds;
        let hidden = |id: &str| {
            m.deleting.iter().any(|(_, d)| d == id)
                || m.drafts.iter().any(|d| d.editing.as_deref() == Some(id))
        };
        let saved = (m.notes.iter())
            .filter(|n| !hidden(&n.id))
            .map(|n| (&n.entity.id, n.text.clone()));
        let drafts = m.drafts.iter().map(|d| (&d.entity.id, d.text.clone()));
        let notes: Vec<(usize, String)> = saved
            .chain(drafts)
            .filter_map(|(id, text)| Some((ds.index_of(id)?, text)))
            .collect();
        let now = m.now();
        let scores = Frecency::new(&m.visits, now);
        let frecency: Vec<(usize, f64)> = (m.visits.iter())
            .filter_map(|v| Some((ds.index_of(&v.entity.id)?, scores.of(&v.entity.id))))
            .collect();
        self.memory.personal = Arc::new(Personal::new(notes, frecency));
        if self.mode == Mode::Search {
            self.run_search();
        }
    }
}
