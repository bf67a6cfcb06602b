//! The command line. No subcommand opens the explorer; each subcommand is a
//! scriptable command whose output can be piped.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::commands;

#[derive(Debug, Parser)]
#[command(name = "clusterdex", version, about = "Explore the European health and medtech cluster ecosystem from the terminal", long_about = None)]
pub struct Cli {
    /// Dataset file to open instead of the built-in one
    #[arg(long, global = true, env = "CLUSTERDEX_DATA", value_name = "FILE")]
    pub data: Option<PathBuf>,

    /// Refuse dataset files larger than this many MiB (at least 1)
    #[arg(long, global = true, value_name = "MIB", default_value_t = MAX_SIZE_MIB, value_parser = at_least_one::<u64>)]
    pub max_size: u64,

    /// Colours for dark or light terminal backgrounds (NO_COLOR turns colour off) [default: dark, or the config's]
    #[arg(long, global = true, value_enum)]
    pub theme: Option<ThemeArg>,

    /// Let the mouse select rows and scroll (the terminal's own selection then needs Shift)
    #[arg(long, global = true, overrides_with = "no_mouse")]
    pub mouse: bool,

    /// Leave the mouse to the terminal, whatever the config says
    #[arg(long, global = true, overrides_with = "mouse")]
    pub no_mouse: bool,

    /// Neither read nor write the config, notes, pins, recent lookups or compiled cache
    #[arg(long, global = true, env = "CLUSTERDEX_NO_STATE", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_state: bool,

    /// Parse the dataset file even if a compiled form of it is cached, and cache nothing
    #[arg(long, global = true, env = "CLUSTERDEX_NO_CACHE", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_cache: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--max-size` when not given.
pub const MAX_SIZE_MIB: u64 = 1024;

impl Cli {
    pub fn max_bytes(&self) -> u64 {
        self.max_size.saturating_mul(1024 * 1024)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    Dark,
    Light,
}

/// The subcommands: each one's options are its module's `...Args` struct, and its
/// module's `run` carries it out.
#[derive(Debug, Subcommand)]
// Each subcommand's options are built only when it runs: a one-off `search`
// need not build the other twenty commands' arguments first.
#[command(defer = true)]
pub enum Command {
    /// Validate a dataset (FILE, --data, or the built-in one) and report every problem
    Check(commands::check::CheckArgs),
    /// List the compiled cache of large dataset files, or clear it
    Cache(commands::cache::CacheArgs),
    /// Write a synthetic dataset of N entities to stdout (for benchmarks)
    Gen(commands::generate::GenArgs),
    /// Search entities: fuzzy, accent- and typo-tolerant, with fzf syntax and scopes
    #[command(
        after_help = "Query syntax: words must all match (fuzzily); 'exact ^prefix suffix$ !not a|b;\nscopes kind:event tag:oncology in:france year:2015.\nA question (\"magia coordinator\", \"who funds magia\") lists its answers first."
    )]
    Search(commands::search::SearchArgs),
    /// Answer a question: "who coordinates magia", "how do we know biowin"
    #[command(
        after_help = "Name an entity and what you ask about, in either order, in English or French:\n\"magia coordinator\", \"who funds magia\", \"qui préside lyonbiopôle\", \"health2care forum when\",\n\"how do we know biowin\" (the documents that state it).\nExit 0 with an answer; 1 with none (saying which entity was understood and what it has)."
    )]
    Ask(commands::ask::AskArgs),
    /// Show one entity: facts, dates, relations both ways, sources
    Show(commands::show::ShowArgs),
    /// Print a shell completion script
    Completions(commands::completions::CompletionsArgs),
    /// Run the explorer headless, replay keys, print the final screen as text
    #[command(
        after_help = "KEYS: plain characters plus <Enter> <Esc> <Tab> <BackTab> <Up> <Down> <Left> <Right>\n<PgUp> <PgDn> <Home> <End> <Del> <Backspace> <Space> <F1> <C-x> (Ctrl) <lt> (a literal <).\nThe user's notes, pins and recent lookups are read and written (not with --no-state)."
    )]
    Snapshot(commands::snapshot::SnapshotArgs),
    /// Measure load, first frame and per-keystroke latency (in-process, several runs)
    Bench(commands::bench::BenchArgs),
    /// How two entities are connected: the shortest chains of relations
    Path(commands::path::PathArgs),
    /// Events, periods and dated facts in date order, grouped by year
    #[command(allow_negative_numbers = true)]
    Timeline(commands::timeline::TimelineArgs),
    /// Draw the network around an entity, as text or for Graphviz
    Graph(commands::graph::GraphArgs),
    /// Entities by facets (partner search), with counts per country, tag and market
    List(commands::list::ListArgs),
    /// Add a note on an entity: clusterdex note biopmed "wants to talk about China in March"
    Note(commands::note::NoteArgs),
    /// List notes, grouped by entity: all, one entity's, or those since a date
    Notes(commands::notes::NotesArgs),
    /// List the pinned entities
    Pins(commands::pins::ListingArgs),
    /// Pin an entity (`clusterdex pins` lists them)
    Pin(commands::pins::PinArgs),
    /// Unpin an entity
    Unpin(commands::pins::PinArgs),
    /// List the entities opened lately (by `show` and the explorer), the most recent first
    Recent(commands::pins::ListingArgs),
    /// Check the config file, print a commented default one, or show where files live
    // Its own subcommands are built with the others (not deferred), so that
    // `help config <TAB>` completes them.
    #[command(subcommand)]
    Config(commands::config::Sub),
    /// Export the dataset or some entities as JSON, CSV, a Markdown briefing or a DOT graph
    Export(commands::export::ExportArgs),
}

