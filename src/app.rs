//! The application's state and its one pure transition function.
//!
//! [`update`] takes a [`State`] and an [`Action`] and changes the state. It does
//! no I/O and never fails, so every transition is a unit test and a proptest
//! can throw any sequence of actions at it. It keeps these invariants:
//! - `selected` indexes a focus area (or is 0 when there are none);
//! - the selected row is inside the list's visible window;
//! - every scroll offset is within its text, for the current terminal size
//!   (unless the terminal is too small to show any text: then offsets are kept
//!   as they were, so growing the terminal again returns to the same place);
//! - while the terminal is too small, no action but a resize, the clock and
//!   quitting changes anything: the screen comes back as it was.
//!
//! To clamp scrolling, `update` measures with the same pure layout and
//! line-building functions that `ui::view` draws with, so what is drawn and
//! what `update` believes can never disagree.

mod action;
mod link;
mod mouse;
mod present;
mod reload;
mod search;
#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;

pub use link::{Target, link_for, open, resolve};
pub(crate) use present::rebuild_deck;
pub use reload::reload;
pub use search::Search;

pub use action::Action;

use crate::model::Document;
use crate::theme::Theme;
use crate::ui;

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

/// A place in a text laid out in blocks (the background view): line `line`
/// of block `block`. Ordered as places in the text are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct BlockLine {
    /// The block (a paragraph, a focus area, a goal), counted from 0.
    pub block: usize,
    /// The line within the block, counted from 0.
    pub line: usize,
}

/// The presentation's state (kept while browsing, so it can resume).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presentation {
    /// Where leaving leads.
    pub origin: Origin,
    /// The topic on screen, laid out for the current terminal size.
    pub deck: crate::slides::Deck,
    /// The topic shown (0-based): the `n` of `n / N`.
    pub topic: usize,
    /// Which of the topic's slides is shown, when it continues over several.
    pub part: usize,
    /// The topic picked in the overview.
    pub overview_pick: usize,
    /// The topic number being typed, if any.
    pub typed: Option<u32>,
    /// A number typed with Enter that names no slide: the footer says so
    /// until the next key.
    pub no_such_slide: Option<u32>,
    /// Whether the speaker notes panel is shown.
    pub notes: bool,
    /// The first line of the speaker notes shown in the panel.
    pub notes_scroll: usize,
    /// Whether the elapsed-time clock is shown.
    pub timer: bool,
    /// The app clock (seconds) when the presentation started.
    pub started_at: u64,
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

/// Something asked of the terminal itself, which the pure `update` cannot do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TerminalRequest {
    /// Give the terminal back and stop the process until it is continued.
    Suspend,
    /// Clear the screen and draw every cell again.
    Redraw,
}

/// The terminal's size in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Size {
    /// Columns.
    pub width: u16,
    /// Rows.
    pub height: u16,
}

/// Everything the screen shows is a function of this.
#[derive(Debug, Clone)]
pub struct State {
    /// The document being browsed.
    pub document: Document,
    /// How things look.
    pub theme: Theme,
    /// The key bindings (shown in the help and footer).
    pub keymap: crate::keymap::Keymap,
    /// The current screen.
    pub mode: Mode,
    /// Index of the selected focus area (0 when there are none).
    pub selected: usize,
    /// First focus area shown in the list pane.
    pub list_offset: usize,
    /// First line shown in the goal-detail pane.
    pub detail_scroll: usize,
    /// First line shown in the background view.
    pub background_scroll: BlockLine,
    /// First line shown in the help overlay.
    pub help_scroll: usize,
    /// The terminal's size, as last reported.
    pub size: Size,
    /// Set by [`Action::Quit`] and [`Action::ForceQuit`]; the event loop then stops.
    pub should_quit: bool,
    /// Set by [`Action::Suspend`] and [`Action::Redraw`]: what only the
    /// terminal's edge can do. The event loop takes it and carries it out.
    pub terminal_request: Option<TerminalRequest>,
    /// The presentation (meaningful while `mode` is `Present` or help over it).
    pub presentation: Presentation,
    /// Seconds since the app started, as last told by [`Action::Tick`].
    pub clock: u64,
    /// A goal kept at the top of the goal pane (after `--open goal:N`) until the user moves.
    pub anchor_goal: Option<u32>,
    /// The file the document came from (`None`: the built-in one).
    pub source: Option<std::path::PathBuf>,
    /// A one-off message for the footer (the link to share); cleared by the next key.
    pub message: Option<String>,
    /// Why the last reload of the file failed; the last good document stays on screen.
    pub reload_error: Option<String>,
    /// The search, and the focus areas it finds.
    pub search: Search,
    /// The interface's words, in the interface language.
    pub strings: crate::i18n::Strings,
}

