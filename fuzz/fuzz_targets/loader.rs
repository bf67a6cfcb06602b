//! Any bytes as a dataset file: parse, validate and build must never panic, and
//! every message must be terminal-safe.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::path::Path::new("fuzz.ron");
    match clusterdex::data::decode(path, data) {
        Ok(text) => match clusterdex::load::load_text(path, text) {
            Ok(loaded) => {
                for d in &loaded.diagnostics {
                    let shown = d.render("fuzz.ron");
                    assert!(!shown.chars().any(|c| c == '\u{1b}' || ('\u{80}'..='\u{9f}').contains(&c)));
                }
                let _ = loaded.dataset.summary();
            }
            Err(e) => {
                let shown = e.to_string();
                assert!(!shown.chars().any(|c| c == '\u{1b}' || ('\u{80}'..='\u{9f}').contains(&c)));
            }
        },
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
