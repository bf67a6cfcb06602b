//! Scripted action sequences against a small dataset: what a user does, and
//! what they must then see selected, open and remembered.

use super::*;
use crate::model::{Entity, Kind, Relation, RelationType};

fn app() -> App {
    let names = [
        ("magia", Kind::Alliance, "MAGIA"),
        ("biopmed", Kind::Cluster, "BioPmed"),
        ("lyonbiopole", Kind::Cluster, "Lyonbiopôle"),
        ("biowin", Kind::Cluster, "Biowin"),
        ("lyon", Kind::Place, "Lyon"),
        ("medica_2015", Kind::Event, "MEDICA 2015"),
    ];
    let entities = names
        .iter()
        .map(|(id, k, n)| Entity::new(id, *k, n))
        .collect();
    let rel = |from, name, to| Relation::new(from, RelationType::parse(name).unwrap(), to, vec![]);
    let relations = vec![
        rel(1, "coordinates", 0),
        rel(1, "member_of", 0),
        rel(2, "member_of", 0),
        rel(3, "member_of", 0),
        rel(2, "located_in", 4),
    ];
    App::new(
        Dataset::new(String::new(), vec![], entities, relations),
        vec![],
    )
}

fn run(app: &mut App, actions: &[Action]) {
    actions.iter().for_each(|a| app.update(*a));
}

fn open_id(app: &App) -> Option<&str> {
    app.open_entity().map(|e| app.ds.entity(e).id.as_ref())
}

fn type_text(app: &mut App, text: &str) {
    text.chars().for_each(|c| app.update(Action::InsertChar(c)));
}

#[test]
fn tabs_list_entities_by_name_and_switch_by_number_and_tab() {
    let mut a = app();
    let names = |a: &App| {
        a.rows[a.tab.index()]
            .iter()
            .map(|&e| a.ds.entity(e).name.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&a), ["BioPmed", "Biowin", "Lyonbiopôle"]);
    run(&mut a, &[Action::NextTab]);
    assert_eq!(a.tab.title(), "Alliances");
    run(&mut a, &[Action::GoTab(3)]);
    assert_eq!(names(&a), ["Lyon"]);
    run(&mut a, &[Action::NextTab]);
    assert_eq!(a.tab.title(), "Pinned");
    run(&mut a, &[Action::NextTab, Action::NextTab]);
    assert_eq!(a.tab, Tab::FIRST, "tabs wrap around");
    run(&mut a, &[Action::PrevTab]);
    assert_eq!(a.tab.title(), "Recent");
}

#[test]
fn search_open_drill_two_levels_back_and_forward() {
    let mut a = app();
    run(&mut a, &[Action::StartSearch]);
    assert_eq!(a.mode, Mode::Search);
    type_text(&mut a, "lyonbiopole");
    assert_eq!(
        a.search.hits.first().map(|h| h.entity),
        a.ds.index_of("lyonbiopole")
    );
    run(&mut a, &[Action::Open]);
    assert_eq!(
        (a.mode, a.focus, open_id(&a)),
        (Mode::Browse, Focus::Entity, Some("lyonbiopole"))
    );
    // Lyonbiopôle: member of MAGIA, located in Lyon.
    run(&mut a, &[Action::Open]);
    assert_eq!(open_id(&a), Some("magia"));
    // MAGIA's rows: coordinated by BioPmed, then members BioPmed, Lyonbiopôle, Biowin.
    run(
        &mut a,
        &[Action::Down, Action::Down, Action::Down, Action::Open],
    );
    assert_eq!(open_id(&a), Some("biowin"));
    assert_eq!(a.breadcrumb(), ["Lyonbiopôle", "MAGIA", "Biowin"]);
    run(&mut a, &[Action::Back]);
    assert_eq!(open_id(&a), Some("magia"));
    run(&mut a, &[Action::HistoryForward]);
    assert_eq!(open_id(&a), Some("biowin"));
    run(
        &mut a,
        &[Action::HistoryBack, Action::HistoryBack, Action::Back],
    );
    assert_eq!(
        (a.focus, open_id(&a)),
        (Focus::List, Some("lyonbiopole")),
        "back from the first entity returns to the list"
    );
}

#[test]
fn a_new_branch_after_going_back_drops_the_forward_history() {
    let mut a = app();
    run(&mut a, &[Action::Bottom, Action::Open]); // Lyonbiopôle: member of MAGIA, located in Lyon
    run(&mut a, &[Action::Open, Action::Back]); // MAGIA, and back
    assert!(a.history.can_forward());
    run(&mut a, &[Action::Down, Action::Open]); // Lyon instead
    assert!(!a.history.can_forward());
    assert_eq!(a.breadcrumb(), ["Lyonbiopôle", "Lyon"]);
    run(&mut a, &[Action::HistoryForward]);
    assert_eq!(open_id(&a), Some("lyon"));
}

