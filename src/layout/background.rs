//! The background view's text: how the vision was made, how vision, focus
//! areas and goals fit together, and where to read more. All of it is the
//! document's own text, in the document's order.
//!
//! The view is a sequence of blocks (a paragraph, a focus area, a goal), and
//! where it is scrolled to is a [`BlockLine`]: a block and a line in it.
//! Scrolling lays out only the blocks it passes and drawing only those on
//! screen, so a document of any size opens and scrolls at the same speed,
//! and a resize keeps the same text at the top.

use std::borrow::Cow;

use super::header::adoption_line;
use super::text::{READING_WIDTH, wrap_indented};
use super::{Step, TextLine, Tone, toned};
use crate::document::model::Document;

/// Up to this many blocks the scrollbar counts lines (laying out the whole
/// view to do so); past it, it counts blocks.
const EXACT_SCROLLBAR_BLOCKS: usize = 256;

/// A place in a text laid out in blocks (the background view): line `line`
/// of block `block`. Ordered as places in the text are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct BlockLine {
    /// The block (a paragraph, a focus area, a goal), counted from 0.
    pub block: usize,
    /// The line within the block, counted from 0.
    pub line: usize,
}

/// Where `step` from `from` leads in the view of `doc` at
/// `width`×`visible`: never before the top, never past the place that shows
/// the last screenful.
pub fn scroll(
    doc: &Document,
    (width, visible): (u16, u16),
    from: BlockLine,
    step: Step,
) -> BlockLine {
    let view = View::new(doc, usize::from(width));
    let visible = usize::from(visible);
    match step {
        Step::Top => BlockLine::default(),
        Step::Bottom => view.bottom(visible),
        // A page at most: walk it, then stop at the bottom.
        Step::Down(n) => view.clamp(view.down(from, n), visible),
        Step::Up(n) => view.up(from, n),
    }
}

/// `at` brought back into range for the view of `doc` at `width`×`visible`
/// (after a resize or a new document).
pub fn clamp(doc: &Document, (width, visible): (u16, u16), at: BlockLine) -> BlockLine {
    View::new(doc, usize::from(width)).clamp(at, usize::from(visible))
}

/// One block of the view: a blank line, or a text wrapped as a unit.
enum Piece<'a> {
    Blank,
    Wrapped {
        text: Cow<'a, str>,
        first: Cow<'a, str>,
        rest: Cow<'a, str>,
        tone: Tone,
    },
}

/// A run of blocks in the view's order: a few listed, or one per focus area
/// or goal (made when asked, so a document of any size costs nothing here).
enum Run<'a> {
    Pieces(Vec<Piece<'a>>),
    Areas,
    Goals,
}

/// The view as numbered blocks, in the document's order.
pub struct View<'a> {
    doc: &'a Document,
    width: usize,
    runs: Vec<Run<'a>>,
    len: usize,
    /// Digits of the largest goal number.
    number_width: usize,
}

impl<'a> View<'a> {
    /// The view of `doc` at `width` columns (no block laid out yet).
    pub fn new(doc: &'a Document, width: usize) -> Self {
        // Long lines are hard to read: past this, the text keeps to the left.
        let width = width.min(READING_WIDTH);
        let mut runs = Vec::new();
        let mut pieces: Vec<Piece<'a>> = Vec::new();
        // Every block has at least one line, so "any block before" is "any line before".
        let mut any = false;
        let paragraph = |pieces: &mut Vec<Piece<'a>>, any: &mut bool, text: Cow<'a, str>, tone| {
            if *any {
                pieces.push(Piece::Blank);
            }
            pieces.push(Piece::Wrapped {
                text,
                first: Cow::Borrowed(""),
                rest: Cow::Borrowed(""),
                tone,
            });
            *any = true;
        };
        let adopted = adoption_line(doc);
        if !adopted.is_empty() {
            paragraph(&mut pieces, &mut any, Cow::Owned(adopted), Tone::Muted);
        }
        for section in &doc.background {
            if let Some(heading) = &section.heading {
                paragraph(&mut pieces, &mut any, Cow::Borrowed(heading), Tone::Heading);
            }
            for text in &section.paragraphs {
                paragraph(&mut pieces, &mut any, Cow::Borrowed(text), Tone::Text);
            }
        }
        if let Some(intro) = &doc.focus_areas_intro {
            paragraph(&mut pieces, &mut any, Cow::Borrowed(intro), Tone::Text);
        }
        if !doc.focus_areas.is_empty() {
            if any {
                pieces.push(Piece::Blank);
            }
            runs.push(Run::Pieces(std::mem::take(&mut pieces)));
            runs.push(Run::Areas);
            any = true;
        }
        if let Some(intro) = &doc.goals_intro {
            paragraph(&mut pieces, &mut any, Cow::Borrowed(intro), Tone::Text);
        }
        if !doc.goals.is_empty() {
            if any {
                pieces.push(Piece::Blank);
            }
            runs.push(Run::Pieces(std::mem::take(&mut pieces)));
            runs.push(Run::Goals);
            any = true;
        }
        for reference in &doc.references {
            paragraph(
                &mut pieces,
                &mut any,
                Cow::Borrowed(&reference.text),
                Tone::Text,
            );
            if let Some(url) = &reference.url {
                pieces.push(Piece::Wrapped {
                    text: Cow::Borrowed(url),
                    first: Cow::Borrowed("→ "),
                    rest: Cow::Borrowed("  "),
                    tone: Tone::Muted,
                });
            }
        }
        runs.push(Run::Pieces(pieces));
        let mut view = Self {
            doc,
            width,
            runs,
            len: 0,
            number_width: doc.goal_number_width(),
        };
        view.len = view.runs.iter().map(|run| view.run_len(run)).sum();
        view
    }

