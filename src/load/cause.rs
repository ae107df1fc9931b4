//! The cause of a syntax error, found by reading the source up to where the
//! parser stopped ([`scan`]) and looking at what stands there.
//!
//! Each cause is pinned by a fixture in `tests/fixtures/bad/`: a string
//! never closed, a bracket never closed, a missing comma, `"field":` and
//! `field =` from JSON and other habits, and curly quotes from a word
//! processor. RON and JSON errors both come here: their parsers differ, the
//! mistakes do not.

use super::explain;
use super::locate::Segment;
use super::printable::shorten;
use super::scan::{self, Pos};

/// A problem as the author should read it: where, what, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Explained {
    pub at: Pos,
    pub len: usize,
    pub message: String,
    pub hint: String,
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

/// Quotes a word processor puts where a straight `"` was typed.
const CURLY_QUOTES: &[char] = &['“', '”', '„', '‟', '«', '»', '‘', '’', '‚', '‛', '″'];

/// The cause of the error the parser reports at `at`, if it is one of those known.
pub(super) fn find(text: &str, at: Pos, expected: Expected, context: Context) -> Option<Explained> {
    use Expected as E;
    let scan = scan::scan(text, at);
    let next = Next::at(text, at);

    // The file ended inside a string.
    if matches!(expected, E::StringEnd | E::More) {
        if let Some(open) = scan.open_string {
            return Some(unclosed_string(text, open, None));
        }
        if next.first == Some('"') {
            return Some(unclosed_string(text, at, None));
        }
    }
    // A string ran over line breaks to the opening quote of the next one,
    // and ron stopped at that string's text, glued to the quote.
    if let Some((open, close)) = scan.last_string
        && open.line < close.line
        && close.line == at.line
        && at.column == close.column + 1
        && next
            .first
            .is_some_and(|c| !matches!(c, ',' | ')' | ']' | '}'))
    {
        return Some(unclosed_string(text, open, Some(close)));
    }
    if let Some(quote) = next.first.filter(|c| CURLY_QUOTES.contains(c)) {
        return Some(curly_quote(at, quote));
    }
    if next.first == Some('\'') {
        return Some(Explained {
            at,
            len: 1,
            message: "text goes between double quotes `\"`, not single quotes `'`".into(),
            hint: "write \"...\"".into(),
        });
    }
    if next.first == Some(',') && scan.last_char == Some(',') {
        return Some(Explained {
            at,
            len: 1,
            message: "one comma too many".into(),
            hint: "remove this `,`".into(),
        });
    }
    if next.first == Some('=') {
        return Some(equals_sign(text, at));
    }
    let innermost = scan.open.last().copied();
    if context.record == '('
        && next.quoted
        && next.field_name
        && matches!(innermost, Some(('(', _)))
    {
        return Some(quoted_field_name(at, &next));
    }
    // A closing bracket that does not close the innermost open one: either
    // it is one too many, or the innermost one was not closed before it.
    // Whichever leaves the rest of the file balanced is what happened.
    if let (Some(close @ (')' | ']' | '}')), Some(&(open, open_at))) =
        (next.first, scan.open.last())
        && scan::closing(open) != close
    {
        let open_now: Vec<char> = scan.open.iter().map(|&(c, _)| c).collect();
        let after = Pos {
            column: at.column + 1,
            ..at
        };
        if scan::balances(text, after, &open_now) {
            return Some(Explained {
                at,
                len: 1,
                message: format!(
                    "this `{close}` closes nothing: the `{open}` at {}:{} is still open",
                    open_at.line, open_at.column
                ),
                hint: format!("remove this `{close}`"),
            });
        }
        let hint = format!(
            "close it with `{}` before the `{close}` on line {}",
            scan::closing(open),
            at.line
        );
        return Some(never_closed(open, open_at, hint));
    }
    if let Some(((open, open_at), (close, close_at))) = scan.mismatch {
        let hint = format!(
            "the `{close}` at {}:{} does not close it: close it with `{}`",
            close_at.line,
            close_at.column,
            scan::closing(open)
        );
        return Some(never_closed(open, open_at, hint));
    }
    let before_next = || {
        format!(
            "after its last item, before `{}` on line {}",
            next.shown, at.line
        )
    };
    match (innermost, expected) {
        (Some((open, open_at)), E::More) => {
            let hint = format!(
                "the file ends before it is closed: add `{}` after its last item",
                scan::closing(open)
            );
            return Some(never_closed(open, open_at, hint));
        }
        // Fields were expected, and another record or list began: the
        // record before it was not closed.
        (Some((open, open_at)), E::FieldName | E::Comma)
            if open == context.record && next.opens_a_value() =>
        {
            let hint = format!("close it with `{}` {}", scan::closing(open), before_next());
            return Some(never_closed(open, open_at, hint));
        }
        // Items of a list were expected, and a field of the record around it came.
        (Some(('[', open_at)), _) if next.field_name && next.quoted == (context.record == '{') => {
            let hint = format!("close it with `]` {}", before_next());
            return Some(never_closed('[', open_at, hint));
        }
        // A field of the record around this one: this one was not closed.
        (Some((open, open_at)), E::Comma)
            if open == context.record
                && next.field_name
                && context.belongs_outside(next.shown.trim_matches('"')) =>
        {
            let hint = format!(
                "close it with `{}` {}: `{}` is a field of {}, not of {}",
                scan::closing(open),
                before_next(),
                next.shown.trim_matches('"'),
                explain::record_kind(explain::enclosing(context.path), None),
                explain::record_kind(context.path, None),
            );
            return Some(never_closed(open, open_at, hint));
        }
        _ => {}
    }
    if expected == E::Comma
        && let Some(after) = scan.after_last_token
    {
        // `1.5` or `2030x`: the parser read a number and stopped at the rest.
        if after == at && scan.last_char.is_some_and(|c| c.is_ascii_digit()) {
            return Some(not_a_number(text, at));
        }
        return Some(missing_comma(after, &next, at));
    }
    None
}

