//! The speaker view's box beside the notes: the next slide in miniature, as
//! `layout` lays it out for the box (a plain heading, the body wrapped to
//! the box, `…` when it is cut), or that the presentation ends.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Padding, Paragraph};

use super::role_style;
use crate::app::State;
use crate::layout::screen::pane_inner;
use crate::layout::slides::{self, Next, Preview};
use crate::layout::text::{self, truncate};

/// Draws the box with what comes after the slide on screen into `area`.
pub(super) fn render(state: &State, frame: &mut Frame, area: Rect) {
    let inner = pane_inner(area);
    let p = &state.presentation;
    let next = slides::next_slide(
        &state.document,
        &state.strings,
        &p.deck,
        p.part,
        (usize::from(inner.width), usize::from(inner.height)),
    );
    let word = &state.strings.next_box;
    let title = match &next {
        Next::Slide(preview) => {
            let total = slides::count(&state.document);
            let part = if preview.parts > 1 {
                format!(" ({}/{})", preview.part + 1, preview.parts)
            } else {
                String::new()
            };
            format!(" {word} · {} / {total}{part} ", preview.topic + 1)
        }
        Next::End => format!(" {word} "),
    };
    let block = Block::bordered()
        .title(title)
        .border_style(state.theme.border)
        .padding(Padding::horizontal(1));
    frame.render_widget(block, area);
    match next {
        Next::Slide(preview) => miniature(state, frame, inner, &preview),
        Next::End => {
            let end = truncate(&state.strings.end_of_presentation, usize::from(inner.width));
            let line = Line::styled(end.into_owned(), state.theme.slide_muted);
            frame.render_widget(Paragraph::new(line).centered(), inner);
        }
    }
}

/// The heading centred, as on the slide, and the body below it: each line
/// centred on a title-like slide, else as a block in the middle.
fn miniature(state: &State, frame: &mut Frame, inner: Rect, preview: &Preview) {
    let t = &state.theme;
    let heading: Vec<Line> = preview
        .heading
        .iter()
        .map(|line| Line::styled(line.clone(), t.slide_heading))
        .collect();
    frame.render_widget(Paragraph::new(heading).centered(), inner);
    let above = preview.heading.len() + usize::from(preview.gap);
    let above = u16::try_from(above).unwrap_or(u16::MAX).min(inner.height);
    let mut body: Vec<Line> = preview
        .body
        .iter()
        .map(|line| Line::styled(line.text.clone(), role_style(state, line.role)))
        .collect();
    if preview.cut {
        body.push(Line::styled("…", t.slide_muted));
    }
    let rows = Rect {
        y: inner.y + above,
        height: inner.height - above,
        ..inner
    };
    if preview.centred {
        frame.render_widget(Paragraph::new(body).centered(), rows);
        return;
    }
    let widest = preview
        .body
        .iter()
        .map(|line| text::width(&line.text))
        .max()
        .unwrap_or(0);
    let widest = u16::try_from(widest).unwrap_or(u16::MAX).min(rows.width);
    let column = Rect {
        x: rows.x + (rows.width - widest) / 2,
        width: widest.max(1).min(rows.width),
        ..rows
    };
    frame.render_widget(Paragraph::new(body), column);
}
