//! Keys to actions: the one table that the event loop, the help overlay, the
//! footer's hints, the config and the manual all read, so none of them can
//! name a key that does something else.
//!
//! The table is in `keymap/defaults.rs`; key names, in both spellings, in
//! `keymap/chord.rs`; what the help and the footer make of it, in `keymap/hints.rs`.

mod chord;
mod defaults;
mod hints;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::mem::discriminant;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub use chord::Chord;
pub use hints::Hint;

use crate::app::action::Action;
use crate::app::mode::{Mode, Underlay};
use crate::i18n::Strings;

/// Where in the help a binding is listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Moving and scrolling.
    Move,
    /// Switching panes and views.
    View,
    /// Searching.
    Search,
    /// Moving between slides.
    Slides,
    /// The presenter's tools: overview, blank screen, notes, timer.
    Presenter,
    /// Help, closing, leaving.
    General,
}

impl Section {
    /// The heading shown in the help.
    pub fn title(self, strings: &Strings) -> &str {
        match self {
            Section::Move => &strings.section_move,
            Section::View => &strings.section_view,
            Section::Search => &strings.section_search,
            Section::Slides => &strings.section_slides,
            Section::Presenter => &strings.section_presenter,
            Section::General => &strings.section_general,
        }
    }
}

/// Which screens a binding works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The browser, its background view, and the help over them.
    Browse,
    /// The presentation, and the help over it.
    Present,
    /// Every screen.
    Everywhere,
}

impl Context {
    /// The context a mode's keys come from.
    pub fn of(mode: Mode) -> Context {
        match mode {
            Mode::Present(_) | Mode::Help(Underlay::Present(_)) => Context::Present,
            _ => Context::Browse,
        }
    }

    /// True when a binding of this context works in `mode`.
    pub fn covers(self, mode: Mode) -> bool {
        self == Context::Everywhere || self == Context::of(mode)
    }
}

/// Picks a description from the interface's strings.
pub type Describe = fn(&Strings) -> &String;

/// What a binding's keys do.
#[derive(Debug, Clone, Copy)]
pub enum Does {
    /// This action, whichever of the keys is pressed. Its description is the
    /// interface's text for the action's name.
    Action(Action),
    /// The action for the digit pressed (`3` jumps to focus area 3): a
    /// pattern over digit keys, which the config cannot rebind.
    Digit(fn(u8) -> Action, Describe),
}

/// Some keys that do one thing.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The keys, in the order the help lists them: the table's own, or
    /// the config's.
    pub chords: Cow<'static, [Chord]>,
    /// What they do.
    pub does: Does,
    /// Where the help lists it.
    pub section: Section,
    /// Which screens it works on.
    pub context: Context,
}

impl Binding {
    /// What pressing `chord`, one of this binding's keys, does.
    fn action_of(&self, chord: &Chord) -> Action {
        match (self.does, chord.code) {
            (Does::Action(action), _) => action,
            (Does::Digit(action, _), KeyCode::Char(c)) => action(
                c.to_digit(10)
                    .and_then(|d| u8::try_from(d).ok())
                    .unwrap_or(0),
            ),
            (Does::Digit(action, _), _) => action(0),
        }
    }

    /// The action its keys do (a digit pattern's for its first key), if it has keys.
    pub fn action(&self) -> Option<Action> {
        self.chords.first().map(|chord| self.action_of(chord))
    }

    /// Its name in the config, or `None` for a digit pattern.
    pub fn name(&self) -> Option<&'static str> {
        match self.does {
            Does::Action(action) => action.name(),
            Does::Digit(..) => None,
        }
    }

    /// The help's description, in the interface language, as the file has
    /// it: with `{name}` for another action's key ([`Keymap::describe`] fills it in).
    pub fn description<'s>(&self, strings: &'s Strings) -> &'s str {
        match self.does {
            Does::Action(action) => action
                .name()
                .map_or("", |name| strings.key_description(name)),
            Does::Digit(_, describe) => describe(strings),
        }
    }

    /// Its keys as the help lists them: every key (`j ↓`), or a digit
    /// pattern's first and last (`1–9`).
    pub fn label(&self) -> String {
        let mut label = String::new();
        match (self.does, self.chords.first(), self.chords.last()) {
            (Does::Digit(..), Some(first), Some(last)) => {
                first.write_label(&mut label);
                label.push('–');
                last.write_label(&mut label);
            }
            _ => {
                for (i, chord) in self.chords.iter().enumerate() {
                    if i > 0 {
                        label.push(' ');
                    }
                    chord.write_label(&mut label);
                }
            }
        }
        label
    }

    /// Its keys as a hint: the first key, or a digit pattern's `1–9`.
    pub fn short_label(&self) -> Option<String> {
        match self.does {
            Does::Digit(..) if !self.chords.is_empty() => Some(self.label()),
            _ => self.chords.first().map(Chord::label),
        }
    }
}

/// The complete set of bindings.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// Every binding, in help order.
    pub bindings: Vec<Binding>,
}

/// The search line's own keys: they edit and end the search whatever the
/// config says, so no config can leave anyone stuck typing.
const SEARCH_KEYS: [(Chord, Action); 3] = [
    (Chord::key(KeyCode::Enter), Action::SearchConfirm),
    (Chord::key(KeyCode::Esc), Action::Back),
    (Chord::key(KeyCode::Backspace), Action::SearchBackspace),
];

