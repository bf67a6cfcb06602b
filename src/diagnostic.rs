//! A problem found in a dataset: what, where, how bad, and what to do about it.
//! Shared by the loader (syntax-level warnings) and the validator (rules).

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A 1-based line and column (in characters), as editors count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// What a diagnostic is about: an element of the file by its place in the
/// file's lists. The rules name elements; their positions in the text are
/// looked up once, for the diagnostics there are (see [`crate::load`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Element {
    /// The file as a whole: no position.
    File,
    /// A place in the text the parser gave.
    At(Position),
    Source(usize),
    Entity(usize),
    /// The `index`th fact of an entity.
    Fact {
        entity: usize,
        index: usize,
    },
    /// The `index`th date of an entity.
    Date {
        entity: usize,
        index: usize,
    },
    Relation(usize),
    /// A group of the dataset's `synonyms` list.
    SynonymGroup(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The rule's short name, e.g. `dangling-relation`.
    pub rule: &'static str,
    /// What it is about.
    pub element: Element,
    /// Where that is in the file, once looked up; `None` when it has no place.
    pub position: Option<Position>,
    /// Plain words that quote the offending id or value.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl Diagnostic {
    pub fn error(rule: &'static str, element: Element, message: String, hint: &str) -> Self {
        Diagnostic::new(Severity::Error, rule, element, message, hint)
    }

    pub fn warning(rule: &'static str, element: Element, message: String, hint: &str) -> Self {
        Diagnostic::new(Severity::Warning, rule, element, message, hint)
    }

    /// A diagnostic about `element`, placed at once when the element is a place.
    pub fn new(
        severity: Severity,
        rule: &'static str,
        element: Element,
        message: String,
        hint: &str,
    ) -> Self {
        Diagnostic {
            severity,
            rule,
            element,
            position: match element {
                Element::At(p) => Some(p),
                _ => None,
            },
            message,
            hint: hint.to_string(),
        }
    }

    /// `file:line:col: error[rule]: message` then an indented hint. Text is made
    /// terminal-safe, since messages quote the file's own strings.
    pub fn render(&self, file: &str) -> String {
        let place = match self.position {
            Some(p) => format!("{file}:{p}"),
            None => file.to_string(),
        };
        let mut out = format!(
            "{}: {}[{}]: {}",
            crate::text::clean(&place),
            self.severity.as_str(),
            self.rule,
            crate::text::clean(&self.message)
        );
        if !self.hint.is_empty() {
            out.push_str("\n  hint: ");
            out.push_str(&crate::text::clean(&self.hint));
        }
        out
    }
}

/// Sorts by position (unpositioned last), then severity, then message.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(order);
}

/// The order diagnostics are listed in: by position (unpositioned last), then
/// severity, then message.
pub fn order(a: &Diagnostic, b: &Diagnostic) -> std::cmp::Ordering {
    let key = |d: &Diagnostic| (d.position.is_none(), d.position, d.severity);
    key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message))
}
