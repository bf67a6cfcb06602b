//! The board, the card's places in the history, help, copy and the facet
//! filter, scripted on the built-in dataset as a user would drive them.

use super::*;
use crate::model::Kind;
use ratatui::layout::Rect;

fn builtin() -> App {
    let loaded = crate::load::load(
        &crate::load::DataSource::Builtin,
        crate::data::DEFAULT_MAX_BYTES,
    )
    .expect("built-in");
    App::new(loaded.dataset, loaded.diagnostics)
}

/// The built-in dataset on a screen large enough for the board.
fn board() -> App {
    let mut a = builtin();
    a.set_screen(Rect::new(0, 0, 180, 45));
    assert!(a.board_active());
    a
}

fn run(app: &mut App, actions: &[Action]) {
    actions.iter().for_each(|a| app.update(*a));
}

fn pane(title: &str) -> Tab {
    Tab::all().find(|t| t.title() == title).expect(title)
}

fn ids(a: &App, t: Tab) -> Vec<&str> {
    a.rows[t.index()]
        .iter()
        .map(|&e| a.ds.entity(e).id.as_ref())
        .collect()
}

/// Selects an entity in its pane, as moving the selection there would.
fn select(a: &mut App, id: &str) {
    let e = a.ds.index_of(id).expect(id);
    let t = Tab::of(a.ds.entity(e).kind);
    run(a, &[Action::GoTab(t.index())]);
    let pos = a.rows[t.index()].iter().position(|&r| r == e).expect("row");
    run(a, &[Action::Top]);
    for _ in 0..pos {
        a.update(Action::Down);
    }
    assert_eq!(a.list_entity(), Some(e));
}

/// The ids of the rows marked as linked at the top of a pane.
fn linked_top(a: &App, t: Tab) -> Vec<&str> {
    a.rows[t.index()]
        .iter()
        .take_while(|&&e| a.is_linked(e))
        .map(|&e| a.ds.entity(e).id.as_ref())
        .collect()
}

#[test]
fn the_board_is_the_default_from_150_by_40_and_b_toggles_it() {
    let mut a = builtin();
    a.set_screen(Rect::new(0, 0, 149, 45));
    assert!(!a.board_active());
    a.set_screen(Rect::new(0, 0, 150, 40));
    assert!(a.board_active());
    run(&mut a, &[Action::ToggleBoard]);
    assert!(!a.board_active(), "b switches to the tabs");
    a.set_screen(Rect::new(0, 0, 80, 24));
    run(&mut a, &[Action::ToggleBoard]);
    assert!(a.board_active(), "b works at any size");
}

#[test]
fn selecting_lyonbiopole_lifts_and_marks_its_alliances_and_events() {
    let mut a = board();
    select(&mut a, "lyonbiopole");
    let lyon = a.ds.index_of("lyonbiopole").expect("lyonbiopole");
    let alliances = linked_top(&a, pane("Alliances"));
    assert!(alliances.contains(&"bioxclusters_plus"), "{alliances:?}");
    assert!(alliances.contains(&"magia"), "{alliances:?}");
    let expected: Vec<usize> = board::linked(&a.ds, lyon)
        .into_iter()
        .filter(|&e| a.ds.entity(e).kind == Kind::Alliance)
        .collect();
    assert_eq!(
        alliances.len(),
        expected.len(),
        "every related alliance, no other"
    );
    let events = linked_top(&a, pane("Events"));
    assert!(!events.is_empty());
    for id in events {
        let e = a.ds.index_of(id).expect(id);
        assert!(a.ds.links(e).any(|l| l.other == lyon), "{id} is related");
    }
    assert_eq!(
        a.list_entity(),
        Some(lyon),
        "the anchor's own pane keeps its order and its selection"
    );
}

#[test]
fn magia_open_marks_its_four_clusters() {
    let mut a = board();
    select(&mut a, "magia");
    run(&mut a, &[Action::Open]);
    assert_eq!(a.focus, Focus::Entity);
    let mut clusters = linked_top(&a, pane("Clusters"));
    clusters.sort_unstable();
    assert_eq!(
        clusters,
        ["biopmed", "biowin", "life_science_nord", "lyonbiopole"]
    );
}

#[test]
fn a_lifted_pane_selects_its_first_linked_row_unless_its_row_is_linked() {
    let mut a = board();
    let alliances = pane("Alliances");
    select(&mut a, "lyonbiopole");
    let kept = a.row_entity(alliances).expect("a selection");
    assert!(
        a.is_linked(kept),
        "the selection stayed on or went to a linked row"
    );
    // Biowin is in fewer alliances: a selection it is not linked to goes to the top.
    select(&mut a, "biowin");
    let now = a.row_entity(alliances).expect("a selection");
    assert!(a.is_linked(now));
    if !board::linked(&a.ds, a.ds.index_of("biowin").expect("biowin")).contains(&kept) {
        assert_eq!(now, a.rows[alliances.index()][0]);
    }
    select(&mut a, "lyonbiopole");
    // Into the alliances: the clusters are linked to the alliance now, and
    // Lyonbiopôle, a member, stays selected there.
    run(&mut a, &[Action::NextTab]);
    assert_eq!(a.tab, alliances);
    assert_eq!(
        a.row_entity(pane("Clusters")),
        a.ds.index_of("lyonbiopole"),
        "{:?}",
        ids(&a, pane("Clusters"))
    );
}

