//! Good documents load, with their text normalised; what the format
//! documentation shows works as it says.

use super::*;
use crate::support::fixture;
use std::path::Path;

#[test]
fn minimal_document_loads() {
    let doc = load_good("good/minimal.ron");
    assert_eq!(doc.language, "en");
    assert_eq!(doc.organisation, "Example Town");
    assert_eq!(doc.title, "Vision 2030");
    assert_eq!(doc.statement, "A green town where everyone belongs.");
    assert_eq!(doc.focus_areas.len(), 1);
    assert_eq!(
        (
            doc.focus_areas[0].id.as_str(),
            doc.focus_areas[0].name.as_str()
        ),
        ("green", "Green")
    );
    assert_eq!(doc.goals.len(), 1);
    assert_eq!(doc.goals[0].number, 1);
    assert_eq!(doc.goals[0].focus_area, "green");
    assert_eq!(
        doc.goals[0].text,
        "Plant a tree for every child born in the town"
    );
    // Everything optional is absent.
    assert_eq!(
        (doc.adoption, doc.revised, doc.plan_period),
        (None, None, None)
    );
    assert!(doc.background.is_empty() && doc.references.is_empty());
    assert!(doc.focus_areas[0].links.is_empty() && doc.goals[0].links.is_empty());
}

#[test]
fn document_without_focus_areas_or_goals_loads() {
    let doc = load_good("good/empty-lists.ron");
    assert!(doc.focus_areas.is_empty());
    assert!(doc.goals.is_empty());
    assert_eq!(doc.title, "Vision 2030");
}

#[test]
fn large_invented_document_loads() {
    let doc = load_good("good/many.ron");
    assert_eq!(doc.organisation, "Riverbend District Council");
    assert_eq!(doc.language, "en-GB");
    assert_eq!(doc.focus_areas.len(), 12);
    assert_eq!(doc.goals.len(), 40);
    let numbers: Vec<u32> = doc.goals.iter().map(|g| g.number).collect();
    assert_eq!(numbers, (1..=40).collect::<Vec<_>>());
    let per_area: Vec<usize> = doc
        .focus_areas
        .iter()
        .map(|area| doc.goals_of(&area.id).count())
        .collect();
    assert_eq!(per_area, [5, 4, 6, 5, 5, 4, 4, 4, 0, 3, 0, 0]);
    assert!(
        doc.focus_areas
            .iter()
            .all(|area| area.description.is_some())
    );
    assert_eq!(
        doc.focus_areas.iter().filter(|a| a.notes.is_some()).count(),
        4
    );
    assert_eq!(
        doc.focus_areas
            .iter()
            .filter(|a| !a.links.is_empty())
            .count(),
        6
    );
    assert_eq!(
        doc.goals.iter().filter(|g| g.description.is_some()).count(),
        10
    );
    assert_eq!(doc.goals.iter().filter(|g| g.notes.is_some()).count(), 8);
    assert_eq!(doc.goals.iter().filter(|g| !g.links.is_empty()).count(), 6);
    let own_period: Vec<u32> = doc
        .goals
        .iter()
        .filter(|g| g.plan_period.is_some())
        .map(|g| g.number)
        .collect();
    assert_eq!(own_period, [7, 14, 21, 28, 35]);
    assert_eq!(
        doc.plan_period_of(&doc.goals[6]).map(|p| p.to_string()),
        Some("2024–2025".into())
    );
    assert_eq!(
        doc.plan_period_of(&doc.goals[0]).map(|p| p.to_string()),
        Some("2024–2027".into())
    );
    let adoption = doc.adoption.as_ref().expect("adoption");
    assert_eq!(adoption.date.as_deref(), Some("2022-06-14"));
    assert_eq!(adoption.by.as_deref(), Some("the district assembly"));
    assert_eq!(
        doc.references[0].url.as_deref(),
        Some("https://riverbend.example/budget")
    );
}

#[test]
fn byte_order_mark_is_accepted() {
    let bytes = std::fs::read(fixture("good/bom.ron")).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "the fixture must start with a BOM"
    );
    assert_eq!(load_good("good/bom.ron"), load_good("good/minimal.ron"));
}

#[test]
fn positions_after_a_byte_order_mark_count_from_the_first_visible_character() {
    let err = load::parse("bom.ron", "\u{FEFF}Document(nmae: \"x\")".as_bytes()).unwrap_err();
    let d = &err.diagnostics()[0];
    assert_eq!((d.line, d.column, d.len), (1, 10, 4), "{err}");
    assert_eq!(d.source_line, "Document(nmae: \"x\")");
    check_rendering(&err.to_string(), "bom.ron", 1, 10, "Document(nmae: \"x\")");
}

