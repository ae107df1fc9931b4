use super::*;
use crate::document::model::{FocusArea, Goal, Reference, Section};
use crate::layout::text::wrap;

/// The view's lines at `width` columns, every block laid out.
fn lines(doc: &Document, width: usize) -> Vec<TextLine> {
    let view = View::new(doc, width);
    (0..view.len).flat_map(|k| view.lines(k)).collect()
}

/// The whole view laid out at once, the plain way: the view that lays out
/// only the blocks it passes and shows must give exactly these lines.
fn reference_lines(doc: &Document, width: usize) -> Vec<TextLine> {
    let width = width.min(READING_WIDTH);
    let mut out: Vec<TextLine> = Vec::new();
    let paragraph = |out: &mut Vec<TextLine>, text: &str, tone| {
        if !out.is_empty() {
            out.push(TextLine::blank());
        }
        out.extend(toned(wrap(text, width), tone));
    };
    let adopted = adoption_line(doc);
    if !adopted.is_empty() {
        paragraph(&mut out, &adopted, Tone::Muted);
    }
    for section in &doc.background {
        if let Some(heading) = &section.heading {
            paragraph(&mut out, heading, Tone::Heading);
        }
        for text in &section.paragraphs {
            paragraph(&mut out, text, Tone::Text);
        }
    }
    if let Some(intro) = &doc.focus_areas_intro {
        paragraph(&mut out, intro, Tone::Text);
    }
    if !doc.focus_areas.is_empty() {
        if !out.is_empty() {
            out.push(TextLine::blank());
        }
        for area in &doc.focus_areas {
            out.extend(toned(
                wrap_indented(&area.name, width, "  – ", "    "),
                Tone::Text,
            ));
        }
    }
    if let Some(intro) = &doc.goals_intro {
        paragraph(&mut out, intro, Tone::Text);
    }
    if !doc.goals.is_empty() {
        if !out.is_empty() {
            out.push(TextLine::blank());
        }
        let number_width = doc
            .goals
            .iter()
            .map(|g| g.number.to_string().len())
            .max()
            .unwrap_or(1);
        for goal in &doc.goals {
            let area = doc
                .focus_area(&goal.focus_area)
                .map_or(goal.focus_area.as_str(), |a| a.name.as_str());
            let first = format!("  {:>number_width$}. ", goal.number);
            let rest = " ".repeat(first.len());
            let text = format!("{} ({area})", goal.text);
            out.extend(toned(
                wrap_indented(&text, width, &first, &rest),
                Tone::Text,
            ));
        }
    }
    for reference in &doc.references {
        paragraph(&mut out, &reference.text, Tone::Text);
        if let Some(url) = &reference.url {
            out.extend(toned(wrap_indented(url, width, "→ ", "  "), Tone::Muted));
        }
    }
    out
}

/// The built-in document with `areas` areas of `goals_each` goals, texts
/// of varied length (some empty, some one long word), and odd extras.
fn document(areas: usize, goals_each: usize) -> Document {
    let mut doc = crate::document::load::builtin();
    let text = |i: usize| match i % 5 {
        0 => String::new(),
        1 => "Omställningsarbetsgruppsledare".repeat(i % 7 + 1),
        2 => "漢字 ".repeat(i % 13),
        _ => "ord ".repeat(i % 31),
    };
    doc.focus_areas = (0..areas)
        .map(|i| FocusArea {
            id: format!("a{i}"),
            name: format!("Area {i} {}", text(i)),
            description: None,
            notes: None,
            links: vec![],
        })
        .collect();
    doc.goals = (0..areas * goals_each)
        .map(|i| Goal {
            number: u32::try_from(i * 7 + 1).unwrap(),
            // Every 11th names no area: the view shows the id instead.
            focus_area: format!(
                "a{}",
                if i % 11 == 0 {
                    areas + 1
                } else {
                    i % areas.max(1)
                }
            ),
            text: text(i),
            description: None,
            plan_period: None,
            notes: None,
            links: vec![],
        })
        .collect();
    doc.background.push(Section {
        heading: Some(String::new()),
        paragraphs: vec![String::new(), text(3)],
    });
    doc.references.push(Reference {
        text: String::new(),
        title: None,
        url: Some("https://example.org/".repeat(9)),
    });
    doc
}

