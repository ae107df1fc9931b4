//! The cause of a syntax error, found by reading the source up to where the
//! parser stopped ([`scan`]) and looking at what stands there.
//!
//! Each cause is pinned by a fixture in `tests/fixtures/bad/`: a string
//! never closed, a bracket never closed, a missing comma, `"field":` and
//! `field =` from JSON and other habits, and curly quotes from a word
//! processor. RON and JSON errors both come here: their parsers differ, the
//! mistakes do not.

mod rules;
mod said;

use rules::Site;
use said::{Next, never_closed};

use super::explain;
use super::locate::Segment;
use super::scan::{self, Pos};

/// A problem as the author should read it: where, what, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Explained {
    pub at: Pos,
    pub len: usize,
    pub message: String,
    pub hint: String,
}

impl Explained {
    /// The syntax error this explanation makes, in file `name` of `text`, at
    /// `path` in the document's structure.
    pub(super) fn into_error(self, name: &str, text: &str, path: String) -> super::LoadError {
        let diagnostic =
            super::Diagnostic::at(name, text, self.at.line, self.at.column, self.message)
                .with_len(self.len.max(1))
                .with_path(path)
                .with_hint(self.hint);
        super::LoadError::Syntax(Box::new(diagnostic))
    }
}

/// What the parser expected where it stopped, in the terms the causes need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Expected {
    /// A comma (or the end of the list or record).
    Comma,
    /// The end of a string.
    StringEnd,
    /// More: the file ended.
    More,
    /// A field's name.
    FieldName,
    /// A record's opening bracket.
    Record,
    /// A list's opening `[`.
    List,
    /// The `:` after a field's name.
    Colon,
    /// Text in double quotes.
    Text,
    /// Anything else.
    Other,
}

/// Where the parser was: the notation, and the record it was reading.
#[derive(Debug, Clone, Copy)]
pub(super) struct Context<'a> {
    /// The bracket that opens a record: `(` in RON, `{` in JSON.
    pub record: char,
    /// The record's path (serde_path_to_error's, cleaned).
    pub path: &'a [Segment],
    /// The file is a document, whose records' fields are known.
    pub document: bool,
}

impl Context<'_> {
    /// True when `name` is no field of the record being read but one of the
    /// record around it: the record was not closed before `name`.
    fn belongs_outside(&self, name: &str) -> bool {
        if !self.document {
            return false;
        }
        let fields = |path: &[Segment]| explain::document_fields(&explain::record_kind(path, None));
        let inner = fields(self.path).is_some_and(|f| !f.contains(&name));
        let outer = !self.path.is_empty()
            && fields(explain::enclosing(self.path)).is_some_and(|f| f.contains(&name));
        inner && outer
    }
}

/// A field the record being read does not have, but the record around it
/// does: the record was not closed before it (`plan_period: (start: 2021,
/// end: 2023,` and then the document's next field).
pub(super) fn field_of_the_record_around(
    text: &str,
    at: Pos,
    name: &str,
    context: Context,
) -> Option<Explained> {
    if !context.belongs_outside(name) {
        return None;
    }
    let (open, open_at) = *scan::scan(text, at).open.last()?;
    let hint = format!(
        "close it with `{}` before `{name}` on line {}: `{name}` is a field of {}, not of {}",
        scan::closing(open),
        at.line,
        explain::record_kind(explain::enclosing(context.path), None),
        explain::record_kind(context.path, None),
    );
    Some(never_closed(open, open_at, hint))
}

/// The cause of the error the parser reports at `at`, if it is one of those known.
pub(super) fn find(text: &str, at: Pos, expected: Expected, context: Context) -> Option<Explained> {
    let site = Site {
        text,
        at,
        expected,
        context,
        scan: scan::scan(text, at),
        next: Next::at(text, at),
    };
    site.quotes()
        .or_else(|| site.slips())
        .or_else(|| site.wrong_closing_bracket())
        .or_else(|| site.brackets())
        .or_else(|| site.commas())
}
