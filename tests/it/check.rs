//! `check` and `init` through the library: every problem in every document is
//! reported with its position, the summary counts them right, the JSON report
//! says the same as the human one, and `init` writes a valid starter without
//! ever overwriting a file.

use crate::support::{Cleanup, fixture, fixtures_in, temp_dir};
use std::path::{Path, PathBuf};

use vision_tui::check::{self, OutputFormat, Report};
use vision_tui::init::{self, InitError, STARTER};
use vision_tui::load::{self, EXIT_DOCUMENT_ERROR, LoadError};

fn human(paths: &[PathBuf]) -> Report {
    check::check(paths, OutputFormat::Human)
}

fn json(paths: &[PathBuf]) -> (u8, serde_json::Value) {
    let report = check::check(paths, OutputFormat::Json);
    let value = serde_json::from_str(&report.output)
        .unwrap_or_else(|err| panic!("not JSON ({err}):\n{}", report.output));
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
                    .output
                    .contains(&format!("--> {file}:{}:{}\n", d.line, d.column)),
                "no `{file}:{}:{}` in\n{}",
                d.line,
                d.column,
                report.output
            );
        }
        let n = err.diagnostics().len().max(1);
        let summary = format!(
            "checked 1 document: 0 valid, 1 with {}",
            plural(n, "problem")
        );
        assert_eq!(report.output, expected_report(&[path], &summary), "{file}");
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
    assert_eq!(report.output, expected_report(&bad, &summary));
}

#[test]
fn three_problems_are_all_reported_in_one_run() {
    let path = fixture("bad/three-problems.ron");
    let file = path.display().to_string();
    let report = human(std::slice::from_ref(&path));
    assert_eq!(report.exit_code, EXIT_DOCUMENT_ERROR);
    let text = &report.output;
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
        .find("error: duplicate goal number 1 (also used by goals[0])\n")
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
    let text = &report.output;
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
    let _cleanup = Cleanup(dir.clone());
    let starter = dir.join("vision.ron");
    init::init(&starter).expect("init");

    let mut paths = fixtures_in("good");
    assert!(paths.len() >= 5, "fixtures missing: {paths:?}");
    paths.push(starter.clone());
    let report = human(&paths);
    assert_eq!(
        report,
        Report {
            output: format!("checked {} documents: all valid\n", paths.len()),
            exit_code: 0,
        }
    );

    let report = human(&[starter]);
    assert_eq!(report.output, "checked 1 document: all valid\n");
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
        report.output,
        expected_report(
            &[&bad[0], &bad[1], &bad[2]],
            "checked 5 documents: 2 valid, 3 with 5 problems"
        )
    );
    for good in &good {
        assert!(
            !report.output.contains(&good.display().to_string()),
            "valid documents are not listed as problems:\n{}",
            report.output
        );
    }

    let report = human(&[good[0].clone(), bad[1].clone()]);
    assert_eq!(report.exit_code, EXIT_DOCUMENT_ERROR);
    assert!(
        report
            .output
            .ends_with("\n\nchecked 2 documents: 1 valid, 1 with 1 problem\n"),
        "{}",
        report.output
    );
}

#[test]
fn no_paths_is_not_a_panic() {
    let report = human(&[]);
    assert_eq!(report.exit_code, 0);
    assert_eq!(report.output, "checked 0 documents\n");
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
        report.output.starts_with("{\n  \"documents\": [\n"),
        "pretty-printed:\n{}",
        report.output
    );
    assert!(report.output.ends_with("}\n"), "{}", report.output);
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

// ---------------------------------------------------------------- init

#[test]
fn init_writes_a_valid_starter_and_never_overwrites() {
    let dir = temp_dir("init");
    let _cleanup = Cleanup(dir.clone());
    let path = dir.join("vision.ron");
    init::init(&path).expect("init");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), STARTER);
    let doc = load::from_path(&path).unwrap_or_else(|err| panic!("{err}"));
    assert!(doc.organisation.starts_with("Northfield"));
    let report = human(std::slice::from_ref(&path));
    assert_eq!(report.output, "checked 1 document: all valid\n");
    assert_eq!(report.exit_code, 0);

    // The author's own work is never overwritten, not even by the starter itself.
    let own = "// my own vision, half written\n";
    std::fs::write(&path, own).unwrap();
    let err = init::init(&path).expect_err("second init");
    let InitError::Exists(named) = &err else {
        panic!("expected Exists, got {err:?}");
    };
    assert_eq!(*named, path.display().to_string());
    assert_eq!(
        err.to_string(),
        format!(
            "`{}` already exists; init never overwrites a file (choose another name or remove it)",
            path.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), own);

    // A folder is in the way too.
    assert!(matches!(init::init(&dir), Err(InitError::Exists(_))));
}

#[test]
fn init_into_a_missing_folder_is_a_write_error() {
    let dir = temp_dir("init-missing");
    let _cleanup = Cleanup(dir.clone());
    let path = dir.join("no-such-folder").join("vision.ron");
    let err = init::init(&path).expect_err("init into a missing folder");
    let InitError::Write {
        path: named,
        source,
    } = &err
    else {
        panic!("expected Write, got {err:?}");
    };
    assert_eq!(*named, path.display().to_string());
    assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
    assert!(
        err.to_string()
            .starts_with(&format!("cannot write `{}`: ", path.display())),
        "{err}"
    );
    assert!(!path.exists());
}

