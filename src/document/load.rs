//! Reading a document: bytes → text → RON or JSON → [`Document`] →
//! normalised and validated.
//!
//! Nothing here panics on user input. Every failure is a [`LoadError`] whose
//! `Display` names the file, line and column, quotes the line with a caret
//! under the spot, and says what to do (see [`diagnostic`]).

mod cause;
pub mod diagnostic;
mod explain;
mod json;
pub mod locate;
pub mod normalize;
pub mod printable;
mod scan;
pub mod settings;
mod syntax;
pub mod validate;

use std::io::Read;
use std::path::Path;

use ron::extensions::Extensions;

pub use diagnostic::Diagnostic;
use locate::Segment;
pub use printable::printable;

use crate::document::model::Document;

/// The document shown when no path is given: Alingsås kommun's Vision 2040.
pub const BUILTIN_SOURCE: &str = include_str!("../../assets/alingsas-vision-2040.ron");
/// How the built-in document is named in messages.
pub const BUILTIN_NAME: &str = "alingsas-vision-2040.ron (built in)";
/// Documents larger than this are refused: a vision is a few kilobytes, and a
/// multi-gigabyte file named by mistake should fail fast, not exhaust memory.
pub const MAX_DOCUMENT_BYTES: u64 = 16 * 1024 * 1024;
/// The exit status for any document that cannot be shown.
pub const EXIT_DOCUMENT_ERROR: u8 = 2;

/// Why a document could not be loaded.
///
/// Its `Display` is the message for the user, written in one place
/// (`Rendered`) through [`printable::Printable`]: whatever a file
/// name or a quoted value holds, no control sequence reaches the terminal.
#[derive(Debug, thiserror::Error)]
#[error("{}", Rendered(self))]
pub enum LoadError {
    /// The file could not be opened or read.
    Read {
        /// The path as given.
        path: String,
        /// The underlying error.
        source: std::io::Error,
        /// What to do about it.
        hint: &'static str,
    },
    /// The file holds nothing but whitespace and comments.
    Empty {
        /// The path as given.
        path: String,
    },
    /// The file is larger than [`MAX_DOCUMENT_BYTES`].
    TooLarge {
        /// The path as given.
        path: String,
        /// Its size in bytes, or, when it has none (`/dev/zero`, a pipe),
        /// how many were read before giving up.
        size: u64,
        /// False when `size` is only what was read: there was more.
        exact: bool,
    },
    /// The bytes are not UTF-8 text, or not RON, or not a document.
    Syntax(Box<Diagnostic>),
    /// The document parsed but breaks rules serde cannot check.
    Invalid(Vec<Diagnostic>),
}

/// How a [`LoadError`] reads: the one `Display` of every variant.
struct Rendered<'a>(&'a LoadError);

impl std::fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        let mut out = printable::Printable(f);
        match self.0 {
            LoadError::Read { path, source, hint } => {
                write!(
                    out,
                    "error: cannot read `{path}`: {source}\n = hint: {hint}"
                )
            }
            LoadError::Empty { path } if Format::of(path) == Format::Json => write!(
                out,
                "error: `{path}` is empty\n = hint: a JSON document is one object {{ ... }} with the fields in docs/document-format.md; `vision-tui export --format json` writes one"
            ),
            LoadError::Empty { path } => write!(
                out,
                "error: `{path}` is empty\n = hint: a document is one `Document( ... )`; run `vision-tui` with no path to see the built-in example, or read docs/document-format.md"
            ),
            LoadError::TooLarge { path, size, exact } => write!(
                out,
                "error: `{path}` is too large ({}{size} bytes{}; documents may be up to {MAX_DOCUMENT_BYTES} bytes)\n = hint: check that this is the vision document you meant to open",
                if *exact { "" } else { "more than " },
                if *exact { "" } else { " read" },
            ),
            LoadError::Syntax(diagnostic) => {
                out.write_str(&render_all(std::slice::from_ref(diagnostic)))
            }
            LoadError::Invalid(all) => out.write_str(&render_all(all)),
        }
    }
}

