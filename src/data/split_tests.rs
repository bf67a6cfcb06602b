//! The piecewise parse must give exactly what the whole-file parse gives, or
//! step aside (`None`) so that the whole-file parse reports the error.

use super::*;
use crate::data::format::{FileEntity, FileRelation};
use crate::data::parse::ron_options;

fn whole(text: &str) -> Option<FileDataset> {
    ron_options().from_str(text).ok()
}

/// Every piece parsed and put back together in file order; each piece must
/// know the index of its first item.
fn pieces_of(text: &str, piece_bytes: usize) -> Option<FileDataset> {
    put_together(&Split::new(text, &ron_options(), piece_bytes)?)
}

fn put_together(split: &Split) -> Option<FileDataset> {
    let mut file = split.head()?;
    let entities = |first, items: &mut [FileEntity]| (first, items.to_vec());
    split.each(Which::Entities, entities, |(first, mut v)| {
        assert_eq!(first, file.entities.len());
        file.entities.append(&mut v)
    })?;
    let relations = |first, items: &mut [FileRelation]| (first, items.to_vec());
    split.each(Which::Relations, relations, |(first, mut v)| {
        assert_eq!(first, file.relations.len());
        file.relations.append(&mut v)
    })?;
    Some(file)
}

/// Strings, raw strings and comments full of the brackets and commas the lexer cuts at.
const TRICKY: &str = r###"// a dataset (with a comment]
(
  title: "brackets ) ] , in a \"title\"",
  /* block /* nested ( */ still a comment ] */
  sources: [(id: "s", title: "t")],
  entities: [
    (id: "a", kind: Cluster, name: "A ), (id: \"x\"", sources: ["s"]),   // ), (
    (id: "b", kind: Place, name: r#"raw "), ["#, sources: ["s"]),
    (id: "c", kind: Event, name: "C", description: r"raw ] ,", tags: ["a,b", "]"]),
    (id: "d", kind: Person, name: "Dé ü", notes: ["/* not a comment */", "// nor this"],),
  ],
  relations: [
    (from: "a", rel: "located_in", to: "b", note: "), (", sources: ["s"]),
    (from: "c", rel: "organised_by", to: "a", role: "/*"),
  ],
)
"###;

#[test]
fn tricky_text_parses_the_same_in_every_piece_size() {
    let expected = whole(TRICKY).expect("the sample is valid RON");
    assert_eq!(expected.entities.len(), 4);
    assert_eq!(expected.relations.len(), 2);
    for piece_bytes in [1, 30, 80, 200, 1 << 20] {
        assert_eq!(
            pieces_of(TRICKY, piece_bytes),
            Some(expected.clone()),
            "{piece_bytes}"
        );
    }
}

#[test]
fn every_item_end_is_a_cut_and_nothing_inside_strings_is() {
    let outline = scan(TRICKY).expect("scannable");
    assert_eq!(outline.entities.map(|l| l.item_ends.len()), Some(4));
    assert_eq!(outline.relations.map(|l| l.item_ends.len()), Some(2));
}

#[test]
fn the_built_in_dataset_and_a_generated_one_parse_the_same() {
    let generated = crate::data::to_ron(&crate::synth::generate(300, 7)).expect("writes");
    for text in [crate::data::BUILTIN, generated.as_str()] {
        let expected = whole(text).expect("valid");
        for piece_bytes in [1, 5_000, 1 << 30] {
            assert_eq!(pieces_of(text, piece_bytes).as_ref(), Some(&expected));
        }
    }
}

#[test]
fn lists_in_either_order_and_empty_lists_work() {
    let text = r#"(relations: [], title: "t", entities: [(id: "a", kind: Place, name: "A")])"#;
    assert_eq!(pieces_of(text, 1), whole(text));
    assert!(whole(text).is_some());
}

#[test]
fn doubtful_files_are_left_to_the_whole_file_parse() {
    let cases = [
        // Extension attributes change how the pieces would read.
        "#![enable(implicit_some)]\n(entities: [], relations: [])",
        // A list given twice is an error the whole parse reports.
        "(entities: [], entities: [], relations: [])",
        // An empty item between commas.
        r#"(entities: [(id: "a", kind: Place, name: "A"),, (id: "b", kind: Place, name: "B")], relations: [])"#,
        // A misspelt field inside one piece.
        r#"(entities: [(id: "a", kind: Place, nmae: "A")], relations: [])"#,
        // A misspelt field in the head.
        r#"(titel: "t", entities: [], relations: [])"#,
        // Unterminated string, comment, and list.
        r#"(entities: [(id: "a), relations: [])"#,
        "(entities: [], relations: []) /* open",
        "(entities: [(id: \"a\"), relations: []",
        // No relations list: nothing to gain, the whole parse does it.
        r#"(entities: [(id: "a", kind: Place, name: "A")])"#,
    ];
    for text in cases {
        assert_eq!(pieces_of(text, 1), None, "{text}");
    }
}

#[test]
fn a_cut_never_lands_after_anything_but_a_closed_item() {
    // Items that are not structs (an error for the format) give no cuts, so the
    // piece holding them fails as a whole and the whole parse reports it.
    let outline = scan(r#"(entities: ["a", "b"], relations: [])"#).expect("scannable");
    assert_eq!(outline.entities.map(|l| l.item_ends), Some(vec![]));
}

proptest::proptest! {
    /// Slips of the keyboard on the tricky sample: the pieces agree with the
    /// whole parse or step aside, and never succeed where the whole parse fails.
    #[test]
    fn slips_never_make_the_pieces_disagree(
        at in 0usize..TRICKY.len(),
        insert in proptest::sample::select(vec!["", "\"", "(", ")", ",", "[", "]", "/", "*", "#", "r", "'", "\\", "r#\"", ")," ]),
        delete in 0usize..3,
        piece_bytes in 1usize..120,
    ) {
        let mut text = TRICKY.to_string();
        let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let end = (at + delete..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
        text.replace_range(at..end, insert);
        if let Some(file) = pieces_of(&text, piece_bytes) {
            proptest::prop_assert_eq!(Some(file), whole(&text));
        }
    }
}

#[cfg(unix)]
#[test]
fn a_split_let_go_of_its_text_reads_each_piece_from_the_file_and_refuses_a_changed_one() {
    use std::io::{Seek, SeekFrom, Write};
    let expected = whole(TRICKY).expect("the sample is valid RON");
    // Three bytes before the text, as a byte-order mark would be.
    let mut file = tempfile::tempfile().expect("a temporary file");
    write!(file, "BOM{TRICKY}").expect("written");
    for piece_bytes in [1, 30, 80, 1 << 20] {
        let split = Split::new(TRICKY, &ron_options(), piece_bytes).expect("cut");
        let split = split.detach(&file, 3);
        assert_eq!(
            put_together(&split),
            Some(expected.clone()),
            "{piece_bytes}"
        );
    }
    // Written over in place after the cut, the same length: not the file cut.
    let split = Split::new(TRICKY, &ron_options(), 30)
        .expect("cut")
        .detach(&file, 3);
    let at = TRICKY.find("Dé ü").expect("in the sample") as u64;
    let mut writer = &file;
    writer.seek(SeekFrom::Start(3 + at)).expect("seek");
    writer
        .write_all(b"Xyz")
        .expect("written over, still good RON");
    assert_eq!(put_together(&split), None);
}
