//! Answer rows of the search overlay: a question typed in the search line
//! ("magia coordinator") puts its answers above the hits, one row per entity
//! pointed to ("MAGIA › coordinated by › BioPmed") or per fact and date.
//! The selection runs over the answer rows, then the hits.

use super::SearchState;
use crate::model::Dataset;
use crate::search::{Answer, Index, Query};

/// One answer row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    /// The entity asked about.
    pub entity: usize,
    /// As read from it: "coordinated by", or a fact's or date's label.
    pub label: String,
    /// A fact's value or a date.
    pub value: Option<String>,
    /// The entity a relation points to: what Enter opens.
    pub target: Option<usize>,
    /// What was asked is not stated in the sources (the value says so).
    pub gap: bool,
}

/// One row per entity an answer points to, or per fact and date.
pub fn rows(answers: Vec<Answer>) -> Vec<AnswerRow> {
    let mut out = Vec::new();
    for a in answers {
        if a.targets.is_empty() {
            out.push(AnswerRow {
                entity: a.entity,
                label: a.label,
                value: a.value,
                target: None,
                gap: a.gap,
            });
            continue;
        }
        out.extend(a.targets.iter().map(|&t| AnswerRow {
            entity: a.entity,
            label: a.label.clone(),
            value: None,
            target: Some(t),
            gap: false,
        }));
    }
    out
}

/// The answer rows for a search line (none when it asks no question).
pub fn for_line(ds: &Dataset, index: &Index, line: &str) -> Vec<AnswerRow> {
    match Query::parse(line) {
        Ok(q) => rows(crate::search::answer::answers_or_gap(ds, index, &q)),
        Err(_) => Vec::new(),
    }
}

impl SearchState {
    /// Answer rows and hits together.
    pub fn rows(&self) -> usize {
        self.answers.len() + self.hits.len()
    }

    /// The entity of the selected row: an answer's target (its entity for a
    /// fact or date), or the hit's entity.
    pub fn selected_entity(&self) -> Option<usize> {
        match self.answers.get(self.selected) {
            Some(a) => Some(a.target.unwrap_or(a.entity)),
            None => self
                .hits
                .get(self.selected - self.answers.len())
                .map(|h| h.entity),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::app::{Action, App, Mode};
    use crate::load::{DataSource, load};

    fn typed(app: &mut App, text: &str) {
        app.update(Action::StartSearch);
        text.chars().for_each(|c| app.update(Action::InsertChar(c)));
        app.wait_search();
    }

    fn id(app: &App, e: Option<usize>) -> Option<&str> {
        e.map(|e| app.ds.entity(e).id.as_ref())
    }

    /// A question typed in the search line puts its answer first; Enter on it
    /// opens what it points to, and the hits follow below.
    #[test]
    fn a_question_answers_above_the_hits_and_enter_opens_the_target() {
        let loaded = load(&DataSource::Builtin, u64::MAX).expect("built-in");
        let mut app = App::new(loaded.dataset, loaded.diagnostics);
        typed(&mut app, "magia coordinator");
        let first = app.search.answers.first().expect("an answer");
        assert_eq!(id(&app, Some(first.entity)), Some("magia"));
        assert_eq!(first.label, "coordinated by");
        assert_eq!(id(&app, first.target), Some("biopmed"));
        assert_eq!(id(&app, app.shown_entity()), Some("biopmed"));
        // Down past the answers reaches the hits.
        let answers = app.search.answers.len();
        (0..answers).for_each(|_| app.update(Action::Down));
        assert_eq!(app.search.selected, answers);
        app.update(Action::Up);
        app.update(Action::Open);
        assert_eq!(app.mode, Mode::Browse);
        assert_eq!(id(&app, app.open_entity()), Some("biopmed"));
        // A fact answer opens the entity it is about.
        typed(&mut app, "lyonbiopole founding members");
        let fact = (app.search.answers.iter())
            .position(|a| a.target.is_none())
            .expect("the fact answer");
        app.search.selected = fact;
        app.update(Action::Open);
        assert_eq!(id(&app, app.open_entity()), Some("lyonbiopole"));
        // What the sources do not state is said, and Enter opens the entity.
        typed(&mut app, "eccp coordinator");
        let gap = app.search.answers.first().expect("a gap row");
        assert_eq!(id(&app, Some(gap.entity)), Some("eccp"));
        assert!(
            (gap.value.as_deref()).is_some_and(|v| v.starts_with("not stated in the sources")),
            "{gap:?}"
        );
        app.update(Action::Open);
        assert_eq!(id(&app, app.open_entity()), Some("eccp"));
        // A plain search has no answer rows.
        typed(&mut app, "lyonbiopole");
        assert!(app.search.answers.is_empty());
    }
}
