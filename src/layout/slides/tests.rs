//! The slides made from the document: topics and their numbers, headings,
//! nothing cut off, and pagination.

use super::*;

fn builtin_deck(width: u16, height: u16) -> Vec<Slide> {
    build(&crate::document::load::builtin(), width, height, false)
}

/// The first slide of `kind` in a whole deck.
fn find(deck: &[Slide], kind: SlideKind) -> Option<&Slide> {
    deck.iter().find(|s| s.kind == kind)
}

#[test]
fn the_default_document_gives_every_kind_of_slide_in_order() {
    let deck = builtin_deck(80, 24);
    let kinds: Vec<SlideKind> = deck.iter().map(|s| s.kind).collect();
    let mut expected = vec![
        SlideKind::Title,
        SlideKind::Vision,
        SlideKind::Background(0),
    ];
    let background_1 = kinds
        .iter()
        .filter(|k| **k == SlideKind::Background(1))
        .count();
    let background_0 = kinds
        .iter()
        .filter(|k| **k == SlideKind::Background(0))
        .count();
    expected.extend(std::iter::repeat_n(
        SlideKind::Background(0),
        background_0 - 1,
    ));
    expected.extend(std::iter::repeat_n(SlideKind::Background(1), background_1));
    expected.push(SlideKind::FocusAreas(0));
    expected.extend((0..5).map(SlideKind::FocusArea));
    let goals = kinds.iter().filter(|k| **k == SlideKind::Goals(0)).count();
    expected.extend(std::iter::repeat_n(SlideKind::Goals(0), goals));
    expected.push(SlideKind::Closing);
    assert_eq!(kinds, expected);
}

#[test]
fn topic_numbers_are_arithmetic_and_agree_with_the_whole_deck() {
    let mut doc = crate::document::load::builtin();
    let strings = Strings::load(Lang::for_document(&doc.language));
    // 5 areas, 5 goals: one glance each.
    let kinds: Vec<SlideKind> = (0..count(&doc)).filter_map(|i| kind_at(&doc, i)).collect();
    let mut whole: Vec<SlideKind> = build(&doc, 80, 24, false).iter().map(|s| s.kind).collect();
    whole.dedup();
    assert_eq!(kinds, whole);
    // Past a dozen, the lists at a glance come in runs of a dozen.
    let area = doc.focus_areas[0].clone();
    let goal = doc.goals[0].clone();
    doc.focus_areas = (0..25)
        .map(|i| crate::document::model::FocusArea {
            id: format!("a{i}"),
            name: format!("Area {i}"),
            ..area.clone()
        })
        .collect();
    doc.goals = (0..13)
        .map(|i| crate::document::model::Goal {
            number: i + 1,
            focus_area: "a0".into(),
            ..goal.clone()
        })
        .collect();
    doc.reindex();
    let b = doc.background.len();
    assert_eq!(count(&doc), 2 + b + 3 + 25 + 2 + 1);
    assert_eq!(kind_at(&doc, 2 + b + 2), Some(SlideKind::FocusAreas(2)));
    assert_eq!(kind_at(&doc, 2 + b + 3), Some(SlideKind::FocusArea(0)));
    assert_eq!(kind_at(&doc, count(&doc)), None);
    for i in 0..count(&doc) {
        let kind = kind_at(&doc, i).unwrap();
        assert_eq!(index_of(&doc, kind), Some(i), "{kind:?}");
    }
    assert_eq!(index_of(&doc, SlideKind::FocusAreas(3)), None);
    assert_eq!(index_of(&doc, SlideKind::FocusArea(25)), None);
    assert_eq!(
        heading(&doc, &strings, SlideKind::FocusAreas(1)),
        "Fokusområden 13–24"
    );
    assert_eq!(
        heading(&doc, &strings, SlideKind::FocusAreas(2)),
        "Fokusområde 25",
        "one item: not \"Fokusområden 25–25\""
    );
    assert_eq!(heading(&doc, &strings, SlideKind::Goals(0)), "Mål 1–12");
    assert_eq!(heading(&doc, &strings, SlideKind::Goals(1)), "Mål 13");
    let deck = Deck::lay_out(&doc, &strings, 2 + b + 2, (80, 24), false);
    let body: Vec<&str> = deck.slides[0]
        .body
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(body, ["25  Area 24"], "numbered as in the whole list");
    let whole = build(&doc, 160, 45, false);
    let listed = whole
        .iter()
        .filter(|s| matches!(s.kind, SlideKind::Goals(_)))
        .flat_map(|s| &s.body)
        .filter(|l| {
            let numbered = l.text.trim_start().split_once(". ");
            numbered.is_some_and(|(n, _)| n.parse::<u32>().is_ok())
        })
        .count();
    assert_eq!(listed, 13, "every goal at a glance once");
}

