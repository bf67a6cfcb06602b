//! Searching on a worker thread, for datasets large enough that a keystroke's
//! search can take longer than a frame: the explorer keeps drawing (with the
//! previous hits and "searching…"), only the latest query is answered, and
//! stale queries are dropped unanswered.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::answers::{self, AnswerRow};
use crate::model::Dataset;
use crate::search::{Hit, Index, Personal, QueryError, Searcher};

/// The worker's answer to query number `seq`.
#[derive(Debug)]
pub struct Answer {
    pub seq: u64,
    /// The best hits and how many entities matched, or why the query is invalid.
    pub result: Result<(Vec<Hit>, usize), QueryError>,
    /// The answers, when the query asks a question.
    pub answers: Vec<AnswerRow>,
}

/// A query's number, its text, and the user's notes and frecency to search with.
type Request = (u64, String, Arc<Personal>);

#[derive(Debug)]
pub struct SearchWorker {
    requests: Sender<Request>,
    answers: Receiver<Answer>,
    last: u64,
    /// The query still waiting for its answer, if any.
    pub pending: Option<u64>,
}

impl SearchWorker {
    pub fn start(index: Arc<Index>, ds: Arc<Dataset>) -> SearchWorker {
        let (requests, inbox) = channel::<Request>();
        let (outbox, answers) = channel();
        std::thread::spawn(move || {
            let mut searcher = Searcher::new();
            while let Ok(mut request) = inbox.recv() {
                // Only the newest query matters; the ones typed since are stale.
                while let Ok(newer) = inbox.try_recv() {
                    request = newer;
                }
                searcher.set_personal(request.2);
                let hits = searcher.search(&index, &request.1).map(<[Hit]>::to_vec);
                let result = hits.map(|h| (h, searcher.total()));
                let answers = answers::for_line(&ds, &index, &request.1);
                if outbox
                    .send(Answer {
                        seq: request.0,
                        result,
                        answers,
                    })
                    .is_err()
                {
                    return;
                }
            }
        });
        SearchWorker {
            requests,
            answers,
            last: 0,
            pending: None,
        }
    }

    /// Asks for a search; its answer replaces any earlier pending one.
    pub fn ask(&mut self, text: &str, personal: Arc<Personal>) {
        self.last += 1;
        if self
            .requests
            .send((self.last, text.to_string(), personal))
            .is_ok()
        {
            self.pending = Some(self.last);
        }
    }

    /// The answer to the latest query, if it has come (older answers are dropped).
    pub fn poll(&mut self) -> Option<Answer> {
        while let Ok(answer) = self.answers.try_recv() {
            if Some(answer.seq) == self.pending {
                self.pending = None;
                return Some(answer);
            }
        }
        None
    }

    /// Waits for the answer to the latest query (headless runs and the benchmark).
    pub fn wait(&mut self) -> Option<Answer> {
        while self.pending.is_some() {
            let answer = self.answers.recv().ok()?;
            if Some(answer.seq) == self.pending {
                self.pending = None;
                return Some(answer);
            }
        }
        None
    }
}
