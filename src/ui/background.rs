//! The background view: how the vision was made, how vision, focus areas and
//! goals fit together, and where to read more. All of it is the document's
//! own text, in the document's order.
//!
//! The view is a sequence of blocks (a paragraph, a focus area, a goal), and
//! where it is scrolled to is a [`BlockLine`]: a block and a line in it.
//! Scrolling lays out only the blocks it passes and drawing only those on
//! screen, so a document of any size opens and scrolls at the same speed,
//! and a resize keeps the same text at the top.

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::pane_block;
use super::text::wrap_indented;
use crate::app::{BlockLine, State, Step};

use super::text::READING_WIDTH;
/// Up to this many blocks the scrollbar counts lines (laying out the whole
/// view to do so); past it, it counts blocks.
const EXACT_SCROLLBAR_BLOCKS: usize = 256;

/// Where `step` from `from` leads in the view at `width`×`visible`: never
/// before the top, never past the place that shows the last screenful.
pub fn scroll(
    state: &State,
    (width, visible): (u16, u16),
    from: BlockLine,
    step: Step,
) -> BlockLine {
    let view = View::new(state, usize::from(width));
    let visible = usize::from(visible);
    match step {
        Step::Top => BlockLine::default(),
        Step::Bottom => view.bottom(visible),
        // A page at most: walk it, then stop at the bottom.
        Step::Down(n) => view.clamp(view.down(from, n), visible),
        Step::Up(n) => view.up(from, n),
    }
}

/// `at` brought back into range for the view at `width`×`visible` (after a
/// resize or a new document).
pub fn clamp(state: &State, (width, visible): (u16, u16), at: BlockLine) -> BlockLine {
    View::new(state, usize::from(width)).clamp(at, usize::from(visible))
}

/// One block of the view: a blank line, or a text wrapped as a unit.
enum Piece<'a> {
    Blank,
    Wrapped {
        text: Cow<'a, str>,
        first: Cow<'a, str>,
        rest: Cow<'a, str>,
        style: Style,
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
struct View<'a> {
    state: &'a State,
    width: usize,
    runs: Vec<Run<'a>>,
    len: usize,
    /// Digits of the largest goal number.
    number_width: usize,
}