fn not_a_number(text: &str, at: Pos) -> Explained {
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
struct Next {
    /// Its first character; `None` at the end of the file.
    first: Option<char>,
    /// How it is written, for messages (a word, a quoted string, a character).
    shown: String,
    /// Its length in characters.
    len: usize,
    /// A quoted string, not a bare word.
    quoted: bool,
    /// A word or string followed by `:`: the name of a field.
    field_name: bool,
    /// Followed by `(`: the name of a record, `Goal(`.
    named_record: bool,
}

impl Next {
    fn at(text: &str, at: Pos) -> Self {
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
    fn opens_a_value(&self) -> bool {
        matches!(self.first, Some('(' | '[' | '{')) || self.named_record
    }
}

fn unclosed_string(text: &str, open: Pos, ran_to: Option<Pos>) -> Explained {
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

fn curly_quote(at: Pos, quote: char) -> Explained {
    Explained {
        at,
        len: 1,
        message: format!("`{quote}` is a curly quote: text goes between straight double quotes"),
        hint: "write \"...\" with the \" key; word processors turn \" into “ and ”, so retype the quotes in a plain-text editor".into(),
    }
}

fn equals_sign(text: &str, at: Pos) -> Explained {
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

fn quoted_field_name(at: Pos, next: &Next) -> Explained {
    let name = next.shown.trim_matches('"');
    Explained {
        at,
        len: next.len,
        message: format!("field names take no quotes: write `{name}:`, not `\"{name}\":`"),
        hint: "in RON only text goes between quotes; a file named *.json is read as JSON instead"
            .into(),
    }
}

fn never_closed(open: char, at: Pos, hint: String) -> Explained {
    Explained {
        at,
        len: 1,
        message: format!("the `{open}` at {}:{} is never closed", at.line, at.column),
        hint,
    }
}

fn missing_comma(after: Pos, next: &Next, at: Pos) -> Explained {
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
