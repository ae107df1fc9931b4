//! Syntax errors: one diagnostic, at the mistake, in the author's words.

use super::*;

#[test]
fn missing_comma() {
    syntax_error(
        "bad/missing-comma.ron",
        // The caret stands where the comma belongs, after the title, not
        // at `statement` on the next line, where ron noticed.
        &Expected {
            line: 5,
            column: 25,
            message: "a comma is missing here",
            hint: "put a `,` after this item, before `statement` on line 6",
            path: None,
        },
    );
}

#[test]
fn unclosed_bracket_at_end_of_file() {
    syntax_error(
        "bad/unclosed-bracket.ron",
        &Expected {
            line: 2,
            column: 9,
            message: "the `(` at 2:9 is never closed",
            hint: "the file ends before it is closed: add `)` after its last item",
            path: None,
        },
    );
}

#[test]
fn unclosed_list_before_the_next_field() {
    syntax_error(
        "bad/unclosed-list.ron",
        &Expected {
            line: 8,
            column: 18,
            message: "the `[` at 8:18 is never closed",
            hint: "close it with `]` after its last item, before `goals` on line 11",
            path: Some("focus_areas[2]"),
        },
    );
}

// Each of these is what ron reports somewhere else, or in its own terms;
// the message says what the author did, with the caret on the line where
// they did it.

#[test]
fn a_string_never_closed_is_reported_where_it_starts_not_where_it_ends() {
    // ron noticed on line 15, at `together` right after the quote that
    // closed the runaway string.
    syntax_error(
        "bad/unclosed-string-runs-on.ron",
        &Expected {
            line: 12,
            column: 26,
            message: "the string starting at 12:26 is never closed",
            hint: "it runs on to line 15, where the next `\"` is: put a `\"` where the text ends",
            path: Some("focus_areas[0]"),
        },
    );
    // Text may run over lines on purpose: a missing comma after it is a
    // missing comma, not a string never closed.
    let source =
        "Document(language: \"en\", organisation: \"two\n lines\" title: \"t\", statement: \"s\")";
    assert_first_problem(source, ("a comma is missing here", 2, 8));
}

#[test]
fn json_habits_say_what_ron_wants_instead() {
    syntax_error(
        "bad/quoted-field-name.ron",
        &Expected {
            line: 5,
            column: 5,
            message: "field names take no quotes: write `title:`, not `\"title\":`",
            hint: "in RON only text goes between quotes; a file named *.json is read as JSON instead",
            path: None,
        },
    );
    syntax_error(
        "bad/equals-sign.ron",
        &Expected {
            line: 4,
            column: 18,
            message: "use `:` instead of `=` between a field's name and its value",
            hint: "write `organisation: ...`",
            path: None,
        },
    );
}

#[test]
fn a_missing_comma_between_items_is_marked_after_the_first() {
    syntax_error(
        "bad/missing-comma-between-goals.ron",
        &Expected {
            line: 9,
            column: 79,
            message: "a comma is missing here",
            hint: "put a `,` after this item, before `(` on line 10",
            path: Some("goals"),
        },
    );
}

#[test]
fn curly_quotes_are_named() {
    syntax_error(
        "bad/curly-quotes.ron",
        &Expected {
            line: 4,
            column: 19,
            message: "`“` is a curly quote: text goes between straight double quotes",
            hint: "write \"...\" with the \" key; word processors turn \" into “ and ”, so retype the quotes in a plain-text editor",
            path: Some("organisation"),
        },
    );
    // A curly quote where the text should end leaves the string open.
    syntax_error(
        "bad/curly-closing-quote.ron",
        &Expected {
            line: 5,
            column: 12,
            message: "the string starting at 5:12 is never closed",
            hint: "the `”` on its line is a curly quote, which does not end text: type a straight `\"` there",
            path: None,
        },
    );
}

#[test]
fn a_bracket_never_closed_is_named_with_its_position() {
    // With or without the comma after it, the next goal is where ron noticed.
    for fixture in [
        "bad/unclosed-goal.ron",
        "bad/unclosed-goal-before-comma.ron",
    ] {
        syntax_error(
            fixture,
            &Expected {
                line: 9,
                column: 9,
                message: "the `(` at 9:9 is never closed",
                hint: "close it with `)` after its last item, before `(` on line 10",
                path: Some("goals[0]"),
            },
        );
    }
}

#[test]
fn a_misspelt_field_gets_the_field_it_resembles() {
    syntax_error(
        "bad/misspelt-description.ron",
        &Expected {
            line: 8,
            column: 38,
            message: "unknown field `descripton` in a focus area",
            hint: "did you mean `description`? (the fields of a focus area are `id`, `name`, `description`, `notes` and `links`)",
            path: Some("focus_areas[0].descripton"),
        },
    );
    // Nothing like it: the fields are listed.
    let err = load::parse("o.ron", br#"Document(owner: "me")"#).unwrap_err();
    assert_eq!(
        err.diagnostics()[0].hint.as_deref(),
        Some(
            "check the spelling, or remove it; the fields of the document are `language`, `organisation`, `title`, `statement`, `adoption`, `revised`, `background`, `focus_areas_intro`, `focus_areas`, `plan_period`, `goals_intro`, `goals`, `references` and `notes`"
        )
    );
}

#[test]
fn no_message_shows_a_field_path() {
    for path in crate::support::fixtures_in("bad") {
        let err = load::from_path(&path).unwrap_err();
        let text = err.to_string();
        for path_like in ["= at:", "[0]", "[1]", ".?", "goals[", "focus_areas["] {
            assert!(!text.contains(path_like), "{path_like} in\n{text}");
        }
    }
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
            message: "the string starting at 14:51 is never closed",
            hint: "it runs to the end of the file: put a `\"` where the text ends",
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
            message: "unknown field `nmae` in a focus area",
            hint: "did you mean `name`? (the fields of a focus area are `id`, `name`, `description`, `notes` and `links`)",
            path: Some("focus_areas[0].nmae"),
        },
    );
    // The whole misspelt name is underlined.
    assert!(
        text.contains("\n  |                       ^^^^\n"),
        "{text}"
    );
    // The path is for programs: people read the message.
    assert!(
        !text.contains("= at:") && !text.contains("focus_areas[0]"),
        "{text}"
    );
}

