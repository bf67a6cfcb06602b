//! A synthetic ecosystem of any size, for benchmarks and stress tests: realistic
//! multilingual names with accents, aliases and acronyms, tags, places, dates,
//! a realistic mix of kinds and about five relations per entity. The same seed
//! always gives the same file, and it always validates.

mod kinds;
mod names;

use std::collections::HashSet;

use crate::data::format::{
    FileDataset, FileDate, FileEntity, FileFact, FileKind, FileRelation, FileSource,
};
use names::{COUNTRIES, SECTORS};

/// SplitMix64: tiny, fast and deterministic, which is all a generator needs.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[self.below(list.len())]
    }
}

const SOURCE: &str = "gen";

struct Builder {
    rng: Rng,
    entities: Vec<FileEntity>,
    relations: Vec<FileRelation>,
    seen: HashSet<(usize, &'static str, usize)>,
}

impl Builder {
    fn add(
        &mut self,
        id: String,
        kind: FileKind,
        subkind: &str,
        name: String,
        aliases: Vec<String>,
    ) -> usize {
        let plain = names::plain(&name);
        let mut aliases: Vec<String> = aliases
            .into_iter()
            .filter(|a| !a.is_empty() && *a != name)
            .collect();
        if plain != name {
            aliases.push(plain);
        }
        self.entities.push(FileEntity {
            id,
            kind,
            subkind: Some(subkind.to_string()),
            name,
            aliases,
            description: String::new(),
            tags: Vec::new(),
            facts: Vec::new(),
            dates: Vec::new(),
            notes: Vec::new(),
            certainty: Default::default(),
            inferred: Vec::new(),
            sources: vec![SOURCE.to_string()],
        });
        self.entities.len() - 1
    }

    fn relate(&mut self, from: usize, rel: &'static str, to: usize) {
        if from != to && self.seen.insert((from, rel, to)) {
            self.relations.push(FileRelation {
                from: self.entities[from].id.clone(),
                rel: rel.to_string(),
                to: self.entities[to].id.clone(),
                role: None,
                period: None,
                note: None,
                certainty: Default::default(),
                sources: vec![SOURCE.to_string()],
            });
        }
    }

    fn fact(&mut self, e: usize, label: &str, value: String, when: Option<String>) {
        self.entities[e].facts.push(FileFact {
            label: label.to_string(),
            value,
            when,
            note: None,
            certainty: Default::default(),
            sources: vec![SOURCE.to_string()],
        });
    }

    fn date(&mut self, e: usize, label: &str, when: String, note: Option<String>) {
        self.entities[e].dates.push(FileDate {
            label: label.to_string(),
            when,
            note,
            sources: vec![SOURCE.to_string()],
        });
    }

    fn tags(&mut self, e: usize, n: usize) -> Vec<&'static str> {
        let mut t: Vec<&'static str> = (0..n).map(|_| *self.rng.pick(SECTORS)).collect();
        t.sort_unstable();
        t.dedup();
        self.entities[e].tags = t.iter().map(|s| s.to_string()).collect();
        t
    }
}

/// Places: every country, region and city of the word lists, with part_of links.
/// Returns the cities with their region and language.
fn places(b: &mut Builder) -> Vec<kinds::City> {
    let mut cities = Vec::new();
    for (c, (country, lang, regions)) in COUNTRIES.iter().enumerate() {
        let ci = b.add(
            format!("country_{c}"),
            FileKind::Place,
            "country",
            country.to_string(),
            Vec::new(),
        );
        for (r, (region, towns)) in regions.iter().enumerate() {
            let ri = b.add(
                format!("region_{c}_{r}"),
                FileKind::Place,
                "region",
                region.to_string(),
                Vec::new(),
            );
            b.relate(ri, "part_of", ci);
            for (t, town) in towns.iter().enumerate() {
                let ti = b.add(
                    format!("city_{c}_{r}_{t}"),
                    FileKind::Place,
                    "city",
                    town.to_string(),
                    Vec::new(),
                );
                b.relate(ti, "part_of", ri);
                cities.push((ti, ri, *lang));
            }
        }
    }
    cities
}

