//! The entity pane's page: every line of the card for the width it has,
//! built before drawing so that the pane knows its length and where each
//! selectable row is; a related entity's row is only a place until drawn.

use ratatui::text::{Line, Span};

use super::super::{Theme, fit};
use crate::app::notes::NoteState;
use crate::app::{App, Related};
use crate::model::{Certainty, Dataset, Entity};
use crate::text::{clean, width, wrap};

/// The pane's lines, and which line shows which related row.
pub(super) struct Page {
    pub(super) lines: Vec<PageLine>,
    /// The lines built already, by [`PageLine::Drawn`]'s number.
    pub(super) drawn: Vec<Line<'static>>,
    /// The lines of each of the user's notes: (first, end).
    pub(super) notes: Vec<(usize, usize)>,
}

/// A line of the pane, in 8 bytes: a place can have thousands of related
/// entities and only a screenful is seen, so their rows are drawn only when
/// in view, and the page built for every frame stays small.
#[derive(Clone, Copy)]
pub(super) enum PageLine {
    /// The line at this index of [`Page::drawn`].
    Drawn(u32),
    /// The related entity at this index of [`App::related_of`].
    Related(u32),
}

impl Page {
    fn push(&mut self, line: Line<'static>) {
        self.lines.push(PageLine::Drawn(self.drawn.len() as u32));
        self.drawn.push(line);
    }

    /// The related rows among the lines `from..to`: (line index, related index).
    pub(super) fn related_rows(
        &self,
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = (usize, usize)> + '_ {
        let lines = self
            .lines
            .get(from..to.min(self.lines.len()))
            .unwrap_or(&[]);
        (lines.iter().enumerate()).filter_map(move |(l, line)| match line {
            PageLine::Related(r) => Some((from + l, *r as usize)),
            PageLine::Drawn(_) => None,
        })
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

/// The pane's lines for entity `e`: its head, the user's notes, facts, the
/// related rows (built only when drawn), what is inferred, the dataset's
/// notes and the sources.
pub(super) fn build(app: &App, e: usize, related: &[Related], w: usize, theme: &Theme) -> Page {
    let mut page = Page {
        lines: Vec::new(),
        drawn: Vec::new(),
        notes: Vec::new(),
    };
    about(&mut page, app, e, w, theme);
    my_notes(&mut page, app, e, w, theme);
    facts(&mut page, &app.ds, app.ds.entity(e), w, theme);
    related_rows(&mut page, &app.ds, related, w, theme);
    remarks(&mut page, app.ds.entity(e), w, theme);
    cited(&mut page, &app.ds, app.ds.entity(e), w, theme);
    page
}

/// The head line, aliases, dates, places, tags and the description.
fn about(page: &mut Page, app: &App, e: usize, w: usize, theme: &Theme) {
    let ds = &app.ds;
    let entity = ds.entity(e);
    page.push(head(entity, app.is_pinned(e), w, theme));
    if !entity.aliases.is_empty() {
        let aliases = marked(&entity.aliases, |a| entity.alias_inferred(a));
        labelled(page, "also", &aliases, w, theme);
    }
    for d in &entity.dates {
        let note = (d.note.as_ref())
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        labelled(page, &d.label, &format!("{}{note}", d.when), w, theme);
    }
    let places: Vec<String> = (ds.places_of(e).iter())
        .map(|&p| ds.entity(p).name.to_string())
        .collect();
    if !places.is_empty() {
        labelled(page, "in", &places.join(", "), w, theme);
    }
    if !entity.tags.is_empty() {
        let tags = marked(&entity.tags, |t| entity.tag_inferred(t));
        labelled(page, "tags", &tags, w, theme);
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
}

fn facts(page: &mut Page, ds: &Dataset, entity: &Entity, w: usize, theme: &Theme) {
    if !entity.facts.is_empty() {
        page.push(Line::default());
        page.push(Line::styled("Facts", theme.heading));
        for f in &entity.facts {
            let mut q = fact_date(f).map(|d| format!(" ({d})")).unwrap_or_default();
            if f.certainty == Certainty::Inferred {
                q.push_str(" (inferred)");
            }
            let text = format!("{}{q}{}", f.value, sources(ds, &f.sources));
            labelled(page, &format!("  {}", f.label), &text, w, theme);
        }
    }
}

/// A place for each related entity under its label, with the relation's note.
fn related_rows(page: &mut Page, ds: &Dataset, related: &[Related], w: usize, theme: &Theme) {
    let mut last = "";
    for (i, r) in related.iter().enumerate() {
        if r.label != last {
            page.push(Line::default());
            page.push(Line::styled(r.label.to_string(), theme.heading));
            last = r.label;
        }
        page.lines.push(PageLine::Related(i as u32));
        if let Some(note) = (r.noted).then(|| ds.relations[r.relation].note()).flatten() {
            for part in wrap(&clean(note), w.saturating_sub(9).max(8)) {
                page.push(Line::styled(format!("         {part}"), theme.inferred));
            }
        }
    }
}

/// What is inferred and why, and the dataset's notes.
fn remarks(page: &mut Page, entity: &Entity, w: usize, theme: &Theme) {
    if !entity.inferred.is_empty() {
        page.push(Line::default());
        page.push(Line::styled("Inferred", theme.heading));
        for p in &entity.inferred {
            labelled(page, &format!("  {}", p.part.label()), &p.why, w, theme);
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
}

/// The entity's sources, by number.
fn cited(page: &mut Page, ds: &Dataset, entity: &Entity, w: usize, theme: &Theme) {
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
}

/// The row of one related entity: its kind, name, role and period.
pub(super) fn related_row(ds: &Dataset, r: &Related, w: usize, theme: &Theme) -> Line<'static> {
    let other = ds.entity(r.other);
    let rel = &ds.relations[r.relation];
    let mut extra: Vec<String> = Vec::new();
    extra.extend(rel.role().map(|x| format!("as {x}")));
    extra.extend(rel.period().map(|p| p.to_string()));
    let badge = format!("  {:<9}", super::super::list::short_kind(other.kind));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A card with thousands of related rows is built for every frame: its
    /// lines must stay small (they were 64 bytes each, and a place's card
    /// faulted in half a megabyte of fresh memory per frame).
    #[test]
    fn a_page_line_takes_eight_bytes() {
        assert!(std::mem::size_of::<PageLine>() <= 8);
    }
}