#[test]
fn missing_required_field() {
    syntax_error(
        "bad/missing-field.ron",
        &Expected {
            line: 14,
            column: 43,
            message: "goal 2 (line 14) has no `text`",
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
fn a_closing_bracket_of_the_wrong_kind_is_one_too_many_or_one_missing() {
    // The rest of the file says which: here it balances without the `)`...
    syntax_error(
        "bad/extra-closing-bracket.ron",
        &Expected {
            line: 8,
            column: 37,
            message: "this `)` closes nothing: the `[` at 7:18 is still open",
            hint: "remove this `)`",
            path: Some("focus_areas"),
        },
    );
    // ...and here the `)` closes the document, so the list was never closed.
    syntax_error(
        "bad/list-never-closed.ron",
        &Expected {
            line: 7,
            column: 18,
            message: "the `[` at 7:18 is never closed",
            hint: "close it with `]` before the `)` on line 9",
            path: Some("focus_areas[1]"),
        },
    );
}

#[test]
fn a_field_of_the_record_around_says_the_record_was_not_closed() {
    syntax_error(
        "bad/record-never-closed.ron",
        &Expected {
            line: 7,
            column: 15,
            message: "the `(` at 7:15 is never closed",
            hint: "close it with `)` after its last item, before `focus_areas` on line 8: `focus_areas` is a field of the document, not of `adoption`",
            path: Some("adoption"),
        },
    );
    // A name that is no field of either is a comma missing (and then a misspelling).
    let source = "Document(\n    adoption: (text: \"a\"\n    dat: \"2021-05-03\"),\n)";
    assert_first_problem(source, ("a comma is missing here", 2, 25));
}

#[test]
fn small_slips_are_named() {
    syntax_error(
        "bad/double-comma.ron",
        &Expected {
            line: 5,
            column: 26,
            message: "one comma too many",
            hint: "remove this `,`",
            path: None,
        },
    );
    syntax_error(
        "bad/single-quotes.ron",
        &Expected {
            line: 5,
            column: 12,
            message: "text goes between double quotes `\"`, not single quotes `'`",
            hint: "write \"...\"",
            path: Some("title"),
        },
    );
    syntax_error(
        "bad/missing-colon.ron",
        &Expected {
            line: 4,
            column: 17,
            message: "a `:` is missing after the field's name",
            hint: "put a `:` between the name and its value, before `\"Example Town\"`",
            path: None,
        },
    );
    syntax_error(
        "bad/missing-opening-quote.ron",
        &Expected {
            line: 5,
            column: 12,
            message: "an opening `\"` is missing before `Vision`",
            hint: "text goes between double quotes: \"...\"",
            path: Some("title"),
        },
    );
    let err = load::parse("c.ron", b"Document(\n    language:: \"en\")").unwrap_err();
    assert_eq!(err.diagnostics()[0].message, "one colon too many", "{err}");
    syntax_error(
        "bad/decimal-number.ron",
        &Expected {
            line: 9,
            column: 18,
            message: "`1.5` is not a whole number",
            hint: "this field takes a whole number, e.g. 2021",
            path: Some("goals[0]"),
        },
    );
}

#[test]
fn quotes_and_brackets_inside_raw_strings_and_comments_are_text() {
    let source = r###"Document(
    language: "en", // a ( comment " with a quote
    organisation: r#"The 12" [record] town ("#,
    title: "t" /* ] */
    statement: "s",
)"###;
    assert_first_problem(source, ("a comma is missing here", 4, 15));
}

#[test]
fn a_missing_opening_bracket_is_marked_where_it_belongs() {
    // A field's name where an item was due, and the rest of the file
    // balances only with a `(` before it: not a list left open.
    syntax_error(
        "bad/item-without-opening-bracket.ron",
        &Expected {
            line: 9,
            column: 9,
            message: "a `(` is missing before `id`",
            hint: "each item of the list is a record: its fields go between `(` and `)`, ( field: value, ... )",
            path: Some("focus_areas[1]"),
        },
    );
    // After the field's colon, not at the next line where ron noticed.
    syntax_error(
        "bad/list-without-opening-bracket.ron",
        &Expected {
            line: 7,
            column: 17,
            message: "a `[` is missing: `focus_areas` is a list",
            hint: "its items go between square brackets: focus_areas: [ ..., ... ]",
            path: Some("focus_areas"),
        },
    );
    syntax_error(
        "bad/record-without-opening-bracket.ron",
        &Expected {
            line: 7,
            column: 14,
            message: "a `(` is missing before `text`",
            hint: "`adoption` is a record: its fields go between `(` and `)`, ( field: value, ... )",
            path: Some("adoption"),
        },
    );
}

#[test]
fn a_record_left_open_before_a_comma_is_not_an_unknown_field() {
    syntax_error(
        "bad/record-left-open-with-a-comma.ron",
        &Expected {
            line: 7,
            column: 18,
            message: "the `(` at 7:18 is never closed",
            hint: "close it with `)` before `focus_areas` on line 8: `focus_areas` is a field of the document, not of a plan period",
            path: Some("plan_period.focus_areas"),
        },
    );
}
