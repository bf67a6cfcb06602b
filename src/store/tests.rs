//! The store against real files in a temporary folder: what is written is read
//! back, nothing the user wrote is ever lost or overwritten.

use std::fs;

use jiff::Timestamp;

use super::file::Document;
use super::notes::NotesFile;
use super::*;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::at(Paths::under(dir.path()));
    (dir, store)
}

fn at(text: &str) -> Timestamp {
    text.parse().expect("a time")
}

fn lyonbiopole() -> EntityRef {
    EntityRef {
        id: "lyonbiopole".into(),
        name: "Lyonbiopôle".into(),
        kind: "cluster".into(),
    }
}

fn file_ref() -> DatasetRef {
    DatasetRef::File {
        title: "Ecosystem \"draft\"".into(),
        path: "/data/eco.ron".into(),
    }
}

#[test]
fn notes_round_trip_through_the_file() {
    let (_dir, store) = store();
    let now = at("2026-03-02T10:15:30.75Z");
    let text =
        "BioPmed wants to talk about China in March.\nSecond line: \"quoted\", a tab\tand é.";
    let added = store
        .add_note(&file_ref(), &lyonbiopole(), text, now)
        .expect("added");
    assert!(added.moved_aside.is_none());
    let second = store
        .add_note(
            &DatasetRef::Builtin,
            &lyonbiopole(),
            "ask for the report",
            now,
        )
        .expect("added")
        .value;
    let notes = store.notes().expect("read").value;
    assert_eq!(notes, vec![added.value.clone(), second.clone()]);
    let n = &notes[0];
    assert_eq!(n.text, text);
    assert_eq!(n.written, at("2026-03-02T10:15:30Z"), "kept to the second");
    assert_eq!(n.dataset, file_ref());
    assert_eq!(n.entity, lyonbiopole());
    assert_ne!(n.id, second.id, "ids are unique even within one second");

    assert!(store.edit_note(&n.id, "changed", now).expect("edit").value);
    assert!(store.delete_note(&second.id).expect("delete").value);
    assert!(!store.delete_note(&second.id).expect("delete").value);
    let notes = store.notes().expect("read").value;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "changed");
    assert_eq!(notes[0].edited, Some(at("2026-03-02T10:15:30Z")));
}

#[test]
fn a_note_for_an_entity_no_dataset_knows_is_kept() {
    let (_dir, store) = store();
    let gone = EntityRef {
        id: "closed_cluster".into(),
        name: "A cluster since closed".into(),
        kind: "cluster".into(),
    };
    let _ = store
        .add_note(
            &DatasetRef::Builtin,
            &gone,
            "they merged into another",
            Timestamp::now(),
        )
        .expect("added");
    let notes = store.notes().expect("read").value;
    let ds = crate::load::load(&crate::load::DataSource::Builtin, u64::MAX)
        .expect("built-in")
        .dataset;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].entity, gone, "name and kind at the time are kept");
    assert!(ds.get(&notes[0].entity.id).is_none());
}

#[test]
fn a_corrupt_file_is_moved_aside_byte_for_byte_and_a_new_one_started() {
    let (dir, store) = store();
    let path = Paths::under(dir.path()).notes;
    fs::create_dir_all(path.parent().expect("folder")).expect("mkdir");
    let broken: &[u8] = b"(version: 1, notes: [(id: \"x\", text: \"unfinished\n\xff";
    fs::write(&path, broken).expect("write");

    let added = store
        .add_note(
            &DatasetRef::Builtin,
            &lyonbiopole(),
            "after the crash",
            Timestamp::now(),
        )
        .expect("added");
    let moved = added.moved_aside.expect("moved aside");
    assert_eq!(moved.file, path);
    let name = moved
        .to
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(name.starts_with("notes.ron.corrupt-"), "{name}");
    assert_eq!(fs::read(&moved.to).expect("aside"), broken, "byte for byte");
    assert!(moved.to_string().contains(&moved.to.display().to_string()));

    let notes = store.notes().expect("read");
    assert!(notes.moved_aside.is_none(), "the new file parses");
    assert_eq!(notes.value.len(), 1);
    assert_eq!(notes.value[0].text, "after the crash");
}

#[test]
fn reading_a_corrupt_file_moves_it_aside_too() {
    let (dir, store) = store();
    let path = Paths::under(dir.path()).pins;
    fs::create_dir_all(path.parent().expect("folder")).expect("mkdir");
    fs::write(&path, "(version: 1, pins: [(entity: 3)])").expect("write");
    let pins = store.pins().expect("read");
    let moved = pins.moved_aside.expect("moved");
    assert!(moved.reason.contains("pin 1"), "{}", moved.reason);
    assert!(pins.value.is_empty());
    assert_eq!(
        fs::read_to_string(&moved.to).expect("aside"),
        "(version: 1, pins: [(entity: 3)])"
    );
    assert!(path.exists(), "a fresh file took its place");
    assert!(store.pins().expect("read").moved_aside.is_none());
}

