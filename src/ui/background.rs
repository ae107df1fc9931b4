//! The background view: how the vision was made, how vision, focus areas and
//! goals fit together, and where to read more. All of it is the document's
//! own text, in the document's order.

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::pane_block;
use super::text::wrap_indented;
use crate::app::State;

/// The widest a line of prose gets, in columns.
pub const READING_WIDTH: usize = 100;

/// The view's lines at `width` columns.
pub fn lines(state: &State, width: usize) -> Vec<Line<'static>> {
    let view = View::new(state, width);
    (0..view.len()).flat_map(|k| view.lines(k)).collect()
}

/// How many lines [`lines`] has at `width`, without laying out a large
/// document each time: its line counts are kept with the document.
pub fn line_count(state: &State, width: usize) -> usize {
    let view = View::new(state, width);
    match view.counts() {
        Some(counts) => counts.total(),
        None => (0..view.len()).map(|k| view.lines(k).len()).sum(),
    }
}

/// Lines `scroll..scroll + visible` of [`lines`], and how many there are in
/// all. A large document lays out only the blocks on screen.
fn window(
    state: &State,
    width: usize,
    scroll: usize,
    visible: usize,
) -> (Vec<Line<'static>>, usize) {
    let view = View::new(state, width);
    let Some(counts) = view.counts() else {
        let all: Vec<Line<'static>> = (0..view.len()).flat_map(|k| view.lines(k)).collect();
        let total = all.len();
        return (all.into_iter().skip(scroll).take(visible).collect(), total);
    };
    let mut shown = Vec::with_capacity(visible);
    // The block holding line `scroll`: the last one that starts at or before it.
    let first = counts
        .starts
        .partition_point(|&start| start as usize <= scroll);
    let mut skip = scroll.saturating_sub(counts.start(first.saturating_sub(1)));
    for k in first.saturating_sub(1)..view.len() {
        if shown.len() >= visible {
            break;
        }
        let lines = view.lines(k);
        let take = visible - shown.len();
        shown.extend(lines.into_iter().skip(skip).take(take));
        skip = 0;
    }
    (shown, counts.total())
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
    /// The line counts, for a large document.
    counts: Option<std::sync::Arc<Counts>>,
}

/// Where each block starts, in lines, for one width: kept with a large document.
struct Counts {
    /// Line index of the first line of block `k`; one more entry at the end: the total.
    starts: Vec<u32>,
    /// Digits of the largest goal number.
    number_width: usize,
}

impl Counts {
    fn start(&self, k: usize) -> usize {
        self.starts.get(k).map_or(0, |&s| s as usize)
    }

