//! Loading documents from files: every kind of bad input gives one exact,
//! positioned error with a hint, and never a panic; good inputs load with
//! their text normalised.
//!
//! Fixtures live in tests/fixtures/{good,bad}; inputs too large to commit
//! (deep nesting, a > 16 MiB file) are generated in a temporary folder.

use crate::support::{Cleanup, fixture, temp_dir};
use std::path::Path;

use proptest::prelude::*;
use vision_tui::load::{self, Diagnostic, LoadError, MAX_DOCUMENT_BYTES};
use vision_tui::model::Document;

fn load_good(relative: &str) -> Document {
    let path = fixture(relative);
    load::from_path(&path).unwrap_or_else(|err| panic!("{} should load:\n{err}", path.display()))
}

fn load_bad(relative: &str) -> (String, LoadError) {
    let path = fixture(relative);
    match load::from_path(&path) {
        Ok(doc) => panic!("{} should not load, got {doc:#?}", path.display()),
        Err(err) => (path.display().to_string(), err),
    }
}

/// What one diagnostic must say, exactly.
struct Expected<'a> {
    line: usize,
    column: usize,
    message: &'a str,
    hint: &'a str,
    path: Option<&'a str>,
}

/// Checks the diagnostic's fields, then its rendering: `file:line:col`, the
/// quoted source line and a caret under the column.
fn check(file: &str, d: &Diagnostic, want: &Expected) {
    assert_eq!(d.file, file);
    assert_eq!(
        (d.line, d.column),
        (want.line, want.column),
        "position of {d:#?}"
    );
    assert_eq!(d.message, want.message);
    assert_eq!(d.hint.as_deref(), Some(want.hint));
    assert_eq!(d.path.as_deref(), want.path);
    check_rendering(&d.to_string(), file, want.line, want.column, &d.source_line);
}

fn check_rendering(text: &str, file: &str, line: usize, column: usize, source_line: &str) {
    assert!(
        text.contains(&format!("--> {file}:{line}:{column}\n")),
        "no `{file}:{line}:{column}` in\n{text}"
    );
    let number = line.to_string();
    let gutter = " ".repeat(number.len());
    let quoted = format!("\n{number} | {source_line}\n");
    let at = text
        .find(&quoted)
        .unwrap_or_else(|| panic!("source line {line} not quoted in\n{text}"));
    let caret_line = text[at + quoted.len()..].lines().next().unwrap_or("");
    let prefix = format!("{gutter} | ");
    assert!(caret_line.starts_with(&prefix), "{caret_line:?}");
    let marks = &caret_line[prefix.len()..];
    // Every fixture line is ASCII (or has its odd bytes after the column), so
    // the caret's offset in characters is the column minus one.
    assert_eq!(
        marks.find('^').map(|i| i + 1),
        Some(column),
        "caret not under column {column} in\n{text}"
    );
    assert!(
        marks.trim_start().chars().all(|c| c == '^'),
        "{caret_line:?}"
    );
}

fn syntax_error(relative: &str, want: &Expected) -> String {
    let (file, err) = load_bad(relative);
    let LoadError::Syntax(d) = &err else {
        panic!("{relative}: expected a syntax error, got {err:?}");
    };
    assert_eq!(err.diagnostics().len(), 1);
    check(&file, d, want);
    let text = err.to_string();
    assert_eq!(text, d.to_string());
    text
}

fn invalid(relative: &str, want: &[Expected]) -> String {
    let (file, err) = load_bad(relative);
    let LoadError::Invalid(all) = &err else {
        panic!("{relative}: expected validation errors, got {err:?}");
    };
    assert_eq!(all.len(), want.len(), "{err}");
    for (d, want) in all.iter().zip(want) {
        check(&file, d, want);
    }
    let text = err.to_string();
    for d in all {
        check_rendering(&text, &file, d.line, d.column, &d.source_line);
    }
    let n = want.len();
    let plural = if n == 1 { "" } else { "s" };
    assert!(
        text.ends_with(&format!("\n\n{n} problem{plural} in {file}")),
        "{text}"
    );
    text
}

