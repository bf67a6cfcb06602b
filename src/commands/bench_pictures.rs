//! The pictures' part of `clusterdex bench`: the frames a user waits for in
//! the network view and the period chart, on the entities where they cost the
//! most (the hubs with the most relations, the entities whose neighbours have
//! the most relations, which is what depth 2 reads) and a spread of others.

use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::snapshot::infallible;
use crate::app::{Action, App};
use crate::model::Dataset;
use crate::ui::{self, Theme};

/// Frame times in ms, and the entity of the slowest network frame.
pub struct Frames {
    pub network: Vec<f64>,
    pub slowest: String,
    pub chart: Vec<f64>,
}

/// The entities measured: the three with the most relations, the three whose
/// neighbours have the most (depth 2's work), and ten spread over the file.
fn chosen(ds: &Dataset) -> Vec<usize> {
    let n = ds.len();
    let degree: Vec<usize> = (0..n).map(|e| ds.links(e).count()).collect();
    let second: Vec<usize> = (0..n)
        .map(|e| ds.links(e).map(|l| degree[l.other]).sum())
        .collect();
    let top = |score: &[usize]| {
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&e| std::cmp::Reverse(score[e]));
        order.truncate(3);
        order
    };
    let mut picked = top(&degree);
    picked.extend(top(&second));
    picked.extend((0..10).map(|i| i * n / 10).filter(|&e| e < n));
    let mut seen = std::collections::HashSet::new();
    picked.retain(|&e| seen.insert(e));
    picked
}

/// Times each key to the frame that shows its answer.
fn frame(app: &mut App, term: &mut Terminal<TestBackend>, theme: &Theme, a: Action) -> f64 {
    let t = Instant::now();
    app.update(a);
    infallible(term.draw(|f| ui::draw(f, app, theme)));
    t.elapsed().as_secs_f64() * 1000.0
}

/// Opens the network of each chosen entity at depth 1 and 2, moves the
/// selection, closes; then opens the period chart and moves through it.
pub fn measure(app: &mut App, term: &mut Terminal<TestBackend>, theme: &Theme) -> Frames {
    let mut frames = Frames {
        network: Vec::new(),
        slowest: String::new(),
        chart: Vec::new(),
    };
    let mut worst = 0.0;
    for e in chosen(&app.ds) {
        app.visit(e);
        let mut times = Vec::new();
        for a in [
            Action::ShowNetwork,
            Action::Down,
            Action::Deeper,
            Action::Down,
            Action::Bottom,
            Action::Shallower,
        ] {
            times.push(frame(app, term, theme, a));
        }
        app.update(Action::Close);
        let most = times.iter().copied().fold(0.0, f64::max);
        if most > worst {
            worst = most;
            frames.slowest = app.ds.entity(e).name.to_string();
        }
        frames.network.extend(times);
    }
    app.update(Action::ShowTimeline);
    for a in [
        Action::ToggleChart,
        Action::Down,
        Action::PageDown,
        Action::Bottom,
        Action::Top,
    ] {
        frames.chart.push(frame(app, term, theme, a));
    }
    app.update(Action::Close);
    frames
}
