//! The default bindings, as one table: the help, the footer's hints, the
//! README's key tables, the manual's KEYS and `vision-tui config --default`
//! are all generated from it, and the config overrides its keys by action name.
//!
//! A row is an action (its description is the interface's text for the
//! action's name), its keys, where the help lists it and which screens it
//! works on. Rows are in the order the help lists them.

use std::borrow::Cow;

use ratatui::crossterm::event::KeyCode as K;

use super::{Binding, Chord, Context, Describe, Does, Keymap, Section};
use crate::app::action::Action;

/// One row of the table.
struct Row {
    does: Does,
    keys: &'static [Chord],
    section: Section,
    context: Context,
}

const fn row(action: Action, keys: &'static [Chord], section: Section, context: Context) -> Row {
    Row {
        does: Does::Action(action),
        keys,
        section,
        context,
    }
}

/// A digit pattern: each of `keys` does `action` for its digit.
const fn digits(
    action: fn(u8) -> Action,
    describe: Describe,
    keys: &'static [Chord],
    section: Section,
    context: Context,
) -> Row {
    Row {
        does: Does::Digit(action, describe),
        keys,
        section,
        context,
    }
}

const fn ch(c: char) -> Chord {
    Chord::char(c)
}

const fn key(code: K) -> Chord {
    Chord::key(code)
}

const fn ctrl(c: char) -> Chord {
    Chord::ctrl(c)
}

/// The digit keys, `0` to `9`.
const DIGITS: [Chord; 10] = {
    let mut keys = [ch('0'); 10];
    let mut digit = 0;
    while digit < 10 {
        keys[digit as usize] = ch((b'0' + digit) as char);
        digit += 1;
    }
    keys
};

#[rustfmt::skip]
const TABLE: &[Row] = {
    use Action::*;
    use Context::{Browse, Everywhere, Present};
    use Section::{General, Move, Presenter, Search, Slides, View};
    &[
        // The browser.
        row(MoveDown, &[ch('j'), key(K::Down)], Move, Browse),
        row(MoveUp, &[ch('k'), key(K::Up)], Move, Browse),
        row(MoveToTop, &[ch('g'), key(K::Home)], Move, Browse),
        row(MoveToBottom, &[ch('G'), key(K::End)], Move, Browse),
        row(PageDown, &[key(K::PageDown)], Move, Browse),
        row(PageUp, &[key(K::PageUp)], Move, Browse),
        row(HalfPageDown, &[ctrl('d')], Move, Browse),
        row(HalfPageUp, &[ctrl('u')], Move, Browse),
        row(NextPane, &[key(K::Tab)], View, Browse),
        row(PreviousPane, &[key(K::BackTab)], View, Browse),
        row(FocusList, &[ch('h'), key(K::Left)], View, Browse),
        row(FocusDetail, &[ch('l'), key(K::Right), key(K::Enter)], View, Browse),
        digits(JumpToFocusArea, |s| &s.key_jump_area, DIGITS.split_at(1).1, View, Browse),
        row(ToggleBackground, &[ch('b')], View, Browse),
        row(StartPresentation, &[ch('p')], View, Browse),
        row(ShowLink, &[ch('s')], View, Browse),
        row(StartSearch, &[ch('/')], Search, Browse),
        row(NextHit, &[ch('n')], Search, Browse),
        row(PreviousHit, &[ch('N')], Search, Browse),
        row(Quit, &[ch('q')], General, Browse),
        // The presentation.
        row(NextSlide, &[key(K::Right), ch('l'), ch(' '), key(K::PageDown), key(K::Down), ch('j')], Slides, Present),
        row(PreviousSlide, &[key(K::Left), ch('h'), key(K::PageUp), key(K::Backspace), key(K::Up), ch('k')], Slides, Present),
        row(Confirm, &[key(K::Enter)], Slides, Present),
        row(FirstSlide, &[key(K::Home), ch('g')], Slides, Present),
        row(LastSlide, &[key(K::End), ch('G')], Slides, Present),
        digits(TypeDigit, |s| &s.key_type_digit, &DIGITS, Slides, Present),
        row(ToggleOverview, &[ch('o')], Presenter, Present),
        row(ToggleBlank, &[ch('b')], Presenter, Present),
        row(ToggleNotes, &[ch('n')], Presenter, Present),
        row(ScrollNotesDown, &[ch('J')], Presenter, Present),
        row(ScrollNotesUp, &[ch('K')], Presenter, Present),
        row(ToggleTimer, &[ch('t')], Presenter, Present),
        row(ClosePresentation, &[ch('q')], General, Present),
        // Every screen.
        row(ToggleHelp, &[ch('?'), key(K::F(1))], General, Everywhere),
        row(Back, &[key(K::Esc)], General, Everywhere),
        row(ForceQuit, &[ctrl('c')], General, Everywhere),
        row(Suspend, &[ctrl('z')], General, Everywhere),
        row(Redraw, &[ctrl('l')], General, Everywhere),
        row(Follow, &[ch('f')], View, Everywhere),
    ]
};

impl Default for Keymap {
    fn default() -> Self {
        let bindings = TABLE
            .iter()
            .map(|row| Binding {
                chords: Cow::Borrowed(row.keys),
                does: row.does,
                section: row.section,
                context: row.context,
            })
            .collect();
        Self { bindings }
    }
}
