//! What `check` prints where: at most ten problems a file with the true
//! total, people's output on stderr and JSON on stdout, and JSON documents.

use super::*;

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
    let path = with_unknown_areas(&dir, 300);
    let file = path.display().to_string();

    let report = human(std::slice::from_ref(&path));
    assert_eq!(report.exit_code, EXIT_DOCUMENT_ERROR);
    let text = &report.stderr;
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
    let path = with_unknown_areas(&dir, 10);
    let report = human(&[path]);
    assert_eq!(report.stderr.matches("error: ").count(), 10);
    assert!(!report.stderr.contains("more"), "{}", report.stderr);
    assert!(report.stderr.ends_with("1 with 10 problems\n"));
}

// ---------------------------------------------------------------- JSON documents

#[test]
fn a_json_export_passes_check_and_opens_through_the_binary() {
    use crate::support::run_binary;
    let dir = temp_dir("json-export-check");
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

// ---------------------------------------------------------------- streams

#[test]
fn problems_and_the_summary_go_to_stderr_and_json_to_stdout() {
    use crate::support::run_binary;
    // A syntax error stops its file; validation finds all: both end with the summary.
    for (relative, summary) in [
        ("bad/missing-comma.ron", "1 with 1 problem"),
        ("bad/three-problems.ron", "1 with 3 problems"),
    ] {
        let path = fixture(relative);
        let out = run_binary(&["check".as_ref(), path.as_os_str()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "", "{relative}");
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(
            stderr.ends_with(&format!("\n\nchecked 1 document: 0 valid, {summary}\n")),
            "{stderr}"
        );
        let out = run_binary(&[
            "check".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            path.as_os_str(),
        ]);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{relative}");
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(report["summary"]["valid"], 0);
    }
}
