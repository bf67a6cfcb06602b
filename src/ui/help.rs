//! The help overlay: every binding by mode (straight from the keymap in
//! force, so remapped keys show as remapped, the panes' keys included), the
//! search syntax, and the command-line options (from the argument parser). It
//! scrolls, so that all of it is reachable at 80×24.

use clap::CommandFactory;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Theme;
use crate::app::keymap::{Context, Keymap};
use crate::app::{Action, App};
use crate::text::{width, wrap};

/// The search syntax, each with an example that parses (a test keeps it so).
pub const SYNTAX: &[(&str, &str)] = &[
    (
        "medtec aliance",
        "every word must match, fuzzily; accents and case do not matter",
    ),
    ("'gold", "exact: the text as typed"),
    ("^nano", "a word starting so"),
    ("2015$", "a field ending so"),
    ("!forum", "must not match"),
    ("biowin | biopmed", "either"),
    (
        "kind:event",
        "one kind: cluster alliance event organisation person project place",
    ),
    ("tag:oncology", "a tag"),
    ("in:france", "in a place or anywhere inside it"),
    ("year:2015", "dated in that year"),
    (
        "note:china",
        "in one of your notes on it (note: alone: every entity you wrote about)",
    ),
    (
        "magia coordinator",
        "a question: an entity and a relation or fact puts the answer first",
    ),
    (
        "how do we know biowin",
        "the documents an entity is known from",
    ),
];

/// The facets of the filter line (`f`).
const FACETS: &[(&str, &str)] = &[
    ("tag:oncology", "with a tag containing the text"),
    ("in:france", "in a place or anywhere inside it"),
    (
        "member:health2care",
        "belonging to a group (member, partner, project...)",
    ),
    ("market:china", "targeting a market"),
    ("", "terms combine with AND, the same facet too"),
];

/// A titled list of (keys, what they do).
type Section = (String, Vec<(String, String)>);

/// `key  what` rows under a heading, the keys in one column as wide as the
/// widest, long text wrapped under itself.
fn render(section: &Section, w: usize, theme: &Theme, lines: &mut Vec<Line<'static>>) {
    let (title, rows) = section;
    lines.push(Line::styled(title.clone(), theme.heading));
    let key_w = rows
        .iter()
        .map(|(k, _)| width(k))
        .max()
        .unwrap_or(0)
        .min(w / 3);
    for (key, what) in rows {
        let key = format!("  {} ", crate::text::pad(key, key_w));
        let indent = width(&key);
        for (i, part) in wrap(what, w.saturating_sub(indent).max(10))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 {
                Span::styled(key.clone(), theme.key)
            } else {
                Span::raw(" ".repeat(indent))
            };
            lines.push(Line::from(vec![lead, Span::raw(part)]));
        }
    }
    lines.push(Line::default());
}

/// The sections of the help: keys by mode, search syntax, facets, options.
fn sections(keymap: &Keymap) -> Vec<Section> {
    let pair = |k: &str, w: &str| (k.to_string(), w.to_string());
    let mut out: Vec<Section> = Context::ALL
        .iter()
        .map(|&c| {
            let rows = keymap.bindings(c);
            let (panes, own): (Vec<_>, Vec<_>) =
                rows.partition(|b| matches!(b.action, Action::GoTab(_)));
            let mut rows: Vec<(String, String)> =
                own.iter().map(|b| pair(&b.label, &b.help)).collect();
            // The panes' keys on one line: "1 2 3 4 5 6  Clusters, ...".
            if !panes.is_empty() {
                let keys: Vec<&str> = panes.iter().map(|b| b.label.as_str()).collect();
                let names: Vec<String> = (panes.iter())
                    .filter_map(|b| match b.action {
                        Action::GoTab(n) => crate::app::Tab::at(n).map(|t| t.title().to_string()),
                        _ => None,
                    })
                    .collect();
                rows.push(pair(&keys.join(" "), &names.join(", ")));
            }
            if c == Context::Global {
                rows.push(pair("C-c", "quit, from anywhere"));
            }
            (format!("Keys: {}", c.title()), rows)
        })
        .collect();
    let table = |rows: &[(&str, &str)]| rows.iter().map(|(k, w)| pair(k, w)).collect();
    out.push(("Search syntax (after /)".into(), table(SYNTAX)));
    out.push(("Facets (after f)".into(), table(FACETS)));
    out.push(("Command-line options".into(), options()));
    out
}

