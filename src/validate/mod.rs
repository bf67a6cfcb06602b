//! Checks a parsed dataset against every rule and reports all problems at once,
//! each with its position and a hint; then builds the sound part into a
//! [`Dataset`], so that a file with problems still opens with what is right.

mod build;
mod entities;
mod relations;
mod sources;
#[cfg(test)]
mod tests;
mod text;

use rustc_hash::FxHashMap;

use crate::data::format::FileDataset;
use crate::data::spans::Spans;
use crate::diagnostic::Diagnostic;
use crate::model::{Dataset, RelationType};

pub use build::{Plan, build, build_with};

/// Lookups shared by the rules, built once per validation.
pub struct Ctx<'a> {
    pub file: &'a FileDataset,
    pub spans: &'a Spans,
    /// Entity id to the index of its first definition.
    pub ids: FxHashMap<&'a str, usize>,
    /// Source id to the index of its first definition.
    pub sources: FxHashMap<&'a str, usize>,
    /// Per relation, its type and both ends, looked up once for all rules.
    pub resolved: Vec<Resolved>,
}

/// A relation's type and ends as far as they exist in the file.
#[derive(Debug, Clone, Copy)]
pub struct Resolved {
    pub rel: Option<RelationType>,
    pub from: Option<usize>,
    pub to: Option<usize>,
}

impl<'a> Ctx<'a> {
    pub fn new(file: &'a FileDataset, spans: &'a Spans) -> Ctx<'a> {
        let mut ids = FxHashMap::with_capacity_and_hasher(file.entities.len(), Default::default());
        for (i, e) in file.entities.iter().enumerate() {
            ids.entry(e.id.as_str()).or_insert(i);
        }
        let mut sources = FxHashMap::default();
        for (i, s) in file.sources.iter().enumerate() {
            sources.entry(s.id.as_str()).or_insert(i);
        }
        let resolved = file
            .relations
            .iter()
            .map(|r| Resolved {
                rel: RelationType::parse(&r.rel),
                from: ids.get(r.from.as_str()).copied(),
                to: ids.get(r.to.as_str()).copied(),
            })
            .collect();
        Ctx {
            file,
            spans,
            ids,
            sources,
            resolved,
        }
    }
}

/// One rule: looks at the whole file, returns what is wrong.
type Rule = fn(&Ctx) -> Vec<Diagnostic>;

/// Every rule, in the order their findings are grouped before sorting by position.
const RULES: &[Rule] = &[
    entities::empty_names,
    entities::id_format,
    entities::duplicate_ids,
    entities::duplicate_sources,
    sources::unknown_sources,
    sources::missing_sources,
    entities::impossible_dates,
    text::unsafe_text,
    entities::long_text,
    entities::unknown_subkinds,
    relations::unknown_types,
    relations::dangling,
    relations::self_relations,
    relations::kind_misfits,
    relations::duplicates,
    relations::impossible_periods,
    relations::part_of_cycles,
];

/// All problems in the file, sorted by position.
pub fn validate(file: &FileDataset, spans: &Spans) -> Vec<Diagnostic> {
    run_rules(&Ctx::new(file, spans))
}

fn run_rules(ctx: &Ctx) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = RULES.iter().flat_map(|rule| capped(rule(ctx))).collect();
    crate::diagnostic::sort(&mut out);
    out
}

/// Validates and builds in one go: the dataset of everything sound, and the
/// diagnostics. The build runs on a second thread beside the rules; both only
/// read the file.
pub fn check(file: &FileDataset, spans: &Spans) -> (Dataset, Vec<Diagnostic>) {
    let ctx = Ctx::new(file, spans);
    let plan = Plan::new(&ctx);
    std::thread::scope(|s| {
        let builder = s.spawn(|| build_with(file, &plan));
        let diagnostics = run_rules(&ctx);
        // A panic in the builder is a bug; rebuild on this thread rather than lose the data.
        let dataset = builder.join().unwrap_or_else(|_| build_with(file, &plan));
        (dataset, diagnostics)
    })
}

/// More findings of one rule than anyone reads are summed up in one line.
const MAX_PER_RULE: usize = 100;

/// The first [`MAX_PER_RULE`] findings of one rule by position, and a line that
/// counts the rest (a million dangling relations are one mistake repeated).
fn capped(mut found: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if found.len() <= MAX_PER_RULE {
        return found;
    }
    crate::diagnostic::sort(&mut found);
    let more = found.len() - MAX_PER_RULE;
    found.truncate(MAX_PER_RULE);
    let last = &found[MAX_PER_RULE - 1];
    let summary = Diagnostic {
        severity: last.severity,
        rule: last.rule,
        position: None,
        message: format!(
            "{more} more {} {}s after line {} are not listed",
            last.rule,
            last.severity.as_str(),
            last.position.map_or(0, |p| p.line)
        ),
        hint: "fix the ones listed (they are often one mistake repeated) and check again"
            .to_string(),
    };
    found.push(summary);
    found
}

/// "did you mean" help: the candidate closest to `given` by edit distance, if close.
pub(crate) fn closest<'a>(
    given: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    if given.chars().count() > 64 {
        return None;
    }
    candidates
        .map(|c| (edit_distance(given, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4))
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}
