//! Where each region of the main screen goes, for a document and a
//! terminal size: header, list, goal pane, footer, and the text area inside
//! a pane's borders.

use ratatui::layout::Rect;
use ratatui::widgets::{Block, Padding};

use super::header::{self, HeaderDetail};
use crate::document::SharedDocument;

/// Below this many columns the screen shows "terminal too small".
pub const MIN_WIDTH: u16 = 30;
/// Below this many rows the screen shows "terminal too small".
pub const MIN_HEIGHT: u16 = 10;
/// At this width and above, list and detail sit side by side.
pub const SIDE_BY_SIDE_WIDTH: u16 = 70;
/// The least height the panes below the header get before the header shrinks.
const MIN_BODY_HEIGHT: u16 = 8;

/// Where each region of the main screen goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The vision header.
    pub header: Rect,
    /// How much of the header fits.
    pub header_detail: HeaderDetail,
    /// The focus-area list pane.
    pub list: Rect,
    /// The goal-detail pane.
    pub detail: Rect,
    /// List and detail together (the background view takes it all).
    pub body: Rect,
    /// The one-line footer.
    pub footer: Rect,
}

/// Lays out the main screen, or `None` when the terminal is too small.
pub fn areas(doc: &SharedDocument, area: Rect) -> Option<Areas> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let (full, statement) = doc.header_rows(area.width, |doc| {
        header::heights(doc, usize::from(area.width))
    });
    let rows = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    let (header_detail, wanted) = [
        (HeaderDetail::Full, rows(full)),
        (HeaderDetail::Statement, rows(statement)),
    ]
    .into_iter()
    .find(|&(_, rows)| rows.saturating_add(MIN_BODY_HEIGHT) < area.height)
    .unwrap_or((HeaderDetail::TitleOnly, 1));
    // MIN_HEIGHT leaves room for one header row even when the title wraps.
    let header_rows = wanted.min(area.height - MIN_BODY_HEIGHT - 1);
    let (header, rest) = split_rows(area, header_rows);
    let (body, footer) = split_rows(rest, rest.height - 1);
    let (list, detail) = if body.width >= SIDE_BY_SIDE_WIDTH {
        // From the document's index when it is large: not a scan per frame.
        let longest = doc.longest_focus_area_name();
        // marker, number, name, count, borders and padding
        let wanted = u16::try_from(longest + 14).unwrap_or(u16::MAX);
        let list_width = wanted.clamp(24, body.width * 2 / 5);
        split_columns(body, list_width)
    } else {
        let wanted = u16::try_from(doc.focus_areas.len().max(1) + 2).unwrap_or(u16::MAX);
        let list_height = wanted.clamp(3, body.height / 2);
        split_rows(body, list_height)
    };
    Some(Areas {
        header,
        header_detail,
        list,
        detail,
        body,
        footer,
    })
}

/// `area` cut after its first `rows` rows (at most all of them): what
/// `Layout::vertical([Length(rows), Fill(1)])` gives, without running
/// ratatui's constraint solver before the first frame: the screen is a stack
/// of fixed rows, so arithmetic is enough.
fn split_rows(area: Rect, rows: u16) -> (Rect, Rect) {
    let rows = rows.min(area.height);
    let top = Rect {
        height: rows,
        ..area
    };
    let rest = Rect {
        y: area.y + rows,
        height: area.height - rows,
        ..area
    };
    (top, rest)
}

/// `area` cut after its first `columns` columns: [`split_rows`] of the
/// area turned on its side.
fn split_columns(area: Rect, columns: u16) -> (Rect, Rect) {
    let (left, rest) = split_rows(on_its_side(area), columns);
    (on_its_side(left), on_its_side(rest))
}

/// `area` with rows and columns swapped.
fn on_its_side(area: Rect) -> Rect {
    Rect {
        x: area.y,
        y: area.x,
        width: area.height,
        height: area.width,
    }
}

/// The area inside a pane's borders and padding (one column each side), as
/// ratatui's block computes it for the panes `ui` draws (a test in `ui`
/// checks that they agree).
pub fn pane_inner(area: Rect) -> Rect {
    Block::bordered()
        .padding(Padding::horizontal(1))
        .inner(area)
}

#[cfg(test)]
mod tests {
    use ratatui::layout::{Constraint, Layout};

    use super::*;

    #[test]
    fn splits_are_what_the_constraint_solver_gives() {
        for area in [
            Rect::new(0, 0, 80, 24),
            Rect::new(3, 5, 200, 60),
            Rect::new(0, 0, 1, 1),
            Rect::new(7, 2, 31, 10),
        ] {
            for n in [0, 1, 3, 9, 24, 59, 200] {
                let solved = |layout: Layout| {
                    let [a, b] = layout.areas(area);
                    (a, b)
                };
                let rows = Layout::vertical([Constraint::Length(n), Constraint::Fill(1)]);
                let columns = Layout::horizontal([Constraint::Length(n), Constraint::Fill(1)]);
                assert_eq!(split_rows(area, n), solved(rows), "{area:?} {n}");
                assert_eq!(split_columns(area, n), solved(columns), "{area:?} {n}");
            }
        }
    }
}
