//! Per-keystroke search: each step, and each answer worked out ahead, is
//! what a fresh search gives.

use super::*;

/// Typing, deleting and retyping answers as a fresh search for each text.
#[test]
fn every_step_answers_as_a_fresh_search_would() {
    let loaded = crate::load::load(&crate::load::DataSource::Builtin, u64::MAX).expect("loads");
    let index = Index::new(&loaded.dataset);
    let ids = |hits: &[Hit]| hits.iter().map(|h| h.entity).collect::<Vec<_>>();
    let mut typed = Searcher::new();
    let texts = [
        "l",
        "ly",
        "lyo",
        "lyon",
        "lyonb",
        "lyon",
        "ly",
        "lyx",
        "ly",
        "lyonbio",
        "lyonbiopole",
        "lyonbiopole x",
        "lyonbiopole",
        "",
    ];
    for text in texts {
        let step = ids(typed.search(&index, text).expect("valid"));
        let fresh = ids(Searcher::new().search(&index, text).expect("valid"));
        assert_eq!(step, fresh, "after typing to {text:?}");
    }
}

/// The answers worked out ahead, for the likeliest next keys and for one
/// no word has, are those a fresh search gives, and typing one of them
/// takes the answer ready.
#[test]
fn answers_worked_out_ahead_are_what_a_fresh_search_gives() {
    let loaded = crate::load::load(&crate::load::DataSource::Builtin, u64::MAX).expect("loads");
    let index = Index::new(&loaded.dataset);
    let answer = |s: &mut Searcher, text: &str| {
        let hits = s.search(&index, text).expect("valid").to_vec();
        (hits.iter().map(|h| h.entity).collect::<Vec<_>>(), s.total())
    };
    let mut typed = Searcher::new();
    for text in ["l", "ly", "lyo", "lyon", "bio", "magia co", "health2c"] {
        answer(&mut typed, text);
        let mut next = typed.likely_next(&index, text, 3);
        assert!(!next.is_empty(), "{text}: some word goes on");
        next.push(format!("{text}x"));
        for n in &next {
            assert!(typed.look_ahead(&index, n, &|| false), "{n}");
        }
        for n in &next {
            let fresh = answer(&mut Searcher::new(), n);
            assert_eq!(answer(&mut typed, n), fresh, "{n}, worked out ahead");
            answer(&mut typed, text);
            for m in &next {
                typed.look_ahead(&index, m, &|| false);
            }
        }
    }
    // The answer ready is the one taken, not worked out again.
    answer(&mut typed, "ly");
    assert!(typed.look_ahead(&index, "lyo", &|| false));
    typed.ahead[0].1.hits.clear();
    assert!(typed.search(&index, "lyo").expect("valid").is_empty());
    // However the key is typed: an accent or a capital asks the same search.
    for (ahead, typed_as) in [("sante", "santé"), ("magia coo", "magia coO")] {
        let base = &ahead[..ahead.len() - 1];
        answer(&mut typed, base);
        assert!(typed.look_ahead(&index, ahead, &|| false));
        typed.ahead[0].1.hits.clear();
        let hits = typed.search(&index, typed_as).expect("valid");
        assert!(hits.is_empty(), "{typed_as}");
    }
}

/// The likeliest next keys follow the dataset's name words, and only
/// for a word still being typed.
#[test]
fn the_likeliest_next_keys_follow_the_name_words() {
    let loaded = crate::load::load(&crate::load::DataSource::Builtin, u64::MAX).expect("loads");
    let index = Index::new(&loaded.dataset);
    let mut s = Searcher::new();
    let next = |s: &mut Searcher, text: &str| {
        s.search(&index, text).expect("valid");
        s.likely_next(&index, text, 2)
    };
    assert_eq!(next(&mut s, "ly").first().map(String::as_str), Some("lyo"));
    assert_eq!(
        next(&mut s, "Lyonbiop").first().map(String::as_str),
        Some("Lyonbiopo")
    );
    assert_eq!(next(&mut s, "magia Biow"), ["magia Biowi"]);
    for done in ["lyon ", "!lyo", "'lyo", "zzqx", "lyonbiopole"] {
        assert!(next(&mut s, done).is_empty(), "{done}");
    }
}