// ---------------------------------------------------------------- good files

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
    let messages: Vec<&str> = err
        .diagnostics()
        .iter()
        .map(|d| d.message.as_str())
        .collect();
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

/// Control characters (ESC starts terminal escape sequences), bidi controls
/// (they reorder what is drawn) and stray byte-order marks.
fn must_not_reach_the_screen(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
        )
}

/// Asserts no text field holds a character that must not reach the screen.
fn assert_clean(mut doc: Document) {
    doc.map_text(&mut |s: &mut String| {
        assert!(
            !s.chars().any(must_not_reach_the_screen),
            "unclean text {s:?}"
        );
    });
}

// ---------------------------------------------------------- syntax errors

#[test]
fn missing_comma() {
    syntax_error(
        "bad/missing-comma.ron",
        &Expected {
            line: 6,
            column: 5,
            message: "expected comma",
            hint: "separate items with a comma",
            path: None,
        },
    );
}

#[test]
fn unclosed_bracket_at_end_of_file() {
    syntax_error(
        "bad/unclosed-bracket.ron",
        &Expected {
            line: 15,
            column: 7,
            message: "unexpected end of RON",
            hint: "the file ends too early: a bracket or a quote is not closed",
            path: None,
        },
    );
}

#[test]
fn unclosed_list_before_the_next_field() {
    syntax_error(
        "bad/unclosed-list.ron",
        &Expected {
            line: 11,
            column: 5,
            message: "expected struct `FocusArea` but found `goals`",
            hint: "`goals` is a field name here: a bracket before it is not closed",
            path: Some("focus_areas[2]"),
        },
    );
}

#[test]
fn misnamed_struct_gets_the_renaming_hint() {
    let source = r#"Document(language: "en", organisation: "o", title: "t", statement: "s",
    focus_areas: [Goal(id: "a", name: "A")])"#;
    let err = load::parse("named.ron", source.as_bytes()).unwrap_err();
    let d = &err.diagnostics()[0];
    assert_eq!(d.message, "expected struct `FocusArea` but found `Goal`");
    assert_eq!(
        d.hint.as_deref(),
        Some("name it `FocusArea`, or leave the name out")
    );
    assert_eq!((d.line, d.column, d.len), (2, 19, 4));
}

#[test]
fn unclosed_string() {
    syntax_error(
        "bad/unclosed-string.ron",
        &Expected {
            line: 14,
            column: 51,
            message: "expected end of string",
            hint: "text goes between double quotes: \"...\"",
            path: Some("goals[1].text"),
        },
    );
}

#[test]
fn misspelt_field() {
    let text = syntax_error(
        "bad/unknown-field.ron",
        &Expected {
            line: 9,
            column: 23,
            message: "unexpected field named `nmae` in `FocusArea`, expected one of `id`, `name`, `description`, `notes`, or `links` instead",
            hint: "check the spelling, or remove the field; every field is listed in docs/document-format.md",
            path: Some("focus_areas[0].nmae"),
        },
    );
    // The whole misspelt name is underlined.
    assert!(
        text.contains("\n  |                       ^^^^\n"),
        "{text}"
    );
    assert!(text.contains("\n  = at: focus_areas[0].nmae\n"), "{text}");
}

#[test]
fn missing_required_field() {
    syntax_error(
        "bad/missing-field.ron",
        &Expected {
            line: 14,
            column: 43,
            message: "unexpected missing field named `text` in `Goal`",
            hint: "add `text: ...` inside this `Goal( ... )`",
            path: Some("goals[1]"),
        },
    );
}

#[test]
fn number_where_text_is_expected() {
    syntax_error(
        "bad/number-for-text.ron",
        &Expected {
            line: 5,
            column: 12,
            message: "expected string",
            hint: "text goes between double quotes: \"...\"",
            path: Some("title"),
        },
    );
}

