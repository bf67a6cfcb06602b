//! Notes, pins and recent lookups in the explorer, as a user in a meeting
//! meets them: whole screens (the note editor, a card with notes, the Pinned
//! and Recent lists as tabs and on the board, the config banner), and
//! scripted keys that check what is on disk. Every test keeps the user's
//! files in a temporary folder, at a fixed time, in UTC.

use std::fs;
use std::path::Path;

use clusterdex::app::{Action, App, Mode, Tab};
use clusterdex::commands::snapshot::{parse_keys, render};
use clusterdex::load::{DataSource, load};
use clusterdex::store::{DatasetRef, Paths, Store};
use clusterdex::ui::Theme;
use jiff::tz::TimeZone;

/// An explorer on the built-in dataset with its own user files (the fixture
/// notes, pins and recent lookups when `fixtures`), at 2026-03-02 12:00 UTC.
struct Session {
    _dir: tempfile::TempDir,
    paths: Paths,
    app: App,
}

impl Session {
    fn new(fixtures: bool) -> Session {
        let dir = tempfile::tempdir().expect("temp dir");
        let paths = Paths::under(dir.path());
        if fixtures {
            let from = Path::new("tests/fixtures/memory");
            for (file, to) in [
                ("notes.ron", &paths.notes),
                ("pins.ron", &paths.pins),
                ("recent.ron", &paths.recent),
            ] {
                fs::create_dir_all(to.parent().expect("folder")).expect("mkdir");
                fs::copy(from.join(file), to).expect("copy");
            }
        }
        Session::open(dir, paths)
    }

    fn open(dir: tempfile::TempDir, paths: Paths) -> Session {
        let loaded =
            load(&DataSource::Builtin, clusterdex::data::DEFAULT_MAX_BYTES).expect("loads");
        let mut app = App::new(loaded.dataset, loaded.diagnostics)
            .with_store(Store::at(paths.clone()), DatasetRef::Builtin);
        app.memory.clock = Some("2026-03-02T12:00:00Z".parse().expect("time"));
        app.memory.zone = Some(TimeZone::UTC);
        Session {
            _dir: dir,
            paths,
            app,
        }
    }

    /// The same files opened again, as after a restart.
    fn restart(self) -> Session {
        let Session { _dir, paths, app } = self;
        drop(app);
        Session::open(_dir, paths)
    }

    fn screen(&mut self, keys: &str, w: u16, h: u16) -> String {
        let keys = parse_keys(keys).expect("keys");
        render(&mut self.app, &keys, (w, h), &Theme::dark()).join("\n")
    }

    fn keys(&mut self, keys: &str) {
        for k in parse_keys(keys).expect("keys") {
            if let Some(a) = self.app.action_for(&k) {
                self.app.update(a);
            }
        }
    }

    fn file(&self, path: &Path) -> String {
        fs::read_to_string(path).unwrap_or_default()
    }

    fn notes(&self) -> Vec<(String, String)> {
        let notes = Store::at(self.paths.clone()).notes().expect("reads").value;
        notes.into_iter().map(|n| (n.entity.id, n.text)).collect()
    }
}

/// The rows of the pane of that title.
fn rows(app: &App, title: &str) -> Vec<usize> {
    let tab = Tab::all().find(|t| t.title() == title).expect("a pane");
    app.rows[tab.index()].clone()
}

macro_rules! memory_snapshot {
    ($name:ident, $fixtures:expr, $keys:expr, $w:expr, $h:expr) => {
        #[test]
        fn $name() {
            let mut s = Session::new($fixtures);
            insta::assert_snapshot!(stringify!($name), s.screen($keys, $w, $h));
        }
    };
}

memory_snapshot!(
    note_editor,
    false,
    "/biopmed<Enter>nWants to talk about China in March<Enter>ask Lieve Apers",
    80,
    24
);
memory_snapshot!(
    note_editor_asks_before_closing,
    false,
    "/biopmed<Enter>nWants to talk about China in March<Esc>",
    80,
    24
);
memory_snapshot!(card_with_notes, true, "/lyonbiopole<Enter>", 120, 40);
memory_snapshot!(card_with_notes_narrow, true, "/lyonbiopole<Enter>", 80, 24);
memory_snapshot!(delete_asks_first, true, "/lyonbiopole<Enter>jjd", 120, 40);
memory_snapshot!(pinned_tab, true, "5", 120, 40);
memory_snapshot!(recent_tab, true, "6", 120, 40);
memory_snapshot!(board_with_pinned_pane, true, "", 180, 45);
memory_snapshot!(
    a_hit_in_a_note_says_so,
    true,
    "/nano4health report",
    120,
    30
);

#[test]
fn config_banner() {
    let (config, problems) = clusterdex::config::check(
        r#"(theme: "mauve", keys: {"stat_search": "s"})"#,
        Path::new("."),
    );
    assert_eq!(config, clusterdex::config::Config::default());
    let mut s = Session::new(false);
    s.app.config_problems = problems;
    s.app.config_name = "/home/u/.config/clusterdex/config.ron".to_string();
    insta::assert_snapshot!("config_banner", s.screen("", 100, 24));
    insta::assert_snapshot!("config_problems_listed", s.screen("!", 100, 24));
}

