//! Property tests: whatever bytes a dataset file holds, and however a sound
//! file is mangled by a slip of the keyboard, loading gives a dataset or an
//! error, never a panic, and every message it produces is safe to print.

use std::path::Path;

use clusterdex::data::{BUILTIN, decode};
use clusterdex::load::{Loaded, load_text};
use proptest::prelude::*;

const EXAMPLE: &str = include_str!("fixtures/valid/example.ron");

/// Nothing that can start a terminal control sequence: no C0 control but the
/// line break, no DEL, no C1 control.
fn assert_terminal_safe(text: &str) {
    if let Some(c) = text
        .chars()
        .find(|&c| (c.is_control() && c != '\n') || c == '\u{7f}')
    {
        panic!("U+{:04X} in a message: {text:?}", c as u32);
    }
}

fn assert_messages_safe(loaded: &Loaded) {
    for d in &loaded.diagnostics {
        assert_terminal_safe(&d.render(&loaded.name));
    }
    assert_terminal_safe(&loaded.dataset.summary());
}

/// Bytes to the whole load path, as a file from disk takes it.
fn load_bytes(bytes: &[u8]) {
    match decode(Path::new("p.ron"), bytes) {
        Ok(text) => load_str(text),
        Err(e) => assert_terminal_safe(&e.to_string()),
    }
}

fn load_str(text: &str) {
    match load_text(Path::new("p.ron"), text) {
        Ok(loaded) => assert_messages_safe(&loaded),
        Err(e) => assert_terminal_safe(&e.to_string()),
    }
}

/// One keyboard slip: delete, insert or replace a character.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Insert(usize, char),
    Replace(usize, char),
}

/// Characters that matter to RON and to terminals, plus anything at all.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::sample::select(vec![
            '(', ')', '[', ']', '"', '\\', ':', ',', '/', '*', '#', '{', '}', '\n', ' ',
            '\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{200b}', '\u{feff}', '\0', 'é',
        ]),
        1 => any::<char>(),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), interesting_char()).prop_map(|(i, c)| Edit::Insert(i, c)),
        (any::<usize>(), interesting_char()).prop_map(|(i, c)| Edit::Replace(i, c)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        let len = chars.len().max(1);
        match *e {
            Edit::Delete(i) if !chars.is_empty() => {
                chars.remove(i % len);
            }
            Edit::Insert(i, c) => chars.insert(i % (chars.len() + 1), c),
            Edit::Replace(i, c) if !chars.is_empty() => chars[i % len] = c,
            _ => {}
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        load_bytes(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        load_str(&text);
        load_str(&format!("({text})"));
    }

    #[test]
    fn slips_in_the_example_never_panic(edits in prop::collection::vec(edit(), 1..8)) {
        load_str(&apply(EXAMPLE, &edits));
    }

    #[test]
    fn slips_in_the_builtin_dataset_never_panic(edits in prop::collection::vec(edit(), 1..4)) {
        let text = apply(BUILTIN, &edits);
        load_str(&text);
        load_bytes(text.as_bytes());
    }

    #[test]
    fn hostile_text_in_any_string_is_reported_safely(
        at in any::<usize>(),
        hostile in prop::sample::select(vec![
            "\u{1b}[2J", "\u{1b}]52;c;ZXZpbA==\u{7}", "\u{9b}31m", "\u{202e}", "\u{200b}",
            "\\u{1b}[31m", "\\u{9b}", "\\u{202e}", "\\u{85}",
        ]),
    ) {
        // Into the middle of one of the example's strings, where RON accepts it.
        let quotes: Vec<usize> = EXAMPLE.match_indices('"').map(|(i, _)| i).collect();
        let opening = quotes[(at % (quotes.len() / 2)) * 2];
        let text = format!("{}{hostile}{}", &EXAMPLE[..=opening], &EXAMPLE[opening + 1..]);
        load_str(&text);
    }
}
