//! The note editor, a box over the panes: the entity's name, the text with
//! its cursor (wrapped, scrolled to keep the cursor in view), and a last line
//! with the keys in force, or the question after Esc; and the question before
//! a note is deleted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{Theme, fit};
use crate::app::notes::{NoteKey, Question};
use crate::app::{Action, App, Context};
use crate::text::{clean, wrap};

pub fn draw(frame: &mut Frame, body: Rect, app: &mut App, theme: &Theme) {
    match app.question.clone() {
        Some(Question::Delete(key)) => delete(frame, body, app, &key, theme),
        _ if app.note.is_some() => editor(frame, body, app, theme),
        _ => {}
    }
}

/// A box of at most `w` × `h` cells in the middle of `area`.
fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn boxed<'a>(title: String, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(title, theme.title))
}

/// The answers to the question in force, from the keymap: "⏎ y save · Esc n
/// discard".
fn answers(app: &App, yes: &str, no: &str, theme: &Theme) -> Vec<Span<'static>> {
    let label = |a: Action| {
        (app.keymap.bindings(Context::Confirm))
            .find(|b| b.action == a)
            .map_or_else(|| "?".to_string(), |b| b.label.clone())
    };
    vec![
        Span::styled(format!(" {} ", label(Action::Yes)), theme.key),
        Span::styled(format!("{yes} · "), theme.status),
        Span::styled(format!("{} ", label(Action::No)), theme.key),
        Span::styled(no.to_string(), theme.status),
    ]
}

fn editor(frame: &mut Frame, body: Rect, app: &mut App, theme: &Theme) {
    let Some(note) = &app.note else { return };
    let area = centred(body, body.width.saturating_sub(4).clamp(20, 80), 16);
    frame.render_widget(Clear, area);
    let what = if note.editing.is_some() {
        "Editing a note on"
    } else {
        "Note on"
    };
    let name = clean(&note.entity.name).into_owned();
    let title = format!(
        " {what} {} ",
        fit(
            &name,
            usize::from(area.width).saturating_sub(what.len() + 6)
        )
    );
    let block = boxed(title, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width < 2 {
        return;
    }
    let text_h = usize::from(inner.height.saturating_sub(1)).max(1);
    let (rows, (row, col)) = note.editor.rows(usize::from(inner.width));
    let scroll = super::list::scrolled(app.geometry.note_scroll, row, text_h);
    let lines: Vec<Line> = (rows.iter().skip(scroll).take(text_h))
        .map(|r| Line::raw(clean(&r.text).into_owned()))
        .collect();
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: text_h as u16,
            ..inner
        },
    );
    let last = match (&app.question, note.editor.notice()) {
        (Some(Question::Quit), _) => {
            let mut s = vec![Span::styled("Quitting: save this note first?", theme.title)];
            s.extend(answers(app, "save and quit", "discard it and quit", theme));
            Line::from(s)
        }
        (Some(_), _) => {
            let mut s = vec![Span::styled("Save this note?", theme.title)];
            s.extend(answers(app, "save", "discard it", theme));
            s.push(Span::styled(" · other keys: back to it", theme.dim));
            Line::from(s)
        }
        (None, Some(cut)) => Line::styled(cut, theme.error),
        (None, None) => {
            let hints = app.keymap.hints(Context::Note);
            let spans = hints.into_iter().flat_map(|(k, h)| {
                [
                    Span::styled(format!("{k} "), theme.key),
                    Span::styled(format!("{h}  "), theme.dim),
                ]
            });
            Line::from(spans.collect::<Vec<_>>())
        }
    };
    if inner.height > 1 {
        let y = inner.bottom() - 1;
        frame.render_widget(
            Paragraph::new(last),
            Rect {
                y,
                height: 1,
                ..inner
            },
        );
    }
    app.geometry.note_scroll = scroll;
    if app.question.is_none() {
        let x = inner.x + (col as u16).min(inner.width - 1);
        frame.set_cursor_position((x, inner.y + (row - scroll) as u16));
    }
}

fn delete(frame: &mut Frame, body: Rect, app: &App, key: &NoteKey, theme: &Theme) {
    let text = (app.open_entity())
        .map(|e| app.card_notes(e))
        .and_then(|notes| notes.into_iter().find(|n| &n.key == key))
        .map(|n| n.text)
        .unwrap_or_default();
    let w = body.width.saturating_sub(4).clamp(20, 64);
    let inner_w = usize::from(w.saturating_sub(2));
    let mut lines: Vec<Line> = wrap(&crate::text::clean_multiline(&text), inner_w)
        .into_iter()
        .take(4)
        .map(|l| Line::styled(clean(&l).into_owned(), theme.dim))
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(answers(app, "delete it", "keep it", theme)));
    // Over the card, whose note it is, when the card is on screen.
    let over = match app.geometry.entity {
        r if r.width >= w && r.height >= 5 => r,
        _ => body,
    };
    let area = centred(over, w, lines.len() as u16 + 2);
    frame.render_widget(Clear, area);
    let block = boxed(" Delete this note? ".to_string(), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines), inner);
}
