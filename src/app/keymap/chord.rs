//! Keys: how one matches a key event, and how it is written. The one home of
//! key names, both spellings: the config's (`"pgdn"`, `"ctrl-d"`, parsed and
//! written back) and the one people read in the help and footer (`PgDn`,
//! `Ctrl-d`).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chord {
    /// The key.
    pub code: KeyCode,
    /// Ctrl/Alt (Shift is implied by the character for letters).
    pub modifiers: KeyModifiers,
}

/// Every key with a name: its code, its names in the config (the first is
/// the one written back, the others are accepted too) and its label for people.
const NAMED: [(KeyCode, &[&str], &str); 14] = [
    (KeyCode::Up, &["up"], "↑"),
    (KeyCode::Down, &["down"], "↓"),
    (KeyCode::Left, &["left"], "←"),
    (KeyCode::Right, &["right"], "→"),
    (KeyCode::PageUp, &["pgup", "pageup"], "PgUp"),
    (KeyCode::PageDown, &["pgdn", "pagedown"], "PgDn"),
    (KeyCode::Home, &["home"], "Home"),
    (KeyCode::End, &["end"], "End"),
    (KeyCode::Enter, &["enter", "return"], "Enter"),
    (KeyCode::Esc, &["esc", "escape"], "Esc"),
    (KeyCode::Tab, &["tab"], "Tab"),
    (KeyCode::BackTab, &["shift-tab", "backtab"], "Shift-Tab"),
    (KeyCode::Backspace, &["backspace"], "Backspace"),
    (KeyCode::Char(' '), &["space"], "Space"),
];

/// The function keys there are names for: `f1` to `f12`.
const FUNCTION_KEYS: std::ops::RangeInclusive<u8> = 1..=12;

/// Who reads a key's name: the config's parser, or people.
#[derive(Clone, Copy)]
enum Reader {
    Config,
    People,
}

/// Ctrl as the config writes it, and as people read it.
const CTRL: (&str, &str) = ("ctrl-", "Ctrl-");

