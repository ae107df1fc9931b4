//! The quoted line of a diagnostic and the caret under it, cut to a window
//! around the mark when the line is long: one 15 MB line must not put 30 MB
//! on the terminal.

use unicode_width::UnicodeWidthChar;

/// Lines up to this many columns are shown whole; longer ones are cut to
/// this many, `…` marks included.
pub const LINE_WIDTH: usize = 120;
/// Columns of the line kept before the mark when it is cut (more when the
/// line ends soon after the mark).
const CONTEXT_BEFORE: usize = 40;
/// The caret never covers more than this many columns of a cut line.
const MARK_WIDTH: usize = LINE_WIDTH / 2;
/// Marks text left out at either end of a cut line.
const ELLIPSIS: char = '…';

/// What the diagnostic prints for its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The line as the terminal shows it (perhaps cut, with `…` marks).
    pub text: String,
    /// Columns before the first caret.
    pub indent: usize,
    /// How many carets (at least 1).
    pub carets: usize,
}

/// How a character of the line is shown: tabs as one space, control and bidi
/// characters not at all (the column still counts them: it counts the line's
/// own characters).
fn shown(c: char) -> Option<(char, usize)> {
    let c = match c {
        '\t' => ' ',
        c if super::super::normalize::is_removed(c) => return None,
        c => c,
    };
    Some((c, c.width().unwrap_or(0)))
}

/// The excerpt of `line` marking `len` characters from the 1-based `column`.
pub fn excerpt(line: &str, column: usize, len: usize) -> Excerpt {
    let skip = column.saturating_sub(1);
    let len = len.max(1);
    let mut width = 0;
    let short = line.chars().filter_map(shown).all(|(_, w)| {
        width += w;
        width <= LINE_WIDTH
    });
    if short {
        whole(line, skip, len)
    } else {
        window(line, skip, len)
    }
}

fn whole(line: &str, skip: usize, len: usize) -> Excerpt {
    let (mut text, mut indent, mut marked) = (String::new(), 0, 0);
    for (i, (c, w)) in line
        .chars()
        .enumerate()
        .filter_map(|(i, c)| Some((i, shown(c)?)))
    {
        text.push(c);
        if i < skip {
            indent += w;
        } else if i < skip + len {
            marked += w;
        }
    }
    Excerpt {
        text,
        indent,
        carets: marked.max(1),
    }
}

/// A cell of a cut line: the character's index in the line, what is shown, its width.
type Cell = (usize, char, usize);

fn window(line: &str, skip: usize, len: usize) -> Excerpt {
    // Only the characters near the mark are looked at, however long the line.
    let reach = LINE_WIDTH + 1;
    let first = skip.saturating_sub(reach);
    let mut chars = line.chars().enumerate().skip(first);
    let cells: Vec<Cell> = chars
        .by_ref()
        .take(skip + len.min(reach) + reach - first)
        .filter_map(|(i, c)| shown(c).map(|(c, w)| (i, c, w)))
        .collect();
    let more_after = chars.any(|(_, c)| shown(c).is_some());
    let split = |at: usize| cells.partition_point(|&(i, _, _)| i < at);
    let (before, rest) = cells.split_at(split(skip));
    let mark_end = split(skip + len) - before.len();
    let (mark, after) = rest.split_at(mark_end);

    // Two columns are kept for the `…` marks.
    let budget = LINE_WIDTH - 2;
    let mark = take_width(mark, MARK_WIDTH);
    let mark_width = columns(mark).max(1);
    let room = budget - mark_width;
    let after_width = columns(after);
    let before_width = columns(before).min(CONTEXT_BEFORE.max(room.saturating_sub(after_width)));
    let shown_before = take_width_from_end(before, before_width);
    let after_room = room - columns(shown_before);
    // A mark cut short is followed by `…`, not by the text after it.
    let shown_after = if mark.len() < mark_end {
        &[][..]
    } else {
        take_width(after, after_room)
    };

    let cut_before = first > 0 || shown_before.len() < before.len();
    let cut_after = more_after || mark.len() < mark_end || shown_after.len() < after.len();
    let mut text = String::new();
    if cut_before {
        text.push(ELLIPSIS);
    }
    let indent = usize::from(cut_before) + columns(shown_before);
    for &(_, c, _) in shown_before.iter().chain(mark).chain(shown_after) {
        text.push(c);
    }
    if cut_after {
        text.push(ELLIPSIS);
    }
    Excerpt {
        text,
        indent,
        carets: mark_width,
    }
}

