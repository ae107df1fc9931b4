//! The footer: the most useful keys for the current mode, from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::app::State;

/// Draws the footer into `area`; hints that do not fit are left out whole
/// rather than cut in the middle.
pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for hint in state.keymap.hints(state.mode) {
        let cost = hint.keys.width() + 1 + hint.text.width() + 2;
        if used + cost > width {
            break;
        }
        used += cost;
        spans.push(Span::styled(hint.keys, state.theme.key));
        spans.push(Span::styled(
            format!(" {}  ", hint.text),
            state.theme.footer,
        ));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(state.theme.footer),
        area,
    );
}
