//! `clusterdex snapshot [--size WxH] [--keys KEYS]`: the explorer run headless on
//! a test backend, keys replayed, the final screen printed as text. For docs,
//! scripts and tests. It is the explorer: it reads and writes the user's notes,
//! pins and recent lookups (unless `--no-state`) and takes the config's keys,
//! so a script can drive it.

use std::io::{self, Write};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Env, exit, open};
use crate::app::App;
use crate::text::quote;
use crate::ui::{self, Theme};

/// Parses `WxH`.
pub fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("size {} is not WxH, e.g. 120x40", quote(text)))?;
    let n = |s: &str| {
        s.trim()
            .parse::<u16>()
            .ok()
            .filter(|&v| (1..=1000).contains(&v))
    };
    match (n(w), n(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => Err(format!(
            "size {} must be two numbers from 1 to 1000, e.g. 120x40",
            quote(text)
        )),
    }
}

/// Parses keys written as plain characters plus `<Enter>`, `<Esc>`, `<Tab>`,
/// `<BackTab>`, arrows, `<PgUp>`, `<PgDn>`, `<Home>`, `<End>`, `<Del>`,
/// `<Backspace>`, `<F1>`, `<C-x>`.
pub fn parse_keys(text: &str) -> Result<Vec<KeyEvent>, String> {
    let mut keys = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            let name = &rest[1..end];
            let key = match name {
                "Enter" | "CR" => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
                "Esc" => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
                "Tab" => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
                "BackTab" | "S-Tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
                "Up" => KeyEvent::new(KeyCode::Up, KeyModifiers::NONE),
                "Down" => KeyEvent::new(KeyCode::Down, KeyModifiers::NONE),
                "Left" => KeyEvent::new(KeyCode::Left, KeyModifiers::NONE),
                "Right" => KeyEvent::new(KeyCode::Right, KeyModifiers::NONE),
                "PgUp" => KeyEvent::new(KeyCode::PageUp, KeyModifiers::NONE),
                "PgDn" => KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE),
                "Backspace" | "BS" => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
                "F1" => KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE),
                "Home" => KeyEvent::new(KeyCode::Home, KeyModifiers::NONE),
                "End" => KeyEvent::new(KeyCode::End, KeyModifiers::NONE),
                "Del" => KeyEvent::new(KeyCode::Delete, KeyModifiers::NONE),
                "Space" => KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE),
                "lt" => KeyEvent::new(KeyCode::Char('<'), KeyModifiers::NONE),
                ctrl if ctrl.starts_with("C-") && ctrl.chars().count() == 3 => {
                    let c = ctrl.chars().nth(2).unwrap_or(' ');
                    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
                }
                other => {
                    return Err(format!(
                        "unknown key <{}>; see `clusterdex snapshot --help`",
                        quote(other).trim_matches('"')
                    ));
                }
            };
            keys.push(key);
            rest = &rest[end + 1..];
        } else {
            let mods = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            keys.push(KeyEvent::new(KeyCode::Char(c), mods));
            rest = &rest[c.len_utf8()..];
        }
    }
    Ok(keys)
}

/// Replays keys on an app at a size and returns the final screen as text lines.
pub fn render(app: &mut App, keys: &[KeyEvent], size: (u16, u16), theme: &Theme) -> Vec<String> {
    let mut terminal = infallible(Terminal::new(TestBackend::new(size.0, size.1)));
    infallible(terminal.draw(|f| ui::draw(f, app, theme)));
    for key in keys {
        if app.quit {
            break;
        }
        if let Some(a) = app.action_for(key) {
            app.update(a);
        }
        // Headless, each frame shows the answer to the keys so far, and the
        // user's files as written.
        app.wait_search();
        app.wait_store();
        infallible(terminal.draw(|f| ui::draw(f, app, theme)));
    }
    screen_text(terminal.backend().buffer())
}

/// The test backend cannot fail; this says so to the type system.
pub fn infallible<T>(r: Result<T, std::convert::Infallible>) -> T {
    match r {
        Ok(t) => t,
        Err(never) => match never {},
    }
}

/// A buffer as lines of text, trailing spaces trimmed.
pub fn screen_text(buffer: &ratatui::buffer::Buffer) -> Vec<String> {
    let w = usize::from(buffer.area.width);
    buffer
        .content()
        .chunks(w.max(1))
        .map(|row| {
            let mut line = String::new();
            let mut skip = 0;
            for cell in row {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                line.push_str(cell.symbol());
                skip = crate::text::width(cell.symbol()).saturating_sub(1);
            }
            line.trim_end().to_string()
        })
        .collect()
}

#[derive(Debug, clap::Args)]
pub struct SnapshotArgs {
    /// Screen size
    #[arg(long, value_name = "WxH", default_value = "120x40")]
    pub size: String,
    /// Keys to replay, e.g. `"/magia<Enter>"`
    #[arg(long, value_name = "KEYS", default_value = "")]
    pub keys: String,
}

pub fn run(
    env: &Env,
    args: &SnapshotArgs,
    theme: &Theme,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let (size, keys) = match (parse_size(&args.size), parse_keys(&args.keys)) {
        (Ok(s), Ok(k)) => (s, k),
        (Err(e), _) | (_, Err(e)) => {
            writeln!(err, "error: {e}")?;
            return Ok(exit::ERROR);
        }
    };
    let loaded = match open(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let config = match env.store.paths() {
        Some(p) => crate::config::load(&p.config),
        None => crate::config::Loaded::default(),
    };
    let mut app = app(env, loaded.into_inner(), &config);
    for line in render(&mut app, &keys, size, theme) {
        writeln!(out, "{line}")?;
    }
    Ok(exit::OK)
}

/// The explorer's state for a loaded dataset, as it starts: the user's files
/// (none with `--no-state`), the config's keys, and its problems for the
/// banner (the config is then not used).
pub fn app(env: &Env, loaded: crate::load::Loaded, config: &crate::config::Loaded) -> App {
    let dataset = super::memory::dataset_ref(env, &loaded);
    let name = loaded.name;
    let mut app = App::with_index(loaded.dataset, loaded.diagnostics, loaded.index)
        .with_store(env.store.clone(), dataset);
    app.source_name = name;
    app.keymap = crate::config::remap::keymap(&config.config.remaps);
    app.config_problems = config.problems.clone();
    app.config_name = config.path.display().to_string();
    app
}
