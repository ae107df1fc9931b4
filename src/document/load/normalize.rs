//! Text normalisation: what the screen receives is always safe to draw.
//!
//! Documents come from word processors and web pages: they carry tabs,
//! decomposed letters (NFD `a` + combining ring instead of `å`), stray control
//! characters and bidirectional overrides. Any of these can shift columns or,
//! worse, reach the terminal as an escape sequence. Every text field goes
//! through [`clean`] once, at load time, so the UI never has to care.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Normalises one text field in place: NFC, whitespace runs (spaces, tabs,
/// line breaks) folded to one space and trimmed, control and bidi-override
/// characters removed. Non-breaking spaces are kept: they mean "do not break
/// the line here" and the wrapper honours them.
pub fn clean(text: &mut String) {
    if is_clean(text) {
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

/// True when [`clean`] would leave `text` as it is: already NFC (by the
/// quick check, a table lookup per character instead of decomposing and
/// composing), single spaces only between other characters, nothing to remove.
/// Most text (Swedish, CJK, anything typed in an ordinary editor) is.
fn is_clean(text: &str) -> bool {
    if !text.is_ascii() && is_nfc_quick(text.chars()) != IsNormalized::Yes {
        return false;
    }
    // A space is only kept between two other characters, one at a time.
    let mut after_space = true;
    for ch in text.chars() {
        if ch == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if is_folded_whitespace(ch) || is_removed(ch) {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || text.is_empty()
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
    use unicode_normalization::UnicodeNormalization;

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
    fn the_quick_check_agrees_with_the_full_path() {
        for text in [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a",
            "a ",
            "Alingsås är Västsveriges",
            "Alinga\u{30A}s",
            "漢字 文化",
            "ÅÄÖ\u{a0}åäö",
            "a\tb",
            "a\u{2028}b",
            "x\u{1b}[2J",
            "abc\u{202E}fed",
            "é\u{301}",
            "\u{FEFF}bom",
            "한국어 교육",
        ] {
            let mut full = String::new();
            let mut pending_space = false;
            for ch in text.nfc() {
                if super::is_folded_whitespace(ch) {
                    pending_space = !full.is_empty();
                } else if !super::is_removed(ch) {
                    if pending_space {
                        full.push(' ');
                        pending_space = false;
                    }
                    full.push(ch);
                }
            }
            // The quick check may send clean text the long way (a "maybe"),
            // never unclean text the short way.
            if super::is_clean(text) {
                assert_eq!(full, text, "{text:?}");
            }
            assert_eq!(cleaned(text), full, "{text:?}");
        }
        for common in [
            "Alingsås är Västsveriges",
            "漢字 文化",
            "ÅÄÖ\u{a0}åäö",
            "한국어 교육",
        ] {
            assert!(super::is_clean(common), "{common:?} takes the short way");
        }
    }

    #[test]
    fn plain_ascii_is_left_alone() {
        assert_eq!(cleaned("Vision 2040"), "Vision 2040");
    }
}
