//! The application's state: everything the screen shows is a function of it.

use super::{Mode, Origin, Pane, Search, Show, Underlay, rebuild_deck};
use std::sync::Arc;

use crate::document::SharedDocument;
use crate::layout::{BlockLine, screen};
use crate::theme::Theme;

/// The presentation's state (kept while browsing, so it can resume).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presentation {
    /// Where leaving leads.
    pub origin: Origin,
    /// The topic on screen, laid out for the current terminal size.
    pub deck: crate::layout::slides::Deck,
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
    pub document: Arc<SharedDocument>,
    /// How things look.
    pub theme: Theme,
    /// The key bindings (shown in the help and footer).
    pub keymap: crate::app::keymap::Keymap,
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
    /// Set by [`Action::Quit`](super::Action::Quit) and [`Action::ForceQuit`](super::Action::ForceQuit); the event loop then stops.
    pub should_quit: bool,
    /// Set by [`Action::Suspend`](super::Action::Suspend) and [`Action::Redraw`](super::Action::Redraw): what only the
    /// terminal's edge can do. The event loop takes it and carries it out.
    pub terminal_request: Option<TerminalRequest>,
    /// The presentation (meaningful while `mode` is `Present` or help over it).
    pub presentation: Presentation,
    /// Seconds since the app started, as last told by [`Action::Tick`](super::Action::Tick).
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
    /// The workshop room, when the session is in one.
    pub room: super::follow::Room,
}

impl State {
    /// A fresh state showing `document`, the first focus area selected.
    pub fn new(document: impl Into<Arc<SharedDocument>>, theme: Theme) -> Self {
        let document = document.into();
        let document_language = document.language.clone();
        let search = Search::for_document(&document);
        Self {
            document,
            theme,
            keymap: crate::app::keymap::Keymap::default(),
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
                deck: crate::layout::slides::Deck::default(),
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
            room: super::follow::Room::default(),
            strings: crate::i18n::Strings::load(crate::i18n::Lang::for_document(
                &document_language,
            )),
        }
    }

    /// A fresh state that starts presenting (`vision-tui present`).
    pub fn presenting(document: impl Into<Arc<SharedDocument>>, theme: Theme) -> Self {
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
            (
                crate::layout::slides::MIN_WIDTH,
                crate::layout::slides::MIN_HEIGHT,
            )
        } else {
            (screen::MIN_WIDTH, screen::MIN_HEIGHT)
        };
        width < min_width || height < min_height
    }

    /// The slide on screen, when presenting.
    pub fn current_slide(&self) -> Option<&crate::layout::slides::Slide> {
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
}
