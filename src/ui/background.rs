//! The background view: how the vision was made, how vision, focus areas and
//! goals fit together, and where to read more. All of it is the document's
//! own text, in the document's order.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::text::{wrap, wrap_indented};
use super::{pane_block, render_scrolled};
use crate::app::State;

/// The widest a line of prose gets, in columns.
pub const READING_WIDTH: usize = 100;

/// The view's lines at `width` columns.
pub fn lines(state: &State, width: usize) -> Vec<Line<'static>> {
    // Long lines are hard to read: past this, the text keeps to the left.
    let width = width.min(READING_WIDTH);
    let doc = &state.document;
    let theme = &state.theme;
    let mut out: Vec<Line<'static>> = Vec::new();
    let paragraph = |out: &mut Vec<Line<'static>>, text: &str, style| {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.extend(
            wrap(text, width)
                .into_iter()
                .map(|l| Line::styled(l, style)),
        );
    };
    let adopted = super::header::adoption_line(doc);
    if !adopted.is_empty() {
        paragraph(&mut out, &adopted, theme.muted);
    }
    for section in &doc.background {
        if let Some(heading) = &section.heading {
            paragraph(&mut out, heading, theme.heading);
        }
        for text in &section.paragraphs {
            paragraph(&mut out, text, theme.text);
        }
    }
    if let Some(intro) = &doc.focus_areas_intro {
        paragraph(&mut out, intro, theme.text);
    }
    if !doc.focus_areas.is_empty() {
        out.push(Line::default());
        for area in &doc.focus_areas {
            out.extend(
                wrap_indented(&area.name, width, "  – ", "    ")
                    .into_iter()
                    .map(|l| Line::styled(l, theme.text)),
            );
        }
    }
    if let Some(intro) = &doc.goals_intro {
        paragraph(&mut out, intro, theme.text);
    }
    if !doc.goals.is_empty() {
        out.push(Line::default());
        let number_width = doc
            .goals
            .iter()
            .map(|g| g.number.to_string().len())
            .max()
            .unwrap_or(1);
        for goal in &doc.goals {
            let area = doc
                .focus_area(&goal.focus_area)
                .map_or(goal.focus_area.as_str(), |a| a.name.as_str());
            let first = format!("  {:>number_width$}. ", goal.number);
            let rest = " ".repeat(first.len());
            let text = format!("{} ({area})", goal.text);
            out.extend(
                wrap_indented(&text, width, &first, &rest)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.text)),
            );
        }
    }
    for reference in &doc.references {
        paragraph(&mut out, &reference.text, theme.text);
        if let Some(url) = &reference.url {
            out.extend(
                wrap_indented(url, width, "→ ", "  ")
                    .into_iter()
                    .map(|l| Line::styled(l, theme.muted)),
            );
        }
    }
    out
}

/// Draws the background view into `area` (the whole body below the header).
pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let focused = matches!(state.mode, crate::app::Mode::Background(_));
    let block = pane_block(
        format!(" {} · {} ", state.strings.background, state.document.title),
        focused,
        &state.theme,
    );
    let width = usize::from(super::pane_inner(area).width);
    render_scrolled(
        frame,
        area,
        block,
        lines(state, width),
        state.background_scroll,
    );
}
