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
            text: text(c).to_owned(),
            fg: c.fgcolor(),
            bg: c.bgcolor(),
            modes: modes(c),
        })
    }

    fn is(&self, cell: &vt100::Cell) -> bool {
        // Byte by byte: a cell holds a character or two, too short to be
        // worth a call to memcmp.
        let (mine, theirs) = (self.text.as_bytes(), text(cell).as_bytes());
        mine.len() == theirs.len()
            && mine.iter().zip(theirs).all(|(a, b)| a == b)
            && self.fg == cell.fgcolor()
            && self.bg == cell.bgcolor()
            && self.modes == modes(cell)
    }
}

fn text(cell: &vt100::Cell) -> &str {
    if cell.has_contents() {
        cell.contents()
    } else {
        " "
    }
}

fn modes(c: &vt100::Cell) -> [bool; 5] {
    [c.bold(), c.dim(), c.italic(), c.underline(), c.inverse()]
}

/// Everything a screen shows, cell by cell: two screens that look the same
/// have equal pictures, however they were drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    size: (u16, u16),
    cells: Vec<Look>,
}

impl Picture {
    pub fn of(screen: &vt100::Screen) -> Self {
        let (rows, cols) = screen.size();
        Self {
            size: (rows.get(), cols.get()),
            cells: positions(screen)
                .filter_map(|(row, col)| Look::at(screen, row, col))
                .collect(),
        }
    }

    /// True when `screen` shows this picture. Cheap enough to watch for on
    /// every read: it copies nothing and stops at the first difference. (A
    /// benchmark's readers run it for every read of every session, on the
    /// CPUs the server under test runs on: it is kept to plain loops.)
    pub fn is_on(&self, screen: &vt100::Screen) -> bool {
        let (rows, cols) = screen.size();
        if (rows.get(), cols.get()) != self.size {
            return false;
        }
        let mut looks = self.cells.iter();
        for row in 0..rows.get() {
            for col in 0..cols.get() {
                let Some(cell) = screen.cell(row, col) else {
                    continue;
                };
                match looks.next() {
                    Some(look) if look.is(cell) => {}
                    _ => return false,
                }
            }
        }
        true
    }
}

fn positions(screen: &vt100::Screen) -> impl Iterator<Item = (u16, u16)> {
    let (rows, cols) = screen.size();
    (0..rows.get()).flat_map(move |row| (0..cols.get()).map(move |col| (row, col)))
}