impl Chord {
    /// A key without modifiers.
    pub const fn key(code: KeyCode) -> Self {
        Self {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// A character key without modifiers.
    pub const fn char(c: char) -> Self {
        Self::key(KeyCode::Char(c))
    }

    /// Ctrl and a character.
    pub const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// True when a key event is this chord. Shift is ignored for characters
    /// (terminals disagree on whether `G` arrives with SHIFT set) and for
    /// Shift-Tab (which arrives as `BackTab`, with or without SHIFT).
    pub fn matches(&self, event: &KeyEvent) -> bool {
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

    fn named(&self) -> Option<&'static (KeyCode, &'static [&'static str], &'static str)> {
        match self.code {
            // The only character with a name is the space (a test checks).
            KeyCode::Char(c) if c != ' ' => None,
            code => NAMED.iter().find(|(named, ..)| *named == code),
        }
    }

    /// Writes the chord as `reader` reads it.
    fn write(&self, out: &mut String, reader: Reader) {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            out.push_str(match reader {
                Reader::Config => CTRL.0,
                Reader::People => CTRL.1,
            });
        }
        match (self.named(), self.code) {
            (Some((_, names, label)), _) => out.push_str(match reader {
                Reader::Config => names[0],
                Reader::People => label,
            }),
            (None, KeyCode::Char(c)) => out.push(c),
            (None, KeyCode::F(n)) => {
                out.push(match reader {
                    Reader::Config => 'f',
                    Reader::People => 'F',
                });
                out.push_str(&n.to_string());
            }
            (None, other) => {
                let debug = format!("{other:?}");
                out.push_str(&match reader {
                    Reader::Config => debug.to_lowercase(),
                    Reader::People => debug,
                });
            }
        }
    }

    /// Writes how the chord is shown in the help and footer (`↓`, `PgDn`,
    /// `Ctrl-d`) at the end of `out`.
    pub fn write_label(&self, out: &mut String) {
        self.write(out, Reader::People);
    }

    /// How the chord is written in the help and footer: `↓`, `PgDn`, `Ctrl-d`.
    pub fn label(&self) -> String {
        let mut label = String::new();
        self.write_label(&mut label);
        label
    }

    /// How the chord is written in the config: `"down"`, `"pgdn"`, `"ctrl-d"`
    /// (the inverse of [`Chord::parse`]).
    pub fn name(&self) -> String {
        let mut name = String::new();
        self.write(&mut name, Reader::Config);
        name
    }

    /// Parses a key as written in the config: a character (`"q"`, `"?"`), a
    /// name (`"pgdn"`, `"f1"`), or `ctrl-` with a letter or digit.
    pub fn parse(text: &str) -> Option<Chord> {
        let lower = text.to_ascii_lowercase();
        if let Some(rest) = lower
            .strip_prefix(CTRL.0)
            .or_else(|| lower.strip_prefix("ctrl+"))
        {
            let mut chars = rest.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_alphanumeric() => Some(Chord::ctrl(c)),
                _ => None,
            };
        }
        if let Some((code, ..)) = NAMED.iter().find(|(_, names, _)| names.contains(&&*lower)) {
            return Some(Chord::key(*code));
        }
        if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse().ok()) {
            return FUNCTION_KEYS
                .contains(&n)
                .then_some(Chord::key(KeyCode::F(n)));
        }
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => Some(Chord::char(c)),
            _ => None,
        }
    }

    /// The names of keys the config accepts, as a list for people:
    /// `up, down, …, space, f1…f12`.
    pub fn names() -> String {
        let mut names: Vec<String> = NAMED
            .iter()
            .map(|(_, names, _)| names[0].to_string())
            .collect();
        names.push(format!(
            "f{}…f{}",
            FUNCTION_KEYS.start(),
            FUNCTION_KEYS.end()
        ));
        names.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_and_print_back() {
        for name in [
            "q",
            "?",
            "G",
            "ctrl-d",
            "shift-tab",
            "f1",
            "f12",
            "pgdn",
            "space",
            "esc",
            "down",
        ] {
            let chord = Chord::parse(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(chord.name(), name);
        }
        for (other, name) in [
            ("PageDown", "pgdn"),
            ("ESCAPE", "esc"),
            ("return", "enter"),
            ("backtab", "shift-tab"),
            ("ctrl+D", "ctrl-d"),
            ("F3", "f3"),
        ] {
            assert_eq!(Chord::parse(other).map(|c| c.name()).as_deref(), Some(name));
        }
        for bad in ["ctrl-", "ctrl-dd", "f13", "f0", "hyper-x", "", "\u{7}"] {
            assert!(Chord::parse(bad).is_none(), "{bad:?}");
        }
        // "f" alone is the letter.
        assert_eq!(Chord::parse("f"), Some(Chord::char('f')));
    }

    #[test]
    fn every_named_key_has_a_label_and_ctrl_is_spelt_for_each_reader() {
        for (code, names, label) in NAMED {
            assert!(
                !matches!(code, KeyCode::Char(c) if c != ' '),
                "Chord::named looks up no character but the space"
            );
            let chord = Chord::key(code);
            assert_eq!(chord.label(), label);
            assert_eq!(Chord::parse(names[0]), Some(chord));
        }
        assert_eq!(Chord::ctrl('d').label(), "Ctrl-d");
        assert_eq!(Chord::ctrl('d').name(), "ctrl-d");
        assert_eq!(Chord::key(KeyCode::F(1)).label(), "F1");
        assert_eq!(Chord::char('G').label(), "G");
        assert_eq!(
            Chord::names(),
            "up, down, left, right, pgup, pgdn, home, end, enter, esc, tab, shift-tab, \
             backspace, space, f1…f12"
        );
    }
}
