//! No query string — empty, blank, long, any Unicode, fzf operators in odd
//! places — makes parsing, searching or reading it as a question panic, and
//! every highlight points inside the text it highlights.

use std::sync::OnceLock;

use clusterdex::load::{DataSource, load};
use clusterdex::model::Dataset;
use clusterdex::search::{Index, Query, Searcher};
use proptest::prelude::*;

fn data() -> &'static (Dataset, Index) {
    static D: OnceLock<(Dataset, Index)> = OnceLock::new();
    D.get_or_init(|| {
        let l = load(&DataSource::Builtin, clusterdex::data::DEFAULT_MAX_BYTES).expect("built-in");
        let ix = Index::new(&l.dataset);
        (l.dataset, ix)
    })
}

fn query_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<String>(),
        "[a-zé ]{0,12}",
        prop::sample::select(vec![
            "|",
            "!",
            "'",
            "^",
            "$",
            "kind:",
            "tag:",
            "in:",
            "year:",
            "kind:event",
            "in:france",
            "year:99999",
            "!'",
            "^$",
            " | ",
            "\u{202e}",
            "\u{1b}[31m",
            "ß",
            "東京",
            "who",
            "coordinator",
            "magia",
            "où",
            "-",
            "+",
            "’"
        ])
        .prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let (ds, ix) = data();
    if let Ok(q) = Query::parse(text) {
        for a in clusterdex::search::answer::answers(ds, ix, &q) {
            assert!(a.entity < ds.len() && a.targets.iter().all(|&t| t < ds.len()));
        }
    }
    if let Ok(q) = Query::parse(text)
        && let Ok(hits) = ix.search_top(&q, 50)
    {
        for h in hits {
            let len = h.field.text(ds, h.entity).chars().count();
            assert!(h.indices.iter().all(|&i| i < len), "{text:?}: {h:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_query_parses_or_errors_and_searches_without_panic(text in query_text()) {
        check(&text);
    }

    #[test]
    fn typing_any_text_key_by_key_never_panics(text in query_text()) {
        let (_, ix) = data();
        let mut s = Searcher::new();
        let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).chain(std::iter::once(text.len())).collect();
        for end in ends.iter().copied().chain(ends.iter().rev().copied()) {
            let _ = s.search(ix, &text[..end]);
        }
    }
}

#[test]
fn long_and_blank_queries_are_fine() {
    check("");
    check("   \t\n ");
    check(&"lyon ".repeat(2_000));
    check(&"x".repeat(100_000));
    check(&"| ".repeat(50));
}
