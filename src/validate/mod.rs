//! Checks a parsed dataset against every rule and reports all problems at once,
//! each with its position and a hint; then builds the sound part into a
//! [`Dataset`], so that a file with problems still opens with what is right.

mod build;
mod entities;
mod inferred;
mod relations;
mod sources;
mod stream;
mod synonyms;
#[cfg(test)]
mod tests;
mod text;

use rustc_hash::FxHashMap;

use crate::data::format::FileDataset;
use crate::data::spans::Spans;
use crate::diagnostic::Diagnostic;
use crate::model::{Dataset, RelationType};

pub use build::{Plan, build, build_with};
pub use stream::build_streamed;

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
pub(crate) type Rule = fn(&Ctx) -> Vec<Diagnostic>;

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
    inferred::inferred_parts,
    inferred::unexplained,
    relations::unknown_types,
    relations::dangling,
    relations::self_relations,
    relations::kind_misfits,
    relations::duplicates,
    relations::impossible_periods,
    relations::part_of_cycles,
    synonyms::synonym_groups,
];

/// All problems in the file, sorted by position.
pub fn validate(file: &FileDataset, spans: &Spans) -> Vec<Diagnostic> {
    run_rules(&Ctx::new(file, spans))
}

/// From this many entities and relations on, the rules share every core.
const PARALLEL_FROM: usize = 10_000;

fn run_rules(ctx: &Ctx) -> Vec<Diagnostic> {
    let size = ctx.file.entities.len() + ctx.file.relations.len();
    // One rule per chunk: each thread takes the next rule not yet taken.
    let parallel_from = if size < PARALLEL_FROM { usize::MAX } else { 0 };
    let found = crate::parallel::run(
        RULES.len(),
        (1, parallel_from),
        || (),
        |(), rules, out| out.extend(RULES[rules].iter().map(|rule| capped(rule(ctx)))),
    );
    let mut out: Vec<Diagnostic> = found.into_iter().flatten().collect();
    crate::diagnostic::sort(&mut out);
    out
}

/// Validates and builds: the diagnostics, then the dataset of everything sound.
/// Element positions cost a pass over the text, so `locate` is called only when
/// there is a problem to place. The kept text is taken out of `file`.
pub fn check(file: &mut FileDataset, locate: impl FnOnce() -> Spans) -> (Dataset, Vec<Diagnostic>) {
    let unplaced = Spans::default();
    let ctx = Ctx::new(file, &unplaced);
    let plan = Plan::new(&ctx);
    // Any repeated relation is reported by the rules (the build then drops it).
    let mut diagnostics = run_rules(&ctx);
    if !diagnostics.is_empty() {
        let spans = locate();
        diagnostics = run_rules(&Ctx::new(file, &spans));
    }
    let repeats = diagnostics.iter().any(|d| d.rule == "duplicate-relation");
    let plan = Plan { repeats, ..plan };
    (build_with(file, &plan), diagnostics)
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