    fn total(&self) -> usize {
        self.starts.last().map_or(0, |&s| s as usize)
    }
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
            pieces.push(Piece::Blank);
            runs.push(Run::Pieces(std::mem::take(&mut pieces)));
            runs.push(Run::Areas);
            any = true;
        }
        if let Some(intro) = &doc.goals_intro {
            paragraph(&mut pieces, &mut any, Cow::Borrowed(intro), theme.text);
        }
        if !doc.goals.is_empty() {
            pieces.push(Piece::Blank);
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
            number_width: 1,
            counts: None,
        };
        view.len = view.runs.iter().map(|run| view.run_len(run)).sum();
        view.counts = view.build_counts();
        view.number_width = match &view.counts {
            Some(counts) => counts.number_width,
            None => view.compute_number_width(),
        };
        view
    }

    fn run_len(&self, run: &Run<'_>) -> usize {
        match run {
            Run::Pieces(pieces) => pieces.len(),
            Run::Areas => self.state.document.focus_areas.len(),
            Run::Goals => self.state.document.goals.len(),
        }
    }

    /// How many blocks the view has.
    fn len(&self) -> usize {
        self.len
    }

    /// Line counts of every block at this width (`None` for a small document).
    fn counts(&self) -> Option<&Counts> {
        self.counts.as_deref()
    }

    /// The line counts, from the document's cache or made once for this
    /// width; `None` for a small document, which keeps no cache.
    fn build_counts(&self) -> Option<std::sync::Arc<Counts>> {
        let key = u64::try_from(self.width).unwrap_or(u64::MAX);
        self.state.document.cached(key, || {
            let number_width = self.compute_number_width();
            let mut starts = Vec::with_capacity(self.len + 1);
            let mut line = 0u32;
            for k in 0..self.len {
                starts.push(line);
                let lines = self.piece_lines(k, number_width);
                line = line.saturating_add(u32::try_from(lines.len()).unwrap_or(u32::MAX));
            }
            starts.push(line);
            Counts {
                starts,
                number_width,
            }
        })
    }

    /// Digits of the largest goal number (1 without goals).
    fn compute_number_width(&self) -> usize {
        self.state
            .document
            .goals
            .iter()
            .map(|g| g.number.to_string().len())
            .max()
            .unwrap_or(1)
    }

    /// The lines of block `k`.
    fn lines(&self, k: usize) -> Vec<Line<'static>> {
        self.piece_lines(k, self.number_width)
    }

    fn piece_lines(&self, mut k: usize, number_width: usize) -> Vec<Line<'static>> {
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
    let scroll = state.background_scroll;
    // As `render_scrolled`, from only the lines on screen.
    let (shown, total) = window(state, usize::from(inner.width), scroll, visible);
    frame.render_widget(Paragraph::new(shown).block(block), area);
    super::scrollbar(frame, area, total, visible, scroll);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, FocusArea, Goal, Reference, Section};
    use crate::theme::Theme;
    use crate::ui::text::wrap;

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
            out.push(Line::default());
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
            out.push(Line::default());
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
        let mut doc = crate::load::builtin();
        let text = |i: usize| match i % 5 {
            0 => String::new(),
            1 => "Omställningsarbetsgruppsledare".repeat(i % 7 + 1),
            2 => "漢字 ".repeat(i % 13),
            _ => "ord ".repeat(i % 31),
        };
        doc.focus_areas = (0..areas)
            .map(|i| FocusArea {
                id: format!("a{i}"),
                name: format!("Area {i} {}", text(i)),
                description: None,
                notes: None,
                links: vec![],
            })
            .collect();
        doc.goals = (0..areas * goals_each)
            .map(|i| Goal {
                number: u32::try_from(i * 7 + 1).unwrap(),
                // Every 11th names no area: the view shows the id instead.
                focus_area: format!(
                    "a{}",
                    if i % 11 == 0 {
                        areas + 1
                    } else {
                        i % areas.max(1)
                    }
                ),
                text: text(i),
                description: None,
                plan_period: None,
                notes: None,
                links: vec![],
            })
            .collect();
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

    #[test]
    fn lays_out_exactly_as_before_in_every_shape() {
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
        docs.push(no_areas);
        for doc in docs {
            let state = state(doc);
            for width in [1, 7, 30, 80, 140] {
                let expected = reference_lines(&state, width);
                assert_eq!(lines(&state, width), expected, "width {width}");
                assert_eq!(line_count(&state, width), expected.len());
            }
        }
    }

    #[test]
    fn a_large_document_shows_the_same_window_from_its_cache() {
        // Past the size where the document keeps an index (and this cache).
        let state = state(document(300, 3));
        for width in [12, 61, 100] {
            let expected = reference_lines(&state, width);
            assert_eq!(line_count(&state, width), expected.len());
            for scroll in [
                0,
                1,
                2,
                17,
                299,
                300,
                301,
                expected.len() / 2,
                expected.len() - 3,
            ] {
                for visible in [0, 1, 5, 40] {
                    let (shown, total) = window(&state, width, scroll, visible);
                    let want: Vec<Line<'static>> = expected
                        .iter()
                        .skip(scroll)
                        .take(visible)
                        .cloned()
                        .collect();
                    assert_eq!(shown, want, "width {width}, lines {scroll}+{visible}");
                    assert_eq!(total, expected.len());
                }
            }
            assert_eq!(window(&state, width, expected.len() + 5, 10).0, vec![]);
        }
    }
}
