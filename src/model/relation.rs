//! Typed relations. Each type is one row of a table: its name in files, how it reads
//! forwards and backwards, and which kinds it may join. A relation is stored once;
//! the dataset index gives both directions.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::date::When;
use super::kind::Kind;
use super::source_list::{Details, SourceList};

mod plain;

use plain::Plain;

/// Whether a source says a thing outright or only implies it (by layout, by a listing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Certainty {
    #[default]
    Stated,
    Inferred,
}

impl Certainty {
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Stated => "stated",
            Certainty::Inferred => "inferred",
        }
    }
}

/// A set of kinds, for the ends a relation type accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kinds(u8);

impl Kinds {
    pub const ANY: Kinds = Kinds(0x7f);

    pub const fn of(kinds: &[Kind]) -> Kinds {
        let mut bits = 0u8;
        let mut i = 0;
        while i < kinds.len() {
            bits |= 1 << (kinds[i] as u8);
            i += 1;
        }
        Kinds(bits)
    }

    pub const fn not(kinds: &[Kind]) -> Kinds {
        Kinds(Kinds::ANY.0 & !Kinds::of(kinds).0)
    }

    pub fn contains(self, kind: Kind) -> bool {
        self.0 & (1 << kind as u8) != 0
    }

    pub fn names(self) -> String {
        if self == Kinds::ANY {
            return "any kind".to_string();
        }
        let names: Vec<&str> = Kind::ALL
            .into_iter()
            .filter(|k| self.contains(*k))
            .map(Kind::as_str)
            .collect();
        names.join(" or ")
    }
}

/// Which end of a relation belongs to the other's group, for the facets
/// `member:` and `list --member-of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Belongs {
    /// Neither: the relation does not make anyone part of a group.
    No,
    /// The subject belongs to the object ("Biowin member of MAGIA").
    Subject,
    /// The object belongs to the subject ("Health2CARE supported VoicePatch").
    Object,
    /// Either end belongs to the other's group ("coordinates").
    Both,
}

/// One relation type: a row of [`RELATION_TYPES`].
#[derive(Debug)]
pub struct RelationSpec {
    pub name: &'static str,
    /// How the relation reads from its subject: "Biopmed coordinates MAGIA".
    pub forward: &'static str,
    /// How it reads from its object: "MAGIA coordinated by Biopmed".
    pub inverse: &'static str,
    pub from: Kinds,
    pub to: Kinds,
    pub belongs: Belongs,
}

impl RelationSpec {
    /// The same row, saying which end belongs to the other's group.
    const fn belongs(self, belongs: Belongs) -> RelationSpec {
        RelationSpec { belongs, ..self }
    }

    /// Whether the entity at `end` of such a relation belongs to the other end.
    pub fn makes_member(&self, end: Direction) -> bool {
        matches!(
            (self.belongs, end),
            (Belongs::Both, _)
                | (Belongs::Subject, Direction::Outgoing)
                | (Belongs::Object, Direction::Incoming)
        )
    }
}

use Kind::*;
const NOT_PLACE: Kinds = Kinds::not(&[Place]);
const GROUPS: Kinds = Kinds::of(&[Cluster, Alliance, Organisation]);

const fn spec(
    name: &'static str,
    forward: &'static str,
    inverse: &'static str,
    from: Kinds,
    to: Kinds,
) -> RelationSpec {
    RelationSpec {
        name,
        forward,
        inverse,
        from,
        to,
        belongs: Belongs::No,
    }
}

