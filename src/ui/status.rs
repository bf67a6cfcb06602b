//! The top tab bar, the diagnostics banner, and the bottom status bar with the
//! breadcrumb trail and the hints of the current context (from the keymap).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::{Action, App, Context, Tab};
use crate::text::{clean, clean_multiline, truncate, width};

/// The tab bar: each pane's key, title and count, narrowed to fit (the
/// program's name goes first, then the counts of the other panes).
pub fn tabs(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let board = app.board_active();
    let w = usize::from(area.width);
    let label = |t: Tab, count: bool| match count {
        true => format!(
            " {} {} {} ",
            t.spec().key,
            t.title(),
            app.rows[t.index()].len()
        ),
        false => format!(" {} {} ", t.spec().key, t.title()),
    };
    let fits = |name: bool, counts: bool| {
        let n: usize = Tab::all()
            .map(|t| width(&label(t, counts || t == app.tab)))
            .sum();
        n + if name { 12 } else { 0 } <= w
    };
    let (name, counts) = [(true, true), (false, true), (false, false)]
        .into_iter()
        .find(|&(n, c)| fits(n, c))
        .unwrap_or((false, false));
    let mut spans = Vec::new();
    if name {
        spans.push(Span::styled(" clusterdex ", theme.title));
    }
    for t in Tab::all() {
        let style = if t == app.tab {
            theme.tab_active
        } else if board && !t.spec().board {
            theme.dim
        } else {
            theme.tab
        };
        spans.push(Span::styled(label(t, counts || t == app.tab), style));
    }
    let mut right = String::from(if board { "board" } else { "tabs" });
    if app.zoom {
        right.push_str(" · zoom");
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    if used + width(&right) + 3 <= w {
        spans.push(Span::raw(" ".repeat(w - used - width(&right) - 1)));
        spans.push(Span::styled(right, theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The banner's lines, one per thing the user must know: the dataset's
/// problems (or the failed reload), the config's, and what went wrong with
/// the user's own files.
pub fn banner_lines(app: &App) -> Vec<String> {
    let list = app.keymap.key_for(Context::Global, Action::ShowProblems);
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let mut out = Vec::new();
    if let Some(e) = &app.reload_error {
        out.push(format!(
            " reload failed ({list} for details), showing the last good data: {} ",
            e.lines().next().unwrap_or("")
        ));
    } else if !app.diagnostics.is_empty() {
        let n = app.diagnostics.len();
        let first = app
            .diagnostics
            .first()
            .map(|d| d.render(""))
            .unwrap_or_default();
        let first = first.lines().next().unwrap_or("");
        let first = first.trim_start_matches(':').trim();
        out.push(format!(
            " {n} problem{} in the dataset ({list} lists them): {first} ",
            plural(n)
        ));
    }
    let n = app.config_problems.len();
    if n > 0 {
        let file = std::path::Path::new(&app.config_name)
            .file_name()
            .map_or_else(
                || app.config_name.clone(),
                |f| f.to_string_lossy().into_owned(),
            );
        out.push(format!(
            " {file} has {n} problem{}: the defaults are used ({list} lists them; clusterdex config check) ",
            plural(n)
        ));
    }
    let problems = &app.memory.problems;
    if let Some(last) = problems.last() {
        let more = match problems.len() {
            1 => format!("{list} for details"),
            n => format!("{} more, {list} lists them", n - 1),
        };
        out.push(format!(" your files: {} ({more}) ", last.brief));
    }
    out
}

pub fn banner(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lines: Vec<Line> = banner_lines(app)
        .iter()
        .map(|text| {
            Line::styled(
                truncate(&clean(text), usize::from(area.width)).into_owned(),
                theme.banner,
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).style(theme.banner), area);
}

/// The hints of the current context as spans: full labels when they fit
/// beside `keep` cells, else the first key and word of each, dropping the
/// first ones when even that is too wide (help and quit come last and stay).
fn hint_spans(app: &App, w: usize, keep: usize, theme: &Theme) -> Vec<Span<'static>> {
    let hints = app.keymap.hints(app.context());
    let full: Vec<(String, String)> = hints
        .iter()
        .map(|(k, h)| (k.to_string(), h.to_string()))
        .collect();
    let short: Vec<(String, String)> = hints
        .iter()
        .map(|(k, h)| {
            let key = k.split(' ').next().unwrap_or(k).to_string();
            let word = h.split(' ').next().unwrap_or(h).trim_end_matches(':');
            (key, word.to_string())
        })
        .collect();
    let size =
        |v: &[(String, String)]| -> usize { v.iter().map(|(k, h)| width(k) + width(h) + 3).sum() };
    let mut chosen = if size(&full) + keep <= w { full } else { short };
    while !chosen.is_empty() && size(&chosen) + keep.min(8) > w {
        chosen.remove(0);
    }
    let mut spans = Vec::new();
    for (key, help) in chosen {
        spans.push(Span::styled(format!(" {key}"), theme.key));
        spans.push(Span::styled(format!(" {help} "), theme.status));
    }
    spans
}

/// How many lines the status bar needs: one, or more for a message that
/// does not fit beside the hints (a message is never cut by them).
pub fn lines(app: &App, w: u16) -> u16 {
    let Some(flash) = &app.flash else { return 1 };
    let w = usize::from(w);
    let hints: usize = (app.keymap.hints(app.context()))
        .iter()
        .map(|(k, h)| {
            width(k.split(' ').next().unwrap_or(k)) + width(h.split(' ').next().unwrap_or(h)) + 3
        })
        .sum();
    if !flash.contains('\n') && width(flash) + hints < w {
        return 1;
    }
    (crate::text::wrap(&clean_multiline(flash), w).len() + 1).min(3) as u16
}

/// The bottom bar: the message or the trail on the left, the hints on the
/// right; a long message takes the lines above.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = usize::from(area.width);
    let mut last = area;
    let mut left = trail(app);
    let mut keep = width(&left).min(30);
    if let Some(flash) = &app.flash {
        let text = clean_multiline(flash).into_owned();
        if area.height > 1 {
            let above = area.height - 1;
            let lines: Vec<Line> = crate::text::wrap(&text, w)
                .into_iter()
                .take(usize::from(above))
                .map(|l| Line::styled(l, theme.status))
                .collect();
            frame.render_widget(
                Paragraph::new(lines),
                Rect {
                    height: above,
                    ..area
                },
            );
            last = Rect {
                y: area.bottom() - 1,
                height: 1,
                ..area
            };
        } else {
            left = text.replace('\n', " ");
            keep = width(&left);
        }
    }
    let right = hint_spans(app, w, keep, theme);
    let right_w: usize = right.iter().map(|s| width(&s.content)).sum();
    let room = w.saturating_sub(right_w + 1);
    let left = if width(&left) > room {
        // Keep the end of the trail: where the user is now matters most.
        let tail: String = left.chars().rev().collect();
        let cut: String = truncate(&tail, room.saturating_sub(1))
            .chars()
            .rev()
            .collect();
        format!("…{}", cut.trim_start_matches('…'))
    } else {
        left
    };
    let gap = w.saturating_sub(width(&left) + right_w);
    let mut spans = vec![Span::styled(left, theme.status), Span::raw(" ".repeat(gap))];
    spans.extend(right);
    frame.render_widget(Paragraph::new(Line::from(spans)), last);
}

/// The trail of entities visited since the last change of tab or pane; on
/// the board before any visit, what the marks mean.
fn trail(app: &App) -> String {
    // On a note of the card: what can be done with it.
    if app.mode == crate::app::Mode::Browse
        && app.focus == crate::app::Focus::Entity
        && app.note_selected.is_some()
    {
        let key = |a| app.keymap.key_for(Context::Entity, a);
        return format!(
            "{} edit · {} delete",
            key(Action::EditNote),
            key(Action::DeleteNote)
        );
    }
    let crumbs = app.breadcrumb();
    if crumbs.is_empty()
        && app.mode == crate::app::Mode::Browse
        && let Some(a) = app.board.anchor
    {
        let name = clean(&app.ds.entity(a).name).into_owned();
        if app.board.cross.is_some() {
            return format!("only rows linked to {name}   = shows all");
        }
        if app.board_active() {
            return format!("• linked to {name}   = keeps only those");
        }
    }
    crumbs
        .iter()
        .map(|n| clean(n).into_owned())
        .collect::<Vec<_>>()
        .join(" › ")
}