#[test]
fn alternate_toggles_between_the_last_two_entities() {
    let mut a = app();
    run(&mut a, &[Action::Open, Action::Open]);
    assert_eq!(open_id(&a), Some("magia"));
    run(&mut a, &[Action::Alternate]);
    assert_eq!(open_id(&a), Some("biopmed"));
    run(&mut a, &[Action::Alternate]);
    assert_eq!(open_id(&a), Some("magia"));
}

#[test]
fn escape_closes_search_and_restores_the_view() {
    let mut a = app();
    run(&mut a, &[Action::Down, Action::Open]);
    let before = (a.focus, a.tab, open_id(&a).map(str::to_string));
    run(&mut a, &[Action::StartSearch]);
    type_text(&mut a, "magia");
    run(&mut a, &[Action::CancelSearch]);
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!((a.focus, a.tab, open_id(&a).map(str::to_string)), before);
}

#[test]
fn an_invalid_query_shows_its_error_and_no_hits() {
    let mut a = app();
    run(&mut a, &[Action::StartSearch]);
    type_text(&mut a, "kind:nothing");
    assert!(
        a.search
            .error
            .as_deref()
            .is_some_and(|e| e.contains("valid kinds"))
    );
    assert!(a.search.hits.is_empty());
    run(&mut a, &[Action::DeleteWord]);
    assert_eq!(a.search.error, None);
}

#[test]
fn selection_moves_clamp_at_the_ends() {
    let mut a = app();
    run(&mut a, &[Action::Up, Action::Up]);
    assert_eq!(a.selected[0], 0);
    run(&mut a, &[Action::Bottom]);
    assert_eq!(a.selected[0], 2);
    run(&mut a, &[Action::PageDown, Action::Down]);
    assert_eq!(a.selected[0], 2);
    run(&mut a, &[Action::Top]);
    assert_eq!(a.selected[0], 0);
}

#[test]
fn help_opens_and_closes_and_ctrl_c_quits_from_it() {
    let mut a = app();
    run(&mut a, &[Action::ToggleHelp]);
    assert_eq!(a.context(), Context::Help);
    run(&mut a, &[Action::ToggleHelp]);
    assert_eq!(a.context(), Context::List);
    run(&mut a, &[Action::ToggleHelp, Action::Quit]);
    assert!(a.quit);
}

#[test]
fn a_reload_keeps_the_place_by_id_and_skips_vanished_entities() {
    let mut a = app();
    run(&mut a, &[Action::Bottom, Action::Open]); // Lyonbiopôle
    run(&mut a, &[Action::Open]); // MAGIA
    let mut ds = (*app().ds).clone();
    // The new file lost Lyonbiopôle and gained a cluster that sorts first.
    let mut entities: Vec<Entity> = ds
        .entities
        .drain(..)
        .filter(|e| &*e.id != "lyonbiopole")
        .collect();
    entities.push(Entity::new("aaa", Kind::Cluster, "AAA"));
    let relations = ds
        .relations
        .iter()
        .filter(|r| r.from() != 2 && r.to() != 2)
        .map(|r| {
            let mut r = r.clone();
            let shift = |end: usize| end - usize::from(end > 2);
            r.set_ends(shift(r.from()), shift(r.to()));
            r
        })
        .collect();
    a.replace_dataset(
        Dataset::new(String::new(), vec![], entities, relations),
        vec![],
    );
    assert_eq!(open_id(&a), Some("magia"), "the open entity stays open");
    assert_eq!(
        a.breadcrumb(),
        ["MAGIA"],
        "the vanished entity left the trail"
    );
    assert_eq!(
        &*a.ds.entity(a.rows[0][a.selected[0]]).id,
        "biowin",
        "the list keeps a selection that exists"
    );
    let members: Vec<&str> = (a.related.iter())
        .map(|r| &*a.ds.entity(r.other).name)
        .collect();
    assert_eq!(
        members,
        ["BioPmed", "BioPmed", "Biowin"],
        "the card's related rows are the new file's, not those kept from the old"
    );
    a.reload_error = Some("broken".into());
    a.replace_dataset((*app().ds).clone(), vec![]);
    assert_eq!(a.reload_error, None, "a good reload clears the error");
}

#[test]
fn copy_queues_the_card_or_the_id_and_confirms() {
    let mut a = app();
    run(&mut a, &[Action::Open, Action::CopyCard]);
    let card = a.clipboard.take().expect("card queued");
    assert!(card.starts_with("## BioPmed\n"), "{card}");
    assert!(card.contains("- coordinates: MAGIA"));
    assert_eq!(
        a.flash.as_deref(),
        Some("the card of BioPmed was sent to the terminal's clipboard (OSC 52)")
    );
    run(&mut a, &[Action::CopyId]);
    assert_eq!(a.clipboard.as_deref(), Some("biopmed"));
    run(&mut a, &[Action::Down]);
    assert_eq!(a.flash, None, "the confirmation goes with the next key");
}

