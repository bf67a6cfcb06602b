//! `clusterdex bench`: measures, inside the process and over several runs, what
//! users feel — load, first frame, per-keystroke search-and-draw — beside a bare
//! RON parse, a naive search and a plain scan, and the peak memory.

use std::io::{self, Write};
use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde::Serialize;

use super::snapshot::{infallible, parse_size};
use super::{Env, exit};
use crate::app::{Action, App};
use crate::load::{DataSource, load};
use crate::model::Dataset;
use crate::search::Matcher;
use crate::ui::{self, Theme};

#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Text typed one character at a time, then deleted (at most 256 characters)
    #[arg(long = "type", value_name = "TEXT", default_value = "lyonbiopole")]
    pub typed: String,
    /// Screen size of the frames drawn
    #[arg(long, value_name = "WxH", default_value = "120x40")]
    pub size: String,
    /// How many runs to take medians over (1 to 1,000)
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = crate::cli::runs)]
    pub runs: usize,
    /// Milliseconds from a key's frame to the next key, as a typist leaves
    /// them (the explorer answers the likeliest next keys meanwhile); 0 types
    /// each key as soon as the last one's frame is drawn
    #[arg(long, value_name = "MS", default_value_t = 0,
          value_parser = clap::value_parser!(u64).range(0..=2000))]
    pub pause: u64,
    /// Print the figures as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize, Clone, Copy)]
pub struct Spread {
    pub median: f64,
    pub p99: f64,
    pub max: f64,
}

impl Spread {
    fn of(mut ms: Vec<f64>) -> Spread {
        ms.sort_by(f64::total_cmp);
        let at = |q: f64| {
            ms.get(((ms.len() as f64 - 1.0) * q).round() as usize)
                .copied()
                .unwrap_or(0.0)
        };
        Spread {
            median: at(0.5),
            p99: at(0.99),
            max: ms.last().copied().unwrap_or(0.0),
        }
    }
}

