//! Drawing: `view(&State, &mut Frame)` and one small module per region.
//!
//! Rendering reads the state and never changes it. Where things go and how
//! texts wrap comes from [`crate::layout`], which `update` clamps with, so
//! scrolling is clamped to exactly what is drawn; this module gives the laid
//! out lines their styles and draws them.

pub mod background;
pub mod focus_list;
pub mod footer;
pub mod goal_detail;
pub mod header;
pub mod help;
pub mod pane;
pub mod room;
pub mod search_line;
pub mod slides;
pub mod too_small;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Widget};

use crate::app::{Mode, Pane, State};
use crate::layout::screen::{self, pane_inner};
use crate::layout::text::truncate;
use crate::layout::{TextLine, Tone};
use crate::theme::Theme;
use pane::PaneFrame;

/// Draws the whole screen for `state`.
pub fn view(state: &State, frame: &mut Frame) {
    let area = frame.area();
    // The theme's base colours under everything. The default base is the
    // terminal's own colours, which every cell of a fresh frame already has:
    // no pass over the whole screen for it.
    if state.theme.base != ratatui::style::Style::default() {
        frame.render_widget(Block::new().style(state.theme.base), area);
    }
    if let Mode::Present(show) | Mode::Help(crate::app::Underlay::Present(show)) = state.mode {
        slides::render(state, frame, area, show);
        if let Mode::Help(_) = state.mode {
            help::render(state, frame, area);
        }
        if show != crate::app::Show::Blank {
            banner(state, frame, area);
        }
        return;
    }
    let Some(areas) = screen::areas(&state.document, area) else {
        too_small::render(state, frame, area, too_small::BROWSER_MIN);
        return;
    };
    header::render(state, frame, areas.header, areas.header_detail);
    match state.mode {
        Mode::Background(_) | Mode::Help(crate::app::Underlay::Background(_)) => {
            background::render(state, frame, areas.body);
        }
        _ => {
            focus_list::render(state, frame, areas.list);
            goal_detail::render(state, frame, areas.detail);
        }
    }
    footer::render(state, frame, areas.footer);
    if let Mode::Help(_) = state.mode {
        help::render(state, frame, area);
    }
    banner(state, frame, area);
}

/// The live-reload error, over the top row: the document on screen is the
/// last good version, and this says why the newer one was refused.
fn banner(state: &State, frame: &mut Frame, area: Rect) {
    let Some(error) = &state.reload_error else {
        return;
    };
    let row = Rect {
        height: 1.min(area.height),
        ..area
    };
    let text = format!(
        " ! {} ",
        crate::i18n::fill(&state.strings.not_reloaded, &[("error", error)])
    );
    let line = Line::styled(
        truncate(&text, usize::from(area.width)).into_owned(),
        state
            .theme
            .warning
            .add_modifier(ratatui::style::Modifier::REVERSED),
    );
    frame.render_widget(Paragraph::new(line), row);
}

/// The theme's style for a line of `tone`.
fn tone_style(theme: &Theme, tone: Tone) -> Style {
    match tone {
        Tone::Text => theme.text,
        Tone::Muted => theme.muted,
        Tone::Heading | Tone::HeadingThenMuted { .. } => theme.heading,
        Tone::Title => theme.title,
        Tone::Statement => theme.statement,
    }
}

/// A laid-out line, styled by its tone.
pub fn styled(theme: &Theme, line: TextLine) -> Line<'static> {
    let TextLine { mut text, tone } = line;
    match tone {
        _ if text.is_empty() => Line::default(),
        Tone::HeadingThenMuted { at } if text.is_char_boundary(at) => {
            let muted = text.split_off(at);
            Line::from(vec![
                Span::styled(text, theme.heading),
                Span::styled(muted, theme.muted),
            ])
        }
        tone => Line::styled(text, tone_style(theme, tone)),
    }
}

/// Laid-out lines, each styled by its tone.
pub fn styled_lines(theme: &Theme, lines: Vec<TextLine>) -> Vec<Line<'static>> {
    lines.into_iter().map(|line| styled(theme, line)).collect()
}

/// What is drawn around a pane's lines: a browsing pane's [`PaneFrame`], the
/// header's padding ([`Padded`]), or a block (the speaker notes' border with
/// its hints).
pub trait Chrome {
    /// Draws it over `area`.
    fn render_chrome(&self, area: Rect, buffer: &mut Buffer);
    /// The area left inside it for the lines.
    fn inner(&self, area: Rect) -> Rect;
}

