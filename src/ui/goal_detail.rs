//! The goal-detail pane: the selected focus area's description and goals.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::pane::PaneFrame;
use super::{is_focused, pane_inner, render_pane, render_scrolled, scrollbar, styled};
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
    let block = PaneFrame::new(
        truncate(&title, usize::from(area.width.saturating_sub(2))).into_owned(),
        focused,
        &state.theme,
    );
    let inner = pane_inner(area);
    let width = usize::from(inner.width);
    let scroll = state.detail_scroll;
    if state.search.is_active() && state.search.hits().is_empty() {
        let message = crate::i18n::fill(
            &state.strings.nothing_matches,
            &[("query", &state.search.query)],
        );
        let lines = wrap(&message, width)
            .into_iter()
            .map(|l| Line::styled(l, state.theme.muted))
            .collect();
        render_scrolled(frame, area, block, lines, scroll);
        return;
    }
    // Only the rows on screen are styled (and searched): the text is laid
    // out once for every session, and a goal pane may be long.
    let detail = state.detail(width);
    let visible = usize::from(inner.height);
    let window = detail.lines.iter().skip(scroll).take(visible).cloned();
    let lines = window.map(|line| styled(&state.theme, line)).collect();
    render_pane(
        frame,
        area,
        &block,
        &super::search_line::highlight(state, lines),
    );
    scrollbar(frame, area, detail.lines.len(), visible, scroll);
}
