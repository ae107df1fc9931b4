//! The goal-detail pane: the selected focus area's description and goals.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::{wrap, wrap_indented};
use super::{is_focused, pane_block, render_scrolled};
use crate::app::{Pane, State};
use crate::model::Link;
use unicode_width::UnicodeWidthStr;

/// The pane's lines at `width` columns (inside borders and padding).
pub fn lines(state: &State, width: usize) -> Vec<Line<'static>> {
    build(state, width).0
}

/// Where each goal's heading is among [`lines`]: (goal number, line index).
pub fn goal_offsets(state: &State, width: usize) -> Vec<(u32, usize)> {
    build(state, width).1
}

fn build(state: &State, width: usize) -> (Vec<Line<'static>>, Vec<(u32, usize)>) {
    // Long lines are hard to read: past this, the text keeps to the left,
    // as in the background view.
    let width = width.min(super::text::READING_WIDTH);
    let mut offsets = Vec::new();
    let theme = &state.theme;
    let doc = &state.document;
    let mut out: Vec<Line<'static>> = Vec::new();
    let Some(area) = doc.focus_areas.get(state.selected) else {
        out.extend(
            wrap(&state.strings.document_has_no_areas, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.muted)),
        );
        return (out, offsets);
    };
    if let Some(description) = &area.description {
        out.extend(
            wrap(description, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.text)),
        );
        out.push(Line::default());
    }
    push_notes_and_links(&mut out, area.notes.as_deref(), &area.links, width, state);
    let mut any = false;
    for goal in doc.goals_of(&area.id) {
        if any {
            out.push(Line::default());
        }
        any = true;
        offsets.push((goal.number, out.len()));
        let mut heading = vec![Span::styled(
            format!("{} {}", state.strings.goal, goal.number),
            theme.heading,
        )];
        if let Some(period) = doc.plan_period_of(goal) {
            heading.push(Span::styled(format!(" · {period}"), theme.muted));
        }
        // The heading is short, but a 1-column pane must still not overflow.
        let heading_text: String = heading.iter().map(|s| s.content.as_ref()).collect();
        if wrap(&heading_text, width).len() > 1 {
            out.extend(
                wrap(&heading_text, width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.heading)),
            );
        } else {
            out.push(Line::from(heading));
        }
        out.extend(
            wrap(&goal.text, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.text)),
        );
        if let Some(description) = &goal.description {
            out.extend(
                wrap(description, width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.muted)),
            );
        }
        push_notes_and_links(&mut out, goal.notes.as_deref(), &goal.links, width, state);
    }
    if !any {
        out.extend(
            wrap(&state.strings.no_goals, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.muted)),
        );
    }
    (out, offsets)
}

fn push_notes_and_links(
    out: &mut Vec<Line<'static>>,
    notes: Option<&str>,
    links: &[Link],
    width: usize,
    state: &State,
) {
    let theme = &state.theme;
    if let Some(notes) = notes {
        out.extend(
            wrap_indented(
                notes,
                width,
                &format!("{} ", state.strings.notes_label),
                &" ".repeat(state.strings.notes_label.width() + 1),
            )
            .into_iter()
            .map(|l| Line::styled(l, theme.muted)),
        );
    }
    for link in links {
        let text = format!("{} <{}>", link.title, link.url);
        out.extend(
            wrap_indented(&text, width, "→ ", "  ")
                .into_iter()
                .map(|l| Line::styled(l, theme.muted)),
        );
    }
}

/// Draws the detail pane into `area`.
pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let focused = is_focused(state, Pane::GoalDetail);
    let title = match state.document.focus_areas.get(state.selected) {
        Some(area) => {
            let count = state.document.goals_of(&area.id).count();
            format!(" {} · {} ", area.name, state.strings.goal_count(count))
        }
        None => format!(" {} ", state.strings.goals),
    };
    let block = pane_block(
        super::text::truncate(&title, usize::from(area.width.saturating_sub(2))).into_owned(),
        focused,
        &state.theme,
    );
    let width = usize::from(super::pane_inner(area).width);
    let lines = if state.search.is_active() && state.search.hits().is_empty() {
        let message = crate::i18n::fill(
            &state.strings.nothing_matches,
            &[("query", &state.search.query)],
        );
        wrap(&message, width)
            .into_iter()
            .map(|l| Line::styled(l, state.theme.muted))
            .collect()
    } else {
        super::search::highlight(state, lines(state, width))
    };
    render_scrolled(frame, area, block, lines, state.detail_scroll);
}