/// Every relation type a dataset may use, most telling first: the entity view
/// lists relation groups in this order. Add a row to add a type.
#[rustfmt::skip]
pub static RELATION_TYPES: &[RelationSpec] = &[
    spec("coordinates", "coordinates", "coordinated by", NOT_PLACE, Kinds::of(&[Alliance, Event, Project])).belongs(Belongs::Both),
    spec("member_of", "member of", "member", NOT_PLACE, GROUPS).belongs(Belongs::Subject),
    spec("founding_member_of", "founding member of", "founding member", NOT_PLACE, GROUPS).belongs(Belongs::Subject),
    spec("board_member_of", "board member of", "board member", NOT_PLACE, GROUPS).belongs(Belongs::Subject),
    spec("president_of", "president of", "president", Kinds::of(&[Person]), NOT_PLACE),
    spec("works_for", "works for", "employs", Kinds::of(&[Person]), NOT_PLACE),
    spec("partner_of", "partner in", "partner", Kinds::ANY, Kinds::ANY).belongs(Belongs::Subject),
    spec("cooperates_with", "cooperates with", "cooperates with", Kinds::ANY, Kinds::ANY),
    spec("located_in", "located in", "location of", Kinds::ANY, Kinds::of(&[Place])),
    spec("part_of", "part of", "has part", Kinds::ANY, Kinds::ANY).belongs(Belongs::Subject),
    spec("targets_market", "targets market", "target market of", NOT_PLACE, Kinds::of(&[Place])),
    spec("organised_by", "organised by", "organised", Kinds::of(&[Event, Project]), NOT_PLACE).belongs(Belongs::Object),
    spec("participated_in", "took part in", "participant", Kinds::ANY, Kinds::of(&[Event, Alliance, Project])),
    spec("spoke_at", "spoke at", "speaker", Kinds::of(&[Person, Organisation]), Kinds::of(&[Event])),
    spec("presented", "presented", "presented by", Kinds::of(&[Person, Organisation]), Kinds::ANY),
    spec("presented_at", "presented at", "featured", Kinds::ANY, Kinds::of(&[Event])),
    spec("supported", "supported", "supported by", NOT_PLACE, Kinds::ANY).belongs(Belongs::Object),
    spec("manages", "manages", "managed by", NOT_PLACE, Kinds::ANY),
    spec("produced_by", "produced by", "produced", Kinds::of(&[Project, Event]), NOT_PLACE).belongs(Belongs::Subject),
    spec("covers", "covers", "covered by", Kinds::of(&[Project, Event, Alliance]), Kinds::ANY),
    spec("selected_by", "selected by", "selected", Kinds::ANY, NOT_PLACE),
    spec("funded_by", "funded by", "funds", Kinds::ANY, Kinds::of(&[Organisation, Alliance])),
    spec("certified_by", "certified by", "certified", Kinds::ANY, Kinds::of(&[Organisation, Alliance])),
    spec("under_programme", "under the programme", "programme for", Kinds::ANY, Kinds::of(&[Organisation, Alliance, Project])),
    spec("initiative_of", "initiative of", "initiated", Kinds::ANY, NOT_PLACE),
    spec("labelled_by", "labelled by", "labelled", Kinds::ANY, NOT_PLACE),
    spec("advised", "advised", "advised by", Kinds::ANY, NOT_PLACE),
    spec("continues", "continues", "continued by", Kinds::ANY, Kinds::ANY),
    spec("related_to", "related to", "related to", Kinds::ANY, Kinds::ANY),
];

/// A relation type: an index into [`RELATION_TYPES`], so it is `Copy` and cheap to compare.
/// Read back from a compiled cache only if it is a row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct RelationType(u8);

impl TryFrom<u8> for RelationType {
    type Error = &'static str;

    fn try_from(n: u8) -> Result<RelationType, &'static str> {
        if usize::from(n) < RELATION_TYPES.len() {
            Ok(RelationType(n))
        } else {
            Err("no such relation type")
        }
    }
}

impl From<RelationType> for u8 {
    fn from(t: RelationType) -> u8 {
        t.0
    }
}

impl RelationType {
    pub fn parse(name: &str) -> Option<RelationType> {
        // A map, not a scan: a large dataset names a type for every relation.
        static BY_NAME: LazyLock<FxHashMap<&'static str, RelationType>> = LazyLock::new(|| {
            RELATION_TYPES
                .iter()
                .enumerate()
                .map(|(i, s)| (s.name, RelationType(i as u8)))
                .collect()
        });
        BY_NAME.get(name).copied()
    }

    pub fn all() -> impl Iterator<Item = RelationType> {
        (0..RELATION_TYPES.len()).map(|i| RelationType(i as u8))
    }

    /// Its row in [`RELATION_TYPES`].
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    pub fn spec(self) -> &'static RelationSpec {
        &RELATION_TYPES[usize::from(self.0)]
    }

    pub fn name(self) -> &'static str {
        self.spec().name
    }

    pub fn forward(self) -> &'static str {
        self.spec().forward
    }

    pub fn inverse(self) -> &'static str {
        self.spec().inverse
    }

    /// The label as seen from one end: forward from the subject, inverse from the object.
    pub fn label(self, dir: Direction) -> &'static str {
        match dir {
            Direction::Outgoing => self.forward(),
            Direction::Incoming => self.inverse(),
        }
    }

    pub fn fits(self, from: Kind, to: Kind) -> bool {
        let s = self.spec();
        s.from.contains(from) && s.to.contains(to)
    }
}