fn columns(cells: &[Cell]) -> usize {
    cells.iter().map(|&(_, _, w)| w).sum()
}

/// The longest start of `cells` at most `max` columns wide.
fn take_width(cells: &[Cell], max: usize) -> &[Cell] {
    let mut width = 0;
    let n = cells
        .iter()
        .take_while(|&&(_, _, w)| {
            width += w;
            width <= max
        })
        .count();
    &cells[..n]
}

/// The longest end of `cells` at most `max` columns wide.
fn take_width_from_end(cells: &[Cell], max: usize) -> &[Cell] {
    let mut width = 0;
    let n = cells
        .iter()
        .rev()
        .take_while(|&&(_, _, w)| {
            width += w;
            width <= max
        })
        .count();
    &cells[cells.len() - n..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    /// The text the carets stand under.
    fn marked(e: &Excerpt) -> String {
        let mut column = 0;
        let mut out = String::new();
        for c in e.text.chars() {
            let w = c.width().unwrap_or(0);
            if column >= e.indent && column + w <= e.indent + e.carets {
                out.push(c);
            }
            column += w;
        }
        out
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let e = excerpt("  name: \"Ö\", nmae: 1,", 15, 4);
        assert_eq!(
            (e.text.as_str(), e.indent, e.carets),
            ("  name: \"Ö\", nmae: 1,", 14, 4)
        );
        let e = excerpt(&"x".repeat(LINE_WIDTH), LINE_WIDTH + 1, 1);
        assert_eq!(
            (e.text.width(), e.indent, e.carets),
            (LINE_WIDTH, LINE_WIDTH, 1)
        );
    }

    #[test]
    fn a_long_line_is_cut_around_the_mark() {
        let line = format!("{}nmae{}", "a".repeat(5_000), "b".repeat(5_000));
        let e = excerpt(&line, 5_001, 4);
        assert!(e.text.width() <= LINE_WIDTH, "{}", e.text.width());
        assert!(
            e.text.starts_with('…') && e.text.ends_with('…'),
            "{}",
            e.text
        );
        assert_eq!(marked(&e), "nmae");
        assert_eq!(e.indent, 1 + CONTEXT_BEFORE);
    }

    #[test]
    fn wide_characters_keep_the_caret_under_the_mark() {
        // Double-width letters before and after, a control character that is not shown.
        let line = format!("{}\u{1b}X{}", "漢".repeat(3_000), "字".repeat(3_000));
        let e = excerpt(&line, 3_002, 1);
        assert_eq!(marked(&e), "X");
        assert!(e.text.width() <= LINE_WIDTH);
        assert!(
            e.text.starts_with('…') && e.text.ends_with('…'),
            "{}",
            e.text
        );
        // A wide mark gets two carets.
        let e = excerpt(&line, 3_003, 1);
        assert_eq!((marked(&e).as_str(), e.carets), ("字", 2));
    }

    #[test]
    fn the_start_and_the_end_of_a_long_line_need_one_mark_only() {
        let line = format!("Document(nmae: \"{}\")", "x".repeat(100_000));
        let e = excerpt(&line, 10, 4);
        assert!(
            e.text.starts_with("Document(nmae") && e.text.ends_with('…'),
            "{}",
            e.text
        );
        assert_eq!((marked(&e).as_str(), e.indent), ("nmae", 9));
        assert_eq!(e.text.width(), LINE_WIDTH - 1);

        let chars = line.chars().count();
        let e = excerpt(&line, chars + 1, 1);
        assert!(
            e.text.starts_with('…') && e.text.ends_with("x\")"),
            "{}",
            e.text
        );
        assert_eq!(e.indent, e.text.width(), "the caret just after the end");
        assert!(e.text.width() <= LINE_WIDTH);
    }

    #[test]
    fn a_long_mark_is_cut_too() {
        let line = format!("id: \"{}\"", "y".repeat(10_000));
        let e = excerpt(&line, 5, 10_002);
        assert_eq!((e.indent, e.carets), (4, MARK_WIDTH));
        assert!(
            e.text.ends_with('…') && e.text.width() <= LINE_WIDTH,
            "{}",
            e.text
        );
    }
}
