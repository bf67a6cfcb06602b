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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The rule's short name, e.g. `dangling-relation`.
    pub rule: &'static str,
    pub position: Option<Position>,
    /// Plain words that quote the offending id or value.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl Diagnostic {
    pub fn error(
        rule: &'static str,
        position: Option<Position>,
        message: String,
        hint: &str,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            rule,
            position,
            message,
            hint: hint.to_string(),
        }
    }

    pub fn warning(
        rule: &'static str,
        position: Option<Position>,
        message: String,
        hint: &str,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            rule,
            position,
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
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| (d.position.is_none(), d.position, d.severity);
        key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message))
    });
}
