//! A meeting, end to end in a real terminal (tmux): write a note on a card,
//! see it on disk while the explorer still runs, pin the card, quit, start
//! again and find the note by search and the pin in the Pinned list. The
//! user's files live in a temporary folder. Needs tmux; skips, saying so,
//! when it is missing.

mod common;

use std::path::Path;

use common::tmux::Session;

/// A 120x40 shell whose home and XDG folders are under `home`.
fn start(home: &Path) -> Option<Session> {
    let h = home.display().to_string();
    let (data, state, config) = (
        format!("{h}/data"),
        format!("{h}/state"),
        format!("{h}/config"),
    );
    Session::start_with(
        "notes",
        120,
        40,
        &[
            ("HOME", &h),
            ("XDG_DATA_HOME", &data),
            ("XDG_STATE_HOME", &state),
            ("XDG_CONFIG_HOME", &config),
        ],
    )
}

/// Starts the explorer in the session and waits for its first screen.
fn explorer(t: &Session) {
    t.literal(&format!("{} ; echo EXITED=$?", common::tmux::binary()));
    t.keys(&["Enter"]);
    t.wait_for("1 Clusters 16");
}

#[test]
fn a_note_and_a_pin_written_in_a_meeting_are_there_after_a_restart() {
    let home = tempfile::tempdir().expect("temp dir");
    let Some(t) = start(home.path()) else {
        return;
    };
    explorer(&t);
    t.keys(&["/"]);
    t.wait_for("type to search");
    t.literal("biopmed");
    t.wait_for("cluster BioPmed");
    t.keys(&["Enter"]);
    t.keys(&["n"]);
    t.wait_for("Note on BioPmed");
    t.literal("wants to talk about China in March");
    t.keys(&["C-s"]);
    t.wait_for("note on BioPmed saved");
    // On disk while the explorer still runs: saved means written.
    let notes = home.path().join("data/clusterdex/notes.ron");
    let text = std::fs::read_to_string(&notes).expect("the notes file");
    assert!(
        text.contains("wants to talk about China in March"),
        "{text}"
    );
    assert!(t.screen().contains("My notes"));
    t.keys(&["p"]);
    t.wait_for("pinned BioPmed");
    t.keys(&["q"]);
    t.wait_for("EXITED=0");

    t.keys(&["clear", "Enter"]);
    explorer(&t);
    t.keys(&["5"]);
    t.wait_for("Pinned (1)");
    t.keys(&["/"]);
    t.literal("china march");
    t.wait_for("my note:");
    t.keys(&["Enter"]);
    let s = t.wait_for("My notes");
    assert!(s.contains("wants to talk about China in March"), "{s}");
    t.keys(&["q"]);
    t.wait_for("EXITED=0");
}