impl<'a> View<'a> {
    fn new(state: &'a State, width: usize) -> Self {
        // Long lines are hard to read: past this, the text keeps to the left.
        let width = width.min(READING_WIDTH);
        let doc = &state.document;
        let theme = &state.theme;
        let mut runs = Vec::new();
        let mut pieces: Vec<Piece<'a>> = Vec::new();
        // Every block has at least one line, so "any block before" is "any line before".
        let mut any = false;
        let paragraph = |pieces: &mut Vec<Piece<'a>>, any: &mut bool, text: Cow<'a, str>, style| {
            if *any {
                pieces.push(Piece::Blank);
            }
            pieces.push(Piece::Wrapped {
                text,
                first: Cow::Borrowed(""),
                rest: Cow::Borrowed(""),
                style,
            });
            *any = true;
        };
        let adopted = super::header::adoption_line(doc);
        if !adopted.is_empty() {
            paragraph(&mut pieces, &mut any, Cow::Owned(adopted), theme.muted);
        }
        for section in &doc.background {
            if let Some(heading) = &section.heading {
                paragraph(&mut pieces, &mut any, Cow::Borrowed(heading), theme.heading);
            }
            for text in &section.paragraphs {
                paragraph(&mut pieces, &mut any, Cow::Borrowed(text), theme.text);
            }
        }
        if let Some(intro) = &doc.focus_areas_intro {
            paragraph(&mut pieces, &mut any, Cow::Borrowed(intro), theme.text);
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
            paragraph(&mut pieces, &mut any, Cow::Borrowed(intro), theme.text);
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
                theme.text,
            );
            if let Some(url) = &reference.url {
                pieces.push(Piece::Wrapped {
                    text: Cow::Borrowed(url),
                    first: Cow::Borrowed("→ "),
                    rest: Cow::Borrowed("  "),
                    style: theme.muted,
                });
            }
        }
        runs.push(Run::Pieces(pieces));
        let mut view = Self {
            state,
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
            Run::Areas => self.state.document.focus_areas.len(),
            Run::Goals => self.state.document.goals.len(),
        }
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
    fn window(&self, at: BlockLine, visible: usize) -> Vec<Line<'static>> {
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
    fn scrollbar(&self, at: BlockLine, visible: usize) -> (usize, usize, usize) {
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
    fn lines(&self, mut k: usize) -> Vec<Line<'static>> {
        let number_width = self.number_width;
        let doc = &self.state.document;
        let theme = &self.state.theme;
        for run in &self.runs {
            let len = self.run_len(run);
            if k >= len {
                k -= len;
                continue;
            }
            return match run {
                Run::Pieces(pieces) => match &pieces[k] {
                    Piece::Blank => vec![Line::default()],
                    Piece::Wrapped {
                        text,
                        first,
                        rest,
                        style,
                    } => wrap_indented(text, self.width, first, rest)
                        .into_iter()
                        .map(|l| Line::styled(l, *style))
                        .collect(),
                },
                Run::Areas => wrap_indented(&doc.focus_areas[k].name, self.width, "  – ", "    ")
                    .into_iter()
                    .map(|l| Line::styled(l, theme.text))
                    .collect(),
                Run::Goals => {
                    let goal = &doc.goals[k];
                    let area = doc
                        .focus_area(&goal.focus_area)
                        .map_or(goal.focus_area.as_str(), |a| a.name.as_str());
                    let first = format!("  {:>number_width$}. ", goal.number);
                    let rest = " ".repeat(first.len());
                    let text = format!("{} ({area})", goal.text);
                    wrap_indented(&text, self.width, &first, &rest)
                        .into_iter()
                        .map(|l| Line::styled(l, theme.text))
                        .collect()
                }
            };
        }
        Vec::new()
    }
}

