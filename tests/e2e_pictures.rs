//! The pictures in a real terminal (tmux): the network view drawn with its
//! braille edges, Enter on a node opening its card, the period chart from the
//! timeline; and `graph` printing at the terminal's own width. Needs tmux;
//! each test says so and skips when it is missing (CI installs it).

mod common;

use common::tmux::{Session, binary};

#[test]
fn the_network_and_the_chart_in_a_real_terminal() {
    let Some(s) = Session::start("views", 120, 40) else {
        return;
    };
    // The echo runs once the explorer has quit: nothing is typed ahead into it.
    s.literal(&format!("{} ; echo done-$((6*7))", binary()));
    s.keys(&["Enter"]);
    s.wait_for("1 Clusters");
    s.literal("/magia");
    s.wait_for("Medtech Alliance");
    s.keys(&["Enter"]);
    s.wait_for("coordinated by");
    s.literal("v");
    let screen = s.wait("the network with its labelled nodes", |c| {
        c.contains("Network of Medtech Alliance")
            && c.contains("● BioPmed")
            && c.contains("EASME ■")
    });
    assert!(
        screen
            .chars()
            .any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)),
        "edges in braille:\n{screen}"
    );
    s.literal("j");
    s.wait_for("cluster: BioPmed coordinates and member of");
    s.keys(&["Enter"]);
    s.wait_for("┌ BioPmed");
    s.literal("t");
    s.wait_for("Timeline (");
    s.literal("p");
    // Waited on whole: a capture can come while the frame is still being drawn.
    s.wait("the chart with its bars and its undated rows", |c| {
        c.contains("Periods: ") && c.contains("┣━") && c.contains("dates unknown")
    });
    s.keys(&["Escape"]);
    s.wait_for("┌ BioPmed");
    s.literal("q");
    s.wait_for("done-42");
}

#[test]
fn graph_prints_at_the_terminals_width() {
    let Some(s) = Session::start("graph", 132, 40) else {
        return;
    };
    s.literal(&format!(
        "{} graph lyonbiopole; echo end-$((6*7))",
        binary()
    ));
    s.keys(&["Enter"]);
    let screen = s.wait_for("end-42");
    let widest = screen
        .lines()
        .filter(|l| l.contains('⠤'))
        .map(|l| l.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    assert!(widest > 100 && widest <= 132, "{widest} columns:\n{screen}");
}