impl State {
    /// A fresh state showing `document`, the first focus area selected.
    pub fn new(document: Document, theme: Theme) -> Self {
        let document_language = document.language.clone();
        let search = Search::for_document(&document);
        Self {
            document,
            theme,
            keymap: crate::keymap::Keymap::default(),
            mode: Mode::Browse(Pane::FocusList),
            selected: 0,
            list_offset: 0,
            detail_scroll: 0,
            background_scroll: BlockLine::default(),
            help_scroll: 0,
            size: Size::default(),
            should_quit: false,
            terminal_request: None,
            presentation: Presentation {
                origin: Origin::Browser(Pane::FocusList),
                deck: crate::slides::Deck::default(),
                topic: 0,
                part: 0,
                overview_pick: 0,
                typed: None,
                no_such_slide: None,
                notes: false,
                notes_scroll: 0,
                timer: false,
                started_at: 0,
            },
            clock: 0,
            anchor_goal: None,
            source: None,
            message: None,
            reload_error: None,
            search,
            strings: crate::i18n::Strings::load(crate::i18n::Lang::for_document(
                &document_language,
            )),
        }
    }

    /// A fresh state that starts presenting (`vision-tui present`).
    pub fn presenting(document: Document, theme: Theme) -> Self {
        let mut state = Self::new(document, theme);
        state.mode = Mode::Present(Show::Slide);
        state.presentation.origin = Origin::CommandLine;
        rebuild_deck(&mut state);
        state
    }

    /// Switches the interface language (the slides are relabelled too).
    pub fn set_language(&mut self, lang: crate::i18n::Lang) {
        self.strings = crate::i18n::Strings::load(lang);
        if self.is_presenting() {
            rebuild_deck(self);
        }
    }

    /// True while the presentation (or the help over it) is on screen.
    pub fn is_presenting(&self) -> bool {
        matches!(
            self.mode,
            Mode::Present(_) | Mode::Help(Underlay::Present(_))
        )
    }

    /// How many focus areas the list shows: all, or those the search finds.
    pub fn visible_len(&self) -> usize {
        if self.search.is_active() {
            self.search.hits().len()
        } else {
            self.document.focus_areas.len()
        }
    }

    /// The focus area at row `position` of the list (counting hidden ones out).
    pub fn visible_at(&self, position: usize) -> Option<usize> {
        if self.search.is_active() {
            self.search.hits().get(position).copied()
        } else {
            (position < self.document.focus_areas.len()).then_some(position)
        }
    }

    /// The row of the list that shows focus area `index`, if shown.
    /// Constant time without a search, so huge documents stay fast.
    pub fn visible_position(&self, index: usize) -> Option<usize> {
        if self.search.is_active() {
            self.search.hits().iter().position(|&i| i == index)
        } else {
            (index < self.document.focus_areas.len()).then_some(index)
        }
    }

    /// True while the screen shows "terminal too small" instead of the
    /// browser or the presentation (each has its own minimum size).
    pub fn too_small(&self) -> bool {
        let Size { width, height } = self.size;
        let (min_width, min_height) = if self.is_presenting() {
            (crate::slides::MIN_WIDTH, crate::slides::MIN_HEIGHT)
        } else {
            (ui::layout::MIN_WIDTH, ui::layout::MIN_HEIGHT)
        };
        width < min_width || height < min_height
    }

    /// The slide on screen, when presenting.
    pub fn current_slide(&self) -> Option<&crate::slides::Slide> {
        self.presentation.deck.slides.get(self.presentation.part)
    }

    /// The browsing pane that has (or, under an overlay, will get back) the keyboard.
    pub fn pane(&self) -> Pane {
        match (self.mode, self.presentation.origin) {
            (Mode::Browse(pane) | Mode::Background(pane) | Mode::Search(pane), _) => pane,
            (Mode::Help(Underlay::Browse(pane) | Underlay::Background(pane)), _) => pane,
            (_, Origin::Browser(pane)) => pane,
            (_, Origin::CommandLine) => Pane::FocusList,
        }
    }

    /// How many lines each scrollable region can show, and how long its text is.
    fn measure(&self) -> ui::layout::Measure {
        ui::layout::measure(self)
    }
}