#[test]
fn tab_and_h_l_move_between_the_board_panes_only() {
    let mut a = board();
    let board_panes: Vec<Tab> = Tab::on_board().collect();
    for want in board_panes.iter().cycle().skip(1).take(board_panes.len()) {
        run(&mut a, &[Action::NextTab]);
        assert_eq!(a.tab, *want);
    }
    run(&mut a, &[Action::PrevTab]);
    assert_eq!(a.tab, *board_panes.last().expect("panes"));
    let others = Tab::all()
        .find(|t| !t.spec().board)
        .expect("a pane off the board");
    run(&mut a, &[Action::GoTab(others.index())]);
    assert!(!a.board_active(), "a pane off the board shows as a tab");
    assert_eq!(a.tab, others);
}

#[test]
fn the_cross_filter_keeps_linked_rows_everywhere_and_says_so() {
    let mut a = board();
    select(&mut a, "lyonbiopole");
    let alliances = pane("Alliances");
    let linked = linked_top(&a, alliances).len();
    run(&mut a, &[Action::CrossFilter]);
    assert_eq!(a.rows[alliances.index()].len(), linked);
    let total = a.board.totals[alliances.index()];
    assert_eq!(
        a.pane_title(alliances),
        format!("Alliances ({linked} of {total}, linked to Lyonbiopôle)")
    );
    assert_eq!(ids(&a, pane("Clusters")), ["lyonbiopole"]);
    // Moving elsewhere keeps the filter to Lyonbiopôle.
    run(&mut a, &[Action::NextTab, Action::Down]);
    assert_eq!(a.rows[alliances.index()].len(), linked);
    run(&mut a, &[Action::CrossFilter]);
    assert_eq!(a.rows[alliances.index()].len(), total);
    assert_eq!(a.pane_title(alliances), format!("Alliances ({total})"));
}

#[test]
fn the_cross_filter_narrows_the_tabs_too() {
    let mut a = builtin();
    select(&mut a, "magia");
    run(&mut a, &[Action::CrossFilter, Action::GoTab(0)]);
    let mut clusters = ids(&a, Tab::FIRST);
    clusters.sort_unstable();
    assert_eq!(
        clusters,
        ["biopmed", "biowin", "life_science_nord", "lyonbiopole"]
    );
}

#[test]
fn events_are_in_date_order_with_undated_ones_last() {
    let a = builtin();
    let events = &a.rows[pane("Events").index()];
    let dates: Vec<Option<crate::model::When>> = events
        .iter()
        .map(|&e| panes::first_date(&a.ds, e))
        .collect();
    let undated = dates
        .iter()
        .position(Option::is_none)
        .unwrap_or(dates.len());
    assert!(dates[undated..].iter().all(Option::is_none));
    for w in dates[..undated].windows(2) {
        let (x, y) = (w[0].expect("dated"), w[1].expect("dated"));
        assert_ne!(x.chrono_cmp(&y), std::cmp::Ordering::Greater);
    }
}

#[test]
fn back_returns_to_the_related_row_and_scroll_left() {
    let mut a = builtin();
    select(&mut a, "lyonbiopole");
    run(
        &mut a,
        &[Action::Open, Action::Down, Action::Down, Action::Down],
    );
    a.geometry.entity_scroll = 17;
    let row = a.related_selected;
    let target = a.related[row].other;
    run(&mut a, &[Action::Open]);
    assert_eq!(a.open_entity(), Some(target));
    assert_eq!((a.related_selected, a.geometry.entity_scroll), (0, 0));
    run(&mut a, &[Action::Back]);
    assert_eq!(a.open_entity(), a.ds.index_of("lyonbiopole"));
    assert_eq!((a.related_selected, a.geometry.entity_scroll), (row, 17));
    assert!(a.related_picked);
    run(&mut a, &[Action::HistoryForward, Action::HistoryBack]);
    assert_eq!((a.related_selected, a.geometry.entity_scroll), (row, 17));
}