impl Chrome for Block<'_> {
    fn render_chrome(&self, area: Rect, buffer: &mut Buffer) {
        Widget::render(self, area, buffer);
    }

    fn inner(&self, area: Rect) -> Rect {
        Block::inner(self, area)
    }
}

/// No border, a column of padding each side (the header): what
/// `Block::new().padding(Padding::horizontal(1))` draws, which is nothing.
pub struct Padded;

impl Chrome for Padded {
    fn render_chrome(&self, _area: Rect, _buffer: &mut Buffer) {}

    fn inner(&self, area: Rect) -> Rect {
        Block::new()
            .padding(ratatui::widgets::Padding::horizontal(1))
            .inner(area)
    }
}

impl Chrome for PaneFrame<'_> {
    fn render_chrome(&self, area: Rect, buffer: &mut Buffer) {
        self.render(area, buffer);
    }

    fn inner(&self, area: Rect) -> Rect {
        PaneFrame::inner(self, area)
    }
}

/// True when the browsing pane `pane` has the keyboard.
pub fn is_focused(state: &State, pane: Pane) -> bool {
    state.mode == Mode::Browse(pane)
}

/// Draws `lines` from `scroll` in a pane, with a scrollbar on the border when
/// the text is longer than the pane.
pub fn render_scrolled(
    frame: &mut Frame,
    area: Rect,
    block: impl Chrome,
    lines: Vec<Line<'static>>,
    scroll: usize,
) {
    let visible = usize::from(pane_inner(area).height);
    let total = lines.len();
    render_pane(frame, area, &block, lines.get(scroll..).unwrap_or_default());
    scrollbar(frame, area, total, visible, scroll);
}

/// Draws `chrome` over `area` and `lines` inside it, one per row from the
/// top, each cut at the inner width. What `Paragraph::new(lines).block(block)`
/// draws for left-aligned lines, with less work: the paragraph passes its
/// style over every cell of the area twice more and composes the lines
/// grapheme by grapheme, on every frame. Centred text (slides, the size
/// notice) keeps `Paragraph`.
pub fn render_pane(frame: &mut Frame, area: Rect, chrome: &impl Chrome, lines: &[Line<'_>]) {
    chrome.render_chrome(area, frame.buffer_mut());
    render_lines(frame, chrome.inner(area), lines);
}

/// Draws `line` on the top row of `area` over `style` laid on the whole area:
/// what `Paragraph::new(line).style(style)` draws for a left-aligned line,
/// with less work (the footer, on every frame).
pub fn render_row(frame: &mut Frame, area: Rect, line: &Line<'_>, style: Style) {
    if style != Style::default() {
        frame.buffer_mut().set_style(area, style);
    }
    render_lines(frame, area, std::slice::from_ref(line));
}

/// Draws left-aligned `lines` into `area`, one per row, each cut at its width.
/// Like `Paragraph`, a line's style applies to its text, not the whole row;
/// unlike it, control characters are dropped rather than drawn.
fn render_lines(frame: &mut Frame, area: Rect, lines: &[Line<'_>]) {
    let buffer = frame.buffer_mut();
    let area = area.intersection(buffer.area);
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        let mut x = area.x;
        for span in line {
            let room = area.right().saturating_sub(x);
            if room == 0 {
                break;
            }
            let style = line.style.patch(span.style);
            if crate::layout::text::is_simple(&span.content) {
                // One cell a character: what `set_line` draws, without
                // segmenting the text into grapheme clusters first, straight
                // into the row's cells (x and y are inside the buffer).
                let start = buffer.index_of(x, y);
                let cells = &mut buffer.content[start..start + usize::from(room)];
                for (c, cell) in span.content.chars().zip(cells) {
                    cell.set_char(c).set_style(style);
                    x += 1;
                }
            } else {
                x = buffer
                    .set_stringn(x, y, &span.content, usize::from(room), style)
                    .0;
            }
        }
    }
}

/// A scrollbar on the right border of a pane, only when `total` rows do not
/// fit in `visible`.
pub fn scrollbar(frame: &mut Frame, area: Rect, total: usize, visible: usize, position: usize) {
    if total <= visible || area.height <= 2 {
        return;
    }
    let mut bar = ScrollbarState::new(total.saturating_sub(visible))
        .position(position)
        .viewport_content_length(visible);
    let track = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    frame.render_stateful_widget(
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None),
        track,
        &mut bar,
    );
}

#[cfg(test)]
mod tests;
