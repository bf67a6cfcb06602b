//! The explorer's panes, one row each: the title, what fills the pane, the key
//! that shows it, the order of its rows, and whether the board shows it. The
//! tabs, the board, the digit keys (and their names in the config), the titles
//! and the help are all derived from [`PANES`], so a new pane is one row here.

use crate::model::{Dataset, Kind, Kinds};
use crate::search::names;

/// What fills a pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// Every entity of these kinds (each kind is held by exactly one pane).
    Kinds(Kinds),
    /// The entities the user pinned.
    Pinned,
    /// The entities the user opened last.
    Recent,
}

/// The order of a pane's rows (before the board lifts linked rows to the top).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// By name, accents and case ignored.
    Name,
    /// By first date, undated rows last, then by name.
    Date,
    /// As the user's files keep them (pins as made, the most recent first).
    Kept,
}

/// One pane: a row of [`PANES`].
#[derive(Debug)]
pub struct PaneSpec {
    pub title: &'static str,
    /// Its name in the config file (`show_pinned`): never change one.
    pub name: &'static str,
    pub holds: Holds,
    /// The key that shows the pane, from anywhere.
    pub key: char,
    pub order: Order,
    /// Shown side by side on the board (the others are reached from cards and search).
    pub board: bool,
}

use Kind::*;

/// Every pane, in tab order.
#[rustfmt::skip]
pub static PANES: &[PaneSpec] = &[
    PaneSpec { title: "Clusters", name: "clusters", holds: Holds::Kinds(Kinds::of(&[Cluster])), key: '1', order: Order::Name, board: true },
    PaneSpec { title: "Alliances", name: "alliances", holds: Holds::Kinds(Kinds::of(&[Alliance])), key: '2', order: Order::Name, board: true },
    PaneSpec { title: "Events", name: "events", holds: Holds::Kinds(Kinds::of(&[Event])), key: '3', order: Order::Date, board: true },
    PaneSpec { title: "Others", name: "others", holds: Holds::Kinds(Kinds::of(&[Organisation, Person, Project, Place])), key: '4', order: Order::Name, board: false },
    PaneSpec { title: "Pinned", name: "pinned", holds: Holds::Pinned, key: '5', order: Order::Kept, board: true },
    PaneSpec { title: "Recent", name: "recent", holds: Holds::Recent, key: '6', order: Order::Kept, board: false },
];

/// What the user's own panes hold: entities of the open dataset, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Kept {
    pub pinned: Vec<usize>,
    pub recent: Vec<usize>,
}

/// A pane of the explorer: an index into [`PANES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tab(usize);

impl Tab {
    /// The first pane, shown at start.
    pub const FIRST: Tab = Tab(0);

    /// The pane at `index` of [`PANES`], if there is one.
    pub fn at(index: usize) -> Option<Tab> {
        (index < PANES.len()).then_some(Tab(index))
    }

    pub fn all() -> impl Iterator<Item = Tab> {
        (0..PANES.len()).map(Tab)
    }

    /// The panes the board shows, in order.
    pub fn on_board() -> impl Iterator<Item = Tab> {
        Tab::all().filter(|t| t.spec().board)
    }

    pub fn spec(self) -> &'static PaneSpec {
        &PANES[self.0]
    }

    pub fn title(self) -> &'static str {
        self.spec().title
    }

    pub fn index(self) -> usize {
        self.0
    }

    /// Whether the pane holds every entity of this kind.
    pub fn holds(self, kind: Kind) -> bool {
        match self.spec().holds {
            Holds::Kinds(k) => k.contains(kind),
            Holds::Pinned | Holds::Recent => false,
        }
    }

    /// Whether the pane holds what the user keeps (pins, recent lookups).
    pub fn is_kept(self) -> bool {
        matches!(self.spec().holds, Holds::Pinned | Holds::Recent)
    }

    /// Whether the pane holds more than one kind (its rows then show a kind badge).
    pub fn mixed(self) -> bool {
        self.is_kept() || Kind::ALL.iter().filter(|&&k| self.holds(k)).count() > 1
    }

    /// The pane that holds entities of a kind.
    pub fn of(kind: Kind) -> Tab {
        Tab::all().find(|t| t.holds(kind)).unwrap_or(Tab::FIRST)
    }

    /// The pane shown by a key (`1`, `2`, ...).
    pub fn by_key(key: char) -> Option<Tab> {
        Tab::all().find(|t| t.spec().key == key)
    }

    /// The next (or, with `forward` false, previous) pane, wrapping around,
    /// among the board's panes when `board` is set.
    pub fn step(self, forward: bool, board: bool) -> Tab {
        let ring: Vec<Tab> = Tab::all().filter(|t| !board || t.spec().board).collect();
        let Some(pos) = ring.iter().position(|&t| t == self) else {
            return ring.first().copied().unwrap_or(self);
        };
        let n = ring.len();
        ring[if forward {
            (pos + 1) % n
        } else {
            (pos + n - 1) % n
        }]
    }
}

