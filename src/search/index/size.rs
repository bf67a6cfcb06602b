//! The index's memory at scale: room made up front from counted sizes (a
//! vector grown by doubling holds up to twice what it needs and leaves its
//! outgrown copies behind), and spare room given back after the build.

use super::Index;
use crate::model::Dataset;

impl Index {
    /// An empty index with room for the dataset's spans, text and per-entity
    /// lists, and each entity's places already found: grown by doubling
    /// instead, the largest of these would leave their outgrown copies behind.
    pub(super) fn sized(ds: &Dataset) -> Index {
        let mut ix = Index::default();
        let (mut spans, mut short, mut prose) = (0, 0, 0);
        let count =
            |texts: &mut dyn Iterator<Item = &str>, spans: &mut usize, bytes: &mut usize| {
                for t in texts.filter(|t| !t.is_empty()) {
                    *spans += 1;
                    *bytes += t.len() + 1;
                }
            };
        for (e, entity) in ds.entities.iter().enumerate() {
            let places: Vec<u32> = ds.places_of(e).into_iter().map(|p| p as u32).collect();
            ix.places.push(&places);
            // Tags, places and fact labels: shared texts, counted as spans alone.
            spans += places.len() + entity.tags.len() + entity.facts.len();
            let names = &mut entity.names().chain([&*entity.id]);
            count(names, &mut spans, &mut short);
            let facts = entity.facts.iter().map(|f| f.value.as_str());
            let prose_texts = &mut std::iter::once(entity.description.as_ref()).chain(facts);
            count(prose_texts, &mut spans, &mut prose);
        }
        ix.spans.reserve_exact(spans);
        ix.span_masks.reserve_exact(spans);
        ix.buffer.reserve(short);
        ix.prose.reserve(prose);
        ix.first.reserve_exact(ds.len() + 1);
        for per_entity in [&mut ix.masks, &mut ix.short_masks, &mut ix.relation_labels] {
            per_entity.reserve_exact(ds.len());
        }
        ix.kinds.reserve_exact(ds.len());
        ix
    }

    /// Gives back what growing left spare: a quarter of the index at 100,000 entities.
    pub(super) fn shrink_to_fit(&mut self) {
        self.buffer.shrink_to_fit();
        self.prose.shrink_to_fit();
        self.prose_owner.shrink_to_fit();
        self.origins.shrink_to_fit();
        self.spans.shrink_to_fit();
        self.span_masks.shrink_to_fit();
        self.places.shrink_to_fit();
        self.years.shrink_to_fit();
        self.place_names.shrink_to_fit();
        self.short.shrink_to_fit();
    }
}
