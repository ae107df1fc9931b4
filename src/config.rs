//! The optional configuration file: theme, colours, language, mouse, and
//! key bindings (any bindable action to any keys).
//!
//! It lives at `$XDG_CONFIG_HOME/vision-tui/config.ron` (by default
//! `~/.config/vision-tui/config.ron`) or wherever `--config` points. Command
//! line flags win over the file, the file over the defaults. Unknown fields,
//! unknown keys and two actions on one key are errors with file:line:col.

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use serde::{Deserialize, Deserializer};

use crate::app::Action;
use crate::i18n::Lang;
use crate::keymap::{Binding, Chord, Context, Keymap};
use crate::load::{self, Diagnostic, LoadError, locate};
use crate::theme::color::ColorChoice;

/// Exit status for a configuration error (sysexits' EX_CONFIG).
pub const EXIT_CONFIG: u8 = 78;

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
    confirm, first_slide, last_slide, overview, blank, notes, notes_down, notes_up, timer,
    close_presentation,
    help, back,
}

/// The configuration file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// A built-in theme's name or a theme file's path.
    #[serde(default)]
    pub theme: Option<String>,
    /// Colour depth: "auto", "never", "16", "256" or "truecolor".
    #[serde(default)]
    pub color: Option<ColorChoice>,
    /// Interface language: "en" or "sv"; absent: the document's.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// Whether to use the mouse.
    #[serde(default)]
    pub mouse: Option<bool>,
    /// Whether to reload the document when its file changes.
    #[serde(default)]
    pub watch: Option<bool>,
    /// Key overrides.
    #[serde(default)]
    pub keys: KeysConfig,
}

/// Where the config file is looked for when `--config` is not given.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("vision-tui").join("config.ron"))
}

/// Reads the config: `explicit` must exist; the default location may not.
pub fn read(explicit: Option<&Path>) -> Result<(Config, Option<(String, String)>), LoadError> {
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => match default_path() {
            Some(path) if path.is_file() => path,
            _ => return Ok((Config::default(), None)),
        },
    };
    let bytes = load::read(&path)?;
    let name = path.display().to_string();
    let config: Config = load::parse_ron(&name, &bytes)?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Ok((config, Some((name, text))))
}

/// Applies the key overrides of `config` to `keymap`. Two bindings of one
/// screen on the same key is an error, located at the override that caused it.
pub fn apply_keys(
    keymap: &mut Keymap,
    config: &Config,
    source: Option<&(String, String)>,
) -> Result<(), LoadError> {
    let overrides = config.keys.overrides();
    for (name, keys) in &overrides {
        if let Some(binding) = keymap
            .bindings
            .iter_mut()
            .find(|b| binding_name(b) == Some(*name))
        {
            binding.chords = keys.iter().map(|k| k.0).collect();
        }
    }
    let mut problems = Vec::new();
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
                    // Blame an override; the defaults never conflict.
                    let blamed = [na, nb]
                        .into_iter()
                        .find(|n| overrides.iter().any(|(o, _)| o == n))
                        .unwrap_or(na);
                    let message = format!(
                        "key `{}` is bound to both `{na}` and `{nb}`",
                        key_name(chord)
                    );
                    if !problems.iter().any(|(_, m): &(&str, String)| *m == message) {
                        problems.push((blamed, message));
                    }
                }
            }
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    let (file, text) = source.map_or(("config", ""), |(f, t)| (f.as_str(), t.as_str()));
    let diagnostics = problems
        .into_iter()
        .map(|(name, message)| {
            let path = [
                locate::Segment::Field("keys".into()),
                locate::Segment::Field(name.into()),
            ];
            let pos = locate::locate(text, &path).unwrap_or(locate::Position {
                line: 1,
                column: 1,
                len: 1,
            });
            Diagnostic::at(file, text, pos.line, pos.column, message)
                .with_len(pos.len)
                .with_path(format!("keys.{name}"))
                .with_hint(
                    "give each key to one action; `vision-tui config --default` lists them all",
                )
        })
        .collect();
    Err(LoadError::Invalid(diagnostics))
}