/// Each pane's rows in its order: the entities it holds, sorted, or the
/// user's, as kept. `by_name` is every entity in name order when the index
/// has it (see [`names`]); without it the names are sorted here.
pub fn fill(ds: &Dataset, kept: &Kept, by_name: Option<&[u32]>) -> Vec<Vec<usize>> {
    // All entities in name order once: each pane ordered by name is then
    // that order kept to its kinds, and a tie of dates falls back to it.
    let sorted;
    let order = match by_name {
        Some(order) if order.len() == ds.len() => order,
        _ => {
            sorted = names::by_name(ds);
            &sorted[..]
        }
    };
    let mut rank = vec![0u32; ds.len()];
    for (k, &e) in order.iter().enumerate() {
        rank[e as usize] = k as u32;
    }
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); PANES.len()];
    // `Kind::ALL` is in the kinds' declared order, so a kind's number finds it.
    let pane_of = Kind::ALL.map(|k| Tab::of(k).index());
    for &e in order {
        let e = e as usize;
        rows[pane_of[ds.entity(e).kind as usize]].push(e);
    }
    for t in Tab::all().filter(|t| t.is_kept()) {
        rows[t.index()] = fill_kept(t, kept);
    }
    for (t, r) in Tab::all().zip(&mut rows) {
        if t.spec().order == Order::Date {
            // Each entity's earliest date found once, not at every comparison;
            // undated last, and a tie by name.
            let mut dated: Vec<_> = r.iter().map(|&e| (first_date(ds, e), e)).collect();
            dated.sort_by(|(da, a), (db, b)| match (da, db) {
                (Some(x), Some(y)) => x.chrono_cmp(y).then(rank[*a].cmp(&rank[*b])),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => rank[*a].cmp(&rank[*b]),
            });
            *r = dated.into_iter().map(|(_, e)| e).collect();
        }
    }
    rows
}

/// The rows of one of the user's own panes.
pub fn fill_kept(tab: Tab, kept: &Kept) -> Vec<usize> {
    match tab.spec().holds {
        Holds::Pinned => kept.pinned.clone(),
        Holds::Recent => kept.recent.clone(),
        Holds::Kinds(_) => Vec::new(),
    }
}

/// The earliest date of an entity, if it has one.
pub fn first_date(ds: &Dataset, e: usize) -> Option<crate::model::When> {
    ds.entity(e)
        .dates
        .iter()
        .map(|d| d.when)
        .min_by(|a, b| a.chrono_cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_held_by_exactly_one_pane() {
        for k in Kind::ALL {
            assert_eq!(Tab::all().filter(|t| t.holds(k)).count(), 1, "{k:?}");
        }
    }

    #[test]
    fn pane_keys_and_names_are_distinct() {
        for a in Tab::all() {
            assert_eq!(Tab::by_key(a.spec().key), Some(a));
            let same = Tab::all().filter(|b| b.spec().name == a.spec().name);
            assert_eq!(same.count(), 1, "{}", a.spec().name);
        }
    }

    #[test]
    fn panes_are_in_their_order_on_a_generated_dataset() {
        let ds = crate::validate::build(&crate::synth::generate(3000, 3));
        let rows = fill(&ds, &Kept::default(), None);
        // The order the index sorts once, and the one the cache gives back,
        // fill the panes as sorting here does.
        let ix = crate::search::Index::new(&ds);
        let back = crate::search::halves::read_back(&ix, ds.len());
        for order in [ix.by_name(), back.by_name()] {
            assert_eq!(fill(&ds, &Kept::default(), Some(order)), rows);
        }
        let name = |e: usize| crate::search::fold::fold_str(&ds.entity(e).name);
        let mut dated = 0;
        for t in Tab::all().filter(|t| !t.is_kept()) {
            let r = &rows[t.index()];
            for w in r.windows(2) {
                let by_name = (name(w[0]), w[0]) < (name(w[1]), w[1]);
                let in_order = match t.spec().order {
                    Order::Name => by_name,
                    Order::Date => match (first_date(&ds, w[0]), first_date(&ds, w[1])) {
                        (Some(a), Some(b)) => {
                            dated += 1;
                            a.chrono_cmp(&b).then(if by_name {
                                std::cmp::Ordering::Less
                            } else {
                                std::cmp::Ordering::Greater
                            }) == std::cmp::Ordering::Less
                        }
                        (Some(_), None) => true,
                        (None, Some(_)) => false,
                        (None, None) => by_name,
                    },
                    Order::Kept => true,
                };
                assert!(in_order, "{}: {} before {}", t.spec().name, w[0], w[1]);
            }
        }
        assert!(dated > 0, "some pane is ordered by date");
    }

    #[test]
    fn the_users_panes_hold_what_is_kept_in_its_order() {
        let kept = Kept {
            pinned: vec![5, 2],
            recent: vec![9],
        };
        let ds = crate::load::load(&crate::load::DataSource::Builtin, u64::MAX)
            .expect("loads")
            .dataset;
        let rows = fill(&ds, &kept, None);
        let pinned = Tab::all().find(|t| t.spec().holds == Holds::Pinned);
        assert_eq!(rows[pinned.expect("a Pinned pane").index()], vec![5, 2]);
        assert!(Tab::all().filter(|t| t.is_kept()).all(|t| t.mixed()));
        let counted: usize = Tab::all()
            .filter(|t| !t.is_kept())
            .map(|t| rows[t.index()].len())
            .sum();
        assert_eq!(counted, ds.len(), "every entity once in the panes of kinds");
    }

    #[test]
    fn stepping_wraps_and_keeps_to_the_board_when_asked() {
        let last = Tab::at(PANES.len() - 1).expect("a pane");
        assert_eq!(last.step(true, false), Tab::FIRST);
        assert_eq!(Tab::FIRST.step(false, false), last);
        let board: Vec<Tab> = Tab::on_board().collect();
        let end = *board.last().expect("board panes");
        assert_eq!(end.step(true, true), board[0]);
        assert!(Tab::all().all(|t| board.contains(&t.step(true, true))));
    }
}
