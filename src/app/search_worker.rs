//! Searching on a worker thread, for datasets large enough that a keystroke's
//! search can take longer than a frame: the explorer keeps drawing (with the
//! previous hits and "searching…"), only the latest query is answered, and
//! stale queries are dropped unanswered. While the user pauses, the worker
//! answers the likeliest next keys ahead (see [`Searcher::look_ahead`]), but
//! only once the frame showing its last answer is drawn, and on one core: the
//! explorer's own work between a key and its frame never waits behind it.

use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::answers::{self, AnswerRow};
use crate::model::Dataset;
use crate::search::{Hit, Index, Personal, QueryError, Searcher, Unmatched};

/// The worker's answer to query number `seq`.
#[derive(Debug)]
pub struct Answer {
    pub seq: u64,
    /// The best hits and how many entities matched, or why the query is invalid.
    pub result: Result<(Vec<Hit>, usize), QueryError>,
    /// The answers, when the query asks a question.
    pub answers: Vec<AnswerRow>,
    /// Why a query of several words found nothing.
    pub unmatched: Option<Unmatched>,
}

/// A query's number, its text, and the user's notes and frecency to search with.
type Request = (u64, String, Arc<Personal>);

/// What the explorer tells the worker.
enum Message {
    Ask(Request),
    /// The frame showing the answer to this query is drawn.
    Shown(u64),
}

/// How many next keys are answered ahead, likeliest first: each costs the
/// first word of three letters at most, and only while the user pauses.
const AHEAD: usize = 2;

/// How long an answer waits to be shown before keys are worked out ahead
/// anyway (a caller that draws nothing never says it has).
const SHOWN_WAIT: Duration = Duration::from_millis(50);

#[derive(Debug)]
pub struct SearchWorker {
    requests: Sender<Message>,
    /// The text of the newest query asked: an answer worked out ahead for
    /// another text stops.
    newest: Arc<Mutex<String>>,
    answers: Receiver<Answer>,
    last: u64,
    /// The query still waiting for its answer, if any.
    pub pending: Option<u64>,
    /// The answer taken last and not yet said to be on screen.
    unshown: Option<u64>,
}

/// What came while an answer waited to be shown.
enum Waited {
    /// Shown, or waited long enough: time to work ahead.
    Shown,
    /// A newer query, to answer first.
    Newer(Request),
    /// The explorer has gone.
    Gone,
}

/// Waits for the frame showing answer `seq`, a newer query, or [`SHOWN_WAIT`].
fn wait_shown(inbox: &Receiver<Message>, seq: u64) -> Waited {
    let until = Instant::now() + SHOWN_WAIT;
    loop {
        let left = until.saturating_duration_since(Instant::now());
        match inbox.recv_timeout(left) {
            Ok(Message::Ask(request)) => return Waited::Newer(request),
            Ok(Message::Shown(shown)) if shown >= seq => return Waited::Shown,
            Ok(Message::Shown(_)) => {}
            Err(RecvTimeoutError::Timeout) => return Waited::Shown,
            Err(RecvTimeoutError::Disconnected) => return Waited::Gone,
        }
    }
}

/// The worker's loop: answers the newest query, then works ahead while the
/// user pauses.
fn serve(
    inbox: &Receiver<Message>,
    outbox: &Sender<Answer>,
    asked: &Mutex<String>,
    (index, ds): (&Index, &Dataset),
) {
    let mut searcher = Searcher::new();
    // The keys worked out ahead run on a pool of one thread, so that the
    // explorer always has a core of its own.
    let ahead_pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().ok();
    let mut next = None;
    loop {
        let mut request = match next.take() {
            Some(request) => request,
            None => match inbox.recv() {
                Ok(Message::Ask(request)) => request,
                Ok(Message::Shown(_)) => continue,
                Err(_) => return,
            },
        };
        // Only the newest query matters; the ones typed since are stale.
        while let Ok(message) = inbox.try_recv() {
            if let Message::Ask(newer) = message {
                request = newer;
            }
        }
        searcher.set_personal(Arc::clone(&request.2));
        let hits = searcher.search(index, &request.1).map(<[Hit]>::to_vec);
        let result = hits.map(|h| (h, searcher.total()));
        let answers = answers::for_line(ds, index, &request.1);
        // One search per word, and only once the query has found nothing.
        let unmatched = match &result {
            Ok((hits, _)) if hits.is_empty() && answers.is_empty() => {
                index.unmatched_line(&request.1, &request.2)
            }
            _ => None,
        };
        let answer = Answer {
            seq: request.0,
            result,
            answers,
            unmatched,
        };
        if outbox.send(answer).is_err() {
            return;
        }
        match wait_shown(inbox, request.0) {
            Waited::Shown => {}
            Waited::Newer(newer) => {
                next = Some(newer);
                continue;
            }
            Waited::Gone => return,
        }
        // While the user pauses: the likeliest next keys, until another comes.
        let mut ahead = || {
            for key in searcher.likely_next(index, &request.1, AHEAD) {
                let wanted = |t: &str| t == request.1 || t == key;
                let stop = || asked.lock().map_or(true, |t| !wanted(&t));
                if stop() || !searcher.look_ahead(index, &key, &stop) {
                    break;
                }
            }
        };
        match &ahead_pool {
            Some(pool) => pool.install(ahead),
            None => ahead(),
        }
    }
}