#[test]
fn the_filter_narrows_lists_and_search_and_esc_clears_it() {
    let mut a = app();
    run(&mut a, &[Action::StartFilter]);
    type_text(&mut a, "in:lyon");
    let names = |a: &App| {
        a.rows[0]
            .iter()
            .map(|&e| a.ds.entity(e).id.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&a), ["lyonbiopole"]);
    run(&mut a, &[Action::Open]);
    assert_eq!(a.mode, Mode::Browse);
    run(&mut a, &[Action::StartSearch]);
    type_text(&mut a, "bio");
    let hits: Vec<&str> = a
        .search
        .hits
        .iter()
        .map(|h| a.ds.entity(h.entity).id.as_ref())
        .collect();
    assert_eq!(hits, ["lyonbiopole"], "search keeps to the filter");
    run(
        &mut a,
        &[Action::CancelSearch, Action::StartFilter, Action::Close],
    );
    assert_eq!(names(&a).len(), 3);
    assert!(a.filter.active.is_none());
}

#[test]
fn an_unknown_facet_says_which_are_valid() {
    let mut a = app();
    run(&mut a, &[Action::StartFilter]);
    type_text(&mut a, "colour:red");
    assert!(
        a.filter
            .error
            .as_deref()
            .is_some_and(|e| e.contains("valid facets: tag:, in:, member:, market:"))
    );
    assert_eq!(a.rows[0].len(), 3, "a bad filter changes nothing");
}

#[test]
fn timeline_and_paths_open_the_selected_entity() {
    let mut a = app();
    run(&mut a, &[Action::Open, Action::StartPath]);
    type_text(&mut a, "lyonbiopole");
    run(&mut a, &[Action::Open]);
    assert_eq!(a.mode, Mode::Paths);
    assert_eq!(
        a.paths.chains[0].hops.len(),
        2,
        "BioPmed and Lyonbiopôle meet in MAGIA"
    );
    run(&mut a, &[Action::Down, Action::Open]);
    assert_eq!(open_id(&a), Some("magia"));
}

#[test]
fn a_large_dataset_is_searched_off_thread_and_answers_the_latest_query() {
    let file = crate::synth::generate(20_000, 3);
    let text = crate::data::to_ron(&file).expect("serialises");
    let loaded = crate::load::load_text(std::path::Path::new("big.ron"), &text).expect("loads");
    let mut a = App::new(loaded.dataset, vec![]);
    run(&mut a, &[Action::StartSearch]);
    type_text(&mut a, "medi");
    a.wait_search();
    assert!(!a.search_pending());
    let index = crate::search::Index::new(&a.ds);
    let expected = index
        .search_top(&crate::search::Query::parse("medi").unwrap(), 5)
        .unwrap();
    let got: Vec<usize> = a.search.hits.iter().take(5).map(|h| h.entity).collect();
    assert_eq!(
        got,
        expected.iter().map(|h| h.entity).collect::<Vec<_>>(),
        "the answer is for the whole text typed"
    );
    assert!(a.search.total > 0);
}

/// Typing while a large dataset's index is still being built: the keys are
/// taken at once (the line shows them, Backspace works, the pane says why no
/// hits yet), and the line as it then reads is searched once the index is ready.
#[test]
fn keys_typed_while_the_index_builds_are_taken_at_once_and_searched_after() {
    let file = crate::synth::generate(6_000, 3);
    let mut a = App::new(crate::validate::build(&file), vec![]);
    let (release, held) = std::sync::mpsc::channel::<()>();
    let ds = Arc::clone(&a.ds);
    // Held back until the keys are typed, or for long enough to tell a
    // frozen explorer from one that took the keys.
    let build = std::thread::spawn(move || {
        let _ = held.recv_timeout(std::time::Duration::from_secs(20));
        crate::search::Index::new(&ds)
    });
    a.index = index_slot::IndexSlot::building(Arc::clone(&a.ds), build);
    run(&mut a, &[Action::StartSearch]);
    type_text(&mut a, "medix");
    run(&mut a, &[Action::DeleteBack]);
    let deferred = a.search_deferred();
    let _ = release.send(());
    assert!(
        deferred,
        "the search waits for the index, the explorer does not"
    );
    assert_eq!(a.search.line.text(), "medi");
    a.wait_search();
    assert!(!a.search_deferred() && !a.search_pending());
    let mut fresh = crate::search::Searcher::new();
    let index = crate::search::Index::new(&a.ds);
    let want: Vec<usize> = (fresh.search(&index, "medi").expect("valid").iter())
        .map(|h| h.entity)
        .collect();
    let got: Vec<usize> = a.search.hits.iter().map(|h| h.entity).collect();
    assert_eq!(got, want, "the line as it reads is searched");
}
