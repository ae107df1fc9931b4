//! The footer: the most useful keys for the current mode, from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::keymap::Hint;
use crate::app::{Action, State};
use crate::i18n::fill;

/// Draws the footer into `area`. When not every hint fits, the essential
/// ones (help, quit) are kept and others are left out whole, never cut.
pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    if let Some(mut line) = search_line(state, usize::from(area.width)) {
        // In a workshop, where the presenter is stays in sight, at the
        // right, whenever the search leaves room for it.
        if let Some(room) = super::room::status(state) {
            let gap = usize::from(area.width).saturating_sub(line.width() + room.content.width());
            if gap > 0 {
                line.spans.push(Span::raw(" ".repeat(gap)));
                line.spans.push(room);
            }
        }
        super::render_row(frame, area, &line, Style::default());
        return;
    }
    if let Some(message) = &state.message {
        let text =
            crate::layout::text::truncate(message, usize::from(area.width).saturating_sub(8))
                .into_owned();
        let line = Line::from(vec![
            Span::styled(format!(" {} ", state.strings.link), state.theme.key),
            Span::styled(text, state.theme.footer),
        ]);
        super::render_row(frame, area, &line, Style::default());
        return;
    }
    let hints = state.keymap.hints(state.mode, &state.strings);
    let cost = |hint: &Hint| hint.keys.width() + 1 + hint.text.width() + 2;
    let mut budget = usize::from(area.width).saturating_sub(1);
    // The room's status first: in a workshop, where one is matters most.
    let room = super::room::status(state).filter(|s| s.content.width() <= budget);
    budget = budget.saturating_sub(room.as_ref().map_or(0, |s| s.content.width() + 1));
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
    if let Some(room) = room {
        spans.push(room);
        spans.push(Span::raw(" "));
    }
    for (hint, _) in hints.into_iter().zip(keep).filter(|(_, kept)| *kept) {
        spans.push(Span::styled(hint.keys, state.theme.key));
        spans.push(Span::styled(
            format!(" {}  ", hint.text),
            state.theme.footer,
        ));
    }
    super::render_row(frame, area, &Line::from(spans), state.theme.footer);
}