#[test]
fn text_where_a_number_is_expected() {
    syntax_error(
        "bad/text-for-number.ron",
        &Expected {
            line: 14,
            column: 18,
            message: "expected integer",
            hint: "this field takes a whole number, e.g. 2021",
            path: Some("goals[1].number"),
        },
    );
}

#[test]
fn trailing_characters_after_the_document() {
    let text = syntax_error(
        "bad/trailing-characters.ron",
        &Expected {
            line: 17,
            column: 1,
            message: "non-whitespace trailing characters",
            hint: "a document is one `Document( ... )`: remove what follows its closing bracket",
            path: None,
        },
    );
    assert!(text.contains("\n17 | Document()\n   | ^\n"), "{text}");
}

#[test]
fn trailing_comments_and_blank_lines_are_fine() {
    let mut source = std::fs::read_to_string(fixture("good/minimal.ron")).unwrap();
    source.push_str("\n\n// the end\n/* really */\n\n");
    assert!(load::parse("t.ron", source.as_bytes()).is_ok());
}

#[test]
fn invalid_utf8() {
    let bytes = std::fs::read(fixture("bad/invalid-utf8.ron")).unwrap();
    assert!(bytes.contains(&0xE5), "the fixture must hold a Latin-1 å");
    let (file, err) = load_bad("bad/invalid-utf8.ron");
    assert!(matches!(err, LoadError::Syntax(_)), "{err:?}");
    let d = &err.diagnostics()[0];
    check(
        &file,
        d,
        &Expected {
            line: 4,
            column: 22,
            message: "the file is not UTF-8 text (byte 0xE5 at offset 132)",
            hint: "save the file as UTF-8; most editors offer it under \"Save with encoding\"",
            path: None,
        },
    );
    // The line is quoted with the bad byte replaced, not dropped.
    assert_eq!(d.source_line, "    organisation: \"Sm\u{FFFD}stad\",");
}

#[test]
fn empty_file() {
    let (file, err) = load_bad("bad/empty.ron");
    assert!(
        matches!(&err, LoadError::Empty { path } if *path == file),
        "{err:?}"
    );
    assert!(err.diagnostics().is_empty());
    assert_eq!(
        err.to_string(),
        format!(
            "error: `{file}` is empty\n = hint: a document is one `Document( ... )`; run `vision-tui` with no path to see the built-in example, or read docs/document-format.md"
        )
    );
}

#[test]
fn file_of_only_comments_is_empty() {
    let (file, err) = load_bad("bad/comment-only.ron");
    assert!(
        matches!(&err, LoadError::Empty { path } if *path == file),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .starts_with(&format!("error: `{file}` is empty\n = hint: "))
    );
}

#[test]
fn whitespace_only_and_bom_only_are_empty() {
    for bytes in [&b" \n\t\r\n"[..], b"\xEF\xBB\xBF", b"\xEF\xBB\xBF\n// c\n"] {
        let err = load::parse("w.ron", bytes).unwrap_err();
        assert!(matches!(err, LoadError::Empty { .. }), "{bytes:?}: {err:?}");
    }
}

