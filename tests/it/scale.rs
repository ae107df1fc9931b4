//! Scale: documents from the generator (`benches/support/generate.rs`, the one
//! the benchmarks use) through the real loader, then random keys at random
//! sizes: empty documents, one area, thousands of areas, huge texts, wide CJK,
//! words longer than any pane. Nothing panics, the invariants hold, no cell
//! holds a control character, and the index that keeps big documents fast
//! answers exactly what a scan would.

use proptest::prelude::*;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
use vision_tui::app::Action;
use vision_tui::document::model::Document;

use crate::support::action;
use crate::support::drive::{self, Driver};
use crate::support::generate::{self, Spec, Style};

fn load(spec: &Spec) -> Document {
    let text = generate::ron(spec);
    vision_tui::document::load::parse("generated.ron", text.as_bytes())
        .unwrap_or_else(|err| panic!("the generator made an invalid document for {spec:?}:\n{err}"))
}

fn style() -> impl Strategy<Value = Style> {
    prop_oneof![
        Just(Style::Mixed),
        Just(Style::Swedish),
        Just(Style::Cjk),
        Just(Style::LongWords),
    ]
}

/// Small and odd documents: none to a few areas, texts from one word to huge.
fn small_spec() -> impl Strategy<Value = Spec> {
    (
        prop_oneof![Just(0usize), Just(1), 2usize..=6],
        0usize..=6,
        any::<u64>(),
        style(),
        1usize..=40,
        prop_oneof![Just(0usize), 1usize..=4],
        100usize..=3000,
    )
        .prop_map(
            |(areas, goals_per_area, seed, style, words, huge_every, huge_words)| Spec {
                areas,
                goals_per_area,
                seed,
                style,
                words,
                huge_every,
                huge_words,
            },
        )
}

/// Thousands of areas (past the size where the document keeps an index).
fn big_spec() -> impl Strategy<Value = Spec> {
    (1000usize..=3000, 0usize..=2, any::<u64>(), style()).prop_map(
        |(areas, goals_per_area, seed, style)| Spec {
            words: 3,
            seed,
            style,
            ..Spec::new(areas, goals_per_area)
        },
    )
}

fn run(document: Document, size: (u16, u16), actions: Vec<Action>) {
    Driver::new(drive::state(document, size)).apply_all(actions);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn small_and_odd_generated_documents(
        spec in small_spec(),
        size in (1u16..=300, 1u16..=100),
        actions in prop::collection::vec(action(), 0..30),
    ) {
        run(load(&spec), size, actions);
    }
}

proptest! {
    // Each case loads thousands of areas in a debug build: few cases.
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn thousands_of_focus_areas(
        spec in big_spec(),
        size in (20u16..=250, 8u16..=80),
        actions in prop::collection::vec(action(), 0..20),
    ) {
        run(load(&spec), size, actions);
    }
}

#[test]
fn the_generator_makes_valid_documents_of_every_shape() {
    for style in [Style::Mixed, Style::Swedish, Style::Cjk, Style::LongWords] {
        for (areas, goals) in [(0, 0), (0, 5), (1, 0), (1, 1), (7, 3)] {
            let spec = Spec {
                style,
                ..Spec::new(areas, goals)
            };
            let doc = load(&spec);
            assert_eq!(doc.focus_areas.len(), areas);
            assert_eq!(doc.goals.len(), if areas == 0 { 0 } else { areas * goals });
            let text: String = doc.goals.iter().map(|g| g.text.as_str()).collect();
            match style {
                Style::Cjk if goals > 0 && areas > 0 => {
                    assert!(text.chars().any(|c| c.width() == Some(2)), "{text}");
                }
                Style::LongWords if goals > 0 && areas > 0 => {
                    assert!(text.split(' ').all(|w| w.chars().count() >= 40), "{text}");
                }
                _ => {}
            }
        }
    }
    // The same spec gives the same document.
    let spec = Spec::new(50, 3);
    assert_eq!(generate::ron(&spec), generate::ron(&spec));
}

/// The index a big document keeps gives the answers a plain scan gives,
/// before and after the document is changed.
#[test]
fn the_lookup_index_agrees_with_a_scan() {
    let mut doc = load(&Spec::new(2_000, 3));
    let check = |doc: &Document| {
        for area in &doc.focus_areas {
            let indexed: Vec<u32> = doc.goals_of(&area.id).map(|g| g.number).collect();
            let scanned: Vec<u32> = doc
                .goals
                .iter()
                .filter(|g| g.focus_area == area.id)
                .map(|g| g.number)
                .collect();
            assert_eq!(indexed, scanned, "goals of {}", area.id);
            assert_eq!(doc.focus_area(&area.id).map(|a| &a.id), Some(&area.id));
        }
        assert!(doc.focus_area("no-such-area").is_none());
        assert_eq!(doc.goals_of("no-such-area").count(), 0);
        let longest = doc
            .focus_areas
            .iter()
            .map(|a| a.name.width())
            .max()
            .unwrap_or(0);
        assert_eq!(doc.longest_focus_area_name(), longest);
    };
    check(&doc);
    // A new goals vector: the index follows without being told.
    let mut goals = doc.goals.clone();
    goals.reverse();
    goals.truncate(4_000);
    doc.goals = goals;
    check(&doc);
    // Growing a vector in place: likewise.
    let mut extra = doc.goals[0].clone();
    extra.number = 999_999;
    extra.focus_area = "a7".into();
    doc.goals.push(extra);
    check(&doc);
    // In-place edits of ids and names need `reindex`.
    doc.goals[10].focus_area = "a1".into();
    doc.focus_areas[5].name = "A name far longer than any other focus area's".into();
    doc.reindex();
    check(&doc);
    // A clone has its own index.
    let copy = doc.clone();
    assert_eq!(copy, doc);
    check(&copy);
}

/// The end of a 10,000-area list is reached and drawn like the start.
#[test]
fn ten_thousand_areas_browse_to_the_end() {
    let doc = load(&Spec {
        words: 2,
        huge_every: 0,
        ..Spec::new(10_000, 1)
    });
    let last_name = doc.focus_areas[9_999].name.clone();
    let mut driver = Driver::new(drive::state(doc, (120, 40)));
    driver.apply(Action::MoveToBottom);
    assert_eq!(driver.state.selected, 9_999);
    let screen = drive::text(driver.screen());
    assert!(screen.contains("10000"), "{screen}");
    let first_word = last_name.split(' ').next().unwrap();
    assert!(screen.contains(first_word), "{first_word} not on\n{screen}");
}
