//! The terminal: the only module that touches it. Raw mode and the alternate
//! screen on start; restored on quit, on error and on panic (before the panic
//! message prints); the event loop from key to action to frame.

use std::io;

use ratatui::DefaultTerminal;
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
    loop {
        terminal.draw(|frame| ui::draw(frame, app, &options.theme))?;
        if app.quit {
            return Ok(());
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
    }
}