/// How many of each kind for `n` entities beyond the places.
fn mix(n: usize) -> [usize; 6] {
    let clusters = (n * 4 / 100).max(1);
    let alliances = (n * 15 / 1000).max(1);
    let events = (n * 7 / 100).max(1);
    let projects = (n * 6 / 100).max(1);
    let people = n * 28 / 100;
    let orgs = n.saturating_sub(clusters + alliances + events + projects + people);
    [clusters, alliances, events, projects, people, orgs]
}

/// The fewest entities `generate` makes exactly: its places, and one of each
/// other kind. (A test holds this equal to the place table.)
pub const MIN_ENTITIES: usize = 133;

/// The most entities `gen` writes: about 620 MiB of RON, several GiB of memory
/// to build; far beyond any real ecosystem.
pub const MAX_ENTITIES: usize = 1_000_000;

/// Generates a dataset of `n` entities (at least the places and one of each kind).
pub fn generate(n: usize, seed: u64) -> FileDataset {
    let mut b = Builder {
        rng: Rng::new(seed),
        entities: Vec::with_capacity(n),
        relations: Vec::with_capacity(n * 5),
        seen: HashSet::new(),
    };
    let cities = places(&mut b);
    let countries: Vec<usize> = (0..b.entities.len())
        .filter(|&i| b.entities[i].subkind.as_deref() == Some("country"))
        .collect();
    let rest = n.saturating_sub(b.entities.len());
    let [
        n_clusters,
        n_alliances,
        n_events,
        n_projects,
        n_people,
        n_orgs,
    ] = mix(rest);

    let clusters = kinds::clusters(&mut b, n_clusters, &cities);
    let alliances = kinds::alliances(&mut b, n_alliances, &countries, &clusters);
    kinds::join_alliances(&mut b, &clusters, &alliances);
    let events = kinds::events(&mut b, n_events, &cities, &clusters);
    let groups = (&clusters[..], &alliances[..]);
    let orgs = kinds::organisations(&mut b, n_orgs, &cities, groups, &events);
    kinds::people(&mut b, n_people, &orgs, &events, &clusters);
    kinds::projects(&mut b, n_projects, &alliances, &orgs);
    FileDataset {
        title: format!("Synthetic ecosystem of {n} entities (seed {seed})"),
        sources: vec![FileSource {
            id: SOURCE.to_string(),
            title: format!("clusterdex gen --entities {n} --seed {seed}"),
            publisher: "clusterdex".to_string(),
            language: "en".to_string(),
            about: "Synthetic data for benchmarks; no real organisation is described".to_string(),
            ..Default::default()
        }],
        entities: b.entities,
        relations: b.relations,
        synonyms: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_dataset_and_another_seed_does_not() {
        assert_eq!(generate(500, 7), generate(500, 7));
        assert_ne!(generate(500, 7), generate(500, 8));
    }

    #[test]
    fn a_generated_dataset_validates_cleanly_with_about_five_relations_each() {
        let file = generate(3000, 1);
        let text = crate::data::to_ron(&file).expect("serialises");
        let loaded =
            crate::load::load_text(std::path::Path::new("gen.ron"), &text).expect("parses");
        assert!(
            loaded.diagnostics.is_empty(),
            "{:?}",
            &loaded.diagnostics[..3.min(loaded.diagnostics.len())]
        );
        assert_eq!(loaded.dataset.len(), 3000);
        let per_entity = loaded.dataset.relations.len() as f64 / 3000.0;
        assert!((3.5..=6.5).contains(&per_entity), "{per_entity}");
        assert!(loaded.dataset.entities.iter().any(|e| !e.name.is_ascii()));
    }

    #[test]
    fn every_count_from_the_minimum_on_is_generated_exactly() {
        let places = places(&mut Builder {
            rng: Rng::new(1),
            entities: Vec::new(),
            relations: Vec::new(),
            seen: HashSet::new(),
        });
        let places = places.len()
            + COUNTRIES
                .iter()
                .map(|(_, _, regions)| 1 + regions.len())
                .sum::<usize>();
        // The places, then one each of the five kinds with a floor of one.
        assert_eq!(MIN_ENTITIES, places + 5);
        for n in (MIN_ENTITIES..MIN_ENTITIES + 120).chain([5000, 12_345]) {
            assert_eq!(generate(n, 3).entities.len(), n, "asked for {n}");
        }
        assert_ne!(
            generate(MIN_ENTITIES - 1, 3).entities.len(),
            MIN_ENTITIES - 1
        );
    }
}
