//! The rules, in the order they are tried: quotes first (a string never
//! closed explains everything after it), then slips of a single character,
//! then brackets, then commas.

use super::said::*;
use super::{Context, Expected, Explained};
use crate::document::load::explain;
use crate::document::load::locate::Segment;
use crate::document::load::scan::{self, Pos, Scan};

/// The rest of `at`'s line.
fn line_after(text: &str, at: Pos) -> String {
    let line = text.lines().nth(at.line.saturating_sub(1)).unwrap_or("");
    line.chars()
        .skip(at.column.saturating_sub(1))
        .take(1024)
        .collect()
}

/// Where the parser stopped, and what the source holds up to there.
pub(super) struct Site<'a> {
    pub text: &'a str,
    pub at: Pos,
    pub expected: Expected,
    pub context: Context<'a>,
    pub scan: Scan,
    pub next: Next,
}

impl Site<'_> {
    /// A string never closed, curly or single quotes.
    pub fn quotes(&self) -> Option<Explained> {
        let (text, at, next, scan) = (self.text, self.at, &self.next, &self.scan);
        // The file ended inside a string.
        if matches!(self.expected, Expected::StringEnd | Expected::More) {
            if let Some(open) = scan.open_string {
                return Some(unclosed_string(text, open, None));
            }
            if next.first == Some('"') {
                return Some(unclosed_string(text, at, None));
            }
        }
        // A string ran over line breaks to the opening quote of the next one,
        // and the parser stopped at that string's text, glued to the quote.
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
        None
    }

    /// One character out of place: `,,`, `::`, `=`, a `:` or an opening
    /// quote missing, `"field":` in RON.
    pub fn slips(&self) -> Option<Explained> {
        let (at, next) = (self.at, &self.next);
        if let Some(twice @ (',' | ':')) = next.first.filter(|&c| self.scan.last_char == Some(c)) {
            let which = if twice == ',' { "comma" } else { "colon" };
            return Some(Explained {
                at,
                len: 1,
                message: format!("one {which} too many"),
                hint: format!("remove this `{twice}`"),
            });
        }
        if next.first == Some('=') {
            return Some(equals_sign(self.text, at));
        }
        if self.expected == Expected::Colon
            && let Some(after) = self.scan.after_last_token
        {
            return Some(Explained {
                at: after,
                len: 1,
                message: "a `:` is missing after the field's name".into(),
                hint: format!(
                    "put a `:` between the name and its value, before `{}`",
                    next.shown
                ),
            });
        }
        // `title: Vision 2030",`: text whose opening quote is missing.
        if self.expected == Expected::Text
            && !next.quoted
            && next.first.is_some_and(char::is_alphabetic)
            && line_after(self.text, at).contains('"')
        {
            return Some(Explained {
                at,
                len: 1,
                message: format!("an opening `\"` is missing before `{}`", next.shown),
                hint: "text goes between double quotes: \"...\"".into(),
            });
        }
        if self.context.record == '('
            && next.quoted
            && next.field_name
            && matches!(self.scan.open.last(), Some(('(', _)))
        {
            return Some(quoted_field_name(at, next));
        }
        None
    }

    /// The brackets open where the parser stopped.
    fn open_now(&self) -> Vec<char> {
        self.scan.open.iter().map(|&(c, _)| c).collect()
    }

    /// "after its last item, before `goals` on line 11"
    fn before_next(&self) -> String {
        format!(
            "after its last item, before `{}` on line {}",
            self.next.shown, self.at.line
        )
    }

    /// A closing bracket that does not close the innermost open one: either
    /// it is one too many, or the innermost one was not closed before it.
    /// Whichever leaves the rest of the file balanced is what happened.
    pub fn wrong_closing_bracket(&self) -> Option<Explained> {
        let (at, scan) = (self.at, &self.scan);
        let close = self.next.first.filter(|c| matches!(c, ')' | ']' | '}'))?;
        let &(open, open_at) = scan.open.last()?;
        if scan::closing(open) == close {
            return None;
        }
        let after = Pos {
            column: at.column + 1,
            ..at
        };
        if scan::balances(self.text, after, &self.open_now()) {
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
        Some(never_closed(open, open_at, hint))
    }

    /// A bracket never closed, or one never opened, told from what came
    /// where the parser stopped.
    pub fn brackets(&self) -> Option<Explained> {
        use Expected as E;
        let (text, at, next, context) = (self.text, self.at, &self.next, &self.context);
        if let Some(((open, open_at), (close, close_at))) = self.scan.mismatch {
            let hint = format!(
                "the `{close}` at {}:{} does not close it: close it with `{}`",
                close_at.line,
                close_at.column,
                scan::closing(open)
            );
            return Some(never_closed(open, open_at, hint));
        }
        match (self.scan.open.last().copied(), self.expected) {
            (Some((open, open_at)), E::More) => {
                let hint = format!(
                    "the file ends before it is closed: add `{}` after its last item",
                    scan::closing(open)
                );
                Some(never_closed(open, open_at, hint))
            }
            // Fields were expected, and another record or list began: the
            // record before it was not closed.
            (Some((open, open_at)), E::FieldName | E::Comma)
                if open == context.record && next.opens_a_value() =>
            {
                let hint = format!(
                    "close it with `{}` {}",
                    scan::closing(open),
                    self.before_next()
                );
                Some(never_closed(open, open_at, hint))
            }
            // A field's name where a list's item was due: either the list was
            // not closed, or the item's opening bracket is missing. Whichever
            // leaves the rest of the file balanced is what happened.
            (Some(('[', open_at)), _)
                if next.field_name && next.quoted == (context.record == '{') =>
            {
                let open_now = self.open_now();
                let mut with_record = open_now.clone();
                with_record.push(context.record);
                if !scan::balances(text, at, &open_now[..open_now.len() - 1])
                    && scan::balances(text, at, &with_record)
                {
                    return Some(missing_opening(
                        context.record,
                        at,
                        next,
                        "each item of the list",
                    ));
                }
                let hint = format!("close it with `]` {}", self.before_next());
                Some(never_closed('[', open_at, hint))
            }
            // A field's name where a record was due: its `(` is missing.
            (_, E::Record) if next.field_name => {
                let at = after_a_colon(&self.scan).unwrap_or(at);
                let what = match context.path.last() {
                    Some(Segment::Field(field)) => format!("`{field}`"),
                    _ => explain::record_kind(context.path, None),
                };
                Some(missing_opening(context.record, at, next, &what))
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
                    self.before_next(),
                    next.shown.trim_matches('"'),
                    explain::record_kind(explain::enclosing(context.path), None),
                    explain::record_kind(context.path, None),
                );
                Some(never_closed(open, open_at, hint))
            }
            // A list without its `[`.
            (_, E::List) if next.first != Some('[') => {
                let Some(Segment::Field(field)) = context.path.last() else {
                    return None;
                };
                Some(Explained {
                    at: after_a_colon(&self.scan).unwrap_or(at),
                    len: 1,
                    message: format!("a `[` is missing: `{field}` is a list"),
                    hint: format!("its items go between square brackets: {field}: [ ..., ... ]"),
                })
            }
            _ => None,
        }
    }

    /// A comma missing between two items (or a number with more after it).
    pub fn commas(&self) -> Option<Explained> {
        if self.expected != Expected::Comma {
            return None;
        }
        let after = self.scan.after_last_token?;
        // `1.5` or `2030x`: the parser read a number and stopped at the rest.
        if after == self.at && self.scan.last_char.is_some_and(|c| c.is_ascii_digit()) {
            return Some(not_a_number(self.text, self.at));
        }
        Some(missing_comma(after, &self.next, self.at))
    }
}
