//! The pictures as a user sees them: the network view and the period chart on
//! a fixed-size test backend, driven by keys, kept as named insta snapshots;
//! the same pictures printed by `graph` and `timeline --chart`; and the styles
//! snapshots cannot record (selection, kinds, NO_COLOR and the light theme).

mod common;

use common::screens::{screen_of, screen_snapshot};

use clusterdex::app::{App, Mode};
use clusterdex::commands::snapshot::{infallible, parse_keys};
use clusterdex::commands::{Env, chart, graph};
use clusterdex::load::{DataSource, load};
use clusterdex::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

/// The built-in dataset, with the year marked as today fixed so that the
/// chart's snapshots do not change with the clock.
fn app() -> App {
    let loaded = load(&DataSource::Builtin, clusterdex::data::DEFAULT_MAX_BYTES).expect("built-in");
    let mut app = App::new(loaded.dataset, loaded.diagnostics);
    app.chart.today = 2026;
    app
}

fn screen(keys: &str, w: u16, h: u16) -> String {
    screen_of(app(), keys, w, h)
}

screen_snapshot!(network_magia, "/magia<Enter>v", 120, 40);
screen_snapshot!(network_magia_depth_2, "/magia<Enter>v+", 120, 40);
screen_snapshot!(network_lyonbiopole, "/lyonbiopole<Enter>v", 120, 40);
screen_snapshot!(
    network_lyonbiopole_depth_2,
    "/lyonbiopole<Enter>v+",
    120,
    40
);
screen_snapshot!(network_smallest, "/lyonbiopole<Enter>v+jjj", 60, 20);
screen_snapshot!(network_too_small, "/magia<Enter>v", 59, 20);
screen_snapshot!(period_chart, "tp", 120, 40);
screen_snapshot!(period_chart_smallest, "tpG", 60, 20);

fn env() -> Env {
    Env {
        source: DataSource::Builtin,
        max_bytes: clusterdex::data::DEFAULT_MAX_BYTES,
        color: false,
        store: clusterdex::store::Store::off(),
        cache: clusterdex::cache::Cache::Off,
    }
}

fn graph_output(entity: &str, depth: u8, format: graph::Format, width: u16) -> String {
    let args = graph::GraphArgs {
        entity: vec![entity.to_string()],
        depth,
        format,
        width: Some(width),
        limit: 10,
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = graph::run(&env(), &args, &mut out, &mut err).expect("writes");
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn graph_as_text() {
    insta::assert_snapshot!(
        "graph_text_magia",
        graph_output("magia", 1, graph::Format::Text, 100)
    );
    insta::assert_snapshot!(
        "graph_text_lyonbiopole_depth_2",
        graph_output("lyonbiopole", 2, graph::Format::Text, 140)
    );
}

#[test]
fn graph_as_dot() {
    insta::assert_snapshot!(
        "graph_dot_magia",
        graph_output("magia", 1, graph::Format::Dot, 100)
    );
}

#[test]
fn timeline_chart_as_text() {
    let args = chart::ChartArgs {
        kind: None,
        width: 100,
        today: 2026,
    };
    let mut out = Vec::new();
    let code = chart::run(&env(), &args, &mut out, &mut Vec::new()).expect("writes");
    assert_eq!(code, 0);
    insta::assert_snapshot!("timeline_chart", String::from_utf8(out).expect("utf-8"));
}

/// Draws an app after keys and returns the buffer, for style checks.
fn buffer(keys: &str, w: u16, h: u16, theme: &Theme) -> (App, Buffer) {
    let mut a = app();
    let mut t = infallible(Terminal::new(TestBackend::new(w, h)));
    for k in parse_keys(keys).expect("keys") {
        if let Some(action) = clusterdex::app::keymap::action(a.context(), &k) {
            a.update(action);
        }
        infallible(t.draw(|f| ui::draw(f, &mut a, theme)));
    }
    let b = t.backend().buffer().clone();
    (a, b)
}

/// Where `text` starts on screen, if it is there.
fn find(b: &Buffer, text: &str) -> Option<(u16, u16)> {
    let first = text.chars().next()?.to_string();
    for y in 0..b.area.height {
        for x in 0..b.area.width {
            if b[(x, y)].symbol() == first {
                let run: String = (x..b.area.width.min(x + text.chars().count() as u16))
                    .map(|x| b[(x, y)].symbol().to_string())
                    .collect();
                if run == text {
                    return Some((x, y));
                }
            }
        }
    }
    None
}

#[test]
fn the_selected_node_is_drawn_in_the_selection_style_and_holds_the_cursor() {
    for theme in [Theme::dark(), Theme::light(), Theme::plain()] {
        let (a, b) = buffer("/magia<Enter>vj", 120, 40, &theme);
        assert_eq!(a.mode, Mode::Network);
        let (x, y) = find(&b, "BioPmed").expect("BioPmed drawn");
        let cell = &b[(x, y)];
        let sel = theme.selected;
        assert_eq!(cell.bg, sel.bg.unwrap_or_default(), "{theme:?}");
        assert!(cell.modifier.contains(sel.add_modifier), "{theme:?}");
        let (bx, by) = find(&b, "Biowin").expect("Biowin drawn");
        let other = &b[(bx, by)];
        assert_ne!(
            (other.bg, other.modifier),
            (cell.bg, cell.modifier),
            "others are not selected"
        );
        let mut t = infallible(Terminal::new(TestBackend::new(120, 40)));
        let mut a = a;
        infallible(t.draw(|f| ui::draw(f, &mut a, &theme)));
        let pos = infallible(t.get_cursor_position());
        assert_eq!((pos.x, pos.y), (x - 2, y), "the cursor on the node's mark");
    }
}

#[test]
fn nodes_take_their_kinds_colour_and_a_mark_that_needs_no_colour() {
    let theme = Theme::dark();
    let (a, b) = buffer("/magia<Enter>v", 120, 40, &theme);
    let (x, y) = find(&b, "Biowin").expect("Biowin drawn");
    let kind = a.ds.get("biowin").expect("biowin").kind;
    assert_eq!(b[(x, y)].fg, theme.kind(kind).fg.expect("colour"));
    assert_eq!(b[(x - 2, y)].symbol(), ui::picture::kind_mark(kind));
    let (ox, oy) = find(&b, "EASME").expect("EASME drawn");
    let org = a.ds.get("easme").expect("easme").kind;
    assert_ne!(ui::picture::kind_mark(org), ui::picture::kind_mark(kind));
    assert_eq!(b[(ox + 6, oy)].symbol(), ui::picture::kind_mark(org));
}

#[test]
fn no_color_draws_both_pictures_without_any_colour() {
    let theme = Theme::plain();
    for keys in ["/lyonbiopole<Enter>v+", "tp"] {
        let (_, b) = buffer(keys, 120, 40, &theme);
        for cell in b.content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (ratatui::style::Color::Reset, ratatui::style::Color::Reset),
                "{keys}"
            );
        }
    }
}

