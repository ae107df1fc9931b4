//! Pure text layout, below both `app` and `ui`: where each region of the
//! screen goes, how texts wrap, how many lines each scrollable region holds,
//! where the goals start in the goal pane, how the background view is laid
//! out in blocks, and how the help overlay lays out its rows.
//!
//! Everything here works on the document, a size and plain parameters, and
//! imports neither `app` nor `ui`. `update` clamps its scrolling with these
//! functions and `ui` draws what they return, styling each line by its
//! [`Tone`]: so what is drawn and what `update` believes can never disagree,
//! and a change of colours or borders in `ui` cannot move the clamping.

pub mod background;
pub mod detail;
pub mod header;
pub mod help;
pub mod screen;
pub mod slides;
pub mod text;

use ratatui::layout::Rect;

pub use background::BlockLine;

/// What a laid-out line is, for `ui` to give it the theme's style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tone {
    /// Ordinary text.
    Text,
    /// Secondary text: counts, plan periods, notes, links, messages.
    Muted,
    /// A heading inside a pane.
    Heading,
    /// A heading followed, from byte `at` on, by secondary text (a goal's
    /// number, then its plan period).
    HeadingThenMuted {
        /// Where the secondary text starts, in bytes.
        at: usize,
    },
    /// The document's title in the header.
    Title,
    /// The vision statement in the header.
    Statement,
}

/// One line of laid-out text: at most as wide as it was laid out for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine {
    /// The text.
    pub text: String,
    /// What it is.
    pub tone: Tone,
}

impl TextLine {
    /// `text` as a line of `tone`.
    pub fn new(text: String, tone: Tone) -> Self {
        Self { text, tone }
    }

    /// An empty line between blocks.
    pub fn blank() -> Self {
        Self::new(String::new(), Tone::Text)
    }
}

/// Roughly what `lines` hold, in bytes (for the shared memo's bound).
pub fn weight(lines: &[TextLine]) -> usize {
    lines
        .iter()
        .map(|line| line.text.capacity() + std::mem::size_of::<TextLine>())
        .sum()
}

/// `lines` of text, each a line of `tone`.
pub fn toned(lines: Vec<String>, tone: Tone) -> impl Iterator<Item = TextLine> {
    lines.into_iter().map(move |text| TextLine::new(text, tone))
}

/// A move through a list or a text, in rows or lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// This many further down.
    Down(usize),
    /// This many further up.
    Up(usize),
    /// To the start.
    Top,
    /// To the end.
    Bottom,
}

impl Step {
    /// The step applied to a row or line offset (kept in range by the caller).
    pub fn apply(self, value: usize) -> usize {
        match self {
            Step::Down(n) => value.saturating_add(n),
            Step::Up(n) => value.saturating_sub(n),
            Step::Top => 0,
            Step::Bottom => usize::MAX,
        }
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

/// Every scrollable region of the screen, measured for one terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Measure {
    /// True when the "too small" screen is shown instead.
    pub too_small: bool,
    /// The focus-area list (rows are focus areas).
    pub list: Region,
    /// The goal-detail pane.
    pub detail: Region,
    /// The text area of the background view (empty when it is not on
    /// screen); the view scrolls by blocks, see [`background`].
    pub background: Rect,
    /// The help overlay.
    pub help: Region,
}
