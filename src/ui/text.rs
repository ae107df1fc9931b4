//! Word wrapping shared by every pane, and by `update` when it measures.
//!
//! textwrap breaks only at ASCII spaces (its default without the
//! unicode-linebreak feature), so the non-breaking spaces of a source text
//! keep "1.\u{a0}Alingsås" together, and widths come from unicode-width, so
//! å ä ö count as one column and CJK as two.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wraps `text` into lines at most `width` columns wide; words longer than a
/// line are broken (the only case where a word is cut).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_indented(text, width, "", "")
}

/// Like [`wrap`], with different indents for the first and later lines.
pub fn wrap_indented(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let width = width.max(1);
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        // textwrap splits at hyphens by default: "2021-01-" / "11". Dates,
        // ids and compound words stay whole; only over-long words break.
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|line| fit(&line, width).into_owned())
        .collect()
}

/// Cuts `text` to at most `width` columns, ending in `…` when cut.
pub fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// Guarantees the width bound even where textwrap cannot (an indent wider
/// than the line, a double-width character in a one-column pane).
fn fit(line: &str, width: usize) -> Cow<'_, str> {
    if line.width() <= width {
        return Cow::Borrowed(line);
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in line.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_never_mid_word() {
        let lines = wrap("Alingsås är Västsveriges vackraste kulturstad", 20);
        assert_eq!(
            lines,
            ["Alingsås är", "Västsveriges", "vackraste kulturstad"]
        );
    }

    #[test]
    fn keeps_non_breaking_spaces_together() {
        let lines = wrap("ab 1.\u{a0}Alingsås x", 12);
        assert_eq!(lines, ["ab", "1.\u{a0}Alingsås", "x"]);
    }

    #[test]
    fn no_line_is_wider_than_the_width() {
        for width in 1..12 {
            for line in wrap_indented("漢字漢字 Omställningsarbete å", width, "  - ", "    ")
            {
                assert!(line.width() <= width, "{line:?} at {width}");
            }
        }
    }

    #[test]
    fn never_splits_at_hyphens() {
        assert_eq!(
            wrap("Texten uppdaterad 2021-01-11", 26),
            ["Texten uppdaterad", "2021-01-11"]
        );
    }

    #[test]
    fn truncates_with_ellipsis() {
        assert_eq!(truncate("Omställning", 6), "Omstä…");
        assert_eq!(truncate("Omställning", 11), "Omställning");
        assert_eq!(truncate("abc", 0), "");
    }
}
