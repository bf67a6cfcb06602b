//! The answer rows above the search hits: "MAGIA › coordinated by › BioPmed",
//! the entity Enter opens in the title style, the name asked about shortened
//! to an alias when the row is narrow (the same on every row).

use ratatui::text::{Line, Span};

use super::Theme;
use crate::app::answers::AnswerRow;
use crate::app::{App, SearchState};
use crate::text::{clean, truncate, width};

/// "2 answers · " before the match count, when a question was answered.
pub fn count(s: &SearchState) -> String {
    match s.answers.len() {
        0 => String::new(),
        1 => "1 answer · ".to_string(),
        n => format!("{n} answers · "),
    }
}

const BADGE: &str = "answer   ";
const SEP: &str = " › ";

/// A row's texts and the widths they get.
struct Layout {
    label: String,
    what: String,
    asked_w: usize,
    label_w: usize,
    what_w: usize,
}

/// Within `w` cells. A relation row shows first what it points to, then its
/// label, and the name asked about gives way down to a few letters. A fact
/// or date row shows the name asked about as the relation rows do (`asked`),
/// then its label, and its value gets the rest.
fn layout(app: &App, a: &AnswerRow, w: usize, asked: Option<&str>) -> Layout {
    let what = match (a.target, &a.value) {
        (Some(t), _) => clean(&app.ds.entity(t).name).into_owned(),
        (None, Some(v)) => clean(v).into_owned(),
        (None, None) => String::new(),
    };
    let label = clean(&a.label).into_owned();
    let room = w.saturating_sub(width(BADGE) + 2 * width(SEP));
    let keep = 8;
    let (asked_w, label_w, what_w) = match (a.target, asked) {
        (None, Some(asked)) => {
            let asked_w = width(asked).min(room.saturating_sub(keep));
            let label_w = width(&label).min(room.saturating_sub(asked_w + keep));
            (asked_w, label_w, room.saturating_sub(asked_w + label_w))
        }
        _ => {
            let what_w = width(&what).min(room.saturating_sub(keep));
            let label_w = width(&label).min(room.saturating_sub(keep + what_w));
            (room.saturating_sub(label_w + what_w), label_w, what_w)
        }
    };
    Layout {
        label,
        what,
        asked_w,
        label_w,
        what_w,
    }
}

/// The answer rows in view: `(offset, height)` of the list, rows counted
/// over the answers and then the hits.
pub fn rows(
    app: &App,
    w: usize,
    theme: &Theme,
    (offset, height): (usize, usize),
) -> Vec<Line<'static>> {
    let s = &app.search;
    // One spelling of the name asked about on every row: what the narrowest
    // relation row has room for.
    let relations = s.answers.iter().filter(|a| a.target.is_some());
    let room = (relations.map(|a| layout(app, a, w, None).asked_w).min())
        .unwrap_or_else(|| w.saturating_sub(width(BADGE) + 2 * width(SEP)) / 3);
    let mut lines = Vec::new();
    for (n, a) in s.answers.iter().enumerate().skip(offset).take(height) {
        let asked = short_name(app, a.entity, room);
        let l = layout(app, a, w, Some(&asked));
        let parts = [
            (BADGE.to_string(), theme.key),
            (truncate(&asked, l.asked_w).into_owned(), theme.base),
            (SEP.to_string(), theme.dim),
            (truncate(&l.label, l.label_w).into_owned(), theme.dim),
            (SEP.to_string(), theme.dim),
            // A gap is said quietly: it is no entity to open.
            (
                truncate(&l.what, l.what_w).into_owned(),
                if a.gap { theme.dim } else { theme.title },
            ),
        ];
        let mut left = w;
        let mut spans = Vec::new();
        for (text, style) in parts {
            let shown = truncate(&text, left).into_owned();
            left = left.saturating_sub(width(&shown));
            spans.push(Span::styled(shown, style));
        }
        let style = if n == s.selected {
            theme.selected
        } else {
            theme.base
        };
        lines.push(Line::from(spans).style(style));
    }
    lines
}

/// An entity's name, or its shortest alias when only that fits ("MAGIA" for
/// "Medtech Alliance for Global Internationalisation (MAGIA)").
fn short_name(app: &App, e: usize, room: usize) -> String {
    let entity = app.ds.entity(e);
    let name = clean(&entity.name).into_owned();
    if width(&name) <= room {
        return name;
    }
    let alias = (entity.aliases.iter())
        .map(|a| clean(a).into_owned())
        .filter(|a| width(a) <= room && a.chars().count() >= 2)
        .min_by_key(|a| width(a));
    alias.unwrap_or(name)
}
