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
/// are equal pictures, however they were drawn.
#[derive(Debug, Clone)]
pub struct Picture {
    size: (u16, u16),
    cells: Vec<vt100::Cell>,
}

impl Picture {
    pub fn of(screen: &vt100::Screen) -> Self {
        let (rows, cols) = screen.size();
        Self {
            size: (rows.get(), cols.get()),
            cells: positions(screen)
                .filter_map(|(row, col)| screen.cell(row, col).cloned())
                .collect(),
        }
    }

    /// True when `screen` shows this picture. Cheap enough to watch for on
    /// every read: it copies nothing and stops at the first difference. (A
    /// benchmark's readers run it for every read of every session, on the
    /// CPUs the server under test runs on: a cell drawn exactly as before is
    /// one comparison of two small structs; only cells that differ in how
    /// they were drawn are compared by what they show.)
    pub fn is_on(&self, screen: &vt100::Screen) -> bool {
        let (rows, cols) = screen.size();
        if (rows.get(), cols.get()) != self.size {
            return false;
        }
        let mut mine = self.cells.iter();
        for row in 0..rows.get() {
            for col in 0..cols.get() {
                let Some(cell) = screen.cell(row, col) else {
                    continue;
                };
                match mine.next() {
                    Some(expected) if expected == cell || looks_same(expected, cell) => {}
                    _ => return false,
                }
            }
        }
        true
    }
}

impl PartialEq for Picture {
    fn eq(&self, other: &Self) -> bool {
        self.size == other.size
            && self.cells.len() == other.cells.len()
            && self
                .cells
                .iter()
                .zip(&other.cells)
                .all(|(a, b)| a == b || looks_same(a, b))
    }
}

impl Eq for Picture {}

/// Two cells show the same: the same text (a space where nothing was ever
/// written), colours and modes.
fn looks_same(a: &vt100::Cell, b: &vt100::Cell) -> bool {
    text(a) == text(b)
        && a.fgcolor() == b.fgcolor()
        && a.bgcolor() == b.bgcolor()
        && modes(a) == modes(b)
}

fn positions(screen: &vt100::Screen) -> impl Iterator<Item = (u16, u16)> {
    let (rows, cols) = screen.size();
    (0..rows.get()).flat_map(move |row| (0..cols.get()).map(move |col| (row, col)))
}