#[test]
fn deeply_nested_brackets_fail_cleanly() {
    let dir = temp_dir("deep");
    let _cleanup = Cleanup(dir.clone());

    // 10 000 brackets where the document should start...
    let path = dir.join("deep.ron");
    std::fs::write(&path, "[".repeat(10_000)).unwrap();
    let err = load::from_path(&path).unwrap_err();
    let d = &err.diagnostics()[0];
    assert!(matches!(err, LoadError::Syntax(_)), "{err:?}");
    assert_eq!((d.line, d.column), (1, 1), "{err}");
    assert_eq!(d.message, "expected opening `(` for struct `Document`");
    let text = err.to_string();
    assert!(
        text.contains(&format!("{}:1:1\n", path.display())),
        "{text}"
    );

    // ...and inside a field, closed again.
    let source = format!(
        "Document(language: \"en\", organisation: \"o\", title: \"t\", statement: \"s\", notes: {}{})",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let err = load::parse("deep.ron", source.as_bytes()).unwrap_err();
    let d = &err.diagnostics()[0];
    assert_eq!(
        (d.line, d.column, d.message.as_str()),
        (1, 80, "expected string")
    );
    assert_eq!(d.path.as_deref(), Some("notes"));
    // The line is 20 000 characters long; the message quotes a window of it.
    let text = err.to_string();
    assert!(text.contains("deep.ron:1:80"), "{text}");
    assert!(text.len() < 1_000, "{text}");
}

#[test]
fn file_over_the_size_limit_is_refused() {
    let dir = temp_dir("large");
    let _cleanup = Cleanup(dir.clone());

    let limit = usize::try_from(MAX_DOCUMENT_BYTES).unwrap();
    assert_eq!(limit, 16 * 1024 * 1024);

    // One byte over: refused without parsing.
    let path = dir.join("large.ron");
    let minimal = std::fs::read(fixture("good/minimal.ron")).unwrap();
    let mut bytes = minimal.clone();
    bytes.resize(limit + 1, b' ');
    std::fs::write(&path, &bytes).unwrap();
    let err = load::from_path(&path).unwrap_err();
    let file = path.display().to_string();
    assert!(
        matches!(&err, LoadError::TooLarge { path, size, exact: true } if *path == file && *size == MAX_DOCUMENT_BYTES + 1),
        "{err:?}"
    );
    assert!(err.diagnostics().is_empty());
    assert_eq!(
        err.to_string(),
        format!(
            "error: `{file}` is too large (16777217 bytes; documents may be up to 16777216 bytes)\n = hint: check that this is the vision document you meant to open"
        )
    );

    // Much larger: the size reported is the file's, but only the limit is read.
    let file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    file.set_len(3 * MAX_DOCUMENT_BYTES).unwrap();
    drop(file);
    let err = load::from_path(&path).unwrap_err();
    assert!(
        matches!(err, LoadError::TooLarge { size, exact: true, .. } if size == 3 * MAX_DOCUMENT_BYTES),
        "{err:?}"
    );

    // Exactly at the limit: loads (the padding is whitespace).
    bytes.truncate(limit);
    std::fs::write(&path, &bytes).unwrap();
    let doc = load::from_path(&path).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(doc, load_good("good/minimal.ron"));
}

#[cfg(unix)]
#[test]
fn endless_devices_over_the_size_limit_report_what_was_read() {
    // They have no size ("0 bytes" was reported): all that is known is that
    // they gave more than the limit before reading stopped.
    for device in ["/dev/zero", "/dev/urandom"] {
        let err = load::from_path(Path::new(device)).unwrap_err();
        assert!(
            matches!(&err, LoadError::TooLarge { size, exact: false, .. } if *size == MAX_DOCUMENT_BYTES),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "error: `{device}` is too large (more than 16777216 bytes read; documents may be up to 16777216 bytes)\n = hint: check that this is the vision document you meant to open"
            )
        );
    }
}

// ---------------------------------------------------------- validation errors

#[test]
fn goal_naming_an_unknown_focus_area() {
    let text = invalid(
        "bad/unknown-focus-area.ron",
        &[Expected {
            line: 14,
            column: 33,
            message: "goal 2 names focus area `togther`, which does not exist",
            hint: "valid ids are: green, together",
            path: Some("goals[1].focus_area"),
        }],
    );
    // The bad id is quoted and underlined in full, quotes included.
    assert!(
        text.contains("\n   |                                 ^^^^^^^^^\n"),
        "{text}"
    );
}

