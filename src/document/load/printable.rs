//! Text from a user's file made safe to print on a terminal.
//!
//! Error messages quote what the user wrote: a file name, a field name, an
//! id, a colour, the line itself. A file from the internet can hold an
//! escape sequence in any of these (OSC 52 writes to the clipboard, others
//! retitle the window or hide text), so everything an error prints goes
//! through the [`Printable`] writer, which drops what
//! [`normalize`](super::normalize) removes from document text.

use std::borrow::Cow;
use std::fmt;

use super::normalize::is_removed;

/// A writer that passes text on without the characters that must never
/// reach a terminal: C0 and C1 controls (ESC, BEL, CSI...) and bidirectional
/// controls. Line breaks are kept (messages have several lines), tabs
/// become spaces.
pub struct Printable<W>(pub W);

impl<W: fmt::Write> fmt::Write for Printable<W> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let mut rest = text;
        while let Some((at, c)) = rest
            .char_indices()
            .find(|&(_, c)| c != '\n' && is_removed(c))
        {
            self.0.write_str(&rest[..at])?;
            if c == '\t' {
                self.0.write_char(' ')?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        self.0.write_str(rest)
    }
}

/// `text` without what [`Printable`] drops (borrowed when nothing is).
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_removed(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let _ = fmt::Write::write_str(&mut Printable(&mut out), text);
    Cow::Owned(out)
}

/// At most `max` characters of a value quoted in a message, with `…` for
/// the rest: a misspelt id pasted from a 15 MB line must not fill the screen.
pub fn shorten(value: &str, max: usize) -> Cow<'_, str> {
    match value.char_indices().nth(max) {
        None => Cow::Borrowed(value),
        Some((at, _)) => Cow::Owned(format!("{}…", &value[..at])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_escapes_bells_c1_and_bidi_controls_but_keeps_line_breaks() {
        let text = "a\u{1b}]52;c;aGk=\u{7}b\u{9b}2Jc\u{202e}d\u{2066}e\tf\ng\r";
        assert_eq!(printable(text), "a]52;c;aGk=b2Jcde f\ng");
        assert!(matches!(printable("plain å 漢"), Cow::Borrowed(_)));
    }

    #[test]
    fn shortens_long_values_on_a_character_boundary() {
        assert_eq!(shorten("åäö", 3), "åäö");
        assert_eq!(shorten("åäöx", 3), "åäö…");
        assert_eq!(shorten(&"漢".repeat(100), 2), "漢漢…");
    }
}
