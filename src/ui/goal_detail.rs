//! The goal-detail pane: the selected focus area's description and goals.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{is_focused, pane_block, pane_inner, render_scrolled, styled_lines};
use crate::app::{Pane, State};
use crate::layout::text::{truncate, wrap};

/// Draws the detail pane into `area`.
pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let focused = is_focused(state, Pane::GoalDetail);
    let title = match state.document.focus_areas.get(state.selected) {
        Some(area) => {
            let count = state.document.goals_of(&area.id).count();
            format!(" {} · {} ", area.name, state.strings.goal_count(count))
        }
        None => format!(" {} ", state.strings.goals),
    };
    let block = pane_block(
        truncate(&title, usize::from(area.width.saturating_sub(2))).into_owned(),
        focused,
        &state.theme,
    );
    let width = usize::from(pane_inner(area).width);
    let lines = if state.search.is_active() && state.search.hits().is_empty() {
        let message = crate::i18n::fill(
            &state.strings.nothing_matches,
            &[("query", &state.search.query)],
        );
        wrap(&message, width)
            .into_iter()
            .map(|l| Line::styled(l, state.theme.muted))
            .collect()
    } else {
        let detail = state.detail(width);
        super::search_line::highlight(state, styled_lines(&state.theme, detail.lines))
    };
    render_scrolled(frame, area, block, lines, state.detail_scroll);
}
