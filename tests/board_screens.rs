//! The board at 180×45 and the screens of reading a card or the help to its
//! end, kept as named insta snapshots driven by keys; and the checks that
//! snapshots cannot make: the marks' rows, the cursor and scroll after Back.

mod common;

use common::screens::{builtin, screen_of, screen_snapshot};

use clusterdex::app::{App, Tab, keymap};
use clusterdex::commands::snapshot::{infallible, parse_keys, screen_text};
use clusterdex::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app() -> App {
    builtin()
}

fn screen(keys: &str, w: u16, h: u16) -> String {
    screen_of(app(), keys, w, h)
}

// Lyonbiopôle is the twelfth cluster by name.
const TO_LYONBIOPOLE: &str = "jjjjjjjjjjj";

screen_snapshot!(board_start, "", 180, 45);
screen_snapshot!(board_lyonbiopole_selected, TO_LYONBIOPOLE, 180, 45);
screen_snapshot!(board_cross_filter, "jjjjjjjjjjj=", 180, 45);
screen_snapshot!(board_magia_open, "/magia<Enter>", 180, 45);
screen_snapshot!(board_search, "/biow", 180, 45);
screen_snapshot!(board_filter, "ftag:oncology", 180, 45);
screen_snapshot!(board_zoomed_card, "/magia<Enter>z", 180, 45);
screen_snapshot!(tabs_at_180_after_b, "b", 180, 45);
screen_snapshot!(
    card_scrolled_to_its_sources,
    "/lyonbiopole<Enter>G",
    120,
    35
);
screen_snapshot!(help_scrolled_to_its_end, "?G", 80, 24);
screen_snapshot!(
    filter_with_two_member_terms,
    "fmember:health2care member:french_health_clusters_network",
    120,
    40
);
screen_snapshot!(filter_with_an_ambiguous_member, "fmember:health", 120, 40);
screen_snapshot!(events_by_date, "3", 120, 35);

/// Draws after each key, as the terminal does, and returns the app and terminal.
fn drive(keys: &str, w: u16, h: u16) -> (App, Terminal<TestBackend>) {
    let mut a = app();
    let theme = Theme::dark();
    let mut t = infallible(Terminal::new(TestBackend::new(w, h)));
    infallible(t.draw(|f| ui::draw(f, &mut a, &theme)));
    press(&mut a, &mut t, keys);
    (a, t)
}

fn press(a: &mut App, t: &mut Terminal<TestBackend>, keys: &str) {
    let theme = Theme::dark();
    for k in parse_keys(keys).expect("keys") {
        if let Some(action) = keymap::action(a.context(), &k) {
            a.update(action);
        }
        infallible(t.draw(|f| ui::draw(f, a, &theme)));
    }
}

#[test]
fn on_the_board_the_marked_rows_are_those_related_to_the_selection() {
    let (a, t) = drive(TO_LYONBIOPOLE, 180, 45);
    let lyon = a.ds.index_of("lyonbiopole").expect("lyonbiopole");
    let text = screen_text(t.backend().buffer());
    for &(tab, rect) in &a.geometry.board {
        for (i, &e) in a.rows[tab.index()].iter().enumerate() {
            let y = usize::from(rect.y) + i;
            if y >= usize::from(rect.bottom()) {
                break;
            }
            let line: String = text[y].chars().skip(usize::from(rect.x)).take(2).collect();
            let related = e != lyon && a.ds.links(lyon).any(|l| l.other == e);
            assert_eq!(
                line == "• ",
                related && tab != Tab::FIRST,
                "{} in {}",
                a.ds.entity(e).name,
                tab.title()
            );
        }
    }
}

#[test]
fn back_restores_the_row_and_the_scroll_of_the_card() {
    let (mut a, mut t) = drive("/lyonbiopole<Enter>jjjjjjjjj", 120, 35);
    let before = screen_text(t.backend().buffer());
    let cursor = infallible(t.get_cursor_position());
    let place = (a.related_selected, a.geometry.entity_scroll);
    assert!(place.1 > 0, "the card scrolled to follow the selection");
    press(&mut a, &mut t, "<Enter>");
    assert_ne!(screen_text(t.backend().buffer())[2], before[2]);
    press(&mut a, &mut t, "<Backspace>");
    assert_eq!((a.related_selected, a.geometry.entity_scroll), place);
    assert_eq!(infallible(t.get_cursor_position()), cursor);
    let after = screen_text(t.backend().buffer());
    assert_eq!(after[..after.len() - 1], before[..before.len() - 1]);
}