#[test]
fn starter_is_an_invented_example_that_shows_every_field() {
    assert_ne!(STARTER, load::BUILTIN_SOURCE);
    assert!(
        !STARTER.contains("Alingsås"),
        "the starter is not Vision 2040"
    );
    assert!(!STARTER.to_lowercase().contains("alingsas"));
    // Commented for a new author.
    let comments = STARTER
        .lines()
        .filter(|line| line.trim_start().starts_with("//"))
        .count();
    assert!(comments >= 30, "only {comments} comment lines");

    let doc = load::parse("starter.ron", STARTER.as_bytes()).unwrap_or_else(|err| panic!("{err}"));
    assert!(doc.organisation.contains("example"), "{}", doc.organisation);
    let adoption = doc.adoption.as_ref().expect("adoption");
    assert!(adoption.by.is_some() && adoption.date.is_some());
    assert!(doc.revised.as_ref().is_some_and(|r| r.date.is_some()));
    assert!(doc.background.iter().any(|s| s.heading.is_some()));
    assert!(doc.background.iter().any(|s| s.heading.is_none()));
    assert!(doc.focus_areas_intro.is_some() && doc.goals_intro.is_some());
    assert!(doc.plan_period.is_some() && doc.notes.is_some());

    assert!((3..=4).contains(&doc.focus_areas.len()));
    assert!(doc.focus_areas.iter().all(|a| a.description.is_some()));
    assert!(doc.focus_areas.iter().any(|a| a.notes.is_some()));
    assert!(doc.focus_areas.iter().any(|a| !a.links.is_empty()));
    assert!(
        doc.focus_areas
            .iter()
            .all(|area| doc.goals_of(&area.id).count() > 0),
        "every focus area has a goal"
    );

    assert!((5..=7).contains(&doc.goals.len()));
    let numbers: Vec<u32> = doc.goals.iter().map(|g| g.number).collect();
    assert_eq!(numbers, (1..=doc.goals.len() as u32).collect::<Vec<_>>());
    assert_eq!(
        doc.goals.iter().filter(|g| g.plan_period.is_some()).count(),
        1
    );
    assert!(doc.goals.iter().any(|g| g.description.is_some()));
    assert!(doc.goals.iter().any(|g| g.notes.is_some()));
    assert!(doc.goals.iter().any(|g| !g.links.is_empty()));

    assert!(
        doc.references
            .iter()
            .any(|r| r.url.is_some() && r.title.is_some())
    );
}

// ---------------------------------------------------------------- many problems

/// A document whose `n` goals all name a focus area that does not exist.
fn with_unknown_areas(dir: &Path, n: u32) -> PathBuf {
    let goals: String = (1..=n)
        .map(|i| format!("        (number: {i}, focus_area: \"nowhere\", text: \"g\"),\n"))
        .collect();
    let path = dir.join("many.ron");
    std::fs::write(
        &path,
        format!(
            "Document(\n    language: \"en\", organisation: \"o\", title: \"t\", statement: \"s\",\n    focus_areas: [(id: \"a\", name: \"A\")],\n    goals: [\n{goals}    ],\n)\n"
        ),
    )
    .unwrap();
    path
}

#[test]
fn many_problems_print_the_first_ten_and_count_the_rest() {
    let dir = temp_dir("many-problems");
    let _cleanup = Cleanup(dir.clone());
    let path = with_unknown_areas(&dir, 300);
    let file = path.display().to_string();

    let report = human(std::slice::from_ref(&path));
    assert_eq!(report.exit_code, EXIT_DOCUMENT_ERROR);
    let text = &report.output;
    assert_eq!(text.matches("error: ").count(), 10, "{text}");
    // The first ten, in order, then the count; the summary has the true total.
    assert!(text.contains(&format!("--> {file}:5:")), "{text}");
    assert!(text.contains(&format!("--> {file}:14:")), "{text}");
    assert!(!text.contains(&format!("--> {file}:15:")), "{text}");
    assert!(
        text.ends_with("\n\n… and 290 more\n\nchecked 1 document: 0 valid, 1 with 300 problems\n"),
        "{text}"
    );
    // Loading says the same, with its own summary line.
    let loaded = load_error(&path).to_string();
    assert_eq!(loaded.matches("error: ").count(), 10);
    assert!(
        loaded.ends_with(&format!("\n\n… and 290 more\n\n300 problems in {file}")),
        "{loaded}"
    );

    // The JSON report is for programs: every problem.
    let (_, value) = json(&[path]);
    assert_eq!(value["summary"]["problems"], 300);
    assert_eq!(
        value["documents"][0]["problems"].as_array().unwrap().len(),
        300
    );
}

#[test]
fn ten_problems_are_all_printed() {
    let dir = temp_dir("ten-problems");
    let _cleanup = Cleanup(dir.clone());
    let path = with_unknown_areas(&dir, 10);
    let report = human(&[path]);
    assert_eq!(report.output.matches("error: ").count(), 10);
    assert!(!report.output.contains("more"), "{}", report.output);
    assert!(report.output.ends_with("1 with 10 problems\n"));
}

// ---------------------------------------------------------------- JSON documents

#[test]
fn a_json_export_passes_check_and_opens_through_the_binary() {
    use crate::support::run_binary;
    let dir = temp_dir("json-export-check");
    let _cleanup = Cleanup(dir.clone());
    let path = dir.join("vision.json");
    let out = run_binary(&[
        "export".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        "--notes".as_ref(),
        "-o".as_ref(),
        path.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let out = run_binary(&["check".as_ref(), path.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // Opened without a terminal it prints as text, as the built-in document does.
    let from_json = run_binary(&[path.as_os_str()]);
    let builtin = run_binary::<&str>(&[]);
    assert_eq!(from_json.status.code(), Some(0), "{from_json:?}");
    assert_eq!(from_json.stdout, builtin.stdout);
}