/// Whether `binding` keeps its meaning while a search is typed: only a few
/// actions, and only on keys that cannot be text.
fn acts_while_typing(binding: &&Binding) -> bool {
    matches!(
        binding.does,
        Does::Action(
            Action::Quit
                | Action::ForceQuit
                | Action::ToggleHelp
                | Action::Suspend
                | Action::Redraw
        )
    ) && binding
        .chords
        .iter()
        .any(|c| !matches!(c.code, KeyCode::Char(_)) || c.modifiers.contains(KeyModifiers::CONTROL))
}

/// While typing a search, keys are text: letters, digits, space and
/// punctuation go into the query; Backspace, Enter and Esc edit and end it.
fn search_input(event: &KeyEvent) -> Option<Action> {
    let typing = !event
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match event.code {
        KeyCode::Char(c) if typing => Some(Action::SearchType(c)),
        code => SEARCH_KEYS
            .iter()
            .find(|(chord, _)| chord.code == code)
            .map(|&(_, action)| action),
    }
}

/// The action for a mouse event: left-button presses and the wheel; moves,
/// drags and releases are ignored.
pub fn mouse_action(event: &ratatui::crossterm::event::MouseEvent) -> Option<Action> {
    use ratatui::crossterm::event::{MouseButton, MouseEventKind};
    let (column, row) = (event.column, event.row);
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        MouseEventKind::ScrollDown => Some(Action::Wheel {
            column,
            row,
            down: true,
        }),
        MouseEventKind::ScrollUp => Some(Action::Wheel {
            column,
            row,
            down: false,
        }),
        _ => None,
    }
}

impl Keymap {
    /// The bindings that work in `mode`, mode-specific ones first.
    fn active(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        self.active_in(Context::of(mode))
    }

    /// The bindings that work where `context` does, its own ones first.
    fn active_in(&self, context: Context) -> impl Iterator<Item = &Binding> {
        let specific = self.bindings.iter().filter(move |b| b.context == context);
        let general = self
            .bindings
            .iter()
            .filter(|b| b.context == Context::Everywhere);
        specific.chain(general)
    }

    /// The action for a key event in `mode`, if any. Only presses count:
    /// with the kitty keyboard protocol terminals also report repeats and releases.
    pub fn action_for(&self, mode: Mode, event: &KeyEvent) -> Option<Action> {
        if event.kind != KeyEventKind::Press {
            return None;
        }
        let pressed = |binding: &Binding| {
            binding
                .chords
                .iter()
                .find(|chord| chord.matches(event))
                .map(|chord| binding.action_of(chord))
        };
        if let Mode::Search(_) = mode {
            return search_input(event).or_else(|| {
                self.active(mode)
                    .filter(acts_while_typing)
                    .find_map(pressed)
            });
        }
        self.active(mode).find_map(pressed)
    }

    /// The first binding with keys that does `action` in `mode`; for an
    /// action with data (`JumpToFocusArea(_)`), the one that does it for any.
    pub fn binding_for(&self, mode: Mode, action: Action) -> Option<&Binding> {
        self.binding_in(Context::of(mode), action)
            .filter(|b| !matches!(mode, Mode::Search(_)) || acts_while_typing(b))
    }

    fn binding_in(&self, context: Context, action: Action) -> Option<&Binding> {
        let wanted = discriminant(&action);
        self.active_in(context).find(|b| {
            !b.chords.is_empty()
                && match b.does {
                    Does::Action(does) => discriminant(&does) == wanted,
                    Does::Digit(does, _) => discriminant(&does(0)) == wanted,
                }
        })
    }

    /// The key label for `action` in `mode`, if it has a key: its first key,
    /// or for a digit pattern its range (for hints).
    pub fn key_for(&self, mode: Mode, action: Action) -> Option<String> {
        self.binding_for(mode, action)
            .and_then(Binding::short_label)
    }

    /// Gives `action` these keys instead of its own; false when no binding
    /// does it (a digit pattern's keys cannot be given this way).
    pub fn rebind(&mut self, action: Action, chords: impl IntoIterator<Item = Chord>) -> bool {
        let bound = |b: &&mut Binding| matches!(b.does, Does::Action(a) if a == action);
        match self.bindings.iter_mut().find(bound) {
            Some(binding) => {
                binding.chords = Cow::Owned(chords.into_iter().collect());
                true
            }
            None => false,
        }
    }

    /// The default key map with these actions given these keys, as the config
    /// writes them (for tests).
    #[cfg(test)]
    pub(crate) fn with_keys(keys: &[(Action, &[&str])]) -> Keymap {
        let mut keymap = Keymap::default();
        for (action, names) in keys {
            let chords = names.iter().map(|name| Chord::parse(name).unwrap());
            assert!(keymap.rebind(*action, chords), "{action:?}");
        }
        keymap
    }

    /// The key that leaves the app in `mode`: `quit`'s, else `force_quit`'s.
    pub fn quit_key(&self, mode: Mode) -> Option<String> {
        self.key_for(mode, Action::Quit)
            .or_else(|| self.key_for(mode, Action::ForceQuit))
    }

    /// The label of the search line's fixed key for `action`.
    pub fn search_key(action: Action) -> Option<String> {
        SEARCH_KEYS
            .iter()
            .find(|(_, a)| *a == action)
            .map(|(chord, _)| chord.label())
    }
}