#[test]
fn experimentlust_slide_shows_goal_1() {
    let deck = builtin_deck(80, 24);
    let slide = find(&deck, SlideKind::FocusArea(2)).unwrap();
    assert_eq!(slide.heading, "Experimentlust");
    let body: Vec<&str> = slide.body.iter().map(|l| l.text.as_str()).collect();
    assert!(
        body.contains(&"Mål 1 · 2021–2023"),
        "Swedish document, Swedish labels: {body:?}"
    );
    assert_eq!(slide.focus_area, Some(2));
}

#[test]
fn nothing_is_cut_off_long_content_continues() {
    for (w, h) in [(80, 24), (40, 12), (24, 8), (160, 45)] {
        let deck = builtin_deck(w, h);
        let geo = geometry(w, h, false);
        for slide in &deck {
            let room = geo
                .content_rows
                .saturating_sub(slide.heading_rows() + 1)
                .max(1);
            assert!(slide.body.len() <= room, "{slide:?} at {w}×{h}");
            for line in &slide.body {
                assert!(
                    crate::layout::text::width(&line.text) <= geo.text_width,
                    "{line:?}"
                );
            }
        }
        // Every word of every goal is on some slide.
        let all: String = deck
            .iter()
            .flat_map(|s| s.body.iter().map(|l| format!("{} ", l.text)))
            .collect();
        for goal in &crate::document::load::builtin().goals {
            for word in goal.text.split(' ') {
                assert!(all.contains(word), "{word} missing at {w}×{h}");
            }
        }
    }
}

#[test]
fn headings_are_as_big_as_fit_and_plain_when_narrow() {
    let (size, _) = choose_heading("Omställning", 160, 40);
    assert_eq!(size, HeadingSize::Full);
    let (size, _) = choose_heading("Omställning", 100, 20);
    assert_eq!(size, HeadingSize::HalfHeight);
    let (size, _) = choose_heading("Omställning", 50, 20);
    assert_eq!(size, HeadingSize::Quadrant);
    let (size, lines) = choose_heading("Omställning", 30, 20);
    assert_eq!(
        (size, lines),
        (HeadingSize::Plain, vec!["Omställning".to_string()])
    );
    assert_eq!(
        choose_heading("漢字", 160, 40).0,
        HeadingSize::Plain,
        "no glyphs: plain"
    );
    assert_eq!(choose_heading("Plan – 2030", 160, 40).0, HeadingSize::Plain);
}

#[test]
fn pagination_keeps_blocks_together_and_splits_only_giants() {
    let line = |t: &str| SlideLine {
        text: t.into(),
        role: Role::Text,
    };
    let pages = paginate(
        vec![vec![line("a"), line("b")], vec![line("c"), line("d")]],
        4,
    );
    assert_eq!(pages.len(), 2);
    let giant = (0..7).map(|i| line(&i.to_string())).collect();
    let pages = lines_of(paginate(vec![giant], 3));
    assert_eq!(
        pages.iter().map(Vec::len).collect::<Vec<_>>(),
        [3, 2, 2],
        "split evenly: no page of one line"
    );
    let text: Vec<String> = pages.iter().flatten().map(|l| l.text.clone()).collect();
    assert_eq!(
        text,
        ["0", "1", "2", "3", "4", "5", "6"],
        "in order, no gaps"
    );
    assert_eq!(lines_of(paginate(vec![], 3)), vec![Vec::<SlideLine>::new()]);
}

