//! A one-off search on a cached file glances at its entry (the index, the
//! ids, the printed entities) and must print what the whole load prints,
//! byte for byte, for queries as people type them, with the user's notes,
//! and as JSON; a question still takes the whole load.

mod common;

use common::cached::{Run, generated, run};

#[test]
fn a_glance_at_the_cache_answers_as_the_whole_load_does() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = generated(home.path(), 3);
    let data = file.to_str().expect("utf-8 path");
    // As people type: a typo, a hyphen, an accent left off or added, one or
    // two letters, scopes, a kind given apart, a miss, and JSON.
    let queries: [&[&str]; 14] = [
        &["lyon"],
        &["lyn"],
        &["biomed"],
        &["genève"],
        &["geneve"],
        &["l"],
        &["ly"],
        &["oncology"],
        &["kind:cluster", "in:france"],
        &["year:2015"],
        &["lyon", "--kind", "place"],
        &["zzzzqx"],
        &["lyon", "--json", "--limit", "30"],
        &["medtech", "--json"],
    ];
    let ask = |query: &[&str], extra: &[&str]| {
        let mut args = vec!["--data", data];
        args.extend_from_slice(extra);
        args.push("search");
        args.extend_from_slice(query);
        run(home.path(), &args)
    };
    // Glanced and parsed, the same bytes, exit code and messages.
    let same = |q: &[&str]| {
        let parsed = ask(q, &["--no-cache"]);
        let glanced = ask(q, &[]);
        assert!(
            glanced.err.contains("cache: glanced"),
            "{q:?}: {}",
            glanced.err
        );
        assert_eq!(glanced.code, parsed.code, "{q:?}");
        assert_eq!(glanced.out, parsed.out, "{q:?}");
        let said = |r: &Run| r.err.lines().filter(|l| !l.starts_with("cache:")).count();
        assert_eq!(said(&glanced), said(&parsed), "{q:?}: {}", glanced.err);
    };
    assert!(ask(&["lyon"], &[]).err.contains("cache: wrote"));
    for q in queries {
        same(q);
    }
    // The user's notes are searched too, found by id in the entry.
    let args = [
        "--data",
        data,
        "note",
        "city_0_1_0",
        "zebrafish trials in March",
    ];
    let note = run(home.path(), &args);
    assert_eq!(note.code, 0, "{}", note.err);
    for q in [
        &["zebrafish"][..],
        &["lyon"],
        &["note:march"],
        &["zebrafish", "--json"],
    ] {
        same(q);
    }
    assert!(ask(&["zebrafish"], &[]).out.contains("Lyon"));
    // A question needs the relations: the whole load answers it.
    let asked = ask(&["lyon", "located", "in"], &[]);
    assert!(asked.err.contains("cache: read"), "{}", asked.err);
}
