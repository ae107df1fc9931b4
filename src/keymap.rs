//! Keys to actions: the one table that both the event loop and the help
//! overlay read, so the help can never list a key that does nothing.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::{Action, Mode, Pane};

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chord {
    /// The key.
    pub code: KeyCode,
    /// Ctrl/Alt (Shift is implied by the character for letters).
    pub modifiers: KeyModifiers,
}

impl Chord {
    const fn key(code: KeyCode) -> Self {
        Self {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }
    const fn char(c: char) -> Self {
        Self::key(KeyCode::Char(c))
    }
    const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// True when a key event is this chord. Shift is ignored for characters
    /// (terminals disagree on whether `G` arrives with SHIFT set) and for
    /// Shift-Tab (which arrives as `BackTab`, with or without SHIFT).
    fn matches(&self, event: &KeyEvent) -> bool {
        let significant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        let same_mods = (event.modifiers & significant) == (self.modifiers & significant);
        match (self.code, event.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                same_mods
                    && (a == b
                        || (self.modifiers.contains(KeyModifiers::CONTROL)
                            && a.eq_ignore_ascii_case(&b)))
            }
            (a, b) => same_mods && a == b,
        }
    }

    /// How the chord is written in the help and footer.
    pub fn label(&self) -> String {
        let key = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{key}")
        } else {
            key
        }
    }
}

/// Where in the help a binding is listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Moving and scrolling.
    Move,
    /// Switching panes and views.
    View,
    /// Leaving.
    General,
}

impl Section {
    /// The heading shown in the help.
    pub fn title(self) -> &'static str {
        match self {
            Section::Move => "Move and scroll",
            Section::View => "Panes and views",
            Section::General => "General",
        }
    }
}

/// Some keys that do one thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// The keys, in the order the help lists them.
    pub chords: Vec<Chord>,
    /// What they do.
    pub action: Action,
    /// The help's description.
    pub description: &'static str,
    /// Where the help lists it.
    pub section: Section,
    /// Shown as one help row with this label instead of one row per binding
    /// (the nine "jump to focus area N" bindings are one row, `1–9`).
    pub group: Option<&'static str>,
}

/// A hint in the footer: the first key of each action, then a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The key labels, e.g. `j/k`.
    pub keys: String,
    /// What they do, in a word or two.
    pub text: &'static str,
    /// Kept when the footer is too narrow for every hint (help and quit).
    pub essential: bool,
}

/// The complete set of bindings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// Every binding, in help order.
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        use KeyCode as K;
        use Section::*;
        let b = |chords: &[Chord], action, description, section| Binding {
            chords: chords.to_vec(),
            action,
            description,
            section,
            group: None,
        };
        let mut bindings = vec![
            b(
                &[Chord::char('j'), Chord::key(K::Down)],
                Action::MoveDown,
                "Next focus area / scroll down",
                Move,
            ),
            b(
                &[Chord::char('k'), Chord::key(K::Up)],
                Action::MoveUp,
                "Previous focus area / scroll up",
                Move,
            ),
            b(
                &[Chord::char('g'), Chord::key(K::Home)],
                Action::MoveToTop,
                "First focus area / top",
                Move,
            ),
            b(
                &[Chord::char('G'), Chord::key(K::End)],
                Action::MoveToBottom,
                "Last focus area / end",
                Move,
            ),
            b(
                &[Chord::key(K::PageDown)],
                Action::PageDown,
                "Page down",
                Move,
            ),
            b(&[Chord::key(K::PageUp)], Action::PageUp, "Page up", Move),
            b(
                &[Chord::ctrl('d')],
                Action::HalfPageDown,
                "Half a page down",
                Move,
            ),
            b(
                &[Chord::ctrl('u')],
                Action::HalfPageUp,
                "Half a page up",
                Move,
            ),
            b(&[Chord::key(K::Tab)], Action::NextPane, "Next pane", View),
            b(
                &[Chord::key(K::BackTab)],
                Action::PreviousPane,
                "Previous pane",
                View,
            ),
            b(
                &[Chord::char('h'), Chord::key(K::Left)],
                Action::FocusList,
                "Focus-area list",
                View,
            ),
            b(
                &[Chord::char('l'), Chord::key(K::Right), Chord::key(K::Enter)],
                Action::FocusDetail,
                "Goals of the selected area",
                View,
            ),
        ];
        for n in 1..=9u8 {
            bindings.push(Binding {
                chords: vec![Chord::char(char::from(b'0' + n))],
                action: Action::JumpToFocusArea(n),
                description: "Jump to focus area 1–9",
                section: View,
                group: Some("1–9"),
            });
        }
        bindings.extend([
            b(
                &[Chord::char('b')],
                Action::ToggleBackground,
                "Background: how the vision was made",
                View,
            ),
            b(
                &[Chord::char('?'), Chord::key(K::F(1))],
                Action::ToggleHelp,
                "This help",
                General,
            ),
            b(
                &[Chord::key(K::Esc)],
                Action::Back,
                "Close / step back",
                General,
            ),
            b(
                &[Chord::char('q'), Chord::ctrl('c')],
                Action::Quit,
                "Quit",
                General,
            ),
        ]);
        Self { bindings }
    }
}

