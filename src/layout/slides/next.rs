//! The speaker view's preview of the next slide: the slide a presenter sees
//! after pressing next, in miniature, for a box beside the notes.
//!
//! Which slide comes next depends on the presenter's screen (a topic
//! continues over as many slides as that size needs), so it is taken from
//! the deck laid out for that screen; what it shows is then laid out again
//! for the box: the same blocks of the topic, wrapped to the box's width.

use std::ops::Range;

use super::paginate::{Run, letters};
use super::{Block, Deck, Role, Slide, SlideLine, topic_content};
use crate::document::model::Document;
use crate::i18n::Strings;
use crate::layout::text::{truncate, wrap};

/// What the next slide's box shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// The next slide, in miniature.
    Slide(Preview),
    /// Nothing comes next: the slide on screen is the last.
    End,
}

/// The next slide laid out small: its heading as plain text, and its body
/// wrapped to the box and cut to the box's rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// Its topic (0-based), as the footer numbers it.
    pub topic: usize,
    /// Which of the topic's slides it is (0-based).
    pub part: usize,
    /// How many slides the topic has on the presenter's screen.
    pub parts: usize,
    /// The heading, wrapped; never more than half the rows (the last line
    /// then ends in `…`).
    pub heading: Vec<String>,
    /// A blank row between heading and body, where the rows allow it.
    pub gap: bool,
    /// The body's lines that fit.
    pub body: Vec<SlideLine>,
    /// True when body lines were left out: a row with `…` follows the body.
    pub cut: bool,
    /// Title-like slides: every line centred, as on the slide.
    pub centred: bool,
}

/// The slide after slide `part` of `deck`: the topic's next slide when it
/// continues, else the next topic's first, laid out for a box of `width`
/// columns and `rows` rows; [`Next::End`] after the last slide.
pub fn next_slide(
    doc: &Document,
    strings: &Strings,
    deck: &Deck,
    part: usize,
    (width, rows): (usize, usize),
) -> Next {
    let width = width.max(1);
    if let Some(slide) = deck.slides.get(part + 1) {
        return Next::Slide(miniature(doc, strings, deck.topic, slide, width, rows));
    }
    let topic = deck.topic + 1;
    let next = Deck::lay_out(doc, strings, topic, deck.size, deck.with_notes);
    match next.slides.first() {
        Some(slide) => Next::Slide(miniature(doc, strings, topic, slide, width, rows)),
        None => Next::End,
    }
}

/// `slide` (of topic `topic`) laid out for `width`×`rows`.
fn miniature(
    doc: &Document,
    strings: &Strings,
    topic: usize,
    slide: &Slide,
    width: usize,
    rows: usize,
) -> Preview {
    let mut body = topic_content(doc, strings, slide.kind, width)
        .map_or_else(Vec::new, |content| runs_again(&content.blocks, &slide.runs));
    let mut heading = wrap(&slide.heading, width);
    let keep = (rows / 2).max(1);
    if heading.len() > keep {
        let rest = heading[keep - 1..].join(" ");
        heading.truncate(keep - 1);
        heading.push(truncate(&rest, width).into_owned());
    }
    let left = rows.saturating_sub(heading.len());
    let gap = !body.is_empty() && left >= 2;
    let room = left - usize::from(gap);
    let cut = body.len() > room;
    if cut {
        // The last row says that more follows.
        body.truncate(room.saturating_sub(1));
        while body.last().is_some_and(|line| line.text.is_empty()) {
            body.pop();
        }
    }
    Preview {
        topic,
        part: slide.part,
        parts: slide.parts,
        heading,
        gap,
        body,
        // No row left for it under a heading that fills the box.
        cut: cut && room > 0,
        centred: slide.centred,
    }
}

/// The lines that `runs` show, found in `blocks` laid out for another
/// width, with a blank line between runs as on the slide.
fn runs_again(blocks: &[Block], runs: &[Run]) -> Vec<SlideLine> {
    let mut lines: Vec<SlideLine> = Vec::new();
    for run in runs {
        let Some(block) = blocks.get(run.block) else {
            continue;
        };
        let shown = holding(block, &run.letters);
        if shown.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(SlideLine {
                text: String::new(),
                role: Role::Text,
            });
        }
        lines.extend(shown);
    }
    lines
}

/// The lines of `block` that hold its letters `range`; a line that holds
/// some of them is cut to those (where the slide's width broke the block
/// between slides), keeping its indent.
fn holding(block: &[SlideLine], range: &Range<usize>) -> Vec<SlideLine> {
    let mut before = 0;
    let mut shown = Vec::new();
    if range.is_empty() {
        return shown;
    }
    for line in block {
        let (start, count) = (before, letters(&line.text));
        before += count;
        if start + count <= range.start || start >= range.end {
            continue;
        }
        let from = range.start.saturating_sub(start);
        let to = (range.end - start).min(count);
        let text = if (from, to) == (0, count) {
            line.text.clone()
        } else {
            cut(&line.text, from..to)
        };
        shown.push(SlideLine {
            text,
            role: line.role,
        });
    }
    shown
}

/// `text`'s letters `range` and the spaces between them, after its indent.
fn cut(text: &str, range: Range<usize>) -> String {
    let indent = &text[..text.len() - text.trim_start().len()];
    let mut at = text.char_indices().filter(|(_, c)| !c.is_whitespace());
    let begin = at.nth(range.start).map_or(text.len(), |(i, _)| i);
    let end = at
        .nth(range.len().saturating_sub(1))
        .map_or(text.len(), |(i, _)| i);
    let kept = text.get(begin..end.max(begin)).unwrap_or_default();
    format!("{indent}{}", kept.trim_end())
}

#[cfg(test)]
mod tests;
