//! The real binary with its output piped (as in scripts, CI and logs): exit
//! statuses, and the plain-text messages on stderr for every bad document,
//! a missing file, a missing terminal and a wrong command line.

use crate::support::{BIN, fixture, run};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use unicode_width::UnicodeWidthStr;
use vision_tui::commands::cli::EXIT_USAGE;
use vision_tui::document::load::{self, EXIT_DOCUMENT_ERROR};

/// Runs one bad document: exit 2, nothing on stdout, an error naming the file.
fn run_bad(path: &Path) -> String {
    let file = path.display().to_string();
    let (code, stdout, stderr) = run(&[path]);
    assert_eq!(code, i32::from(EXIT_DOCUMENT_ERROR), "{file}:\n{stderr}");
    assert_eq!(stdout, "", "{file}");
    assert!(stderr.starts_with("error:"), "{file}:\n{stderr}");
    assert!(stderr.contains(&file), "{file}:\n{stderr}");
    stderr
}

fn bad(name: &str) -> String {
    run_bad(&fixture("bad").join(name))
}

#[test]
fn every_bad_fixture_exits_2_with_a_positioned_message() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixture("bad"))
        .expect("tests/fixtures/bad")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    paths.sort();
    assert!(paths.len() >= 19, "fixtures missing: {paths:?}");
    for path in paths {
        let file = path.display().to_string();
        let stderr = run_bad(&path);
        let err = load::from_path(&path).expect_err(&file);
        for d in err.diagnostics() {
            assert!(
                stderr.contains(&format!("--> {file}:{}:{}\n", d.line, d.column)),
                "no `{file}:{}:{}` in\n{stderr}",
                d.line,
                d.column
            );
            // The quoted line as the terminal shows it, then a caret under the column.
            let show = |s: &str| -> String {
                s.chars()
                    .filter(|c| !c.is_control() || *c == '\t')
                    .map(|c| if c == '\t' { ' ' } else { c })
                    .collect()
            };
            let quoted = format!("\n{} | {}\n", d.line, show(&d.source_line));
            let at = stderr
                .find(&quoted)
                .unwrap_or_else(|| panic!("source line not quoted in\n{stderr}"));
            let caret_line = stderr[at + quoted.len()..].lines().next().unwrap_or("");
            let gutter = " ".repeat(d.line.to_string().len());
            let marks = caret_line
                .strip_prefix(&format!("{gutter} | "))
                .unwrap_or_else(|| panic!("no caret line after the source in\n{stderr}"));
            let carets = marks.trim_start_matches(' ');
            assert!(
                !carets.is_empty() && carets.chars().all(|c| c == '^'),
                "{caret_line:?} in\n{stderr}"
            );
            let before: String = d.source_line.chars().take(d.column - 1).collect();
            assert_eq!(
                marks.len() - carets.len(),
                show(&before).width(),
                "caret not under column {} in\n{stderr}",
                d.column
            );
            // The whole diagnostic, exactly as the library renders it.
            assert!(stderr.contains(&d.to_string()), "{stderr}");
        }
    }
}

#[test]
fn specific_bad_documents_say_what_is_wrong() {
    let stderr = bad("unknown-focus-area.ron");
    assert!(stderr.contains("`togther`"), "{stderr}");
    assert!(
        stderr.contains("valid ids are: green, together"),
        "{stderr}"
    );

    let stderr = bad("three-problems.ron");
    for problem in [
        "`title` is empty",
        "focus area `blue`, which does not exist",
        "duplicate goal number 1",
    ] {
        assert!(stderr.contains(problem), "{problem}:\n{stderr}");
    }
    let file = fixture("bad/three-problems.ron").display().to_string();
    assert!(
        stderr.contains(&format!("3 problems in {file}")),
        "{stderr}"
    );

    for empty in ["empty.ron", "comment-only.ron"] {
        let stderr = bad(empty);
        assert!(stderr.contains("is empty"), "{stderr}");
    }
    let stderr = bad("invalid-utf8.ron");
    assert!(stderr.contains("not UTF-8"), "{stderr}");
    let stderr = bad("unknown-field.ron");
    assert!(stderr.contains("`nmae`"), "{stderr}");
}

#[test]
fn missing_file_exits_2_with_a_hint() {
    let path = fixture("bad/no-such-file.ron");
    let file = path.display().to_string();
    let (code, stdout, stderr) = run(&[&path]);
    assert_eq!(code, i32::from(EXIT_DOCUMENT_ERROR), "{stderr}");
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with(&format!("error: cannot read `{file}`")),
        "{stderr}"
    );
    assert!(stderr.contains("hint:"), "{stderr}");
}

