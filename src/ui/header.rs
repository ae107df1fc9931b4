//! The vision header: organisation and title, the statement, the adoption.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::State;
use crate::layout::header::{HeaderDetail, shared_lines};

/// Draws the header into `area`, with as much of it as `detail` says fits.
pub fn render(state: &State, frame: &mut Frame, area: Rect, detail: HeaderDetail) {
    let lines = shared_lines(&state.document, usize::from(area.width), detail);
    let lines = lines
        .iter()
        .map(|line| super::styled(&state.theme, line.clone()));
    let lines = super::search_line::highlight(state, lines.collect());
    super::render_pane(frame, area, &super::Padded, &lines);
}
