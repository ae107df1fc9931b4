//! `vision-tui check`: validate documents without starting the TUI.
//!
//! Every document named is loaded with [`load::from_path`], and every problem
//! found is reported: all validation problems of a document at once, or the
//! one syntax or read error that stopped it. A bad document never stops the
//! others from being checked. The report is either for people (the loader's
//! compiler-style diagnostics, at most ten per document and how many more,
//! then a one-line summary with the true total) or one JSON object with every
//! problem for editors and CI; either way the exit code is 0 when every document is valid
//! and [`load::EXIT_DOCUMENT_ERROR`] otherwise.

use std::path::PathBuf;

use serde::Serialize;

use crate::document::load::diagnostic::MAX_MESSAGE;
use crate::document::load::printable::shorten;
use crate::document::load::{self, Diagnostic, LoadError};

/// How problems are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutputFormat {
    /// For people: each problem with file:line:col, the line and a caret.
    #[default]
    Human,
    /// For editors and CI: one JSON document.
    Json,
}

/// What `check` prints and how it exits. Problems are for people and go to
/// standard error, as every other error of the program does; only the
/// JSON report, which a program reads, goes to standard output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// For standard output: the JSON report (empty for people).
    pub stdout: String,
    /// For standard error: the problems and the summary line (empty for
    /// JSON); ends with a line break.
    pub stderr: String,
    /// 0 when every document is valid, 2 otherwise.
    pub exit_code: u8,
}

/// Checks every document in `paths`.
pub fn check(paths: &[PathBuf], format: OutputFormat) -> Report {
    let checked: Vec<Checked> = paths
        .iter()
        .map(|path| Checked {
            file: path.display().to_string(),
            error: load::from_path(path).err(),
        })
        .collect();
    let summary = Summary {
        documents: checked.len(),
        valid: checked.iter().filter(|c| c.error.is_none()).count(),
        problems: checked.iter().map(Checked::problem_count).sum(),
    };
    let (stdout, stderr) = match format {
        OutputFormat::Human => (String::new(), human(&checked, &summary)),
        OutputFormat::Json => (json(&checked, summary), String::new()),
    };
    let exit_code = if summary.valid == summary.documents {
        0
    } else {
        load::EXIT_DOCUMENT_ERROR
    };
    Report {
        stdout,
        stderr,
        exit_code,
    }
}

/// One document and why it did not load, if it did not.
struct Checked {
    file: String,
    error: Option<LoadError>,
}

impl Checked {
    /// How many problems the document has: each diagnostic, or the one
    /// error without a position (cannot read, empty, too large).
    fn problem_count(&self) -> usize {
        self.error
            .as_ref()
            .map_or(0, |err| err.diagnostics().len().max(1))
    }
}

#[derive(Debug, Clone, Copy, Serialize)]
struct Summary {
    documents: usize,
    valid: usize,
    problems: usize,
}

/// `3 documents`, `1 problem`.
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

fn human(checked: &[Checked], summary: &Summary) -> String {
    let mut out = String::new();
    for err in checked.iter().filter_map(|c| c.error.as_ref()) {
        let diagnostics = err.diagnostics();
        if diagnostics.is_empty() {
            out.push_str(&err.to_string());
        } else {
            out.push_str(&load::diagnostic::render_many(diagnostics));
        }
        out.push_str("\n\n");
    }
    let documents = count(summary.documents, "document");
    let invalid = summary.documents - summary.valid;
    if summary.documents == 0 {
        out.push_str("checked 0 documents\n");
    } else if invalid == 0 {
        out.push_str(&format!("checked {documents}: all valid\n"));
    } else {
        out.push_str(&format!(
            "checked {documents}: {} valid, {invalid} with {}\n",
            summary.valid,
            count(summary.problems, "problem")
        ));
    }
    out
}

#[derive(Serialize)]
struct JsonReport<'a> {
    documents: Vec<JsonDocument<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    file: &'a str,
    valid: bool,
    problems: Vec<JsonProblem<'a>>,
}

/// The longest source line `--format json` quotes, in bytes.
pub const MAX_JSON_SOURCE_LINE: usize = 4096;

#[derive(Serialize)]
struct JsonProblem<'a> {
    line: Option<usize>,
    column: Option<usize>,
    length: Option<usize>,
    message: String,
    path: Option<String>,
    hint: Option<String>,
    source_line: Option<&'a str>,
}

impl<'a> JsonProblem<'a> {
    fn positioned(d: &'a Diagnostic) -> Self {
        Self {
            line: Some(d.line),
            column: Some(d.column),
            length: Some(d.len),
            message: shorten(&d.message, MAX_MESSAGE).into_owned(),
            path: d
                .path
                .as_deref()
                .map(|path| shorten(path, MAX_MESSAGE).into_owned()),
            hint: d
                .hint
                .as_deref()
                .map(|hint| shorten(hint, MAX_MESSAGE).into_owned()),
            // A line longer than any editor shows (a minified file) is left
            // out rather than copied whole: 15 MB on one line stays 15 MB.
            source_line: (d.source_line.len() <= MAX_JSON_SOURCE_LINE).then_some(&*d.source_line),
        }
    }

    /// An error without a position: its rendering is `error: MESSAGE`,
    /// optionally followed by a `= hint:` line, which become the two fields.
    fn unpositioned(err: &LoadError) -> Self {
        let text = err.to_string();
        let text = text.strip_prefix("error: ").unwrap_or(&text);
        let (message, hint) = match text.split_once("\n = hint: ") {
            Some((message, hint)) => (message, Some(hint.to_string())),
            None => (text, None),
        };
        Self {
            line: None,
            column: None,
            length: None,
            message: message.to_string(),
            path: None,
            hint,
            source_line: None,
        }
    }
}

fn json(checked: &[Checked], summary: Summary) -> String {
    let documents = checked
        .iter()
        .map(|c| {
            let problems = match &c.error {
                None => Vec::new(),
                Some(err) if err.diagnostics().is_empty() => vec![JsonProblem::unpositioned(err)],
                Some(err) => err
                    .diagnostics()
                    .iter()
                    .map(JsonProblem::positioned)
                    .collect(),
            };
            JsonDocument {
                file: &c.file,
                valid: c.error.is_none(),
                problems,
            }
        })
        .collect();
    let report = JsonReport { documents, summary };
    let json = serde_json::to_string_pretty(&report)
        .expect("a report of strings, numbers and booleans always serialises");
    let mut out = escape_controls(&json);
    out.push('\n');
    out
}

/// serde_json escapes the C0 controls only: DEL, C1 and bidirectional
/// controls from a file name or a quoted line would reach the terminal as
/// they are. Written as `\uXXXX` escapes they still read back exactly.
fn escape_controls(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c != '\n' && crate::document::load::normalize::is_removed(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}
