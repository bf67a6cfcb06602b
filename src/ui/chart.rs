//! The period chart as a widget, shared by the explorer (`t`, then `p`) and
//! `clusterdex timeline --chart`: a year axis with today's year marked, one
//! row per entity (its kind mark and name, then its bars and points), and the
//! rows whose dates have no year listed below as "dates unknown".

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::Theme;
use super::picture::kind_mark;
use crate::meeting::periods::{Body, Mark, PeriodChart, Scale, body_len, body_line};
use crate::model::Dataset;
use crate::text::{clean, truncate, width};

/// Rows above the body: the years, then the axis line.
pub const AXIS_ROWS: u16 = 2;

/// Today's column: the middle of its year, where a date of it would be drawn.
fn today_column(scale: &Scale, today: i32) -> u16 {
    let (a, b) = scale.span(today);
    a + (b - a - 1) / 2
}

/// The chart from body line `offset` on; `selected` over rows then undated.
pub struct ChartPicture<'a> {
    pub ds: &'a Dataset,
    pub chart: &'a PeriodChart,
    pub selected: Option<usize>,
    pub offset: usize,
    pub theme: &'a Theme,
}

/// The width of the names column for a chart `w` cells wide.
fn names_width(w: u16) -> u16 {
    (w / 4).clamp(12, 32).min(w / 2)
}

/// A row's cells over the chart area: a glyph and whether it is the caption.
struct Cells {
    glyphs: Vec<Option<&'static str>>,
}

impl Cells {
    fn set(&mut self, x: u16, g: &'static str) {
        if let Some(c) = self.glyphs.get_mut(usize::from(x)) {
            *c = Some(g);
        }
    }

    fn fill(&mut self, from: u16, to: u16, g: &'static str) {
        (from..to).for_each(|x| self.set(x, g));
    }

    /// Draws one mark; an open end runs dashed to the end of the axis.
    fn mark(&mut self, scale: &Scale, m: Mark) {
        let end = scale.width;
        match m {
            Mark::Point(y) => {
                let (a, b) = scale.span(y);
                self.set(a + (b - a - 1) / 2, "●");
            }
            Mark::Span(y0, y1) => {
                let (a, b) = (scale.span(y0).0, scale.span(y1).1);
                self.fill(a, b, "━");
                if b - a >= 2 {
                    self.set(a, "┣");
                    self.set(b - 1, "┫");
                }
            }
            Mark::Open(y) => {
                let (a, b) = scale.span(y);
                self.fill(a, b, "━");
                self.set(a, "┣");
                self.fill(b, end, "╌");
            }
            Mark::EndUnknown(y) => {
                let (a, b) = scale.span(y);
                self.fill(a, b, "━");
                self.set(a, "┣");
                self.set(b, "?");
            }
            Mark::StartUnknown(y) => {
                let (a, b) = scale.span(y);
                self.fill(a, b, "━");
                self.set(b - 1, "┫");
                self.set(a.saturating_sub(1), "?");
            }
        }
    }
}

impl ChartPicture<'_> {
    fn axis(&self, buf: &mut Buffer, x0: u16, y: u16, scale: &Scale) {
        let t = self.theme;
        let line = "─".repeat(usize::from(scale.width));
        buf.set_string(x0, y + 1, &line, t.dim);
        for (x, year) in scale.ticks() {
            let style = if year == self.chart.today {
                t.key
            } else {
                t.dim
            };
            buf.set_string(x0 + x, y + 1, "┴", t.dim);
            buf.set_string(x0 + x, y, year.to_string(), style);
        }
        buf.set_string(
            x0 + today_column(scale, self.chart.today),
            y + 1,
            "┃",
            t.key,
        );
    }

    fn row(&self, buf: &mut Buffer, area: Rect, y: u16, r: usize, scale: &Scale) {
        let t = self.theme;
        let row = &self.chart.rows[r];
        let nw = names_width(area.width);
        self.name(buf, area.x, y, nw, row.entity, self.selected == Some(r));
        let mut cells = Cells {
            glyphs: vec![None; usize::from(scale.width)],
        };
        row.marks.iter().for_each(|&m| cells.mark(scale, m));
        let x0 = area.x + nw + 1;
        let kind = t.kind(self.ds.entity(row.entity).kind);
        let today = today_column(scale, self.chart.today);
        for (x, g) in cells.glyphs.iter().enumerate() {
            let x = x as u16;
            match g {
                Some(g) => buf.set_string(x0 + x, y, *g, kind),
                None if x == today => buf.set_string(x0 + x, y, "┊", t.key),
                None => {}
            }
        }
        // The dates as text after the last mark, where they fit.
        let last = cells.glyphs.iter().rposition(Option::is_some).unwrap_or(0) as u16;
        let room = scale.width.saturating_sub(last + 3);
        let caption = crate::meeting::periods::caption(self.ds, row);
        let caption = clean(&caption);
        if width(&caption) <= usize::from(room) {
            buf.set_string(x0 + last + 2, y, caption, t.dim);
        }
    }

    fn name(&self, buf: &mut Buffer, x: u16, y: u16, w: u16, e: usize, selected: bool) {
        let entity = self.ds.entity(e);
        let t = self.theme;
        buf.set_string(x, y, kind_mark(entity.kind), t.kind(entity.kind));
        let room = usize::from(w.saturating_sub(2));
        let name = truncate(&clean(&entity.name), room).into_owned();
        let pad = " ".repeat(room.saturating_sub(width(&name)));
        let style = if selected {
            t.selected
        } else {
            Style::default()
        };
        buf.set_string(x + 2, y, format!("{name}{pad}"), style);
    }
}

impl Widget for ChartPicture<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 20 || area.height <= AXIS_ROWS {
            return;
        }
        let nw = names_width(area.width);
        let scale = Scale {
            first: self.chart.first,
            last: self.chart.last,
            width: area.width - nw - 1,
        };
        self.axis(buf, area.x + nw + 1, area.y, &scale);
        let rows = usize::from(area.height - AXIS_ROWS);
        let t = self.theme;
        let total = body_len(self.chart);
        if total == 0 {
            let y = area.y + AXIS_ROWS;
            buf.set_string(area.x, y, "Nothing in the dataset has a date.", t.dim);
        }
        for (i, line) in (self.offset..total.min(self.offset + rows)).enumerate() {
            let y = area.y + AXIS_ROWS + i as u16;
            match body_line(self.chart, line) {
                Body::Row(r) => self.row(buf, area, y, r, &scale),
                Body::Blank => {}
                Body::Heading => {
                    buf.set_string(area.x, y, "dates unknown", t.heading);
                }
                Body::Undated(u) => {
                    let entry = &self.chart.undated[u];
                    let sel = self.selected == Some(self.chart.rows.len() + u);
                    self.name(buf, area.x, y, nw, entry.entity, sel);
                    let room = usize::from(area.width - nw - 1);
                    let text = truncate(&clean(&entry.text), room).into_owned();
                    buf.set_string(area.x + nw + 1, y, text, t.dim);
                }
            }
        }
    }
}

/// What the glyphs mean, and today's year, on lines of `width` cells.
pub fn legend(chart: &PeriodChart, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let items = vec![
        Span::styled("┣━━┫ period", theme.dim),
        Span::styled("┣━╌╌ end not given", theme.dim),
        Span::styled("● single date", theme.dim),
        Span::styled(format!("┊ today ({})", chart.today), theme.key),
    ];
    super::picture::pack(items, width)
}
