//! The vision header: organisation and title, the statement, the adoption.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

use super::layout::HeaderDetail;
use super::text::{truncate, wrap};
use crate::app::State;
use crate::model::Document;
use crate::theme::Theme;

/// The header's lines at `width` columns (the full width of the terminal).
pub fn lines(
    doc: &Document,
    width: usize,
    detail: HeaderDetail,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let inner = width.saturating_sub(2).max(1);
    let title = format!("{} · {}", doc.organisation, doc.title);
    let mut out: Vec<Line<'static>> = Vec::new();
    if detail == HeaderDetail::TitleOnly {
        out.push(Line::styled(
            truncate(&title, inner).into_owned(),
            theme.title,
        ));
        return out;
    }
    out.extend(
        wrap(&title, inner)
            .into_iter()
            .map(|l| Line::styled(l, theme.title)),
    );
    out.extend(
        wrap(&doc.statement, inner)
            .into_iter()
            .map(|l| Line::styled(l, theme.statement)),
    );
    if detail == HeaderDetail::Full {
        let adopted = adoption_line(doc);
        if !adopted.is_empty() {
            out.extend(
                wrap(&adopted, inner)
                    .into_iter()
                    .map(|l| Line::from(Span::styled(l, theme.muted))),
            );
        }
    }
    out
}

/// Draws the header into `area`.
pub fn render(state: &State, frame: &mut Frame, area: Rect, detail: HeaderDetail) {
    let lines = lines(
        &state.document,
        usize::from(area.width),
        detail,
        &state.theme,
    );
    let lines = super::search::highlight(state, lines);
    frame.render_widget(
        Paragraph::new(lines).block(Block::new().padding(Padding::horizontal(1))),
        area,
    );
}

/// "Adopted … Revised …" as one line of the document's own words.
pub fn adoption_line(doc: &Document) -> String {
    match (&doc.adoption, &doc.revised) {
        (Some(a), Some(r)) if a.text.ends_with(['.', '!', '?']) => format!("{} {}", a.text, r.text),
        (Some(a), Some(r)) => format!("{} · {}", a.text, r.text),
        (Some(a), None) => a.text.clone(),
        (None, Some(r)) => r.text.clone(),
        (None, None) => String::new(),
    }
}
