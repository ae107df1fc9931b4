//! The footer: the most useful keys for the current mode, from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::app::State;
use crate::i18n::fill;
use crate::keymap::Hint;

/// Draws the footer into `area`. When not every hint fits, the essential
/// ones (help, quit) are kept and others are left out whole, never cut.
pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    if let Some(line) = search_line(state, usize::from(area.width)) {
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    if let Some(message) = &state.message {
        let text =
            super::text::truncate(message, usize::from(area.width).saturating_sub(8)).into_owned();
        let line = Line::from(vec![
            Span::styled(format!(" {} ", state.strings.link), state.theme.key),
            Span::styled(text, state.theme.footer),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let hints = state.keymap.hints(state.mode, &state.strings);
    let cost = |hint: &Hint| hint.keys.width() + 1 + hint.text.width() + 2;
    let mut budget = usize::from(area.width).saturating_sub(1);
    let mut keep = vec![false; hints.len()];
    // Essentials first, then the rest in order while they fit.
    for pass_essential in [true, false] {
        for (i, hint) in hints.iter().enumerate() {
            if hint.essential == pass_essential && !keep[i] && cost(hint) <= budget {
                keep[i] = true;
                budget -= cost(hint);
            }
        }
    }
    let mut spans = vec![Span::raw(" ")];
    for (hint, _) in hints.into_iter().zip(keep).filter(|(_, kept)| *kept) {
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

/// The search line: while typing, `/query▏` and how many areas it finds;
/// with a filter kept, the query, the count and the keys to step or clear.
fn search_line(state: &State, width: usize) -> Option<Line<'static>> {
    let search = &state.search;
    let typing = matches!(state.mode, crate::app::Mode::Search(_));
    if !typing && !search.is_active() {
        return None;
    }
    let found = match (search.is_active(), search.hits().len()) {
        (false, _) => String::new(),
        // Only the vision statement matches: highlighted in the header, so say where.
        (true, 0) if crate::search::matches_vision(&state.document, &search.query) => {
            format!("  {}", state.strings.search_in_vision)
        }
        (true, 0) => format!("  {}", state.strings.search_no_match),
        (true, 1) => format!("  {}", state.strings.search_one),
        (true, n) => format!(
            "  {}",
            fill(&state.strings.search_many, &[("n", &n.to_string())])
        ),
    };
    let query =
        super::text::truncate(&search.query, width.saturating_sub(found.width() + 12)).into_owned();
    let mut spans = vec![
        Span::styled(" /", state.theme.key),
        Span::styled(query, state.theme.footer),
    ];
    if typing {
        spans.push(Span::styled("▏", state.theme.key));
    }
    let found_style = if search.is_active()
        && search.hits().is_empty()
        && !crate::search::matches_vision(&state.document, &search.query)
    {
        state.theme.warning
    } else {
        state.theme.muted
    };
    spans.push(Span::styled(found, found_style));
    if !typing {
        spans.push(Span::styled("  n/N", state.theme.key));
        spans.push(Span::styled(
            format!(" {}  ", state.strings.search_next),
            state.theme.footer,
        ));
        spans.push(Span::styled("Esc", state.theme.key));
        spans.push(Span::styled(
            format!(" {}", state.strings.search_clear),
            state.theme.footer,
        ));
    }
    Some(Line::from(spans))
}