/// The search line: while typing, `/query▏` and how many areas it finds;
/// with a filter kept, the query, the count and the keys to clear or step
/// through it. What does not fit is left out whole, never cut mid-word:
/// the key to step (useless when nothing matches) before the key to clear;
/// a query too long for the line ends in `…`.
fn search_line(state: &State, width: usize) -> Option<Line<'static>> {
    let search = &state.search;
    let typing = matches!(state.mode, crate::app::Mode::Search(_));
    if !typing && !search.is_active() {
        return None;
    }
    let in_vision = || crate::document::matching::matches_vision(&state.document, &search.query);
    let found = match (search.is_active(), search.hits().len()) {
        (false, _) => String::new(),
        // Only the vision statement matches: highlighted in the header, so say where.
        (true, 0) if in_vision() => format!("  {}", state.strings.search_in_vision),
        (true, 0) => format!("  {}", state.strings.search_no_match),
        (true, 1) => format!("  {}", state.strings.search_one),
        (true, n) => format!(
            "  {}",
            fill(&state.strings.search_many, &[("n", &n.to_string())])
        ),
    };
    let cursor = if typing { "▏" } else { "" };
    let room = width.saturating_sub(2 + cursor.width() + found.width());
    let query = crate::layout::text::truncate(&search.query, room).into_owned();
    let found_style = if search.is_active() && search.hits().is_empty() && !in_vision() {
        state.theme.warning
    } else {
        state.theme.muted
    };
    let mut spans = vec![
        Span::styled(" /", state.theme.key),
        Span::styled(query, state.theme.footer),
        Span::styled(cursor, state.theme.key),
        Span::styled(found, found_style),
    ];
    if !typing {
        let keys = &state.keymap;
        let step = keys
            .pair(state.mode, Action::NextHit, Action::PreviousHit)
            .filter(|_| !search.hits().is_empty())
            .map(|keys| (keys, &state.strings.search_next));
        let clear = keys
            .key_for(state.mode, Action::Back)
            .map(|keys| (keys, &state.strings.search_clear));
        let mut used: usize = spans.iter().map(|s| s.content.width()).sum();
        let mut kept = [false; 2];
        for (i, hint) in [&clear, &step].into_iter().enumerate() {
            if let Some((keys, text)) = hint {
                let cost = 2 + keys.width() + 1 + text.width();
                if used + cost <= width {
                    kept[i] = true;
                    used += cost;
                }
            }
        }
        // Shown in reading order: step, then clear.
        if let (Some((keys, text)), true) = (step, kept[1]) {
            spans.push(Span::styled(format!("  {keys}"), state.theme.key));
            spans.push(Span::styled(format!(" {text}"), state.theme.footer));
        }
        if let (Some((keys, text)), true) = (clear, kept[0]) {
            spans.push(Span::styled("  ", state.theme.footer));
            spans.push(Span::styled(keys, state.theme.key));
            spans.push(Span::styled(format!(" {text}"), state.theme.footer));
        }
    }
    Some(Line::from(spans))
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::app::follow::Position;
    use crate::app::keymap::Keymap;
    use crate::app::{Action, State, update};
    use crate::i18n::Lang;
    use crate::theme::Theme;

    /// The footer's text at 80×24 after searching for `query` and keeping
    /// the filter, with these actions given these keys.
    fn kept_filter_footer(query: &str, keys: &[(Action, &[&str])]) -> String {
        let mut state = State::new(crate::document::load::builtin(), Theme::default());
        state.keymap = Keymap::with_keys(keys);
        let mut actions = vec![Action::StartSearch];
        actions.extend(query.chars().map(Action::SearchType));
        actions.push(Action::SearchConfirm);
        footer_after(state, actions)
    }

    /// The footer's text at 80×24, in English, after `actions`.
    fn footer_after(mut state: State, actions: Vec<Action>) -> String {
        state.set_language(Lang::En);
        update(
            &mut state,
            Action::Resize {
                width: 80,
                height: 24,
            },
        );
        for action in actions {
            update(&mut state, action);
        }
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|frame| crate::ui::view(&state, frame))
            .unwrap();
        let buffer = terminal.backend().buffer();
        (0..buffer.area.width)
            .map(|x| buffer[(x, buffer.area.height - 1)].symbol())
            .collect::<String>()
            .trim_end()
            .to_string()
    }

    #[test]
    fn a_participants_search_keeps_the_room_status_in_sight() {
        let mut state = State::new(crate::document::load::builtin(), Theme::default());
        state.join_as_participant();
        let area = Position::Browsing { area: 4 };
        let mut actions = vec![Action::PresenterAt(area), Action::StartSearch];
        actions.extend("utb".chars().map(Action::SearchType));
        let typing = footer_after(state.clone(), actions.clone());
        // While typing, `f` types: the status names no key.
        assert!(typing.starts_with(" /utb▏  1 focus area"), "{typing:?}");
        assert!(typing.ends_with("Presenter: Tillsammans"), "{typing:?}");
        actions.push(Action::SearchConfirm);
        let kept = footer_after(state, actions);
        assert!(kept.starts_with(" /utb  1 focus area"), "{kept:?}");
        assert!(
            kept.ends_with("Presenter: Tillsammans · f follows"),
            "{kept:?}"
        );
    }

    #[test]
    fn the_kept_filters_keys_follow_a_rebinding() {
        let footer = kept_filter_footer("utbildning", &[]);
        assert!(
            footer.ends_with("1 focus area  n/N next  Esc clear"),
            "{footer:?}"
        );
        let footer = kept_filter_footer(
            "utbildning",
            &[(Action::NextHit, &["f"]), (Action::Back, &["x", "esc"])],
        );
        assert!(
            footer.ends_with("1 focus area  f/N next  x clear"),
            "{footer:?}"
        );
        // No key left to step with: no hint for it.
        let footer = kept_filter_footer(
            "utbildning",
            &[(Action::NextHit, &[]), (Action::PreviousHit, &[])],
        );
        assert!(footer.ends_with("1 focus area  Esc clear"), "{footer:?}");
    }
}
