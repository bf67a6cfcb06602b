//! The timeline's chart of periods (`t`, then `p`) across the main area: the
//! chart scrolled to keep the selected row in view, its legend, and the
//! selected row's dates in words.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::chart::{AXIS_ROWS, ChartPicture, legend};
use super::network::{fits, too_small};
use super::picture::kind_mark;
use super::{Theme, fit};
use crate::app::App;
use crate::meeting::periods::{PeriodChart, line_of};

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, theme: &Theme) {
    if !fits(frame) {
        return too_small(frame, area, "period chart", theme);
    }
    let Some(chart) = app.chart.chart.as_ref() else {
        return;
    };
    frame.render_widget(Clear, area);
    let title = format!(
        " Periods: {} dated, {} with dates unknown ",
        chart.rows.len(),
        chart.undated.len()
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(title, theme.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let legend: Vec<Line> = legend(chart, theme, usize::from(inner.width))
        .into_iter()
        .take(2)
        .collect();
    let pic = Rect {
        height: inner.height.saturating_sub(legend.len() as u16 + 1),
        ..inner
    };
    let body = usize::from(pic.height.saturating_sub(AXIS_ROWS));
    let sel = app.chart.selected;
    let offset = super::list::scrolled(app.chart.offset, line_of(chart, sel), body);
    let picture = ChartPicture {
        ds: &app.ds,
        chart,
        selected: Some(sel),
        offset,
        theme,
    };
    frame.render_widget(picture, pic);
    let line = line_of(chart, sel);
    if line >= offset && line - offset < body {
        frame.set_cursor_position((pic.x, pic.y + AXIS_ROWS + (line - offset) as u16));
    }
    let below = Rect {
        y: pic.y + pic.height,
        height: inner.height - pic.height,
        ..inner
    };
    let about = about(app, chart, sel, usize::from(inner.width), theme);
    let mut lines = legend;
    lines.push(about.unwrap_or_default());
    frame.render_widget(Paragraph::new(lines), below);
    app.chart.offset = offset;
    app.chart.body = Rect {
        y: pic.y + AXIS_ROWS,
        height: pic.height.saturating_sub(AXIS_ROWS),
        ..pic
    };
    app.geometry.page = body.max(1);
}

/// The selected row's entity and its dates in words, cut to `w` columns.
fn about(
    app: &App,
    chart: &PeriodChart,
    sel: usize,
    w: usize,
    theme: &Theme,
) -> Option<Line<'static>> {
    let entity = app.ds.entity(app.chart_entity()?);
    let dates = match chart.rows.get(sel) {
        Some(r) => crate::meeting::periods::caption(&app.ds, r),
        None => (chart.undated.get(sel - chart.rows.len()))
            .map(|u| u.text.clone())
            .unwrap_or_default(),
    };
    let head = format!("{} {}", kind_mark(entity.kind), entity.name);
    let head_w = crate::text::width(&head).min(w);
    Some(Line::from(vec![
        Span::styled(
            fit(&head, head_w),
            theme.kind(entity.kind).patch(theme.title),
        ),
        Span::raw(fit(
            &format!(" · {} — {dates}", entity.kind_label()),
            w - head_w,
        )),
    ]))
}
