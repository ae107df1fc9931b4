//! `check` and `init` through the library: every problem in every document is
//! reported with its position, the summary counts them right, the JSON report
//! says the same as the human one, and `init` writes a valid starter without
//! ever overwriting a file.

mod output;
mod starter;

use crate::support::{fixture, fixtures_in, temp_dir};
use std::path::{Path, PathBuf};

use vision_tui::commands::check::{self, OutputFormat, Report};
use vision_tui::commands::init;
use vision_tui::document::load::{self, EXIT_DOCUMENT_ERROR, LoadError};

fn human(paths: &[PathBuf]) -> Report {
    check::check(paths, OutputFormat::Human)
}

fn json(paths: &[PathBuf]) -> (u8, serde_json::Value) {
    let report = check::check(paths, OutputFormat::Json);
    assert_eq!(report.stderr, "", "the JSON report is all on stdout");
    let value = serde_json::from_str(&report.stdout)
        .unwrap_or_else(|err| panic!("not JSON ({err}):\n{}", report.stdout));
    (report.exit_code, value)
}

fn load_error(path: &Path) -> LoadError {
    load::from_path(path).expect_err(&path.display().to_string())
}

/// What the human report must say for one bad document: each diagnostic,
/// rendered exactly as the loader renders it, or the unpositioned message.
fn rendered_problems(err: &LoadError) -> Vec<String> {
    if err.diagnostics().is_empty() {
        vec![err.to_string()]
    } else {
        err.diagnostics().iter().map(ToString::to_string).collect()
    }
}

/// The problems of `bad` documents in order, each followed by a blank line,
/// then `summary`: the whole expected human report.
fn expected_report(bad: &[&Path], summary: &str) -> String {
    let mut out = String::new();
    for path in bad {
        for problem in rendered_problems(&load_error(path)) {
            out.push_str(&problem);
            out.push_str("\n\n");
        }
    }
    out.push_str(summary);
    out.push('\n');
    out
}

fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

// ---------------------------------------------------------------- bad files

#[test]
fn every_bad_fixture_exits_2_with_its_positioned_problems() {
    let paths = fixtures_in("bad");
    assert!(paths.len() >= 19, "fixtures missing: {paths:?}");
    for path in &paths {
        let file = path.display().to_string();
        let report = human(std::slice::from_ref(path));
        assert_eq!(report.exit_code, EXIT_DOCUMENT_ERROR, "{file}");
        let err = load_error(path);
        for d in err.diagnostics() {
            assert!(
                report
                    .stderr
                    .contains(&format!("--> {file}:{}:{}\n", d.line, d.column)),
                "no `{file}:{}:{}` in\n{}",
                d.line,
                d.column,
                report.stderr
            );
        }
        let n = err.diagnostics().len().max(1);
        let summary = format!(
            "checked 1 document: 0 valid, 1 with {}",
            plural(n, "problem")
        );
        assert_eq!(report.stderr, expected_report(&[path], &summary), "{file}");
    }
}

#[test]
fn all_bad_fixtures_in_one_run_are_each_reported() {
    // A syntax error stops its own file, never the files after it.
    let paths = fixtures_in("bad");
    let report = human(&paths);
    assert_eq!(report.exit_code, EXIT_DOCUMENT_ERROR);
    let problems: usize = paths
        .iter()
        .map(|path| load_error(path).diagnostics().len().max(1))
        .sum();
    let n = paths.len();
    let summary = format!("checked {n} documents: 0 valid, {n} with {problems} problems");
    let bad: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    assert_eq!(report.stderr, expected_report(&bad, &summary));
}

#[test]
fn three_problems_are_all_reported_in_one_run() {
    let path = fixture("bad/three-problems.ron");
    let file = path.display().to_string();
    let report = human(std::slice::from_ref(&path));
    assert_eq!(report.exit_code, EXIT_DOCUMENT_ERROR);
    let text = &report.stderr;
    assert_eq!(text.matches("error: ").count(), 3, "{text}");
    for (line, column) in [(5, 12), (13, 33), (14, 18)] {
        assert!(
            text.contains(&format!("--> {file}:{line}:{column}\n")),
            "no {line}:{column} in\n{text}"
        );
    }
    // In document order, each with its hint, separated by blank lines.
    let title = text.find("error: `title` is empty\n").expect(text);
    let blue = text
        .find("error: goal 1 names focus area `blue`, which does not exist\n")
        .expect(text);
    let duplicate = text
        .find("error: duplicate goal number 1 (also used by the 1st goal, on line 13)\n")
        .expect(text);
    assert!(title < blue && blue < duplicate, "{text}");
    assert!(
        text.contains("= hint: valid ids are: green, together\n\n"),
        "{text}"
    );
    assert!(
        text.ends_with("\n\nchecked 1 document: 0 valid, 1 with 3 problems\n"),
        "{text}"
    );
    assert_eq!(
        *text,
        expected_report(&[&path], "checked 1 document: 0 valid, 1 with 3 problems")
    );
}