/// Applies one action. Pure: no I/O, no panics, invariants restored on return.
pub fn update(state: &mut State, action: Action) {
    // Requests to the terminal change nothing on screen, on any screen.
    let request = match action {
        Action::Suspend => Some(TerminalRequest::Suspend),
        Action::Redraw => Some(TerminalRequest::Redraw),
        _ => None,
    };
    if request.is_some() {
        state.terminal_request = request;
        return;
    }
    // While "terminal too small" is shown, keys and clicks act on nothing
    // the user can see: they are ignored, so the screen comes back as it
    // was when the terminal grows. Only quitting (the notice says how) works.
    if state.too_small()
        && !matches!(
            action,
            Action::Resize { .. } | Action::Tick { .. } | Action::Quit | Action::ForceQuit
        )
    {
        return;
    }
    let before = state.selected;
    if !matches!(action, Action::Tick { .. } | Action::Resize { .. }) {
        state.message = None;
    }
    if matches!(
        action,
        Action::MoveDown
            | Action::MoveUp
            | Action::MoveToTop
            | Action::MoveToBottom
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::JumpToFocusArea(_)
    ) {
        state.anchor_goal = None;
    }
    if state.is_presenting() && present::update(state, action) {
        clamp(state);
        return;
    }
    if mouse::update_mouse(state, action) {
        clamp(state);
        return;
    }
    if search::update(state, action) {
        if state.selected != before {
            state.detail_scroll = 0;
        }
        clamp(state);
        return;
    }
    match action {
        Action::Quit | Action::ForceQuit => state.should_quit = true,
        // Handled first, above.
        Action::Suspend | Action::Redraw => {}
        Action::Resize { width, height } => state.size = Size { width, height },
        Action::Tick { seconds } => state.clock = seconds,
        Action::ShowLink => {
            if let Mode::Browse(_) = state.mode {
                state.message = link_for(state);
            }
        }
        Action::StartPresentation => {
            if let Mode::Browse(pane) = state.mode {
                present::start(state, Origin::Browser(pane));
            }
        }
        Action::ToggleHelp => {
            state.mode = match state.mode {
                Mode::Help(under) => under.into(),
                Mode::Browse(pane) => Mode::Help(Underlay::Browse(pane)),
                Mode::Background(pane) => Mode::Help(Underlay::Background(pane)),
                Mode::Present(show) => Mode::Help(Underlay::Present(show)),
                Mode::Search(pane) => Mode::Help(Underlay::Browse(pane)),
            };
            state.help_scroll = 0;
        }
        Action::ToggleBackground => match state.mode {
            Mode::Browse(pane) => {
                state.mode = Mode::Background(pane);
                state.background_scroll = BlockLine::default();
            }
            Mode::Background(pane) => state.mode = Mode::Browse(pane),
            Mode::Help(_) | Mode::Present(_) | Mode::Search(_) => {}
        },
        Action::Back => {
            state.mode = match state.mode {
                Mode::Help(under) => under.into(),
                Mode::Background(pane) => Mode::Browse(pane),
                Mode::Browse(_) | Mode::Present(_) | Mode::Search(_) => {
                    Mode::Browse(Pane::FocusList)
                }
            }
        }
        Action::NextPane | Action::PreviousPane => {
            if let Mode::Browse(pane) = state.mode {
                state.mode = Mode::Browse(match pane {
                    Pane::FocusList => Pane::GoalDetail,
                    Pane::GoalDetail => Pane::FocusList,
                });
            }
        }
        Action::FocusList => {
            if let Mode::Browse(_) = state.mode {
                state.mode = Mode::Browse(Pane::FocusList);
            }
        }
        Action::FocusDetail => {
            if let Mode::Browse(_) = state.mode {
                state.mode = Mode::Browse(Pane::GoalDetail);
            }
        }
        Action::JumpToFocusArea(number) => {
            let index = usize::from(number).saturating_sub(1);
            if matches!(state.mode, Mode::Browse(_))
                && number >= 1
                && index < state.document.focus_areas.len()
                && (!state.search.is_active() || state.search.hits().contains(&index))
            {
                state.selected = index;
            }
        }
        Action::MoveDown => step(state, Step::Down(1)),
        Action::MoveUp => step(state, Step::Up(1)),
        Action::MoveToTop => step(state, Step::Top),
        Action::MoveToBottom => step(state, Step::Bottom),
        Action::PageDown | Action::PageUp | Action::HalfPageDown | Action::HalfPageUp => {
            let page = page_height(state);
            let amount = match action {
                Action::HalfPageDown | Action::HalfPageUp => (page / 2).max(1),
                _ => page.max(1),
            };
            step(
                state,
                if matches!(action, Action::PageDown | Action::HalfPageDown) {
                    Step::Down(amount)
                } else {
                    Step::Up(amount)
                },
            );
        }
        // Mouse and search actions are handled in their own modules.
        Action::Click { .. } | Action::Wheel { .. } => {}
        Action::StartSearch
        | Action::SearchType(_)
        | Action::SearchBackspace
        | Action::SearchConfirm
        | Action::NextHit
        | Action::PreviousHit => {}
        // Presentation actions outside a presentation do nothing.
        Action::NextSlide
        | Action::PreviousSlide
        | Action::FirstSlide
        | Action::LastSlide
        | Action::Confirm
        | Action::TypeDigit(_)
        | Action::ToggleOverview
        | Action::ToggleBlank
        | Action::ToggleNotes
        | Action::ScrollNotesDown
        | Action::ScrollNotesUp
        | Action::ToggleTimer
        | Action::ClosePresentation => {}
    }
    if state.selected != before {
        state.detail_scroll = 0;
    }
    clamp(state);
}

