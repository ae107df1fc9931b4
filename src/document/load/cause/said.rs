//! How each cause is said: the message, the hint, and where the caret goes.

use super::Explained;
use crate::document::load::printable::shorten;
use crate::document::load::scan::{self, Pos};

/// Quotes a word processor puts where a straight `"` was typed.
pub(super) const CURLY_QUOTES: &[char] = &['“', '”', '„', '‟', '«', '»', '‘', '’', '‚', '‛', '″'];

/// Just after the last token when it is a `:` or a record's name: where a
/// missing opening bracket belongs.
pub(super) fn after_a_colon(scan: &scan::Scan) -> Option<Pos> {
    scan.after_last_token.filter(|_| {
        scan.last_char
            .is_some_and(|c| c == ':' || c.is_alphanumeric())
    })
}

pub(super) fn missing_opening(record: char, at: Pos, next: &Next, what: &str) -> Explained {
    let close = scan::closing(record);
    Explained {
        at,
        len: 1,
        message: format!(
            "a `{record}` is missing before `{}`",
            next.shown.trim_matches('"')
        ),
        hint: format!(
            "{what} is a record: its fields go between `{record}` and `{close}`, {record} field: value, ... {close}"
        ),
    }
}

pub(super) fn not_a_number(text: &str, at: Pos) -> Explained {
    let line: Vec<char> = text
        .lines()
        .nth(at.line.saturating_sub(1))
        .unwrap_or("")
        .chars()
        .collect();
    let is_part = |c: &char| !(c.is_whitespace() || matches!(c, ',' | ':' | '(' | ')' | '[' | ']'));
    let here = at.column.saturating_sub(1).min(line.len());
    let start = here - line[..here].iter().rev().take_while(|c| is_part(c)).count();
    let end = here + line[here..].iter().take_while(|c| is_part(c)).count();
    let word: String = line[start..end].iter().collect();
    Explained {
        at: Pos {
            line: at.line,
            column: start + 1,
        },
        len: end - start,
        message: format!("`{}` is not a whole number", shorten(&word, 40)),
        hint: "this field takes a whole number, e.g. 2021".into(),
    }
}

/// What stands where ron stopped.
#[derive(Debug, Default)]
pub(super) struct Next {
    /// Its first character; `None` at the end of the file.
    pub(super) first: Option<char>,
    /// How it is written, for messages (a word, a quoted string, a character).
    pub(super) shown: String,
    /// Its length in characters.
    pub(super) len: usize,
    /// A quoted string, not a bare word.
    pub(super) quoted: bool,
    /// A word or string followed by `:`: the name of a field.
    pub(super) field_name: bool,
    /// Followed by `(`: the name of a record, `Goal(`.
    pub(super) named_record: bool,
}

impl Next {
    pub(super) fn at(text: &str, at: Pos) -> Self {
        let line = text.lines().nth(at.line.saturating_sub(1)).unwrap_or("");
        // Enough to see a word and what follows it, however long the line.
        let rest: Vec<char> = line
            .chars()
            .skip(at.column.saturating_sub(1))
            .take(256)
            .collect();
        let Some(&first) = rest.first() else {
            return Next::default();
        };
        let len = if first == '"' {
            let mut j = 1;
            while j < rest.len() && rest[j] != '"' {
                j += if rest[j] == '\\' { 2 } else { 1 };
            }
            (j + 1).min(rest.len())
        } else if first.is_alphabetic() || first == '_' {
            rest.iter()
                .take_while(|c| c.is_alphanumeric() || **c == '_')
                .count()
        } else {
            1
        };
        let word: String = rest[..len].iter().collect();
        let after = rest[len..].iter().find(|c| !c.is_whitespace());
        Next {
            first: Some(first),
            shown: shorten(&word, 40).into_owned(),
            len,
            quoted: first == '"',
            field_name: len > 1 && after == Some(&':'),
            named_record: first.is_alphabetic() && after == Some(&'('),
        }
    }

    /// The start of a record or a list, where a field's name was due.
    pub(super) fn opens_a_value(&self) -> bool {
        matches!(self.first, Some('(' | '[' | '{')) || self.named_record
    }
}

pub(super) fn unclosed_string(text: &str, open: Pos, ran_to: Option<Pos>) -> Explained {
    let line = text.lines().nth(open.line.saturating_sub(1)).unwrap_or("");
    let on_its_line: String = line.chars().skip(open.column).collect();
    let hint = match (
        on_its_line.chars().find(|c| CURLY_QUOTES.contains(c)),
        ran_to,
    ) {
        (Some(curly), _) => format!(
            "the `{curly}` on its line is a curly quote, which does not end text: type a straight `\"` there"
        ),
        (None, Some(close)) => format!(
            "it runs on to line {}, where the next `\"` is: put a `\"` where the text ends",
            close.line
        ),
        (None, None) => {
            "it runs to the end of the file: put a `\"` where the text ends".to_string()
        }
    };
    Explained {
        at: open,
        len: 1,
        message: format!(
            "the string starting at {}:{} is never closed",
            open.line, open.column
        ),
        hint,
    }
}

pub(super) fn curly_quote(at: Pos, quote: char) -> Explained {
    Explained {
        at,
        len: 1,
        message: format!("`{quote}` is a curly quote: text goes between straight double quotes"),
        hint: "write \"...\" with the \" key; word processors turn \" into “ and ”, so retype the quotes in a plain-text editor".into(),
    }
}

pub(super) fn equals_sign(text: &str, at: Pos) -> Explained {
    let line = text.lines().nth(at.line.saturating_sub(1)).unwrap_or("");
    let before: String = line.chars().take(at.column.saturating_sub(1)).collect();
    let name: String = before
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let example = if name.is_empty() { "field" } else { &name };
    Explained {
        at,
        len: 1,
        message: "use `:` instead of `=` between a field's name and its value".into(),
        hint: format!("write `{example}: ...`"),
    }
}

pub(super) fn quoted_field_name(at: Pos, next: &Next) -> Explained {
    let name = next.shown.trim_matches('"');
    Explained {
        at,
        len: next.len,
        message: format!("field names take no quotes: write `{name}:`, not `\"{name}\":`"),
        hint: "in RON only text goes between quotes; a file named *.json is read as JSON instead"
            .into(),
    }
}

pub(super) fn never_closed(open: char, at: Pos, hint: String) -> Explained {
    Explained {
        at,
        len: 1,
        message: format!("the `{open}` at {}:{} is never closed", at.line, at.column),
        hint,
    }
}

pub(super) fn missing_comma(after: Pos, next: &Next, at: Pos) -> Explained {
    let before = match next.first {
        Some(_) if at.line == after.line => format!("before `{}`", next.shown),
        Some(_) => format!("before `{}` on line {}", next.shown, at.line),
        None => "before the end of the file".into(),
    };
    Explained {
        at: after,
        len: 1,
        message: "a comma is missing here".into(),
        hint: format!("put a `,` after this item, {before}"),
    }
}
