//! The command line. No subcommand opens the explorer; each subcommand is a
//! scriptable command whose output can be piped.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "clusterdex", version, about = "Explore the European health and medtech cluster ecosystem from the terminal", long_about = None)]
pub struct Cli {
    /// Dataset file to open instead of the built-in one
    #[arg(long, global = true, env = "CLUSTERDEX_DATA", value_name = "FILE")]
    pub data: Option<PathBuf>,

    /// Refuse dataset files larger than this many MiB (at least 1)
    #[arg(long, global = true, value_name = "MIB", default_value_t = 1024, value_parser = at_least_one::<u64>)]
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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a dataset (FILE, --data, or the built-in one) and report every problem
    Check {
        /// The dataset file to check
        file: Option<PathBuf>,
    },
    /// List the compiled cache of large dataset files, or clear it
    Cache {
        /// List the compiled datasets, most recently used first (the default)
        #[arg(long, conflicts_with = "clear")]
        list: bool,
        /// Remove every compiled dataset
        #[arg(long)]
        clear: bool,
    },
    /// Write a synthetic dataset of N entities to stdout (for benchmarks)
    Gen {
        /// How many entities, from 133 (the places come first) to 1,000,000
        #[arg(long, value_name = "N", default_value_t = 10_000, value_parser = entities)]
        entities: usize,
        /// Seed: the same seed always gives the same file
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
    },
    /// Search entities: fuzzy, accent- and typo-tolerant, with fzf syntax and scopes
    #[command(
        after_help = "Query syntax: words must all match (fuzzily); 'exact ^prefix suffix$ !not a|b;\nscopes kind:event tag:oncology in:france year:2015.\nA question (\"magia coordinator\", \"who funds magia\") lists its answers first."
    )]
    Search {
        /// The query, e.g. "lyonbiopole", "medtec aliance", "kind:cluster in:france"
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Only entities of this kind (cluster, alliance, event, organisation, person, project, place)
        #[arg(long, value_name = "K")]
        kind: Option<crate::model::Kind>,
        /// At most this many hits
        #[arg(long, value_name = "N", default_value_t = 20, value_parser = at_least_one::<usize>)]
        limit: usize,
        /// Print hits as JSON
        #[arg(long)]
        json: bool,
    },
    /// Answer a question: "who coordinates magia", "lyonbiopole president"
    #[command(
        after_help = "Name an entity and what you ask about, in either order, in English or French:\n\"magia coordinator\", \"who funds magia\", \"qui préside lyonbiopôle\", \"health2care forum when\".\nExit 0 with an answer; 1 with none (saying which entity was understood and what it has)."
    )]
    Ask {
        /// The question, e.g. "who coordinates bioxclusters plus"
        #[arg(required = true, num_args = 1..)]
        question: Vec<String>,
        /// Print the answers as JSON
        #[arg(long)]
        json: bool,
    },
    /// Show one entity: facts, dates, relations both ways, sources
    Show {
        /// An id, a name or alias (accents optional), or words that clearly point to one entity
        #[arg(required = true, num_args = 1..)]
        entity: Vec<String>,
        /// Print the card as JSON
        #[arg(long)]
        json: bool,
    },
    /// Print a shell completion script
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
    /// Run the explorer headless, replay keys, print the final screen as text
    #[command(
        after_help = "KEYS: plain characters plus <Enter> <Esc> <Tab> <BackTab> <Up> <Down> <Left> <Right>\n<PgUp> <PgDn> <Home> <End> <Del> <Backspace> <Space> <F1> <C-x> (Ctrl) <lt> (a literal <).\nThe user's notes, pins and recent lookups are read and written (not with --no-state)."
    )]
    Snapshot {
        /// Screen size
        #[arg(long, value_name = "WxH", default_value = "120x40")]
        size: String,
        /// Keys to replay, e.g. "/magia<Enter>"
        #[arg(long, value_name = "KEYS", default_value = "")]
        keys: String,
    },
    /// Measure load, first frame and per-keystroke latency (in-process, several runs)
    Bench {
        /// Text typed one character at a time, then deleted (at most 256 characters)
        #[arg(long = "type", value_name = "TEXT", default_value = "lyonbiopole")]
        typed: String,
        /// Screen size of the frames drawn
        #[arg(long, value_name = "WxH", default_value = "120x40")]
        size: String,
        /// How many runs to take medians over (1 to 1,000)
        #[arg(long, value_name = "N", default_value_t = 5, value_parser = runs)]
        runs: usize,
        /// Print the figures as JSON
        #[arg(long)]
        json: bool,
    },
    /// How two entities are connected: the shortest chains of relations
    Path {
        /// The first entity (id, name or alias)
        from: String,
        /// The second entity (id, name or alias)
        to: String,
        /// At most this many chains
        #[arg(long, value_name = "N", default_value_t = 3, value_parser = at_least_one::<usize>)]
        max: usize,
        /// Print the chains as JSON
        #[arg(long)]
        json: bool,
    },
    /// Events, periods and dated facts in date order, grouped by year
    #[command(allow_negative_numbers = true)]
    Timeline {
        /// From this year on
        #[arg(long, value_name = "YEAR")]
        from: Option<i32>,
        /// Up to this year
        #[arg(long, value_name = "YEAR")]
        to: Option<i32>,
        /// Only entities of this kind
        #[arg(long, value_name = "K")]
        kind: Option<crate::model::Kind>,
        /// Print the entries as JSON
        #[arg(long, conflicts_with = "chart")]
        json: bool,
        /// Draw a chart of periods: one row per dated entity on a year axis
        #[arg(long, conflicts_with_all = ["from", "to"])]
        chart: bool,
        /// With --chart: columns of the chart (default: the terminal's width)
        #[arg(long, value_name = "W", requires = "chart")]
        width: Option<u16>,
        /// With --chart: the year marked as today (default: the system clock's)
        #[arg(long, value_name = "YEAR", requires = "chart")]
        today: Option<i32>,
    },
    /// Draw the network around an entity, as text or for Graphviz
    Graph {
        /// An id, a name or alias (accents optional), or words that clearly point to one entity
        #[arg(required = true, num_args = 1..)]
        entity: Vec<String>,
        /// 1: the entity's relations; 2: their relations too
        #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=2))]
        depth: u8,
        /// text: the picture, without colour; dot: a Graphviz digraph
        #[arg(long, value_enum, default_value_t = crate::commands::graph::Format::Text)]
        format: crate::commands::graph::Format,
        /// Columns of the picture (default: the terminal's width)
        #[arg(long, value_name = "W")]
        width: Option<u16>,
        /// At most N neighbours per relation label, the rest counted (0: all)
        #[arg(long, value_name = "N", default_value_t = 10)]
        limit: usize,
    },
    /// Entities by facets (partner search), with counts per country, tag and market
    List {
        /// Only entities of this kind
        #[arg(long, value_name = "K")]
        kind: Option<crate::model::Kind>,
        /// With a tag containing this text, e.g. oncology (repeat: every one)
        #[arg(long, value_name = "T")]
        tag: Vec<String>,
        /// In this place or any place inside it, e.g. france (repeat: every one)
        #[arg(long = "in", value_name = "PLACE")]
        place: Vec<String>,
        /// Belonging to this alliance or group (member, partner, project, ...; repeat: every one)
        #[arg(long, value_name = "GROUP")]
        member_of: Vec<String>,
        /// Targeting this market, e.g. china (repeat: every one)
        #[arg(long, value_name = "M")]
        market: Vec<String>,
        /// Print the list and counts as JSON
        #[arg(long)]
        json: bool,
    },
    /// Add a note on an entity: clusterdex note biopmed "wants to talk about China in March"
    Note(crate::commands::note::Args),
    /// List notes, grouped by entity: all, one entity's, or those since a date
    Notes(crate::commands::notes::Args),
    /// List the pinned entities
    Pins(crate::commands::pins::ListArgs),
    /// Pin an entity (`clusterdex pins` lists them)
    Pin(crate::commands::pins::PinArgs),
    /// Unpin an entity
    Unpin(crate::commands::pins::PinArgs),
    /// List the entities opened lately (by `show` and the explorer), the most recent first
    Recent(crate::commands::pins::ListArgs),
    /// Check the config file, print a commented default one, or show where files live
    Config(crate::commands::config::Args),
    /// Export the dataset or some entities as JSON, CSV, a Markdown briefing or a DOT graph
    Export {
        /// Output format
        #[arg(long, value_enum)]
        format: crate::commands::export::Format,
        /// Only entities of this kind
        #[arg(long, value_name = "K")]
        kind: Option<crate::model::Kind>,
        /// With --format csv: the relations instead of the entities
        #[arg(long)]
        relations: bool,
        /// Entity ids (all when none)
        ids: Vec<String>,
    },
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

fn at_least_one<T: TryFrom<u64>>(text: &str) -> Result<T, String> {
    let n = within(text, 1, u64::MAX)?;
    T::try_from(n).map_err(|_| "too large for this machine".to_string())
}

fn entities(text: &str) -> Result<usize, String> {
    let (min, max) = (crate::synth::MIN_ENTITIES, crate::synth::MAX_ENTITIES);
    within(text, min as u64, max as u64).map(|n| n as usize)
}

fn runs(text: &str) -> Result<usize, String> {
    within(text, 1, 1000).map(|n| n as usize)
}