#[test]
fn goal_in_a_document_without_focus_areas() {
    let source = r#"Document(language: "en", organisation: "o", title: "t", statement: "s",
        goals: [(number: 1, focus_area: "green", text: "g")])"#;
    let err = load::parse("none.ron", source.as_bytes()).unwrap_err();
    let d = &err.diagnostics()[0];
    assert_eq!(
        d.message,
        "goal 1 names focus area `green`, which does not exist"
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("the document has no focus areas: add one under `focus_areas`")
    );
    assert_eq!((d.line, d.column), (2, 41));
}

#[test]
fn duplicate_focus_area_ids() {
    invalid(
        "bad/duplicate-focus-area-id.ron",
        &[
            Expected {
                line: 10,
                column: 14,
                message: "duplicate focus-area id `green` (also used by focus_areas[0])",
                hint: "give every focus area its own id",
                path: Some("focus_areas[1].id"),
            },
            // The goal that meant the renamed area now points nowhere; the
            // valid ids are listed once each.
            Expected {
                line: 14,
                column: 33,
                message: "goal 2 names focus area `together`, which does not exist",
                hint: "valid ids are: green",
                path: Some("goals[1].focus_area"),
            },
        ],
    );
}

#[test]
fn duplicate_goal_numbers() {
    invalid(
        "bad/duplicate-goal-number.ron",
        &[Expected {
            line: 14,
            column: 18,
            message: "duplicate goal number 1 (also used by goals[0])",
            hint: "give every goal its own number",
            path: Some("goals[1].number"),
        }],
    );
}

#[test]
fn bad_date() {
    let text = invalid(
        "bad/bad-date.ron",
        &[Expected {
            line: 7,
            column: 98,
            message: "`3 May 2021` is not a date",
            hint: "write dates as YYYY-MM-DD, e.g. \"2018-03-28\"",
            path: Some("adoption.date"),
        }],
    );
    assert!(
        text.contains(&format!("{}^^^^^^^^^^^^\n", " ".repeat(97))),
        "{text}"
    );
}

#[test]
fn impossible_calendar_dates_are_refused() {
    for date in [
        "2023-02-29",
        "2021-13-01",
        "2021-5-3",
        "21-05-03",
        "2021-05-03T00:00",
    ] {
        let source = format!(
            r#"Document(language: "en", organisation: "o", title: "t", statement: "s", revised: (text: "r", date: "{date}"))"#
        );
        let err = load::parse("d.ron", source.as_bytes()).unwrap_err();
        assert_eq!(
            err.diagnostics()[0].message,
            format!("`{date}` is not a date")
        );
        assert_eq!(err.diagnostics()[0].path.as_deref(), Some("revised.date"));
    }
}

#[test]
fn plan_period_ending_before_it_starts() {
    invalid(
        "bad/plan-period-backwards.ron",
        &[Expected {
            line: 8,
            column: 18,
            message: "plan period ends (2026) before it starts (2030)",
            hint: "write it as (start: FIRST_YEAR, end: LAST_YEAR)",
            path: Some("plan_period"),
        }],
    );
}

#[test]
fn bad_id_characters_and_goal_number_zero() {
    invalid(
        "bad/bad-id-and-goal-zero.ron",
        &[
            Expected {
                line: 9,
                column: 14,
                message: "focus-area id `green spaces` contains ' ', which ids may not",
                hint: "use letters, digits, `-` and `_`, e.g. \"vackra-miljoer\"",
                path: Some("focus_areas[0].id"),
            },
            Expected {
                line: 13,
                column: 18,
                message: "goal number 0: numbers start at 1",
                hint: "number the goals 1, 2, 3, ...",
                path: Some("goals[0].number"),
            },
        ],
    );
}

