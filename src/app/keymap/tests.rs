//! The keymap table: every context quits on Ctrl-c, keys are bound once per
//! context, and hints and help come from the table.

use super::*;
use crate::app::Tab;

fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

#[test]
fn ctrl_c_quits_from_every_context() {
    for c in [
        Context::List,
        Context::Entity,
        Context::Search,
        Context::Help,
    ] {
        assert_eq!(action(c, &key(Char('c'), CTRL)), Some(Action::Quit));
    }
}

#[test]
fn letters_are_typed_in_search_but_commands_elsewhere() {
    assert_eq!(
        action(Context::Search, &key(Char('q'), NONE)),
        Some(Action::InsertChar('q'))
    );
    assert_eq!(
        action(Context::List, &key(Char('q'), NONE)),
        Some(Action::Quit)
    );
    assert_eq!(
        action(Context::Search, &key(Char('j'), NONE)),
        Some(Action::InsertChar('j'))
    );
    assert_eq!(
        action(Context::Entity, &key(Char('j'), NONE)),
        Some(Action::Down)
    );
}

#[test]
fn context_bindings_win_over_global_ones() {
    assert_eq!(
        action(Context::Entity, &key(Char('['), NONE)),
        Some(Action::HistoryBack)
    );
    assert_eq!(
        action(Context::List, &key(Char('2'), NONE)),
        Some(Action::GoTab(1))
    );
    assert_eq!(
        action(Context::Entity, &key(Char('4'), NONE)),
        Some(Action::GoTab(3))
    );
    assert_eq!(
        action(Context::Search, &key(Char('2'), NONE)),
        Some(Action::InsertChar('2'))
    );
    assert_eq!(
        action(Context::List, &key(Char('l'), NONE)),
        Some(Action::NextTab)
    );
}

#[test]
fn hints_come_from_the_table() {
    let h = hints(Context::Entity);
    assert!(h.contains(&("⌫ Esc", "back")));
    assert!(h.contains(&("/", "search everything")));
    assert!(!hints(Context::Search).iter().any(|(_, d)| *d == "quit"));
}

#[test]
fn help_closes_only_on_its_own_keys_and_scrolls() {
    for k in [Esc, Char('?'), Char('q'), F(1)] {
        assert_eq!(
            action(Context::Help, &key(k, NONE)),
            Some(Action::ToggleHelp)
        );
    }
    assert_eq!(action(Context::Help, &key(Char('x'), NONE)), None);
    assert_eq!(
        action(Context::Help, &key(Char('j'), NONE)),
        Some(Action::Down)
    );
    assert_eq!(action(Context::Help, &key(End, NONE)), Some(Action::Bottom));
    assert_eq!(
        action(Context::Problems, &key(Char('x'), NONE)),
        Some(Action::ShowProblems)
    );
}

#[test]
fn pane_keys_do_not_shadow_and_are_not_shadowed_by_bindings() {
    for t in Tab::all() {
        let k = key(Char(t.spec().key), NONE);
        for c in [Context::List, Context::Entity, Context::Global] {
            assert!(
                !BINDINGS
                    .iter()
                    .any(|b| b.context == c && b.keys.contains(&(k.code, k.modifiers))),
                "{:?} is bound in {c:?}",
                t.spec().key
            );
        }
        assert_eq!(action(Context::List, &k), Some(Action::GoTab(t.index())));
    }
}

#[test]
fn every_bound_action_and_mode_has_a_distinct_config_name() {
    let rows = builtin().rows();
    for a in rows {
        let name = a.action.name();
        assert!(name.is_some(), "{:?} has keys but no name", a.action);
        let same = rows
            .iter()
            .filter(|b| b.action != a.action && b.action.name() == name);
        assert_eq!(same.count(), 0, "{name:?} names two actions");
    }
    for a in Context::ALL {
        assert_eq!(
            Context::ALL.iter().filter(|b| b.name() == a.name()).count(),
            1
        );
    }
}

#[test]
fn a_question_takes_yes_no_and_any_other_key_withdraws_it() {
    let ask = |code| action(Context::Confirm, &key(code, NONE));
    assert_eq!(ask(Enter), Some(Action::Yes));
    assert_eq!(ask(Char('y')), Some(Action::Yes));
    assert_eq!(ask(Esc), Some(Action::No));
    assert_eq!(ask(Char('x')), Some(Action::Close));
    assert_eq!(
        action(Context::Note, &key(Char('q'), NONE)),
        Some(Action::InsertChar('q'))
    );
    assert_eq!(
        action(Context::Note, &key(Char('s'), CTRL)),
        Some(Action::SaveNote)
    );
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for a in BINDINGS {
        for b in BINDINGS
            .iter()
            .filter(|b| b.context == a.context && !std::ptr::eq(*b, a))
        {
            for k in a.keys {
                assert!(
                    !b.keys.contains(k),
                    "{:?} bound twice in {:?}",
                    k,
                    a.context
                );
            }
        }
    }
}
