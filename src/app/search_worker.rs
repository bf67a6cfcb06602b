//! Searching on a worker thread, for datasets large enough that a keystroke's
//! search can take longer than a frame: the explorer keeps drawing (with the
//! previous hits and "searching…"), only the latest query is answered, and
//! stale queries are dropped unanswered. While the user pauses, the worker
//! answers the likeliest next keys ahead (see [`Searcher::look_ahead`]).

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

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

/// How many next keys are answered ahead, likeliest first: each costs the
/// first word of three letters at most, and only while the user pauses.
const AHEAD: usize = 2;

#[derive(Debug)]
pub struct SearchWorker {
    requests: Sender<Request>,
    /// The text of the newest query asked: an answer worked out ahead for
    /// another text stops.
    newest: Arc<Mutex<String>>,
    answers: Receiver<Answer>,
    last: u64,
    /// The query still waiting for its answer, if any.
    pub pending: Option<u64>,
}

impl SearchWorker {
    pub fn start(index: Arc<Index>, ds: Arc<Dataset>) -> SearchWorker {
        let (requests, inbox) = channel::<Request>();
        let (outbox, answers) = channel();
        let newest = Arc::new(Mutex::new(String::new()));
        let asked = Arc::clone(&newest);
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
                // While the user pauses: the likeliest next keys, until another comes.
                for next in searcher.likely_next(&index, &request.1, AHEAD) {
                    let wanted = |t: &str| t == request.1 || t == next;
                    let stop = || asked.lock().map_or(true, |t| !wanted(&t));
                    if stop() || !searcher.look_ahead(&index, &next, &stop) {
                        break;
                    }
                }
            }
        });
        SearchWorker {
            requests,
            newest,
            answers,
            last: 0,
            pending: None,
        }
    }

    /// Asks for a search; its answer replaces any earlier pending one.
    pub fn ask(&mut self, text: &str, personal: Arc<Personal>) {
        self.last += 1;
        if let Ok(mut newest) = self.newest.lock() {
            text.clone_into(&mut newest);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Typed key by key, each answer awaited (the worker then answers the
    /// likeliest next keys ahead, and may still be at it when the next key
    /// comes), every answer is a fresh search's, whether the key was foreseen
    /// or not.
    #[test]
    fn each_key_answers_as_a_fresh_search_with_keys_worked_out_ahead() {
        let file = crate::synth::generate(6_000, 5);
        let ds = crate::validate::build(&file);
        let index = Arc::new(Index::new(&ds));
        let mut worker = SearchWorker::start(Arc::clone(&index), Arc::new(ds));
        let personal = Arc::new(Personal::default());
        for text in [
            "l", "ly", "lyo", "lyon", "lyo", "ly", "lyx", "ly", "lyo", "med", "medi",
        ] {
            worker.ask(text, Arc::clone(&personal));
            let answer = worker.wait().expect("answered");
            let (hits, total) = answer.result.expect("valid");
            let mut fresh = Searcher::new();
            let want = fresh.search(&index, text).expect("valid").to_vec();
            assert_eq!((hits, total), (want, fresh.total()), "{text}");
        }
    }
}
