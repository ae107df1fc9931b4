//! JSON documents: read like RON, with the same positions and words.

use super::*;
use crate::support::{fixture, temp_dir};

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
    use vision_tui::commands::export::{self, Format, Options};
    let dir = temp_dir("json-round-trip");
    let mut documents = vec![("built-in".to_string(), load::builtin())];
    for path in crate::support::fixtures_in("good") {
        let doc = load::from_path(&path).unwrap_or_else(|err| panic!("{err}"));
        documents.push((path.display().to_string(), doc));
    }
    for (name, doc) in documents {
        let path = dir.join("vision.json");
        std::fs::write(
            &path,
            export::render(
                &doc,
                Format::Json,
                &Options {
                    notes: true,
                    lang: None,
                },
            ),
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
        // A missing comma: the caret stands where it belongs, after `"å漢"`.
        ("{\"language\": \"å漢\" \"title\": 5}", 18),
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
fn json_errors_are_worded_as_for_ron() {
    syntax_error(
        "bad/unknown-field.json",
        &Expected {
            line: 7,
            column: 22,
            message: "unknown field `nmae` in a focus area",
            hint: "did you mean `name`? (the fields of a focus area are `id`, `name`, `description`, `notes` and `links`)",
            path: Some("focus_areas[0].nmae"),
        },
    );
    syntax_error(
        "bad/missing-comma.json",
        &Expected {
            line: 4,
            column: 25,
            message: "a comma is missing here",
            hint: "put a `,` after this item, before `\"statement\"` on line 5",
            path: None,
        },
    );
    let source = "{\"language\": \"en\", \"organisation\": \"o\", \"title\": \"t\", \"statement\": \"s\",\n \"goals\": [\n  {\"number\": 3, \"focus_area\": \"a\"}\n ]}";
    let err = load::parse("g.json", source.as_bytes()).unwrap_err();
    let d = &err.diagnostics()[0];
    assert_eq!(d.message, "goal 3 (line 3) has no `text`", "{err}");
    assert_eq!(
        d.hint.as_deref(),
        Some("add `\"text\": ...` to this object")
    );
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
    use vision_tui::document::watch::DocumentWatcher;
    let dir = temp_dir("json-reload");
    let path = dir.join("vision.json");
    let json = std::fs::read_to_string(fixture("good/minimal.json")).unwrap();
    std::fs::write(&path, &json).unwrap();
    // The watcher wakes us when a reload is ready.
    let (wake, woken) = std::sync::mpsc::channel();
    let watcher = DocumentWatcher::new(&path, move || {
        let _ = wake.send(());
    })
    .expect("watch");
    std::fs::write(&path, json.replace("Vision 2030", "Vision 2031")).unwrap();
    woken
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("no reload");
    let reloaded = watcher.next_reload().expect("a reload after the wake-up");
    assert_eq!(
        reloaded.map(|doc| doc.title.clone()),
        Ok("Vision 2031".to_string())
    );
}

#[test]
fn json_syntax_errors_are_traced_to_their_cause() {
    syntax_error(
        "bad/unclosed-string.json",
        &Expected {
            line: 4,
            column: 12,
            message: "the string starting at 4:12 is never closed",
            hint: "put a `\"` where the text ends; in JSON, text ends on its line (a line break inside it is written \\n)",
            path: Some("title"),
        },
    );
    syntax_error(
        "bad/trailing-comma.json",
        &Expected {
            line: 7,
            column: 39,
            message: "a comma after the last item",
            hint: "remove this `,`: JSON allows no comma before a closing bracket",
            path: Some("focus_areas"),
        },
    );
    syntax_error(
        "bad/unclosed-object.json",
        &Expected {
            line: 7,
            column: 5,
            message: "the `{` at 7:5 is never closed",
            hint: "close it with `}` before the `]` on line 8",
            path: Some("focus_areas[0]"),
        },
    );
}