#[test]
fn unreadable_and_empty_files_count_as_one_problem_each() {
    let missing = fixture("bad/no-such-file.ron");
    let empty = fixture("bad/empty.ron");
    let report = human(&[missing.clone(), empty.clone()]);
    assert_eq!(report.exit_code, EXIT_DOCUMENT_ERROR);
    let text = &report.stderr;
    assert!(
        text.starts_with(&format!("error: cannot read `{}`: ", missing.display())),
        "{text}"
    );
    assert!(
        text.contains(&format!("\n\nerror: `{}` is empty\n", empty.display())),
        "{text}"
    );
    assert_eq!(
        *text,
        expected_report(
            &[&missing, &empty],
            "checked 2 documents: 0 valid, 2 with 2 problems"
        )
    );
}

// ---------------------------------------------------------------- good files

#[test]
fn good_documents_and_the_starter_are_all_valid() {
    let dir = temp_dir("good");
    let starter = dir.join("vision.ron");
    init::init(&starter).expect("init");

    let mut paths = fixtures_in("good");
    assert!(paths.len() >= 5, "fixtures missing: {paths:?}");
    paths.push(starter.clone());
    let report = human(&paths);
    assert_eq!(
        report,
        Report {
            stdout: String::new(),
            stderr: format!("checked {} documents: all valid\n", paths.len()),
            exit_code: 0,
        }
    );

    let report = human(&[starter]);
    assert_eq!(report.stderr, "checked 1 document: all valid\n");
    assert_eq!(report.exit_code, 0);
}

#[test]
fn a_mix_of_good_and_bad_documents_exits_2_and_counts_both() {
    let good = [fixture("good/minimal.ron"), fixture("good/many.ron")];
    let bad = [
        fixture("bad/three-problems.ron"),
        fixture("bad/missing-comma.ron"),
        fixture("bad/no-such-file.ron"),
    ];
    let paths = vec![
        good[0].clone(),
        bad[0].clone(),
        bad[1].clone(),
        good[1].clone(),
        bad[2].clone(),
    ];
    let report = human(&paths);
    assert_eq!(report.exit_code, EXIT_DOCUMENT_ERROR);
    // 3 + 1 + 1 problems; the problems come in the order the files were named.
    assert_eq!(
        report.stderr,
        expected_report(
            &[&bad[0], &bad[1], &bad[2]],
            "checked 5 documents: 2 valid, 3 with 5 problems"
        )
    );
    for good in &good {
        assert!(
            !report.stderr.contains(&good.display().to_string()),
            "valid documents are not listed as problems:\n{}",
            report.stderr
        );
    }

    let report = human(&[good[0].clone(), bad[1].clone()]);
    assert_eq!(report.exit_code, EXIT_DOCUMENT_ERROR);
    assert!(
        report
            .stderr
            .ends_with("\n\nchecked 2 documents: 1 valid, 1 with 1 problem\n"),
        "{}",
        report.stderr
    );
}

#[test]
fn no_paths_is_not_a_panic() {
    let report = human(&[]);
    assert_eq!(report.exit_code, 0);
    assert_eq!(report.stderr, "checked 0 documents\n");
    let (code, value) = json(&[]);
    assert_eq!(code, 0);
    assert_eq!(
        value,
        serde_json::json!({
            "documents": [],
            "summary": {"documents": 0, "valid": 0, "problems": 0},
        })
    );
}

// ---------------------------------------------------------------- JSON

