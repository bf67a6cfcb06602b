//! Whole screens of the explorer on a fixed-size test backend, driven by keys
//! as a user types them, kept as named insta snapshots; and pane tests that
//! check the styles snapshots cannot record (selection, matched letters).

mod common;

use common::screens::{builtin, screen_of, screen_snapshot};

use clusterdex::app::App;
use clusterdex::commands::snapshot::{infallible, parse_keys, render};
use clusterdex::load::{DataSource, load};
use clusterdex::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

fn app() -> App {
    builtin()
}

fn screen(keys: &str, w: u16, h: u16) -> String {
    screen_of(app(), keys, w, h)
}

screen_snapshot!(start, "", 120, 40);
screen_snapshot!(tab_alliances, "2", 120, 40);
screen_snapshot!(tab_events, "<Tab><Tab>", 120, 40);
screen_snapshot!(tab_others, "4", 120, 40);
screen_snapshot!(search_typing, "/lyonb", 120, 40);
screen_snapshot!(search_no_result, "/zzzqqq", 120, 40);
screen_snapshot!(search_answers, "/magia coordinator", 120, 40);
screen_snapshot!(entity_with_many_relations, "/lyonbiopole<Enter>", 120, 40);
screen_snapshot!(
    drill_two_levels,
    "/lyonbiopole<Enter><Enter>jjj<Enter>",
    120,
    40
);
screen_snapshot!(
    back_after_drilling,
    "/lyonbiopole<Enter><Enter>jjj<Enter><Backspace>",
    120,
    40
);
screen_snapshot!(help_overlay, "?", 120, 40);
screen_snapshot!(narrow_list, "", 80, 24);
screen_snapshot!(narrow_entity, "/magia<Enter>", 80, 24);
screen_snapshot!(too_small, "", 30, 6);
screen_snapshot!(timeline_view, "t", 120, 40);
screen_snapshot!(filter_line_with_counts, "ftag:oncology in:france", 120, 40);
screen_snapshot!(
    connection_path,
    "/minalogic<Enter>clyonbiopole<Enter>",
    120,
    40
);

/// Draws an app after keys and returns the buffer, for style checks.
fn buffer(keys: &str, w: u16, h: u16) -> (App, Buffer) {
    let mut a = app();
    let theme = Theme::dark();
    let mut t = infallible(Terminal::new(TestBackend::new(w, h)));
    for k in parse_keys(keys).expect("keys") {
        if let Some(action) = clusterdex::app::keymap::action(a.context(), &k) {
            a.update(action);
        }
    }
    infallible(t.draw(|f| ui::draw(f, &mut a, &theme)));
    let b = t.backend().buffer().clone();
    (a, b)
}

fn row_text(b: &Buffer, y: u16, x0: u16, x1: u16) -> String {
    (x0..x1).map(|x| b[(x, y)].symbol().to_string()).collect()
}

/// Under a query of several words that finds nothing, the line under it
/// names the word no entity holds, even at 80 columns.
#[test]
fn a_search_that_finds_nothing_names_the_word_to_drop() {
    let narrow = screen("/eurobiomed marseille", 80, 24);
    assert!(
        narrow.contains("0 matches: no entity holds \"marseille\"; try without it"),
        "{narrow}"
    );
    let wide = screen("/textile plastics health", 120, 30);
    assert!(wide.contains("no entity has them all"), "{wide}");
}

#[test]
fn the_selected_list_row_is_drawn_in_the_selection_style() {
    let theme = Theme::dark();
    let (a, b) = buffer("jj", 120, 40);
    let list = a.geometry.list;
    let selected_y = list.y + 2;
    assert!(row_text(&b, selected_y, list.x, list.x + 20).starts_with("BioPmed"));
    for x in list.x..list.x + list.width {
        assert_eq!(
            b[(x, selected_y)].bg,
            theme.selected.bg.expect("background"),
            "cell {x}"
        );
    }
    assert_ne!(
        b[(list.x, selected_y - 1)].bg,
        theme.selected.bg.expect("background")
    );
}

#[test]
fn matched_letters_of_a_hit_are_highlighted() {
    let theme = Theme::dark();
    let (a, b) = buffer("/biowin", 120, 40);
    let list = a.geometry.list;
    // First hit row: "cluster  Biowin": the name starts after the 9-cell badge.
    let y = list.y;
    assert_eq!(row_text(&b, y, list.x + 9, list.x + 15), "Biowin");
    for x in list.x + 9..list.x + 15 {
        let cell = &b[(x, y)];
        assert!(
            cell.modifier.contains(ratatui::style::Modifier::BOLD),
            "letter at {x} is not emphasised"
        );
        assert_eq!(cell.fg, theme.matched.fg.expect("colour"));
    }
}

