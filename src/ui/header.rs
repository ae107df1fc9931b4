//! The vision header: organisation and title, the statement, the adoption.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Padding};

use crate::app::State;
use crate::layout::header::{HeaderDetail, lines};

/// Draws the header into `area`, with as much of it as `detail` says fits.
pub fn render(state: &State, frame: &mut Frame, area: Rect, detail: HeaderDetail) {
    let lines = lines(&state.document, usize::from(area.width), detail);
    let lines = super::search_line::highlight(state, super::styled_lines(&state.theme, lines));
    super::render_pane(
        frame,
        area,
        &Block::new().padding(Padding::horizontal(1)),
        &lines,
    );
}