#[test]
fn three_problems_are_all_reported() {
    let text = invalid(
        "bad/three-problems.ron",
        &[
            Expected {
                line: 5,
                column: 12,
                message: "`title` is empty",
                hint: "write the text between the quotes",
                path: Some("title"),
            },
            Expected {
                line: 13,
                column: 33,
                message: "goal 1 names focus area `blue`, which does not exist",
                hint: "valid ids are: green, together",
                path: Some("goals[0].focus_area"),
            },
            Expected {
                line: 14,
                column: 18,
                message: "duplicate goal number 1 (also used by goals[0])",
                hint: "give every goal its own number",
                path: Some("goals[1].number"),
            },
        ],
    );
    assert_eq!(text.matches("error: ").count(), 3, "{text}");
    // In document order, separated by blank lines.
    let title = text.find("`title` is empty").unwrap();
    let blue = text.find("`blue`").unwrap();
    let duplicate = text.find("duplicate goal number").unwrap();
    assert!(title < blue && blue < duplicate, "{text}");
}

// ---------------------------------------------------------------- I/O errors

#[test]
fn missing_file() {
    let path = fixture("bad/no-such-file.ron");
    let err = load::from_path(&path).unwrap_err();
    let file = path.display().to_string();
    let LoadError::Read {
        path: named,
        source,
        hint,
    } = &err
    else {
        panic!("expected a read error, got {err:?}");
    };
    assert_eq!(*named, file);
    assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
    assert_eq!(
        *hint,
        "check the path; run `vision-tui` with no path to open the built-in Vision 2040"
    );
    assert!(err.diagnostics().is_empty());
    let text = err.to_string();
    assert!(
        text.starts_with(&format!("error: cannot read `{file}`: ")),
        "{text}"
    );
    assert!(text.contains("No such file or directory"), "{text}");
    assert!(text.ends_with(&format!("\n = hint: {hint}")), "{text}");
}