#[test]
fn a_note_saved_in_the_explorer_is_on_disk_before_exit() {
    let mut s = Session::new(false);
    s.keys("/biopmed<Enter>nWants to talk about China in March<Enter>ask Lieve<C-s>");
    assert_eq!(s.app.mode, Mode::Browse, "the editor closed");
    s.app.wait_store();
    assert!(!s.app.quit);
    assert_eq!(
        s.notes(),
        [(
            "biopmed".to_string(),
            "Wants to talk about China in March\nask Lieve".to_string()
        )]
    );
    assert_eq!(s.app.flash.as_deref(), Some("note on BioPmed saved"));
    let card = s.screen("", 120, 40);
    assert!(
        card.contains("2026-03-02 12:00  Wants to talk about China in March"),
        "{card}"
    );
    // After a restart the note is on the card and found by search.
    let mut s = s.restart();
    let hits = s.screen("/china march", 120, 40);
    assert!(hits.contains("BioPmed  my note:"), "{hits}");
}

#[test]
fn esc_then_enter_saves_and_esc_twice_discards() {
    let mut s = Session::new(false);
    s.keys("/biowin<Enter>nfirst<Esc>");
    assert_eq!(s.app.mode, Mode::Confirm, "the first Esc asks");
    s.keys("<Enter>");
    s.app.wait_store();
    assert_eq!(s.notes(), [("biowin".to_string(), "first".to_string())]);
    s.keys("nsecond<Esc>");
    s.keys("x");
    assert_eq!(s.app.mode, Mode::Note, "another key goes back to the note");
    s.keys("<Esc><Esc>");
    s.app.wait_store();
    assert_eq!(s.app.mode, Mode::Browse);
    assert_eq!(s.app.flash.as_deref(), Some("note discarded"));
    assert_eq!(s.notes().len(), 1, "nothing written");
    s.keys("n<Esc>");
    assert_eq!(
        s.app.mode,
        Mode::Browse,
        "nothing typed: Esc closes at once"
    );
}

#[test]
fn a_selected_note_is_edited_and_deleted_after_asking() {
    let mut s = Session::new(true);
    s.keys("/lyonbiopole<Enter>j");
    let note = s.app.selected_note().expect("the newest note is selected");
    assert!(note.text.starts_with("next steering meeting"), "{note:?}");
    s.keys("e<Down><End> (by Friday)<C-s>");
    s.app.wait_store();
    let notes = s.notes();
    assert!(
        notes.iter().any(|(_, t)| t.ends_with("(by Friday)")),
        "{notes:?}"
    );
    assert_eq!(notes.len(), 4, "an edit adds no note");
    s.keys("jd");
    assert_eq!(s.app.mode, Mode::Confirm, "a deletion asks first");
    s.keys("n");
    s.app.wait_store();
    assert_eq!(s.notes().len(), 4, "no: kept");
    s.keys("d<Enter>");
    s.app.wait_store();
    let notes = s.notes();
    assert_eq!(notes.len(), 3);
    assert!(!notes.iter().any(|(_, t)| t.contains("Nano4health report")));
    assert_eq!(s.app.flash.as_deref(), Some("note deleted"));
}

#[test]
fn p_pins_and_unpins_and_the_pinned_pane_follows_at_once() {
    let mut s = Session::new(false);
    s.keys("jj");
    let biopmed = s.app.list_entity().expect("a row");
    s.keys("p");
    let pinned = rows(&s.app, "Pinned");
    assert_eq!(pinned, [biopmed], "at once, before the write");
    s.app.wait_store();
    assert!(s.file(&s.paths.pins).contains("entity: \"biopmed\""));
    s.keys("p");
    s.app.wait_store();
    assert!(rows(&s.app, "Pinned").is_empty());
    assert!(!s.file(&s.paths.pins).contains("biopmed"));
}

#[test]
fn p_in_the_timeline_still_shows_the_chart() {
    let mut s = Session::new(false);
    s.keys("tp");
    assert_eq!(s.app.mode, Mode::Chart);
    assert!(s.app.memory.pins.is_empty());
}

#[test]
fn an_entity_opened_is_recent_at_once_and_on_disk_soon() {
    let mut s = Session::new(false);
    s.keys("/magia<Enter>");
    let magia = s.app.open_entity().expect("open");
    assert_eq!(rows(&s.app, "Recent"), [magia]);
    s.app.wait_store();
    assert!(s.file(&s.paths.recent).contains("entity: \"magia\""));
    s.keys("<Enter>");
    let recent = rows(&s.app, "Recent");
    assert_eq!(recent.len(), 2);
    assert_eq!(recent[1], magia, "the most recent first");
}