    fn run_len(&self, run: &Run<'_>) -> usize {
        match run {
            Run::Pieces(pieces) => pieces.len(),
            Run::Areas => self.doc.focus_areas.len(),
            Run::Goals => self.doc.goals.len(),
        }
    }

    /// How many blocks the view has.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the view has no block at all (nothing to show).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Lines of block `k` (every block has at least one).
    fn block_len(&self, k: usize) -> usize {
        self.lines(k).len().max(1)
    }

    /// The place that shows the last `visible` lines: scrolling stops there.
    fn bottom(&self, visible: usize) -> BlockLine {
        let mut need = visible.max(1);
        for k in (0..self.len).rev() {
            let n = self.block_len(k);
            if n >= need {
                return BlockLine {
                    block: k,
                    line: n - need,
                };
            }
            need -= n;
        }
        BlockLine::default()
    }

    /// `at`, on a line that exists and no further than the bottom.
    fn clamp(&self, at: BlockLine, visible: usize) -> BlockLine {
        let bottom = self.bottom(visible);
        if at >= bottom {
            return bottom;
        }
        BlockLine {
            block: at.block,
            line: at.line.min(self.block_len(at.block) - 1),
        }
    }

    /// `n` lines further down from `from`, stopping at the last line (not
    /// at the bottom: [`Self::clamp`] does that). Lays out the blocks it passes.
    fn down(&self, from: BlockLine, n: usize) -> BlockLine {
        let (mut at, mut left) = (from, n);
        while left > 0 && at.block < self.len {
            let below = self.block_len(at.block).saturating_sub(at.line + 1);
            if left <= below {
                at.line += left;
                break;
            }
            if at.block + 1 == self.len {
                at.line += below;
                break;
            }
            left -= below + 1;
            at = BlockLine {
                block: at.block + 1,
                line: 0,
            };
        }
        at
    }

    /// `n` lines further up from `from`, stopping at the top.
    fn up(&self, from: BlockLine, n: usize) -> BlockLine {
        let (mut at, mut left) = (from, n);
        if at.block >= self.len {
            // A stale place past the end: from the last line, if any.
            return match self.len {
                0 => BlockLine::default(),
                _ => self.up(self.bottom(1), n),
            };
        }
        at.line = at.line.min(self.block_len(at.block) - 1);
        while left > at.line && at.block > 0 {
            left -= at.line + 1;
            at.block -= 1;
            at.line = self.block_len(at.block) - 1;
        }
        at.line = at.line.saturating_sub(left);
        at
    }

    /// Up to `visible` lines from `at` on.
    pub fn window(&self, at: BlockLine, visible: usize) -> Vec<TextLine> {
        let mut shown = Vec::with_capacity(visible);
        let mut skip = at.line;
        for k in at.block..self.len {
            if shown.len() >= visible {
                break;
            }
            let take = visible - shown.len();
            shown.extend(self.lines(k).into_iter().skip(skip).take(take));
            skip = 0;
        }
        shown
    }

    /// For the scrollbar: (where `at` is, how far scrolling goes, lines on
    /// screen), in lines for a view of few blocks, else in blocks.
    pub fn scrollbar(&self, at: BlockLine, visible: usize) -> (usize, usize, usize) {
        if self.len <= EXACT_SCROLLBAR_BLOCKS {
            let before: usize = (0..at.block).map(|k| self.block_len(k)).sum();
            let total: usize = before
                + (at.block..self.len)
                    .map(|k| self.block_len(k))
                    .sum::<usize>();
            return (before + at.line, total.saturating_sub(visible), visible);
        }
        (at.block, self.bottom(visible).block, 1)
    }

    /// The lines of block `k`.
    fn lines(&self, mut k: usize) -> Vec<TextLine> {
        let number_width = self.number_width;
        let doc = self.doc;
        for run in &self.runs {
            let len = self.run_len(run);
            if k >= len {
                k -= len;
                continue;
            }
            return match run {
                Run::Pieces(pieces) => match &pieces[k] {
                    Piece::Blank => vec![TextLine::blank()],
                    Piece::Wrapped {
                        text,
                        first,
                        rest,
                        tone,
                    } => toned(wrap_indented(text, self.width, first, rest), *tone).collect(),
                },
                Run::Areas => toned(
                    wrap_indented(&doc.focus_areas[k].name, self.width, "  – ", "    "),
                    Tone::Text,
                )
                .collect(),
                Run::Goals => {
                    let goal = &doc.goals[k];
                    let area = doc
                        .focus_area(&goal.focus_area)
                        .map_or(goal.focus_area.as_str(), |a| a.name.as_str());
                    let first = format!("  {:>number_width$}. ", goal.number);
                    let rest = " ".repeat(first.len());
                    let text = format!("{} ({area})", goal.text);
                    toned(wrap_indented(&text, self.width, &first, &rest), Tone::Text).collect()
                }
            };
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests;