#[test]
fn no_color_theme_uses_no_colour_at_all() {
    let theme = Theme::plain();
    let mut a = app();
    let mut t = infallible(Terminal::new(TestBackend::new(120, 40)));
    infallible(t.draw(|f| ui::draw(f, &mut a, &theme)));
    let b = t.backend().buffer();
    for cell in b.content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (ratatui::style::Color::Reset, ratatui::style::Color::Reset)
        );
    }
}

#[test]
fn the_terminal_cursor_sits_on_the_selected_row() {
    let mut a = app();
    let theme = Theme::dark();
    let mut t = infallible(Terminal::new(TestBackend::new(120, 40)));
    for _ in 0..3 {
        a.update(clusterdex::app::Action::Down);
    }
    infallible(t.draw(|f| ui::draw(f, &mut a, &theme)));
    let pos = infallible(t.get_cursor_position());
    assert_eq!((pos.x, pos.y), (a.geometry.list.x, a.geometry.list.y + 3));
}

#[test]
fn problems_banner_and_list() {
    let path = std::path::PathBuf::from("tests/fixtures/invalid/dangling_relation.ron");
    let loaded =
        load(&DataSource::File(path), clusterdex::data::DEFAULT_MAX_BYTES).expect("parses");
    let mut app = App::new(loaded.dataset, loaded.diagnostics);
    app.source_name = loaded.name;
    let banner = render(&mut app, &[], (100, 20), &Theme::dark()).join("\n");
    insta::assert_snapshot!("problems_banner", banner);
    let list = render(
        &mut app,
        &parse_keys("!").expect("keys"),
        (100, 20),
        &Theme::dark(),
    )
    .join("\n");
    insta::assert_snapshot!("problems_list", list);
}

/// An entity of a large dataset with more related entities than the pane has
/// rows (the pane draws only those in view): the last one, once selected, is
/// on screen, in the selection style, under the terminal cursor, with its name.
#[test]
fn the_last_of_more_related_entities_than_rows_is_drawn_when_selected() {
    let ds = clusterdex::validate::build(&clusterdex::synth::generate(6000, 3));
    let mut a = App::new(ds, Vec::new());
    let most = (0..a.ds.len()).max_by_key(|&e| a.related_of(e).len());
    let e = most.expect("entities");
    let related = a.related_of(e);
    assert!(related.len() > 60, "{} related", related.len());
    a.visit(e);
    // G goes to the card's end; k then j pick the last related row.
    for action in [
        clusterdex::app::Action::Bottom,
        clusterdex::app::Action::Up,
        clusterdex::app::Action::Down,
    ] {
        a.update(action);
    }
    let theme = Theme::dark();
    let mut t = infallible(Terminal::new(TestBackend::new(120, 40)));
    infallible(t.draw(|f| ui::draw(f, &mut a, &theme)));
    let pos = infallible(t.get_cursor_position());
    let area = a.geometry.entity;
    let row = row_text(t.backend().buffer(), pos.y, area.x, area.x + area.width);
    let last = &a.ds.entity(related[related.len() - 1].other).name;
    let start: String = last.chars().take(12).collect();
    assert!(row.contains(&start), "{row:?} should show {last:?}");
    let cell = &t.backend().buffer()[(area.x + 4, pos.y)];
    assert_eq!(cell.bg, theme.selected.bg.unwrap_or_default(), "{row:?}");
}

screen_snapshot!(
    entity_with_inferred_parts,
    "/european strategic cluster<Enter>",
    120,
    40
);

/// A stated entity whose kind the sources only imply: the mark after the kind
/// is drawn in the inferred style, and the reason is listed under "Inferred".
#[test]
fn an_inferred_kind_is_marked_in_the_inferred_style() {
    let theme = Theme::dark();
    let (a, b) = buffer("/flanders bio<Enter>", 120, 40);
    let pane = a.geometry.entity;
    let rows: Vec<String> = (pane.y..pane.y + pane.height)
        .map(|y| row_text(&b, y, pane.x, pane.x + pane.width))
        .collect();
    let head = rows
        .iter()
        .position(|r| r.starts_with("cluster (inferred) Flanders bio"))
        .unwrap_or_else(|| panic!("no marked header in {rows:#?}"));
    let y = pane.y + head as u16;
    let mark = pane.x + "cluster ".len() as u16;
    for x in mark..mark + "(inferred)".len() as u16 {
        assert_eq!(b[(x, y)].fg, theme.inferred.fg.expect("colour"), "cell {x}");
        assert!(
            b[(x, y)]
                .modifier
                .contains(ratatui::style::Modifier::ITALIC)
        );
    }
    assert_ne!(b[(pane.x, y)].fg, theme.inferred.fg.expect("colour"));
    assert!(rows.iter().any(|r| r.trim_end() == "Inferred"), "{rows:#?}");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("  kind: the page names it only"))
    );
}
