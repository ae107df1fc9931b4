//! Pure geometry: where each region goes for a document and terminal size,
//! and how much each scrollable region can show. `update` and `view` both
//! call this, so they always agree.

use ratatui::layout::Rect;

use crate::app::State;
use crate::model::Document;

use super::{goal_detail, header, help, pane_inner};

/// Below this many columns the screen shows "terminal too small".
pub const MIN_WIDTH: u16 = 30;
/// Below this many rows the screen shows "terminal too small".
pub const MIN_HEIGHT: u16 = 10;
/// At this width and above, list and detail sit side by side.
pub const SIDE_BY_SIDE_WIDTH: u16 = 70;
/// The least height the panes below the header get before the header shrinks.
const MIN_BODY_HEIGHT: u16 = 8;

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
pub fn areas(doc: &Document, area: Rect) -> Option<Areas> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let (full, statement) = header::heights(doc, usize::from(area.width));
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
/// ratatui's constraint solver, which was a third of the work before the
/// first frame. The screen is a stack of fixed rows, so arithmetic is enough.
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

/// A scrollable region: how many lines it shows and how many there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Region {
    /// Lines (or rows) visible at once.
    pub visible: usize,
    /// Lines (or rows) in all.
    pub total: usize,
}

impl Region {
    /// The largest useful scroll offset.
    pub fn max_scroll(&self) -> usize {
        self.total.saturating_sub(self.visible)
    }

    /// True when the region is not on screen.
    pub fn is_empty(&self) -> bool {
        self.visible == 0 && self.total == 0
    }
}

/// Every scrollable region, measured for the state's terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Measure {
    /// True when the "too small" screen is shown instead.
    pub too_small: bool,
    /// The focus-area list (rows are focus areas).
    pub list: Region,
    /// The goal-detail pane.
    pub detail: Region,
    /// The text area of the background view (empty when it is not on
    /// screen); the view scrolls by blocks, see [`super::background`].
    pub background: Rect,
    /// The help overlay.
    pub help: Region,
}

/// Measures every region for `state` (only the one in view is wrapped).
pub fn measure(state: &State) -> Measure {
    use crate::app::{Mode, Underlay};
    let area = Rect::new(0, 0, state.size.width, state.size.height);
    let region = |rect: Rect, total: usize| Region {
        visible: usize::from(rect.height),
        total,
    };
    // The help overlays the browser and the presentation alike, at any size.
    let help = match state.mode {
        Mode::Help(_) if !area.is_empty() => {
            let popup = help::popup_inner(state, area);
            region(popup, help::lines(state, usize::from(popup.width)).len())
        }
        _ => Region::default(),
    };
    let Some(areas) = areas(&state.document, area) else {
        return Measure {
            too_small: true,
            help,
            ..Measure::default()
        };
    };
    let list = pane_inner(areas.list);
    let detail = pane_inner(areas.detail);
    let body = pane_inner(areas.body);
    Measure {
        too_small: false,
        list: region(list, state.visible_len()),
        detail: region(
            detail,
            goal_detail::lines(state, usize::from(detail.width)).len(),
        ),
        background: match state.mode {
            Mode::Background(_) | Mode::Help(Underlay::Background(_)) => body,
            _ => Rect::default(),
        },
        help,
    }
}

/// Width of the text inside the goal-detail pane for the state's size (0 when too small).
pub fn detail_width(state: &State) -> u16 {
    let area = Rect::new(0, 0, state.size.width, state.size.height);
    areas(&state.document, area).map_or(0, |a| pane_inner(a.detail).width)
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
