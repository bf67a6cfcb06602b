//! A large file's text is let go of once cut and its pieces read again from
//! the file: the load must give what a load of the same text in memory gives,
//! problems placed and errors worded alike. (In tests every file of more than
//! a few hundred bytes is "large".)

use super::*;

fn written(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("data.ron");
    std::fs::write(&path, text).expect("written");
    (dir, path)
}

fn generated() -> String {
    data::to_ron(&crate::synth::generate(300, 7)).expect("a generated file")
}

fn from_file(path: &Path) -> Result<Loaded, LoadError> {
    load(&DataSource::File(path.to_path_buf()), 1 << 30)
}

fn rendered(loaded: &Loaded) -> Vec<String> {
    loaded.diagnostics.iter().map(|d| d.render("f")).collect()
}

#[test]
fn a_file_loaded_from_its_pieces_is_the_text_loaded_whole() {
    let text = generated();
    let (_dir, path) = written(&format!("\u{FEFF}{text}"));
    let (got, want) = (from_file(&path).unwrap(), load_text(&path, &text).unwrap());
    assert_eq!(got.dataset.len(), 300);
    assert_eq!(got.dataset.entities, want.dataset.entities);
    assert_eq!(got.dataset.relations, want.dataset.relations);
    assert_eq!(
        rendered(&got).len(),
        1,
        "the byte-order mark's warning alone"
    );
}

#[test]
fn problems_are_placed_by_line_and_column_though_the_text_was_let_go() {
    let text = generated().replacen("rel: \"", "rel: \"no_such_", 1);
    let (_dir, path) = written(&text);
    let (got, want) = (from_file(&path).unwrap(), load_text(&path, &text).unwrap());
    let problems = rendered(&got);
    assert!(!problems.is_empty() && problems.iter().all(|p| p.starts_with("f:")));
    assert_eq!(problems, rendered(&want));
}

#[test]
fn a_syntax_error_in_a_piece_reads_as_the_whole_parse_words_it() {
    let text = generated();
    let at = text.len() / 2;
    let at = (at..).find(|&i| text.is_char_boundary(i)).unwrap();
    let broken = format!("{}((({}", &text[..at], &text[at..]);
    let (_dir, path) = written(&broken);
    let refused = |loaded: Result<Loaded, LoadError>| match loaded {
        Ok(_) => panic!("a broken file was loaded"),
        Err(e) => e.to_string(),
    };
    let (got, want) = (
        refused(from_file(&path)),
        refused(load_text(&path, &broken)),
    );
    assert_eq!(got, want);
    assert!(got.contains("data.ron:"), "{got}");
}
