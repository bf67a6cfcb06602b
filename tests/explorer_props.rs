//! Whatever keys a user presses at whatever terminal size, the explorer never
//! panics (1x1 up to 300x100, the board's sizes included), in the network view and
//! the period chart too, and with notes, pins and recent lookups written to a
//! temporary folder of user files (or none at all).

use clusterdex::app::App;
use clusterdex::commands::snapshot::render;
use clusterdex::load::{DataSource, load};
use clusterdex::store::{DatasetRef, Paths, Store};
use clusterdex::ui::Theme;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key() -> impl Strategy<Value = KeyEvent> {
    let code = prop_oneof![
        any::<char>().prop_map(KeyCode::Char),
        prop::sample::select(vec![
            '/', 'j', 'k', 'g', 'G', 'h', 'l', '[', ']', '-', '?', '1', '4', 'a', 'o', 'n',
            // the board, zoom, the cross-filter, copy, the views, help's own keys,
            // the network view and its depth, the period chart
            'b', 'z', '=', 'y', 'Y', 'f', 't', 'c', '!', ' ', ':', 'v', '+', 'p',
            // notes (n above) edited, deleted, saved with C-s, the Pinned and
            // Recent panes (p above pins)
            'e', 'd', 's', '5', '6'
        ])
        .prop_map(KeyCode::Char),
        prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Delete,
            KeyCode::F(1),
        ]),
    ];
    let mods = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::CONTROL,
        KeyModifiers::SHIFT,
    ]);
    (code, mods)
        .prop_filter("Ctrl-c ends the session early", |(c, m)| {
            !(*c == KeyCode::Char('c') && *m == KeyModifiers::CONTROL)
        })
        .prop_map(|(c, m)| KeyEvent::new(c, m))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_at_random_sizes_never_panic(
        keys in prop::collection::vec(key(), 0..40),
        w in 1u16..=300,
        h in 1u16..=100,
        files in any::<bool>(),
    ) {
        let loaded = load(&DataSource::Builtin, clusterdex::data::DEFAULT_MAX_BYTES).expect("built-in");
        let dir = tempfile::tempdir().expect("temp dir");
        let store = match files {
            true => Store::at(Paths::under(dir.path())),
            false => Store::off(),
        };
        let mut app = App::new(loaded.dataset, loaded.diagnostics)
            .with_store(store, DatasetRef::Builtin);
        let screen = render(&mut app, &keys, (w, h), &Theme::dark());
        prop_assert_eq!(screen.len(), usize::from(h));
        // Whatever was saved reads back.
        prop_assert!(Store::at(Paths::under(dir.path())).notes().is_ok());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The pictures from their first frame: the network of any entity at
    /// either depth, or the period chart, then random keys, at any size.
    #[test]
    fn random_keys_in_the_pictures_never_panic(
        entity in 0usize..1000,
        start in prop::sample::select(vec!["v", "v+", "tp"]),
        keys in prop::collection::vec(key(), 0..30),
        w in 1u16..=300,
        h in 1u16..=100,
    ) {
        let loaded = load(&DataSource::Builtin, clusterdex::data::DEFAULT_MAX_BYTES).expect("built-in");
        let mut app = App::new(loaded.dataset, loaded.diagnostics);
        app.visit(entity % app.ds.len());
        let mut all = clusterdex::commands::snapshot::parse_keys(start).expect("keys");
        all.extend(keys);
        let screen = render(&mut app, &all, (w, h), &Theme::dark());
        prop_assert_eq!(screen.len(), usize::from(h));
    }
}