/// Draws the background view into `area` (the whole body below the header).
pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let focused = matches!(state.mode, crate::app::Mode::Background(_));
    let block = pane_block(
        format!(" {} · {} ", state.strings.background, state.document.title),
        focused,
        &state.theme,
    );
    let inner = super::pane_inner(area);
    let visible = usize::from(inner.height);
    let view = View::new(state, usize::from(inner.width));
    // `update` keeps the place in range (a place past the end would draw nothing).
    let at = state.background_scroll;
    let lines = if view.len == 0 {
        // Nothing to show: say so rather than leave the pane blank.
        wrap_indented(
            &state.strings.no_background,
            usize::from(inner.width),
            "",
            "",
        )
        .into_iter()
        .map(|l| Line::styled(l, state.theme.muted))
        .collect()
    } else {
        view.window(at, visible)
    };
    super::render_pane(frame, area, &block, &lines);
    let (position, last, shown) = view.scrollbar(at, visible);
    super::scrollbar(frame, area, last + shown, shown, position);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Reference, Section};
    use crate::theme::Theme;
    use crate::ui::text::wrap;

    /// The view's lines at `width` columns, every block laid out.
    fn lines(state: &State, width: usize) -> Vec<Line<'static>> {
        let view = View::new(state, width);
        (0..view.len).flat_map(|k| view.lines(k)).collect()
    }

    /// The view as it was written before it learnt to lay out only what is
    /// on screen: the new one must give exactly these lines.
    fn reference_lines(state: &State, width: usize) -> Vec<Line<'static>> {
        let width = width.min(READING_WIDTH);
        let doc = &state.document;
        let theme = &state.theme;
        let mut out: Vec<Line<'static>> = Vec::new();
        let paragraph = |out: &mut Vec<Line<'static>>, text: &str, style| {
            if !out.is_empty() {
                out.push(Line::default());
            }
            out.extend(
                wrap(text, width)
                    .into_iter()
                    .map(|l| Line::styled(l, style)),
            );
        };
        let adopted = super::super::header::adoption_line(doc);
        if !adopted.is_empty() {
            paragraph(&mut out, &adopted, theme.muted);
        }
        for section in &doc.background {
            if let Some(heading) = &section.heading {
                paragraph(&mut out, heading, theme.heading);
            }
            for text in &section.paragraphs {
                paragraph(&mut out, text, theme.text);
            }
        }
        if let Some(intro) = &doc.focus_areas_intro {
            paragraph(&mut out, intro, theme.text);
        }
        if !doc.focus_areas.is_empty() {
            if !out.is_empty() {
                out.push(Line::default());
            }
            for area in &doc.focus_areas {
                out.extend(
                    wrap_indented(&area.name, width, "  – ", "    ")
                        .into_iter()
                        .map(|l| Line::styled(l, theme.text)),
                );
            }
        }
        if let Some(intro) = &doc.goals_intro {
            paragraph(&mut out, intro, theme.text);
        }
        if !doc.goals.is_empty() {
            if !out.is_empty() {
                out.push(Line::default());
            }
            let number_width = doc
                .goals
                .iter()
                .map(|g| g.number.to_string().len())
                .max()
                .unwrap_or(1);
            for goal in &doc.goals {
                let area = doc
                    .focus_area(&goal.focus_area)
                    .map_or(goal.focus_area.as_str(), |a| a.name.as_str());
                let first = format!("  {:>number_width$}. ", goal.number);
                let rest = " ".repeat(first.len());
                let text = format!("{} ({area})", goal.text);
                out.extend(
                    wrap_indented(&text, width, &first, &rest)
                        .into_iter()
                        .map(|l| Line::styled(l, theme.text)),
                );
            }
        }
        for reference in &doc.references {
            paragraph(&mut out, &reference.text, theme.text);
            if let Some(url) = &reference.url {
                out.extend(
                    wrap_indented(url, width, "→ ", "  ")
                        .into_iter()
                        .map(|l| Line::styled(l, theme.muted)),
                );
            }
        }
        out
    }

    /// The built-in document with `areas` areas of `goals_each` goals, texts
    /// of varied length (some empty, some one long word), and odd extras.
    fn document(areas: usize, goals_each: usize) -> Document {
        let text = |i: usize| match i % 5 {
            0 => String::new(),
            1 => "Omställningsarbetsgruppsledare".repeat(i % 7 + 1),
            2 => "漢字 ".repeat(i % 13),
            _ => "ord ".repeat(i % 31),
        };
        let name = |i| format!("Area {i} {}", text(i));
        let mut doc = crate::app::testing::document(areas, goals_each, name, text);
        for (i, goal) in doc.goals.iter_mut().enumerate() {
            goal.number = u32::try_from(i * 7 + 1).unwrap();
            // Every 11th names no area: the view shows the id instead.
            if i % 11 == 0 {
                goal.focus_area = format!("a{}", areas + 1);
            }
        }
        doc.reindex();
        doc.background.push(Section {
            heading: Some(String::new()),
            paragraphs: vec![String::new(), text(3)],
        });
        doc.references.push(Reference {
            text: String::new(),
            title: None,
            url: Some("https://example.org/".repeat(9)),
        });
        doc
    }

    fn state(doc: Document) -> State {
        State::new(doc, Theme::default())
    }

    /// The first line `at` shows, counted from the top of the whole view.
    fn absolute(view: &View<'_>, at: BlockLine) -> usize {
        (0..at.block).map(|k| view.block_len(k)).sum::<usize>() + at.line
    }

    /// Checks every way of scrolling against the reference layout: each place
    /// shows the lines the reference has there, and steps move by lines.
    fn check_scrolling(state: &State, width: usize, visible: usize) {
        let expected = reference_lines(state, width);
        let view = View::new(state, width);
        assert_eq!(lines(state, width), expected, "width {width}");
        let (w, v) = (
            u16::try_from(width).unwrap(),
            u16::try_from(visible).unwrap(),
        );
        let last = expected.len().saturating_sub(visible);
        let top = BlockLine::default();
        let step = |from, step| scroll(state, (w, v), from, step);
        let shows = |at: BlockLine, line: usize| {
            assert_eq!(absolute(&view, at), line, "width {width}, {visible} rows");
            let want: Vec<Line<'static>> =
                expected.iter().skip(line).take(visible).cloned().collect();
            assert_eq!(view.window(at, visible), want, "width {width}, line {line}");
        };
        shows(step(top, Step::Bottom), last);
        shows(step(step(top, Step::Bottom), Step::Top), 0);
        for n in [
            0,
            1,
            2,
            3,
            17,
            299,
            expected.len() / 2,
            last,
            last + 1,
            usize::MAX,
        ] {
            let down = step(top, Step::Down(n));
            shows(down, n.min(last));
            shows(step(down, Step::Up(1)), n.min(last).saturating_sub(1));
            shows(
                step(step(top, Step::Bottom), Step::Up(n)),
                last.saturating_sub(n),
            );
            // One line at a time gets to the same place.
            if n <= 40 {
                let mut at = top;
                for _ in 0..n {
                    at = step(at, Step::Down(1));
                }
                assert_eq!(at, down);
            }
        }
        // A place past the end (a stale one, after the document shrank) comes back.
        let stale = BlockLine {
            block: usize::MAX,
            line: 7,
        };
        shows(clamp(state, (w, v), stale), last);
        let up = clamp(state, (w, v), step(stale, Step::Up(1)));
        shows(up, last.min(expected.len().saturating_sub(2)));
    }

    #[test]
    fn scrolls_exactly_as_the_whole_layout_in_every_shape() {
        let mut docs = vec![crate::load::builtin(), document(0, 0), document(3, 2)];
        let mut bare = document(2, 1);
        bare.adoption = None;
        bare.revised = None;
        bare.background.clear();
        bare.focus_areas_intro = None;
        bare.goals_intro = None;
        docs.push(bare);
        let mut no_areas = document(0, 0);
        no_areas.references.clear();
        let mut empty = no_areas.clone();
        empty.adoption = None;
        empty.revised = None;
        empty.background.clear();
        empty.focus_areas_intro = None;
        empty.goals_intro = None;
        assert!(
            lines(&state(empty.clone()), 80).is_empty(),
            "a view of no blocks"
        );
        docs.push(no_areas);
        docs.push(empty);
        for doc in docs {
            let state = state(doc);
            for width in [1, 7, 30, 80, 140] {
                for visible in [1, 5, 40] {
                    check_scrolling(&state, width, visible);
                }
            }
        }
    }

    #[test]
    fn a_large_document_scrolls_the_same_by_blocks() {
        // Past the size where the scrollbar counts blocks instead of lines.
        let state = state(document(300, 3));
        for width in [12, 61, 100] {
            for visible in [1, 40] {
                check_scrolling(&state, width, visible);
            }
        }
    }

    #[test]
    fn the_scrollbar_counts_lines_for_a_few_blocks_and_blocks_for_many() {
        let small = state(crate::load::builtin());
        let view = View::new(&small, 60);
        let total = lines(&small, 60).len();
        let at = scroll(&small, (60, 10), BlockLine::default(), Step::Down(3));
        assert_eq!(view.scrollbar(at, 10), (3, total - 10, 10));
        let large = state(document(300, 3));
        let view = View::new(&large, 60);
        let bottom = scroll(&large, (60, 10), BlockLine::default(), Step::Bottom);
        assert_eq!(view.scrollbar(bottom, 10), (bottom.block, bottom.block, 1));
        assert!(view.len > EXACT_SCROLLBAR_BLOCKS);
    }
}
