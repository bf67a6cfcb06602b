//! The entity pane: header (kind, name, aliases, dates, places, tags), the
//! description, the user's own notes ("My notes", newest first, each a
//! selectable row), facts, relations grouped by label in both directions
//! (each related entity a selectable row), the dataset's notes, and the
//! sources at the bottom.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{Theme, fit};
use crate::app::notes::NoteState;
use crate::app::{App, Focus, Mode, Related};
use crate::model::{Certainty, Dataset, Entity};
use crate::text::{clean, width, wrap};

/// The pane's lines, and which line shows which related row.
struct Page {
    lines: Vec<Row>,
    /// (line index, related index)
    related: Vec<(usize, usize)>,
    /// The lines of each of the user's notes: (first, end).
    notes: Vec<(usize, usize)>,
}

/// A line of the pane. A place can have thousands of related entities and
/// only a screenful is seen: their rows are drawn only when they are in view.
enum Row {
    Drawn(Line<'static>),
    /// The related entity at this index of [`App::related_of`].
    Related(usize),
}

impl Page {
    fn push(&mut self, line: Line<'static>) {
        self.lines.push(Row::Drawn(line));
    }
}

/// `label: text`, wrapped with a hanging indent (deeper for short labels).
fn labelled(page: &mut Page, label: &str, text: &str, w: usize, theme: &Theme) {
    let lead = format!("{label}: ");
    let indent = width(&lead).min(8);
    let text = clean(text);
    let first = wrap(&text, w.saturating_sub(width(&lead)).max(8));
    let head = first.first().cloned().unwrap_or_default();
    let rest: String = text.chars().skip(head.chars().count()).collect();
    page.push(Line::from(vec![
        Span::styled(lead, theme.dim),
        Span::raw(head),
    ]));
    if !rest.trim().is_empty() {
        for part in wrap(rest.trim(), w.saturating_sub(indent).max(8)) {
            page.push(Line::from(format!("{}{part}", " ".repeat(indent))));
        }
    }
}

/// A fact's date, unless its value already says it ("since: January 2012").
pub fn fact_date(f: &crate::model::Fact) -> Option<String> {
    f.when
        .map(|d| d.to_string())
        .filter(|d| !f.value.contains(d.as_str()))
}

fn sources(ds: &Dataset, s: &[usize]) -> String {
    if s.is_empty() {
        return String::new();
    }
    let ids: Vec<&str> = s.iter().map(|&i| ds.sources[i].id.as_str()).collect();
    format!(" [{}]", ids.join(", "))
}

/// The first line: kind and name, each followed by a mark when the sources
/// only imply it.
fn head(entity: &Entity, pinned: bool, w: usize, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::styled(
        format!("{} ", entity.kind_label()),
        theme.kind(entity.kind),
    )];
    if entity.kind_inferred() {
        spans.push(Span::styled("(inferred) ", theme.inferred));
    }
    let whole = entity.certainty == Certainty::Inferred;
    let mark = if whole { " (inferred)" } else { "" };
    let pin = if pinned { "  pinned" } else { "" };
    let used: usize =
        spans.iter().map(|s| width(&s.content)).sum::<usize>() + width(mark) + width(pin);
    spans.push(Span::styled(
        fit(&entity.name, w.saturating_sub(used)),
        theme.title,
    ));
    spans.push(Span::styled(mark, theme.inferred));
    spans.push(Span::styled(pin, theme.heading));
    Line::from(spans)
}

/// The user's notes on the entity, newest first: the time, then the text,
/// later lines under the first; a note still being saved, or not saved, says so.
fn my_notes(page: &mut Page, app: &App, e: usize, w: usize, theme: &Theme) {
    let notes = app.card_notes(e);
    if notes.is_empty() {
        return;
    }
    page.push(Line::default());
    page.push(Line::styled("My notes", theme.heading));
    for n in notes {
        let first = page.lines.len();
        let lead = format!("  {}  ", app.memory.local(n.written));
        let indent = width(&lead);
        let text = crate::text::clean_multiline(n.text.trim_end());
        let parts = wrap(&text, w.saturating_sub(indent).max(8));
        for (i, part) in parts.into_iter().enumerate() {
            let mut spans = match i {
                0 => vec![Span::styled(lead.clone(), theme.dim), Span::raw(part)],
                _ => vec![Span::raw(format!("{}{part}", " ".repeat(indent)))],
            };
            if i == 0 {
                let mark = match &n.state {
                    NoteState::Saving => " (saving…)",
                    _ if n.edited.is_some() => " (edited)",
                    _ => "",
                };
                spans.push(Span::styled(mark, theme.dim));
            }
            page.push(Line::from(spans));
        }
        if let NoteState::Failed(why) = &n.state {
            let text = format!("not saved: {why}");
            for part in wrap(&clean(&text), w.saturating_sub(indent).max(8)) {
                page.push(Line::styled(
                    format!("{}{part}", " ".repeat(indent)),
                    theme.error,
                ));
            }
        }
        page.notes.push((first, page.lines.len()));
    }
}

