//! Key bindings in the config: how keys are written (`"q"`, `"ctrl-c"`,
//! `"shift-tab"`), the name of each bindable action, and applying the
//! overrides to the key map with the checks that keep it usable: no key on two
//! actions of one screen, and always a key that quits.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use serde::{Deserialize, Deserializer};

use super::Source;
use crate::app::Action;
use crate::keymap::{Binding, Chord, Context, Keymap};
use crate::load::{Diagnostic, LoadError, locate};

/// A key as written in the config: `"q"`, `"ctrl-c"`, `"shift-tab"`, `"f1"`, `"pgdn"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeySpec(pub Chord);

impl<'de> Deserialize<'de> for KeySpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_key(&text).map(KeySpec).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown key `{text}`: use a character (\"q\", \"?\"), a name (up, down, left, right, pgup, pgdn, home, end, enter, esc, tab, shift-tab, backspace, space, f1…f12), or ctrl- with a letter (\"ctrl-d\")"
            ))
        })
    }
}

/// Parses a key as written in the config.
pub fn parse_key(text: &str) -> Option<Chord> {
    let lower = text.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("ctrl-")
        .or_else(|| lower.strip_prefix("ctrl+"))
    {
        let mut chars = rest.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_alphanumeric() => Some(Chord {
                code: KeyCode::Char(c),
                modifiers: KeyModifiers::CONTROL,
            }),
            _ => None,
        };
    }
    let code = match lower.as_str() {
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "shift-tab" | "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "space" => KeyCode::Char(' '),
        f if f.starts_with('f') && f.len() > 1 => {
            KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?)
        }
        _ => {
            let mut chars = text.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if !c.is_control() => KeyCode::Char(c),
                _ => return None,
            }
        }
    };
    Some(Chord {
        code,
        modifiers: KeyModifiers::NONE,
    })
}

/// How a key is written in the config (the inverse of [`parse_key`]).
pub fn key_name(chord: &Chord) -> String {
    let name = match chord.code {
        KeyCode::Up => "up".to_string(),
        KeyCode::Down => "down".into(),
        KeyCode::Left => "left".into(),
        KeyCode::Right => "right".into(),
        KeyCode::PageUp => "pgup".into(),
        KeyCode::PageDown => "pgdn".into(),
        KeyCode::Home => "home".into(),
        KeyCode::End => "end".into(),
        KeyCode::Enter => "enter".into(),
        KeyCode::Esc => "esc".into(),
        KeyCode::Tab => "tab".into(),
        KeyCode::BackTab => "shift-tab".into(),
        KeyCode::Backspace => "backspace".into(),
        KeyCode::Char(' ') => "space".into(),
        KeyCode::F(n) => format!("f{n}"),
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}").to_lowercase(),
    };
    if chord.modifiers.contains(KeyModifiers::CONTROL) {
        format!("ctrl-{name}")
    } else {
        name
    }
}

/// The name a binding has in the config, or `None` for the digit groups
/// (1–9 and 0–9), which cannot be rebound.
pub fn binding_name(binding: &Binding) -> Option<&'static str> {
    if binding.group.is_some() {
        return None;
    }
    Some(match (binding.action, binding.context) {
        (Action::Quit, Context::Everywhere) => "force_quit",
        (Action::Quit, _) => "quit",
        (Action::MoveDown, _) => "move_down",
        (Action::MoveUp, _) => "move_up",
        (Action::MoveToTop, _) => "move_to_top",
        (Action::MoveToBottom, _) => "move_to_bottom",
        (Action::PageDown, _) => "page_down",
        (Action::PageUp, _) => "page_up",
        (Action::HalfPageDown, _) => "half_page_down",
        (Action::HalfPageUp, _) => "half_page_up",
        (Action::NextPane, _) => "next_pane",
        (Action::PreviousPane, _) => "previous_pane",
        (Action::FocusList, _) => "focus_list",
        (Action::FocusDetail, _) => "focus_detail",
        (Action::ToggleBackground, _) => "background",
        (Action::StartPresentation, _) => "present",
        (Action::ShowLink, _) => "show_link",
        (Action::StartSearch, _) => "search",
        (Action::NextHit, _) => "next_hit",
        (Action::PreviousHit, _) => "previous_hit",
        (Action::NextSlide, _) => "next_slide",
        (Action::PreviousSlide, _) => "previous_slide",
        (Action::Confirm, _) => "confirm",
        (Action::FirstSlide, _) => "first_slide",
        (Action::LastSlide, _) => "last_slide",
        (Action::ToggleOverview, _) => "overview",
        (Action::ToggleBlank, _) => "blank",
        (Action::ToggleNotes, _) => "notes",
        (Action::ScrollNotesDown, _) => "notes_down",
        (Action::ScrollNotesUp, _) => "notes_up",
        (Action::ToggleTimer, _) => "timer",
        (Action::ClosePresentation, _) => "close_presentation",
        (Action::ToggleHelp, _) => "help",
        (Action::Back, _) => "back",
        (Action::Suspend, _) => "suspend",
        (Action::Redraw, _) => "redraw",
        _ => return None,
    })
}

