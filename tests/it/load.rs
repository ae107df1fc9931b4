//! Loading documents from files: every kind of bad input gives one exact,
//! positioned error with a hint, and never a panic; good inputs load with
//! their text normalised.
//!
//! Fixtures live in tests/fixtures/{good,bad}; inputs too large to commit
//! (deep nesting, a > 16 MiB file) are generated in a temporary folder.
//! The tests are grouped by what they load; the helpers here are shared.

mod files;
mod fuzz;
mod good;
mod json;
mod syntax;
mod validation;

use crate::support::fixture;

use vision_tui::document::load::{self, Diagnostic, LoadError};
use vision_tui::document::model::Document;

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

/// Asserts the first problem `source` has: (message, line, column).
fn assert_first_problem(source: &str, want: (&str, usize, usize)) {
    let err = load::parse("t.ron", source.as_bytes()).unwrap_err();
    let d = &err.diagnostics()[0];
    assert_eq!((d.message.as_str(), d.line, d.column), want, "{err}");
}

/// Each diagnostic's message, in order.
fn messages(err: &LoadError) -> Vec<&str> {
    err.diagnostics()
        .iter()
        .map(|d| d.message.as_str())
        .collect()
}

fn syntax_error(relative: &str, want: &Expected) -> String {
    let (file, err) = load_bad(relative);
    let LoadError::Syntax(d) = &err else {
        panic!("{relative}: expected a syntax error, got {err:?}");
    };
    assert_eq!(err.diagnostics().len(), 1);
    check(&file, d, want);
    let text = err.to_string();
    assert_eq!(text, format!("{d}\n\n1 problem in {file}"));
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
