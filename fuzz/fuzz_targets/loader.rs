//! Any bytes as a dataset file: parse, validate and build must never panic,
//! every message must be terminal-safe, and a file checked in pieces (built
//! with `--cfg fuzzing`, the pieces start at a few hundred bytes) must give
//! exactly what the same file checked whole gives.
#![no_main]

use clusterdex::data::{self, spans::locate};
use libfuzzer_sys::fuzz_target;

fn terminal_safe(shown: &str) -> bool {
    !shown
        .chars()
        .any(|c| c == '\u{1b}' || ('\u{80}'..='\u{9f}').contains(&c))
}

fuzz_target!(|bytes: &[u8]| {
    let path = std::path::Path::new("fuzz.ron");
    let text = match data::decode(path, bytes) {
        Ok(text) => text,
        Err(e) => return assert!(terminal_safe(&e.to_string())),
    };
    match clusterdex::load::load_text(path, text) {
        Ok(loaded) => {
            for d in &loaded.diagnostics {
                assert!(terminal_safe(&d.render("fuzz.ron")));
            }
            let _ = loaded.dataset.summary();
            // The same file parsed and checked whole.
            let (body, mut diagnostics) = data::strip_bom(text);
            let file = data::parse(path, body).expect("what loads parses whole");
            let (whole, found) =
                clusterdex::validate::check_whole(file, || locate(body)).into_dataset();
            diagnostics.extend(found);
            assert_eq!(diagnostics, loaded.diagnostics);
            assert_eq!(format!("{whole:?}"), format!("{:?}", loaded.dataset));
        }
        Err(e) => assert!(terminal_safe(&e.to_string())),
    }
});
