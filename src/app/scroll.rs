//! Moving and scrolling, and restoring the invariants after every
//! transition, measured with the layout that `ui` draws.

use super::{Mode, Pane, State, present};
use crate::layout::{self, BlockLine, Step};

/// Moves whatever the current mode moves: the selection or a scroll offset.
pub(super) fn step(state: &mut State, step: Step) {
    match state.mode {
        Mode::Browse(Pane::FocusList) => {
            // Move among the focus areas shown: all, or those the search finds.
            if let Some(position) = state.visible_position(state.selected) {
                let last = state.visible_len().saturating_sub(1);
                state.selected = state
                    .visible_at(step.apply(position).min(last))
                    .unwrap_or(state.selected);
            }
        }
        Mode::Browse(Pane::GoalDetail) => state.detail_scroll = step.apply(state.detail_scroll),
        Mode::Background(_) => {
            let view = state.measure().background;
            state.background_scroll = layout::background::scroll(
                &state.document,
                (view.width, view.height),
                state.background_scroll,
                step,
            );
        }
        Mode::Help(_) => state.help_scroll = step.apply(state.help_scroll),
        Mode::Present(_) | Mode::Search(_) => {}
    }
}

/// Moves a page (or half of one) down or up in whatever the current mode moves.
pub(super) fn page(state: &mut State, down: bool, half: bool) {
    let page = page_height(state);
    let amount = if half { (page / 2).max(1) } else { page.max(1) };
    step(
        state,
        if down {
            Step::Down(amount)
        } else {
            Step::Up(amount)
        },
    );
}

/// The height of the region that paging moves in the current mode.
fn page_height(state: &State) -> usize {
    let m = state.measure();
    match state.mode {
        Mode::Browse(Pane::FocusList) => m.list.visible,
        Mode::Browse(Pane::GoalDetail) => m.detail.visible,
        Mode::Background(_) => usize::from(m.background.height),
        Mode::Help(_) => m.help.visible,
        Mode::Present(_) | Mode::Search(_) => 1,
    }
}

/// Restores the invariants after any change (including a resize): every
/// transition ends here.
pub(super) fn clamp(state: &mut State) {
    let count = state.document.focus_areas.len();
    state.selected = state.selected.min(count.saturating_sub(1));
    // With a search, the selection is one of the areas it finds (if any).
    if state.visible_position(state.selected).is_none()
        && let Some(first) = state.visible_at(0)
    {
        state.selected = first;
    }
    let position = state.visible_position(state.selected).unwrap_or(0);
    let visible_len = state.visible_len();
    let m = state.measure();
    let rows = m.list.visible.max(1);
    if position < state.list_offset {
        state.list_offset = position;
    } else if position >= state.list_offset + rows {
        state.list_offset = position + 1 - rows;
    }
    // Never leave blank rows at the bottom when the list could show more.
    state.list_offset = state.list_offset.min(visible_len.saturating_sub(rows));
    if !m.help.is_empty() {
        state.help_scroll = state.help_scroll.min(m.help.max_scroll());
    }
    if state.is_presenting() {
        present::lay_out(state);
    }
    if m.too_small {
        // Nothing scrollable is on screen: keep the offsets for when it grows again.
        return;
    }
    if let Some(number) = state.anchor_goal {
        let width = usize::from(state.detail_width());
        if let Some((_, line)) = state.detail(width).goals.iter().find(|(n, _)| *n == number) {
            state.detail_scroll = *line;
        }
    }
    state.detail_scroll = state.detail_scroll.min(m.detail.max_scroll());
    state.background_scroll = if m.background.is_empty() {
        // Not on screen: the view opens at the top.
        BlockLine::default()
    } else {
        let view = m.background;
        layout::background::clamp(
            &state.document,
            (view.width, view.height),
            state.background_scroll,
        )
    };
}