/// Every line of the help, for a width.
pub fn lines(keymap: &Keymap, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for section in sections(keymap) {
        render(&section, w, theme, &mut lines);
    }
    lines.push(Line::styled(
        "clusterdex --help lists the commands (search, show, path, list, ...).",
        theme.dim,
    ));
    lines
}

/// The global options, as the argument parser knows them.
fn options() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = crate::cli::Cli::command()
        .get_arguments()
        .filter(|a| a.is_global_set())
        .filter_map(|a| {
            let long = a.get_long()?;
            let choices: Vec<String> = a
                .get_possible_values()
                .iter()
                .map(|v| v.get_name().to_string())
                .collect();
            let value = if !a.get_action().takes_values() {
                String::new()
            } else if !choices.is_empty() {
                format!(" {}", choices.join("|"))
            } else {
                a.get_value_names()
                    .and_then(|v| v.first())
                    .map(|v| format!(" {v}"))
                    .unwrap_or_default()
            };
            let mut what = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            if let Some(env) = a.get_env() {
                what.push_str(&format!(" (also {})", env.to_string_lossy()));
            }
            Some((format!("--{long}{value}"), what))
        })
        .collect();
    out.push(("NO_COLOR=1".into(), "no colour at all".into()));
    out
}

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, theme: &Theme) {
    let w = area.width.saturating_sub(4).min(100);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + 1,
        width: w,
        height: area.height.saturating_sub(2),
    };
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(title(&app.keymap), theme.title));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let all = lines(&app.keymap, usize::from(inner.width), theme);
    let height = usize::from(inner.height);
    let scroll = app
        .geometry
        .help_scroll
        .min(all.len().saturating_sub(height));
    let total = all.len();
    let shown: Vec<Line> = all.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(shown), inner);
    super::scroll_marks(frame, rect, scroll, total, height, theme);
    app.geometry.help_scroll = scroll;
    app.geometry.help_page = height.saturating_sub(1).max(1);
}

/// The overlay's title: how to scroll it and close it, with the keys in force.
fn title(keymap: &Keymap) -> String {
    let key = |a: Action| keymap.key_for(Context::Help, a);
    let scroll = [
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::Top,
        Action::Bottom,
    ]
    .map(key)
    .join(" ");
    let close: Vec<&str> = (keymap.bindings(Context::Help))
        .filter(|b| b.action == Action::ToggleHelp)
        .flat_map(|b| b.label.split(' '))
        .collect();
    format!(" Help · {scroll} scroll · {} close ", close.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_syntax_example_is_a_valid_query() {
        for (example, _) in SYNTAX {
            assert!(
                crate::search::Query::parse(example).is_ok(),
                "{example} does not parse"
            );
        }
    }

    #[test]
    fn help_lists_every_binding_the_options_and_the_syntax() {
        let text: String = lines(&Keymap::default(), 90, &Theme::plain())
            .iter()
            .map(|l| l.to_string() + "\n")
            .collect();
        for b in crate::app::keymap::BINDINGS {
            assert!(text.contains(b.help), "{} is missing", b.help);
        }
        assert!(text.contains("1 2 3 4 5 6"), "the panes' keys on one line");
        assert_eq!(
            title(&Keymap::default()),
            " Help · j k PgDn PgUp g G scroll · Esc ? q close "
        );
        for needle in [
            "--theme",
            "--mouse",
            "--data FILE",
            "kind:event",
            "year:2015",
            "member:",
        ] {
            assert!(text.contains(needle), "{needle} is missing");
        }
    }
}
