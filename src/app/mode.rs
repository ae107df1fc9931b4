//! Which screen the user is on, and what each screen remembers of where
//! `Back` leads.

/// Which browsing pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The list of focus areas.
    FocusList,
    /// The selected focus area's goals.
    GoalDetail,
}

/// What is under the help overlay, so closing it goes back there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Underlay {
    /// The browser, with this pane focused.
    Browse(Pane),
    /// The background view, over the browser with this pane focused.
    Background(Pane),
    /// The presentation, showing this.
    Present(Show),
}

/// What the presentation shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Show {
    /// The current slide.
    Slide,
    /// Nothing: the screen is blanked.
    Blank,
    /// All slides, to pick one.
    Overview,
}

/// Where leaving the presentation leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// Started from the browser with `p`, with this pane focused: go back there.
    Browser(Pane),
    /// Started with `vision-tui present`: `q` quits, Esc opens the browser.
    CommandLine,
}

/// The screen the user is on. Each variant remembers where `Back` leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Browsing focus areas and goals; the pane has the keyboard.
    Browse(Pane),
    /// Reading the background; returns to the browser with this pane focused.
    Background(Pane),
    /// Reading the key help, over what it was opened from.
    Help(Underlay),
    /// Presenting slides.
    Present(Show),
    /// Typing a search over the browser with this pane focused.
    Search(Pane),
}

impl From<Underlay> for Mode {
    fn from(underlay: Underlay) -> Self {
        match underlay {
            Underlay::Browse(pane) => Mode::Browse(pane),
            Underlay::Background(pane) => Mode::Background(pane),
            Underlay::Present(show) => Mode::Present(show),
        }
    }
}
