//! clusterdex: a terminal explorer of the European health and medtech cluster
//! ecosystem. The library holds everything; the binary only parses arguments.

pub mod app; // the explorer's state, actions, keymap and history; no terminal
pub mod args; // the command line read through our error path (clap's messages made safe)
pub mod cache; // large dataset files compiled with their index, checked on reading; atomic writes
pub mod cli; // the command line: clap definitions
pub mod clipboard; // the OSC 52 bytes that copy to the terminal's clipboard, also through tmux
pub mod commands; // check, search, show, ...: each writes to a given writer
pub mod config; // the settings file: read and checked (with line:col), never written
pub mod data; // the RON file format and the built-in dataset (ron also in store, config)
pub mod diagnostic; // a positioned problem with a hint
pub mod json; // JSON output with every terminal-unsafe character escaped
pub mod load; // from a file or the built-in text to a dataset plus diagnostics
pub mod meeting; // connection paths, timeline, facets: the questions of a meeting
pub mod model; // the pure domain: entities, relations, dates, the indexed dataset
pub mod progress; // how far a load has got, read by the bar and the loading screen
pub mod search; // fuzzy search: folding, query syntax, ranking; the only user of fuzzy-matcher
pub mod store; // the user's own files (notes, pins, recent): the only writer, atomic and locked
pub mod synth; // synthetic datasets of any size for benchmarks (gen)
pub mod text; // terminal-safe text and display widths
pub mod tui; // the terminal: setup, restore (also on panic), the event loop
pub mod ui; // drawing only: layout, theme, one file per pane
pub mod validate; // one function per rule; builds the sound part of a file
pub mod watch; // watching the dataset file for live reload
