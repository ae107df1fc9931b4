//! Shown instead of a broken layout when the terminal is below the minimum.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::State;
use crate::layout::screen::{MIN_HEIGHT, MIN_WIDTH};
use crate::layout::text::wrap;

/// The browser's minimum size, for [`render`].
pub const BROWSER_MIN: (u16, u16) = (MIN_WIDTH, MIN_HEIGHT);

/// Draws "terminal too small: need W×H, have w×h", wrapped to fit.
pub fn render(state: &State, frame: &mut Frame, area: Rect, (min_width, min_height): (u16, u16)) {
    let need = format!("{min_width}×{min_height}");
    let have = format!("{}×{}", area.width, area.height);
    let message = crate::i18n::fill(
        &state.strings.too_small,
        &[("need", &need), ("have", &have)],
    );
    let width = usize::from(area.width);
    let mut lines: Vec<Line<'static>> = wrap(&message, width)
        .into_iter()
        .map(|l| Line::styled(l, state.theme.warning))
        .collect();
    let quit = state.keymap.quit_key(state.mode).unwrap_or_default();
    lines.extend(
        wrap(
            &crate::i18n::fill(&state.strings.key_quits, &[("key", &quit)]),
            width,
        )
        .into_iter()
        .map(|l| Line::styled(l, state.theme.muted)),
    );
    let top = area
        .height
        .saturating_sub(u16::try_from(lines.len()).unwrap_or(u16::MAX))
        / 2;
    let body = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(Paragraph::new(lines).centered(), body);
}
