//! JSON documents: the same [`Document`](crate::document::model::Document) as RON,
//! field for field, so other systems can generate documents and
//! `export --format json` reads back in.
//!
//! serde_json reports a line and a column in bytes; the diagnostic counts
//! columns in characters, as for RON.

use serde::de::DeserializeOwned;

use super::cause::{self, Context, Expected, Explained};
use super::scan::{self, Pos};
use super::{LoadError, explain, parse_path};

/// Deserializes `text` as JSON, with a positioned diagnostic on failure.
pub(super) fn deserialize<T: DeserializeOwned>(name: &str, text: &str) -> Result<T, LoadError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = super::clean_path(&err.path().to_string());
        error(name, text, err.inner(), path)
    })?;
    de.end()
        .map_err(|err| error(name, text, &err, String::new()))?;
    Ok(value)
}

fn error(name: &str, text: &str, err: &serde_json::Error, path: String) -> LoadError {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = plain_words(full.strip_suffix(&suffix).unwrap_or(&full));
    let (line, column, len) = position(text, err, &message, &path);
    let at = Pos { line, column };
    let explained =
        explain(text, at, len, &message, err.classify(), &path).unwrap_or_else(|| Explained {
            at,
            len,
            hint: hint(&message, err.classify()),
            message,
        });
    explained.into_error(name, text, path)
}

/// The error in the author's words, as for RON (see [`super::syntax`]).
fn explain(
    text: &str,
    at: Pos,
    len: usize,
    message: &str,
    category: serde_json::error::Category,
    path: &str,
) -> Option<Explained> {
    use serde_json::error::Category;
    let segments = parse_path(path);
    if let Some(rest) = message.strip_prefix("unknown field `") {
        // "unknown field `nmae`, expected one of `id`, `name`, ..."
        let (found, rest) = rest.split_once('`')?;
        let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
        let record = &segments[..segments.len().saturating_sub(1)];
        let kind = explain::record_kind(record, None);
        let (message, hint) = explain::unknown_field(found, &expected, &kind);
        return Some(Explained {
            at,
            len,
            message,
            hint,
        });
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next()?;
        return Some(Explained {
            at,
            len,
            message: explain::missing_field(&segments, text, at, field),
            hint: format!("add `\"{field}\": ...` to this object"),
        });
    }
    // JSON text cannot hold a line break: a string not closed on its line
    // is reported at the start of the next one.
    if message.starts_with("control character") && at.column == 1 {
        let open = scan::scan(text, at).open_string?;
        return Some(Explained {
            at: open,
            len: 1,
            message: format!(
                "the string starting at {}:{} is never closed",
                open.line, open.column
            ),
            hint: "put a `\"` where the text ends; in JSON, text ends on its line (a line break inside it is written \\n)".into(),
        });
    }
    if message == "trailing comma" {
        let after = scan::scan(text, at).after_last_token?;
        return Some(Explained {
            at: Pos {
                column: after.column.saturating_sub(1).max(1),
                ..after
            },
            len: 1,
            message: "a comma after the last item".into(),
            hint: "remove this `,`: JSON allows no comma before a closing bracket".into(),
        });
    }
    let expected = match category {
        Category::Eof if message.contains("string") => Expected::StringEnd,
        Category::Eof => Expected::More,
        Category::Syntax if message.starts_with("expected `,` or") => Expected::Comma,
        Category::Syntax if message.starts_with("key must be a string") => Expected::FieldName,
        Category::Syntax => Expected::Other,
        Category::Io | Category::Data => return None,
    };
    let context = Context {
        record: '{',
        path: &segments,
        document: true,
    };
    cause::find(text, at, expected, context)
}

/// serde names what it expected by Rust type (`u32`, `a sequence`, `struct
/// Goal`): says it in the words of the format documentation.
fn plain_words(message: &str) -> String {
    let Some((found, expected)) = message.rsplit_once(", expected ") else {
        return message.to_string();
    };
    if !found.starts_with("invalid type") {
        return message.to_string();
    }
    let expected = match expected {
        "u16" | "u32" | "u64" => "a whole number",
        "a string" => "text in double quotes",
        "a sequence" => "a list [ ... ]",
        other if other.starts_with("struct ") => "an object { ... }",
        other => other,
    };
    format!("{found}, expected {expected}")
}

/// Where to point: serde_json reports the byte just read, which for a value
/// of the wrong type is its end and for an unknown field the key's closing
/// quote; the diagnostic marks the whole value or key instead.
fn position(
    text: &str,
    err: &serde_json::Error,
    message: &str,
    path: &str,
) -> (usize, usize, usize) {
    let line = err.line().max(1);
    let source_line = text.lines().nth(line - 1).unwrap_or("");
    let column = char_column(source_line, err.column());
    if err.classify() != serde_json::error::Category::Data {
        return (line, column, 1);
    }
    if let Some(field) = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split('`').next())
    {
        // The key ends at the column: find its opening quote before it.
        let key = format!("\"{field}\"");
        let before: String = source_line.chars().take(column).collect();
        if let Some(at) = before.rfind(&key) {
            let start = before[..at].chars().count() + 1;
            return (line, start, key.chars().count());
        }
    }
    if message.starts_with("invalid") {
        // The document is valid JSON up to here, so the value can be found.
        if let Some(found) = super::locate::locate(text, &super::parse_path(path)) {
            return (found.line, found.column, found.len);
        }
    }
    (line, column, 1)
}

/// The 1-based column, in characters, of the character that ends at byte
/// `bytes` of `line` (serde_json counts the bytes up to and including it).
fn char_column(line: &str, bytes: usize) -> usize {
    let mut end = bytes.min(line.len());
    while !line.is_char_boundary(end) {
        end += 1;
    }
    line[..end].chars().count().max(1)
}

fn hint(message: &str, category: serde_json::error::Category) -> String {
    use serde_json::error::Category;
    let has = |prefix: &str| message.starts_with(prefix);
    if has("missing field") {
        "add the field to this object".into()
    } else if has("unknown field") {
        "check the spelling, or remove the field; every field is listed in docs/document-format.md"
            .into()
    } else if has("invalid type") && message.ends_with("expected text in double quotes") {
        "text goes between double quotes: \"...\"".into()
    } else if has("invalid type") && message.ends_with("expected a whole number") {
        "this field takes a whole number, e.g. 2021".into()
    } else if has("invalid type") && message.ends_with("expected a list [ ... ]") {
        "a list goes between square brackets: [ ..., ... ]".into()
    } else if has("invalid type") {
        "an object goes between curly brackets: { \"field\": value, ... }".into()
    } else if has("key must be a string") {
        "in JSON, field names go between double quotes: \"title\": ...".into()
    } else if has("trailing characters") {
        "a JSON document is one object { ... }: remove what follows its closing bracket".into()
    } else if has("control character") {
        "inside text, write a line break as \\n and a tab as \\t".into()
    } else if category == Category::Eof {
        "the file ends too early: a bracket or a quote is not closed".into()
    } else {
        "check for a missing comma, bracket or quote at or just before this spot".into()
    }
}

#[cfg(test)]
mod tests {
    use super::char_column;

    #[test]
    fn columns_count_characters() {
        assert_eq!(char_column("  \"å\": x", 7), 6);
        assert_eq!(char_column("“x", 3), 1);
        assert_eq!(
            char_column("“x", 1),
            1,
            "inside a character: that character"
        );
        assert_eq!(char_column("ab", 0), 1);
        assert_eq!(char_column("ab", 9), 2);
    }
}
