//! Every user intent, as data. Keys, tests and (later) other front ends all
//! speak to [`super::update`] in these terms and nothing else.
//!
//! An action a key can be bound to has a name: its serde name (the variant in
//! snake_case unless renamed), which is also its field in the config's `keys`
//! and its entry in the interface's key descriptions. The others are
//! `#[serde(skip)]`: they carry data (a digit, a size, a cell) or come from
//! keys that cannot be rebound (the search line's). The named ones come first,
//! in the order the config's messages list them.

mod name;

use serde::{Deserialize, Serialize};

/// One thing the user asked for. What it does can depend on the mode: moving
/// down selects the next focus area in the list but scrolls a text pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Select the next focus area, or scroll the text in view down one line.
    MoveDown,
    /// Select the previous focus area, or scroll the text in view up one line.
    MoveUp,
    /// Select the first focus area, or scroll to the top of the text.
    MoveToTop,
    /// Select the last focus area, or scroll to the end of the text.
    MoveToBottom,
    /// Move a whole pane's height down.
    PageDown,
    /// Move a whole pane's height up.
    PageUp,
    /// Move half a pane's height down.
    HalfPageDown,
    /// Move half a pane's height up.
    HalfPageUp,
    /// Give the keyboard to the other browsing pane.
    NextPane,
    /// Give the keyboard to the other browsing pane (the reverse of `NextPane`;
    /// with two panes they coincide, but keys and help keep them apart).
    PreviousPane,
    /// Give the keyboard to the focus-area list.
    FocusList,
    /// Give the keyboard to the goal-detail pane.
    FocusDetail,
    /// Show the vision's background (how it was made, how it fits together), or hide it.
    #[serde(rename = "background")]
    ToggleBackground,
    /// Start presenting, at the slide of the selected focus area.
    #[serde(rename = "present")]
    StartPresentation,
    /// Show the command that opens the selected focus area or goal, to share it.
    ShowLink,
    /// Open the search line.
    #[serde(rename = "search")]
    StartSearch,
    /// Go to the next focus area the search finds (wrapping around).
    NextHit,
    /// Go to the previous focus area the search finds (wrapping around).
    PreviousHit,
    /// Leave the application (from the browser; in a presentation the same
    /// key closes the presentation instead).
    Quit,
    /// Leave the application from any screen, a presentation or the search
    /// line too: the way out that always works.
    ForceQuit,
    /// Go to the next slide (or, in the overview, move the pick down).
    NextSlide,
    /// Go to the previous slide (or, in the overview, move the pick up).
    PreviousSlide,
    /// Go to the slide whose number was typed, or the one picked in the
    /// overview; with nothing typed, the next slide.
    Confirm,
    /// Go to the first slide.
    FirstSlide,
    /// Go to the last slide.
    LastSlide,
    /// Show the overview of all slides, or close it.
    #[serde(rename = "overview")]
    ToggleOverview,
    /// Blank the screen, or bring the slide back.
    #[serde(rename = "blank")]
    ToggleBlank,
    /// Show the speaker notes panel, or hide it.
    #[serde(rename = "notes")]
    ToggleNotes,
    /// Scroll the speaker notes a panel further (keeping its last line in
    /// view), to read a note longer than the panel.
    #[serde(rename = "notes_down")]
    ScrollNotesDown,
    /// Scroll the speaker notes a panel back.
    #[serde(rename = "notes_up")]
    ScrollNotesUp,
    /// Show the elapsed-time clock, or hide it.
    #[serde(rename = "timer")]
    ToggleTimer,
    /// Leave the presentation: back to the browser, or quit when the app was
    /// started presenting.
    ClosePresentation,
    /// Open the key help, or close it if it is open.
    #[serde(rename = "help")]
    ToggleHelp,
    /// Close the overlay in view, or step back from the detail pane to the list.
    Back,
    /// Give the terminal back to the shell and stop, as Ctrl-Z does in
    /// other programs; `fg` brings the app back, redrawn.
    Suspend,
    /// Draw the whole screen again, for a terminal whose screen no longer
    /// matches what the app drew (a character whose width it counts differently).
    Redraw,
    /// In a workshop: follow the presenter again, going where they are.
    Follow,
    /// Select focus area number N (1-based, as shown in the list).
    #[serde(skip)]
    JumpToFocusArea(u8),
    /// Add a digit to the slide number being typed.
    #[serde(skip)]
    TypeDigit(u8),
    /// Add a character to the search.
    #[serde(skip)]
    SearchType(char),
    /// Remove the last character of the search.
    #[serde(skip)]
    SearchBackspace,
    /// Keep the search as a filter and go to its first hit.
    #[serde(skip)]
    SearchConfirm,
    /// The terminal now has this many columns and rows.
    #[serde(skip)]
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// A mouse click (left button press) at this cell.
    #[serde(skip)]
    Click {
        /// Column, from 0.
        column: u16,
        /// Row, from 0.
        row: u16,
    },
    /// The mouse wheel turned over this cell.
    #[serde(skip)]
    Wheel {
        /// Column, from 0.
        column: u16,
        /// Row, from 0.
        row: u16,
        /// Towards the user (scroll down) or away.
        down: bool,
    },
    /// The presenter is here now (from the room; followers go there).
    #[serde(skip)]
    PresenterAt(super::follow::Position),
    /// The presenter has gone (followers keep the last slide, and are told).
    #[serde(skip)]
    PresenterLeft,
    /// Who is in the room now (for the presenter's footer).
    #[serde(skip)]
    RoomAttendance(super::follow::Attendance),
    /// A second has passed; `seconds` since the app started. Drives the clock.
    #[serde(skip)]
    Tick {
        /// Whole seconds since the app started.
        seconds: u64,
    },
}
