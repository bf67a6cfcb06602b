//! The config checker on small texts: each kind of problem found and placed,
//! and the default text a clean file.

use std::path::Path;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::remap::{self, Remap};
use super::*;
use crate::app::Action;
use crate::app::keymap::Context;

fn problems(text: &str) -> Vec<String> {
    check(text, Path::new("/nonexistent"))
        .1
        .iter()
        .map(|d| d.render("c.ron"))
        .collect()
}

#[test]
fn the_default_text_is_a_clean_config_of_defaults() {
    let (config, problems) = check(&default::text(), Path::new("."));
    assert_eq!(problems, vec![]);
    assert_eq!(config.data, None);
    assert_eq!(config.theme, Some(ThemeName::Dark));
    assert_eq!(config.mouse, Some(false));
    assert!(config.remaps.is_empty());
}

#[test]
fn every_remap_line_of_the_default_text_uncommented_is_clean_and_changes_nothing() {
    let text = default::text().replace("        // \"", "        \"");
    let (config, problems) = check(&text, Path::new("."));
    assert_eq!(problems, vec![]);
    assert!(config.remaps.len() > 30, "{}", config.remaps.len());
    for (b, d) in remap::effective(&config.remaps)
        .iter()
        .zip(crate::app::keymap::builtin().rows())
    {
        let mut got = b.keys.clone();
        let mut want = d.keys.clone();
        got.sort_by_key(|k| format!("{k:?}"));
        want.sort_by_key(|k| format!("{k:?}"));
        assert_eq!(got, want, "{:?} in {:?}", d.action, d.context);
    }
}

#[test]
fn a_good_config_gives_its_settings() {
    let text =
        r#"(theme: Light, mouse: true, keys: {"start_search": ["s", "/"], "search.down": "C-j"})"#;
    let (config, problems) = check(text, Path::new("."));
    assert_eq!(problems, vec![]);
    assert_eq!(config.theme, Some(ThemeName::Light));
    assert_eq!(config.mouse, Some(true));
    assert_eq!(config.remaps.len(), 2);
    assert_eq!(config.remaps[1].context, Some(Context::Search));
    assert_eq!(config.remaps[1].action, Action::Down);
}

#[test]
fn each_kind_of_problem_is_placed_with_a_hint() {
    let text = "(\n  colour: \"red\",\n  theme: \"blue\",\n  mouse: 1,\n  keys: {\n    \"stat_search\": \"s\",\n    \"quit\": \"Hyper-x\",\n    \"top\": \"j\",\n  },\n)\n";
    assert_eq!(
        problems(text),
        [
            "c.ron:2:3: error[unknown-setting]: there is no setting named `colour`\n  hint: the settings are data, theme, mouse and keys",
            "c.ron:3:10: error[bad-value]: the theme \"blue\" is neither \"dark\" nor \"light\"\n  hint: write theme: \"dark\" or theme: \"light\"",
            "c.ron:4:10: error[bad-value]: mouse is 1, not true or false\n  hint: write mouse: true or mouse: false",
            "c.ron:6:5: error[unknown-action]: no action is named `stat_search`\n  hint: did you mean `start_search`? (`clusterdex config default` lists every action)",
            "c.ron:7:13: error[unknown-key]: no key is named \"Hyper-x\": \"hyper\" is not a modifier (C-, A- or S-)\n  hint: a key is a character (\"j\", \"G\", \"?\"), or Enter, Esc, Tab, Backspace, Space, Up, Down, Left, Right, Home, End, PgUp, PgDn, Del, Ins, F1 to F12; with C- (Ctrl), A- (Alt) or S- (Shift) before it, e.g. \"C-d\", \"S-Tab\"",
            "c.ron:8:5: error[key-bound-twice]: `j` is bound twice in list, entity, help, timeline, network and chart: to `down` and to `top`\n  hint: choose another key for one of them (remap the other too if it should move)",
        ]
    );
}

