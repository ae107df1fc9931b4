//! Word wrapping and cutting shared by every pane, the slides and the
//! plain-text export, and by `update` when it measures.
//!
//! Lines break only at ASCII spaces (textwrap's `AsciiSpace` separator), so
//! the non-breaking spaces of a source text keep "1.\u{a0}Alingsås"
//! together. Widths and cuts go by extended grapheme cluster, measured as
//! ratatui draws them: a family emoji joined with ZWJ, a flag, a letter
//! with a combining accent is one unit as wide as unicode-width says the
//! cluster is, and is never split. textwrap alone measures and breaks by
//! `char` (👨‍👩‍👧‍👦 counted 8 columns and broken between its people, a flag
//! broken into two letters: see the tests), so here textwrap finds the
//! words and places them (first fit), and the clusters are measured and
//! broken by this module.

use std::borrow::Cow;

use ratatui::buffer::CellWidth;
use textwrap::core::Fragment;
use unicode_segmentation::UnicodeSegmentation;

/// The widest a line of prose gets in a pane, in columns: past about a
/// hundred, the eye loses its way back to the start of the next line.
pub const READING_WIDTH: usize = 100;

/// The columns `text` takes on screen: the sum of its grapheme clusters'
/// widths, as ratatui draws them (clusters holding a control character are
/// dropped when drawn, so they count nothing).
pub fn width(text: &str) -> usize {
    if is_simple(text) {
        return text.chars().count();
    }
    units(text).map(|(_, w)| w).sum()
}

/// Whether every character of `text` is a grapheme cluster of its own, one
/// column wide: printable ASCII, the Latin letters and the common
/// punctuation, which is most prose. Such text needs no segmentation, and
/// segmenting was most of what a keystroke cost a session.
pub fn is_simple(text: &str) -> bool {
    text.chars().all(is_simple_char)
}

fn is_simple_char(c: char) -> bool {
    // The soft hyphen (U+00AD) is left out: it is a format character.
    matches!(c, ' '..='~' | '\u{a0}'..='\u{ac}' | '\u{ae}'..='\u{2ff}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}')
}

/// The units of `text` that are never split, each with where it starts and
/// the columns it takes: its characters when it [is simple](is_simple), its
/// grapheme clusters otherwise.
fn units(text: &str) -> Units<'_> {
    if is_simple(text) {
        Units::Chars(text.char_indices())
    } else {
        Units::Clusters(text.grapheme_indices(true))
    }
}

enum Units<'a> {
    Chars(std::str::CharIndices<'a>),
    Clusters(unicode_segmentation::GraphemeIndices<'a>),
}

impl Iterator for Units<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        match self {
            Units::Chars(chars) => chars.next().map(|(at, _)| (at, 1)),
            Units::Clusters(clusters) => clusters
                .next()
                .map(|(at, cluster)| (at, cluster_width(cluster))),
        }
    }
}

/// The columns a grapheme cluster takes as ratatui draws it.
fn cluster_width(cluster: &str) -> usize {
    if cluster.contains(char::is_control) {
        0
    } else {
        usize::from(cluster.cell_width())
    }
}

/// Wraps `text` into lines at most `width` columns wide; words longer than a
/// line are broken between grapheme clusters (the only case where a word is cut).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_indented(text, width, "", "")
}

/// A word (or the piece of an over-long word) and the spaces after it.
#[derive(Debug)]
struct Piece<'a> {
    text: &'a str,
    width: usize,
    spaces: &'a str,
}

impl Fragment for Piece<'_> {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.spaces.len() as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Like [`wrap`], with different indents for the first and later lines.
pub fn wrap_indented(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let width = width.max(1);
    let room = [
        width.saturating_sub(self::width(first)),
        width.saturating_sub(self::width(rest)),
    ];
    let mut out: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut pieces = Vec::new();
        if out.is_empty() && !first.is_empty() {
            // As textwrap does: words are broken to fit the later lines, so
            // one that does not fit after the first indent starts on the next.
            pieces.push(Piece {
                text: "",
                width: 0,
                spaces: "",
            });
        }
        for word in textwrap::WordSeparator::AsciiSpace.find_words(line) {
            push_broken(&mut pieces, word.word, word.whitespace, room[1]);
        }
        let widths = if out.is_empty() {
            [room[0] as f64, room[1] as f64]
        } else {
            [room[1] as f64; 2]
        };
        for placed in textwrap::wrap_algorithms::wrap_first_fit(&pieces, &widths) {
            let mut wrapped = String::from(if out.is_empty() { first } else { rest });
            for (i, piece) in placed.iter().enumerate() {
                wrapped.push_str(piece.text);
                if i + 1 < placed.len() {
                    wrapped.push_str(piece.spaces);
                }
            }
            out.push(fit(&wrapped, width).into_owned());
        }
    }
    out
}