impl LoadError {
    /// The diagnostics with positions this error carries (none for I/O errors).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            LoadError::Syntax(d) => std::slice::from_ref(d),
            LoadError::Invalid(all) => all,
            _ => &[],
        }
    }
}

fn render_all(diagnostics: &[Diagnostic]) -> String {
    let file = diagnostics.first().map_or("", |d| d.file.as_str());
    let n = diagnostics.len();
    format!(
        "{}\n\n{n} problem{} in {file}",
        diagnostic::render_many(diagnostics),
        if n == 1 { "" } else { "s" }
    )
}

/// The built-in Vision 2040 document.
///
/// It is read, not checked: it is part of the program, and a test proves it
/// already normalised and valid (`parse` of it gives the same document), so
/// the start-up skips both steps.
///
/// # Panics
/// Never in a released binary: the embedded file is checked by the test suite.
pub fn builtin() -> Document {
    embedded(BUILTIN_NAME, BUILTIN_SOURCE)
}

/// Parses a RON file built into the binary (the document, the language
/// files, the themes) with ron alone: serde_path_to_error's field paths,
/// which make a user's mistake easy to find, cost a string per field at
/// every start, for files no user wrote. The test suite loads every embedded
/// file through [`parse_ron`] as well, so a broken one never ships; should
/// one anyway, this panics naming it.
pub(crate) fn embedded<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> T {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .from_str(text)
        .unwrap_or_else(|err| panic!("the built-in file {name} is invalid: {err}"))
}

/// Reads and parses the document at `path`.
pub fn from_path(path: &Path) -> Result<Document, LoadError> {
    parse(&path.display().to_string(), &read(path)?)
}

/// Reads a file the app loads, up to [`MAX_DOCUMENT_BYTES`], with errors that
/// say what to do.
pub fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    let name = path.display().to_string();
    let read_error = |source: std::io::Error| LoadError::Read {
        hint: match source.kind() {
            std::io::ErrorKind::NotFound => {
                "check the path; run `vision-tui` with no path to open the built-in Vision 2040"
            }
            std::io::ErrorKind::PermissionDenied => "check the file's permissions (`ls -l`)",
            _ => "check that the path names a readable file",
        },
        path: name.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let mut bytes = Vec::new();
    file.take(MAX_DOCUMENT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        // A regular file knows its size; /dev/zero and pipes say 0, and all
        // that is known is that they gave more than the limit.
        let read = MAX_DOCUMENT_BYTES;
        let size = std::fs::metadata(path)
            .ok()
            .filter(|m| m.is_file() && m.len() > read)
            .map(|m| m.len());
        return Err(LoadError::TooLarge {
            path: name,
            size: size.unwrap_or(read),
            exact: size.is_some(),
        });
    }
    Ok(bytes)
}

/// How a document is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// RON, the format documents are written in by hand.
    Ron,
    /// JSON, for documents other programs generate (and `export --format json`).
    Json,
}

impl Format {
    /// The format a file's name says: `.json` (in any case) is JSON,
    /// anything else RON.
    pub fn of(name: &str) -> Format {
        let json = Path::new(name)
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("json"));
        if json { Format::Json } else { Format::Ron }
    }
}

