//! Problems found after parsing: every one, in document order.

use super::*;

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
    // The goal that meant the copied area now points nowhere: that is the
    // duplicate's doing, said in its hint, not a second problem.
    invalid(
        "bad/duplicate-focus-area-id.ron",
        &[Expected {
            line: 10,
            column: 14,
            message: "duplicate focus-area id `green` (also used by the 1st focus area, on line 9)",
            hint: "give every focus area its own id; goal 2 names `together`, which no focus area has: was this one meant to be `together`?",
            path: Some("focus_areas[1].id"),
        }],
    );
}

#[test]
fn one_duplicated_id_is_reported_once_not_with_its_follow_on_errors() {
    let text = invalid(
        "bad/duplicate-id-hides-an-area.ron",
        &[Expected {
            line: 11,
            column: 14,
            message: "duplicate focus-area id `green` (also used by the 1st focus area, on line 9)",
            hint: "give every focus area its own id; goals 2, 4, 5, 6 and 7 name `housing`, which no focus area has: was this one meant to be `housing`?",
            path: Some("focus_areas[2].id"),
        }],
    );
    assert!(!text.contains("does not exist"), "{text}");
}

#[test]
fn missing_ids_a_duplicate_cannot_explain_are_reported_each() {
    // Two ids are missing but only one area is a duplicate: the goals are
    // reported on their own, the valid ids listed once each.
    let source = r#"Document(language: "en", organisation: "o", title: "t", statement: "s",
        focus_areas: [(id: "green", name: "Green"), (id: "green", name: "Together")],
        goals: [(number: 1, focus_area: "together", text: "g"), (number: 2, focus_area: "blue", text: "g")])"#;
    let err = load::parse("d.ron", source.as_bytes()).unwrap_err();
    let messages = super::messages(&err);
    assert_eq!(
        messages,
        [
            "duplicate focus-area id `green` (also used by the 1st focus area, on line 2)",
            "goal 1 names focus area `together`, which does not exist",
            "goal 2 names focus area `blue`, which does not exist",
        ]
    );
    assert_eq!(
        err.diagnostics()[0].hint.as_deref(),
        Some("give every focus area its own id")
    );
    assert_eq!(
        err.diagnostics()[1].hint.as_deref(),
        Some("valid ids are: green")
    );
}

#[test]
fn duplicate_goal_numbers() {
    invalid(
        "bad/duplicate-goal-number.ron",
        &[Expected {
            line: 14,
            column: 18,
            message: "duplicate goal number 1 (also used by the 1st goal, on line 13)",
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
                message: "duplicate goal number 1 (also used by the 1st goal, on line 13)",
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