#[test]
fn pages_of_a_topic_fill_evenly() {
    let block = |n: usize| (0..n).map(|_| line_of("x")).collect::<Vec<_>>();
    let sizes = |blocks: &[usize], rows| {
        paginate(blocks.iter().map(|&n| block(n)).collect(), rows)
            .iter()
            .map(|page| page.lines.len())
            .collect::<Vec<_>>()
    };
    // A focus area of a description and five goals in 16 rows: a first
    // fit would give 14 + 2, one goal alone on the second slide.
    assert_eq!(sizes(&[1, 2, 2, 2, 3, 2], 16), [7, 9]);
    // Three blocks of four in 12 rows: as many pages as needed, no more.
    assert_eq!(sizes(&[4, 4, 4], 14), [14]);
    assert_eq!(sizes(&[4, 4, 4, 4], 14), [9, 9]);
    // A long block after a short one is split evenly, on pages of its own.
    assert_eq!(sizes(&[2, 10], 4), [2, 4, 3, 3]);
}

/// The lines of each page.
fn lines_of(pages: Vec<paginate::Page>) -> Vec<Vec<SlideLine>> {
    pages.into_iter().map(|page| page.lines).collect()
}

fn line_of(text: &str) -> SlideLine {
    SlideLine {
        text: text.into(),
        role: Role::Text,
    }
}

#[test]
fn goals_at_a_glance_are_headed_by_the_numbers_they_are_listed_with() {
    let mut doc = crate::document::load::builtin();
    let goal = doc.goals[0].clone();
    doc.goals = (0..13)
        .map(|i| crate::document::model::Goal {
            number: 101 + i,
            ..goal.clone()
        })
        .collect();
    doc.reindex();
    let strings = Strings::load(Lang::En);
    assert_eq!(
        heading(&doc, &strings, SlideKind::Goals(0)),
        "Goals 101–112"
    );
    assert_eq!(heading(&doc, &strings, SlideKind::Goals(1)), "Goal 113");
}

#[test]
fn the_speaker_view_splits_the_notes_panel_and_leaves_the_slide_alone() {
    use ratatui::layout::Rect;
    let sizes = [
        (24, 8),
        (60, 20),
        (69, 30),
        (70, 24),
        (80, 24),
        (100, 30),
        (200, 60),
    ];
    for (w, h) in sizes {
        let area = Rect::new(0, 0, w, h);
        let plain = screen(area, true, false);
        let speaker = screen(area, true, true);
        assert_eq!(plain.next, None, "{w}×{h}");
        assert_eq!(
            (speaker.content, speaker.footer),
            (plain.content, plain.footer),
            "{w}×{h}"
        );
        match speaker.next {
            None => {
                assert!(w < NEXT_MIN_WIDTH, "{w}×{h}");
                assert_eq!(speaker.notes, plain.notes);
            }
            Some(next) => {
                assert!(w >= NEXT_MIN_WIDTH, "{w}×{h}");
                assert_eq!(speaker.notes.union(next), plain.notes, "{w}×{h}");
                assert_eq!(speaker.notes.right(), next.x, "side by side");
                assert!((28..=60).contains(&next.width), "{next:?}");
                assert!(next.width < speaker.notes.width, "the notes keep the most");
            }
        }
        assert_eq!(screen(area, false, true).next, None, "no notes, no box");
        assert_eq!(notes_panel((w, h), true, true), Some(speaker.notes));
    }
}