#[test]
fn inferred_neighbours_are_in_italics_in_every_theme() {
    for theme in [Theme::dark(), Theme::light(), Theme::plain()] {
        let (a, b) = buffer("/lyonbiopole<Enter>v", 120, 40, &theme);
        let hood = a.network.hood.as_ref().expect("open");
        let inferred = hood
            .nodes
            .iter()
            .find(|n| n.inferred)
            .expect("an inferred tie");
        let name = &a.ds.entity(inferred.entity).name;
        let shown: String = name.chars().take(10).collect();
        let (x, y) = find(&b, &shown).expect("drawn");
        assert!(
            b[(x, y)].modifier.contains(Modifier::ITALIC),
            "{name} in {theme:?}"
        );
    }
}

#[test]
fn the_charts_selected_row_and_todays_year_stand_out() {
    for theme in [Theme::dark(), Theme::light(), Theme::plain()] {
        let (a, b) = buffer("tpjj", 120, 40, &theme);
        assert_eq!(a.mode, Mode::Chart);
        let (x, y) = find(&b, "Lyonbiopôle–Clara").expect("row drawn");
        assert!(b[(x, y)].modifier.contains(theme.selected.add_modifier));
        let (tx, ty) = find(&b, "2026").expect("today's year on the axis");
        assert_eq!(b[(tx, ty)].fg, theme.key.fg.unwrap_or_default());
        assert!(b[(tx, ty)].modifier.contains(theme.key.add_modifier));
    }
}

#[test]
fn enter_on_a_chart_row_opens_its_card() {
    let (a, _) = buffer("tpjjj<Enter>", 120, 40, &Theme::dark());
    assert_eq!(a.mode, Mode::Browse);
    let open = a.open_entity().map(|e| a.ds.entity(e).id.clone());
    assert_eq!(open.as_deref(), Some("rinascimento_cluster_session"));
}

#[test]
fn a_click_selects_a_node_and_a_second_click_opens_it() {
    let theme = Theme::dark();
    let (mut a, b) = buffer("/magia<Enter>v", 120, 40, &theme);
    let (x, y) = find(&b, "Biowin").expect("Biowin drawn");
    let mut t = infallible(Terminal::new(TestBackend::new(120, 40)));
    a.update(clusterdex::app::Action::Click(x + 2, y));
    let selected = a.network_entity().map(|e| a.ds.entity(e).id.clone());
    assert_eq!(selected.as_deref(), Some("biowin"));
    infallible(t.draw(|f| ui::draw(f, &mut a, &theme)));
    a.update(clusterdex::app::Action::Click(x - 2, y));
    assert_eq!(a.mode, Mode::Browse);
    let open = a.open_entity().map(|e| a.ds.entity(e).id.clone());
    assert_eq!(open.as_deref(), Some("biowin"));
}

#[test]
fn a_click_on_a_chart_row_selects_it_and_a_second_opens_it() {
    let theme = Theme::dark();
    let (mut a, b) = buffer("tp", 120, 40, &theme);
    let (x, y) = find(&b, "MEDICA 2015").expect("row drawn");
    a.update(clusterdex::app::Action::Click(x, y));
    assert_eq!(
        a.chart_entity()
            .map(|e| a.ds.entity(e).id.clone())
            .as_deref(),
        Some("medica_2015")
    );
    a.update(clusterdex::app::Action::Click(x + 30, y));
    assert_eq!(a.mode, Mode::Browse);
    let open = a.open_entity().map(|e| a.ds.entity(e).id.clone());
    assert_eq!(open.as_deref(), Some("medica_2015"));
}
