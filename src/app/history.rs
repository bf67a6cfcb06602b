//! Where the user has been, like a browser's history: back, forward, and a new
//! visit after going back drops the forward trail. Entries are entity ids, so
//! a reloaded dataset keeps the trail (entities that vanished are skipped);
//! each keeps the place the user had in its card, so that going back returns
//! to the very row and scroll they left.

/// How many entries are kept; older ones fall off the front.
const LIMIT: usize = 200;

/// Where the user was in a card: the selected related row, whether they had
/// moved onto it, and how far the card was scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place {
    pub related: usize,
    pub picked: bool,
    pub scroll: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    entries: Vec<String>,
    places: Vec<Place>,
    /// Index of the current entry, when there is one.
    pos: Option<usize>,
    /// The first entry of the trail shown in the status bar (switching tabs or
    /// panes starts a new trail; the history itself is kept).
    trail_start: usize,
}

impl History {
    pub fn current(&self) -> Option<&str> {
        self.pos.map(|p| self.entries[p].as_str())
    }

    /// The place kept with the current entry.
    pub fn place(&self) -> Place {
        self.pos.map(|p| self.places[p]).unwrap_or_default()
    }

    /// Remembers the user's place in the current entry.
    pub fn set_place(&mut self, place: Place) {
        if let Some(p) = self.pos {
            self.places[p] = place;
        }
    }

    /// Starts a new trail at the next visit.
    pub fn reset_trail(&mut self) {
        self.trail_start = self.pos.map_or(0, |p| p + 1);
    }

    /// Goes somewhere new: drops anything forward of here, then appends.
    pub fn visit(&mut self, id: &str) {
        if self.current() == Some(id) {
            return;
        }
        let keep = self.pos.map_or(0, |p| p + 1);
        self.entries.truncate(keep);
        self.places.truncate(keep);
        self.entries.push(id.to_string());
        self.places.push(Place::default());
        if self.entries.len() > LIMIT {
            self.entries.remove(0);
            self.places.remove(0);
            self.trail_start = self.trail_start.saturating_sub(1);
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
        self.trail_start = self.trail_start.min(p);
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

    /// The trail up to and including the current entry, oldest first, from
    /// where it was last reset.
    pub fn trail(&self) -> &[String] {
        match self.pos {
            Some(p) if p >= self.trail_start => &self.entries[self.trail_start..=p],
            _ => &[],
        }
    }

    /// Keeps only entries for which `exists` holds (after a reload), staying as
    /// close as possible to the current one.
    pub fn retain(&mut self, exists: impl Fn(&str) -> bool) {
        let Some(pos) = self.pos else { return };
        let before = self.entries[..=pos].iter().filter(|e| exists(e)).count();
        let kept: Vec<(String, Place)> = std::mem::take(&mut self.entries)
            .into_iter()
            .zip(std::mem::take(&mut self.places))
            .filter(|(e, _)| exists(e))
            .collect();
        for (e, p) in kept {
            if self.entries.last() != Some(&e) {
                self.entries.push(e);
                self.places.push(p);
            }
        }
        self.trail_start = 0;
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

    #[test]
    fn each_entry_keeps_its_place() {
        let mut h = visited(&["a", "b"]);
        let place = Place {
            related: 3,
            picked: true,
            scroll: 7,
        };
        h.set_place(place);
        h.visit("c");
        assert_eq!(h.place(), Place::default());
        h.back();
        assert_eq!(h.place(), place);
        h.visit("d");
        h.back();
        assert_eq!(h.place(), place, "a new branch keeps the places behind it");
    }

    #[test]
    fn a_reset_trail_starts_at_the_next_visit_and_back_reaches_behind_it() {
        let mut h = visited(&["a", "b"]);
        h.reset_trail();
        assert!(h.trail().is_empty());
        h.visit("c");
        assert_eq!(h.trail(), ["c"]);
        h.back();
        assert_eq!(h.trail(), ["b"]);
    }
}
