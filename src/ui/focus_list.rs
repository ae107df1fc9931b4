//! The focus-area list: number, name and goal count per row; the selected
//! row carries a `▶` marker as well as reverse video.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::text::truncate;
use super::{is_focused, pane_block, pane_inner, scrollbar};
use crate::app::{Pane, State};
use ratatui::widgets::Paragraph;

/// Marks the selected row, so the selection shows without colour.
pub const MARKER: &str = "▶ ";

/// Draws the list pane into `area`.
pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let focused = is_focused(state, Pane::FocusList);
    let areas = &state.document.focus_areas;
    let title = format!(" Focus areas ({}) ", areas.len());
    let block = pane_block(title, focused, &state.theme);
    let width = usize::from(pane_inner(area).width);
    let number_width = areas.len().to_string().len();
    let mut lines: Vec<Line<'static>> = Vec::with_capacity(areas.len().max(1));
    if areas.is_empty() {
        lines.push(Line::styled("(no focus areas)", state.theme.muted));
    }
    // Only the visible rows are built: a document may have thousands of areas.
    let visible = usize::from(pane_inner(area).height);
    for (i, focus_area) in areas
        .iter()
        .enumerate()
        .skip(state.list_offset)
        .take(visible)
    {
        let selected = i == state.selected;
        let marker = if selected { MARKER } else { "  " };
        let count = state.document.goals_of(&focus_area.id).count().to_string();
        let prefix = format!("{marker}{:>number_width$} ", i + 1);
        let room = width.saturating_sub(prefix.width() + count.width() + 1);
        let name = truncate(&focus_area.name, room).into_owned();
        let gap = width.saturating_sub(prefix.width() + name.width() + count.width());
        let text = format!("{prefix}{name}{}{count}", " ".repeat(gap));
        let style = match (selected, focused) {
            (true, true) => state.theme.selected,
            (true, false) => state.theme.selected_unfocused,
            _ => state.theme.text,
        };
        lines.push(Line::from(vec![Span::styled(
            truncate(&text, width).into_owned(),
            style,
        )]));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
    scrollbar(frame, area, areas.len(), visible, state.list_offset);
}