/// Parses, normalises and validates a document; `name` is used in messages,
/// and its extension chooses the format ([`Format::of`]).
pub fn parse(name: &str, bytes: &[u8]) -> Result<Document, LoadError> {
    let text = source_text(name, bytes)?;
    let mut document: Document = match Format::of(name) {
        Format::Ron => syntax::deserialize(name, text, true)?,
        Format::Json => json::deserialize(name, text)?,
    };
    // Normalise before checking, so the checks see the text the screen will
    // show: a title of only spaces or control characters is empty, an NFD id
    // is the same id as its NFC spelling, and no message quotes an escape.
    document.map_text(&mut normalize::clean);
    // The source is tokenized once, and only when a problem needs a position.
    let mut locator = None;
    let problems = validate::validate(&document, &mut |path| {
        let locator = locator.get_or_insert_with(|| locate::Locator::new(text));
        locator.locate(path).map(|pos| pos.line)
    });
    if !problems.is_empty() {
        let mut locator = locator.unwrap_or_else(|| locate::Locator::new(text));
        let lines: Vec<&str> = text.lines().collect();
        let diagnostics = problems
            .into_iter()
            .map(|p| {
                let pos = locator.locate(&p.path).unwrap_or(locate::Position {
                    line: 1,
                    column: 1,
                    len: 1,
                });
                // As `Diagnostic::at(name, text, ..)`, without walking the text to the line.
                let mut diagnostic = Diagnostic::at(name, "", pos.line, pos.column, p.message);
                diagnostic.source_line = lines
                    .get(pos.line.saturating_sub(1))
                    .copied()
                    .unwrap_or("")
                    .to_string();
                diagnostic
                    .with_len(pos.len)
                    .with_path(locate::display_path(&p.path))
                    .with_hint(p.hint)
            })
            .collect();
        return Err(LoadError::Invalid(diagnostics));
    }
    Ok(document)
}

/// Parses any RON file the app reads (documents, themes, the config) with
/// the same care: UTF-8 and BOM handling, and errors with file:line:col, the
/// line, a caret and a hint.
pub fn parse_ron<T: serde::de::DeserializeOwned>(name: &str, bytes: &[u8]) -> Result<T, LoadError> {
    syntax::deserialize(name, source_text(name, bytes)?, false)
}

/// serde_path_to_error's path without what it could not name: `.` for the
/// top level, `?` for a field whose name was not read yet.
fn clean_path(path: &str) -> String {
    path.split('.')
        .filter(|part| !part.is_empty() && *part != "?")
        .collect::<Vec<_>>()
        .join(".")
}

/// The text of a file: UTF-8, without a byte-order mark, not blank.
fn source_text<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|err| not_utf8(name, bytes, err))?;
    // Editors on Windows save a byte-order mark that ron rejects as "Expected opening `(`".
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if locate::is_blank(text) {
        return Err(LoadError::Empty {
            path: name.to_string(),
        });
    }
    Ok(text)
}

fn not_utf8(name: &str, bytes: &[u8], err: std::str::Utf8Error) -> LoadError {
    let valid = &bytes[..err.valid_up_to()];
    let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
    // The prefix of the line up to the bad byte is valid UTF-8 by construction.
    let column = String::from_utf8_lossy(&valid[line_start..])
        .chars()
        .count()
        + 1;
    let line_end = bytes[line_start..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| line_start + i);
    let source_line = String::from_utf8_lossy(&bytes[line_start..line_end]).into_owned();
    let bad = bytes[err.valid_up_to()];
    let diagnostic = Diagnostic::at(
        name,
        &source_line,
        1,
        column,
        format!(
            "the file is not UTF-8 text (byte 0x{bad:02X} at offset {})",
            err.valid_up_to()
        ),
    )
    .with_hint("save the file as UTF-8; most editors offer it under \"Save with encoding\"");
    LoadError::Syntax(Box::new(Diagnostic { line, ..diagnostic }))
}

/// Turns a serde_path_to_error-style path into segments (used by tests and `check`).
pub fn parse_path(path: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    for part in path.split('.') {
        let (name, rest) = part.split_once('[').unwrap_or((part, ""));
        if !name.is_empty() {
            segments.push(Segment::Field(name.to_string()));
        }
        for index in rest.split('[') {
            if let Ok(i) = index.trim_end_matches(']').parse() {
                segments.push(Segment::Index(i));
            }
        }
    }
    segments
}