impl SearchWorker {
    pub fn start(index: Arc<Index>, ds: Arc<Dataset>) -> SearchWorker {
        let (requests, inbox) = channel::<Message>();
        let (outbox, answers) = channel();
        let newest = Arc::new(Mutex::new(String::new()));
        let asked = Arc::clone(&newest);
        std::thread::spawn(move || serve(&inbox, &outbox, &asked, (&index, &ds)));
        SearchWorker {
            requests,
            newest,
            answers,
            last: 0,
            pending: None,
            unshown: None,
        }
    }

    /// Asks for a search; its answer replaces any earlier pending one.
    pub fn ask(&mut self, text: &str, personal: Arc<Personal>) {
        self.last += 1;
        if let Ok(mut newest) = self.newest.lock() {
            text.clone_into(&mut newest);
        }
        let request = (self.last, text.to_string(), personal);
        if self.requests.send(Message::Ask(request)).is_ok() {
            self.pending = Some(self.last);
        }
    }

    /// The answer to the latest query, if it has come (older answers are dropped).
    pub fn poll(&mut self) -> Option<Answer> {
        while let Ok(answer) = self.answers.try_recv() {
            if Some(answer.seq) == self.pending {
                return Some(self.taken(answer));
            }
        }
        None
    }

    /// Waits for the answer to the latest query (headless runs and the benchmark).
    pub fn wait(&mut self) -> Option<Answer> {
        while self.pending.is_some() {
            let answer = self.answers.recv().ok()?;
            if Some(answer.seq) == self.pending {
                return Some(self.taken(answer));
            }
        }
        None
    }

    fn taken(&mut self, answer: Answer) -> Answer {
        self.pending = None;
        self.unshown = Some(answer.seq);
        answer
    }

    /// Says that a frame showing the last answer taken is drawn: the worker
    /// may now work out the next keys ahead.
    pub fn shown(&mut self) {
        if let Some(seq) = self.unshown.take() {
            let _ = self.requests.send(Message::Shown(seq));
        }
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    /// Typed key by key, each answer awaited (the worker then answers the
    /// likeliest next keys ahead once told the answer is on screen, and may
    /// still be at it when the next key comes; a key typed before the frame
    /// is drawn is answered first), every answer is a fresh search's, whether
    /// the key was foreseen or not.
    #[test]
    fn each_key_answers_as_a_fresh_search_with_keys_worked_out_ahead() {
        let file = crate::synth::generate(6_000, 5);
        let ds = crate::validate::build(&file);
        let index = Arc::new(Index::new(&ds));
        let mut worker = SearchWorker::start(Arc::clone(&index), Arc::new(ds));
        let personal = Arc::new(Personal::default());
        let keys = [
            "l", "ly", "lyo", "lyon", "lyo", "ly", "lyx", "ly", "lyo", "med", "medi",
        ];
        for (n, text) in keys.into_iter().enumerate() {
            worker.ask(text, Arc::clone(&personal));
            let answer = worker.wait().expect("answered");
            if n % 3 != 2 {
                worker.shown();
            }
            let (hits, total) = answer.result.expect("valid");
            let mut fresh = Searcher::new();
            let want = fresh.search(&index, text).expect("valid").to_vec();
            assert_eq!((hits, total), (want, fresh.total()), "{text}");
        }
    }

    /// A query of several words that finds nothing comes with the words at
    /// fault; one that finds something, or a single word, with none.
    #[test]
    fn an_empty_answer_says_which_word_no_entity_holds() {
        let ds = crate::validate::build(&crate::synth::generate(600, 5));
        let index = Arc::new(Index::new(&ds));
        let mut worker = SearchWorker::start(Arc::clone(&index), Arc::new(ds));
        let personal = Arc::new(Personal::default());
        for (text, want) in [
            (
                "lyon qqqzzz",
                Some(Unmatched::Words(vec!["qqqzzz".to_string()])),
            ),
            ("qqqzzz", None),
            ("lyon", None),
        ] {
            worker.ask(text, Arc::clone(&personal));
            let answer = worker.wait().expect("answered");
            assert_eq!(answer.unmatched, want, "{text}");
        }
    }
}
