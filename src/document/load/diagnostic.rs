//! One problem in a document, rendered the way compilers do it:
//!
//! ```text
//! error: goal 2 names focus area `omstalning`, which does not exist
//!   --> vision.ron:58:25
//!    |
//! 58 |             focus_area: "omstalning",
//!    |                         ^^^^^^^^^^^^
//!    = hint: valid ids are: experimentlust, omstallning
//! ```
//!
//! The field path (`goals[1].focus_area`) is kept for programs (`check
//! --format json`) but never printed: the message says it in the
//! document's words.
//!
//! Hand-written rather than ariadne or miette: the format is a dozen lines,
//! stays plain text (it must read right on `TERM=dumb` and in CI logs; ASCII
//! but for the `…` of a cut line and what the line itself holds), and the
//! caret must line up under wide and combining characters, which
//! `unicode-width` gives us directly. A long line is cut to a window around
//! the mark, with `…` where text is left out (see `excerpt`). Everything
//! is written through [`Printable`], so no text from the user's file (the
//! file name, a quoted value, the line) can send a control sequence to the
//! terminal.

mod excerpt;

use std::fmt::{self, Write};

use super::printable::{Printable, shorten};

/// Messages and hints are cut after this many characters (they quote values
/// from the file, which may be any length).
pub const MAX_MESSAGE: usize = 1_000;

/// A problem at a place in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user named it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// How many characters to underline (at least 1).
    pub len: usize,
    /// The source line the problem is on, without its line break.
    pub source_line: String,
    /// What is wrong.
    pub message: String,
    /// Where in the document's structure, e.g. `goals[1].focus_area`: for
    /// programs, not printed.
    pub path: Option<String>,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// Builds a diagnostic at `line:column` of `source`.
    pub fn at(file: &str, source: &str, line: usize, column: usize, message: String) -> Self {
        let source_line = source
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("")
            .to_string();
        Self {
            file: file.to_string(),
            line: line.max(1),
            column: column.max(1),
            len: 1,
            source_line,
            message,
            path: None,
            hint: None,
        }
    }

    /// Sets how many characters the caret underlines.
    pub fn with_len(mut self, len: usize) -> Self {
        self.len = len.max(1);
        self
    }

    /// Sets the field path.
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        let path = path.into();
        self.path = (!path.is_empty()).then_some(path);
        self
    }

    /// Sets the hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// At most this many problems of one file are printed; the rest are counted
/// (a config binding every action to one key has hundreds, all alike).
pub const MAX_SHOWN: usize = 10;

/// The problems of one file as people read them: each diagnostic, a blank
/// line between them, and after the first [`MAX_SHOWN`] only how many more
/// there are. Documents, configs, themes and `check` all print through this.
pub fn render_many(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for (i, d) in diagnostics.iter().take(MAX_SHOWN).enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        out.push_str(&d.to_string());
    }
    if let Some(more) = diagnostics.len().checked_sub(MAX_SHOWN).filter(|&n| n > 0) {
        out.push_str(&format!("\n\n… and {more} more"));
    }
    out
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let number = self.line.to_string();
        let gutter = " ".repeat(number.len());
        let excerpt = excerpt::excerpt(&self.source_line, self.column, self.len);
        let shown = excerpt.text;
        let indent = " ".repeat(excerpt.indent);
        let carets = "^".repeat(excerpt.carets);
        // A message quoting a value from a huge line stays a line long.
        let message = shorten(&self.message, MAX_MESSAGE);
        let mut f = Printable(f);
        writeln!(f, "error: {message}")?;
        writeln!(f, "{gutter}--> {}:{}:{}", self.file, self.line, self.column)?;
        writeln!(f, "{gutter} |")?;
        writeln!(f, "{number} | {shown}")?;
        write!(f, "{gutter} | {indent}{carets}")?;
        if let Some(hint) = &self.hint {
            write!(f, "\n{gutter} = hint: {}", shorten(hint, MAX_MESSAGE))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Diagnostic;

    #[test]
    fn caret_sits_under_the_column_even_after_wide_letters() {
        let src = "a\n  name: \"Ö\", nmae: 1,\n";
        let d = Diagnostic::at("f.ron", src, 2, 15, "unknown field `nmae`".into())
            .with_len(4)
            .with_path("focus_areas[0]")
            .with_hint("check the spelling");
        let text = d.to_string();
        assert_eq!(
            text,
            "error: unknown field `nmae`\n --> f.ron:2:15\n  |\n2 |   name: \"Ö\", nmae: 1,\n  |               ^^^^\n  = hint: check the spelling",
            "the path is for programs, not printed"
        );
    }

    #[test]
    fn caret_accounts_for_double_width_characters() {
        let d = Diagnostic::at("f.ron", "\"漢字\" x", 1, 6, "here".into());
        assert!(d.to_string().contains("\n  |        ^"), "{d}");
    }

    #[test]
    fn caret_ignores_control_characters_before_it() {
        let d = Diagnostic::at("f.ron", "\"a\u{1b}\u{202E}b\" x", 1, 8, "here".into());
        assert!(d.to_string().contains("1 | \"ab\" x\n  |      ^"), "{d}");
    }

    #[test]
    fn nothing_quoted_from_the_file_reaches_the_terminal_raw() {
        let osc52 = "\u{1b}]52;c;aGk=\u{7}";
        let d = Diagnostic::at(
            &format!("f{osc52}.ron"),
            "x",
            1,
            1,
            format!("bad `{osc52}`"),
        )
        .with_path(format!("a{osc52}"))
        .with_hint(format!("not \u{9b}2J\u{202e}{osc52}"));
        let text = d.to_string();
        assert!(
            !text.chars().any(|c| c != '\n' && c.is_control()),
            "{text:?}"
        );
        assert!(
            text.contains("error: bad `]52;c;aGk=`\n --> f]52;c;aGk=.ron:1:1\n"),
            "{text}"
        );
        assert!(text.ends_with("= hint: not 2J]52;c;aGk="), "{text}");
    }

    #[test]
    fn out_of_range_positions_do_not_panic() {
        let d = Diagnostic::at("f.ron", "", 99, 99, "end".into());
        assert!(d.to_string().contains("f.ron:99:99"));
    }
}
