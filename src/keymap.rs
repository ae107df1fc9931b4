//! Keys to actions: the one table that both the event loop and the help
//! overlay read, so the help can never list a key that does nothing.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::action::Action;
use crate::app::mode::{Mode, Pane, Underlay};
use crate::i18n::Strings;

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

    fn covers(self, mode: Mode) -> bool {
        self == Context::Everywhere || self == Context::of(mode)
    }
}

/// Some keys that do one thing.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The keys, in the order the help lists them.
    pub chords: Vec<Chord>,
    /// What they do.
    pub action: Action,
    /// The help's description, in the interface language.
    pub description: Describe,
    /// Where the help lists it.
    pub section: Section,
    /// Which screens it works on.
    pub context: Context,
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
    pub text: String,
    /// Kept when the footer is too narrow for every hint (help and quit).
    pub essential: bool,
}

/// The complete set of bindings.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// Every binding, in help order.
    pub bindings: Vec<Binding>,
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

/// While typing a search, keys are text: letters, digits, space and
/// punctuation go into the query; Backspace, Enter and Esc edit and end it.
fn search_input(event: &KeyEvent) -> Option<Action> {
    let typing = !event
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match event.code {
        KeyCode::Char(c) if typing => Some(Action::SearchType(c)),
        KeyCode::Backspace => Some(Action::SearchBackspace),
        KeyCode::Enter => Some(Action::SearchConfirm),
        KeyCode::Esc => Some(Action::Back),
        _ => None,
    }
}

/// Picks a binding's description from the interface's strings.
pub type Describe = fn(&Strings) -> &String;

impl Keymap {
    /// The bindings that work in `mode`, mode-specific ones first.
    fn active(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        let specific = self
            .bindings
            .iter()
            .filter(move |b| b.context == Context::of(mode));
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
        if let Mode::Search(_) = mode {
            return search_input(event).or_else(|| {
                // Only the keys that cannot be text keep their meaning.
                self.active(mode)
                    .filter(|b| {
                        matches!(
                            b.action,
                            Action::Quit | Action::ToggleHelp | Action::Suspend | Action::Redraw
                        )
                    })
                    .find(|b| {
                        b.chords.iter().any(|c| {
                            !matches!(c.code, KeyCode::Char(_))
                                || c.modifiers.contains(KeyModifiers::CONTROL)
                        }) && b.chords.iter().any(|c| c.matches(event))
                    })
                    .map(|b| b.action)
            });
        }
        self.active(mode)
            .find(|binding| binding.chords.iter().any(|chord| chord.matches(event)))
            .map(|binding| binding.action)
    }

    /// The first key label bound to `action` in `mode`, if any (for hints).
    pub fn key_for(&self, mode: Mode, action: Action) -> Option<String> {
        self.active(mode)
            .find(|binding| binding.action == action)
            .and_then(|binding| binding.chords.first())
            .map(Chord::label)
    }

    /// Help rows for `mode`: (section, keys label, description), grouped
    /// bindings once, in the order the help shows them.
    pub fn help_rows(&self, mode: Mode, strings: &Strings) -> Vec<(Section, String, String)> {
        let mut rows: Vec<(Section, String, String)> = Vec::new();
        let context = Context::of(mode);
        let ordered = self
            .bindings
            .iter()
            .filter(|b| b.context.covers(mode))
            // Context-specific sections first, General last.
            .filter(|b| b.context == context || b.context == Context::Everywhere);
        let mut sorted: Vec<&Binding> = ordered.collect();
        sorted.sort_by_key(|b| b.section == Section::General);
        for binding in sorted {
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
            rows.push((
                binding.section,
                label,
                (binding.description)(strings).clone(),
            ));
        }
        rows
    }

    /// The footer's hints for a mode, most useful first.
    pub fn hints(&self, mode: Mode, strings: &Strings) -> Vec<Hint> {
        let pair = |a, b| match (self.key_for(mode, a), self.key_for(mode, b)) {
            (Some(a), Some(b)) => format!("{a}/{b}"),
            (a, b) => a.or(b).unwrap_or_default(),
        };
        let one = |a| self.key_for(mode, a).unwrap_or_default();
        let essential = [&strings.hint_help, &strings.hint_quit, &strings.hint_leave];
        let hint = |keys: String, text: &String| Hint {
            keys,
            text: text.clone(),
            essential: essential.contains(&text),
        };
        match mode {
            Mode::Browse(Pane::FocusList) => vec![
                hint(pair(Action::MoveDown, Action::MoveUp), &strings.hint_move),
                hint(
                    pair(Action::FocusDetail, Action::NextPane),
                    &strings.hint_goals,
                ),
                hint("1–9".into(), &strings.hint_jump),
                hint(one(Action::ToggleBackground), &strings.hint_background),
                hint(one(Action::StartPresentation), &strings.hint_present),
                hint(one(Action::ToggleHelp), &strings.hint_help),
                hint(one(Action::Quit), &strings.hint_quit),
            ],
            Mode::Browse(Pane::GoalDetail) => vec![
                hint(pair(Action::MoveDown, Action::MoveUp), &strings.hint_scroll),
                hint(
                    pair(Action::FocusList, Action::NextPane),
                    &strings.hint_list,
                ),
                hint(one(Action::ToggleBackground), &strings.hint_background),
                hint(one(Action::StartPresentation), &strings.hint_present),
                hint(one(Action::ToggleHelp), &strings.hint_help),
                hint(one(Action::Quit), &strings.hint_quit),
            ],
            Mode::Search(_) => vec![
                hint("Enter".into(), &strings.hint_keep_filter),
                hint("Esc".into(), &strings.hint_clear),
                hint("Backspace".into(), &strings.hint_delete),
            ],
            Mode::Background(_) => vec![
                hint(pair(Action::MoveDown, Action::MoveUp), &strings.hint_scroll),
                hint(one(Action::Back), &strings.hint_close),
                hint(one(Action::ToggleHelp), &strings.hint_help),
                hint(one(Action::Quit), &strings.hint_quit),
            ],
            Mode::Present(_) => vec![
                hint(
                    pair(Action::PreviousSlide, Action::NextSlide),
                    &strings.hint_slides,
                ),
                hint(one(Action::ToggleOverview), &strings.hint_overview),
                hint(one(Action::ToggleNotes), &strings.hint_notes),
                hint(one(Action::ToggleHelp), &strings.hint_help),
                hint(one(Action::ClosePresentation), &strings.hint_leave),
            ],
            Mode::Help(Underlay::Present(_)) => vec![
                hint(
                    pair(Action::NextSlide, Action::PreviousSlide),
                    &strings.hint_scroll,
                ),
                hint(one(Action::Back), &strings.hint_close),
                hint(one(Action::ClosePresentation), &strings.hint_leave),
            ],
            Mode::Help(_) => vec![
                hint(pair(Action::MoveDown, Action::MoveUp), &strings.hint_scroll),
                hint(one(Action::Back), &strings.hint_close),
                hint(one(Action::Quit), &strings.hint_quit),
            ],
        }
    }
}

mod defaults;
#[cfg(test)]
mod tests;
