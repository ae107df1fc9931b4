//! Every user intent, as data. Keys, tests and (later) other front ends all
//! speak to [`super::update`] in these terms and nothing else.

/// One thing the user asked for. What it does can depend on the mode: moving
/// down selects the next focus area in the list but scrolls a text pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// Select focus area number N (1-based, as shown in the list).
    JumpToFocusArea(u8),
    /// Open the key help, or close it if it is open.
    ToggleHelp,
    /// Show the vision's background (how it was made, how it fits together), or hide it.
    ToggleBackground,
    /// Close the overlay in view, or step back from the detail pane to the list.
    Back,
    /// The terminal now has this many columns and rows.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// Leave the application.
    Quit,
    /// Give the terminal back to the shell and stop, as Ctrl-Z does in
    /// other programs; `fg` brings the app back, redrawn.
    Suspend,
    /// Draw the whole screen again, for a terminal whose screen no longer
    /// matches what the app drew (a character whose width it counts differently).
    Redraw,
    /// Show the command that opens the selected focus area or goal, to share it.
    ShowLink,
    /// Open the search line.
    StartSearch,
    /// Add a character to the search.
    SearchType(char),
    /// Remove the last character of the search.
    SearchBackspace,
    /// Keep the search as a filter and go to its first hit.
    SearchConfirm,
    /// Go to the next focus area the search finds (wrapping around).
    NextHit,
    /// Go to the previous focus area the search finds (wrapping around).
    PreviousHit,
    /// Start presenting, at the slide of the selected focus area.
    StartPresentation,
    /// Go to the next slide (or, in the overview, move the pick down).
    NextSlide,
    /// Go to the previous slide (or, in the overview, move the pick up).
    PreviousSlide,
    /// Go to the first slide.
    FirstSlide,
    /// Go to the last slide.
    LastSlide,
    /// Go to the slide whose number was typed, or the one picked in the
    /// overview; with nothing typed, the next slide.
    Confirm,
    /// Add a digit to the slide number being typed.
    TypeDigit(u8),
    /// Show the overview of all slides, or close it.
    ToggleOverview,
    /// Blank the screen, or bring the slide back.
    ToggleBlank,
    /// Show the speaker notes panel, or hide it.
    ToggleNotes,
    /// Scroll the speaker notes a panel further (keeping its last line in
    /// view), to read a note longer than the panel.
    ScrollNotesDown,
    /// Scroll the speaker notes a panel back.
    ScrollNotesUp,
    /// Show the elapsed-time clock, or hide it.
    ToggleTimer,
    /// Leave the presentation: back to the browser, or quit when the app was
    /// started presenting.
    ClosePresentation,
    /// A mouse click (left button press) at this cell.
    Click {
        /// Column, from 0.
        column: u16,
        /// Row, from 0.
        row: u16,
    },
    /// The mouse wheel turned over this cell.
    Wheel {
        /// Column, from 0.
        column: u16,
        /// Row, from 0.
        row: u16,
        /// Towards the user (scroll down) or away.
        down: bool,
    },
    /// A second has passed; `seconds` since the app started. Drives the clock.
    Tick {
        /// Whole seconds since the app started.
        seconds: u64,
    },
}
