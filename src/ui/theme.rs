//! The one place colours live. Every style the UI uses is a named field here;
//! dark and light variants use only the 16 ANSI colours (so 16-colour terminals
//! work), and NO_COLOR gives emphasis by bold, underline and reverse alone.

use ratatui::style::{Color, Modifier, Style};

use crate::model::Kind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Dark,
    Light,
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub base: Style,
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    pub border_focus: Style,
    pub tab: Style,
    pub tab_active: Style,
    /// The selected row of the focused pane.
    pub selected: Style,
    /// The selected row of a pane without focus.
    pub selected_idle: Style,
    /// Matched characters of a search hit.
    pub matched: Style,
    /// Relation group labels and section headings.
    pub heading: Style,
    /// Links and facts the sources only imply.
    pub inferred: Style,
    pub status: Style,
    pub key: Style,
    pub error: Style,
    pub banner: Style,
    kinds: [Style; 7],
}

impl Theme {
    pub fn kind(&self, kind: Kind) -> Style {
        self.kinds[kind.index()]
    }

    /// The theme for a name, or the colourless one when `no_color` (NO_COLOR is set).
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        if no_color {
            return Theme::plain();
        }
        match name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
        }
    }

    pub fn dark() -> Theme {
        let fg = |c: Color| Style::new().fg(c);
        Theme {
            base: Style::new(),
            dim: fg(Color::DarkGray),
            title: Style::new().add_modifier(Modifier::BOLD),
            border: fg(Color::DarkGray),
            border_focus: fg(Color::Cyan),
            tab: fg(Color::Gray),
            tab_active: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            selected: Style::new().fg(Color::Black).bg(Color::Cyan),
            selected_idle: Style::new().add_modifier(Modifier::REVERSED),
            matched: fg(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            heading: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            inferred: fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            status: Style::new().fg(Color::Gray),
            key: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            error: fg(Color::Red).add_modifier(Modifier::BOLD),
            banner: Style::new().fg(Color::Black).bg(Color::Yellow),
            kinds: [
                fg(Color::Cyan),
                fg(Color::Magenta),
                fg(Color::Yellow),
                fg(Color::Green),
                fg(Color::LightBlue),
                fg(Color::LightRed),
                fg(Color::Gray),
            ],
        }
    }

    pub fn light() -> Theme {
        let fg = |c: Color| Style::new().fg(c);
        Theme {
            base: Style::new(),
            dim: fg(Color::DarkGray),
            title: Style::new().add_modifier(Modifier::BOLD),
            border: fg(Color::Gray),
            border_focus: fg(Color::Blue),
            tab: fg(Color::DarkGray),
            tab_active: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            selected: Style::new().fg(Color::White).bg(Color::Blue),
            selected_idle: Style::new().add_modifier(Modifier::REVERSED),
            matched: fg(Color::Magenta).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            heading: fg(Color::Blue).add_modifier(Modifier::BOLD),
            inferred: fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            status: fg(Color::DarkGray),
            key: fg(Color::Blue).add_modifier(Modifier::BOLD),
            error: fg(Color::Red).add_modifier(Modifier::BOLD),
            banner: Style::new().fg(Color::Black).bg(Color::LightYellow),
            kinds: [
                fg(Color::Blue),
                fg(Color::Magenta),
                fg(Color::Red),
                fg(Color::Green),
                fg(Color::Cyan),
                fg(Color::DarkGray),
                fg(Color::Black),
            ],
        }
    }

    /// No colour at all: emphasis by modifiers only (NO_COLOR).
    pub fn plain() -> Theme {
        let m = |x: Modifier| Style::new().add_modifier(x);
        Theme {
            base: Style::new(),
            dim: Style::new(),
            title: m(Modifier::BOLD),
            border: Style::new(),
            border_focus: m(Modifier::BOLD),
            tab: Style::new(),
            tab_active: m(Modifier::REVERSED | Modifier::BOLD),
            selected: m(Modifier::REVERSED | Modifier::BOLD),
            selected_idle: m(Modifier::REVERSED),
            matched: m(Modifier::BOLD | Modifier::UNDERLINED),
            heading: m(Modifier::BOLD),
            inferred: m(Modifier::ITALIC),
            status: Style::new(),
            key: m(Modifier::BOLD),
            error: m(Modifier::BOLD),
            banner: m(Modifier::REVERSED),
            kinds: [Style::new(); 7],
        }
    }
}