/// A move through whatever the current mode moves through, in rows or lines.
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
    /// The step applied to a row or line offset (kept in range by `clamp`).
    fn apply(self, value: usize) -> usize {
        match self {
            Step::Down(n) => value.saturating_add(n),
            Step::Up(n) => value.saturating_sub(n),
            Step::Top => 0,
            Step::Bottom => usize::MAX,
        }
    }
}

/// Moves whatever the current mode moves: the selection or a scroll offset.
fn step(state: &mut State, step: Step) {
    match state.mode {
        Mode::Browse(Pane::FocusList) => {
            // Move among the focus areas shown: all, or those the search finds.
            if let Some(position) = state.visible_position(state.selected) {
                let last = state.visible_len().saturating_sub(1);
                state.selected = state
                    .visible_at(step.apply(position).min(last))
                    .unwrap_or(state.selected);
            }
        }
        Mode::Browse(Pane::GoalDetail) => state.detail_scroll = step.apply(state.detail_scroll),
        Mode::Background(_) => {
            let view = state.measure().background;
            state.background_scroll = ui::background::scroll(
                state,
                (view.width, view.height),
                state.background_scroll,
                step,
            );
        }
        Mode::Help(_) => state.help_scroll = step.apply(state.help_scroll),
        Mode::Present(_) | Mode::Search(_) => {}
    }
}

/// The height of the region that paging moves in the current mode.
fn page_height(state: &State) -> usize {
    let m = state.measure();
    match state.mode {
        Mode::Browse(Pane::FocusList) => m.list.visible,
        Mode::Browse(Pane::GoalDetail) => m.detail.visible,
        Mode::Background(_) => usize::from(m.background.height),
        Mode::Help(_) => m.help.visible,
        Mode::Present(_) | Mode::Search(_) => 1,
    }
}

/// Restores the invariants after any change (including a resize).
fn clamp(state: &mut State) {
    let count = state.document.focus_areas.len();
    state.selected = state.selected.min(count.saturating_sub(1));
    // With a search, the selection is one of the areas it finds (if any).
    if state.visible_position(state.selected).is_none()
        && let Some(first) = state.visible_at(0)
    {
        state.selected = first;
    }
    let position = state.visible_position(state.selected).unwrap_or(0);
    let visible_len = state.visible_len();
    let m = state.measure();
    let rows = m.list.visible.max(1);
    if position < state.list_offset {
        state.list_offset = position;
    } else if position >= state.list_offset + rows {
        state.list_offset = position + 1 - rows;
    }
    // Never leave blank rows at the bottom when the list could show more.
    state.list_offset = state.list_offset.min(visible_len.saturating_sub(rows));
    if !m.help.is_empty() {
        state.help_scroll = state.help_scroll.min(m.help.max_scroll());
    }
    if state.is_presenting() {
        present::lay_out(state);
    }
    if m.too_small {
        // Nothing scrollable is on screen: keep the offsets for when it grows again.
        return;
    }
    if let Some(number) = state.anchor_goal {
        let width = usize::from(ui::layout::detail_width(state));
        if let Some((_, line)) = ui::goal_detail::goal_offsets(state, width)
            .into_iter()
            .find(|(n, _)| *n == number)
        {
            state.detail_scroll = line;
        }
    }
    state.detail_scroll = state.detail_scroll.min(m.detail.max_scroll());
    state.background_scroll = if m.background.is_empty() {
        // Not on screen: the view opens at the top.
        BlockLine::default()
    } else {
        let view = m.background;
        ui::background::clamp(state, (view.width, view.height), state.background_scroll)
    };
}