/// Which end of a relation an entity stands at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Outgoing,
    Incoming,
}

/// A typed link between two entities (by index into the dataset), with its qualifiers.
/// Millions of these make a large dataset, so the sources are a shared list
/// that also holds the rarely given qualifiers, and a relation is 24 bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "Plain", from = "Plain")]
pub struct Relation {
    from: u32,
    to: u32,
    pub rel: RelationType,
    pub certainty: Certainty,
    sources: SourceList,
}

/// An entity number as a relation keeps it: 32 bits halve the ends of the
/// millions of relations a large dataset holds, and a dataset file within the
/// size limit (1 GiB) cannot name four billion entities.
fn end(entity: usize) -> u32 {
    u32::try_from(entity).unwrap_or(u32::MAX)
}

impl Relation {
    /// A stated relation with no qualifiers.
    pub fn new(
        from: usize,
        rel: RelationType,
        to: usize,
        sources: impl Into<SourceList>,
    ) -> Relation {
        Relation {
            from: end(from),
            to: end(to),
            rel,
            certainty: Certainty::Stated,
            sources: sources.into(),
        }
    }

    /// The same relation with these qualifiers (a box only when one is given).
    pub fn with_details(
        mut self,
        role: Option<String>,
        period: Option<When>,
        note: Option<String>,
    ) -> Relation {
        self.set_details(role, period, note);
        self
    }

    /// The entity the relation reads from (an index into the dataset).
    pub fn from(&self) -> usize {
        self.from as usize
    }

    /// The entity the relation points at.
    pub fn to(&self) -> usize {
        self.to as usize
    }

    /// Points the relation at other entity numbers (when entities are dropped
    /// and the rest renumbered).
    pub fn set_ends(&mut self, from: usize, to: usize) {
        (self.from, self.to) = (end(from), end(to));
    }

    pub fn set_details(
        &mut self,
        role: Option<String>,
        period: Option<When>,
        note: Option<String>,
    ) {
        let details = Details { role, period, note };
        self.sources = self.sources.with_details(details);
    }

    /// The sources the relation cites (indices into the dataset's sources).
    pub fn sources(&self) -> &[usize] {
        &self.sources
    }

    /// The capacity in which the subject stands in the relation: "as president".
    pub fn role(&self) -> Option<&str> {
        self.sources.details()?.role.as_deref()
    }

    pub fn period(&self) -> Option<When> {
        self.sources.details()?.period
    }

    pub fn note(&self) -> Option<&str> {
        self.sources.details()?.note.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_type_reads_both_ways() {
        let t = RelationType::parse("coordinates").unwrap();
        assert_eq!(t.label(Direction::Outgoing), "coordinates");
        assert_eq!(t.label(Direction::Incoming), "coordinated by");
        assert!(RelationType::parse("coordinated_by").is_none());
    }

    #[test]
    fn a_relation_stays_small() {
        // Millions of them make a large dataset's memory: 32-bit ends and a
        // thin shared source list that holds the rare qualifiers too.
        assert!(std::mem::size_of::<Relation>() <= 24);
        let r = Relation::new(7, RelationType::parse("member_of").unwrap(), 9, vec![1]);
        assert_eq!((r.from(), r.to()), (7, 9));
    }

    #[test]
    fn names_are_unique() {
        for (i, a) in RELATION_TYPES.iter().enumerate() {
            assert!(
                RELATION_TYPES[i + 1..].iter().all(|b| b.name != a.name),
                "{}",
                a.name
            );
        }
    }

    #[test]
    fn kind_constraints_reject_misfits() {
        let located = RelationType::parse("located_in").unwrap();
        assert!(located.fits(Kind::Cluster, Kind::Place));
        assert!(!located.fits(Kind::Cluster, Kind::Person));
        assert_eq!(located.spec().to.names(), "place");
    }

    #[test]
    fn membership_is_read_from_the_right_end() {
        let member = RelationType::parse("member_of").unwrap().spec();
        assert!(member.makes_member(Direction::Outgoing));
        assert!(!member.makes_member(Direction::Incoming));
        let supported = RelationType::parse("supported").unwrap().spec();
        assert!(supported.makes_member(Direction::Incoming));
        assert!(
            !RelationType::parse("located_in")
                .unwrap()
                .spec()
                .makes_member(Direction::Outgoing)
        );
    }
}
