//! A slide's heading: as big as the terminal allows, in big letters when
//! the font has every letter, else plain bold text.

use crate::layout::text::wrap;

/// How big a slide's heading is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeadingSize {
    /// 8×8 cells per letter.
    Full,
    /// 8 cells wide, 4 high (half-block characters).
    HalfHeight,
    /// 4×4 cells per letter (quadrant characters).
    Quadrant,
    /// Plain bold text, when big letters do not fit or the font lacks a glyph.
    Plain,
}

impl HeadingSize {
    /// Cells per letter (width, height) for the big sizes.
    pub fn glyph(self) -> Option<(usize, usize)> {
        match self {
            HeadingSize::Full => Some((8, 8)),
            HeadingSize::HalfHeight => Some((8, 4)),
            HeadingSize::Quadrant => Some((4, 4)),
            HeadingSize::Plain => None,
        }
    }
}

/// Picks the largest heading that fits `width` columns and a third of the
/// content rows; plain text when none does or the font lacks a letter.
pub fn choose_heading(
    heading: &str,
    width: usize,
    content_rows: usize,
) -> (HeadingSize, Vec<String>) {
    let letters = heading.chars().count();
    if has_big_glyphs(heading) {
        for size in [
            HeadingSize::Full,
            HeadingSize::HalfHeight,
            HeadingSize::Quadrant,
        ] {
            if let Some((gw, gh)) = size.glyph()
                && letters * gw <= width
                && gh * 3 <= content_rows.max(gh)
                && gh < content_rows
            {
                return (size, vec![heading.to_string()]);
            }
        }
    }
    let lines = wrap(heading, width);
    // Never let a plain heading take more than half the slide.
    let keep = (content_rows / 2).max(1);
    (HeadingSize::Plain, lines.into_iter().take(keep).collect())
}

/// True when every letter is in the big-text font (font8x8's Basic Latin and
/// Latin-1 sets: å ä ö Å Ä Ö are there; dashes, CJK and emoji are not).
pub fn has_big_glyphs(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c == ' ' || c.is_ascii_graphic() || ('\u{a1}'..='\u{ff}').contains(&c))
}
