//! The vision header: organisation and title, the statement, the adoption.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding};

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
    let inner = inner_width(width);
    if detail == HeaderDetail::TitleOnly {
        let title = title(doc);
        return vec![Line::styled(
            truncate(&title, inner).into_owned(),
            theme.title,
        )];
    }
    let mut out: Vec<Line<'static>> = Vec::new();
    let [title, statement, adopted] = texts(doc);
    out.extend(
        wrap(&title, inner)
            .into_iter()
            .map(|l| Line::styled(l, theme.title)),
    );
    out.extend(
        wrap(&statement, inner)
            .into_iter()
            .map(|l| Line::styled(l, theme.statement)),
    );
    if detail == HeaderDetail::Full && !adopted.is_empty() {
        out.extend(
            wrap(&adopted, inner)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, theme.muted))),
        );
    }
    out
}

/// How many rows [`lines`] gives at `width` for `Full` and for `Statement`
/// detail (`TitleOnly` is one row): each text wrapped once, for the layout,
/// which asks for every level of detail before it picks one.
pub fn heights(doc: &Document, width: usize) -> (usize, usize) {
    let inner = inner_width(width);
    let [title, statement, adopted] = texts(doc);
    let rows = |text: &str| wrap(text, inner).len();
    let with_statement = rows(&title) + rows(&statement);
    let adoption = if adopted.is_empty() {
        0
    } else {
        rows(&adopted)
    };
    (with_statement + adoption, with_statement)
}

fn inner_width(width: usize) -> usize {
    width.saturating_sub(2).max(1)
}

fn title(doc: &Document) -> String {
    format!("{} · {}", doc.organisation, doc.title)
}

/// The title line, the statement and the adoption line, as shown.
fn texts(doc: &Document) -> [std::borrow::Cow<'_, str>; 3] {
    [
        title(doc).into(),
        doc.statement.as_str().into(),
        adoption_line(doc).into(),
    ]
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
    super::render_pane(
        frame,
        area,
        &Block::new().padding(Padding::horizontal(1)),
        &lines,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heights_count_the_lines_drawn() {
        let mut doc = crate::load::builtin();
        let theme = Theme::default();
        let count = |doc: &Document, width, detail| lines(doc, width, detail, &theme).len();
        for round in 0..3 {
            if round == 1 {
                doc.adoption = None;
                doc.revised = None;
            }
            if round == 2 {
                doc.statement.clear();
            }
            for width in [0, 1, 2, 5, 17, 30, 80, 200] {
                let (full, statement) = heights(&doc, width);
                assert_eq!(
                    full,
                    count(&doc, width, HeaderDetail::Full),
                    "{round} {width}"
                );
                assert_eq!(
                    statement,
                    count(&doc, width, HeaderDetail::Statement),
                    "{round} {width}"
                );
            }
        }
    }
}