macro_rules! keys_config {
    ($($name:ident,)*) => {
        /// Key overrides: each field replaces all keys of one action.
        #[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct KeysConfig {
            $(#[allow(missing_docs)] #[serde(default)] pub $name: Option<Vec<KeySpec>>,)*
        }

        impl KeysConfig {
            /// The overrides given: (binding name, keys).
            pub fn overrides(&self) -> Vec<(&'static str, &[KeySpec])> {
                let mut out = Vec::new();
                $(if let Some(keys) = &self.$name { out.push((stringify!($name), keys.as_slice())); })*
                out
            }
        }
    };
}

keys_config! {
    move_down, move_up, move_to_top, move_to_bottom, page_down, page_up, half_page_down,
    half_page_up, next_pane, previous_pane, focus_list, focus_detail, background, present,
    show_link, search, next_hit, previous_hit, quit, force_quit, next_slide, previous_slide,
    confirm, first_slide, last_slide, overview, blank, notes, notes_down, notes_up, timer, close_presentation,
    help, back, suspend, redraw,
}

/// Applies the key overrides in `keys` to `keymap`, then checks the result.
/// Two bindings of one screen on the same key, or no key left to quit with,
/// is an error located at the override responsible (the key itself, for a
/// conflict).
pub fn apply(
    keymap: &mut Keymap,
    keys: &KeysConfig,
    source: Option<&Source>,
) -> Result<(), LoadError> {
    let overrides = keys.overrides();
    for (name, keys) in &overrides {
        if let Some(binding) = keymap
            .bindings
            .iter_mut()
            .find(|b| binding_name(b) == Some(*name))
        {
            binding.chords = keys.iter().map(|k| k.0).collect();
        }
    }
    let mut problems: Vec<Problem> = Vec::new();
    for context in [Context::Browse, Context::Present] {
        let active: Vec<&Binding> = keymap
            .bindings
            .iter()
            .filter(|b| b.context == context || b.context == Context::Everywhere)
            .collect();
        for (i, a) in active.iter().enumerate() {
            for b in &active[i + 1..] {
                for chord in a.chords.iter().filter(|c| b.chords.contains(c)) {
                    let (na, nb) = (
                        binding_name(a).unwrap_or("jump/type digit"),
                        binding_name(b).unwrap_or("jump/type digit"),
                    );
                    let message = format!(
                        "key `{}` is bound to both `{na}` and `{nb}`",
                        key_name(chord)
                    );
                    if problems.iter().any(|p| p.message == message) {
                        continue;
                    }
                    // Blame an override (the defaults never conflict), at the key.
                    let (blamed, index) = [na, nb]
                        .into_iter()
                        .find_map(|n| {
                            overrides
                                .iter()
                                .find(|(o, _)| *o == n)
                                .map(|(o, keys)| (*o, keys.iter().position(|k| k.0 == *chord)))
                        })
                        .unwrap_or((na, None));
                    problems.push(Problem {
                        name: blamed,
                        index,
                        message,
                        hint: "give each key to one action; `vision-tui config --default` lists them all",
                    });
                }
            }
        }
    }
    let overridden: Vec<&'static str> = overrides.iter().map(|(name, _)| *name).collect();
    if let Some(problem) = locked_in(keymap, &overridden) {
        problems.push(problem);
    }
    if problems.is_empty() {
        return Ok(());
    }
    let (file, text) = source.map_or(("config", ""), |s| (s.name.as_str(), s.text.as_str()));
    let mut locator = locate::Locator::new(text);
    let diagnostics = problems
        .into_iter()
        .map(|problem| {
            let mut path = vec![
                locate::Segment::Field("keys".into()),
                locate::Segment::Field(problem.name.into()),
            ];
            path.extend(problem.index.map(locate::Segment::Index));
            let pos = locator.locate(&path).unwrap_or(locate::Position {
                line: 1,
                column: 1,
                len: 1,
            });
            Diagnostic::at(file, text, pos.line, pos.column, problem.message)
                .with_len(pos.len)
                .with_path(locate::display_path(&path))
                .with_hint(problem.hint)
        })
        .collect();
    Err(LoadError::Invalid(diagnostics))
}

/// A problem with the key overrides: at `keys.NAME` (or `keys.NAME[INDEX]`).
struct Problem {
    name: &'static str,
    index: Option<usize>,
    message: String,
    hint: &'static str,
}

/// Whether the key map leaves a way to quit from every screen: `force_quit`
/// works on all of them; without it, `quit` is needed in the browser and
/// `close_presentation` in a presentation (which it leaves, or quits when
/// started with `present`). The search line leaves with Esc whatever the
/// config says, so it cannot lock anyone in.
fn locked_in(keymap: &Keymap, overridden: &[&'static str]) -> Option<Problem> {
    let has_keys = |name: &str| {
        keymap
            .bindings
            .iter()
            .any(|b| binding_name(b) == Some(name) && !b.chords.is_empty())
    };
    if has_keys("force_quit") {
        return None;
    }
    let missing: Vec<&'static str> = ["quit", "close_presentation"]
        .into_iter()
        .filter(|name| !has_keys(name))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let name = ["force_quit"]
        .into_iter()
        .chain(missing.iter().copied())
        .find(|name| overridden.contains(name))
        .unwrap_or("force_quit");
    Some(Problem {
        name,
        index: None,
        message: format!(
            "no key would quit: `force_quit` has none, and `{}` {} none either",
            missing.join("` and `"),
            if missing.len() == 1 { "has" } else { "have" }
        ),
        hint: "keep a key for `force_quit` (ctrl-c by default; it quits from every screen), \
               or keys for both `quit` and `close_presentation`",
    })
}
