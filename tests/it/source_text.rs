//! The built-in document holds Alingsås kommun's Vision 2040 word for word,
//! and nothing that is not in it.
//!
//! The source is tests/fixtures/source/alingsas-vision-2040.txt, the text as
//! published. Both directions are checked: every line of the source is in the
//! document, and every text of the document is in the source. The few fields
//! that are structured data rather than text (language, ids, dates, the
//! adopting body) are checked to be derived from the source's wording.

use vision_tui::document::load;
use vision_tui::document::model::Document;

fn source() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/source/alingsas-vision-2040.txt"
    );
    std::fs::read_to_string(path).expect("the source text")
}

/// Folds every run of whitespace, including no-break spaces (U+00A0), to one
/// space and trims the ends.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A goal line of the source: `1. <text> (<focus area name>)`.
#[derive(Debug)]
struct GoalLine {
    number: u32,
    text: String,
    focus_area_name: String,
}

/// The source, line by line, folded, with list markers taken off.
#[derive(Debug, Default)]
struct Source {
    /// Every non-empty line, folded, without its list marker, and for goal
    /// lines without the trailing ` (FocusAreaName)` either.
    lines: Vec<String>,
    /// The `– ` lines: the focus areas' names, in source order.
    focus_area_names: Vec<String>,
    /// The numbered lines, in source order.
    goals: Vec<GoalLine>,
}

fn read_source() -> Source {
    let mut out = Source::default();
    for raw in source().lines() {
        let line = fold(raw);
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("• ") {
            out.lines.push(rest.to_string());
        } else if let Some(name) = line.strip_prefix("– ") {
            out.focus_area_names.push(name.to_string());
            out.lines.push(name.to_string());
        } else if let Some(goal) = goal_line(&line) {
            out.lines.push(goal.text.clone());
            out.goals.push(goal);
        } else {
            out.lines.push(line);
        }
    }
    out
}

fn goal_line(line: &str) -> Option<GoalLine> {
    let (number, rest) = line.split_once(". ")?;
    let number = number.parse().ok()?;
    let (text, name) = rest.rsplit_once(" (")?;
    let name = name.strip_suffix(')')?;
    Some(GoalLine {
        number,
        text: text.to_string(),
        focus_area_name: name.to_string(),
    })
}

/// Every non-empty text field, folded.
fn texts(doc: &Document) -> Vec<String> {
    let mut all = Vec::new();
    doc.clone().map_text(&mut |s: &mut String| {
        if !s.is_empty() {
            all.push(fold(s));
        }
    });
    all
}

#[test]
fn the_source_is_read_as_expected() {
    // Guards the reading above: if the source file changes shape, the other
    // tests would check less than they seem to.
    let source = read_source();
    assert_eq!(source.lines.len(), 21, "{:#?}", source.lines);
    assert_eq!(source.focus_area_names.len(), 5);
    assert_eq!(source.goals.len(), 5);
    assert!(
        source
            .lines
            .iter()
            .all(|l| !l.contains('\u{A0}') && !l.starts_with(['•', '–']))
    );
}

#[test]
fn every_source_line_is_in_the_document_verbatim() {
    let doc = load::builtin();
    let texts = texts(&doc);
    for line in read_source().lines {
        assert!(
            texts.iter().any(|text| text.contains(&line)),
            "the source line\n  {line}\nis in no text of the built-in document"
        );
    }
}

#[test]
fn every_text_of_the_document_is_in_the_source() {
    let mut doc = load::builtin();
    // Structured data, not the source's wording: checked separately below.
    doc.language.clear();
    for area in &mut doc.focus_areas {
        area.id.clear();
    }
    for goal in &mut doc.goals {
        goal.focus_area.clear();
    }
    if let Some(adoption) = &mut doc.adoption {
        adoption.by = None;
        adoption.date = None;
    }
    if let Some(revised) = &mut doc.revised {
        revised.date = None;
    }
    let lines = read_source().lines;
    for text in texts(&doc) {
        assert!(
            lines.iter().any(|line| line.contains(&text)),
            "the document's text\n  {text}\nis not in the source"
        );
    }
}

#[test]
fn each_part_holds_its_own_source_text() {
    let doc = load::builtin();
    let s = read_source().lines;
    assert_eq!(doc.title, s[0]);
    let adoption = doc.adoption.as_ref().expect("adoption");
    assert_eq!(adoption.text, s[1]);
    let revised = doc.revised.as_ref().expect("revised");
    assert_eq!(revised.text, s[2]);
    assert_eq!(doc.statement, s[3]);
    assert_eq!(doc.background.len(), 2);
    assert_eq!(doc.background[0].heading, None);
    assert_eq!(doc.background[0].paragraphs, [s[4].clone()]);
    assert_eq!(doc.background[1].heading.as_deref(), Some(s[5].as_str()));
    assert_eq!(doc.background[1].paragraphs, [s[6].clone()]);
    assert_eq!(doc.focus_areas_intro.as_deref(), Some(s[7].as_str()));
    let names: Vec<&str> = doc.focus_areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        s[8..13].iter().map(String::as_str).collect::<Vec<_>>()
    );
    assert_eq!(doc.goals_intro.as_deref(), Some(s[13].as_str()));
    let goals: Vec<&str> = doc.goals.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(
        goals,
        s[14..19].iter().map(String::as_str).collect::<Vec<_>>()
    );
    assert_eq!(doc.references.len(), 1);
    assert_eq!(doc.references[0].text, s[19]);
    assert_eq!(doc.organisation, s[20]);
}