#[derive(Serialize)]
pub struct Report {
    pub load_ms: f64,
    pub ron_parse_ms: f64,
    pub first_frame_ms: f64,
    /// From the start of the load to the first frame with search ready (the
    /// index built): what a user waits before typing gets an answer at once.
    pub time_to_interactive_ms: f64,
    pub keystroke_ms: Spread,
    /// The text on the search line after the slowest key.
    pub keystroke_slowest: String,
    /// The pause between keys the keystrokes were typed with.
    pub pause_ms: u64,
    pub naive_keystroke_ms: Spread,
    pub scan_floor_ms: f64,
    pub peak_rss_mb: f64,
    /// Key to frame in the network view (open, depth 2, moves) on the hubs.
    pub network_frame_ms: Spread,
    /// The entity of the slowest network frame.
    pub network_slowest: String,
    /// Key to frame in the period chart (open, moves).
    pub chart_frame_ms: Spread,
    /// A dataset file's name to its dataset and index read from the compiled
    /// cache, the median of the reads after the first; `null` for the
    /// built-in dataset.
    pub cached_load_ms: Option<f64>,
    /// The first read, right after the cache was written (see
    /// [`super::bench_cache::measure`]); `null` for the built-in dataset.
    pub cached_first_load_ms: Option<f64>,
    /// From the start of a load from the cache to the explorer's first frame,
    /// search ready (the index comes with the cache); `null` for the built-in
    /// dataset.
    pub cached_time_to_interactive_ms: Option<f64>,
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

pub(super) fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// Peak resident memory of this process (Linux), in MiB.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The naive way to answer a keystroke, the baseline: fuzzy-matcher's
/// positions over every entity name (the crate's call, through the search's
/// wrapper of it), then a full sort.
fn naive_search(ds: &Dataset, text: &str) -> Vec<(i64, usize)> {
    let skim = Matcher::default();
    let mut hits: Vec<(i64, usize)> = (ds.entities.iter().enumerate())
        .filter_map(|(i, e)| skim.plain_indices(&e.name, text).map(|(s, _)| (s, i)))
        .collect();
    hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    hits
}

/// One plain pass over all the text a search looks at (counting one byte):
/// the memory-bound floor any search must pay.
fn scan_floor(ds: &Dataset, byte: u8) -> usize {
    let count = |text: &str| text.bytes().filter(|&b| b == byte).count();
    ds.entities
        .iter()
        .map(|e| {
            let short = e.names().chain(e.tags.iter().map(String::as_str));
            let facts = e.facts.iter().map(|f| count(&f.label) + count(&f.value));
            short.map(count).sum::<usize>() + count(&e.description) + facts.sum::<usize>()
        })
        .sum()
}

/// How many notes and recent lookups the explorer is measured with: a heavy
/// user's, searched alongside the index and ordering ties.
pub const BENCH_NOTES: usize = 200;
pub const BENCH_LOOKUPS: usize = 1_000;

/// A user's notes and lookups spread over the dataset, the same every run:
/// notes that quote the entity's name and some words a meeting adds.
fn user_memory(ds: &Dataset) -> crate::search::Personal {
    let n = ds.len().max(1);
    let every = |count: usize| (0..count.min(n)).map(move |i| i * n / count.min(n));
    let notes = every(BENCH_NOTES).map(|e| {
        let name = &ds.entity(e).name;
        (
            e,
            format!("ask {name} about the market study before the March meeting"),
        )
    });
    let lookups = every(BENCH_LOOKUPS).map(|e| (e, 1.0 + (e % 7) as f64));
    crate::search::Personal::new(notes, lookups)
}

/// The keystrokes of typing `text` one char at a time and deleting it again.
fn keystrokes(text: &str) -> Vec<Action> {
    let mut keys: Vec<Action> = text.chars().map(Action::InsertChar).collect();
    keys.extend(std::iter::repeat_n(
        Action::DeleteBack,
        text.chars().count(),
    ));
    keys
}

/// The file's text, read only for the bare parse, after the explorer's memory
/// is measured.
fn file_text(source: &DataSource) -> Result<String, String> {
    match source {
        DataSource::Builtin => Ok(crate::data::BUILTIN.to_string()),
        DataSource::File(p) => {
            std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
        }
    }
}

/// The keys typed, each timed from the key to a frame that shows its answer,
/// and the slowest: (ms, the text on the line after it).
#[derive(Default)]
struct Keys {
    ms: Vec<f64>,
    slowest: (f64, String),
}

/// Types `text` and deletes it, each key timed into `keys`, `pause` after
/// each frame; the queries typed along the way.
fn type_and_delete(
    app: &mut App,
    (term, theme): (&mut Terminal<TestBackend>, &Theme),
    (text, pause): (&str, u64),
    keys: &mut Keys,
) -> Vec<String> {
    let mut typed = String::new();
    let mut queries = Vec::new();
    for key in keystrokes(text) {
        let t = Instant::now();
        app.update(key);
        // Key to a frame that shows its answer, even when searched off-thread.
        app.wait_search();
        infallible(term.draw(|f| ui::draw(f, app, theme)));
        app.search_shown();
        let took = ms(t);
        keys.ms.push(took);
        if took > keys.slowest.0 {
            keys.slowest = (took, app.search.line.text().to_string());
        }
        // A typist's pause: the time the explorer has before the next key.
        if pause > 0 {
            std::thread::sleep(std::time::Duration::from_millis(pause));
        }
        match key {
            Action::InsertChar(c) => typed.push(c),
            _ => {
                typed.pop();
            }
        }
        if !typed.is_empty() {
            queries.push(typed.clone());
        }
    }
    queries
}

pub fn measure(env: &Env, args: &BenchArgs) -> Result<Report, String> {
    let size = parse_size(&args.size)?;
    let typed = args.typed.chars().count();
    if typed > crate::app::line::MAX_CHARS {
        return Err(format!(
            "--type is {typed} characters; the search line holds at most {}",
            crate::app::line::MAX_CHARS
        ));
    }
    let runs = args.runs.max(1);
    let (mut loads, mut parses, mut frames, mut scans) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut ready = Vec::new();
    let mut keys = Keys::default();
    let mut naive_ms = Vec::new();
    let theme = Theme::dark();
    let mut peak_mb = None;
    let (mut network_ms, mut chart_ms, mut slowest) = (Vec::new(), Vec::new(), String::new());
    for _ in 0..runs {
        let started = Instant::now();
        let loaded = load(&env.source, env.max_bytes).map_err(|e| e.to_string())?;
        loads.push(ms(started));
        let t = Instant::now();
        let mut app = App::new(loaded.dataset, loaded.diagnostics);
        app.memory.personal = std::sync::Arc::new(user_memory(&app.ds));
        let mut term = infallible(Terminal::new(TestBackend::new(size.0, size.1)));
        infallible(term.draw(|f| ui::draw(f, &mut app, &theme)));
        frames.push(ms(t));
        // A large dataset's index builds in the background: wait for it apart.
        app.index.get();
        ready.push(ms(started));
        let t = Instant::now();
        std::hint::black_box(scan_floor(&app.ds, b'x'));
        scans.push(ms(t));
        app.update(Action::StartSearch);
        infallible(term.draw(|f| ui::draw(f, &mut app, &theme)));
        let screen = (&mut term, &theme);
        let typing = (args.typed.as_str(), args.pause);
        let queries = type_and_delete(&mut app, screen, typing, &mut keys);
        // The naive answers are timed in a pass of their own: run between the
        // keystrokes, they would evict the explorer's data from the caches,
        // which no user's idle moment between two keys does.
        for q in &queries {
            let t = Instant::now();
            std::hint::black_box(naive_search(&app.ds, q));
            naive_ms.push(ms(t));
        }
        app.update(Action::CancelSearch);
        let pictures = super::bench_pictures::measure(&mut app, &mut term, &theme);
        network_ms.extend(pictures.network);
        chart_ms.extend(pictures.chart);
        slowest = pictures.slowest;
        drop(app);
        // The explorer's peak: loading, drawing and searching, before the bare
        // parse below (which holds a whole copy of the file structs) first runs.
        peak_mb.get_or_insert_with(peak_rss_mb);
        let text = file_text(&env.source)?;
        let t = Instant::now();
        let parsed = crate::data::ron_parse_only(&text).map_err(|e| e.to_string())?;
        parses.push(ms(t));
        drop(parsed);
    }
    // Last: writing the cache would count in the explorer's peak memory.
    let cached = super::bench_cache::measure(&env.source, env.max_bytes, (runs, size))?;
    Ok(Report {
        cached_load_ms: cached.map(|c| c.load),
        cached_first_load_ms: cached.map(|c| c.first),
        cached_time_to_interactive_ms: cached.map(|c| c.interactive),
        load_ms: median(loads),
        ron_parse_ms: median(parses),
        first_frame_ms: median(frames),
        time_to_interactive_ms: median(ready),
        keystroke_ms: Spread::of(keys.ms),
        keystroke_slowest: keys.slowest.1,
        pause_ms: args.pause,
        naive_keystroke_ms: Spread::of(naive_ms),
        scan_floor_ms: median(scans),
        peak_rss_mb: peak_mb.unwrap_or_else(peak_rss_mb),
        network_frame_ms: Spread::of(network_ms),
        network_slowest: slowest,
        chart_frame_ms: Spread::of(chart_ms),
    })
}

pub fn run(
    env: &Env,
    args: &BenchArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let report = match measure(env, args) {
        Ok(r) => r,
        Err(e) => {
            // A load's message is whole (its "error:" and hint lines); the
            // benchmark's own are one line.
            let e = if e.starts_with("error:") {
                e
            } else {
                format!("error: {e}")
            };
            for line in e.lines() {
                writeln!(err, "{}", crate::text::clean(line))?;
            }
            return Ok(exit::ERROR);
        }
    };
    if args.json {
        super::write_json(out, &report)?;
        return Ok(exit::OK);
    }
    let r = &report;
    writeln!(out, "{:<22} {:>10}", "measure", "ms")?;
    writeln!(out, "{:<22} {:>10.2}", "load_ms", r.load_ms)?;
    writeln!(
        out,
        "{:<22} {:>10.2}   (load / parse = {:.2})",
        "ron_parse_ms",
        r.ron_parse_ms,
        r.load_ms / r.ron_parse_ms.max(1e-9)
    )?;
    if let (Some(cached), Some(first)) = (r.cached_load_ms, r.cached_first_load_ms) {
        writeln!(
            out,
            "{:<22} {:>10.2}   (from the compiled cache; {first:.2} the first read after writing it)",
            "cached_load_ms", cached
        )?;
    }
    writeln!(out, "{:<22} {:>10.2}", "first_frame_ms", r.first_frame_ms)?;
    writeln!(
        out,
        "{:<22} {:>10.2}   (load to a frame with search ready)",
        "time_to_interactive_ms", r.time_to_interactive_ms
    )?;
    if let Some(ready) = r.cached_time_to_interactive_ms {
        writeln!(
            out,
            "{:<22} {:>10.2}   (the same from the compiled cache)",
            "cached_time_to_interactive_ms", ready
        )?;
    }
    for (name, s) in [
        ("keystroke_ms", r.keystroke_ms),
        ("naive_keystroke_ms", r.naive_keystroke_ms),
        ("network_frame_ms", r.network_frame_ms),
        ("chart_frame_ms", r.chart_frame_ms),
    ] {
        writeln!(
            out,
            "{:<22} {:>10.3}   p99 {:.3}  max {:.3}  (median)",
            name, s.median, s.p99, s.max
        )?;
    }
    writeln!(out, "{:<22} {:>10.3}", "scan_floor_ms", r.scan_floor_ms)?;
    writeln!(out, "{:<22} {:>10.1}   (MiB)", "peak_rss_mb", r.peak_rss_mb)?;
    writeln!(
        out,
        "keystrokes: typing {:?} and deleting it, {} ms between keys, {} run(s), with {BENCH_NOTES} notes and {BENCH_LOOKUPS} recent lookups searched alongside; naive / explorer at the median = {:.1}; slowest key to {:?}",
        args.typed,
        args.pause,
        args.runs.max(1),
        r.naive_keystroke_ms.median / r.keystroke_ms.median.max(1e-9),
        crate::text::clean(&r.keystroke_slowest)
    )?;
    writeln!(
        out,
        "pictures: the network of the largest hubs and others at depth 1 and 2, the period chart; slowest network frame around {}",
        crate::text::clean(&r.network_slowest)
    )?;
    Ok(exit::OK)
}
