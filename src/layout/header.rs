//! The vision header's texts: organisation and title, the statement, the
//! adoption; wrapped to the terminal's width, and how many rows they take.

use super::text::{truncate, wrap};
use super::{TextLine, Tone, toned};
use std::sync::Arc;

use crate::document::SharedDocument;
use crate::document::memo::LayoutKey;
use crate::document::model::Document;

/// How much of the header fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderDetail {
    /// Title, statement and adoption.
    Full,
    /// Title and statement.
    Statement,
    /// Title only (small terminals, large projector fonts).
    TitleOnly,
}

/// The header's lines at `width` columns (the full width of the terminal).
pub fn lines(doc: &Document, width: usize, detail: HeaderDetail) -> Vec<TextLine> {
    let inner = inner_width(width);
    if detail == HeaderDetail::TitleOnly {
        let title = title(doc);
        return vec![TextLine::new(
            truncate(&title, inner).into_owned(),
            Tone::Title,
        )];
    }
    let mut out = Vec::new();
    let [title, statement, adopted] = texts(doc);
    out.extend(toned(wrap(&title, inner), Tone::Title));
    out.extend(toned(wrap(&statement, inner), Tone::Statement));
    if detail == HeaderDetail::Full && !adopted.is_empty() {
        out.extend(toned(wrap(&adopted, inner), Tone::Muted));
    }
    out
}

/// [`lines`], laid out once per width and detail for every session of the
/// document (the header is drawn on every frame).
pub fn shared_lines(
    doc: &SharedDocument,
    width: usize,
    detail: HeaderDetail,
) -> Arc<Vec<TextLine>> {
    let key = LayoutKey {
        what: "header",
        index: detail as usize,
        width,
        words: String::new(),
    };
    doc.layouts.get_or_work_out(key, || {
        let lines = lines(doc, width, detail);
        let weight = super::weight(&lines);
        (lines, weight)
    })
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

/// The header's text width on a terminal `width` columns wide: a column of
/// padding each side.
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
        let mut doc = crate::document::load::builtin();
        let count = |doc: &Document, width, detail| lines(doc, width, detail).len();
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
