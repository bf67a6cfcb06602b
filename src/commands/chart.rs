//! `clusterdex timeline --chart [--kind K] [--width W] [--today YEAR]`: the
//! period chart printed without colour: the year axis with today's year, one
//! row per dated entity, the entities whose dates have no year listed below.

use std::io::{self, Write};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::snapshot::screen_text;
use super::{Env, exit, open};
use crate::meeting::periods::{PeriodChart, body_len, build};
use crate::model::{Dataset, Kind};
use crate::ui::Theme;
use crate::ui::chart::{AXIS_ROWS, ChartPicture, legend};

/// The narrowest chart worth printing.
pub const MIN_WIDTH: u16 = 40;

pub struct ChartArgs {
    pub kind: Option<Kind>,
    pub width: u16,
    /// The year marked as today.
    pub today: i32,
}

pub fn run(
    env: &Env,
    args: &ChartArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    if args.width < MIN_WIDTH {
        writeln!(
            err,
            "error: a chart {} columns wide is too narrow; use --width {MIN_WIDTH} or more",
            args.width
        )?;
        return Ok(exit::ERROR);
    }
    let loaded = match open(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let chart = build(&loaded.dataset, args.today, args.kind);
    if chart.rows.is_empty() && chart.undated.is_empty() {
        writeln!(err, "nothing dated")?;
        return Ok(exit::NO);
    }
    for line in chart_lines(&loaded.dataset, &chart, args.width) {
        writeln!(out, "{line}")?;
    }
    Ok(exit::OK)
}

/// The whole chart as plain text lines: a title, the chart, its legend.
pub fn chart_lines(ds: &Dataset, chart: &PeriodChart, width: u16) -> Vec<String> {
    let theme = Theme::plain();
    let height = u16::try_from(body_len(chart))
        .unwrap_or(u16::MAX - AXIS_ROWS)
        .saturating_add(AXIS_ROWS);
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    ChartPicture {
        ds,
        chart,
        selected: None,
        offset: 0,
        theme: &theme,
    }
    .render(area, &mut buf);
    let mut lines = vec![
        format!(
            "Periods: {} dated, {} with dates unknown",
            chart.rows.len(),
            chart.undated.len()
        ),
        String::new(),
    ];
    lines.extend(screen_text(&buf));
    lines.push(String::new());
    for line in legend(chart, &theme, usize::from(width)) {
        lines.push(line.spans.iter().map(|s| s.content.as_ref()).collect());
    }
    lines
}
