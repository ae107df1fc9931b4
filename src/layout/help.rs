//! The help overlay's layout: where it goes on the screen and how its rows
//! of keys and descriptions wrap.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::screen::pane_inner;
use super::text::wrap_indented;

/// The widest the overlay gets.
const MAX_WIDTH: u16 = 68;
/// The narrowest the overlay gets, when the screen allows.
const MIN_POPUP_WIDTH: u16 = 20;

/// One binding as the help lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpRow<'a> {
    /// The heading of its section: rows of a section come together, and a
    /// new heading starts the next section.
    pub section: &'a str,
    /// The keys, as shown.
    pub keys: &'a str,
    /// What they do.
    pub description: &'a str,
}

/// One line of the overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// A section's heading.
    Heading(String),
    /// The empty line between sections.
    Blank,
    /// Keys, `gap` spaces, and the first line of their description.
    Row {
        /// The keys.
        keys: String,
        /// Spaces between the keys and the description.
        gap: usize,
        /// The description's first line.
        text: String,
    },
    /// A further line of a description beside its keys, after `indent` spaces.
    More {
        /// Spaces before the text (the keys' column and the gap).
        indent: usize,
        /// The text.
        text: String,
    },
    /// Keys on a line of their own (a narrow screen).
    Keys(String),
    /// A description under its keys (a narrow screen), indented.
    Text(String),
}

/// The overlay laid out for a screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlay {
    /// Where it goes, borders included.
    pub popup: Rect,
    /// Its lines, at the width inside its borders.
    pub lines: Vec<HelpLine>,
}

impl Overlay {
    /// The text area inside the overlay's borders.
    pub fn inner(&self) -> Rect {
        pane_inner(self.popup)
    }
}

/// The overlay of `rows` in a screen of `area`: as wide as fits up to
/// `MAX_WIDTH`, as high as its lines (or the screen) and centred.
pub fn lay_out(rows: &[HelpRow<'_>], area: Rect) -> Overlay {
    let width = area
        .width
        .saturating_sub(4)
        .min(MAX_WIDTH)
        .max(area.width.min(MIN_POPUP_WIDTH));
    // Borders and padding: the width `pane_inner` leaves.
    let lines = lines(rows, usize::from(width.saturating_sub(4)));
    let wanted = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let height = wanted
        .min(area.height.saturating_sub(2))
        .max(area.height.min(3));
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    Overlay { popup, lines }
}

/// The help's lines at `width` columns.
pub fn lines(rows: &[HelpRow<'_>], width: usize) -> Vec<HelpLine> {
    let key_width = rows.iter().map(|row| row.keys.width()).max().unwrap_or(0);
    // Narrow screens put the description under the keys instead of beside them.
    let side_by_side = width >= key_width + 2 + 16;
    let mut out = Vec::new();
    let mut section = None;
    for row in rows {
        if section != Some(row.section) {
            if section.is_some() {
                out.push(HelpLine::Blank);
            }
            out.push(HelpLine::Heading(row.section.to_string()));
            section = Some(row.section);
        }
        if side_by_side {
            let indent = " ".repeat(key_width + 2);
            let text = wrap_indented(row.description, width, &indent, &indent);
            for (i, line) in text.into_iter().enumerate() {
                let rest = line.get(indent.len()..).unwrap_or("").to_string();
                out.push(if i == 0 {
                    HelpLine::Row {
                        keys: row.keys.to_string(),
                        gap: key_width - row.keys.width() + 2,
                        text: rest,
                    }
                } else {
                    HelpLine::More {
                        indent: indent.len(),
                        text: rest,
                    }
                });
            }
        } else {
            out.extend(
                wrap_indented(row.keys, width, "", "")
                    .into_iter()
                    .map(HelpLine::Keys),
            );
            out.extend(
                wrap_indented(row.description, width, "  ", "  ")
                    .into_iter()
                    .map(HelpLine::Text),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lines_are_laid_out_at_the_width_inside_the_popup() {
        let rows = [
            HelpRow {
                section: "Move",
                keys: "j ↓",
                description: "Down one row, or one line in a text that is long",
            },
            HelpRow {
                section: "General",
                keys: "?",
                description: "Help",
            },
        ];
        for (width, height) in [(80, 24), (30, 10), (19, 5), (4, 3), (0, 0), (200, 60)] {
            let overlay = lay_out(&rows, Rect::new(0, 0, width, height));
            let inner = usize::from(overlay.inner().width);
            assert_eq!(overlay.lines, lines(&rows, inner), "{width}×{height}");
            let popup = overlay.popup;
            assert!(
                popup.right() <= width && popup.bottom() <= height,
                "{popup:?}"
            );
        }
    }
}
