//! The background view: the document's own text about how the vision was
//! made, laid out in blocks by [`crate::layout::background`].

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::pane::PaneFrame;
use super::{pane_inner, styled_lines};
use crate::app::State;
use crate::layout::background::View;
use crate::layout::text::wrap_indented;

/// Draws the background view into `area` (the whole body below the header).
pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let focused = matches!(state.mode, crate::app::Mode::Background(_));
    let block = PaneFrame::new(
        format!(" {} · {} ", state.strings.background, state.document.title),
        focused,
        &state.theme,
    );
    let inner = pane_inner(area);
    let visible = usize::from(inner.height);
    let view = View::new(&state.document, usize::from(inner.width));
    // `update` keeps the place in range (a place past the end would draw nothing).
    let at = state.background_scroll;
    let lines = if view.is_empty() {
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
        styled_lines(&state.theme, view.window(at, visible))
    };
    super::render_pane(frame, area, &block, &lines);
    let (position, last, shown) = view.scrollbar(at, visible);
    super::scrollbar(frame, area, last + shown, shown, position);
}
