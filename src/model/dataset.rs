//! The loaded ecosystem: entities, relations and sources, with the lookups every
//! view needs (by id, by kind, relations in both directions), built once at load.

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;

use super::entity::{Entity, Source};
use super::kind::Kind;
use super::relation::{Direction, Relation, RelationType};

/// One end's view of a relation: the relation, and which way it points from here.
#[derive(Debug, Clone, Copy)]
pub struct Link<'a> {
    pub relation: &'a Relation,
    /// The relation's index in `Dataset::relations`.
    pub index: usize,
    pub direction: Direction,
    /// The entity at the other end.
    pub other: usize,
}

impl Link<'_> {
    pub fn label(&self) -> &'static str {
        self.relation.rel.label(self.direction)
    }
}

/// Relations per entity in one flat array (compressed sparse rows): two
/// allocations instead of one per entity, which counts at 100,000 entities.
#[derive(Debug, Clone, Default)]
struct Adjacency {
    /// `start[e]..start[e + 1]` is entity e's range in `relations`.
    start: Vec<u32>,
    relations: Vec<u32>,
}

impl Adjacency {
    /// `ends` gives, for each relation in order, the entity it is listed under.
    fn new(n: usize, ends: impl Iterator<Item = usize> + Clone) -> Adjacency {
        let mut start = vec![0u32; n + 1];
        for e in ends.clone() {
            start[e + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut relations = vec![0u32; start[n] as usize];
        for (r, e) in ends.enumerate() {
            relations[fill[e] as usize] = r as u32;
            fill[e] += 1;
        }
        Adjacency { start, relations }
    }

    fn of(&self, entity: usize) -> &[u32] {
        match (self.start.get(entity), self.start.get(entity + 1)) {
            (Some(&a), Some(&b)) => &self.relations[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// From this many items the lookups are built on two cores: below it,
/// starting the thread pool costs more than the work (the built-in dataset's
/// whole-process lookup is a few milliseconds).
const TWO_CORES_FROM: usize = 20_000;

/// Both, on two cores for `items` from [`TWO_CORES_FROM`] on.
fn both<A: Send, B: Send>(
    items: usize,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if items < TWO_CORES_FROM {
        (a(), b())
    } else {
        rayon::join(a, b)
    }
}

fn id_hash(id: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(id)
}

/// The whole dataset with its index. Entities and relations are addressed by index.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub title: String,
    pub sources: Vec<Source>,
    pub entities: Vec<Entity>,
    pub relations: Vec<Relation>,
    /// Groups of words that search treats as equal ("oncology", "cancérologie"):
    /// the file's own and, for a file of the user's, the built-in ones.
    pub synonyms: Vec<Vec<String>>,
    /// Entity indices by the hash of their id: the ids are not copied into the
    /// table (100,000 of them would be 100,000 more strings).
    by_id: HashTable<u32>,
    outgoing: Adjacency,
    incoming: Adjacency,
    by_kind: [Vec<usize>; 7],
}

impl Dataset {
    /// Builds the index. Callers give sound data: ids unique, relation ends in range.
    pub fn new(
        title: String,
        sources: Vec<Source>,
        entities: Vec<Entity>,
        mut relations: Vec<Relation>,
    ) -> Dataset {
        // A build that dropped unsound relations leaves room nobody will use.
        relations.shrink_to_fit();
        let n = entities.len();
        let by_id_and_kind = || {
            let mut by_id = HashTable::with_capacity(n);
            let mut by_kind: [Vec<usize>; 7] = Default::default();
            for (i, e) in entities.iter().enumerate() {
                let same = |&j: &u32| entities[j as usize].id == e.id;
                let rehash = |&j: &u32| id_hash(&entities[j as usize].id);
                // The first entity of an id keeps it.
                if let Entry::Vacant(slot) = by_id.entry(id_hash(&e.id), same, rehash) {
                    slot.insert(i as u32);
                }
                by_kind[e.kind.index()].push(i);
            }
            (by_id, by_kind)
        };
        let directions = || {
            let outgoing = || Adjacency::new(n, relations.iter().map(|r| r.from()));
            let incoming = || Adjacency::new(n, relations.iter().map(|r| r.to()));
            both(relations.len(), outgoing, incoming)
        };
        let ((by_id, by_kind), (outgoing, incoming)) = both(n, by_id_and_kind, directions);
        Dataset {
            title,
            sources,
            entities,
            relations,
            synonyms: Vec::new(),
            by_id,
            outgoing,
            incoming,
            by_kind,
        }
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        let found = self
            .by_id
            .find(id_hash(id), |&j| *self.entities[j as usize].id == *id);
        found.map(|&j| j as usize)
    }

    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.index_of(id).map(|i| &self.entities[i])
    }

    pub fn entity(&self, index: usize) -> &Entity {
        &self.entities[index]
    }

    /// Entities of one kind, in file order.
    pub fn of_kind(&self, kind: Kind) -> &[usize] {
        &self.by_kind[kind.index()]
    }

    pub fn count(&self, kind: Kind) -> usize {
        self.by_kind[kind.index()].len()
    }

    pub fn outgoing(&self, entity: usize) -> impl Iterator<Item = Link<'_>> {
        self.outgoing.of(entity).iter().map(move |&r| {
            let r = r as usize;
            let relation = &self.relations[r];
            Link {
                relation,
                index: r,
                direction: Direction::Outgoing,
                other: relation.to(),
            }
        })
    }

    pub fn incoming(&self, entity: usize) -> impl Iterator<Item = Link<'_>> {
        self.incoming.of(entity).iter().map(move |&r| {
            let r = r as usize;
            let relation = &self.relations[r];
            Link {
                relation,
                index: r,
                direction: Direction::Incoming,
                other: relation.from(),
            }
        })
    }

    /// All links of an entity: outgoing first, then incoming, each in file order.
    pub fn links(&self, entity: usize) -> impl Iterator<Item = Link<'_>> {
        self.outgoing(entity).chain(self.incoming(entity))
    }

    /// Links grouped by their label as read from this entity; groups follow the
    /// order of the relation type table (most telling first), outgoing first.
    pub fn grouped_links(&self, entity: usize) -> Vec<(&'static str, Vec<Link<'_>>)> {
        let mut groups: Vec<(&'static str, Vec<Link<'_>>)> = Vec::new();
        for link in self.links(entity) {
            match groups.iter_mut().find(|(label, _)| *label == link.label()) {
                Some((_, v)) => v.push(link),
                None => groups.push((link.label(), vec![link])),
            }
        }
        groups.sort_by_key(|(_, links)| {
            let first = &links[0];
            (first.relation.rel, first.direction == Direction::Incoming)
        });
        groups
    }

    /// Entities at the far end of outgoing relations of one type.
    pub fn targets(&self, entity: usize, rel: RelationType) -> impl Iterator<Item = usize> + '_ {
        self.outgoing(entity)
            .filter(move |l| l.relation.rel == rel)
            .map(|l| l.other)
    }

