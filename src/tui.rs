//! The terminal: the only module that touches it. Raw mode and the alternate
//! screen on start; restored on quit, on error and on panic (before the panic
//! message prints); the event loop from key to action to frame.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::clipboard::CopyToClipboard;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::app::{Action, App, keymap};
use crate::ui::{self, Theme};

/// How the explorer was asked to look and behave.
#[derive(Debug, Clone)]
pub struct Options {
    pub theme: Theme,
    pub mouse: bool,
    /// The dataset file to watch and reload (with its size limit), if any.
    pub watch: Option<(PathBuf, u64)>,
}

/// Reloads the file into the app: the new data, or the error beside the old data.
fn reload(app: &mut App, path: &Path, max_bytes: u64) {
    match crate::load::load(
        &crate::load::DataSource::File(path.to_path_buf()),
        max_bytes,
    ) {
        Ok(loaded) => app.replace_dataset(loaded.dataset, loaded.diagnostics),
        Err(e) => app.reload_error = Some(e.to_string()),
    }
}

/// Runs the explorer until the user quits.
pub fn run(mut app: App, options: &Options) -> io::Result<()> {
    // ratatui's init installs a panic hook that restores the terminal first.
    let mut terminal = ratatui::try_init()?;
    if options.mouse {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(io::stdout(), DisableMouseCapture);
            previous(info);
        }));
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    let result = event_loop(&mut terminal, &mut app, options);
    if options.mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    ratatui::try_restore()?;
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, options: &Options) -> io::Result<()> {
    // An undocumented switch for the end-to-end test that proves a panic leaves
    // the terminal usable.
    let panic_for_test = std::env::var_os("CLUSTERDEX_TEST_PANIC").is_some();
    // A watch that cannot start (no inotify, say) only costs live reload.
    let watch = options
        .watch
        .as_ref()
        .and_then(|(p, max)| crate::watch::FileWatch::new(p).ok().map(|w| (w, p, *max)));
    loop {
        terminal.draw(|frame| ui::draw(frame, app, &options.theme))?;
        if app.quit {
            return Ok(());
        }
        // Wake up for a search answer from the worker, or now and then to look
        // for saves of the dataset file; otherwise sleep until the next key.
        let wake = if app.search_pending() {
            Some(Duration::from_millis(8))
        } else {
            watch.as_ref().map(|_| Duration::from_millis(150))
        };
        if let Some(timeout) = wake
            && !event::poll(timeout)?
        {
            app.poll_search();
            if let Some((w, path, max)) = &watch
                && w.changed()
            {
                reload(app, path, *max);
            }
            continue;
        }
        let action = match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                keymap::action(app.context(), &key)
            }
            Event::Mouse(m) if options.mouse => match m.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
                MouseEventKind::ScrollUp => Some(Action::ScrollUp),
                MouseEventKind::ScrollDown => Some(Action::ScrollDown),
                _ => None,
            },
            _ => None,
        };
        if panic_for_test && action == Some(Action::ToggleHelp) {
            panic!("panic requested by CLUSTERDEX_TEST_PANIC");
        }
        if let Some(a) = action {
            app.update(a);
        }
        app.poll_search();
        // OSC 52 puts text on the clipboard of the user's own terminal, also over SSH.
        if let Some(text) = app.clipboard.take() {
            execute!(io::stdout(), CopyToClipboard::to_clipboard_from(text))?;
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