/// Adds `word` to `pieces`, in pieces of at most `room` columns (at least
/// one cluster each) when it is wider than that.
fn push_broken<'a>(pieces: &mut Vec<Piece<'a>>, word: &'a str, spaces: &'a str, room: usize) {
    let mut start = 0;
    let mut used = 0;
    for (at, w) in units(word) {
        if used > 0 && used + w > room {
            pieces.push(Piece {
                text: &word[start..at],
                width: used,
                spaces: "",
            });
            start = at;
            used = 0;
        }
        used += w;
    }
    pieces.push(Piece {
        text: &word[start..],
        width: used,
        spaces,
    });
}

/// Cuts `text` to at most `width` columns, ending in `…` when cut.
pub fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    if self::width(text) <= width {
        return Cow::Borrowed(text);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let mut out = fit(text, width - 1).into_owned();
    out.push('…');
    Cow::Owned(out)
}

/// The longest start of `line`, in whole clusters, that fits `width`
/// columns: the width bound even where wrapping cannot keep it (an indent
/// wider than the line, a double-width cluster in a one-column pane).
fn fit(line: &str, width: usize) -> Cow<'_, str> {
    let mut used = 0;
    for (at, w) in units(line) {
        if used + w > width {
            return Cow::Borrowed(&line[..at]);
        }
        used += w;
    }
    Cow::Borrowed(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAMILY: &str = "👨\u{200d}👩\u{200d}👧\u{200d}👦";
    const FLAG: &str = "🇸🇪";

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
                assert!(super::width(&line) <= width, "{line:?} at {width}");
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
    fn simple_characters_are_one_column_clusters_of_their_own() {
        // The fast path is exact only if this holds. Clusters of characters
        // that are neither Extend, ZWJ, SpacingMark, Prepend, regional
        // indicators, Hangul jamo, CR nor LF end before the next one, so
        // checking every pair covers every text made of them.
        let simple: Vec<char> = (0..=0x2fff_u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_simple_char(c))
            .collect();
        assert!(simple.contains(&'å') && simple.contains(&'–') && simple.contains(&'”'));
        for &c in &simple {
            let text = c.to_string();
            assert_eq!(cluster_width(&text), 1, "{c:?} U+{:04X}", u32::from(c));
        }
        let mut pair = String::new();
        for &a in &simple {
            for &b in &simple {
                pair.clear();
                pair.push(a);
                pair.push(b);
                assert_eq!(pair.graphemes(true).count(), 2, "{pair:?}");
            }
        }
    }

    #[test]
    fn simple_text_measures_and_cuts_as_its_clusters() {
        let text = "Alingsås – “hållbar” 2040… ½";
        assert!(is_simple(text) && !is_simple("e\u{301}") && !is_simple("a\u{ad}b"));
        let clusters: Vec<(usize, usize)> = Units::Clusters(text.grapheme_indices(true)).collect();
        assert_eq!(units(text).collect::<Vec<_>>(), clusters);
        assert_eq!(width(text), clusters.len());
        assert_eq!(wrap(text, 12), ["Alingsås –", "“hållbar”", "2040… ½"]);
    }

    #[test]
    fn truncates_with_ellipsis() {
        assert_eq!(truncate("Omställning", 6), "Omstä…");
        assert_eq!(truncate("Omställning", 11), "Omställning");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn textwrap_alone_measures_and_breaks_inside_clusters() {
        // Why this module measures and breaks words itself: textwrap 0.16
        // counts each char of a ZWJ sequence and breaks between them.
        let options = |width| textwrap::Options::new(width).break_words(true);
        let family = format!("{FAMILY}{FAMILY}");
        assert_eq!(textwrap::core::display_width(FAMILY), 8);
        assert_eq!(
            textwrap::wrap(&family, options(5))[0],
            "👨\u{200d}👩\u{200d}",
            "a family broken between its people"
        );
        assert_eq!(
            textwrap::wrap("🇸🇪🇸🇪", options(3))[0],
            "🇸🇪🇸",
            "a flag halved"
        );
    }

    #[test]
    fn emoji_sequences_and_flags_are_measured_and_broken_whole() {
        assert_eq!(width(FAMILY), 2);
        let families = FAMILY.repeat(3);
        assert_eq!(wrap(&families, 4), [FAMILY.repeat(2), FAMILY.to_string()]);
        assert_eq!(wrap(&families, 3), [FAMILY; 3]);
        let flags = FLAG.repeat(3);
        assert_eq!(wrap(&flags, 5), [FLAG.repeat(2), FLAG.to_string()]);
        assert_eq!(
            wrap(&format!("Hej {FAMILY} och {FLAG}"), 6),
            [format!("Hej {FAMILY}"), format!("och {FLAG}")],
            "as wide as drawn, not as many chars"
        );
        let accent = "e\u{301}".repeat(4);
        assert_eq!(wrap(&accent, 3), ["e\u{301}".repeat(3), "e\u{301}".into()]);
        assert_eq!(truncate(&families, 5), format!("{}…", FAMILY.repeat(2)));
        assert_eq!(truncate(&flags, 4), format!("{FLAG}…"));
    }
}