/// A whole number within bounds, or a message that gives them (clap adds which
/// value of which option).
fn within(text: &str, min: u64, max: u64) -> Result<u64, String> {
    let range = if max == u64::MAX {
        format!(", at least {min}")
    } else {
        format!(" from {min} to {max}")
    };
    match text.trim().parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(format!("give a whole number{range}")),
    }
}

/// A whole number from 1 (an option's `value_parser`).
pub(crate) fn at_least_one<T: TryFrom<u64>>(text: &str) -> Result<T, String> {
    let n = within(text, 1, u64::MAX)?;
    T::try_from(n).map_err(|_| "too large for this machine".to_string())
}

/// How many entities `gen` may make.
pub(crate) fn entities(text: &str) -> Result<usize, String> {
    let (min, max) = (crate::synth::MIN_ENTITIES, crate::synth::MAX_ENTITIES);
    within(text, min as u64, max as u64).map(|n| n as usize)
}

/// How many runs `bench` may take.
pub(crate) fn runs(text: &str) -> Result<usize, String> {
    within(text, 1, 1000).map(|n| n as usize)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// Each subcommand's options are built only when it runs, so a clash
    /// among them (two options of one name, a default outside its choices)
    /// would only show as a panic on that subcommand's first use: every
    /// subcommand is built and checked here instead.
    #[test]
    fn every_subcommand_is_well_formed() {
        super::Cli::command().debug_assert();
    }

    /// Building a subcommand's options late must not change what its help
    /// says it does: a doc comment on its options struct would replace the
    /// line `clusterdex --help` gives it (the struct's comment must be `//`).
    #[test]
    fn each_subcommand_keeps_its_own_help_line() {
        let listed = super::Cli::command();
        let mut built = super::Cli::command();
        built.build();
        let about = |c: &clap::Command| c.get_about().map(ToString::to_string);
        for sub in listed.get_subcommands() {
            let name = sub.get_name();
            let after = built.find_subcommand(name).expect("still there");
            assert_eq!(about(after), about(sub), "the help line of {name}");
        }
    }
}
