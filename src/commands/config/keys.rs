//! Key bindings in the config: each field of `keys` is an action's name
//! (see [`Action::name`]) with the keys that replace its default ones, written
//! as [`Chord::parse`] reads them. Applying the overrides checks that the key
//! map stays usable: no key on two actions of one screen, and always a key
//! that quits.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::Source;
use crate::app::Action;
use crate::app::keymap::{Binding, Chord, Context, Keymap};
use crate::document::load::{Diagnostic, LoadError, locate};

/// A key as written in the config: `"q"`, `"ctrl-c"`, `"shift-tab"`, `"f1"`, `"pgdn"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeySpec(pub Chord);

impl<'de> Deserialize<'de> for KeySpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Chord::parse(&text).map(KeySpec).ok_or_else(|| {
            de::Error::custom(format!(
                "unknown key `{text}`: use a character (\"q\", \"?\"), a name ({}), or ctrl- with a letter (\"ctrl-d\")",
                Chord::names()
            ))
        })
    }
}

/// Key overrides: each replaces all keys of one action, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeysConfig {
    /// The actions overridden, with their new keys.
    pub overrides: Vec<(Action, Vec<KeySpec>)>,
}

impl KeysConfig {
    /// The keys given for `action`, if any.
    pub fn keys_of(&self, action: Action) -> Option<&[KeySpec]> {
        self.overrides
            .iter()
            .find(|(a, _)| *a == action)
            .map(|(_, keys)| keys.as_slice())
    }
}

/// Read as a record whose fields are the actions' names, so a misspelt or
/// unknown action is the same positioned "unknown field" error, with the
/// same list of names, as any other record's.
impl<'de> Deserialize<'de> for KeysConfig {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("KeysConfig", Action::names(), KeysVisitor)
    }
}

struct KeysVisitor;

impl<'de> Visitor<'de> for KeysVisitor {
    type Value = KeysConfig;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("key overrides, one field per action")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeysConfig, A::Error> {
        let mut overrides: Vec<(Action, Vec<KeySpec>)> = Vec::new();
        while let Some(Field(action)) = map.next_key()? {
            if overrides.iter().any(|(a, _)| *a == action) {
                let name = action.name().unwrap_or_default();
                return Err(de::Error::duplicate_field(name));
            }
            overrides.push((action, map.next_value()?));
        }
        Ok(KeysConfig { overrides })
    }
}

/// A field of `keys`: the action it names. An unknown name is refused while
/// it is read, so the error points at it.
struct Field(Action);

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name;
        impl Visitor<'_> for Name {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an action's name")
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<Field, E> {
                Action::from_name(name)
                    .map(Field)
                    .ok_or_else(|| E::unknown_field(name, Action::names()))
            }
        }
        deserializer.deserialize_identifier(Name)
    }
}

/// The name in messages of a binding without one (a digit pattern).
fn name_or_digits(binding: &Binding) -> &'static str {
    binding.name().unwrap_or("jump/type digit")
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
    let overrides: Vec<(&'static str, &[KeySpec])> = keys
        .overrides
        .iter()
        .filter_map(|(action, keys)| Some((action.name()?, keys.as_slice())))
        .collect();
    for (action, keys) in &keys.overrides {
        keymap.rebind(*action, keys.iter().map(|k| k.0));
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
                    let (na, nb) = (name_or_digits(a), name_or_digits(b));
                    let message =
                        format!("key `{}` is bound to both `{na}` and `{nb}`", chord.name());
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
            .any(|b| b.name() == Some(name) && !b.chords.is_empty())
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