#[test]
fn a_syntax_error_is_placed() {
    assert_eq!(
        problems("(\n  theme: \"dark\"\n  mouse: true,\n)"),
        [
            "c.ron:3:3: error[syntax]: the file does not parse: Expected comma\n  hint: settings go in parentheses, e.g. (theme: \"light\"); `clusterdex config default` prints a complete file"
        ]
    );
}

#[test]
fn a_global_key_taken_by_a_mode_is_bound_twice_there() {
    let p = problems(r#"(keys: {"quit": "j"})"#);
    assert_eq!(
        p,
        [
            "c.ron:1:9: error[key-bound-twice]: `j` is bound twice in list and entity: to `down` and to `quit` (global keys)\n  hint: choose another key for one of them (remap the other too if it should move)"
        ]
    );
}

#[test]
fn text_lines_keep_their_characters() {
    let (config, problems) = check(r#"(keys: {"down": ["o", "C-n"]})"#, Path::new("."));
    assert_eq!(problems, vec![]);
    let bound = remap::effective(&config.remaps);
    let keys_in = |c: Context| {
        bound
            .iter()
            .find(|b| b.context == c && b.action == Action::Down)
            .map(|b| b.keys.clone())
    };
    let o = (KeyCode::Char('o'), KeyModifiers::NONE);
    let ctrl_n = (KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(keys_in(Context::List), Some(vec![o, ctrl_n]));
    assert_eq!(
        keys_in(Context::Search),
        Some(vec![ctrl_n]),
        "o is typed there"
    );
    assert_eq!(keys_in(Context::Note), Some(vec![ctrl_n]), "and in a note");
    assert_eq!(
        problems_of(r#"(keys: {"search.down": "n"})"#),
        ["`n` is bound twice in search: it types text there, so it cannot also be `down`"]
    );
}

fn problems_of(text: &str) -> Vec<String> {
    check(text, Path::new("."))
        .1
        .into_iter()
        .map(|d| d.message)
        .collect()
}

#[test]
fn modes_and_ctrl_c_are_checked() {
    assert_eq!(
        problems_of(r#"(keys: {"serch.down": "C-j", "list.quit": "x", "top": "C-c"})"#),
        [
            "no mode is named `serch`",
            "`quit` has no keys in list",
            "`C-c` is bound twice: it always quits, so it cannot also be `top`",
        ]
    );
}

#[test]
fn data_paths_are_read_from_the_config_folder_and_must_exist() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("eco.ron"), "()").expect("write");
    let (config, problems) = check(r#"(data: "eco.ron")"#, dir.path());
    assert_eq!(problems, vec![]);
    assert_eq!(config.data, Some(dir.path().join("eco.ron")));
    let (_, problems) = check(r#"(data: Some("missing.ron"))"#, dir.path());
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.ends_with("where there is no file"));
}

#[test]
fn a_file_with_problems_is_not_used_at_all() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("config.ron");
    std::fs::write(&path, r#"(theme: "light", mouse: "yes")"#).expect("write");
    let loaded = load(&path);
    assert!(loaded.exists);
    assert_eq!(loaded.config, Config::default());
    assert_eq!(
        loaded.banner(),
        Some(format!(
            "{} has 1 problem; using the defaults (run `clusterdex config check`)",
            path.display()
        ))
    );
    let missing = load(&dir.path().join("none.ron"));
    assert!(!missing.exists && missing.problems.is_empty() && missing.banner().is_none());
}

#[test]
fn remaps_name_every_action_of_the_keymap_once() {
    let names: Vec<String> = remap::actions().into_iter().map(|(n, _)| n).collect();
    for n in [
        "quit",
        "start_search",
        "toggle_board",
        "history_back",
        "toggle_help",
    ] {
        assert!(names.contains(&n.to_string()), "{n} in {names:?}");
    }
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), names.len());
    let _: &[Remap] = &[];
}