/// The first line `at` shows, counted from the top of the whole view.
fn absolute(view: &View<'_>, at: BlockLine) -> usize {
    (0..at.block).map(|k| view.block_len(k)).sum::<usize>() + at.line
}

/// Checks every way of scrolling against the reference layout: each place
/// shows the lines the reference has there, and steps move by lines.
fn check_scrolling(doc: &Document, width: usize, visible: usize) {
    let expected = reference_lines(doc, width);
    let view = View::new(doc, width);
    assert_eq!(lines(doc, width), expected, "width {width}");
    let (w, v) = (
        u16::try_from(width).unwrap(),
        u16::try_from(visible).unwrap(),
    );
    let last = expected.len().saturating_sub(visible);
    let top = BlockLine::default();
    let step = |from, step| scroll(doc, (w, v), from, step);
    let shows = |at: BlockLine, line: usize| {
        assert_eq!(absolute(&view, at), line, "width {width}, {visible} rows");
        let want: Vec<TextLine> = expected.iter().skip(line).take(visible).cloned().collect();
        assert_eq!(view.window(at, visible), want, "width {width}, line {line}");
    };
    shows(step(top, Step::Bottom), last);
    shows(step(step(top, Step::Bottom), Step::Top), 0);
    for n in [
        0,
        1,
        2,
        3,
        17,
        299,
        expected.len() / 2,
        last,
        last + 1,
        usize::MAX,
    ] {
        let down = step(top, Step::Down(n));
        shows(down, n.min(last));
        shows(step(down, Step::Up(1)), n.min(last).saturating_sub(1));
        shows(
            step(step(top, Step::Bottom), Step::Up(n)),
            last.saturating_sub(n),
        );
        // One line at a time gets to the same place.
        if n <= 40 {
            let mut at = top;
            for _ in 0..n {
                at = step(at, Step::Down(1));
            }
            assert_eq!(at, down);
        }
    }
    // A place past the end (a stale one, after the document shrank) comes back.
    let stale = BlockLine {
        block: usize::MAX,
        line: 7,
    };
    shows(clamp(doc, (w, v), stale), last);
    let up = clamp(doc, (w, v), step(stale, Step::Up(1)));
    shows(up, last.min(expected.len().saturating_sub(2)));
}

#[test]
fn scrolls_exactly_as_the_whole_layout_in_every_shape() {
    let mut docs = vec![
        crate::document::load::builtin(),
        document(0, 0),
        document(3, 2),
    ];
    let mut bare = document(2, 1);
    bare.adoption = None;
    bare.revised = None;
    bare.background.clear();
    bare.focus_areas_intro = None;
    bare.goals_intro = None;
    docs.push(bare);
    let mut no_areas = document(0, 0);
    no_areas.references.clear();
    let mut empty = no_areas.clone();
    empty.adoption = None;
    empty.revised = None;
    empty.background.clear();
    empty.focus_areas_intro = None;
    empty.goals_intro = None;
    assert!(lines(&empty, 80).is_empty(), "a view of no blocks");
    docs.push(no_areas);
    docs.push(empty);
    for doc in docs {
        for width in [1, 7, 30, 80, 140] {
            for visible in [1, 5, 40] {
                check_scrolling(&doc, width, visible);
            }
        }
    }
}

#[test]
fn a_large_document_scrolls_the_same_by_blocks() {
    // Past the size where the scrollbar counts blocks instead of lines.
    let doc = document(300, 3);
    for width in [12, 61, 100] {
        for visible in [1, 40] {
            check_scrolling(&doc, width, visible);
        }
    }
}

#[test]
fn the_scrollbar_counts_lines_for_a_few_blocks_and_blocks_for_many() {
    let small = crate::document::load::builtin();
    let view = View::new(&small, 60);
    let total = lines(&small, 60).len();
    let at = scroll(&small, (60, 10), BlockLine::default(), Step::Down(3));
    assert_eq!(view.scrollbar(at, 10), (3, total - 10, 10));
    let large = document(300, 3);
    let view = View::new(&large, 60);
    let bottom = scroll(&large, (60, 10), BlockLine::default(), Step::Bottom);
    assert_eq!(view.scrollbar(bottom, 10), (bottom.block, bottom.block, 1));
    assert!(view.len > EXACT_SCROLLBAR_BLOCKS);
}
