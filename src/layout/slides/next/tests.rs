//! The next slide: the next part of a topic that continues, the next
//! topic's first slide after a topic's last, nothing after the last; shown
//! with the same words, wrapped and cut to the box.

use super::*;
use crate::i18n::Lang;
use crate::layout::slides::{SlideKind, count, index_of};
use crate::layout::text::width;

fn swedish() -> Strings {
    Strings::load(Lang::Sv)
}

/// The words of `lines`, whatever their wrapping and indents.
fn words<'a>(lines: impl IntoIterator<Item = &'a SlideLine>) -> Vec<&'a str> {
    lines
        .into_iter()
        .flat_map(|line| line.text.split_whitespace())
        .collect()
}

fn preview(next: Next) -> Preview {
    match next {
        Next::Slide(preview) => preview,
        Next::End => panic!("a next slide, not the end"),
    }
}

/// A box large enough for any slide: nothing is cut.
const ROOMY: (usize, usize) = (36, 1_000);

/// The built-in document with a background paragraph longer than any slide.
fn long_document() -> Document {
    let mut doc = crate::document::load::builtin();
    doc.background[0]
        .paragraphs
        .push("a bb ccc dddd eeeee ffffff ggggggg ".repeat(40));
    doc
}

#[test]
fn a_topic_that_continues_shows_its_next_part() {
    let (doc, strings) = (crate::document::load::builtin(), swedish());
    let topic = index_of(&doc, SlideKind::Background(0)).unwrap();
    let deck = Deck::lay_out(&doc, &strings, topic, (80, 24), true);
    let parts = deck.slides.len();
    assert!(
        parts >= 2,
        "the first background section continues at 80×24: {parts}"
    );
    for part in 0..parts - 1 {
        let shown = preview(next_slide(&doc, &strings, &deck, part, ROOMY));
        let next = &deck.slides[part + 1];
        assert_eq!(
            (shown.topic, shown.part, shown.parts),
            (topic, part + 1, parts)
        );
        assert_eq!(shown.heading, wrap(&next.heading, ROOMY.0));
        assert_eq!(words(&shown.body), words(&next.body), "part {part}");
        assert!(!shown.cut);
    }
}

#[test]
fn after_a_topics_last_part_comes_the_next_topics_first_slide() {
    let (doc, strings) = (crate::document::load::builtin(), swedish());
    let topic = index_of(&doc, SlideKind::Background(0)).unwrap();
    let deck = Deck::lay_out(&doc, &strings, topic, (80, 24), true);
    let last = deck.slides.len() - 1;
    let shown = preview(next_slide(&doc, &strings, &deck, last, ROOMY));
    let following = Deck::lay_out(&doc, &strings, topic + 1, (80, 24), true);
    let first = &following.slides[0];
    assert_eq!(first.kind, SlideKind::Background(1));
    assert_eq!(
        (shown.topic, shown.part, shown.parts),
        (topic + 1, 0, following.slides.len())
    );
    assert_eq!(shown.heading, wrap(&first.heading, ROOMY.0));
    assert_eq!(words(&shown.body), words(&first.body));
}

#[test]
fn after_the_last_slide_nothing_comes() {
    let (doc, strings) = (crate::document::load::builtin(), swedish());
    let last = count(&doc) - 1;
    let deck = Deck::lay_out(&doc, &strings, last, (80, 24), true);
    let last_part = deck.slides.len() - 1;
    assert_eq!(
        next_slide(&doc, &strings, &deck, last_part, ROOMY),
        Next::End
    );
    // The slide before the last: the closing slide comes next.
    let deck = Deck::lay_out(&doc, &strings, last - 1, (80, 24), true);
    let shown = preview(next_slide(
        &doc,
        &strings,
        &deck,
        deck.slides.len() - 1,
        ROOMY,
    ));
    assert_eq!(shown.topic, last);
    assert!(shown.centred, "the closing slide is centred");
}

