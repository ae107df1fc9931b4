//! Text normalisation: what the screen receives is always safe to draw.
//!
//! Documents come from word processors and web pages: they carry tabs,
//! decomposed letters (NFD `a` + combining ring instead of `å`), stray control
//! characters and bidirectional overrides. Any of these can shift columns or,
//! worse, reach the terminal as an escape sequence. Every text field goes
//! through [`clean`] once, at load time, so the UI never has to care.

use unicode_normalization::UnicodeNormalization;

/// Normalises one text field in place: NFC, whitespace runs (spaces, tabs,
/// line breaks) folded to one space and trimmed, control and bidi-override
/// characters removed. Non-breaking spaces are kept: they mean "do not break
/// the line here" and the wrapper honours them.
pub fn clean(text: &mut String) {
    if text.is_ascii()
        && !text.bytes().any(|b| b.is_ascii_control())
        && !text.contains("  ")
        && text.trim() == text
    {
        return; // the common case needs no allocation
    }
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.nfc() {
        if is_folded_whitespace(ch) {
            pending_space = !out.is_empty();
        } else if is_removed(ch) {
            continue;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(ch);
        }
    }
    *text = out;
}

/// Whitespace that is layout in the source file, not meaning: folded to one space.
/// U+00A0 and the other fixed-width spaces are deliberately not in this set.
fn is_folded_whitespace(ch: char) -> bool {
    matches!(
        ch,
        ' ' | '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Characters that must never reach a terminal cell: C0/C1 controls (ESC
/// starts escape sequences) and bidirectional controls, which reorder what is
/// drawn (the "Trojan Source" trick).
pub(crate) fn is_removed(ch: char) -> bool {
    ch.is_control()
        || matches!(ch, '\u{200E}' | '\u{200F}' | '\u{061C}')
        || ('\u{202A}'..='\u{202E}').contains(&ch)
        || ('\u{2066}'..='\u{2069}').contains(&ch)
        || ch == '\u{FEFF}'
}

#[cfg(test)]
mod tests {
    use super::clean;

    fn cleaned(s: &str) -> String {
        let mut s = s.to_string();
        clean(&mut s);
        s
    }

    #[test]
    fn composes_decomposed_letters() {
        assert_eq!(cleaned("Alinga\u{30A}s"), "Alingås"); // a + combining ring -> å
        assert_eq!(cleaned("Omsta\u{308}llning"), "Omställning");
    }

    #[test]
    fn folds_tabs_newlines_and_runs_of_spaces() {
        assert_eq!(cleaned("  a\tb\n    c  \r\n"), "a b c");
    }

    #[test]
    fn keeps_non_breaking_spaces() {
        assert_eq!(cleaned("1.\u{A0}Alingsås"), "1.\u{A0}Alingsås");
    }

    #[test]
    fn removes_escape_sequences_and_bidi_controls() {
        assert_eq!(cleaned("a\u{1b}[2Jb\u{7}c\u{9b}d"), "a[2Jbcd");
        assert_eq!(cleaned("abc\u{202E}fed\u{2066}"), "abcfed");
        assert!(cleaned("x\u{0}y\u{7f}z").chars().all(|c| !c.is_control()));
    }

    #[test]
    fn plain_ascii_is_left_alone() {
        assert_eq!(cleaned("Vision 2040"), "Vision 2040");
    }
}
