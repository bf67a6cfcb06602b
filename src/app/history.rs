//! Where the user has been, like a browser's history: back, forward, and a new
//! visit after going back drops the forward trail. Entries are entity ids, so
//! a reloaded dataset keeps the trail (entities that vanished are skipped).

/// How many entries are kept; older ones fall off the front.
const LIMIT: usize = 200;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    entries: Vec<String>,
    /// Index of the current entry, when there is one.
    pos: Option<usize>,
}

impl History {
    pub fn current(&self) -> Option<&str> {
        self.pos.map(|p| self.entries[p].as_str())
    }

    /// Goes somewhere new: drops anything forward of here, then appends.
    pub fn visit(&mut self, id: &str) {
        if self.current() == Some(id) {
            return;
        }
        let keep = self.pos.map_or(0, |p| p + 1);
        self.entries.truncate(keep);
        self.entries.push(id.to_string());
        if self.entries.len() > LIMIT {
            self.entries.remove(0);
        }
        self.pos = Some(self.entries.len() - 1);
    }

    pub fn can_back(&self) -> bool {
        self.pos.is_some_and(|p| p > 0)
    }

    pub fn can_forward(&self) -> bool {
        self.pos.is_some_and(|p| p + 1 < self.entries.len())
    }

    pub fn back(&mut self) -> Option<&str> {
        let p = self.pos.filter(|&p| p > 0)? - 1;
        self.pos = Some(p);
        self.current()
    }

    pub fn forward(&mut self) -> Option<&str> {
        let p = self.pos.filter(|&p| p + 1 < self.entries.len())? + 1;
        self.pos = Some(p);
        self.current()
    }

    /// The entry before the current one: where `-` toggles to.
    pub fn previous(&self) -> Option<&str> {
        self.pos
            .filter(|&p| p > 0)
            .map(|p| self.entries[p - 1].as_str())
    }

    /// The trail up to and including the current entry, oldest first.
    pub fn trail(&self) -> &[String] {
        match self.pos {
            Some(p) => &self.entries[..=p],
            None => &[],
        }
    }

    /// Keeps only entries for which `exists` holds (after a reload), staying as
    /// close as possible to the current one.
    pub fn retain(&mut self, exists: impl Fn(&str) -> bool) {
        let Some(pos) = self.pos else { return };
        let before = self.entries[..=pos].iter().filter(|e| exists(e)).count();
        self.entries.retain(|e| exists(e));
        self.entries.dedup();
        self.pos = if self.entries.is_empty() {
            None
        } else {
            Some(before.saturating_sub(1).min(self.entries.len() - 1))
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visited(ids: &[&str]) -> History {
        let mut h = History::default();
        ids.iter().for_each(|i| h.visit(i));
        h
    }

    #[test]
    fn back_and_forward_walk_the_trail() {
        let mut h = visited(&["a", "b", "c"]);
        assert_eq!(h.back(), Some("b"));
        assert_eq!(h.back(), Some("a"));
        assert_eq!(h.back(), None);
        assert_eq!(h.forward(), Some("b"));
        assert_eq!(h.trail(), ["a", "b"]);
    }

    #[test]
    fn a_new_visit_after_going_back_drops_the_forward_trail() {
        let mut h = visited(&["a", "b", "c"]);
        h.back();
        h.visit("d");
        assert!(!h.can_forward());
        assert_eq!(h.trail(), ["a", "b", "d"]);
    }

    #[test]
    fn retain_skips_vanished_entries_and_keeps_the_place() {
        let mut h = visited(&["a", "b", "c", "d"]);
        h.back();
        h.retain(|id| id != "b");
        assert_eq!(h.current(), Some("c"));
        assert_eq!(h.trail(), ["a", "c"]);
        h.retain(|id| id == "a");
        assert_eq!(h.current(), Some("a"));
    }
}
