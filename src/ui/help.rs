//! The help overlay: every key binding, generated from the keymap and laid
//! out by [`crate::layout::help`].

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use super::pane::PaneFrame;
use super::render_scrolled;
use crate::app::State;
use crate::layout::help::HelpLine;
use crate::theme::Theme;

/// A line of the overlay with the theme's styles.
pub(super) fn styled(theme: &Theme, line: HelpLine) -> Line<'static> {
    match line {
        HelpLine::Heading(text) => Line::styled(text, theme.heading),
        HelpLine::Blank => Line::default(),
        HelpLine::Row { keys, gap, text } => Line::from(vec![
            Span::styled(keys, theme.key),
            Span::raw(" ".repeat(gap)),
            Span::styled(text, theme.text),
        ]),
        HelpLine::More { indent, text } => Line::from(vec![
            Span::raw(" ".repeat(indent)),
            Span::styled(text, theme.text),
        ]),
        HelpLine::Keys(keys) => Line::styled(keys, theme.key),
        HelpLine::Text(text) => Line::styled(text, theme.text),
    }
}

/// Draws the overlay over whatever is in `area`.
pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let overlay = state.help_overlay(area);
    let close = state
        .keymap
        .key_for(state.mode, crate::app::Action::Back)
        .unwrap_or_default();
    let title = format!(
        " {} ",
        crate::i18n::fill(&state.strings.help_title, &[("key", &close)])
    );
    let block = PaneFrame::new(title, true, &state.theme);
    let lines = overlay
        .lines
        .into_iter()
        .map(|line| styled(&state.theme, line))
        .collect();
    frame.render_widget(Clear, overlay.popup);
    render_scrolled(frame, overlay.popup, block, lines, state.help_scroll);
}
