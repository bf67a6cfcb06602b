//! The terminal: the only module that touches it. Raw mode, the alternate
//! screen and bracketed paste on start; restored on quit, on error, on panic
//! (before the panic message prints) and on SIGTERM, SIGHUP or SIGINT (then the
//! process ends as the signal would have ended it); the event loop from key to
//! action to frame, which handles every event already waiting before it draws.

use std::io::{self, Write};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{Action, App};
use crate::ui::{self, Theme};
use crate::watch::{FileWatch, Reloader};

mod loading;

/// How the explorer was asked to look and behave.
#[derive(Debug, Clone)]
pub struct Options {
    pub theme: Theme,
    pub mouse: bool,
    /// The dataset file to watch and reload (with its size limit), if any.
    pub watch: Option<(std::path::PathBuf, u64)>,
}

/// Events already waiting are handled together for at most this long before
/// the screen is drawn again, so a burst never hides the screen for long.
const FRAME: Duration = Duration::from_millis(16);

/// The longest the loop sleeps with nothing to do, which is also how soon it
/// notices a signal.
const IDLE: Duration = Duration::from_millis(100);

/// How often the loop wakes while a reload, a save or a search is under way.
const BUSY: Duration = Duration::from_millis(8);

/// How often the explorer looks for a search answer while one is awaited: the
/// answer's frame is late by at most this (the terminal's events cannot be
/// woken by another thread).
const ANSWER_POLL: Duration = Duration::from_millis(1);

/// Waits up to `wake` for an event (true when one came). While a search
/// answer is awaited it is looked for every [`ANSWER_POLL`] and the wait ends
/// as soon as it has come, without drawing in between: a frame every
/// millisecond would take a core from the search itself.
fn wait_for_event(app: &mut App, wake: Duration) -> io::Result<bool> {
    if !app.search_pending() {
        return event::poll(wake);
    }
    let started = Instant::now();
    while started.elapsed() < wake {
        if event::poll(ANSWER_POLL)? {
            return Ok(true);
        }
        if app.poll_search() {
            return Ok(false);
        }
    }
    Ok(false)
}

/// Asks whether another event is waiting. Not zero: crossterm's reader of the
/// terminal device returns nothing at all for a zero timeout, even with
/// events parsed and waiting.
const DRAIN: Duration = Duration::from_millis(1);

/// How long the main thread has to restore the terminal after a signal before
/// the signal thread does it and ends the process itself.
const GRACE: Duration = Duration::from_millis(500);

/// Gives the terminal back as it was. Safe to call more than once and from
/// any thread; errors are ignored (after SIGHUP there may be no terminal).
fn restore_terminal(mouse: bool) {
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    let _ = ratatui::try_restore();
}

/// Ends the process as `signal` would have ended it, for the shell's `$?`
/// (128 + the signal number) and for a parent that asks how its child died.
fn die_of(signal: i32) -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(128 + signal)
}

/// The signals that end the explorer: the first is handed to the event loop,
/// which returns and restores the terminal; if it does not within [`GRACE`]
/// (a stuck loop), or a second signal comes, the signal thread does it.
struct Stop {
    signal: Arc<AtomicI32>,
    restored: Mutex<Option<Sender<()>>>,
}

impl Stop {
    fn start(mouse: bool) -> io::Result<Stop> {
        let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
        let signal = Arc::new(AtomicI32::new(0));
        let (restored, wait): (Sender<()>, Receiver<()>) = channel();
        let seen = Arc::clone(&signal);
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                let mut forever = signals.forever();
                let Some(first) = forever.next() else { return };
                seen.store(first, Ordering::SeqCst);
                if let Err(RecvTimeoutError::Timeout) = wait.recv_timeout(GRACE) {
                    restore_terminal(mouse);
                    die_of(first);
                }
            })?;
        Ok(Stop {
            signal,
            restored: Mutex::new(Some(restored)),
        })
    }

    fn pending(&self) -> Option<i32> {
        Some(self.signal.load(Ordering::SeqCst)).filter(|&s| s != 0)
    }

    /// Tells the signal thread the terminal is back, so it need not act.
    fn done(&self) {
        if let Ok(mut slot) = self.restored.lock()
            && let Some(tx) = slot.take()
        {
            let _ = tx.send(());
        }
    }
}

/// Runs the explorer until the user quits (or a signal ends the process).
pub fn run(mut app: App, options: &Options) -> io::Result<()> {
    let (stop, mut terminal) = start(options)?;
    let result = event_loop(&mut terminal, &mut app, options, &stop);
    let finished = finish(result, Some(&mut app), options.mouse, &stop);
    app.end();
    finished
}

/// How a run that began with a load ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The user quit the explorer.
    Quit,
    /// The user cancelled the load (`q`, Esc or Ctrl-C on the loading screen).
    Cancelled,
    /// The load gave nothing to explore (`open` said so).
    NotOpened,
}

