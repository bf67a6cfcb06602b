//! The wait for a large file, in front of the user: the load runs on a thread
//! of its own while this one draws the loading screen ([`crate::ui::loading`])
//! every few tens of milliseconds and listens for `q`, Esc or Ctrl-C. The
//! keymap does not exist yet (the app is made from what the load gives), so
//! these three keys are fixed. Cancelling does not wait for the load: the
//! caller restores the terminal and ends the process, which stops it.

use std::sync::Arc;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use super::{DRAIN, Stop};
use crate::progress::Progress;
use crate::ui::Theme;
use crate::ui::loading::{Loading, draw};

/// How long a load may take before the loading screen is drawn: a small file
/// is done by then and shows no flash of it.
const FIRST_LOOK: Duration = Duration::from_millis(30);

/// How often the screen is redrawn and keys are looked at.
const TICK: Duration = Duration::from_millis(40);

/// How the wait ended.
pub(super) enum Waited<T> {
    Done(T),
    /// `q`, Esc or Ctrl-C.
    Cancelled,
    /// A signal came (SIGTERM, SIGHUP, SIGINT from outside).
    Signalled,
}

/// Runs `load` on a thread of its own and draws its progress until it ends,
/// the user cancels or a signal comes. `name` is already terminal-safe.
pub(super) fn wait<T: Send + 'static>(
    terminal: &mut DefaultTerminal,
    (name, theme): (&str, &Theme),
    stop: &Stop,
    load: impl FnOnce(&Progress) -> T + Send + 'static,
) -> std::io::Result<Waited<T>> {
    let started = Instant::now();
    let progress = Arc::new(Progress::default());
    let (done, result) = channel();
    let watched = Arc::clone(&progress);
    std::thread::Builder::new()
        .name("load".into())
        .spawn(move || {
            let _ = done.send(load(&watched));
        })?;
    let mut timeout = FIRST_LOOK;
    loop {
        match result.recv_timeout(timeout) {
            Ok(loaded) => return Ok(Waited::Done(loaded)),
            Err(RecvTimeoutError::Disconnected) => {
                return Err(std::io::Error::other("the load ended without a result"));
            }
            Err(RecvTimeoutError::Timeout) => timeout = TICK,
        }
        if stop.pending().is_some() {
            return Ok(Waited::Signalled);
        }
        let view = Loading {
            name,
            seen: progress.seen(),
            elapsed: started.elapsed(),
        };
        terminal.draw(|frame| draw(frame, &view, theme))?;
        while event::poll(DRAIN)? {
            if cancels(&event::read()?) {
                return Ok(Waited::Cancelled);
            }
        }
    }
}

/// `q`, Esc, or Ctrl-C (which raw mode delivers as a key, not a signal).
fn cancels(event: &Event) -> bool {
    let Event::Key(key) = event else {
        return false;
    };
    key.kind != KeyEventKind::Release
        && match key.code {
            KeyCode::Char('q') | KeyCode::Esc => true,
            KeyCode::Char('c') => key.modifiers.contains(KeyModifiers::CONTROL),
            _ => false,
        }
}
