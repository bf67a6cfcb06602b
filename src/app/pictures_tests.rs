//! Scripted sessions in the network view and the period chart: what a user
//! presses, and what they must then see centred, selected and remembered.

use super::*;
use crate::load::{DataSource, load};
use crate::meeting::network::Side;

fn app() -> App {
    let loaded = load(&DataSource::Builtin, crate::data::DEFAULT_MAX_BYTES).expect("built-in");
    let mut app = App::new(loaded.dataset, loaded.diagnostics);
    app.chart.today = 2026;
    app
}

fn run(app: &mut App, actions: &[Action]) {
    actions.iter().for_each(|a| app.update(*a));
}

fn open(app: &mut App, id: &str) {
    let e = app.ds.index_of(id).expect(id);
    app.visit(e);
}

fn id_of(app: &App, e: Option<usize>) -> Option<&str> {
    e.map(|e| app.ds.entity(e).id.as_ref())
}

fn centre(app: &App) -> Option<&str> {
    let hood = app.network.hood.as_ref()?;
    Some(app.ds.entity(hood.nodes[0].entity).id.as_ref())
}

#[test]
fn v_on_a_card_draws_its_network_and_esc_comes_back_to_the_card() {
    let mut a = app();
    open(&mut a, "magia");
    run(&mut a, &[Action::ShowNetwork]);
    assert_eq!((a.mode, centre(&a)), (Mode::Network, Some("magia")));
    assert_eq!(
        id_of(&a, a.network_entity()),
        Some("magia"),
        "the centre first"
    );
    run(&mut a, &[Action::Close]);
    assert_eq!((a.mode, a.focus), (Mode::Browse, Focus::Entity));
    assert_eq!(id_of(&a, a.open_entity()), Some("magia"));
}

#[test]
fn v_on_a_list_row_visits_it_so_the_network_is_in_history() {
    let mut a = app();
    let first = a.list_entity();
    run(&mut a, &[Action::ShowNetwork]);
    assert_eq!(a.mode, Mode::Network);
    assert_eq!(a.open_entity(), first);
    assert_eq!(a.history.trail().len(), 1);
}

#[test]
fn enter_opens_the_selected_nodes_card_as_a_visit_and_back_returns() {
    let mut a = app();
    open(&mut a, "magia");
    run(&mut a, &[Action::ShowNetwork, Action::Down]);
    assert_eq!(id_of(&a, a.network_entity()), Some("biopmed"));
    run(&mut a, &[Action::Open]);
    assert_eq!(
        (a.mode, id_of(&a, a.open_entity())),
        (Mode::Browse, Some("biopmed"))
    );
    run(&mut a, &[Action::Back]);
    assert_eq!(id_of(&a, a.open_entity()), Some("magia"));
}

#[test]
fn space_recentres_and_history_back_recentres_on_where_we_came_from() {
    let mut a = app();
    open(&mut a, "magia");
    run(
        &mut a,
        &[Action::ShowNetwork, Action::Down, Action::Recentre],
    );
    assert_eq!((a.mode, centre(&a)), (Mode::Network, Some("biopmed")));
    assert_eq!(a.history.trail(), ["magia", "biopmed"]);
    assert_eq!(
        id_of(&a, a.network_entity()),
        Some("magia"),
        "the way back is selected"
    );
    run(&mut a, &[Action::HistoryBack]);
    assert_eq!(centre(&a), Some("magia"));
    assert_eq!(id_of(&a, a.network_entity()), Some("biopmed"));
    run(&mut a, &[Action::HistoryForward]);
    assert_eq!(centre(&a), Some("biopmed"));
}

#[test]
fn plus_and_minus_change_the_depth_and_keep_the_selection() {
    let mut a = app();
    open(&mut a, "magia");
    run(&mut a, &[Action::ShowNetwork, Action::Down, Action::Down]);
    let chosen = a.network_entity();
    run(&mut a, &[Action::Deeper]);
    let hood = a.network.hood.as_ref().expect("open");
    assert_eq!(hood.depth, 2);
    assert!(hood.nodes.iter().any(|n| n.depth == 2));
    assert_eq!(a.network_entity(), chosen);
    run(&mut a, &[Action::Shallower]);
    assert_eq!(a.network.hood.as_ref().map(|h| h.depth), Some(1));
    assert_eq!(a.network_entity(), chosen);
}

#[test]
fn left_and_right_follow_the_edges() {
    let mut a = app();
    open(&mut a, "lyonbiopole");
    run(
        &mut a,
        &[Action::ShowNetwork, Action::Deeper, Action::MoveRight],
    );
    let hood = a.network.hood.clone().expect("open");
    let sel = a.network.selected;
    assert_eq!(
        (hood.nodes[sel].depth, hood.nodes[sel].side),
        (1, Side::Right)
    );
    run(&mut a, &[Action::MoveRight]);
    assert_eq!(
        hood.nodes[a.network.selected].parent, sel,
        "outward to a neighbour's neighbour"
    );
    run(&mut a, &[Action::MoveLeft, Action::MoveLeft]);
    assert_eq!(a.network.selected, 0, "inward to the centre");
    run(&mut a, &[Action::MoveLeft]);
    let left = &hood.nodes[a.network.selected];
    assert_eq!((left.depth, left.side), (1, Side::Left));
}

#[test]
fn copying_in_the_network_copies_the_selected_node() {
    let mut a = app();
    open(&mut a, "magia");
    run(&mut a, &[Action::ShowNetwork, Action::Down, Action::CopyId]);
    assert_eq!(a.clipboard.as_deref(), Some("biopmed"));
    assert_eq!(a.mode, Mode::Network);
}

#[test]
fn a_reload_keeps_the_network_and_its_selection() {
    let mut a = app();
    open(&mut a, "magia");
    run(&mut a, &[Action::ShowNetwork, Action::Down]);
    let loaded = load(&DataSource::Builtin, crate::data::DEFAULT_MAX_BYTES).expect("built-in");
    a.replace_dataset(loaded.dataset, loaded.diagnostics);
    assert_eq!((a.mode, centre(&a)), (Mode::Network, Some("magia")));
    assert_eq!(id_of(&a, a.network_entity()), Some("biopmed"));
}

#[test]
fn the_chart_opens_from_the_timeline_and_enter_opens_the_rows_entity() {
    let mut a = app();
    run(&mut a, &[Action::ShowTimeline, Action::ToggleChart]);
    assert_eq!(a.mode, Mode::Chart);
    assert_eq!(
        id_of(&a, a.chart_entity()),
        Some("competitiveness_cluster_policy"),
        "the earliest first"
    );
    run(&mut a, &[Action::Bottom]);
    assert_eq!(
        id_of(&a, a.chart_entity()),
        Some("health2care_final_conference")
    );
    run(&mut a, &[Action::Top, Action::Down, Action::Open]);
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(id_of(&a, a.open_entity()), Some("bioxclusters"));
}

#[test]
fn p_goes_back_to_the_timeline_list_and_esc_closes_the_chart() {
    let mut a = app();
    run(
        &mut a,
        &[
            Action::ShowTimeline,
            Action::ToggleChart,
            Action::ToggleChart,
        ],
    );
    assert_eq!(a.mode, Mode::Timeline);
    run(&mut a, &[Action::ToggleChart, Action::Close]);
    assert_eq!(a.mode, Mode::Browse);
    assert!(a.chart.chart.is_none());
}
