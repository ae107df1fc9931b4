//! Looking at a screen: conditions to watch for, and comparing screens by
//! what they show rather than by how they were drawn.

/// The screen's last row contains `text` (for a program whose last row is
/// the last thing a frame draws, such as vision-tui's footer: the frame is complete).
pub fn last_row_contains(
    text: impl Into<String>,
) -> impl Fn(&vt100::Screen) -> bool + Send + 'static {
    let text = text.into();
    move |screen| {
        let (rows, cols) = screen.size();
        screen
            .rows(0, cols.get())
            .nth(usize::from(rows.get()) - 1)
            .is_some_and(|last| last.contains(&text))
    }
}

/// What one cell shows: its text (a space if nothing was ever written there,
/// which looks the same) and how it is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Look {
    pub text: String,
    pub fg: vt100::Color,
    pub bg: vt100::Color,
    /// Bold, dim, italic, underline, inverse.
    pub modes: [bool; 5],
}

impl Look {
    pub fn at(screen: &vt100::Screen, row: u16, col: u16) -> Option<Self> {
        screen.cell(row, col).map(|c| Self {
            text: if c.has_contents() { c.contents() } else { " " }.to_owned(),
            fg: c.fgcolor(),
            bg: c.bgcolor(),
            modes: [c.bold(), c.dim(), c.italic(), c.underline(), c.inverse()],
        })
    }

    /// Every cell, row by row: equal for two screens of one size that look
    /// the same, however they were drawn.
    pub fn all(screen: &vt100::Screen) -> Vec<Self> {
        let (rows, cols) = screen.size();
        (0..rows.get())
            .flat_map(|row| (0..cols.get()).map(move |col| (row, col)))
            .filter_map(|(row, col)| Self::at(screen, row, col))
            .collect()
    }
}
