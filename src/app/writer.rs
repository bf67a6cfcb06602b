//! The explorer's writes to the user's files, on a thread of their own: a
//! write takes a lock and flushes to disk (tens of milliseconds, more on a
//! slow disk or while another clusterdex holds the lock), and no keystroke
//! waits for one. Jobs run in the order given; each reply carries the file's
//! list as it is after the job, read under the store's rules, so that the
//! explorer shows what is on disk (another explorer's changes included).

use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use jiff::Timestamp;

use crate::store::{DatasetRef, EntityRef, MovedAside, Note, Pin, Store, StoreError, Visit};

/// One change to the user's files.
#[derive(Debug, Clone)]
pub enum Job {
    AddNote {
        dataset: DatasetRef,
        entity: EntityRef,
        text: String,
    },
    EditNote {
        id: String,
        text: String,
    },
    DeleteNote {
        id: String,
    },
    SetPin {
        entity: EntityRef,
        pinned: bool,
    },
    Visit {
        entity: EntityRef,
    },
}

/// A file's list after a job.
#[derive(Debug, Clone)]
pub enum Fresh {
    Notes(Vec<Note>),
    Pins(Vec<Pin>),
    Visits(Vec<Visit>),
}

/// What became of a job.
#[derive(Debug)]
pub struct Reply {
    /// The number [`Writer::send`] gave the job.
    pub ticket: u64,
    pub job: Job,
    /// Why the change was not made, if it was not.
    pub error: Option<String>,
    /// For an edit or a deletion: whether the note was still there.
    pub found: bool,
    /// The file as it is now, when it could be read.
    pub fresh: Option<Fresh>,
    /// Files the store had to move aside, to tell the user where they went.
    pub moved: Vec<MovedAside>,
}

/// The writing thread and its mailboxes.
#[derive(Debug)]
pub struct Writer {
    jobs: Option<Sender<(u64, Job, Timestamp)>>,
    replies: Receiver<Reply>,
    thread: Option<JoinHandle<()>>,
    next: u64,
    /// Jobs sent and not yet answered.
    pub waiting: usize,
}

impl Writer {
    pub fn start(store: Store) -> Writer {
        let (jobs, inbox) = channel::<(u64, Job, Timestamp)>();
        let (outbox, replies) = channel();
        let thread = std::thread::Builder::new()
            .name("user files".into())
            .spawn(move || {
                while let Ok((ticket, job, now)) = inbox.recv() {
                    if outbox.send(run(&store, ticket, job, now)).is_err() {
                        return;
                    }
                }
            })
            .ok();
        Writer {
            jobs: Some(jobs),
            replies,
            thread,
            next: 0,
            waiting: 0,
        }
    }

    /// Queues a job made at `now`; gives its ticket.
    pub fn send(&mut self, job: Job, now: Timestamp) -> u64 {
        self.next += 1;
        if let Some(jobs) = &self.jobs
            && jobs.send((self.next, job, now)).is_ok()
        {
            self.waiting += 1;
        }
        self.next
    }

    /// The replies that have come.
    pub fn poll(&mut self) -> Vec<Reply> {
        let replies: Vec<Reply> = self.replies.try_iter().collect();
        self.waiting = self.waiting.saturating_sub(replies.len());
        replies
    }

    /// Waits for every job sent so far (headless runs, tests, quitting).
    pub fn wait(&mut self) -> Vec<Reply> {
        let mut replies = Vec::new();
        while self.waiting > 0 {
            match self.replies.recv() {
                Ok(r) => {
                    self.waiting -= 1;
                    replies.push(r);
                }
                Err(_) => {
                    self.waiting = 0;
                }
            }
        }
        replies
    }
}

impl Drop for Writer {
    /// Lets the thread finish the jobs queued (a visit recorded just before
    /// quitting is not lost), then joins it.
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Runs one job, then reads back the list it changed.
fn run(store: &Store, ticket: u64, job: Job, now: Timestamp) -> Reply {
    let mut moved = Vec::new();
    let mut keep = |m: Option<MovedAside>| moved.extend(m);
    let done: Result<bool, StoreError> = match &job {
        Job::AddNote {
            dataset,
            entity,
            text,
        } => store.add_note(dataset, entity, text, now).map(|o| {
            keep(o.moved_aside);
            true
        }),
        Job::EditNote { id, text } => store.edit_note(id, text, now).map(|o| {
            keep(o.moved_aside);
            o.value
        }),
        Job::DeleteNote { id } => store.delete_note(id).map(|o| {
            keep(o.moved_aside);
            o.value
        }),
        Job::SetPin { entity, pinned } => store.set_pinned(entity, *pinned, now).map(|o| {
            keep(o.moved_aside);
            true
        }),
        Job::Visit { entity } => store.record_visit(entity, now).map(|o| {
            keep(o.moved_aside);
            true
        }),
    };
    let fresh = match &job {
        Job::AddNote { .. } | Job::EditNote { .. } | Job::DeleteNote { .. } => store
            .notes()
            .map(|o| (Fresh::Notes(o.value), o.moved_aside)),
        Job::SetPin { .. } => store.pins().map(|o| (Fresh::Pins(o.value), o.moved_aside)),
        Job::Visit { .. } => store
            .visits()
            .map(|o| (Fresh::Visits(o.value), o.moved_aside)),
    };
    let fresh = fresh.ok().map(|(f, m)| {
        keep(m);
        f
    });
    Reply {
        ticket,
        error: done.as_ref().err().map(ToString::to_string),
        found: *done.as_ref().unwrap_or(&false),
        job,
        fresh,
        moved,
    }
}
