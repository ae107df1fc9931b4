//! RON through serde, and what its errors mean to the person who wrote the file.
//!
//! ron says where it noticed a problem and what token it expected; that is
//! often not where the mistake is, nor in words an author uses. A field
//! that is unknown or missing is said in the document's terms ("goal 2
//! (line 14) has no `text`", "did you mean `name`?"); a syntax error is
//! traced back to its cause by [`cause`](super::cause) (an unclosed quote
//! or bracket, a missing comma, JSON habits, curly quotes).

use ron::error::{Position, SpannedError};
use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::cause::{self, Context, Expected, Explained};
use super::explain;
use super::scan::Pos;
use super::{LoadError, clean_path, parse_path};

/// Deserializes RON, with a positioned, explained diagnostic on failure;
/// `document` says the file is a vision document (whose fields are known).
pub(super) fn deserialize<T: DeserializeOwned>(
    name: &str,
    text: &str,
    document: bool,
) -> Result<T, LoadError> {
    // Authors write `by: "kommunfullmäktige"`, not `by: Some("kommunfullmäktige")`,
    // without having to know about ron's `#![enable(implicit_some)]` header.
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let mut de = ron::Deserializer::from_str_with_options(text, &options)
        .map_err(|err| syntax(name, text, err, "", document))?;
    let result: Result<T, _> = serde_path_to_error::deserialize(&mut de);
    match result {
        Ok(value) => {
            de.end()
                .map_err(|code| syntax(name, text, de.span_error(code), "", document))?;
            Ok(value)
        }
        Err(err) => {
            let path = err.path().to_string();
            let spanned = de.span_error(err.into_inner());
            Err(syntax(name, text, spanned, &path, document))
        }
    }
}

fn syntax(name: &str, text: &str, err: SpannedError, path: &str, document: bool) -> LoadError {
    let start = skip_whitespace(text, err.span.start);
    let end = err.span.end;
    let len = if end.line == start.line {
        end.col.saturating_sub(start.col)
    } else {
        1
    };
    let path = clean_path(path);
    let at = Pos {
        line: start.line,
        column: start.col,
    };
    let explained = explain(text, at, &err.code, &path, document).unwrap_or_else(|| Explained {
        at,
        len,
        message: lower_first(&err.code.to_string()),
        hint: hint_for(&err.code),
    });
    explained.into_error(name, text, path)
}

/// The error in the author's words, when there is more to say than ron does.
fn explain(
    text: &str,
    at: Pos,
    code: &ron::Error,
    path: &str,
    document: bool,
) -> Option<Explained> {
    use ron::Error as E;
    let segments = parse_path(path);
    let context = Context {
        record: '(',
        path: &segments,
        document,
    };
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            // The path ends in the unknown field itself.
            let record = &segments[..segments.len().saturating_sub(1)];
            let around = Context {
                path: record,
                ..context
            };
            if let Some(explained) = cause::field_of_the_record_around(text, at, found, around) {
                return Some(explained);
            }
            let kind = explain::record_kind(record, outer.as_deref());
            let (message, hint) = explain::unknown_field(found, expected, &kind);
            Some(Explained {
                at,
                len: found.chars().count(),
                message,
                hint,
            })
        }
        E::MissingStructField { field, outer } => {
            let message = explain::missing_field(&parse_path(path), text, at, field);
            let hint = match outer {
                Some(outer) => format!("add `{field}: ...` inside this `{outer}( ... )`"),
                None => format!("add `{field}: ...` here"),
            };
            Some(Explained {
                at,
                len: 1,
                message,
                hint,
            })
        }
        E::ExpectedComma => cause::find(text, at, Expected::Comma, context),
        E::ExpectedStringEnd => cause::find(text, at, Expected::StringEnd, context),
        E::Eof => cause::find(text, at, Expected::More, context),
        E::ExpectedIdentifier => cause::find(text, at, Expected::FieldName, context),
        E::ExpectedStructLike
        | E::ExpectedNamedStructLike(_)
        | E::ExpectedDifferentStructName { .. } => cause::find(text, at, Expected::Record, context),
        E::ExpectedArray => cause::find(text, at, Expected::List, context),
        E::ExpectedMapColon => cause::find(text, at, Expected::Colon, context),
        E::ExpectedString => cause::find(text, at, Expected::Text, context),
        // A value the file's own checks refused (a colour, a key), or of the
        // wrong kind: the syntax around it is fine, ron's words say it.
        E::Message(_)
        | E::InvalidValueForType { .. }
        | E::DuplicateStructField { .. }
        | E::IntegerOutOfBounds
        | E::InvalidIntegerDigit { .. }
        | E::NoSuchEnumVariant { .. }
        | E::InvalidEscape(_)
        | E::ExpectedDifferentLength { .. } => None,
        _ => cause::find(text, at, Expected::Other, context),
    }
}

/// ron starts some spans at the whitespace before the offending token (`title: 2030`
/// would be marked at the space, trailing characters at the end of the line before
/// them): moves `at` to the next non-whitespace character, if there is one.
fn skip_whitespace(text: &str, at: Position) -> Position {
    let mut skip = at.col.saturating_sub(1);
    for (line, content) in text.lines().enumerate().skip(at.line.saturating_sub(1)) {
        if let Some(i) = content.chars().skip(skip).position(|c| !c.is_whitespace()) {
            return Position {
                line: line + 1,
                col: skip + i + 1,
            };
        }
        skip = 0;
    }
    at
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) if chars.clone().next().is_some_and(|c| c.is_lowercase()) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => s.to_string(),
    }
}

fn hint_for(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::DuplicateStructField { field, .. } => format!("remove one of the two `{field}` fields"),
        E::ExpectedString | E::ExpectedStringEnd => {
            "text goes between double quotes: \"...\"".into()
        }
        E::ExpectedInteger | E::IntegerOutOfBounds | E::InvalidIntegerDigit { .. } => {
            "this field takes a whole number, e.g. 2021".into()
        }
        E::InvalidValueForType { expected, .. } => format!("write {expected} here"),
        E::ExpectedArray | E::ExpectedArrayEnd => {
            "a list goes between square brackets: [ ..., ... ]".into()
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) | E::ExpectedStructLikeEnd => {
            "a record goes between round brackets: ( field: value, ... )".into()
        }
        E::ExpectedDifferentStructName { expected, .. } => {
            format!("name it `{expected}`, or leave the name out")
        }
        E::ExpectedComma => "separate items with a comma".into(),
        E::Eof => "the file ends too early: a bracket or a quote is not closed".into(),
        E::TrailingCharacters => {
            "a document is one `Document( ... )`: remove what follows its closing bracket".into()
        }
        E::ExceededRecursionLimit => {
            "the brackets nest far deeper than any document needs; check for unbalanced brackets"
                .into()
        }
        E::UnclosedBlockComment => "close the comment with */".into(),
        // Our own checks (colours, modifiers) say in the message what to write.
        E::Message(_) => "change the value marked above".into(),
        E::InvalidEscape(_) => "inside text, write a backslash as \\\\ and a quote as \\\"".into(),
        _ => "check for a missing comma, bracket or quote at or just before this spot".into(),
    }
}