/// Aliases or tags joined, the inferred ones marked.
fn marked(items: &[String], inferred: impl Fn(&str) -> bool) -> String {
    let shown: Vec<String> = items
        .iter()
        .map(|x| {
            if inferred(x) {
                format!("{x} (inferred)")
            } else {
                x.clone()
            }
        })
        .collect();
    shown.join(", ")
}

fn build(app: &App, e: usize, related: &[Related], w: usize, theme: &Theme) -> Page {
    let ds = &app.ds;
    let entity = ds.entity(e);
    let mut page = Page {
        lines: Vec::new(),
        related: Vec::new(),
        notes: Vec::new(),
    };
    page.push(head(entity, app.is_pinned(e), w, theme));
    if !entity.aliases.is_empty() {
        let aliases = marked(&entity.aliases, |a| entity.alias_inferred(a));
        labelled(&mut page, "also", &aliases, w, theme);
    }
    for d in &entity.dates {
        let note = d
            .note
            .as_ref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        labelled(&mut page, &d.label, &format!("{}{note}", d.when), w, theme);
    }
    let places: Vec<String> = ds
        .places_of(e)
        .iter()
        .map(|&p| ds.entity(p).name.clone())
        .collect();
    if !places.is_empty() {
        labelled(&mut page, "in", &places.join(", "), w, theme);
    }
    if !entity.tags.is_empty() {
        let tags = marked(&entity.tags, |t| entity.tag_inferred(t));
        labelled(&mut page, "tags", &tags, w, theme);
    }
    if !entity.description.is_empty() {
        page.push(Line::default());
        let mark = if entity.description_inferred() {
            " (inferred)"
        } else {
            ""
        };
        for part in wrap(&format!("{}{mark}", clean(&entity.description)), w) {
            page.push(Line::from(part));
        }
    }
    my_notes(&mut page, app, e, w, theme);
    if !entity.facts.is_empty() {
        page.push(Line::default());
        page.push(Line::styled("Facts", theme.heading));
        for f in &entity.facts {
            let mut q = fact_date(f).map(|d| format!(" ({d})")).unwrap_or_default();
            if f.certainty == Certainty::Inferred {
                q.push_str(" (inferred)");
            }
            let text = format!("{}{q}{}", f.value, sources(ds, &f.sources));
            labelled(&mut page, &format!("  {}", f.label), &text, w, theme);
        }
    }
    let mut last = "";
    for (i, r) in related.iter().enumerate() {
        if r.label != last {
            page.push(Line::default());
            page.push(Line::styled(r.label.to_string(), theme.heading));
            last = r.label;
        }
        page.related.push((page.lines.len(), i));
        page.lines.push(Row::Related(i));
        if let Some(note) = ds.relations[r.relation].note() {
            for part in wrap(&clean(note), w.saturating_sub(9).max(8)) {
                page.push(Line::styled(format!("         {part}"), theme.inferred));
            }
        }
    }
    if !entity.inferred.is_empty() {
        page.push(Line::default());
        page.push(Line::styled("Inferred", theme.heading));
        for p in &entity.inferred {
            labelled(
                &mut page,
                &format!("  {}", p.part.label()),
                &p.why,
                w,
                theme,
            );
        }
    }
    if !entity.notes.is_empty() {
        page.push(Line::default());
        page.push(Line::styled("Notes", theme.heading));
        for n in &entity.notes {
            for (i, part) in wrap(&clean(n), w.saturating_sub(4).max(8))
                .into_iter()
                .enumerate()
            {
                page.push(Line::from(format!(
                    "{} {part}",
                    if i == 0 { "  -" } else { "   " }
                )));
            }
        }
    }
    page.push(Line::default());
    page.push(Line::styled("Sources", theme.heading));
    let mut cited = entity.sources.clone();
    cited.sort_unstable();
    for s in cited {
        let s = &ds.sources[s];
        let text = if s.publisher.is_empty() {
            format!("[{}] {}", s.id, s.title)
        } else {
            format!("[{}] {} — {}", s.id, s.title, s.publisher)
        };
        for part in wrap(&clean(&text), w.saturating_sub(2).max(8)) {
            page.push(Line::styled(format!("  {part}"), theme.dim));
        }
    }
    page
}