#[test]
fn fields_of_a_newer_version_are_kept_not_dropped() {
    let (dir, store) = store();
    let path = Paths::under(dir.path()).notes;
    fs::create_dir_all(path.parent().expect("folder")).expect("mkdir");
    let newer = r#"(
    version: 3,
    notes: [
        (
            id: "n1",
            dataset: Remote(url: "https://example.org/eco.ron"),
            entity: "magia",
            name: "MAGIA",
            kind: "alliance",
            written: "2026-01-05T09:00:00Z",
            text: "first",
            colour: Red,
            tags: ["china", "march"],
            r#x-y: (a: 1, b: Some("z")),
        ),
    ],
    shared_with: ["alice"],
)"#;
    fs::write(&path, newer).expect("write");
    let _ = store
        .add_note(
            &DatasetRef::Builtin,
            &lyonbiopole(),
            "second",
            Timestamp::now(),
        )
        .expect("added");
    let text = fs::read_to_string(&path).expect("read");
    for kept in [
        "version: 3,",
        "dataset: Remote(url: \"https://example.org/eco.ron\"),",
        "colour: Red,",
        "tags: [\"china\", \"march\"],",
        "r#x-y: (a: 1, b: Some(\"z\")),",
        "shared_with: [\"alice\"],",
    ] {
        assert!(text.contains(kept), "{kept} lost from:\n{text}");
    }
    let file = NotesFile::parse(&text).expect("parses");
    assert_eq!(file.notes.len(), 2);
    assert_eq!(file.notes[0].unknown.len(), 3);
    assert_eq!(
        NotesFile::parse(&file.emit()).expect("again"),
        file,
        "stable"
    );
}

#[test]
fn pins_toggle_and_keep_their_order() {
    let (_dir, store) = store();
    let now = Timestamp::now();
    let magia = EntityRef {
        id: "magia".into(),
        name: "MAGIA".into(),
        kind: "alliance".into(),
    };
    assert!(store.toggle_pin(&lyonbiopole(), now).expect("pin").value);
    assert!(store.set_pinned(&magia, true, now).expect("pin").value);
    assert!(!store.set_pinned(&magia, true, now).expect("pin").value);
    let ids: Vec<String> = store
        .pins()
        .expect("pins")
        .value
        .into_iter()
        .map(|p| p.entity.id)
        .collect();
    assert_eq!(ids, ["lyonbiopole", "magia"]);
    assert!(!store.toggle_pin(&lyonbiopole(), now).expect("unpin").value);
    assert_eq!(store.pins().expect("pins").value.len(), 1);
}

#[test]
fn recent_is_most_recent_first_and_at_most_fifty() {
    let (_dir, store) = store();
    let start = at("2026-03-02T10:00:00Z");
    for i in 0..60 {
        let e = EntityRef {
            id: format!("e{i}"),
            name: format!("Entity {i}"),
            kind: "organisation".into(),
        };
        let now = start
            .checked_add(jiff::SignedDuration::from_secs(i))
            .expect("time");
        let _ = store.record_visit(&e, now).expect("visit");
    }
    let _ = store
        .record_visit(
            &lyonbiopole(),
            start
                .checked_add(jiff::SignedDuration::from_secs(99))
                .expect("t"),
        )
        .expect("visit");
    let recent = store.recent().expect("recent").value;
    assert_eq!(recent.len(), RECENT_LEN);
    assert_eq!(recent[0].entity.id, "lyonbiopole");
    assert_eq!(recent[1].entity.id, "e59");
    assert_eq!(recent[49].entity.id, "e11");
    assert_eq!(
        store.visits().expect("all").value.len(),
        61,
        "under the ceiling nothing is forgotten"
    );
}

#[test]
fn the_store_off_reads_nothing_and_refuses_to_write() {
    let store = Store::off();
    assert!(store.notes().expect("empty").value.is_empty());
    assert!(store.recent().expect("empty").value.is_empty());
    assert!(matches!(
        store.add_note(&DatasetRef::Builtin, &lyonbiopole(), "x", Timestamp::now()),
        Err(StoreError::Off)
    ));
}

#[test]
fn writing_leaves_no_temporary_files_behind() {
    let (dir, store) = store();
    for i in 0..5 {
        let _ = store
            .add_note(
                &DatasetRef::Builtin,
                &lyonbiopole(),
                &format!("n{i}"),
                Timestamp::now(),
            )
            .expect("added");
    }
    let mut names: Vec<String> = fs::read_dir(dir.path().join("data"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["notes.ron", "notes.ron.lock"]);
}

#[test]
fn a_temporary_file_left_by_a_killed_writer_is_cleared_by_the_next_write() {
    let (dir, store) = store();
    let folder = dir.path().join("state");
    fs::create_dir_all(&folder).expect("mkdir");
    fs::write(folder.join(".pins.ron.a1b2c3.tmp"), "(version: 1, pi").expect("write");
    fs::write(folder.join(".recent.ron.d4e5f6.tmp"), "(").expect("write");
    let _ = store
        .toggle_pin(&lyonbiopole(), Timestamp::now())
        .expect("pin");
    assert!(!folder.join(".pins.ron.a1b2c3.tmp").exists());
    assert!(
        folder.join(".recent.ron.d4e5f6.tmp").exists(),
        "another file's temporaries belong to its own lock"
    );
}