#[test]
fn a_note_that_cannot_be_saved_stays_on_its_card_and_the_user_is_told_where() {
    let mut s = Session::new(false);
    // A folder where the notes file should be: no file can replace it.
    fs::create_dir_all(&s.paths.notes).expect("mkdir");
    s.keys("/biopmed<Enter>nkeep me<C-s>");
    s.app.wait_store();
    let flash = s.app.flash.clone().unwrap_or_default();
    assert!(flash.contains("a note was not saved"), "{flash}");
    assert!(flash.contains("notes.ron"), "says which file: {flash}");
    assert_eq!(s.app.unsaved(), ["keep me"], "printed at exit, not lost");
    let screen = s.screen("", 120, 40);
    assert!(screen.contains("keep me"), "{screen}");
    assert!(screen.contains("not saved:"), "{screen}");
    assert!(
        screen.contains("your files: a note was not saved"),
        "{screen}"
    );
}

#[test]
fn a_corrupt_notes_file_is_moved_aside_and_the_banner_says_where() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = Paths::under(dir.path());
    fs::create_dir_all(paths.notes.parent().expect("folder")).expect("mkdir");
    fs::write(&paths.notes, "(version: 1, notes: [ oops").expect("write");
    let mut s = Session::open(dir, paths);
    let screen = s.screen("", 120, 30);
    assert!(
        screen.contains(
            "your files: notes.ron could not be read; it was moved aside to notes.ron.corrupt-"
        ),
        "{screen}"
    );
    let moved: Vec<_> = fs::read_dir(s.paths.notes.parent().expect("folder"))
        .expect("list")
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("notes.ron.corrupt-")
        })
        .collect();
    assert_eq!(moved.len(), 1);
    let listed = s.screen("!", 120, 30);
    assert!(listed.contains("moved aside, unchanged"), "{listed}");
}

#[test]
fn without_the_users_files_n_and_p_say_so() {
    let loaded = load(&DataSource::Builtin, clusterdex::data::DEFAULT_MAX_BYTES).expect("loads");
    let mut app =
        App::new(loaded.dataset, loaded.diagnostics).with_store(Store::off(), DatasetRef::Builtin);
    app.update(Action::NewNote);
    assert_eq!(app.mode, Mode::Browse);
    assert!(
        app.flash
            .as_deref()
            .is_some_and(|f| f.contains("--no-state"))
    );
    app.update(Action::TogglePin);
    assert!(
        app.flash
            .as_deref()
            .is_some_and(|f| f.contains("--no-state"))
    );
    assert!(app.memory.pins.is_empty());
}

#[test]
fn a_paste_into_a_note_keeps_its_lines() {
    let mut s = Session::new(false);
    s.keys("/biowin<Enter>n");
    s.app.paste("line one\r\nline two\n");
    s.keys("<C-s>");
    s.app.wait_store();
    assert_eq!(
        s.notes(),
        [("biowin".to_string(), "line one\nline two".to_string())]
    );
}

#[test]
fn remapped_keys_work_and_help_and_hints_show_them() {
    let (config, problems) = clusterdex::config::check(
        r#"(keys: {"new_note": "a", "show_pinned": "P", "save_note": "C-x"})"#,
        Path::new("."),
    );
    assert_eq!(problems, vec![]);
    let mut s = Session::new(true);
    s.app.keymap = clusterdex::config::remap::keymap(&config.remaps);
    let start = s.screen("", 120, 40);
    assert!(
        start.contains(" a note:"),
        "the hint shows the new key: {start}"
    );
    s.keys("n");
    assert_eq!(s.app.mode, Mode::Browse, "n no longer writes a note");
    s.keys("P");
    assert_eq!(s.app.tab.title(), "Pinned");
    s.keys("ahello<C-x>");
    s.app.wait_store();
    assert!(s.notes().iter().any(|(_, t)| t == "hello"));
    let help = s.screen("?", 120, 80);
    assert!(help.contains("  a "), "{help}");
    assert!(help.contains("1 2 3 4 P 6"), "{help}");
}

#[test]
fn ctrl_c_while_writing_asks_before_quitting() {
    let mut s = Session::new(false);
    s.keys("/biowin<Enter>nhalf a thought<C-c>");
    assert_eq!(s.app.mode, Mode::Confirm, "the note is not dropped unasked");
    assert!(!s.app.quit);
    let screen = s.screen("", 100, 30);
    assert!(
        screen.contains("Quitting: save this note first?"),
        "{screen}"
    );
    s.keys("<Enter>");
    assert!(s.app.quit, "saved, then quit");
    s.app.wait_store();
    assert_eq!(
        s.notes(),
        [("biowin".to_string(), "half a thought".to_string())]
    );
}

#[test]
fn a_card_opened_from_the_pinned_list_goes_back_to_it() {
    let mut s = Session::new(true);
    s.keys("5j<Enter>");
    assert_eq!(s.app.tab.title(), "Pinned", "the list stays the Pinned one");
    let open = s.app.open_entity().expect("a card");
    assert_eq!(&*s.app.ds.entity(open).id, "lyonbiopole");
    s.keys("<Backspace>");
    assert_eq!(s.app.tab.title(), "Pinned");
    assert_eq!(s.app.list_entity(), Some(open), "on the row left");
}
