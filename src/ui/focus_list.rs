//! The focus-area list: number, name and goal count per row; the selected
//! row carries a `▶` marker as well as reverse video.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::pane::PaneFrame;
use super::{is_focused, pane_inner, scrollbar};
use crate::app::{Pane, State};
use crate::layout::text::{self, truncate};

/// Marks the selected row, so the selection shows without colour.
pub const MARKER: &str = "▶ ";

/// Draws the list pane into `area`.
pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let focused = is_focused(state, Pane::FocusList);
    let areas = &state.document.focus_areas;
    let title = if state.search.is_active() {
        format!(
            " {} ({} {} {}) ",
            state.strings.focus_areas,
            state.search.hits().len(),
            state.strings.of,
            areas.len()
        )
    } else {
        format!(" {} ({}) ", state.strings.focus_areas, areas.len())
    };
    let block = PaneFrame::new(title, focused, &state.theme);
    let width = usize::from(pane_inner(area).width);
    let number_width = areas.len().to_string().len();
    let mut lines: Vec<Line<'static>> = Vec::new();
    // Said in full, wrapped: the list has nothing else to show.
    let notice = if areas.is_empty() {
        Some((&state.strings.no_focus_areas, state.theme.muted))
    } else if state.search.is_active() && state.search.hits().is_empty() {
        Some((&state.strings.no_area_matches, state.theme.warning))
    } else {
        None
    };
    if let Some((text, style)) = notice {
        lines.extend(
            text::wrap(text, width)
                .into_iter()
                .map(|l| Line::styled(l, style)),
        );
    }
    // Only the visible rows are built: a document may have thousands of areas.
    let visible = usize::from(pane_inner(area).height);
    let rows =
        (state.list_offset..state.list_offset + visible).filter_map(|row| state.visible_at(row));
    for i in rows {
        let focus_area = &areas[i];
        let selected = i == state.selected;
        let marker = if selected { MARKER } else { "  " };
        let count = state.document.goals_of(&focus_area.id).count().to_string();
        let prefix = format!("{marker}{:>number_width$} ", i + 1);
        let room = width.saturating_sub(prefix.width() + count.width() + 1);
        let name = truncate(&focus_area.name, room).into_owned();
        let gap = width.saturating_sub(prefix.width() + text::width(&name) + count.width());
        let style = match (selected, focused) {
            (true, true) => state.theme.selected,
            (true, false) => state.theme.selected_unfocused,
            _ => state.theme.text,
        };
        let row = Line::from(vec![
            Span::styled(prefix, style),
            Span::styled(name, style),
            Span::styled(format!("{}{count}", " ".repeat(gap)), style),
        ]);
        // Highlight only the name, not the numbers around it.
        let mut row = row;
        let name_span = row.spans.remove(1);
        let highlighted = super::search_line::highlight(state, vec![Line::from(name_span)]);
        let name_spans = highlighted
            .into_iter()
            .next()
            .map(|l| l.spans)
            .unwrap_or_default();
        row.spans.splice(1..1, name_spans);
        lines.push(row);
    }
    super::render_pane(frame, area, &block, &lines);
    scrollbar(frame, area, state.visible_len(), visible, state.list_offset);
}