/// A look ahead told to stop leaves nothing behind, and the next search
/// answers as a fresh one.
#[test]
fn a_stopped_look_ahead_leaves_nothing() {
    let loaded = crate::load::load(&crate::load::DataSource::Builtin, u64::MAX).expect("loads");
    let index = Index::new(&loaded.dataset);
    let mut s = Searcher::new();
    s.search(&index, "ly").expect("valid");
    assert!(!s.look_ahead(&index, "lyo", &|| true));
    assert!(s.ahead.is_empty());
    let hits = s.search(&index, "lyo").expect("valid").to_vec();
    let fresh = Searcher::new()
        .search(&index, "lyo")
        .expect("valid")
        .to_vec();
    assert_eq!(hits, fresh);
}

/// A word added to words typed whole is searched among the matches of
/// those words, from its first letter and past the letters that matched word
/// starts only: "lyon bio" among the matches of "lyon", not among
/// everything. A longer last word is searched among the matches and near
/// misses of the shorter.
#[test]
fn an_added_word_is_searched_among_the_matches_of_the_words_before_it() {
    let ds = crate::validate::build(&crate::synth::generate(3000, 11));
    let index = Index::new(&ds);
    let mut typed = Searcher::new();
    for text in ["l", "ly", "lyo", "lyon", "lyon "] {
        typed.search(&index, text).expect("valid");
    }
    let lyon = typed.stack.last().and_then(|s| s.ranked.base.clone());
    let lyon = lyon.expect("a three-letter word keeps a base");
    assert!(!lyon.near.is_empty(), "some entities nearly match lyon");
    assert!(
        lyon.matched.len() < ds.len() / 2,
        "lyon is a narrow word here"
    );
    // The candidates, and whose matches the words before the last are known
    // on (the query's groups then, and how many matches).
    type Known = Option<(Vec<u32>, usize, usize)>;
    let base_for = |s: &Searcher, text: &str| -> Option<(Vec<u32>, Known)> {
        let below = s.top.clone().expect("a query was typed");
        let query = Query::parse(text).expect("valid");
        let (list, known) = s.base_for(&below, &query)?;
        let known = known.map(|(on, kept)| (on.to_vec(), kept.groups, kept.each.len()));
        Some((list.into_owned(), known))
    };
    let known_lyon = Some((lyon.matched.clone(), 1, lyon.matched.len()));
    assert_eq!(base_for(&typed, "lyonb"), Some((lyon.all(), None)));
    let lyon_b = Some((lyon.matched.clone(), known_lyon.clone()));
    assert_eq!(base_for(&typed, "lyon b"), lyon_b);
    for text in ["lyon b", "lyon bi"] {
        typed.search(&index, text).expect("valid");
    }
    assert_eq!(base_for(&typed, "lyon bio"), lyon_b);
    // What "lyon b" kept went when "lyon bi" changed its last word; "lyon"
    // keeps its own for the words added to it.
    let kept = |raw_len: usize| {
        let step = typed.stack.iter().find(|s| s.raw_len == raw_len);
        step.and_then(|s| s.ranked.base.as_ref())
            .map(|b| b.known.is_some())
    };
    assert_eq!(kept("lyon b".len()), Some(false));
    assert_eq!(kept("lyon".len()), Some(true));
    // A longer last word: among the shorter one's candidates, with what
    // "lyon" came to on each kept from its own answer.
    typed.search(&index, "lyon bio").expect("valid");
    let bio = typed.stack.last().and_then(|s| s.ranked.base.clone());
    let bio = bio.expect("a three-letter word keeps a base");
    assert_eq!(base_for(&typed, "lyon biot"), Some((bio.all(), known_lyon)));
    // Every three-letter word typed before changed: nothing to narrow from.
    assert_eq!(base_for(&typed, "lyx bio"), None);
}