/// Takes the terminal at once, runs `load` on a thread of its own while the
/// loading screen shows its progress (see `tui/loading.rs`), then makes the
/// app with `open` (`None`: nothing to explore, the terminal is given back)
/// and runs the explorer. `name` is the file's name as the screen shows it.
pub fn run_loading<T: Send + 'static>(
    name: &str,
    options: &Options,
    load: impl FnOnce(&crate::progress::Progress) -> T + Send + 'static,
    open: impl FnOnce(T) -> Option<App>,
) -> io::Result<Ended> {
    let (stop, mut terminal) = start(options)?;
    let name = crate::text::clean(name);
    let (result, mut app, ended) =
        match loading::wait(&mut terminal, (&name, &options.theme), &stop, load) {
            Ok(loading::Waited::Done(loaded)) => match open(loaded) {
                Some(mut app) => {
                    let result = event_loop(&mut terminal, &mut app, options, &stop);
                    (result, Some(app), Ended::Quit)
                }
                None => (Ok(()), None, Ended::NotOpened),
            },
            Ok(loading::Waited::Cancelled) => (Ok(()), None, Ended::Cancelled),
            // `finish` ends the process as the signal would.
            Ok(loading::Waited::Signalled) => (Ok(()), None, Ended::Quit),
            Err(e) => (Err(e), None, Ended::Quit),
        };
    let finished = finish(result, app.as_mut(), options.mouse, &stop);
    if let Some(app) = app {
        app.end();
    }
    finished.map(|()| ended)
}

/// Raw mode, the alternate screen, bracketed paste and the mouse if asked, with
/// the signal thread and a panic hook that give the terminal back first.
fn start(options: &Options) -> io::Result<(Stop, DefaultTerminal)> {
    let stop = Stop::start(options.mouse)?;
    // ratatui's init installs a panic hook that restores the terminal first.
    let terminal = ratatui::try_init()?;
    let mouse = options.mouse;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        if mouse {
            let _ = execute!(io::stdout(), DisableMouseCapture);
        }
        previous(info);
    }));
    execute!(io::stdout(), EnableBracketedPaste)?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok((stop, terminal))
}

/// Gives the terminal back, then lets the app's last writes reach the disk and
/// prints any note not saved; a pending signal ends the process as it would.
fn finish(
    result: io::Result<()>,
    app: Option<&mut App>,
    mouse: bool,
    stop: &Stop,
) -> io::Result<()> {
    restore_terminal(mouse);
    // Writes still queued (a lookup recorded just before quitting) reach the
    // disk before the process ends; a note never saved is printed, not lost.
    if let Some(app) = app {
        app.wait_store();
        for text in app.unsaved() {
            let _ = writeln!(
                io::stderr(),
                "clusterdex: a note was not saved; here it is:\n{text}"
            );
        }
    }
    stop.done();
    if let Some(signal) = stop.pending() {
        die_of(signal);
    }
    result
}

/// One event to an action; a paste goes straight to the line being typed.
fn handle(app: &mut App, event: Event, mouse: bool) -> Option<Action> {
    let action = match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => app.action_for(&key),
        Event::Paste(text) => {
            app.paste(&text);
            None
        }
        Event::Mouse(m) if mouse => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            _ => None,
        },
        _ => None,
    };
    if let Some(a) = action {
        app.update(a);
    }
    action
}

/// Takes a finished reload, and starts one when the file changed.
fn background(app: &mut App, watch: &Option<FileWatch>, reloader: &mut Option<Reloader>) {
    app.poll_search();
    app.poll_store();
    let (Some(w), Some(r)) = (watch, reloader.as_mut()) else {
        return;
    };
    if w.changed() {
        r.request();
    }
    match r.poll() {
        Some(Ok(loaded)) => app.replace_dataset(loaded.dataset, loaded.diagnostics),
        Some(Err(e)) => app.reload_error = Some(e.to_string()),
        None => {}
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    options: &Options,
    stop: &Stop,
) -> io::Result<()> {
    // An undocumented switch for the end-to-end test that proves a panic leaves
    // the terminal usable.
    let panic_for_test = std::env::var_os("CLUSTERDEX_TEST_PANIC").is_some();
    // A watch that cannot start (no inotify, say) only costs live reload.
    let watch = options
        .watch
        .as_ref()
        .and_then(|(p, _)| FileWatch::new(p).ok());
    let mut reloader = options
        .watch
        .as_ref()
        .filter(|_| watch.is_some())
        .map(|(p, max)| Reloader::new(p, *max));
    loop {
        terminal.draw(|frame| ui::draw(frame, app, &options.theme))?;
        app.search_shown();
        if app.quit || stop.pending().is_some() {
            return Ok(());
        }
        // Wake up for a search or reload answer, now and then to look for
        // saves of the dataset file, and always soon enough to see a signal.
        let wake = if app.search_pending()
            || app.search_deferred()
            || app.memory.busy()
            || reloader.as_ref().is_some_and(Reloader::busy)
        {
            BUSY
        } else {
            IDLE
        };
        if !wait_for_event(app, wake)? {
            background(app, &watch, &mut reloader);
            continue;
        }
        // Every event already waiting, before drawing again (a paste where the
        // terminal has no bracketed paste, a held key): drawing after each
        // one let a burst pile up behind the screen.
        let started = Instant::now();
        loop {
            let action = handle(app, event::read()?, options.mouse);
            if panic_for_test && action == Some(Action::ToggleHelp) {
                panic!("panic requested by CLUSTERDEX_TEST_PANIC");
            }
            if app.quit || started.elapsed() >= FRAME || !event::poll(DRAIN)? {
                break;
            }
        }
        background(app, &watch, &mut reloader);
        // OSC 52 puts text on the clipboard of the user's own terminal, also over SSH.
        if let Some(text) = app.clipboard.take() {
            let mut out = io::stdout();
            out.write_all(crate::clipboard::sequence(&text, app.in_tmux).as_bytes())?;
            out.flush()?;
        }
    }
}

/// The terminal's width when standard output is one, for the commands that
/// print pictures to fit it.
pub fn stdout_width() -> Option<u16> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() {
        return None;
    }
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(w, _)| w)
        .filter(|&w| w > 0)
}
