//! Whole screens of the explorer for snapshot tests: the built-in dataset, a
//! screen driven by keys as a user types them, and the macro that names one
//! insta snapshot per screen. Each test file brings its own `screen(keys, w,
//! h)` (most use [`screen_of`] on [`builtin`]), which the macro calls.

use clusterdex::app::App;
use clusterdex::commands::snapshot::{parse_keys, render};
use clusterdex::load::{DataSource, load};
use clusterdex::ui::Theme;

/// The explorer on the built-in dataset, as it starts.
pub fn builtin() -> App {
    let loaded = load(&DataSource::Builtin, clusterdex::data::DEFAULT_MAX_BYTES).expect("built-in");
    App::new(loaded.dataset, loaded.diagnostics)
}

/// The screen after `keys` (snapshot syntax: `/magia<Enter>`), as text.
pub fn screen_of(mut app: App, keys: &str, w: u16, h: u16) -> String {
    let keys = parse_keys(keys).expect("keys");
    render(&mut app, &keys, (w, h), &Theme::dark()).join("\n")
}

/// `screen_snapshot!(name, keys, width, height)`: a test that keeps the
/// screen after those keys as the insta snapshot `name`.
macro_rules! screen_snapshot {
    ($name:ident, $keys:expr, $w:expr, $h:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(stringify!($name), screen($keys, $w, $h));
        }
    };
}
pub(crate) use screen_snapshot;