impl Keymap {
    /// The action for a key event, if any. Only presses count: with the
    /// kitty keyboard protocol terminals also report repeats and releases.
    pub fn action_for(&self, event: &KeyEvent) -> Option<Action> {
        if event.kind != KeyEventKind::Press {
            return None;
        }
        self.bindings
            .iter()
            .find(|binding| binding.chords.iter().any(|chord| chord.matches(event)))
            .map(|binding| binding.action)
    }

    /// The actions for a key event: usually zero or one. When Esc and the
    /// next key arrive together (a fast typist, or SSH latency), crossterm
    /// reads them as Alt+key; with no Alt binding, that is Esc then the key.
    pub fn actions_for(&self, event: &KeyEvent) -> Vec<Action> {
        if let Some(action) = self.action_for(event) {
            return vec![action];
        }
        if event.modifiers == KeyModifiers::ALT && event.kind == KeyEventKind::Press {
            let plain = KeyEvent::new_with_kind(event.code, KeyModifiers::NONE, event.kind);
            let then = self.action_for(&plain);
            return std::iter::once(Action::Back).chain(then).collect();
        }
        Vec::new()
    }

    /// The first key label bound to `action` (for hints), if any.
    pub fn key_for(&self, action: Action) -> Option<String> {
        self.bindings
            .iter()
            .find(|binding| binding.action == action)
            .and_then(|binding| binding.chords.first())
            .map(Chord::label)
    }

