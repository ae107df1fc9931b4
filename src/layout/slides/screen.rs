//! The slide screen: margins, the text column, the speaker notes panel and
//! the presenter's footer, for a terminal size. `update` scrolls the notes
//! and takes the wheel over them with these, and `ui` draws into them.

use ratatui::layout::Rect;

use crate::layout::text::wrap;
use crate::layout::{TextLine, Tone, toned};

/// Below this size the presentation shows "terminal too small".
pub const MIN_WIDTH: u16 = 24;
/// Below this size the presentation shows "terminal too small".
pub const MIN_HEIGHT: u16 = 8;
/// The widest a line of slide text gets: long lines are hard to follow on a wall.
pub const MAX_TEXT_WIDTH: usize = 72;
/// The speaker view shows the next slide beside the notes from this width
/// on; narrower, the notes keep the whole width and name it in their title.
pub const NEXT_MIN_WIDTH: u16 = 70;
/// The next slide's box takes two fifths of the width, within these
/// columns: a few words a line at least, and at most about what a line of
/// the slide itself holds, the rest left to the notes.
const NEXT_WIDTH: (u16, u16) = (28, 60);

/// Where things go on a slide screen of `width`×`height`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// Left and right margin, in columns.
    pub margin: usize,
    /// Width of the text column.
    pub text_width: usize,
    /// Rows for heading, gap and body together.
    pub content_rows: usize,
    /// Rows of the notes panel (0 when hidden).
    pub notes_rows: usize,
}

/// Lays out a slide screen; `notes` leaves room for the notes panel.
pub fn geometry(width: u16, height: u16, notes: bool) -> Geometry {
    let (width, height) = (
        usize::from(width.max(MIN_WIDTH)),
        usize::from(height.max(MIN_HEIGHT)),
    );
    // Generous margins on wide screens, never less than two columns.
    let margin = (width / 10).clamp(2, 12);
    let text_width = (width - 2 * margin).min(MAX_TEXT_WIDTH);
    let footer = 1;
    let notes_rows = if notes { (height / 3).clamp(3, 10) } else { 0 };
    let top_bottom = if height >= 20 { 2 } else { 1 };
    let content_rows = height
        .saturating_sub(footer + notes_rows + top_bottom)
        .max(2);
    Geometry {
        margin,
        text_width,
        content_rows,
        notes_rows,
    }
}

/// Where things go on a slide screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// Heading and body.
    pub content: Rect,
    /// The speaker notes panel (no rows when it is hidden).
    pub notes: Rect,
    /// The speaker view's box with the next slide, right of the notes
    /// (when the notes are shown to a presenter on a screen wide enough).
    pub next: Option<Rect>,
    /// The presenter's footer: slide n / N, progress, clock.
    pub footer: Rect,
}

/// Lays out a slide screen of `area` (at least [`MIN_WIDTH`]×[`MIN_HEIGHT`]);
/// `notes` leaves room for the notes panel, and `speaker` (a presenter's
/// speaker view) puts the next slide beside the notes where the width allows.
/// The slide itself is laid out alike either way.
pub fn screen(area: Rect, notes: bool, speaker: bool) -> Screen {
    let geo = geometry(area.width, area.height, notes);
    let margin = u16::try_from(geo.margin).unwrap_or(0);
    let top = if area.height >= 20 { 1 } else { 0 };
    let (notes, next) = beside_notes(notes_area(area, geo.notes_rows), speaker);
    Screen {
        content: Rect {
            x: area.x + margin,
            y: area.y + top,
            width: area.width.saturating_sub(2 * margin),
            height: u16::try_from(geo.content_rows).unwrap_or(0),
        },
        notes,
        next,
        footer: Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        },
    }
}

/// Where the speaker notes panel goes on a slide screen of `area`: the
/// `rows` above the footer (none when the panel is hidden).
fn notes_area(area: Rect, rows: usize) -> Rect {
    let rows = u16::try_from(rows)
        .unwrap_or(0)
        .min(area.height.saturating_sub(1));
    Rect {
        y: area.bottom().saturating_sub(1 + rows),
        height: rows,
        ..area
    }
}

/// The notes panel split into the notes and, right of them, the next
/// slide's box, when `speaker` and the panel is shown and wide enough.
fn beside_notes(notes: Rect, speaker: bool) -> (Rect, Option<Rect>) {
    if !speaker || notes.is_empty() || notes.width < NEXT_MIN_WIDTH {
        return (notes, None);
    }
    let (least, most) = NEXT_WIDTH;
    let width = (notes.width / 5 * 2).clamp(least, most);
    let next = Rect {
        x: notes.right() - width,
        width,
        ..notes
    };
    (
        Rect {
            width: notes.width - width,
            ..notes
        },
        Some(next),
    )
}

/// The speaker notes panel on a screen of `width`×`height`, when it is
/// `shown` and the presentation fits; `speaker` as for [`screen`].
pub fn notes_panel((width, height): (u16, u16), shown: bool, speaker: bool) -> Option<Rect> {
    if !shown || width < MIN_WIDTH || height < MIN_HEIGHT {
        return None;
    }
    Some(screen(Rect::new(0, 0, width, height), true, speaker).notes)
}

/// Speaker notes wrapped to `width` columns; `none` when there are none.
pub fn notes_lines(notes: &[String], none: &str, width: usize) -> Vec<TextLine> {
    if notes.is_empty() {
        return toned(wrap(none, width), Tone::Muted).collect();
    }
    notes
        .iter()
        .flat_map(|note| toned(wrap(note, width), Tone::Text))
        .collect()
}