#[test]
fn a_preview_shows_the_words_of_the_slide_it_previews_wrapped_to_the_box() {
    // Where a block is broken between two slides, the preview breaks it at
    // the same word, whatever the box's width makes of its lines.
    let strings = swedish();
    for doc in [crate::document::load::builtin(), long_document()] {
        for (w, h) in [(80, 24), (100, 30), (70, 20), (120, 40), (24, 8)] {
            let decks: Vec<Deck> = (0..count(&doc))
                .map(|topic| Deck::lay_out(&doc, &strings, topic, (w, h), true))
                .collect();
            let slides: Vec<&Slide> = decks.iter().flat_map(|deck| &deck.slides).collect();
            let mut next = slides.iter().skip(1);
            for deck in &decks {
                for part in 0..deck.slides.len() {
                    for box_width in [24, 36, 56] {
                        let at =
                            format!("{w}×{h}, topic {} part {part}, box {box_width}", deck.topic);
                        let shown = next_slide(&doc, &strings, deck, part, (box_width, 1_000));
                        let Some(&expected) = next.clone().next() else {
                            assert_eq!(shown, Next::End, "{at}");
                            continue;
                        };
                        let shown = preview(shown);
                        assert_eq!(words(&shown.body), words(&expected.body), "{at}");
                        assert!(
                            shown.body.iter().all(|l| width(&l.text) <= box_width),
                            "{at}: {:?}",
                            shown.body
                        );
                        assert!(!shown.cut, "{at}");
                    }
                    next.next();
                }
            }
        }
    }
}

#[test]
fn a_preview_is_cut_to_the_box_with_a_row_that_says_so() {
    let (doc, strings) = (long_document(), swedish());
    let topic = index_of(&doc, SlideKind::Background(0)).unwrap();
    // The topic before: its last slide's next is the long section's first.
    let deck = Deck::lay_out(&doc, &strings, topic - 1, (100, 30), true);
    let last = deck.slides.len() - 1;
    let whole = preview(next_slide(&doc, &strings, &deck, last, (36, 1_000)));
    for rows in 1..=12 {
        let shown = preview(next_slide(&doc, &strings, &deck, last, (36, rows)));
        let used = shown.heading.len()
            + usize::from(shown.gap)
            + shown.body.len()
            + usize::from(shown.cut);
        assert!(used <= rows, "{used} rows in {rows}: {shown:?}");
        assert!(shown.heading.len() <= (rows / 2).max(1));
        assert_eq!(shown.cut, rows >= 2, "{rows} rows: {shown:?}");
        assert!(
            whole.body.starts_with(&shown.body),
            "the slide's first lines"
        );
        assert!(
            shown.body.last().is_none_or(|line| !line.text.is_empty()),
            "no blank line before the … row"
        );
    }
    let eight = preview(next_slide(&doc, &strings, &deck, last, (36, 8)));
    assert_eq!(eight.heading.len(), 1);
    assert!(eight.gap);
    assert_eq!(eight.body.len(), 5, "heading, gap, five lines, …");
}

#[test]
fn a_long_heading_takes_at_most_half_the_box() {
    let mut doc = crate::document::load::builtin();
    doc.focus_areas[1].name = "Ett mycket långt namn på ett fokusområde som inte ryms".into();
    let strings = swedish();
    let topic = index_of(&doc, SlideKind::FocusArea(1)).unwrap();
    let deck = Deck::lay_out(&doc, &strings, topic - 1, (100, 30), true);
    let shown = preview(next_slide(
        &doc,
        &strings,
        &deck,
        deck.slides.len() - 1,
        (20, 4),
    ));
    assert_eq!(shown.heading.len(), 2);
    assert_eq!(shown.heading[0], "Ett mycket långt");
    assert!(shown.heading[1].ends_with('…'), "{:?}", shown.heading);
    assert!(shown.heading.iter().all(|line| width(line) <= 20));
}
