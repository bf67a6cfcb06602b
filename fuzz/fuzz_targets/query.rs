//! Any string as a search query on the built-in dataset: parsing and searching
//! must never panic, and highlights must point inside the matched text.
#![no_main]

use std::sync::OnceLock;

use clusterdex::model::Dataset;
use clusterdex::search::{Index, Query, Searcher};
use libfuzzer_sys::fuzz_target;

fn data() -> &'static (Dataset, Index) {
    static D: OnceLock<(Dataset, Index)> = OnceLock::new();
    D.get_or_init(|| {
        let l = clusterdex::load::load(&clusterdex::load::DataSource::Builtin, 1 << 26)
            .expect("built-in");
        let ix = Index::new(&l.dataset);
        (l.dataset, ix)
    })
}

fuzz_target!(|text: &str| {
    let (ds, ix) = data();
    if let Ok(q) = Query::parse(text) {
        if let Ok(hits) = ix.search_top(&q, 20) {
            for h in hits {
                let len = h.field.text(ds, h.entity).chars().count();
                assert!(h.indices.iter().all(|&i| i < len));
            }
        }
    }
    let mut s = Searcher::new();
    for end in text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
    {
        let _ = s.search(ix, &text[..end]);
    }
});