    /// Help rows: (section, keys label, description), grouped bindings once.
    pub fn help_rows(&self) -> Vec<(Section, String, &'static str)> {
        let mut rows: Vec<(Section, String, &'static str)> = Vec::new();
        for binding in &self.bindings {
            let label = match binding.group {
                Some(group) => {
                    if rows.iter().any(|(_, l, _)| l == group) {
                        continue;
                    }
                    group.to_string()
                }
                None => binding
                    .chords
                    .iter()
                    .map(Chord::label)
                    .collect::<Vec<_>>()
                    .join(" "),
            };
            rows.push((binding.section, label, binding.description));
        }
        rows
    }

    /// The footer's hints for a mode, most useful first.
    pub fn hints(&self, mode: Mode) -> Vec<Hint> {
        let pair = |a, b| match (self.key_for(a), self.key_for(b)) {
            (Some(a), Some(b)) => format!("{a}/{b}"),
            (a, b) => a.or(b).unwrap_or_default(),
        };
        let one = |a| self.key_for(a).unwrap_or_default();
        let hint = |keys: String, text| Hint {
            keys,
            text,
            essential: matches!(text, "help" | "quit"),
        };
        match mode {
            Mode::Browse(Pane::FocusList) => vec![
                hint(pair(Action::MoveDown, Action::MoveUp), "move"),
                hint(pair(Action::FocusDetail, Action::NextPane), "goals"),
                hint("1–9".into(), "jump"),
                hint(one(Action::ToggleBackground), "background"),
                hint(one(Action::ToggleHelp), "help"),
                hint(one(Action::Quit), "quit"),
            ],
            Mode::Browse(Pane::GoalDetail) => vec![
                hint(pair(Action::MoveDown, Action::MoveUp), "scroll"),
                hint(pair(Action::FocusList, Action::NextPane), "list"),
                hint(one(Action::ToggleBackground), "background"),
                hint(one(Action::ToggleHelp), "help"),
                hint(one(Action::Quit), "quit"),
            ],
            Mode::Background(_) => vec![
                hint(pair(Action::MoveDown, Action::MoveUp), "scroll"),
                hint(one(Action::Back), "close"),
                hint(one(Action::ToggleHelp), "help"),
                hint(one(Action::Quit), "quit"),
            ],
            Mode::Help(_) => vec![
                hint(pair(Action::MoveDown, Action::MoveUp), "scroll"),
                hint(one(Action::Back), "close"),
                hint(one(Action::Quit), "quit"),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn issue_keys_map_to_their_actions() {
        let km = Keymap::default();
        let cases = [
            (KeyCode::Char('j'), KeyModifiers::NONE, Action::MoveDown),
            (KeyCode::Down, KeyModifiers::NONE, Action::MoveDown),
            (KeyCode::Char('k'), KeyModifiers::NONE, Action::MoveUp),
            (KeyCode::Up, KeyModifiers::NONE, Action::MoveUp),
            (KeyCode::Char('g'), KeyModifiers::NONE, Action::MoveToTop),
            (KeyCode::Home, KeyModifiers::NONE, Action::MoveToTop),
            (
                KeyCode::Char('G'),
                KeyModifiers::SHIFT,
                Action::MoveToBottom,
            ),
            (KeyCode::Char('G'), KeyModifiers::NONE, Action::MoveToBottom),
            (KeyCode::End, KeyModifiers::NONE, Action::MoveToBottom),
            (KeyCode::PageDown, KeyModifiers::NONE, Action::PageDown),
            (KeyCode::PageUp, KeyModifiers::NONE, Action::PageUp),
            (
                KeyCode::Char('d'),
                KeyModifiers::CONTROL,
                Action::HalfPageDown,
            ),
            (
                KeyCode::Char('u'),
                KeyModifiers::CONTROL,
                Action::HalfPageUp,
            ),
            (KeyCode::Tab, KeyModifiers::NONE, Action::NextPane),
            (KeyCode::BackTab, KeyModifiers::SHIFT, Action::PreviousPane),
            (KeyCode::BackTab, KeyModifiers::NONE, Action::PreviousPane),
            (KeyCode::Char('h'), KeyModifiers::NONE, Action::FocusList),
            (KeyCode::Left, KeyModifiers::NONE, Action::FocusList),
            (KeyCode::Char('l'), KeyModifiers::NONE, Action::FocusDetail),
            (KeyCode::Right, KeyModifiers::NONE, Action::FocusDetail),
            (KeyCode::Enter, KeyModifiers::NONE, Action::FocusDetail),
            (
                KeyCode::Char('3'),
                KeyModifiers::NONE,
                Action::JumpToFocusArea(3),
            ),
            (
                KeyCode::Char('9'),
                KeyModifiers::NONE,
                Action::JumpToFocusArea(9),
            ),
            (KeyCode::Char('?'), KeyModifiers::SHIFT, Action::ToggleHelp),
            (KeyCode::F(1), KeyModifiers::NONE, Action::ToggleHelp),
            (
                KeyCode::Char('b'),
                KeyModifiers::NONE,
                Action::ToggleBackground,
            ),
            (KeyCode::Esc, KeyModifiers::NONE, Action::Back),
            (KeyCode::Char('q'), KeyModifiers::NONE, Action::Quit),
            (KeyCode::Char('c'), KeyModifiers::CONTROL, Action::Quit),
        ];
        for (code, mods, action) in cases {
            assert_eq!(
                km.action_for(&press(code, mods)),
                Some(action),
                "{code:?} {mods:?}"
            );
        }
    }

    #[test]
    fn plain_letters_do_not_fire_control_bindings_and_vice_versa() {
        let km = Keymap::default();
        assert_eq!(
            km.action_for(&press(KeyCode::Char('c'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            km.action_for(&press(KeyCode::Char('d'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            km.action_for(&press(KeyCode::Char('j'), KeyModifiers::CONTROL)),
            None
        );
        assert_eq!(
            km.action_for(&press(KeyCode::Char('0'), KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn esc_arriving_glued_to_the_next_key_is_esc_then_that_key() {
        let km = Keymap::default();
        let alt_b = press(KeyCode::Char('b'), KeyModifiers::ALT);
        assert_eq!(
            km.actions_for(&alt_b),
            [Action::Back, Action::ToggleBackground]
        );
        let alt_x = press(KeyCode::Char('x'), KeyModifiers::ALT);
        assert_eq!(km.actions_for(&alt_x), [Action::Back]);
        assert_eq!(
            km.actions_for(&press(KeyCode::Char('x'), KeyModifiers::NONE)),
            []
        );
    }

    #[test]
    fn only_presses_count() {
        let km = Keymap::default();
        let mut release = press(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(km.action_for(&release), None);
        release.kind = KeyEventKind::Repeat;
        assert_eq!(km.action_for(&release), None);
    }

    #[test]
    fn help_lists_every_binding_once_and_groups_digits() {
        let km = Keymap::default();
        let rows = km.help_rows();
        assert_eq!(
            rows.iter().filter(|(_, label, _)| label == "1–9").count(),
            1
        );
        for binding in km.bindings.iter().filter(|b| b.group.is_none()) {
            let label = binding
                .chords
                .iter()
                .map(Chord::label)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                rows.iter()
                    .any(|(_, l, d)| *l == label && *d == binding.description),
                "{label}"
            );
        }
    }

    #[test]
    fn every_hint_names_a_bound_key() {
        let km = Keymap::default();
        let all_labels: Vec<String> = km
            .bindings
            .iter()
            .flat_map(|b| b.chords.iter().map(Chord::label))
            .collect();
        for mode in [
            Mode::Browse(Pane::FocusList),
            Mode::Browse(Pane::GoalDetail),
            Mode::Background(Pane::FocusList),
            Mode::Help(crate::app::Underlay::Browse(Pane::FocusList)),
        ] {
            for hint in km.hints(mode) {
                for key in hint.keys.split('/') {
                    assert!(
                        key == "1–9" || all_labels.iter().any(|l| l == key),
                        "{key} in {mode:?}"
                    );
                }
            }
        }
    }
}