#[test]
fn json_report_has_every_problem_with_its_position() {
    let paths = vec![
        fixture("good/minimal.ron"),
        fixture("bad/three-problems.ron"),
        fixture("bad/unknown-field.ron"),
        fixture("bad/empty.ron"),
    ];
    let report = check::check(&paths, OutputFormat::Json);
    assert!(
        report.stdout.starts_with("{\n  \"documents\": [\n"),
        "pretty-printed:\n{}",
        report.stdout
    );
    assert!(report.stdout.ends_with("}\n"), "{}", report.stdout);
    let (code, value) = json(&paths);
    assert_eq!(code, EXIT_DOCUMENT_ERROR);
    assert_eq!(
        value["summary"],
        serde_json::json!({"documents": 4, "valid": 1, "problems": 5})
    );
    let documents = value["documents"].as_array().expect("documents");
    assert_eq!(documents.len(), 4);
    for (document, path) in documents.iter().zip(&paths) {
        assert_eq!(document["file"], path.display().to_string());
    }

    assert_eq!(documents[0]["valid"], true);
    assert_eq!(documents[0]["problems"], serde_json::json!([]));

    // Positioned problems: exactly the loader's diagnostics.
    for (document, path) in documents[1..3].iter().zip(&paths[1..3]) {
        assert_eq!(document["valid"], false);
        let err = load_error(path);
        let expected: Vec<serde_json::Value> = err
            .diagnostics()
            .iter()
            .map(|d| {
                serde_json::json!({
                    "line": d.line,
                    "column": d.column,
                    "length": d.len,
                    "message": d.message,
                    "path": d.path,
                    "hint": d.hint,
                    "source_line": d.source_line,
                })
            })
            .collect();
        assert_eq!(document["problems"], serde_json::Value::Array(expected));
    }
    let three = documents[1]["problems"].as_array().unwrap();
    let positions: Vec<(u64, u64)> = three
        .iter()
        .map(|p| (p["line"].as_u64().unwrap(), p["column"].as_u64().unwrap()))
        .collect();
    assert_eq!(positions, [(5, 12), (13, 33), (14, 18)]);
    assert_eq!(three[1]["path"], "goals[0].focus_area");
    assert_eq!(three[1]["hint"], "valid ids are: green, together");
    assert_eq!(
        three[1]["source_line"],
        r#"        (number: 1, focus_area: "blue", text: "Plant a tree for every child"),"#
    );
    let unknown = &documents[2]["problems"][0];
    assert_eq!(
        (&unknown["line"], &unknown["column"], &unknown["length"]),
        (
            &serde_json::json!(9),
            &serde_json::json!(23),
            &serde_json::json!(4)
        )
    );

    // An error without a position: message and hint, the rest null.
    let empty = &documents[3]["problems"];
    assert_eq!(empty.as_array().map(Vec::len), Some(1));
    let empty = &empty[0];
    assert_eq!(
        empty["message"],
        format!("`{}` is empty", paths[3].display())
    );
    assert!(
        empty["hint"]
            .as_str()
            .is_some_and(|hint| hint.starts_with("a document is one `Document( ... )`")),
        "{empty}"
    );
    for key in ["line", "column", "length", "path", "source_line"] {
        assert!(empty[key].is_null(), "{key} in {empty}");
    }
}

#[test]
fn json_report_of_valid_documents_exits_0() {
    let paths = fixtures_in("good");
    let (code, value) = json(&paths);
    assert_eq!(code, 0);
    assert_eq!(
        value["summary"],
        serde_json::json!({"documents": paths.len(), "valid": paths.len(), "problems": 0})
    );
    for document in value["documents"].as_array().unwrap() {
        assert_eq!(document["valid"], true, "{document}");
        assert_eq!(document["problems"], serde_json::json!([]), "{document}");
    }
}

#[test]
fn json_report_counts_every_bad_fixture() {
    let paths = fixtures_in("bad");
    let (code, value) = json(&paths);
    assert_eq!(code, EXIT_DOCUMENT_ERROR);
    let problems: usize = paths
        .iter()
        .map(|path| load_error(path).diagnostics().len().max(1))
        .sum();
    assert_eq!(
        value["summary"],
        serde_json::json!({"documents": paths.len(), "valid": 0, "problems": problems})
    );
    for (document, path) in value["documents"].as_array().unwrap().iter().zip(&paths) {
        let err = load_error(path);
        let listed = document["problems"].as_array().unwrap();
        assert_eq!(listed.len(), err.diagnostics().len().max(1), "{document}");
        for (problem, d) in listed.iter().zip(err.diagnostics()) {
            assert_eq!(problem["line"], d.line, "{document}");
            assert_eq!(problem["column"], d.column, "{document}");
        }
    }
}