/// The row of one related entity: its kind, name, role and period.
fn related_row(ds: &Dataset, r: &Related, w: usize, theme: &Theme) -> Line<'static> {
    let other = ds.entity(r.other);
    let rel = &ds.relations[r.relation];
    let mut extra: Vec<String> = Vec::new();
    extra.extend(rel.role().map(|x| format!("as {x}")));
    extra.extend(rel.period().map(|p| p.to_string()));
    let badge = format!("  {:<9}", super::list::short_kind(other.kind));
    let mut spans = vec![Span::styled(badge.clone(), theme.kind(other.kind))];
    let tail = if extra.is_empty() {
        String::new()
    } else {
        format!("  {}", extra.join(", "))
    };
    let name = fit(
        &other.name,
        w.saturating_sub(width(&badge) + width(&tail)).max(4),
    );
    spans.push(Span::raw(name));
    spans.push(Span::styled(clean(&tail).into_owned(), theme.dim));
    if rel.certainty == Certainty::Inferred {
        spans.push(Span::styled(" (inferred)", theme.inferred));
    }
    Line::from(spans)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, theme: &Theme) {
    // Behind the note editor and its questions, the card keeps its place.
    let focused =
        matches!(app.mode, Mode::Browse | Mode::Note | Mode::Confirm) && app.focus == Focus::Entity;
    let shown = app.shown_entity();
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        });
    // The name stays in the border when the header scrolls away.
    if let Some(e) = shown {
        let name = fit(
            &app.ds.entity(e).name,
            usize::from(area.width).saturating_sub(4),
        );
        block = block.title(Span::styled(format!(" {name} "), theme.title));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    app.geometry.entity = inner;
    let Some(e) = shown else {
        let msg = if app.mode == Mode::Search {
            "No entity matches."
        } else {
            "Nothing to show."
        };
        frame.render_widget(Paragraph::new(Line::styled(msg, theme.dim)), inner);
        return;
    };
    let w = usize::from(inner.width);
    let related = app.related_of(e);
    let page = build(app, e, &related, w, theme);
    let height = usize::from(inner.height);
    let total = page.lines.len();
    let max_scroll = total.saturating_sub(height);
    let mut scroll = if focused {
        app.geometry.entity_scroll.min(max_scroll)
    } else {
        0
    };
    // The selection is on a note of the user's, or on a related row.
    let note = app.note_selected.and_then(|i| page.notes.get(i).copied());
    let selected_line = match (app.note_selected, note) {
        (Some(_), Some((first, _))) => Some(first),
        (Some(_), None) => None,
        (None, _) => (page.related.iter())
            .find(|(_, r)| *r == app.related_selected)
            .map(|(l, _)| *l),
    };
    let selected_lines = match note {
        Some((first, end)) => first..end,
        None => selected_line.map_or(0..0, |l| l..l + 1),
    };
    if let (true, true, Some(l)) = (focused, app.card_follow, selected_line) {
        scroll = super::list::scrolled(scroll, l, height);
        // A group's first row brings its label into view too.
        if scroll == l && l > 0 && height > 1 {
            scroll = l - 1;
        }
    }
    let selection = if app.related_picked {
        theme.selected
    } else {
        theme.selected_idle
    };
    let visible: Vec<Line> = (page.lines.into_iter().enumerate())
        .skip(scroll)
        .take(height)
        .map(|(l, row)| {
            let line = match row {
                Row::Drawn(line) => line,
                Row::Related(i) => related_row(&app.ds, &related[i], w, theme),
            };
            match focused && selected_lines.contains(&l) {
                true => line.style(selection),
                false => line,
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(visible), inner);
    super::scroll_marks(frame, area, scroll, total, height, theme);
    if focused {
        app.geometry.entity_scroll = scroll;
    }
    app.geometry.related_rows = page
        .related
        .iter()
        .filter(|(l, _)| *l >= scroll && *l < scroll + height)
        .map(|&(l, r)| (inner.y + (l - scroll) as u16, r))
        .collect();
    if let (true, Some(l)) = (focused, selected_line)
        && l >= scroll
        && l < scroll + height
    {
        frame.set_cursor_position((inner.x, inner.y + (l - scroll) as u16));
    }
}