#[test]
fn nothing_is_added_that_the_source_does_not_have() {
    let doc = load::builtin();
    assert_eq!(doc.notes, None);
    for area in &doc.focus_areas {
        assert_eq!(
            (&area.description, &area.notes),
            (&None, &None),
            "{}",
            area.id
        );
        assert!(area.links.is_empty(), "{}", area.id);
    }
    for goal in &doc.goals {
        assert_eq!(
            (&goal.description, &goal.notes),
            (&None, &None),
            "goal {}",
            goal.number
        );
        assert_eq!(goal.plan_period, None, "goal {}", goal.number);
        assert!(goal.links.is_empty(), "goal {}", goal.number);
    }
    // The source names the budget but gives no address for it.
    assert_eq!(doc.references[0].url, None);
}

#[test]
fn focus_areas_are_in_source_order() {
    let doc = load::builtin();
    let names: Vec<&str> = doc.focus_areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, read_source().focus_area_names);
}

#[test]
fn goals_have_the_source_numbers_order_and_focus_areas() {
    let doc = load::builtin();
    let source = read_source();
    assert_eq!(doc.goals.len(), source.goals.len());
    for (goal, line) in doc.goals.iter().zip(&source.goals) {
        assert_eq!(goal.number, line.number);
        assert_eq!(goal.text, line.text);
        let area = doc
            .focus_area(&goal.focus_area)
            .unwrap_or_else(|| panic!("goal {} names a missing focus area", goal.number));
        assert_eq!(area.name, line.focus_area_name, "goal {}", goal.number);
    }
}

/// An id as the document derives it from a Swedish name: lower case, no
/// diacritics, words joined by `-`.
fn slug(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            ' ' => '-',
            c => c,
        })
        .collect()
}

#[test]
fn ids_are_derived_from_the_focus_area_names() {
    let doc = load::builtin();
    for area in &doc.focus_areas {
        assert_eq!(area.id, slug(&area.name));
    }
}

/// `28 mars 2018` → `2018-03-28`.
fn swedish_date(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let words: Vec<&str> = text.split(' ').collect();
    words.windows(3).find_map(|w| {
        let day: u32 = w[0].parse().ok()?;
        let month = MONTHS.iter().position(|m| *m == w[1])? + 1;
        let year: u32 = w[2].trim_end_matches('.').parse().ok()?;
        Some(format!("{year:04}-{month:02}-{day:02}"))
    })
}

#[test]
fn structured_fields_are_derived_from_the_source_text() {
    let doc = load::builtin();
    let source = fold(&source());

    // Adopted "av kommunfullmäktige den 28 mars 2018".
    let adoption = doc.adoption.as_ref().expect("adoption");
    assert_eq!(adoption.date.as_deref(), Some("2018-03-28"));
    assert_eq!(swedish_date(&adoption.text), adoption.date);
    let by = adoption.by.as_deref().expect("adopted by");
    assert_eq!(by, "kommunfullmäktige");
    assert!(
        adoption.text.contains(&format!(" av {by} den ")),
        "{}",
        adoption.text
    );

    // "Texten uppdaterad 2021-01-11".
    let revised = doc.revised.as_ref().expect("revised");
    let date = revised.date.as_deref().expect("revision date");
    assert_eq!(date, "2021-01-11");
    assert!(revised.text.ends_with(date));

    // "För planperioden 2021-2023 finns fem prioriterade mål", and the
    // background's "planperioden fram till och med 2023".
    let period = doc.plan_period.expect("plan period");
    assert_eq!((period.start, period.end), (2021, 2023));
    assert!(source.contains(&format!("planperioden {}-{}", period.start, period.end)));
    assert!(source.contains(&format!("planperioden fram till och med {}", period.end)));

    // Swedish text: the language tag says so.
    assert_eq!(doc.language, "sv");
    assert!(source.contains("Alingsås är Västsveriges vackraste kulturstad"));

    // "fem fokusområden", "fem prioriterade mål".
    assert!(source.contains("fem fokusområden") && source.contains("fem prioriterade mål"));
    assert_eq!((doc.focus_areas.len(), doc.goals.len()), (5, 5));
}