#[test]
fn end_and_home_scroll_the_card_and_pages_scroll_without_moving_the_selection() {
    let mut a = builtin();
    select(&mut a, "lyonbiopole");
    run(&mut a, &[Action::Open, Action::Bottom]);
    assert!(
        a.geometry.entity_scroll > 1000,
        "past the end: drawing clamps it"
    );
    assert!(!a.card_follow);
    assert_eq!(a.related_selected, a.related.len() - 1);
    run(&mut a, &[Action::Top]);
    assert_eq!((a.geometry.entity_scroll, a.related_selected), (0, 0));
    a.geometry.entity = Rect::new(0, 0, 60, 20);
    run(&mut a, &[Action::PageDown]);
    assert_eq!((a.geometry.entity_scroll, a.related_selected), (19, 0));
    run(&mut a, &[Action::Down]);
    assert!(a.card_follow, "j brings the view back to the selection");
}

#[test]
fn switching_panes_starts_a_new_trail() {
    let mut a = builtin();
    select(&mut a, "magia");
    run(&mut a, &[Action::Open, Action::Open]);
    assert_eq!(a.breadcrumb().len(), 2);
    run(&mut a, &[Action::NextTab]);
    assert!(a.breadcrumb().is_empty());
    run(&mut a, &[Action::Open]);
    assert_eq!(a.breadcrumb().len(), 1);
    run(&mut a, &[Action::HistoryBack]);
    assert_eq!(a.breadcrumb().len(), 1, "going back shows where one is");
}

#[test]
fn help_scrolls_and_closes_only_on_its_own_keys() {
    let mut a = builtin();
    run(&mut a, &[Action::ToggleHelp, Action::Down, Action::Down]);
    assert_eq!(a.geometry.help_scroll, 2);
    run(&mut a, &[Action::NextTab, Action::Open, Action::Back]);
    assert_eq!(a.mode, Mode::Help, "other keys leave help open");
    run(&mut a, &[Action::Bottom]);
    assert!(
        a.geometry.help_scroll > 1000,
        "drawing clamps it to the end"
    );
    run(&mut a, &[Action::ToggleHelp]);
    assert_eq!(a.mode, Mode::Browse);
}

#[test]
fn zoom_toggles() {
    let mut a = board();
    run(&mut a, &[Action::Zoom]);
    assert!(a.zoom);
    run(&mut a, &[Action::Zoom]);
    assert!(!a.zoom);
}

#[test]
fn copy_takes_the_row_under_the_cursor_and_tells_tmux_users_once() {
    let mut a = builtin();
    a.in_tmux = true;
    select(&mut a, "magia");
    run(&mut a, &[Action::Open, Action::CopyCard]);
    let card = a.clipboard.take().expect("queued");
    assert!(
        card.starts_with("## Medtech Alliance"),
        "the open card: {card}"
    );
    let flash = a.flash.clone().expect("confirmation");
    assert!(flash.contains("sent to the terminal's clipboard (OSC 52)"));
    assert!(flash.contains("set -g set-clipboard on"), "{flash}");
    run(&mut a, &[Action::Down, Action::CopyId]);
    let picked = a.ds.entity(a.related[a.related_selected].other).id.clone();
    assert_eq!(
        a.clipboard.take(),
        Some(String::from(picked)),
        "the related row moved onto"
    );
    assert!(
        !a.flash.clone().unwrap_or_default().contains("tmux"),
        "said once"
    );
    run(&mut a, &[Action::StartSearch]);
    "biowin"
        .chars()
        .for_each(|c| a.update(Action::InsertChar(c)));
    run(&mut a, &[Action::CopyId]);
    assert_eq!(a.clipboard.as_deref(), Some("biowin"), "the selected hit");
}

/// Puts a whole filter line at once, as a paste would.
fn type_filter(a: &mut App, text: &str) {
    run(a, &[Action::StartFilter]);
    a.filter.line.clear();
    text.chars().for_each(|c| a.filter.line.insert(c));
    a.apply_filter();
}

#[test]
fn two_member_terms_combine_with_and_and_say_what_they_resolved_to() {
    let mut a = builtin();
    type_filter(
        &mut a,
        "member:health2care member:french_health_clusters_network",
    );
    assert_eq!(a.filter.error, None);
    assert_eq!(ids(&a, Tab::FIRST), ["lyonbiopole"]);
    assert_eq!(a.filter.resolved.len(), 2);
    assert!(a.filter.resolved[0].starts_with("member:health2care = Health2CARE"));
    assert!(a.filter.resolved[1].contains("= Network of the seven French health"));
}

#[test]
fn an_ambiguous_or_unknown_value_says_so_and_keeps_the_filter_in_force() {
    let mut a = builtin();
    type_filter(&mut a, "in:france");
    let before = a.rows.clone();
    type_filter(&mut a, "in:france member:zzzzqqq");
    let err = a.filter.error.clone().expect("an error");
    assert!(err.contains("member:zzzzqqq matches no entity"), "{err}");
    assert_eq!(a.rows, before, "the filter in force stays");
    type_filter(&mut a, "member:health");
    let err = a.filter.error.clone().unwrap_or_default();
    assert!(err.starts_with("member:health could be: "), "{err}");
    assert!(err.matches('(').count() >= 2, "lists candidates: {err}");
    assert_eq!(a.rows, before);
}