/// A complete, commented config with every option and binding at its default.
pub fn default_text() -> String {
    let keymap = Keymap::default();
    let strings = crate::i18n::Strings::load(Lang::En);
    let mut out = String::from(
        "// vision-tui configuration. Put it at ~/.config/vision-tui/config.ron\n\
         // (or $XDG_CONFIG_HOME/vision-tui/config.ron), or pass --config PATH.\n\
         // Every field is optional: leave out what you do not change. Command-line\n\
         // flags win over this file.\n\
         (\n\
         \x20   // default, light, high-contrast, monochrome, or the path of a theme file.\n\
         \x20   theme: \"default\",\n\
         \x20   // auto (follows NO_COLOR, COLORTERM, TERM), never, 16, 256 or truecolor.\n\
         \x20   color: \"auto\",\n\
         \x20   // The interface language: \"en\" or \"sv\". Leave it out to follow the document.\n\
         \x20   // lang: \"en\",\n\
         \x20   // Clicks and the wheel; false leaves the mouse to the terminal (to copy text).\n\
         \x20   mouse: true,\n\
         \x20   // Reload the document when its file changes.\n\
         \x20   watch: true,\n\
         \x20   // Keys: each entry replaces all keys of one action. Keys are characters\n\
         \x20   // (\"q\", \"?\"), names (up, down, left, right, pgup, pgdn, home, end, enter,\n\
         \x20   // esc, tab, shift-tab, backspace, space, f1…f12) or ctrl- with a letter.\n\
         \x20   // The digits (1–9 to jump, 0–9 to type a slide number) are fixed.\n\
         \x20   keys: (\n",
    );
    for binding in &keymap.bindings {
        let Some(name) = binding_name(binding) else {
            continue;
        };
        let keys: Vec<String> = binding
            .chords
            .iter()
            .map(|c| format!("{:?}", key_name(c)))
            .collect();
        out.push_str(&format!(
            "        // {}\n        {name}: [{}],\n",
            (binding.description)(&strings),
            keys.join(", ")
        ));
    }
    out.push_str("    ),\n)\n");
    out
}

impl<'de> Deserialize<'de> for ColorChoice {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        <ColorChoice as clap::ValueEnum>::from_str(&text, true).map_err(|_| {
            serde::de::Error::custom(format!(
                "unknown colour setting `{text}`: use auto, never, 16, 256 or truecolor"
            ))
        })
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        <Lang as clap::ValueEnum>::from_str(&text, true).map_err(|_| {
            serde::de::Error::custom(format!("unknown language `{text}`: use en or sv"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, LoadError> {
        load::parse_ron("config.ron", text.as_bytes())
    }

    #[test]
    fn the_default_config_parses_and_changes_nothing() {
        let text = default_text();
        let config = parse(&text).unwrap_or_else(|err| panic!("{err}\n{text}"));
        let mut keymap = Keymap::default();
        apply_keys(
            &mut keymap,
            &config,
            Some(&("config.ron".into(), text.clone())),
        )
        .unwrap();
        let before: Vec<Vec<Chord>> = Keymap::default()
            .bindings
            .iter()
            .map(|b| b.chords.clone())
            .collect();
        let after: Vec<Vec<Chord>> = keymap.bindings.iter().map(|b| b.chords.clone()).collect();
        assert_eq!(before, after);
        assert_eq!(config.color, Some(ColorChoice::Auto));
        // Every rebindable binding is in it.
        for binding in &Keymap::default().bindings {
            if let Some(name) = binding_name(binding) {
                assert!(text.contains(&format!("        {name}: [")), "{name}");
            }
        }
    }

    #[test]
    fn keys_parse_and_print_back() {
        for name in [
            "q",
            "?",
            "G",
            "ctrl-d",
            "shift-tab",
            "f1",
            "pgdn",
            "space",
            "esc",
            "down",
        ] {
            let chord = parse_key(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(key_name(&chord), name);
        }
        assert!(parse_key("ctrl-").is_none());
        assert!(parse_key("f13").is_none());
        assert!(parse_key("hyper-x").is_none());
    }

    #[test]
    fn a_rebinding_moves_the_key() {
        let text = r#"(keys: (quit: ["x"], search: ["s", "/"], show_link: ["y"]))"#;
        let config = parse(text).unwrap();
        let mut keymap = Keymap::default();
        apply_keys(&mut keymap, &config, Some(&("c.ron".into(), text.into()))).unwrap();
        let mode = crate::app::Mode::Browse(crate::app::Pane::FocusList);
        let key =
            |c| ratatui::crossterm::event::KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(keymap.action_for(mode, &key('x')), Some(Action::Quit));
        assert_eq!(keymap.action_for(mode, &key('q')), None);
        assert_eq!(
            keymap.action_for(mode, &key('s')),
            Some(Action::StartSearch)
        );
    }

    #[test]
    fn conflicts_unknown_actions_and_bad_keys_are_positioned_errors() {
        let text = "(\n    keys: (\n        search: [\"q\"],\n    ),\n)";
        let config = parse(text).unwrap();
        let err = apply_keys(
            &mut Keymap::default(),
            &config,
            Some(&("c.ron".into(), text.into())),
        )
        .unwrap_err();
        let d = &err.diagnostics()[0];
        assert!(d.message.contains("`q` is bound to both"), "{err}");
        assert_eq!((d.line, d.column), (3, 17), "{err}");

        let err = parse("(keys: (jump: [\"j\"]))").unwrap_err();
        assert!(
            err.to_string().contains("jump") && err.to_string().contains("1:9"),
            "{err}"
        );
        let err = parse("(keys: (quit: [\"hyper-q\"]))").unwrap_err();
        assert!(err.to_string().contains("unknown key `hyper-q`"), "{err}");
        let err = parse("(colour: \"16\")").unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
        let err = parse("(color: \"17\")").unwrap_err();
        assert!(err.to_string().contains("unknown colour setting"), "{err}");
    }
}