#[test]
fn without_a_terminal_it_prints_the_document_as_text() {
    let minimal = fixture("good/minimal.ron");
    for args in [
        vec![minimal.as_os_str()],
        vec![],
        vec!["--plain".as_ref()],
        vec!["present".as_ref()],
    ] {
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
        assert!(
            !stdout.contains('\x1b'),
            "{args:?}: no escape sequences in plain text"
        );
        assert!(
            !stdout
                .chars()
                .any(|c| ('\u{2500}'..='\u{257F}').contains(&c)),
            "{args:?}: no box drawing"
        );
    }
    let (_, stdout, _) = run::<&str>(&[]);
    assert!(
        stdout.contains("Alingsås är Västsveriges vackraste kulturstad"),
        "{stdout}"
    );
    for goal in vision_tui::document::load::builtin().goals {
        let first_words: String = goal.text.split(' ').take(3).collect::<Vec<_>>().join(" ");
        assert!(stdout.contains(&first_words), "{first_words}");
    }
    // The document is checked first: a bad one is reported as such.
    let stderr = bad("missing-comma.ron");
    assert!(!stderr.contains("not a terminal"), "{stderr}");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{BIN}' | head -1; echo \"status=${{PIPESTATUS:-done}}\""
        ))
        .output()
        .expect("run through sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stdout.lines().count(),
        2,
        "one line through head, then the marker: {stdout}"
    );
    assert_eq!(stderr, "", "no 'broken pipe' complaint");
    // And the exit status of vision-tui itself, without a shell in between.
    let mut child = Command::new(BIN)
        .args(["export", "--format", "text"])
        .env("XDG_CONFIG_HOME", "/nonexistent/vision-tui-tests")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away at once
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn open_rejects_unknown_ids_listing_the_valid_ones() {
    let (code, _, stderr) = run(&["--open", "omstalning"]);
    assert_eq!(code, i32::from(EXIT_USAGE), "{stderr}");
    assert!(
        stderr.contains("`omstalning`") && stderr.contains("omstallning, tillsammans"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["--open", "goal:42"]);
    assert_eq!(code, i32::from(EXIT_USAGE));
    assert!(stderr.contains("goal:1, goal:2"), "{stderr}");
    let (code, _, _) = run(&["--open", "goal:2", "--plain"]);
    assert_eq!(code, 0, "a valid link with nothing to draw on still prints");
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let (code, stdout, stderr) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {stderr}");
        assert!(
            stdout.contains("vision-tui") && stdout.contains("present"),
            "{shell}"
        );
    }
    let (code, stdout, _) = run(&["man"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains(".TH") && stdout.contains("vision-tui"),
        "{stdout}"
    );
}

#[test]
fn wrong_command_lines_exit_64() {
    for args in [&["--nope"][..], &["a.ron", "b.ron"]] {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, i32::from(EXIT_USAGE), "{args:?}: {stderr}");
        assert_eq!(stdout, "", "{args:?}");
        assert!(stderr.contains("Usage"), "{args:?}: {stderr}");
    }
}

#[test]
fn help_and_version_exit_0() {
    let (code, stdout, stderr) = run(&["--help"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "");
    assert!(
        stdout.contains("Usage") && stdout.contains("vision-tui"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "Exit status: 0 quit, 1 terminal error, 2 document error, 64 usage error, 78 config error, 101 a bug (panic), 128+N killed by signal N."
        ),
        "{stdout}"
    );

    let (code, stdout, stderr) = run(&["--version"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "");
    assert_eq!(
        stdout,
        format!("vision-tui {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn check_and_export_through_the_binary() {
    let good = fixture("good/minimal.ron");
    let bad = fixture("bad/three-problems.ron");
    // Problems and the summary are for people: standard error.
    let (code, stdout, stderr) = run(&[OsStr::new("check"), good.as_os_str()]);
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");
    assert!(stderr.contains("all valid"), "{stderr}");
    let (code, stdout, stderr) = run(&[OsStr::new("check"), good.as_os_str(), bad.as_os_str()]);
    assert_eq!(code, i32::from(EXIT_DOCUMENT_ERROR));
    assert_eq!(stdout, "");
    assert_eq!(stderr.matches("error:").count(), 3, "{stderr}");
    assert!(stderr.contains("3 problems"), "{stderr}");
    let (code, stdout, _) = run(&[
        OsStr::new("check"),
        OsStr::new("--format"),
        OsStr::new("json"),
        bad.as_os_str(),
    ]);
    assert_eq!(code, i32::from(EXIT_DOCUMENT_ERROR));
    let json: serde_json::Value =
        serde_json::from_str(&stdout).expect("check --format json prints JSON");
    assert_eq!(json["summary"]["problems"], 3);
    let (code, _, stderr) = run(&["check"]);
    assert_eq!(code, i32::from(EXIT_USAGE), "check needs a path: {stderr}");

    let dir = crate::support::temp_dir("cli-export");
    let out = dir.join("handout.html");
    let (code, stderr) = crate::export_file::export_html_to(&out);
    assert_eq!(code, 0, "{stderr}");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("lang=\"sv\""));
    let (code, stdout, _) = run(&["export", "--format", "json"]);
    assert_eq!(code, 0);
    let doc: vision_tui::document::model::Document = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc, vision_tui::document::load::builtin());
    let (code, _, stderr) = run(&[
        OsStr::new("export"),
        OsStr::new("--format"),
        OsStr::new("text"),
        bad.as_os_str(),
    ]);
    assert_eq!(code, i32::from(EXIT_DOCUMENT_ERROR), "{stderr}");

    let starter = dir.join("new.ron");
    let (code, stdout, _) = run(&[OsStr::new("init"), starter.as_os_str()]);
    assert_eq!(code, 0);
    assert!(stdout.contains("wrote"));
    let (code, _, stderr) = run(&[OsStr::new("init"), starter.as_os_str()]);
    assert_eq!(code, 1, "init never overwrites");
    assert!(stderr.contains("already exists"), "{stderr}");
    let (code, _, _) = run(&[OsStr::new("check"), starter.as_os_str()]);
    assert_eq!(code, 0, "the starter passes check");
}

#[test]
fn no_arguments_skip_clap_but_mean_what_clap_would_make_of_them() {
    use clap::Parser;
    let clap =
        vision_tui::commands::cli::Cli::try_parse_from(["vision-tui"]).expect("no arguments parse");
    let fast = vision_tui::commands::cli::Cli::without_arguments();
    // Every field, with the names clap gives them.
    assert_eq!(format!("{fast:?}"), format!("{clap:?}"));
}
