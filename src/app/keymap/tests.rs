//! Keymap tests: every key of the issues, contexts, help and hints.

use super::*;
use crate::app::{Pane, Show};

const BROWSE: Mode = Mode::Browse(Pane::FocusList);
const PRESENT: Mode = Mode::Present(Show::Slide);

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn check(mode: Mode, cases: &[(KeyCode, KeyModifiers, Action)]) {
    let km = Keymap::default();
    for &(code, mods, action) in cases {
        assert_eq!(
            km.action_for(mode, &press(code, mods)),
            Some(action),
            "{code:?} {mods:?} in {mode:?}"
        );
    }
}

#[test]
fn browser_keys_map_to_their_actions() {
    use KeyModifiers as M;
    check(
        BROWSE,
        &[
            (KeyCode::Char('j'), M::NONE, Action::MoveDown),
            (KeyCode::Down, M::NONE, Action::MoveDown),
            (KeyCode::Char('k'), M::NONE, Action::MoveUp),
            (KeyCode::Up, M::NONE, Action::MoveUp),
            (KeyCode::Char('g'), M::NONE, Action::MoveToTop),
            (KeyCode::Home, M::NONE, Action::MoveToTop),
            (KeyCode::Char('G'), M::SHIFT, Action::MoveToBottom),
            (KeyCode::Char('G'), M::NONE, Action::MoveToBottom),
            (KeyCode::End, M::NONE, Action::MoveToBottom),
            (KeyCode::PageDown, M::NONE, Action::PageDown),
            (KeyCode::PageUp, M::NONE, Action::PageUp),
            (KeyCode::Char('d'), M::CONTROL, Action::HalfPageDown),
            (KeyCode::Char('u'), M::CONTROL, Action::HalfPageUp),
            (KeyCode::Tab, M::NONE, Action::NextPane),
            (KeyCode::BackTab, M::SHIFT, Action::PreviousPane),
            (KeyCode::BackTab, M::NONE, Action::PreviousPane),
            (KeyCode::Char('h'), M::NONE, Action::FocusList),
            (KeyCode::Left, M::NONE, Action::FocusList),
            (KeyCode::Char('l'), M::NONE, Action::FocusDetail),
            (KeyCode::Right, M::NONE, Action::FocusDetail),
            (KeyCode::Enter, M::NONE, Action::FocusDetail),
            (KeyCode::Char('3'), M::NONE, Action::JumpToFocusArea(3)),
            (KeyCode::Char('9'), M::NONE, Action::JumpToFocusArea(9)),
            (KeyCode::Char('?'), M::SHIFT, Action::ToggleHelp),
            (KeyCode::F(1), M::NONE, Action::ToggleHelp),
            (KeyCode::Char('b'), M::NONE, Action::ToggleBackground),
            (KeyCode::Char('p'), M::NONE, Action::StartPresentation),
            (KeyCode::Char('s'), M::NONE, Action::ShowLink),
            (KeyCode::Esc, M::NONE, Action::Back),
            (KeyCode::Char('q'), M::NONE, Action::Quit),
            (KeyCode::Char('c'), M::CONTROL, Action::ForceQuit),
            (KeyCode::Char('z'), M::CONTROL, Action::Suspend),
            (KeyCode::Char('l'), M::CONTROL, Action::Redraw),
        ],
    );
}

#[test]
fn presentation_keys_map_to_their_actions() {
    use KeyModifiers as M;
    check(
        PRESENT,
        &[
            (KeyCode::Right, M::NONE, Action::NextSlide),
            (KeyCode::Char('l'), M::NONE, Action::NextSlide),
            (KeyCode::Char(' '), M::NONE, Action::NextSlide),
            (KeyCode::PageDown, M::NONE, Action::NextSlide),
            (KeyCode::Enter, M::NONE, Action::Confirm),
            (KeyCode::Left, M::NONE, Action::PreviousSlide),
            (KeyCode::Char('h'), M::NONE, Action::PreviousSlide),
            (KeyCode::PageUp, M::NONE, Action::PreviousSlide),
            (KeyCode::Backspace, M::NONE, Action::PreviousSlide),
            (KeyCode::Home, M::NONE, Action::FirstSlide),
            (KeyCode::End, M::NONE, Action::LastSlide),
            (KeyCode::Char('0'), M::NONE, Action::TypeDigit(0)),
            (KeyCode::Char('7'), M::NONE, Action::TypeDigit(7)),
            (KeyCode::Char('o'), M::NONE, Action::ToggleOverview),
            (KeyCode::Char('b'), M::NONE, Action::ToggleBlank),
            (KeyCode::Char('n'), M::NONE, Action::ToggleNotes),
            (KeyCode::Char('J'), M::SHIFT, Action::ScrollNotesDown),
            (KeyCode::Char('K'), M::NONE, Action::ScrollNotesUp),
            (KeyCode::Char('t'), M::NONE, Action::ToggleTimer),
            (KeyCode::Char('?'), M::NONE, Action::ToggleHelp),
            (KeyCode::Esc, M::NONE, Action::Back),
            (KeyCode::Char('q'), M::NONE, Action::ClosePresentation),
            (KeyCode::Char('c'), M::CONTROL, Action::ForceQuit),
            (KeyCode::Char('z'), M::CONTROL, Action::Suspend),
            (KeyCode::Char('l'), M::CONTROL, Action::Redraw),
        ],
    );
}

