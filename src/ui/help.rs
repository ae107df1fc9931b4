//! The help overlay: every key binding, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;
use unicode_width::UnicodeWidthStr;

use super::text::wrap_indented;
use super::{pane_block, pane_inner, render_scrolled};
use crate::app::State;

/// The widest the overlay gets.
const MAX_WIDTH: u16 = 68;

/// Where the overlay goes in a screen of `area`.
pub fn popup(state: &State, area: Rect) -> Rect {
    let width = area
        .width
        .saturating_sub(4)
        .min(MAX_WIDTH)
        .max(area.width.min(MIN_POPUP_WIDTH));
    let inner_width = usize::from(width.saturating_sub(4));
    let wanted = u16::try_from(lines(state, inner_width).len() + 2).unwrap_or(u16::MAX);
    let height = wanted
        .min(area.height.saturating_sub(2))
        .max(area.height.min(3));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

const MIN_POPUP_WIDTH: u16 = 20;

/// The text area inside the overlay.
pub fn popup_inner(state: &State, area: Rect) -> Rect {
    pane_inner(popup(state, area))
}

/// The help's lines at `width` columns.
pub fn lines(state: &State, width: usize) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let rows = state.keymap.help_rows(state.mode, &state.strings);
    let key_width = rows
        .iter()
        .map(|(_, keys, _)| keys.width())
        .max()
        .unwrap_or(0);
    // Narrow screens put the description under the keys instead of beside them.
    let side_by_side = width >= key_width + 2 + 16;
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut section = None;
    for (row_section, keys, description) in rows {
        if section != Some(row_section) {
            if section.is_some() {
                out.push(Line::default());
            }
            out.push(Line::styled(
                row_section.title(&state.strings).to_string(),
                theme.heading,
            ));
            section = Some(row_section);
        }
        if side_by_side {
            let pad = " ".repeat(key_width - keys.width() + 2);
            let indent = " ".repeat(key_width + 2);
            let text = wrap_indented(&description, width, &indent, &indent);
            for (i, line) in text.into_iter().enumerate() {
                let rest = line.get(indent.len()..).unwrap_or("").to_string();
                if i == 0 {
                    out.push(Line::from(vec![
                        Span::styled(keys.clone(), theme.key),
                        Span::raw(pad.clone()),
                        Span::styled(rest, theme.text),
                    ]));
                } else {
                    out.push(Line::from(vec![
                        Span::raw(indent.clone()),
                        Span::styled(rest, theme.text),
                    ]));
                }
            }
        } else {
            for line in wrap_indented(&keys, width, "", "") {
                out.push(Line::styled(line, theme.key));
            }
            for line in wrap_indented(&description, width, "  ", "  ") {
                out.push(Line::styled(line, theme.text));
            }
        }
    }
    out
}

/// Draws the overlay over whatever is in `area`.
pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let popup = popup(state, area);
    let close = state
        .keymap
        .key_for(state.mode, crate::app::Action::Back)
        .unwrap_or_default();
    let title = format!(
        " {} ",
        crate::i18n::fill(&state.strings.help_title, &[("key", &close)])
    );
    let block = pane_block(title, true, &state.theme);
    let width = usize::from(pane_inner(popup).width);
    frame.render_widget(Clear, popup);
    render_scrolled(frame, popup, block, lines(state, width), state.help_scroll);
}