#[test]
fn escape_sequences_controls_tabs_and_nfd_letters_are_cleaned_on_load() {
    let source = std::fs::read_to_string(fixture("good/control-characters.ron")).unwrap();
    // The fixture really holds what it claims to.
    assert!(source.contains(r#""Vision\u{1b}[2J 2030""#));
    assert!(source.contains("Omsta\u{308}llning"), "NFD letters");
    assert!(
        source.contains("fald\t\toch\u{202E} gem"),
        "tabs and a bidi override"
    );

    let doc = load_good("good/control-characters.ron");
    assert_eq!(doc.title, "Vision[2J 2030");
    assert_eq!(doc.statement, "Vi v[31mill[0m leva gott här.");
    assert_eq!(doc.focus_areas[0].name, "Omställning");
    assert_eq!(
        doc.focus_areas[0].description.as_deref(),
        Some("Mångfald och gemenskap")
    );
    assert_eq!(doc.goals[0].text, "Alingsås-liknande städer2J växer");
    assert_eq!(doc.goals[0].notes.as_deref(), Some("]0;titleAnteckning"));
    assert_clean(doc);
}

#[test]
fn required_text_of_only_spaces_and_controls_counts_as_empty() {
    let source =
        r#"Document(language: "en", organisation: " \t ", title: "\u{1b}\u{7}", statement: "s")"#;
    let err = load::parse("blank.ron", source.as_bytes()).unwrap_err();
    let messages = super::messages(&err);
    assert_eq!(
        messages,
        ["`organisation` is empty", "`title` is empty"],
        "{err}"
    );
}

#[test]
fn decomposed_ids_match_their_composed_spelling() {
    // An id typed with a combining diaeresis is the same id as with `ä`.
    let source = "Document(language: \"sv\", organisation: \"o\", title: \"t\", statement: \"s\",
        focus_areas: [(id: \"omsta\u{308}llning\", name: \"Omställning\")],
        goals: [(number: 1, focus_area: \"omställning\", text: \"g\")])";
    let doc = load::parse("nfd.ron", source.as_bytes()).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(doc.focus_areas[0].id, "omställning");
}

// ---------------------------------------------------------------- the docs

/// The first code block in `language` of docs/document-format.md.
fn format_example(language: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/document-format.md");
    let markdown = std::fs::read_to_string(&path).expect("docs/document-format.md");
    let fence = format!("```{language}\n");
    let start = markdown.find(&fence).expect("a code block") + fence.len();
    let length = markdown[start..].find("```").expect("the code block's end");
    markdown[start..start + length].to_string()
}

#[test]
fn example_in_the_format_documentation_loads() {
    let example = format_example("ron");
    let doc =
        load::parse("document-format.md", example.as_bytes()).unwrap_or_else(|err| panic!("{err}"));
    // The example shows every part of a document.
    assert!(doc.adoption.is_some() && doc.revised.is_some() && doc.plan_period.is_some());
    assert!(!doc.background.is_empty() && !doc.references.is_empty());
    assert!(doc.focus_areas_intro.is_some() && doc.goals_intro.is_some() && doc.notes.is_some());
    assert!(doc.focus_areas.len() >= 2 && doc.goals.len() >= 2);
    assert!(
        doc.focus_areas
            .iter()
            .any(|a| !a.links.is_empty() && a.description.is_some())
    );
    assert!(
        doc.goals
            .iter()
            .any(|g| g.plan_period.is_some() && g.notes.is_some())
    );
}

#[test]
fn json_example_in_the_format_documentation_loads() {
    let example = format_example("json");
    let doc = load::parse("document-format.json", example.as_bytes())
        .unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(doc.focus_areas[0].description, None, "null is absent");
    assert_eq!(doc.goals.len(), 1);
}

#[test]
fn optional_fields_take_plain_values_some_or_none() {
    let with = |by: &str| {
        let source = format!(
            r#"Document(language: "en", organisation: "o", title: "t", statement: "s", adoption: (text: "a", by: {by}))"#
        );
        load::parse("o.ron", source.as_bytes())
            .unwrap_or_else(|err| panic!("{err}"))
            .adoption
            .unwrap()
            .by
    };
    assert_eq!(with(r#""the council""#).as_deref(), Some("the council"));
    assert_eq!(
        with(r#"Some("the council")"#).as_deref(),
        Some("the council")
    );
    assert_eq!(with("None"), None);
}

#[test]
fn ron_syntax_described_in_the_docs_works() {
    // Header, named records, any field order, raw strings, escapes, nested
    // block comments and trailing commas, as docs/document-format.md says.
    let source = r##"#![enable(implicit_some)]
/* a /* nested */ comment */
Document(
    statement: r#"He said "hello""#,
    title: "V\u{e5}r vision\t2030",
    organisation: "o", // trailing comment
    language: "sv",
    plan_period: PlanPeriod(start: 2024, end: 2024,),
    focus_areas: [FocusArea(id: "a_1-b", name: "\"A\" \\ B",),],
    goals: [Goal(number: 4294967295, focus_area: "a_1-b", text: "g")],
)"##;
    let doc = load::parse("syntax.ron", source.as_bytes()).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(doc.statement, r#"He said "hello""#);
    assert_eq!(doc.title, "Vår vision 2030");
    assert_eq!(doc.focus_areas[0].name, r#""A" \ B"#);
    assert_eq!(doc.goals[0].number, u32::MAX);
    assert_eq!(doc.plan_period.map(|p| p.to_string()), Some("2024".into()));

    let wrong_name = source.replace("Goal(number", "Link(number");
    let err = load::parse("syntax.ron", wrong_name.as_bytes()).unwrap_err();
    assert_eq!(
        err.diagnostics()[0].message,
        "expected struct `Goal` but found `Link`"
    );

    let twice = source.replace(r#"language: "sv","#, r#"language: "sv", title: "again","#);
    let err = load::parse("syntax.ron", twice.as_bytes()).unwrap_err();
    assert_eq!(
        err.diagnostics()[0].hint.as_deref(),
        Some("remove one of the two `title` fields")
    );

    let too_big = source.replace("start: 2024", "start: 65536");
    let err = load::parse("syntax.ron", too_big.as_bytes()).unwrap_err();
    assert_eq!(
        err.diagnostics()[0].hint.as_deref(),
        Some("this field takes a whole number, e.g. 2021"),
        "{err}"
    );
}

#[test]
fn built_in_document_loads() {
    let doc = load::builtin();
    assert_eq!(doc.organisation, "Alingsås kommun");
    assert_clean(doc);
}
