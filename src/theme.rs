//! How things look: every style the UI uses, in one place.
//!
//! The default uses only the 16 named ANSI colours plus modifiers, so it looks
//! the same in tmux, over SSH and in 16-colour terminals; ratatui sends
//! `Color::Rgb` as 24-bit escapes with no down-sampling. Nothing is told by
//! colour alone: the selection has a marker and reverse video, the focused
//! pane a thick border and a bold title.

use ratatui::style::{Color, Modifier, Style};

/// The styles of every element on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Organisation and title in the header.
    pub title: Style,
    /// The vision statement.
    pub statement: Style,
    /// Adoption and revision lines, counts, plan periods.
    pub muted: Style,
    /// Ordinary text.
    pub text: Style,
    /// Headings inside panes (goal numbers, background sections).
    pub heading: Style,
    /// Border of a pane without the keyboard.
    pub border: Style,
    /// Border of the pane with the keyboard.
    pub border_focused: Style,
    /// Title of a pane without the keyboard.
    pub pane_title: Style,
    /// Title of the pane with the keyboard.
    pub pane_title_focused: Style,
    /// The selected focus area when the list has the keyboard.
    pub selected: Style,
    /// The selected focus area when the list does not have the keyboard.
    pub selected_unfocused: Style,
    /// Key names in the footer and help.
    pub key: Style,
    /// The footer line.
    pub footer: Style,
    /// Warnings such as "terminal too small".
    pub warning: Style,
    /// Slide headings. The presentation styles use no colour at all, only
    /// the terminal's own foreground and background with bold and italic:
    /// the highest contrast any terminal or projector can give, on dark and
    /// light backgrounds alike.
    pub slide_heading: Style,
    /// Ordinary slide text.
    pub slide_text: Style,
    /// Slide text that stands out (goal texts, names).
    pub slide_strong: Style,
    /// Secondary slide text (plan periods, counts).
    pub slide_muted: Style,
    /// The vision statement on slides.
    pub slide_emphasis: Style,
}

impl Default for Theme {
    fn default() -> Self {
        let bold = Modifier::BOLD;
        Self {
            title: Style::new().fg(Color::Cyan).add_modifier(bold),
            statement: Style::new().add_modifier(Modifier::ITALIC),
            muted: Style::new().fg(Color::Gray),
            text: Style::new(),
            heading: Style::new().fg(Color::Yellow).add_modifier(bold),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            pane_title: Style::new(),
            pane_title_focused: Style::new().fg(Color::Cyan).add_modifier(bold),
            selected: Style::new().add_modifier(Modifier::REVERSED | bold),
            selected_unfocused: Style::new().add_modifier(bold | Modifier::UNDERLINED),
            key: Style::new().fg(Color::Yellow).add_modifier(bold),
            footer: Style::new(),
            warning: Style::new().fg(Color::Red).add_modifier(bold),
            slide_heading: Style::new().add_modifier(bold),
            slide_text: Style::new(),
            slide_strong: Style::new().add_modifier(bold),
            slide_muted: Style::new(),
            slide_emphasis: Style::new().add_modifier(Modifier::ITALIC | bold),
        }
    }
}
