//! The default key bindings: the table the help, the README's key tables
//! and the config's defaults are all generated from.

use ratatui::crossterm::event::KeyCode;

use super::{Binding, Chord, Context, Describe, Keymap, Section};
use crate::app::action::Action;

/// One binding with no group.
fn bind(
    chords: &[Chord],
    action: Action,
    description: Describe,
    section: Section,
    context: Context,
) -> Binding {
    Binding {
        chords: chords.to_vec(),
        action,
        description,
        section,
        context,
        group: None,
    }
}

/// Ten digit bindings shown as one help row, `label` (e.g. `1–9`).
fn digits(
    range: std::ops::RangeInclusive<u8>,
    label: &'static str,
    action: fn(u8) -> Action,
    description: Describe,
    section: Section,
    context: Context,
) -> impl Iterator<Item = Binding> {
    range.map(move |n| Binding {
        group: Some(label),
        ..bind(
            &[Chord::char(char::from(b'0' + n))],
            action(n),
            description,
            section,
            context,
        )
    })
}

impl Default for Keymap {
    fn default() -> Self {
        use Context::{Browse, Everywhere, Present};
        use KeyCode as K;
        use Section::*;
        let ch = Chord::char;
        let key = Chord::key;
        let mut bindings = vec![
            // The browser.
            bind(
                &[ch('j'), key(K::Down)],
                Action::MoveDown,
                |s| &s.key_next_area,
                Move,
                Browse,
            ),
            bind(
                &[ch('k'), key(K::Up)],
                Action::MoveUp,
                |s| &s.key_previous_area,
                Move,
                Browse,
            ),
            bind(
                &[ch('g'), key(K::Home)],
                Action::MoveToTop,
                |s| &s.key_first_area,
                Move,
                Browse,
            ),
            bind(
                &[ch('G'), key(K::End)],
                Action::MoveToBottom,
                |s| &s.key_last_area,
                Move,
                Browse,
            ),
            bind(
                &[key(K::PageDown)],
                Action::PageDown,
                |s| &s.key_page_down,
                Move,
                Browse,
            ),
            bind(
                &[key(K::PageUp)],
                Action::PageUp,
                |s| &s.key_page_up,
                Move,
                Browse,
            ),
            bind(
                &[Chord::ctrl('d')],
                Action::HalfPageDown,
                |s| &s.key_half_page_down,
                Move,
                Browse,
            ),
            bind(
                &[Chord::ctrl('u')],
                Action::HalfPageUp,
                |s| &s.key_half_page_up,
                Move,
                Browse,
            ),
            bind(
                &[key(K::Tab)],
                Action::NextPane,
                |s| &s.key_next_pane,
                View,
                Browse,
            ),
            bind(
                &[key(K::BackTab)],
                Action::PreviousPane,
                |s| &s.key_previous_pane,
                View,
                Browse,
            ),
            bind(
                &[ch('h'), key(K::Left)],
                Action::FocusList,
                |s| &s.key_focus_list,
                View,
                Browse,
            ),
            bind(
                &[ch('l'), key(K::Right), key(K::Enter)],
                Action::FocusDetail,
                |s| &s.key_focus_detail,
                View,
                Browse,
            ),
        ];
        bindings.extend(digits(
            1..=9,
            "1–9",
            Action::JumpToFocusArea,
            |s| &s.key_jump_area,
            View,
            Browse,
        ));
        bindings.extend([
            bind(
                &[ch('b')],
                Action::ToggleBackground,
                |s| &s.key_background,
                View,
                Browse,
            ),
            bind(
                &[ch('p')],
                Action::StartPresentation,
                |s| &s.key_present,
                View,
                Browse,
            ),
            bind(
                &[ch('s')],
                Action::ShowLink,
                |s| &s.key_show_link,
                View,
                Browse,
            ),
            bind(
                &[ch('/')],
                Action::StartSearch,
                |s| &s.key_search,
                Search,
                Browse,
            ),
            bind(
                &[ch('n')],
                Action::NextHit,
                |s| &s.key_next_hit,
                Search,
                Browse,
            ),
            bind(
                &[ch('N')],
                Action::PreviousHit,
                |s| &s.key_previous_hit,
                Search,
                Browse,
            ),
            bind(&[ch('q')], Action::Quit, |s| &s.key_quit, General, Browse),
            // The presentation.
            bind(
                &[
                    key(K::Right),
                    ch('l'),
                    ch(' '),
                    key(K::PageDown),
                    key(K::Down),
                    ch('j'),
                ],
                Action::NextSlide,
                |s| &s.key_next_slide,
                Slides,
                Present,
            ),
            bind(
                &[
                    key(K::Left),
                    ch('h'),
                    key(K::PageUp),
                    key(K::Backspace),
                    key(K::Up),
                    ch('k'),
                ],
                Action::PreviousSlide,
                |s| &s.key_previous_slide,
                Slides,
                Present,
            ),
            bind(
                &[key(K::Enter)],
                Action::Confirm,
                |s| &s.key_confirm,
                Slides,
                Present,
            ),
            bind(
                &[key(K::Home), ch('g')],
                Action::FirstSlide,
                |s| &s.key_first_slide,
                Slides,
                Present,
            ),
            bind(
                &[key(K::End), ch('G')],
                Action::LastSlide,
                |s| &s.key_last_slide,
                Slides,
                Present,
            ),
        ]);
        bindings.extend(digits(
            0..=9,
            "0–9",
            Action::TypeDigit,
            |s| &s.key_type_digit,
            Slides,
            Present,
        ));
        bindings.extend([
            bind(
                &[ch('o')],
                Action::ToggleOverview,
                |s| &s.key_overview,
                Presenter,
                Present,
            ),
            bind(
                &[ch('b')],
                Action::ToggleBlank,
                |s| &s.key_blank,
                Presenter,
                Present,
            ),
            bind(
                &[ch('n')],
                Action::ToggleNotes,
                |s| &s.key_notes,
                Presenter,
                Present,
            ),
            bind(
                &[ch('J')],
                Action::ScrollNotesDown,
                |s| &s.key_notes_down,
                Presenter,
                Present,
            ),
            bind(
                &[ch('K')],
                Action::ScrollNotesUp,
                |s| &s.key_notes_up,
                Presenter,
                Present,
            ),
            bind(
                &[ch('t')],
                Action::ToggleTimer,
                |s| &s.key_timer,
                Presenter,
                Present,
            ),
            bind(
                &[ch('q')],
                Action::ClosePresentation,
                |s| &s.key_close_presentation,
                General,
                Present,
            ),
            // Everywhere.
            bind(
                &[ch('?'), key(K::F(1))],
                Action::ToggleHelp,
                |s| &s.key_help,
                General,
                Everywhere,
            ),
            bind(
                &[key(K::Esc)],
                Action::Back,
                |s| &s.key_back,
                General,
                Everywhere,
            ),
            bind(
                &[Chord::ctrl('c')],
                Action::Quit,
                |s| &s.key_quit,
                General,
                Everywhere,
            ),
            bind(
                &[Chord::ctrl('z')],
                Action::Suspend,
                |s| &s.key_suspend,
                General,
                Everywhere,
            ),
            bind(
                &[Chord::ctrl('l')],
                Action::Redraw,
                |s| &s.key_redraw,
                General,
                Everywhere,
            ),
        ]);
        Self { bindings }
    }
}