#[test]
fn back_to_the_list_restores_its_row_and_scroll() {
    let (mut a, mut t) = drive("4jjjjjjjjjjjjjjjjjjjjjjjjjjjjjj", 120, 24);
    let before = screen_text(t.backend().buffer());
    let cursor = infallible(t.get_cursor_position());
    assert!(a.geometry.list_offset > 0, "the list scrolled");
    press(&mut a, &mut t, "<Enter>jj<Enter>");
    press(&mut a, &mut t, "<Backspace><Backspace>");
    assert_eq!(a.context(), clusterdex::app::Context::List);
    assert_eq!(infallible(t.get_cursor_position()), cursor);
    let after = screen_text(t.backend().buffer());
    assert_eq!(after[..after.len() - 1], before[..before.len() - 1]);
}

#[test]
fn a_scrolled_card_shows_how_far_it_reaches() {
    let (_, t) = drive("/lyonbiopole<Enter>", 120, 35);
    let top = screen_text(t.backend().buffer());
    let (_, t) = drive("/lyonbiopole<Enter>G", 120, 35);
    let end = screen_text(t.backend().buffer());
    let bottom = |s: &[String]| s[s.len() - 2].clone();
    assert!(!bottom(&top).contains("100%"), "{}", bottom(&top));
    assert!(bottom(&end).contains(" 100% "), "{}", bottom(&end));
    assert!(end.iter().any(|l| l.contains("Sources")));
}

#[test]
fn the_key_hints_stay_visible_at_80_by_24_in_every_mode() {
    for keys in [
        "",
        "/mag",
        "/magia<Enter>",
        "t",
        "f",
        "?",
        "/minalogic<Enter>cbiowin<Enter>",
    ] {
        let text = screen(keys, 80, 24);
        let status = text.lines().last().unwrap_or_default().to_string();
        assert!(
            status.contains("⏎") || status.contains("Esc") || status.contains("close"),
            "{keys:?}: {status:?}"
        );
    }
}

#[test]
fn the_copy_message_is_never_cut_by_the_trail() {
    let text = screen("/medtech alliance for global<Enter>jjy", 80, 24);
    let lines: Vec<&str> = text.lines().collect();
    let bottom = lines[lines.len() - 2..].join(" ");
    assert!(
        bottom.contains("was sent to the terminal's clipboard (OSC 52)"),
        "{bottom}"
    );
}

#[test]
fn zoom_gives_the_focused_pane_the_whole_width() {
    let (a, _) = drive("z", 120, 35);
    assert_eq!(a.geometry.list.width, 118);
    let (a, _) = drive("zz", 120, 35);
    assert!(a.geometry.list.width < 60);
}

#[test]
fn the_focused_pane_shows_its_selection_and_the_others_theirs_dimmed() {
    let theme = Theme::dark();
    let (a, mut t) = drive("l", 180, 45);
    let b = t.backend().buffer().clone();
    for &(tab, rect) in &a.geometry.board {
        let row = a.selected[tab.index()] - a.geometry.offset(tab);
        let cell = &b[(rect.x + 3, rect.y + row as u16)];
        let want = if tab == a.tab {
            theme.selected
        } else {
            theme.selected_idle
        };
        assert_eq!(cell.bg, want.bg.unwrap_or_default(), "{}", tab.title());
    }
    let pos = infallible(t.get_cursor_position());
    let focused = a
        .geometry
        .board
        .iter()
        .find(|(t, _)| *t == a.tab)
        .expect("pane");
    assert_eq!(pos.x, focused.1.x, "the cursor sits in the focused pane");
}

#[test]
fn a_click_on_a_board_pane_selects_its_row_and_a_second_click_opens_it() {
    let (mut a, mut t) = drive("", 180, 45);
    let (tab, rect) = a.geometry.board[1];
    let theme = Theme::dark();
    a.update(clusterdex::app::Action::Click(rect.x + 4, rect.y + 2));
    infallible(t.draw(|f| ui::draw(f, &mut a, &theme)));
    assert_eq!(a.tab, tab);
    let e = a.rows[tab.index()][a.geometry.offset(tab) + 2];
    assert_eq!(a.list_entity(), Some(e));
    let rect = a.geometry.board[1].1;
    a.update(clusterdex::app::Action::Click(rect.x + 4, rect.y + 2));
    assert_eq!(a.open_entity(), Some(e), "the second click opens the card");
}