    /// Entities at the near end of incoming relations of one type.
    pub fn sources_of(&self, entity: usize, rel: RelationType) -> impl Iterator<Item = usize> + '_ {
        self.incoming(entity)
            .filter(move |l| l.relation.rel == rel)
            .map(|l| l.other)
    }

    /// Places an entity is located in, and every place those are part of, nearest first.
    pub fn places_of(&self, entity: usize) -> Vec<usize> {
        let (Some(located), Some(part_of)) = (
            RelationType::parse("located_in"),
            RelationType::parse("part_of"),
        ) else {
            return Vec::new();
        };
        let mut seen: Vec<usize> = Vec::new();
        let mut queue: Vec<usize> = self.targets(entity, located).collect();
        if self.entities[entity].kind == Kind::Place {
            queue.extend(self.targets(entity, part_of));
        }
        let mut i = 0;
        while i < queue.len() {
            let p = queue[i];
            i += 1;
            if seen.contains(&p) {
                continue;
            }
            seen.push(p);
            queue.extend(
                self.targets(p, part_of)
                    .filter(|&q| self.entities[q].kind == Kind::Place),
            );
            queue.extend(self.targets(p, located));
        }
        seen
    }

    /// Whether an entity is the place, or located in it or in any place inside it.
    pub fn is_in(&self, entity: usize, place: usize) -> bool {
        entity == place || self.places_of(entity).contains(&place)
    }

    /// "94 entities (16 clusters, 14 alliances, ...)": the summary `check` prints.
    pub fn summary(&self) -> String {
        let kinds: Vec<String> = Kind::ALL
            .into_iter()
            .filter(|k| self.count(*k) > 0)
            .map(|k| {
                format!(
                    "{} {}",
                    self.count(k),
                    if self.count(k) == 1 {
                        k.as_str()
                    } else {
                        k.plural()
                    }
                )
            })
            .collect();
        let n = |count: usize, one: &str, many: &str| {
            format!("{count} {}", if count == 1 { one } else { many })
        };
        format!(
            "{} ({}), {}, {}",
            n(self.entities.len(), "entity", "entities"),
            kinds.join(", "),
            n(self.relations.len(), "relation", "relations"),
            n(self.sources.len(), "source", "sources")
        )
    }
}