#[test]
fn directory_instead_of_a_file() {
    let path = fixture("bad");
    let err = load::from_path(&path).unwrap_err();
    let file = path.display().to_string();
    let LoadError::Read {
        path: named, hint, ..
    } = &err
    else {
        panic!("expected a read error, got {err:?}");
    };
    assert_eq!(*named, file);
    assert_eq!(*hint, "check that the path names a readable file");
    let text = err.to_string();
    assert!(
        text.starts_with(&format!("error: cannot read `{file}`: ")),
        "{text}"
    );
    assert!(text.contains("directory"), "{text}");
    assert!(
        text.ends_with("\n = hint: check that the path names a readable file"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;

    let dir = temp_dir("unreadable");
    let _cleanup = Cleanup(dir.clone());
    let path = dir.join("secret.ron");
    std::fs::copy(fixture("good/minimal.ron"), &path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();

    if std::fs::File::open(&path).is_ok() {
        // Running as root (as in many CI containers): permissions do not stop
        // reading, so there is no error to check. `directory_instead_of_a_file`
        // still covers a path that cannot be read.
        assert!(load::from_path(&path).is_ok());
        return;
    }
    let err = load::from_path(&path).unwrap_err();
    let file = path.display().to_string();
    let LoadError::Read { source, hint, .. } = &err else {
        panic!("expected a read error, got {err:?}");
    };
    assert_eq!(source.kind(), std::io::ErrorKind::PermissionDenied);
    assert_eq!(*hint, "check the file's permissions (`ls -l`)");
    assert_eq!(
        err.to_string(),
        format!(
            "error: cannot read `{file}`: {source}\n = hint: check the file's permissions (`ls -l`)"
        )
    );
}

// ---------------------------------------------------------------- JSON documents

#[test]
fn a_json_document_loads_like_its_ron_twin() {
    assert_eq!(
        load_good("good/minimal.json"),
        load_good("good/minimal.ron")
    );
    // By extension, in any case; the same bytes named .ron are not RON.
    let json = std::fs::read(fixture("good/minimal.json")).unwrap();
    assert!(load::parse("VISION.JSON", &json).is_ok());
    assert!(matches!(
        load::parse("vision.ron", &json),
        Err(LoadError::Syntax(_))
    ));
}

#[test]
fn json_export_reads_back_into_the_same_document() {
    use vision_tui::export::{self, Format, Options};
    let dir = temp_dir("json-round-trip");
    let _cleanup = Cleanup(dir.clone());
    let mut documents = vec![("built-in".to_string(), load::builtin())];
    for path in crate::support::fixtures_in("good") {
        let doc = load::from_path(&path).unwrap_or_else(|err| panic!("{err}"));
        documents.push((path.display().to_string(), doc));
    }
    for (name, doc) in documents {
        let path = dir.join("vision.json");
        std::fs::write(
            &path,
            export::render(&doc, Format::Json, &Options { notes: true }),
        )
        .unwrap();
        let back = load::from_path(&path).unwrap_or_else(|err| panic!("{name}:\n{err}"));
        assert_eq!(back, doc, "{name}");
    }
}

#[test]
fn json_syntax_errors_are_positioned_in_characters() {
    syntax_error(
        "bad/text-for-number.json",
        &Expected {
            line: 10,
            column: 17,
            message: "invalid type: string \"one\", expected a whole number",
            hint: "this field takes a whole number, e.g. 2021",
            path: Some("goals[0].number"),
        },
    );
    // serde_json counts bytes: the column after `å` and `漢` is in characters.
    for (source, column) in [
        ("{\"language\": \"å漢\", \"title\": 5}", 29),
        ("{\"language\": \"å漢\" \"title\": 5}", 19),
    ] {
        let err = load::parse("v.json", source.as_bytes()).unwrap_err();
        let d = &err.diagnostics()[0];
        assert_eq!((d.line, d.column, d.len), (1, column, 1), "{err}");
        // `漢` is two columns wide: the caret is one further right.
        let caret = format!("\n1 | {source}\n  | {}^\n", " ".repeat(column));
        assert!(err.to_string().contains(&caret), "{err}");
    }
}

#[test]
fn json_documents_are_validated_with_positions() {
    invalid(
        "bad/unknown-focus-area.json",
        &[Expected {
            line: 12,
            column: 34,
            message: "goal 2 names focus area `togther`, which does not exist",
            hint: "valid ids are: green, together",
            path: Some("goals[1].focus_area"),
        }],
    );
}

#[test]
fn an_empty_json_file_says_what_a_json_document_is() {
    let (file, err) = load_bad("bad/empty.json");
    assert_eq!(
        err.to_string(),
        format!(
            "error: `{file}` is empty\n = hint: a JSON document is one object {{ ... }} with the fields in docs/document-format.md; `vision-tui export --format json` writes one"
        )
    );
}

#[test]
fn a_json_document_reloads_as_json() {
    use vision_tui::watch::DocumentWatcher;
    let dir = temp_dir("json-reload");
    let _cleanup = Cleanup(dir.clone());
    let path = dir.join("vision.json");
    let json = std::fs::read_to_string(fixture("good/minimal.json")).unwrap();
    std::fs::write(&path, &json).unwrap();
    let mut watcher = DocumentWatcher::new(&path).expect("watch");
    std::fs::write(&path, json.replace("Vision 2030", "Vision 2031")).unwrap();
    let start = std::time::Instant::now();
    let reloaded = loop {
        if let Some(result) = watcher.poll() {
            break result;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "no reload"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(reloaded.map(|doc| doc.title), Ok("Vision 2031".to_string()));
}

// ---------------------------------------------------------------- the docs

#[test]
fn example_in_the_format_documentation_loads() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/document-format.md");
    let markdown = std::fs::read_to_string(&path).expect("docs/document-format.md");
    let start = markdown.find("```ron\n").expect("a ```ron code block") + "```ron\n".len();
    let length = markdown[start..].find("```").expect("the code block's end");
    let example = &markdown[start..start + length];
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
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/document-format.md");
    let markdown = std::fs::read_to_string(&path).expect("docs/document-format.md");
    let start = markdown.find("```json\n").expect("a ```json code block") + "```json\n".len();
    let length = markdown[start..].find("```").expect("the code block's end");
    let example = &markdown[start..start + length];
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

// ---------------------------------------------------------------- fuzzing

/// Characters that matter to RON's grammar and to the cleaner, plus any char.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::sample::select(vec![
            '(', ')', '[', ']', '{', '}', ',', ':', '"', '\'', '\\', '/', '*', '#', 'r', 'u', 'x', '0', '9', '-',
            '\n', ' ', '\t', '\u{1b}', '\u{0}', '\u{7f}', '\u{9b}', '\u{202E}', '\u{2066}', '\u{FEFF}', 'å', '\u{30A}',
        ]),
        1 => any::<char>(),
    ]
}

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Insert(usize, char),
    Replace(usize, char),
    /// Inserts text that RON reads as a control character or escape.
    InsertEscape(usize, &'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = any::<prop::sample::Index>();
    prop_oneof![
        at.clone().prop_map(|i| Edit::Delete(i.index(usize::MAX))),
        (at.clone(), interesting_char()).prop_map(|(i, c)| Edit::Insert(i.index(usize::MAX), c)),
        (at.clone(), interesting_char()).prop_map(|(i, c)| Edit::Replace(i.index(usize::MAX), c)),
        (
            at,
            prop::sample::select(vec![
                "\\u{1b}",
                "\\u{0}",
                "\\x07",
                "\\t",
                "\\n",
                "\\u{202e}",
                "\\u{9b}",
                "\\r"
            ])
        )
            .prop_map(|(i, s)| Edit::InsertEscape(i.index(usize::MAX), s)),
    ]
}

fn apply(source: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = source.chars().collect();
    for edit in edits {
        let n = chars.len();
        match *edit {
            Edit::Delete(i) if n > 0 => {
                chars.remove(i % n);
            }
            Edit::Delete(_) => {}
            Edit::Insert(i, c) => chars.insert(i % (n + 1), c),
            Edit::Replace(i, c) if n > 0 => chars[i % n] = c,
            Edit::Replace(..) => {}
            Edit::InsertEscape(i, s) => {
                let at = i % (n + 1);
                chars.splice(at..at, s.chars());
            }
        }
    }
    chars.into_iter().collect()
}

/// Parsing either succeeds with clean text or fails with a renderable error.
fn parse_is_total(bytes: &[u8]) {
    match load::parse("fuzz.ron", bytes) {
        Ok(doc) => assert_clean(doc),
        Err(err) => {
            let text = err.to_string();
            assert!(text.starts_with("error: "), "{text}");
            for d in err.diagnostics() {
                assert!(d.line >= 1 && d.column >= 1 && d.len >= 1, "{d:?}");
                assert!(
                    text.contains(&format!("fuzz.ron:{}:{}", d.line, d.column)),
                    "{text}"
                );
            }
        }
    }
}

proptest! {
    // 256 cases each by default; set PROPTEST_CASES for a longer run.

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        parse_is_total(&bytes);
    }

    #[test]
    fn arbitrary_bytes_after_a_valid_prefix_never_panic(
        cut in any::<prop::sample::Index>(),
        bytes in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        let source = load::BUILTIN_SOURCE.as_bytes();
        let mut input = source[..cut.index(source.len())].to_vec();
        input.extend_from_slice(&bytes);
        parse_is_total(&input);
    }

    #[test]
    fn mutated_built_in_document_never_panics(edits in prop::collection::vec(edit(), 1..8)) {
        let source = apply(load::BUILTIN_SOURCE, &edits);
        parse_is_total(source.as_bytes());
    }
}

#[test]
fn the_built_in_document_is_already_normalised_and_valid() {
    // `builtin()` skips normalising and validating at start-up on the strength of this.
    let checked = load::parse("built-in", load::BUILTIN_SOURCE.as_bytes()).expect("valid");
    assert_eq!(load::builtin(), checked);
}