#[test]
fn plain_letters_do_not_fire_control_bindings_and_vice_versa() {
    let km = Keymap::default();
    assert_eq!(
        km.action_for(BROWSE, &press(KeyCode::Char('c'), KeyModifiers::NONE)),
        None
    );
    assert_eq!(
        km.action_for(BROWSE, &press(KeyCode::Char('d'), KeyModifiers::NONE)),
        None
    );
    assert_eq!(
        km.action_for(BROWSE, &press(KeyCode::Char('j'), KeyModifiers::CONTROL)),
        None
    );
    assert_eq!(
        km.action_for(BROWSE, &press(KeyCode::Char('0'), KeyModifiers::NONE)),
        None
    );
}

#[test]
fn only_presses_count() {
    let km = Keymap::default();
    let mut release = press(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(km.action_for(BROWSE, &release), None);
    release.kind = KeyEventKind::Repeat;
    assert_eq!(km.action_for(BROWSE, &release), None);
}

#[test]
fn help_lists_every_binding_of_the_mode_once_and_groups_digits() {
    let km = Keymap::default();
    let en = Strings::default();
    for (mode, group) in [(BROWSE, "1–9"), (PRESENT, "0–9")] {
        let rows = km.help_rows(mode, &en);
        assert_eq!(
            rows.iter().filter(|(_, label, _)| label == group).count(),
            1
        );
        for binding in km.bindings.iter().filter(|b| b.context.covers(mode)) {
            let label = binding.label();
            assert!(
                rows.iter()
                    .any(|(_, l, d)| *l == label && *d == km.describe(binding, &en)),
                "{label}"
            );
        }
        assert!(
            rows.iter()
                .all(|(section, ..)| *section != Section::General)
                || rows
                    .last()
                    .is_some_and(|(section, ..)| *section == Section::General)
        );
    }
    let present_rows = km.help_rows(PRESENT, &en);
    assert!(
        !present_rows.iter().any(|(_, _, d)| *d == "Next pane"),
        "no browser keys in the slide help"
    );
}

#[test]
fn every_named_action_has_one_row_and_a_description_in_both_languages() {
    let km = Keymap::default();
    for action in Action::named() {
        let rows = km
            .bindings
            .iter()
            .filter(|b| matches!(b.does, Does::Action(a) if a == action))
            .count();
        assert_eq!(rows, 1, "{action:?} has {rows} rows in the key table");
    }
    for binding in &km.bindings {
        assert!(
            !binding.chords.is_empty(),
            "{:?} has no default key",
            binding.does
        );
    }
    for lang in [crate::i18n::Lang::En, crate::i18n::Lang::Sv] {
        let strings = Strings::load(lang);
        for binding in &km.bindings {
            assert!(
                !binding.description(&strings).is_empty(),
                "{lang:?} does not describe {:?}",
                binding.name()
            );
        }
        for name in strings.keys.keys() {
            assert!(
                Action::from_name(name).is_some(),
                "{lang:?} describes `{name}`, which is no action"
            );
        }
        // A `{name}` in a description is an action's key where it works.
        for binding in &km.bindings {
            let described = km.describe(binding, &strings);
            assert!(!described.contains(['{', '}']), "{lang:?}: {described}");
        }
    }
}

#[test]
fn no_two_bindings_of_one_mode_share_a_key() {
    let km = Keymap::default();
    for context in [Context::Browse, Context::Present] {
        let chords: Vec<Chord> = km
            .bindings
            .iter()
            .filter(|b| b.context == context || b.context == Context::Everywhere)
            .flat_map(|b| b.chords.to_vec())
            .collect();
        for (i, a) in chords.iter().enumerate() {
            assert!(
                !chords[i + 1..].contains(a),
                "{} bound twice in {context:?}",
                a.label()
            );
        }
    }
}

#[test]
fn every_hint_names_a_bound_key() {
    let km = Keymap::default();
    let en = Strings::default();
    let mut all_labels: Vec<String> = km
        .bindings
        .iter()
        .flat_map(|b| b.chords.iter().map(Chord::label).chain([b.label()]))
        .collect();
    all_labels.extend(SEARCH_KEYS.iter().map(|(chord, _)| chord.label()));
    for mode in [
        Mode::Browse(Pane::FocusList),
        Mode::Browse(Pane::GoalDetail),
        Mode::Background(Pane::FocusList),
        Mode::Search(Pane::FocusList),
        Mode::Help(Underlay::Browse(Pane::FocusList)),
        PRESENT,
        Mode::Help(Underlay::Present(Show::Slide)),
    ] {
        let hints = km.hints(mode, &en);
        assert!(hints.len() >= 3, "{mode:?}");
        for hint in hints {
            for key in hint.keys.split('/') {
                assert!(all_labels.iter().any(|l| l == key), "{key} in {mode:?}");
            }
        }
    }
}

#[test]
fn hints_follow_a_rebinding_and_leave_out_an_action_without_keys() {
    let en = Strings::default();
    let keys = |km: &Keymap, mode| -> Vec<String> {
        km.hints(mode, &en).into_iter().map(|h| h.keys).collect()
    };
    assert_eq!(
        keys(&Keymap::default(), BROWSE),
        ["j/k", "l/Tab", "1–9", "b", "p", "?", "q"]
    );
    let km = Keymap::with_keys(&[
        (Action::MoveDown, &["down"]),
        (Action::ToggleHelp, &["f1"]),
        (Action::Quit, &["x", "q"]),
    ]);
    assert_eq!(
        keys(&km, BROWSE),
        ["↓/k", "l/Tab", "1–9", "b", "p", "F1", "x"]
    );
    // `quit` without keys: the key that still quits, Ctrl-c, is the hint.
    let km = Keymap::with_keys(&[(Action::Quit, &[]), (Action::ToggleBackground, &[])]);
    assert_eq!(
        keys(&km, BROWSE),
        ["j/k", "l/Tab", "1–9", "p", "?", "Ctrl-c"]
    );
    assert_eq!(km.quit_key(BROWSE).as_deref(), Some("Ctrl-c"));
    let km = Keymap::with_keys(&[(Action::Back, &["x"])]);
    assert_eq!(
        keys(&km, Mode::Background(Pane::FocusList)),
        ["j/k", "x", "?", "q"]
    );
    // The search line's own keys cannot be rebound: its hints keep them.
    assert_eq!(
        keys(&km, Mode::Search(Pane::FocusList)),
        ["Enter", "Esc", "Backspace"]
    );
}

#[test]
fn the_digit_hint_is_the_digit_patterns_keys() {
    let mut km = Keymap::default();
    let en = Strings::default();
    let digits = km
        .bindings
        .iter_mut()
        .find(|b| matches!(b.does, Does::Digit(..)) && b.context == Context::Browse)
        .unwrap();
    digits.chords.to_mut().truncate(5);
    let jump = |km: &Keymap| {
        km.hints(BROWSE, &en)
            .into_iter()
            .find(|h| h.text == en.hint_jump)
    };
    assert_eq!(jump(&km).map(|h| h.keys).as_deref(), Some("1–5"));
    assert_eq!(
        km.action_for(BROWSE, &press(KeyCode::Char('5'), KeyModifiers::NONE)),
        Some(Action::JumpToFocusArea(5))
    );
    assert_eq!(
        km.action_for(BROWSE, &press(KeyCode::Char('6'), KeyModifiers::NONE)),
        None
    );
    assert!(
        km.help_rows(BROWSE, &en)
            .iter()
            .any(|(_, keys, _)| keys == "1–5")
    );
}

#[test]
fn ctrl_z_and_ctrl_l_work_while_typing_a_search_and_z_and_l_are_text() {
    let km = Keymap::default();
    let search = Mode::Search(Pane::FocusList);
    let key = |c, m| km.action_for(search, &press(KeyCode::Char(c), m));
    assert_eq!(key('z', KeyModifiers::CONTROL), Some(Action::Suspend));
    assert_eq!(key('l', KeyModifiers::CONTROL), Some(Action::Redraw));
    assert_eq!(key('z', KeyModifiers::NONE), Some(Action::SearchType('z')));
    assert_eq!(key('l', KeyModifiers::NONE), Some(Action::SearchType('l')));
}

#[test]
fn a_description_names_the_key_the_config_gave() {
    let en = Strings::default();
    let typing = |km: &Keymap| {
        km.help_rows(PRESENT, &en)
            .into_iter()
            .find(|(_, keys, _)| keys == "0–9")
            .map(|(_, _, description)| description)
    };
    assert_eq!(
        typing(&Keymap::default()).as_deref(),
        Some("Type a slide number, then Enter to go there")
    );
    assert_eq!(
        typing(&Keymap::with_keys(&[(Action::Confirm, &["c", "enter"])])).as_deref(),
        Some("Type a slide number, then c to go there")
    );
    assert_eq!(
        typing(&Keymap::with_keys(&[(Action::Confirm, &[])])).as_deref(),
        Some("Type a slide number, then confirm to go there")
    );
    let sv = Strings::load(crate::i18n::Lang::Sv);
    let km = Keymap::with_keys(&[(Action::Confirm, &["c"])]);
    let row = km.help_rows(PRESENT, &sv);
    assert!(
        row.iter()
            .any(|(_, _, d)| d == "Skriv ett bildnummer och tryck c för att gå dit"),
        "{row:?}"
    );
}
